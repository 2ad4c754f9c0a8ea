"""盘点 (the equipment page's stocktake tab), driven like a user: open a stocktake of one storage place, scan, count a
quantity item by typing a number, leave (the tab destroyed) and come back to the same counts, look at the result,
export it, and apply it only after the question that says what will change — or cancel it after its own question."""

from __future__ import annotations

import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QTabWidget, QVBoxLayout, QWidget

from center_app.context import Actor, AppContext, open_store
from center_app.domain.permissions import LIBRARIAN, TEACHER
from center_app.services import equipment as eq
from center_app.ui.operations import Operations
from center_app.ui.pages.equipment_stocktake import EquipmentStocktakeTab
from center_app.ui.pages.equipment_stocktake_model import Show
from center_app.ui.widgets.scanner_input import monotonic_ms
from tests.uitools import layout_problems, scan

PLACE = "器材室A柜"
PICTURES = Path(os.environ.get("CENTER_APP_EQUIP_PICTURES", "/tmp/equip"))


@dataclass(frozen=True)
class Room:
    ropes: eq.ItemRow
    balls: eq.ItemRow
    keys: tuple[str, ...]
    keys_id: int
    projector: str


def room(ctx: AppContext) -> Room:
    """Cupboard A: 20 ropes and 6 balls by quantity, 3 keyboards one by one; a projector in the music corner."""
    make = eq.create_item
    ropes = make(ctx, eq.ItemInput("计数跳绳", category="体育", quantity=20, unit="根", location=PLACE)).item
    balls = make(ctx, eq.ItemInput("篮球", category="体育", quantity=6, location=PLACE)).item
    keys = make(
        ctx,
        eq.ItemInput("电子琴", category="音乐", tracking="individual", quantity=3, unit="台", location=PLACE),
    )
    projector = make(
        ctx,
        eq.ItemInput(
            "投影仪", category="电子", tracking="individual", quantity=1, unit="台", location="音乐角"
        ),
    )
    return Room(ropes, balls, keys.new_barcodes, keys.item.id, projector.new_barcodes[0])


class Host:
    """The tab where the equipment page will hold it: a page (title + tabs) in the main window's page stack."""

    def __init__(self, qtbot, window) -> None:
        self.qtbot = qtbot
        self.window = window
        self.page = QWidget()
        self.page.setObjectName("equipmentPageStandIn")
        layout = QVBoxLayout(self.page)
        layout.setContentsMargins(16, 10, 16, 10)
        layout.addWidget(QLabel("器材"))
        self.tabs = QTabWidget()
        layout.addWidget(self.tabs, 1)
        window.stack.addWidget(self.page)
        window.stack.setCurrentWidget(self.page)
        self.announced: list[str] = []
        self.sounds: list[str] = []  # the desk sounds played, in order
        self.tab = self.build(window.ctx)

    def build(self, ctx: AppContext) -> EquipmentStocktakeTab:
        ops = Operations(ctx, self.announced.append)
        tab = EquipmentStocktakeTab(ctx, ops, self.tabs)
        tab.sound.player = self.sounds.append
        self.tabs.addTab(tab, "盘点")
        self.tabs.setCurrentWidget(tab)
        tab.refresh()
        self.qtbot.waitUntil(tab.isVisible)
        tab.focus_first()
        self.tab = tab
        return tab

    def rebuild(self, ctx: AppContext | None = None) -> EquipmentStocktakeTab:
        """Close the tab (destroyed, as when the app is closed) and build a new one on the same data."""
        old = self.tab
        self.tabs.removeTab(self.tabs.indexOf(old))
        old.setParent(None)
        old.deleteLater()
        self.qtbot.wait(10)
        return self.build(ctx or self.window.ctx)

    def fits(self, step: str) -> list[str]:
        problems: list[str] = []
        for width, height in ((1280, 720), (1366, 768), (1366, 697)):
            self.window.resize(width, height)
            self.qtbot.wait(20)
            problems += [f"{step} @ {width}×{height}: {p}" for p in layout_problems(self.window)]
        self.window.resize(1280, 720)
        self.qtbot.wait(20)
        return problems

    def picture(self, name: str) -> None:
        PICTURES.mkdir(parents=True, exist_ok=True)
        self.window.resize(1280, 720)
        self.qtbot.wait(20)
        self.window.grab().save(str(PICTURES / f"{name}.png"))


