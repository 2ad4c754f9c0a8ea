"""借还 (the equipment desk tab), driven like a scanner: a piece lent to a child's card and scanned back, 20 ropes
lent to a class and 18 back with 2 lost (the log names the class), refusals in red with the refused sound, Ctrl+Z,
the open-loans list with its closing-time filter, and the tab fitting the school PC's screen."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLabel, QTabWidget, QVBoxLayout, QWidget

from center_app.context import Actor, AppContext
from center_app.services import equipment as eq
from center_app.ui.operations import Operations
from center_app.ui.pages.equipment_desk import EquipmentDeskTab
from tests.gui.test_roll_call import add_child
from tests.uitools import ime_type, layout_problems, scan

PICTURES = Path("/tmp/equip")


def host_tab(window, make: Callable[[QWidget | None], QWidget], title: str) -> QWidget:
    """The tab inside a page-like holder (a title over a tab widget) shown in the main window's page area, as the
    equipment page will hold it; the window's scan router leaves it alone (it is none of the window's pages)."""
    holder = QWidget()
    holder.setObjectName("equipmentTestHolder")
    layout = QVBoxLayout(holder)
    layout.setContentsMargins(16, 10, 16, 10)
    layout.addWidget(QLabel("器材"))
    tabs = QTabWidget()
    layout.addWidget(tabs, 1)
    tab = make(None)
    tabs.addTab(tab, title)
    window.stack.addWidget(holder)
    window.stack.setCurrentWidget(holder)
    return tab


def operations(window) -> Operations:
    return Operations(window.ctx, window.events.announce)


@pytest.fixture
def things(window) -> dict[str, object]:
    ctx = window.ctx
    ropes = eq.create_item(
        ctx, eq.ItemInput("计数跳绳", category="体育", quantity=20, unit="根", location="A柜")
    )
    keyboards = eq.create_item(
        ctx, eq.ItemInput("电子琴（61键）", category="音乐", tracking="individual", quantity=2, unit="台")
    )
    projector = eq.create_item(
        ctx, eq.ItemInput("投影仪", category="电子", quantity=1, unit="台", condition="维修中")
    )
    return {
        "ropes": ropes.item,
        "keyboard": keyboards.new_barcodes[0],
        "keyboard2": keyboards.new_barcodes[1],
        "keyboards": keyboards.item,
        "projector": projector.item,
        "child": add_child(ctx, "王子涵", "三年级1班", card="C00001"),
    }


@pytest.fixture
def desk(qtbot, window, things) -> EquipmentDeskTab:
    tab = host_tab(window, lambda parent: EquipmentDeskTab(window.ctx, operations(window), parent), "借还")
    assert isinstance(tab, EquipmentDeskTab)
    tab.sounds = []  # type: ignore[attr-defined]
    tab.sound.player = tab.sounds.append  # type: ignore[attr-defined]
    assert tab.stale
    tab.refresh()
    assert not tab.stale
    tab.focus_first()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is tab.input, timeout=3000)
    return tab


def table_rows(tab: EquipmentDeskTab) -> list[list[str]]:
    table = tab.loans_table
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def lend_ropes_to_the_class(qtbot, desk: EquipmentDeskTab, ropes: eq.ItemRow, count: str = "20") -> None:
    ime_type(desk.who.lineEdit(), "三年级体育课")
    qtbot.keyClick(desk.who.lineEdit(), Qt.Key.Key_Return)
    assert desk.borrower_label == "三年级体育课"
    assert QApplication.focusWidget() is desk.input
    scan(qtbot, desk.input, ropes.barcode)
    assert desk.quantity_panel.isVisible() and QApplication.focusWidget() is desk.quantity
    assert "可借 20根" in desk.quantity_text.text()
    qtbot.keyClicks(desk.quantity, count)  # the 1 shown is selected: typing replaces it
    qtbot.keyClick(desk.quantity, Qt.Key.Key_Return)


def test_a_piece_lent_to_a_childs_card_comes_back_by_scanning_it(qtbot, window, desk, things) -> None:
    changes: list[str] = []
    window.events.data_changed.connect(changes.append)
    scan(qtbot, desk.input, "C00001")
    assert desk.borrower_label == "三年级1班 王子涵"
    assert desk.borrower_view.text() == "借给：三年级1班 王子涵（儿童）"

    scan(qtbot, desk.input, things["keyboard"])
    assert desk.message_kind == "ok"
    assert "电子琴（61键） E000002 1台 借给 三年级1班 王子涵" in desk.message.text()
    assert table_rows(desk)[0][:3] == ["三年级1班 王子涵", "电子琴（61键） E000002", "1台"]
    assert changes == ["equipment"] and desk.sounds == ["ok"]
    assert QApplication.focusWidget() is desk.input and desk.input.text() == ""

    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)  # the child goes: nobody chosen, a scan takes back
    assert desk.borrower is None and "扫器材 = 归还" in desk.borrower_view.text()
    scan(qtbot, desk.input, things["keyboard"])
    assert desk.message_kind == "ok"
    assert desk.message.text() == "电子琴（61键）（E000002）已归还（三年级1班 王子涵）。"
    assert table_rows(desk) == [] and desk.loans_title.text() == "借出中：0 笔"
    assert desk.sounds == ["ok", "ok"]

    # Scanned again: nothing to take back, and nobody's mistake (a note, the "look" sound).
    scan(qtbot, desk.input, things["keyboard"])
    assert desk.message_kind == "info" and "没有借出，不用归还" in desk.message.text()
    assert desk.sounds[-1] == "notice"

    # F7 first: the next piece scanned back came back damaged, and the log says so.
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, things["keyboard2"])
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    qtbot.keyClick(desk.input, Qt.Key.Key_F7)
    assert desk.damage_next and desk.message_kind == "ask" and desk.damaged_button.isChecked()
    scan(qtbot, desk.input, things["keyboard2"])
    assert desk.message_kind == "ok" and "其中 1台 损坏，已登记" in desk.message.text()
    assert not desk.damage_next and not desk.damaged_button.isChecked()
    (incident,) = eq.list_incidents(window.ctx, things["keyboards"].id)
    assert incident.kind_label == "损坏" and incident.borrower == "三年级1班 王子涵"


def test_twenty_ropes_to_a_class_eighteen_back_and_two_lost_names_the_class(
    qtbot, window, desk, things
) -> None:
    ropes = things["ropes"]
    lend_ropes_to_the_class(qtbot, desk, ropes)
    assert desk.message_kind == "ok"
    assert desk.message.text().startswith("计数跳绳 20根 借给 三年级体育课，请在 今天 ")
    assert not desk.quantity_panel.isVisible() and QApplication.focusWidget() is desk.input
    assert table_rows(desk)[0][:3] == ["三年级体育课", "计数跳绳", "20根"]

    # They bring 18 back: nobody chosen, the rope box's label scanned opens the count for that loan.
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    scan(qtbot, desk.input, ropes.barcode)
    assert desk.return_panel.isVisible() and QApplication.focusWidget() is desk.return_count
    assert "未还 20根" in desk.return_text.text() and "三年级体育课" in desk.return_text.text()
    assert not desk.return_rest.isEnabled()  # all back: nothing to decide
    qtbot.keyClicks(desk.return_count, "18")
    assert desk.return_rest.isEnabled()
    desk.return_rest.setCurrentIndex(desk.return_rest.findData("lost"))
    assert desk.return_rest.currentText() == "丢失"
    qtbot.keyClick(desk.return_count, Qt.Key.Key_Return)
    assert desk.message_kind == "ok"
    assert desk.message.text() == "计数跳绳 18根已归还（三年级体育课），2根 登记为遗失。"
    assert not desk.return_panel.isVisible() and table_rows(desk) == []

    (incident,) = eq.list_incidents(window.ctx, ropes.id)
    assert (incident.kind_label, incident.quantity, incident.borrower) == ("遗失", 2, "三年级体育课")
    item = eq.get_item(window.ctx, ropes.id).item
    assert (item.total, item.available, item.out) == (18, 18, 0)


def test_a_partial_return_from_the_list_keeps_the_rest_out(qtbot, window, desk, things) -> None:
    lend_ropes_to_the_class(qtbot, desk, things["ropes"], "12")
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)  # ↑↓ in the scanner input choose in the list
    qtbot.keyClick(desk.input, Qt.Key.Key_F6)
    assert desk.return_panel.isVisible()
    qtbot.keyClicks(desk.return_count, "10")
    qtbot.keyClick(desk.return_count, Qt.Key.Key_Return)  # the shortfall stays out (还没还完)
    assert desk.message.text() == "计数跳绳 10根已归还（三年级体育课），还有 2根 未还。"
    assert table_rows(desk)[0][2] == "2根（借 12）"
    assert eq.list_incidents(window.ctx, things["ropes"].id) == []


def test_refused_lends_say_why_in_red_with_the_refused_sound(qtbot, window, desk, things) -> None:
    lend_ropes_to_the_class(qtbot, desk, things["ropes"], "25")
    assert desk.message_kind == "error"
    assert "现在只有 20根 可借" in desk.message.text() and "不能借出 25根" in desk.message.text()
    assert desk.sounds[-1] == "refused"
    assert (
        desk.quantity_panel.isVisible() and QApplication.focusWidget() is desk.quantity
    )  # correct the number
    qtbot.keyClick(desk.quantity, Qt.Key.Key_Escape)
    assert not desk.quantity_panel.isVisible() and desk.message.text() == "没有借出。"

    scan(qtbot, desk.input, things["projector"].barcode)  # the whole item is away for repair
    assert desk.message_kind == "error" and desk.message.text() == "投影仪正在维修，不能借出。"
    assert desk.sounds[-1] == "refused" and not desk.quantity_panel.isVisible()

    eq.report_incident(
        window.ctx, eq.IncidentInput(things["keyboards"].id, "repair", unit_barcode=things["keyboard"])
    )
    scan(qtbot, desk.input, things["keyboard"])  # one piece away for repair
    assert desk.message_kind == "error" and "E000002）正在维修，不能借出" in desk.message.text()
    assert desk.sounds[-1] == "refused"
    assert eq.open_loans(window.ctx) == []

    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    scan(qtbot, desk.input, "X123456")
    assert desk.message_kind == "error" and "没有找到编号为“X123456”的器材或借书证" in desk.message.text()


def test_ctrl_z_undoes_the_last_lend_and_return(qtbot, window, desk, things) -> None:
    lend_ropes_to_the_class(qtbot, desk, things["ropes"])
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.message_kind == "ok" and desk.message.text() == "已撤销借出：计数跳绳 20根（三年级体育课）。"
    assert eq.open_loans(window.ctx) == [] and table_rows(desk) == []

    scan(qtbot, desk.input, things["keyboard"])  # 三年级体育课 still chosen
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    scan(qtbot, desk.input, things["keyboard"])
    assert "已归还" in desk.message.text() and table_rows(desk) == []
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.message.text().startswith("已撤销归还：电子琴（61键） 仍借给 三年级体育课")
    assert [loan.borrower for loan in eq.open_loans(window.ctx)] == ["三年级体育课"]
    assert len(table_rows(desk)) == 1
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert eq.open_loans(window.ctx) == []
    qtbot.keyClick(desk.input, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert desk.message_kind == "info" and desk.message.text() == "没有可以撤销的操作。"


def test_a_name_that_is_no_childs_is_offered_as_a_class_and_items_are_found_by_name(
    qtbot, window, desk
) -> None:
    ime_type(desk.input, "美术兴趣小组")
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.offer_open and desk.message_kind == "ask"
    assert "回车 = 借给班级或活动“美术兴趣小组”" in desk.message.text()
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.borrower_label == "美术兴趣小组" and not desk.offer_open

    qtbot.keyClicks(desk.input, "wzh")  # a child's initials: that child
    qtbot.keyClick(desk.input, Qt.Key.Key_Return)
    assert desk.borrower_label == "三年级1班 王子涵"

    desk.item_search.setFocus()
    qtbot.keyClicks(desk.item_search, "ts")  # 计数跳绳 by its initials: one match, how many?
    qtbot.keyClick(desk.item_search, Qt.Key.Key_Return)
    assert desk.quantity_panel.isVisible() and "计数跳绳：可借 20根。借给 三年级1班 王子涵 多少？" in (
        desk.quantity_text.text()
    )
    qtbot.keyClick(desk.quantity, Qt.Key.Key_Escape)
    desk.item_search.setFocus()
    qtbot.keyClicks(desk.item_search, "e")  # 电子琴 and 计数跳绳 (…sheng): a list to pick from
    qtbot.keyClick(desk.item_search, Qt.Key.Key_Return)
    assert desk.item_matches.isVisible() and desk.item_matches.count() >= 2
    qtbot.keyClick(desk.item_search, Qt.Key.Key_Escape)
    assert not desk.item_matches.isVisible() and desk.item_search.text() == ""


def test_the_open_loans_show_overdue_in_red_and_the_closing_filter(qtbot, window, desk, things) -> None:
    ctx = window.ctx
    yesterday = dt.datetime.combine(dt.date.today() - dt.timedelta(days=1), dt.time(10, 0))
    eq.lend(ctx, things["ropes"].id, eq.Borrower.group("二年级体育课"), 5, now=yesterday)
    eq.lend(
        ctx,
        things["ropes"].id,
        eq.Borrower.group("周末足球队"),
        3,
        due=dt.datetime.combine(dt.date.today() + dt.timedelta(days=1), dt.time(17, 0)),
    )
    desk.refresh()
    rows = table_rows(desk)
    assert [r[0] for r in rows] == ["二年级体育课", "周末足球队"]
    assert rows[0][3].endswith("已过") and rows[1][3] == "明天 17:00"
    assert desk.loans_table.item(0, 0).foreground().color().name() == "#c0392b"
    assert desk.loans_title.text() == "借出中：2 笔"
    qtbot.mouseClick(desk.closing_filter, Qt.MouseButton.LeftButton)
    assert [r[0] for r in table_rows(desk)] == ["二年级体育课"]
    assert desk.loans_title.text() == "到闭馆还没还：1 笔"
    assert QApplication.focusWidget() is desk.input
    # A class already out is offered in the 借给 box.
    assert desk.who.findText("二年级体育课") >= 0


def test_a_role_without_the_desk_sees_the_loans_only(qtbot, window, things) -> None:
    eq.lend(window.ctx, things["ropes"].id, eq.Borrower.group("三年级体育课"), 4)
    teacher = AppContext(window.ctx.data_dir, window.ctx.db, Actor("li", role="teacher"))
    tab = host_tab(window, lambda parent: EquipmentDeskTab(teacher, operations(window), parent), "借还")
    assert isinstance(tab, EquipmentDeskTab)
    tab.refresh()
    assert not tab.input.isEnabled() and not tab.who.isEnabled() and not tab.undo_button.isEnabled()
    assert tab.message_kind == "error" and "当前账号不能借出或归还器材" in tab.message.text()
    assert table_rows(tab)[0][:3] == ["三年级体育课", "计数跳绳", "4根"]
    tab.handle_scan(things["keyboard"])
    assert eq.open_loans(window.ctx)[0].quantity == 4 and len(eq.open_loans(window.ctx)) == 1


@pytest.mark.parametrize("size", [(1280, 720), (1366, 768)])
def test_the_desk_fits_the_screen_with_each_panel_open(qtbot, window, desk, things, size) -> None:
    window.resize(*size)
    scan(qtbot, desk.input, "C00001")
    scan(qtbot, desk.input, things["keyboard"])

    def check(step: str) -> list[str]:
        qtbot.wait(10)
        return [f"{step}: {problem}" for problem in layout_problems(window)]

    problems = check("a loan")
    desk.item_search.setFocus()
    qtbot.keyClicks(desk.item_search, "ts")
    qtbot.keyClick(desk.item_search, Qt.Key.Key_Return)
    problems += check("how many")
    if size == (1280, 720):
        PICTURES.mkdir(parents=True, exist_ok=True)
        window.grab().save(str(PICTURES / "equipment_desk.png"))
    qtbot.keyClick(desk.quantity, Qt.Key.Key_Escape)
    qtbot.keyClick(desk.input, Qt.Key.Key_Escape)
    qtbot.keyClick(desk.input, Qt.Key.Key_Down)
    qtbot.keyClick(desk.input, Qt.Key.Key_F6)
    problems += check("return")
    if size == (1280, 720):
        window.grab().save(str(PICTURES / "equipment_desk_return.png"))
    assert problems == []


def test_a_volunteer_is_picked_from_the_list(qtbot, window, things) -> None:
    volunteers = pytest.importorskip("center_app.services.volunteers")
    person = volunteers.create_volunteer(window.ctx, volunteers.VolunteerInput("李老师", phone="13800000000"))
    tab = host_tab(window, lambda parent: EquipmentDeskTab(window.ctx, operations(window), parent), "借还")
    assert isinstance(tab, EquipmentDeskTab)
    tab.refresh()
    index = tab.who.findText("志愿者：李老师")
    assert index >= 0
    tab.who.setCurrentIndex(index)
    tab.who.activated.emit(index)  # chosen from the drop-down
    assert tab.borrower_label == "李老师" and tab.borrower is not None
    assert tab.borrower.volunteer_id == person.id and "（志愿者）" in tab.borrower_view.text()
    scan(qtbot, tab.input, things["keyboard"])
    (loan,) = eq.open_loans(window.ctx)
    assert (loan.borrower_kind, loan.borrower) == ("volunteer", "李老师")
