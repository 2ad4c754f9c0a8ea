"""Import of a 4,000-row donation list (.xlsx) into a centre's catalogue (issue 4): ≤ 3 s, reading included."""

from __future__ import annotations

import random
import shutil
import tempfile
import time
from pathlib import Path

from bench.common import row

PUBLISHERS = ["人民文学出版社", "少年儿童出版社", "接力出版社", "二十一世纪出版社", "浙江少年儿童出版社"]


def donation_list(path: Path, rows: int = 4000) -> None:
    """The real shape: a title row, a blank spacer, Chinese headers, a 数量 column, a 合计 row."""
    from openpyxl import Workbook

    from center_app.domain.isbn import make_china_isbn13

    rng = random.Random(4000)
    book = Workbook()
    sheet = book.active
    sheet.append(["深圳市某公益基金会 2026年捐赠图书清单"])
    sheet.append([])
    sheet.append(["序号", "书名", "作者", "出版社", "ISBN", "定价", "数量"])
    total = 0
    for i in range(1, rows + 1):
        quantity = rng.choice([1, 1, 1, 2, 3])
        total += quantity
        isbn = make_china_isbn13("5007", i) if rng.random() > 0.15 else ""
        sheet.append([i, f"儿童文学精选第{i}册", f"作者{i % 211}", rng.choice(PUBLISHERS), isbn,
                      round(rng.uniform(12, 45), 1), quantity])
    sheet.append(["合计", "", "", "", "", "", total])
    book.save(path)


def run(repeat: int = 3) -> list[dict[str, object]]:
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import book_import

    work = Path(tempfile.mkdtemp(prefix="bench-import-"))
    try:
        source = work / "捐赠清单.xlsx"
        donation_list(source)
        times = []
        for n in range(repeat):
            ctx = open_store(DataDir(work / f"d{n}"), actor=Actor.command_line())
            start = time.perf_counter()
            preview = book_import.preview_import(ctx, source)
            result = book_import.run_import(ctx, source, preview=preview)
            times.append(time.perf_counter() - start)
            ctx.close()
            assert result.titles_created == 4000
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [row("book_import_4000_rows_xlsx_s", min(times), 3.0, "s", runs=repeat, max=round(max(times), 3))]