@pytest.fixture
def host(qtbot, window) -> Iterator[Host]:
    yield Host(qtbot, window)


def click(qtbot, button) -> None:
    assert button.isVisible() and button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def open_for_place(qtbot, tab: EquipmentStocktakeTab, place: str = PLACE) -> None:
    start = tab.start
    click(qtbot, start.scope_location)
    start.location.setCurrentIndex(start.location.findText(place))
    click(qtbot, start.open_button)
    assert tab.counting_open, start.message.text()


def type_number(qtbot, tab: EquipmentStocktakeTab, number: str) -> None:
    """A person types a count slowly (not a scanner's burst) and presses Enter."""
    clock = iter(range(0, 100_000, 400))
    tab.input.clock = lambda: float(next(clock))
    qtbot.keyClicks(tab.input, number)
    qtbot.keyClick(tab.input, Qt.Key.Key_Return)
    tab.input.clock = monotonic_ms


def lines(tab: EquipmentStocktakeTab) -> dict[str, tuple[int, int]]:
    """name (the barcode for a unit or an unknown code) → (expected, counted), of every line."""
    return {
        (line.name if line.by_quantity else line.barcode): (line.expected, line.counted)
        for line in tab.counting.model.lines
    }


def test_a_stocktake_of_one_place_counted_resumed_exported_and_applied(
    qtbot, host: Host, tmp_path: Path
) -> None:
    things = room(host.window.ctx)
    tab = host.rebuild()  # the items are there now
    assert tab.stack.currentWidget() is tab.start and not tab.input.isEnabled()
    problems = host.fits("start")
    host.picture("stocktake_start")

    open_for_place(qtbot, tab)
    assert tab.counting.progress.text() == "已清点 0 / 5"  # ropes, balls, three keyboards
    assert host.announced == ["equipment"]
    assert tab.input.hasFocus()
    k1, k2, k3 = things.keys

    scan(qtbot, tab.input, k1)
    assert tab.message_kind == "ok" and "电子琴" in tab.message.text()
    scan(qtbot, tab.input, k1)  # the same keyboard again: counted once
    assert tab.message_kind == "info" and "已经清点过了" in tab.message.text()
    scan(qtbot, tab.input, things.projector)  # belongs in the music corner
    assert tab.message_kind == "ask" and "不在这次盘点的清单上" in tab.message.text()
    assert host.sounds[-3:] == ["ok", "notice", "notice"]
    qtbot.waitUntil(lambda: things.projector in lines(tab))
    scan(qtbot, tab.input, things.ropes.barcode)
    assert tab.counting.current is not None and tab.counting.current.name == "计数跳绳"
    type_number(qtbot, tab, "18")  # the ropes counted by hand: 18 of 20
    assert "已点 18/20" in tab.message.text() and tab.message_kind == "ok"
    assert tab.counting.progress.text() == "已清点 2 / 5"
    problems += host.fits("counting")
    host.picture("stocktake_counting")

    # The app closed and opened again: the same stocktake, the same counts.
    tab = host.rebuild()
    assert tab.counting_open and tab.stack.currentWidget() is tab.counting
    assert tab.counting.progress.text() == "已清点 2 / 5"
    seen = lines(tab)
    assert seen["计数跳绳"] == (20, 18) and seen[k1] == (1, 1) and seen[k2] == (1, 0)
    assert seen[things.projector] == (0, 1) and seen["篮球"] == (6, 0)

    # The result: what is still missing.
    tab.counting.filter.setCurrentIndex(tab.counting.filter.findData(Show.MISSING))
    shown = {line.barcode if not line.by_quantity else line.name for line in tab.counting.model.rows}
    assert shown == {k2, k3, "计数跳绳", "篮球"}
    assert "还没找到或短缺 4 项" in tab.counting.summary.text()
    tab.counting.filter.setCurrentIndex(0)

    # Exported to Excel on a worker thread.
    target = tmp_path / "盘点 结果.xlsx"
    tab.choose_file = lambda _suggested, _suffix: str(target)
    click(qtbot, tab.counting.export_xlsx)
    qtbot.waitUntil(lambda: tab.message_kind == "ok" and "已导出" in tab.message.text(), timeout=10_000)
    sheet = load_workbook(target).active
    rows = [tuple(c for c in row) for row in sheet.iter_rows(values_only=True)]
    assert any(row[:3] == ("短缺", "计数跳绳", things.ropes.barcode) for row in rows)
    assert any(row[:3] == ("短缺", "电子琴", k2) for row in rows)
    assert any(row[0] == "多出" and row[2] == things.projector for row in rows)
    # and to PDF: a name without the suffix gets it
    tab.choose_file = lambda _suggested, _suffix: str(tmp_path / "盘点单")
    click(qtbot, tab.counting.export_pdf)
    assert not tab.counting.export_pdf.isEnabled()  # one export at a time
    qtbot.waitUntil(lambda: tab.message_kind == "ok" and "盘点单.pdf" in tab.message.text(), timeout=10_000)
    assert (tmp_path / "盘点单.pdf").read_bytes()[:5] == b"%PDF-"

    # Applied only after the question that says what will change.
    click(qtbot, tab.counting.apply)
    assert tab.confirm.isVisible()
    question = tab.confirm.text.text()
    assert "2 件标为遗失" in question and "2 种数量改正" in question, question
    assert "还有 3 项没有清点" in question  # k2, k3 and the balls
    problems += host.fits("apply question")
    host.picture("stocktake_apply_question")
    click(qtbot, tab.confirm.ok)
    assert not tab.counting_open and tab.stack.currentWidget() is tab.start
    assert "2 件编号器材标为遗失" in tab.start.message.text()
    units = {u.barcode: u.status for u in eq.get_item(host.window.ctx, things.keys_id).units}
    assert units == {k1: "available", k2: "lost", k3: "lost"}
    assert eq.get_item(host.window.ctx, things.ropes.id).item.total == 18
    assert eq.get_item(host.window.ctx, things.balls.id).item.total == 0
    assert eq.current_stocktake(host.window.ctx) is None

    # The past stocktake, its result a click away, read-only.
    assert tab.start.past.rows[0].status == "finished"
    click(qtbot, tab.start.show_button)
    assert tab.stack.currentWidget() is tab.counting and not tab.counting_open
    assert not tab.input.isVisible() and tab.counting.back.isVisible() and not tab.counting.apply.isVisible()
    assert "已确认" in tab.counting.title.text()
    problems += host.fits("past result")
    host.picture("stocktake_past_result")
    click(qtbot, tab.counting.back)
    assert tab.stack.currentWidget() is tab.start
    assert not problems, "\n".join(problems)


