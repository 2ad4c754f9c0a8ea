"""The equipment desk tab (借还, issue 11), scan to message through the tab: ≤ 30 ms each for a piece lent to a
class, a box label (how many?), the quantity confirmed (lent), a piece scanned back, a box label with nobody chosen
(the count of its loan), that count confirmed (returned), and a refused scan.

A real ``EquipmentDeskTab`` on a copy of the demo centre, offscreen, as the librarian. The scanner's keys are typed
first (the scanner's time, not ours); what is timed is the Enter key until the tab has said its message and Qt has
handled what the scan posted: ``QTest.keyClick(Enter)`` + ``processEvents()`` — as ``bench/desk.py`` does.
"""

from __future__ import annotations

import os
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import demo_folder, row

TARGET_MS = 30.0


def run(samples: int = 60) -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication, QWidget

    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.domain.permissions import LIBRARIAN
    from center_app.services import equipment
    from center_app.ui.events import DataEvents
    from center_app.ui.operations import Operations
    from center_app.ui.pages.equipment_desk import EquipmentDeskTab

    app = QApplication.instance() or QApplication([])
    work = Path(tempfile.mkdtemp(prefix="bench-equipment-desk-"))
    times: dict[str, list[float]] = {
        "lend_piece": [],
        "box_label_ask": [],
        "lend_quantity": [],
        "return_piece": [],
        "box_label_count": [],
        "return_quantity": [],
        "refused": [],
    }
    try:
        shutil.copytree(demo_folder(1), work / "d")  # scans change data: work on a copy
        # On top of the demo's own equipment (a demo folder made before issue 11 has none with labels): boxes of
        # 30 and one-by-one pieces, each used once, so no box has a loan before it is lent.
        staff = open_store(DataDir(work / "d"), actor=Actor.command_line())
        boxes, pieces = [], []
        for n in range(samples):
            box = equipment.create_item(
                staff, equipment.ItemInput(f"跳绳（{n}号箱）", category="体育", quantity=30)
            )
            boxes.append(box.item.barcode)
            keyboard = equipment.create_item(
                staff,
                equipment.ItemInput(f"电子琴（{n}号）", category="音乐", tracking="individual", quantity=1),
            )
            pieces += keyboard.new_barcodes
        staff.close()
        ctx = open_store(DataDir(work / "d"), actor=Actor(username="bench", role=LIBRARIAN))
        events = DataEvents()
        host = QWidget()
        tab = EquipmentDeskTab(ctx, Operations(ctx, events.announce), host)
        tab.sound.player = lambda _kind: None
        host.resize(1100, 600)
        tab.resize(1100, 600)
        host.show()
        tab.refresh()
        app.processEvents()

        def timed(
            kind: str, code: str | None, expect: Callable[[], bool], widget: QWidget | None = None
        ) -> None:
            """Type ``code`` as a scanner does (if any), then time Enter until the tab has answered."""
            target = widget or tab.input
            if code is not None:
                QTest.keyClicks(target, code)
            start = time.perf_counter()
            QTest.keyClick(target, Qt.Key.Key_Return)
            app.processEvents()
            elapsed = time.perf_counter() - start
            if expect():
                times[kind].append(elapsed)

        def said(kind: str) -> Callable[[], bool]:
            return lambda: tab.message_kind == kind

        for i in range(samples):
            box, piece = boxes[i], pieces[i]
            tab.who.setEditText(f"三年级{i % 6 + 1}班体育课")
            tab.choose_who()
            timed("lend_piece", piece, said("ok"))
            timed("box_label_ask", box, lambda: tab.quantity_panel.isVisible())
            QTest.keyClicks(tab.quantity, "2")
            timed("lend_quantity", None, said("ok"), tab.quantity)
            tab.clear_borrower()  # nobody chosen: a scan takes back
            timed("return_piece", piece, said("ok"))
            timed("box_label_count", box, lambda: tab.return_panel.isVisible())
            timed("return_quantity", None, said("ok"), tab.return_count)
            timed("refused", f"X{i:06d}", said("error"))
        host.close()
        host.deleteLater()
        app.processEvents()
        ctx.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    rows = []
    for kind, values in times.items():
        values.sort()
        if not values:
            continue
        p95 = values[max(0, int(len(values) * 0.95) - 1)] * 1000
        rows.append(
            row(f"equipment_desk_{kind}_scan_to_message_p95_ms", p95, TARGET_MS, "ms", samples=len(values))
        )
        rows.append(
            row(
                f"equipment_desk_{kind}_scan_to_message_median_ms",
                statistics.median(values) * 1000,
                None,
                "ms",
            )
        )
    return rows


if __name__ == "__main__":
    from bench.common import emit

    emit(run())
