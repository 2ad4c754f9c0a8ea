"""The settings page's attendance codes tab on a real data folder: the seeded codes, add, edit, remove, the service's
refusals, and staff reading them only."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QComboBox, QGroupBox, QLineEdit, QPushButton, QTableWidget

from center_app.context import Actor, AppContext
from center_app.domain.children import ChildInput
from center_app.services import attendance, children
from center_app.ui.events import DataEvents
from center_app.ui.pages.attendance_codes_tab import AttendanceCodesTab
from tests.uitools import ime_type

SEEDED = [
    ["P", "出勤", "1", "出勤", "✓", ""],
    ["A", "缺勤", "2", "缺勤", "", ""],
    ["L", "迟到", "3", "出勤", "", "✓"],
    ["E", "请假", "4", "不计（如请假）", "", ""],
]


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


def _tab(qtbot, ctx: AppContext, events: DataEvents) -> AttendanceCodesTab:
    widget = AttendanceCodesTab(ctx, events)
    qtbot.addWidget(widget)
    widget.resize(1000, 700)
    widget.show()  # showing fills it
    qtbot.waitExposed(widget)
    return widget


@pytest.fixture
def tab(qtbot, ctx: AppContext, events: DataEvents) -> AttendanceCodesTab:
    return _tab(qtbot, ctx, events)  # ctx acts as the command line's administrator


def _cells(tab: AttendanceCodesTab) -> list[list[str]]:
    table = tab.findChild(QTableWidget, "attendanceCodesTable")
    return [[table.item(r, c).text() for c in range(table.columnCount())] for r in range(table.rowCount())]


def _click(qtbot, tab: AttendanceCodesTab, name: str) -> None:
    button = tab.findChild(QPushButton, name)
    assert button.isEnabled(), name
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def _select(tab: AttendanceCodesTab, code: str) -> None:
    tab.table.selectRow([row[0] for row in _cells(tab)].index(code))


def _field(tab: AttendanceCodesTab, name: str) -> QLineEdit:
    return tab.findChild(QGroupBox, "attendanceCodeForm").findChild(QLineEdit, name)


def test_lists_the_codes(tab: AttendanceCodesTab) -> None:
    table = tab.findChild(QTableWidget, "attendanceCodesTable")
    headers = [table.horizontalHeaderItem(c).text() for c in range(table.columnCount())]
    assert headers == ["代码", "名称", "快捷键", "算作", "默认", "迟到"]
    assert _cells(tab) == SEEDED
    assert tab.add_button.isEnabled() and not tab.edit_button.isEnabled() and not tab.remove_button.isEnabled()
    assert not tab.form.isVisible()


def test_adds_a_code(qtbot, tab: AttendanceCodesTab, ctx: AppContext, events: DataEvents) -> None:
    _click(qtbot, tab, "attendanceCodesAdd")
    assert tab.form.isVisible() and tab.form.title() == "添加考勤代码"
    qtbot.keyClicks(_field(tab, "attendanceCodeCode"), "s")  # stored upper case
    qtbot.keyClick(_field(tab, "attendanceCodeCode"), Qt.Key.Key_Return)  # Enter moves on
    assert _field(tab, "attendanceCodeLabel").hasFocus()
    ime_type(_field(tab, "attendanceCodeLabel"), "病假")
    qtbot.keyClicks(_field(tab, "attendanceCodeShortcut"), "5")
    assert tab.findChild(QComboBox, "attendanceCodeKind").currentText() == "不计（如请假）"
    announced: list[str] = []
    events.data_changed.connect(announced.append)
    _click(qtbot, tab, "attendanceCodeSave")
    assert announced == ["settings", "attendance"]  # the roll call, rates and the register follow the codes
    assert tab.message.text() == "已添加考勤代码 病假。"
    assert "1e8449" in tab.message.styleSheet()
    assert not tab.form.isVisible()
    assert _cells(tab) == [*SEEDED, ["S", "病假", "5", "不计（如请假）", "", ""]]
    assert tab.selected_code().code == "S"
    saved = attendance.get_codes(ctx)
    assert saved.get("S") is not None and saved.get("S").kind == "excused" and saved.by_shortcut("5").code == "S"


def test_the_services_refusal_is_shown_and_the_form_kept(qtbot, tab: AttendanceCodesTab, ctx: AppContext) -> None:
    _click(qtbot, tab, "attendanceCodesAdd")
    qtbot.keyClicks(_field(tab, "attendanceCodeCode"), "S")
    ime_type(_field(tab, "attendanceCodeLabel"), "病假")
    qtbot.keyClicks(_field(tab, "attendanceCodeShortcut"), "1")  # 出勤's key
    qtbot.keyClick(_field(tab, "attendanceCodeShortcut"), Qt.Key.Key_Return)  # Enter saves
    assert "快捷键重复：1" in tab.message.text()
    assert "c0392b" in tab.message.styleSheet()
    assert tab.form.isVisible() and _field(tab, "attendanceCodeLabel").text() == "病假"
    assert _cells(tab) == SEEDED
    assert attendance.get_codes(ctx).get("S") is None

    _field(tab, "attendanceCodeShortcut").clear()
    tab.findChild(QCheckBox, "attendanceCodeLate").setChecked(True)  # 病假 counts as no-show: not a late code
    _click(qtbot, tab, "attendanceCodeSave")
    assert "迟到代码“病假”必须算作出勤" in tab.message.text()
    _click(qtbot, tab, "attendanceCodeCancel")
    assert not tab.form.isVisible()
    assert _cells(tab) == SEEDED


def test_edits_a_code(qtbot, tab: AttendanceCodesTab, ctx: AppContext) -> None:
    _select(tab, "E")
    _click(qtbot, tab, "attendanceCodesEdit")
    assert tab.form.title() == "修改考勤代码 E"
    code = _field(tab, "attendanceCodeCode")
    assert code.text() == "E" and not code.isEnabled()  # the stored marks refer to it; the name may change
    label = _field(tab, "attendanceCodeLabel")
    assert label.text() == "请假"
    label.clear()
    ime_type(label, "事假")
    _click(qtbot, tab, "attendanceCodeSave")
    assert tab.message.text() == "已保存考勤代码 事假。"
    assert _cells(tab)[3] == ["E", "事假", "4", "不计（如请假）", "", ""]
    assert attendance.get_codes(ctx).label("E") == "事假"

    # Unticking 迟到 on the late code: the centre no longer records lateness.
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=_cell_centre(tab, "L"))
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=_cell_centre(tab, "L"))
    assert tab.form.isVisible() and tab.form.title() == "修改考勤代码 L"
    late = tab.findChild(QCheckBox, "attendanceCodeLate")
    assert late.isChecked()
    late.setChecked(False)
    _click(qtbot, tab, "attendanceCodeSave")
    assert [row[5] for row in _cells(tab)] == ["", "", "", ""]
    assert attendance.get_codes(ctx).late_code == ""

    # Making 缺勤 the default is refused by the rules: "all present" must fill in a present code.
    _select(tab, "A")
    _click(qtbot, tab, "attendanceCodesEdit")
    tab.findChild(QCheckBox, "attendanceCodeDefault").setChecked(True)
    _click(qtbot, tab, "attendanceCodeSave")
    assert "默认代码“缺勤”必须算作出勤" in tab.message.text()
    assert attendance.get_codes(ctx).default_code == "P"


def _cell_centre(tab: AttendanceCodesTab, code: str):
    row = [r[0] for r in _cells(tab)].index(code)
    return tab.table.visualItemRect(tab.table.item(row, 0)).center()


def test_removes_an_unused_code_but_not_a_used_or_the_default_one(qtbot, tab: AttendanceCodesTab, ctx: AppContext) -> None:
    import datetime as dt

    child = children.create_child(ctx, ChildInput("王子涵", grade=3, class_name="三年级1班")).id
    attendance.save_marks(ctx, dt.date.today(), None, [attendance.MarkInput(child, "E")])
    tab.refresh()

    _select(tab, "E")
    _click(qtbot, tab, "attendanceCodesRemove")
    assert "“请假”（E）已用于 1 条考勤记录，不能删除，可以改名" in tab.message.text()
    assert [row[0] for row in _cells(tab)] == ["P", "A", "L", "E"]

    _select(tab, "P")
    _click(qtbot, tab, "attendanceCodesRemove")
    assert tab.message.text() == "“出勤”是默认代码，不能删除。请先把另一个算作出勤的代码设为默认代码。"

    _select(tab, "L")  # unused; it was the late code, so lateness is no longer recorded
    _click(qtbot, tab, "attendanceCodesRemove")
    assert tab.message.text() == "已删除考勤代码 迟到。"
    assert [row[0] for row in _cells(tab)] == ["P", "A", "E"]
    codes = attendance.get_codes(ctx)
    assert codes.get("L") is None and codes.late_code == ""


def test_staff_see_the_codes_read_only(qtbot, ctx: AppContext, events: DataEvents) -> None:
    ctx.actor = Actor(username="shegong", role="staff", user_id=99)
    tab = _tab(qtbot, ctx, events)
    assert _cells(tab) == SEEDED
    assert not any(b.isEnabled() for b in (tab.add_button, tab.edit_button, tab.remove_button))
    _select(tab, "E")
    assert not tab.edit_button.isEnabled() and not tab.show_edit_form()
    assert tab.message.text() == "只有管理员可以修改考勤代码。"