def test_cancel_asks_first_and_changes_nothing(qtbot, host: Host) -> None:
    things = room(host.window.ctx)
    tab = host.rebuild()
    open_for_place(qtbot, tab)
    scan(qtbot, tab.input, things.keys[0])
    click(qtbot, tab.counting.cancel)
    assert "取消这次盘点" in tab.confirm.text.text()
    click(qtbot, tab.confirm.cancel)  # 继续盘点
    assert tab.counting_open and not tab.confirm.isVisible()
    click(qtbot, tab.counting.cancel)
    click(qtbot, tab.confirm.ok)
    assert not tab.counting_open and tab.stack.currentWidget() is tab.start
    assert "已取消" in tab.start.message.text()
    assert tab.start.past.rows[0].status == "cancelled"
    assert eq.get_item(host.window.ctx, things.ropes.id).item.total == 20


def test_a_scan_withdraws_the_question_and_refusals_are_said(qtbot, host: Host) -> None:
    things = room(host.window.ctx)
    tab = host.rebuild()
    sounds: list[str] = []
    tab.sound.player = sounds.append
    tab.handle_scan(things.keys[0])  # nothing open yet: said where a stocktake is started
    assert "还没有开始盘点" in tab.start.message.text() and sounds == ["refused"]
    open_for_place(qtbot, tab)
    click(qtbot, tab.counting.apply)
    assert tab.confirm.isVisible()
    tab.handle_scan(things.keys[0])  # a scan while asked: the figures change
    assert not tab.confirm.isVisible() and tab.message_kind == "ok"
    type_number(qtbot, tab, "5")  # a keyboard is chosen: it is counted by scanning, not by a number
    assert tab.message_kind == "error" and "数目" in tab.message.text()
    scan(qtbot, tab.input, "XYZ-404")
    assert tab.message_kind == "ask" and "不是本中心的器材编号" in tab.message.text()
    assert lines(tab)["XYZ-404"] == (0, 1)
    # the count box: choose the balls in the table and record 6
    row = next(i for i, line in enumerate(tab.counting.model.rows) if line.name == "篮球")
    tab.counting.choose_row(row)
    tab.counting.count.setValue(6)
    click(qtbot, tab.counting.count_button)
    assert lines(tab)["篮球"] == (6, 6) and tab.message_kind == "ok"


