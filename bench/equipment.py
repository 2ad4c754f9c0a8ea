"""The equipment room's targets (issue 11), through the services the equipment page calls:

- a lend and a return, scan to commit (one transaction each, synchronous=FULL commit): ≤ 30 ms;
- a stocktake of 2,000 things (1,000 quantity items, 1,000 units of 100 one-by-one items) with 2,000 scans: each
  scan ≤ 30 ms (its own transaction, audited), the found/missing/unexpected result ≤ 1 s;
- the equipment list's search as you type over 250 items: ≤ 16 ms per keystroke (``EquipmentIndex.search``;
  the page's table model comes on top, as it does for the catalogue's ~1 ms).

The centre is made in one transaction through the service's own building blocks (not measured).
"""

from __future__ import annotations

import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import row

WORDS = (
    "篮球",
    "足球",
    "跳绳",
    "羽毛球拍",
    "乒乓球",
    "象棋",
    "围棋",
    "口琴",
    "手鼓",
    "画板",
    "水彩笔",
    "彩纸",
    "积木",
    "拼图",
    "魔方",
    "平板电脑",
    "电子琴",
    "投影仪",
    "呼啦圈",
    "毽子",
)
PLACES = (
    "器材室A柜",
    "器材室B柜",
    "活动室音乐角",
    "美术室柜子",
    "活动室游戏柜",
    "办公室电子柜",
    "储物间货架",
)


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(len(ordered) * 0.95) - 1)]


def _timed(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def run(lends: int = 200, keystrokes: int = 1000) -> list[dict[str, object]]:
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.domain.equipment import ItemInput, validate_item
    from center_app.domain.permissions import LIBRARIAN
    from center_app.services import equipment
    from center_app.services.equipment.common import AssetBarcodes, add_item

    work = Path(tempfile.mkdtemp(prefix="bench-equipment-"))
    rng = random.Random(11)
    try:
        ctx = open_store(DataDir(work / "d"), actor=Actor.command_line())
        with ctx.db.session() as s:
            allocator = AssetBarcodes(s)
            for n in range(1000):
                values = validate_item(
                    ItemInput(
                        f"{WORDS[n % len(WORDS)]}（{n}号）",
                        category="体育",
                        quantity=rng.randint(5, 30),
                        location=PLACES[n % len(PLACES)],
                    )
                )
                add_item(s, ctx.actor, values, allocator=allocator)
            for n in range(100):
                values = validate_item(
                    ItemInput(
                        f"{WORDS[n % len(WORDS)]}（编号{n}）",
                        category="电子",
                        tracking="individual",
                        quantity=10,
                        location=PLACES[n % len(PLACES)],
                    )
                )
                add_item(s, ctx.actor, values, allocator=allocator)
        desk = open_store(DataDir(work / "d"), actor=Actor(username="bench", role=LIBRARIAN))
        items = [r for r in equipment.list_items(desk) if r.tracking == "quantity"]

        # Lend and return, scan to commit: the box's label scanned, 1–5 pieces to a class; then the return.
        lend_ms, return_ms = [], []
        for item in rng.sample(items, lends):
            pieces = rng.randint(1, 5)
            start = time.perf_counter()
            loan = equipment.lend(desk, item.barcode, equipment.Borrower.group("三年级体育课"), pieces).loan
            lend_ms.append((time.perf_counter() - start) * 1000)
            return_ms.append(_timed(lambda loan_id=loan.id: equipment.return_loan(desk, loan_id)))

        # A stocktake of everything, every box and unit scanned once.
        take = equipment.open_stocktake(ctx).id
        codes = [r.barcode for r in items]
        for item in equipment.list_items(ctx):
            if item.tracking == "individual":
                codes += [u.barcode for u in equipment.get_item(ctx, item.id).units]
        rng.shuffle(codes)
        scan_ms = [_timed(lambda c=code: equipment.record_scan(desk, take, c)) for code in codes]
        result_ms = [_timed(lambda: equipment.stocktake_result(ctx, take)) for _ in range(3)]
        equipment.cancel_stocktake(ctx, take)

        # Search as you type over 250 items: initials letter by letter, Chinese a word at a time, a scanned code.
        index = equipment.EquipmentIndex(equipment.list_items(ctx)[:250])
        rows = index.rows
        search_ms: list[float] = []
        while len(search_ms) < keystrokes:
            r = rng.choice(rows)
            kind = rng.random()
            if kind < 0.5:
                steps = [r.name_initials[:n] for n in range(1, min(4, len(r.name_initials)) + 1)]
            elif kind < 0.85:
                steps = [r.name[:n] for n in range(1, min(4, len(r.name)) + 1)]
            else:
                steps = [r.barcode[:n] for n in range(1, len(r.barcode) + 1)]
            for text in ["", *steps]:
                search_ms.append(_timed(lambda t=text: index.search(t)))
        desk.close()
        ctx.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "equipment_lend_p95_ms",
            _p95(lend_ms),
            30.0,
            "ms",
            samples=len(lend_ms),
            median=round(statistics.median(lend_ms), 2),
        ),
        row(
            "equipment_return_p95_ms",
            _p95(return_ms),
            30.0,
            "ms",
            samples=len(return_ms),
            median=round(statistics.median(return_ms), 2),
        ),
        row(
            "stocktake_scan_p95_ms_2000",
            _p95(scan_ms),
            30.0,
            "ms",
            samples=len(scan_ms),
            median=round(statistics.median(scan_ms), 2),
            max=round(max(scan_ms), 2),
        ),
        row("stocktake_result_ms_2000", max(result_ms), 1000.0, "ms", lines=len(codes)),
        row(
            "equipment_search_keystroke_p95_ms_250",
            _p95(search_ms),
            16.0,
            "ms",
            samples=len(search_ms),
            median=round(statistics.median(search_ms), 3),
        ),
    ]