def test_what_a_role_may_not_do_is_disabled_and_said(qtbot, host: Host, data_dir) -> None:
    things = room(host.window.ctx)
    eq.open_stocktake(host.window.ctx, location=PLACE)
    librarian = open_store(data_dir, actor=Actor(username="lib", role=LIBRARIAN))
    teacher = open_store(data_dir, actor=Actor(username="t", role=TEACHER))
    try:
        tab = host.rebuild(librarian)  # may scan, may not apply or cancel
        assert tab.counting_open and tab.input.isEnabled()
        assert not tab.counting.apply.isEnabled() and not tab.counting.cancel.isEnabled()
        assert "不能确认或取消盘点" in tab.counting.rights.text()
        scan(qtbot, tab.input, things.keys[0])
        assert tab.message_kind == "ok"
        tab = host.rebuild(teacher)  # looks only
        assert not tab.input.isEnabled() and "不能清点" in tab.message.text()
        assert tab.info is not None
        eq.cancel_stocktake(host.window.ctx, tab.info.id)
        tab.refresh()
        assert tab.stack.currentWidget() is tab.start
        assert not tab.start.open_button.isEnabled() and "不能开始盘点" in tab.start.message.text()
    finally:
        host.rebuild()
        librarian.close()
        teacher.close()


def test_a_stocktake_confirmed_on_another_pc_is_said_where_one_is_started(qtbot, host: Host) -> None:
    things = room(host.window.ctx)
    tab = host.rebuild()
    open_for_place(qtbot, tab)
    assert tab.info is not None
    eq.cancel_stocktake(host.window.ctx, tab.info.id)  # another PC
    scan(qtbot, tab.input, things.keys[0])
    assert tab.stack.currentWidget() is tab.start and not tab.input.isEnabled()
    assert "已经结束" in tab.start.message.text()


def test_the_question_counts_a_lost_piece_found_and_leaves_one_lent_meanwhile(qtbot, host: Host) -> None:
    ctx = host.window.ctx
    things = room(ctx)
    k1, k2, k3 = things.keys
    eq.report_incident(ctx, eq.IncidentInput(things.keys_id, "lost", unit_barcode=k3))  # lost last term
    tab = host.rebuild()
    open_for_place(qtbot, tab)
    eq.lend(ctx, k2, eq.Borrower.group("三年级音乐课"))  # lent while the room is counted
    scan(qtbot, tab.input, k3)  # turned up in the cupboard
    assert tab.message_kind == "ask" and "遗失" in tab.message.text()
    for code in (things.ropes.barcode, things.balls.barcode):
        scan(qtbot, tab.input, code)
    type_number(qtbot, tab, "6")  # the balls: all six
    scan(qtbot, tab.input, k1)
    row = next(i for i, line in enumerate(tab.counting.model.rows) if line.name == "计数跳绳")
    tab.counting.choose_row(row)
    type_number(qtbot, tab, "21")  # one rope more than the records say
    click(qtbot, tab.counting.apply)
    question = tab.confirm.text.text()
    assert "1 件遗失的找回" in question and "1 种数量改正（多出的 1 件加入总数）" in question, question
    assert "标为遗失" not in question  # k2 is out on loan now: left alone
    assert "1 项不改动" in question and "还有 1 项没有清点" in question, question  # k2: not there, lent
    click(qtbot, tab.confirm.ok)
    units = {u.barcode: u.status for u in eq.get_item(ctx, things.keys_id).units}
    assert units == {k1: "available", k2: "on_loan", k3: "available"}
    assert eq.get_item(ctx, things.ropes.id).item.total == 21
    assert "没有改动" in tab.start.message.text()
