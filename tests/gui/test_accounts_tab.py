"""The administrator's accounts tab on a real data folder: add, edit (name, role, a teacher's volunteer record),
disable/enable, reset, idle lock, refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QGroupBox, QLabel, QLineEdit, QPushButton, QSpinBox, QTableView

from center_app.context import Actor, AppContext
from center_app.db.models import Volunteer
from center_app.domain.errors import PermissionDenied
from center_app.services import accounts
from center_app.ui.events import DataEvents
from center_app.ui.pages.accounts_tab import AccountsTab
from tests.uitools import ime_type

ADMIN_PW = "guLou-2026"
LIB_PW = "shuwu-77"


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW)
    return ctx.actor


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


@pytest.fixture
def tab(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> AccountsTab:
    widget = AccountsTab(ctx, events)
    qtbot.addWidget(widget)
    widget.resize(1000, 600)
    widget.show()  # showing fills it
    qtbot.waitExposed(widget)
    return widget


def _cells(tab: AccountsTab) -> list[list[str]]:
    model = tab.table.model()
    return [[model.index(r, c).data() for c in range(model.columnCount())] for r in range(model.rowCount())]


def _row_of(tab: AccountsTab, username: str) -> int:
    return [row[0] for row in _cells(tab)].index(username)


def _click(qtbot, tab: AccountsTab, name: str) -> None:
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _add_librarian(qtbot, tab: AccountsTab) -> None:
    _click(qtbot, tab, "accountsAdd")
    assert tab.add_form.isVisible()
    qtbot.keyClicks(tab.new_username, "chenxia")
    ime_type(tab.new_display_name, "陈霞")
    tab.new_role.setCurrentIndex(tab.new_role.findData("librarian"))
    qtbot.keyClicks(tab.new_password, LIB_PW)
    qtbot.keyClick(tab.new_password, Qt.Key.Key_Return)


def test_lists_accounts_with_chinese_labels(tab: AccountsTab) -> None:
    assert tab.objectName() == "accountsTab"
    table = tab.findChild(QTableView, "accountsTable")
    model = table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["用户名", "姓名", "角色", "状态", "上次登录"]
    [row] = _cells(tab)
    assert row[:4] == ["lifang", "李芳", "管理员", "启用"]
    assert "年" in row[4] and "月" in row[4]  # 2026年3月2日 08:00
    assert table.alternatingRowColors()
    assert table.horizontalHeader().stretchLastSection()
    assert [tab.new_role.itemText(i) for i in range(tab.new_role.count())] == [
        "管理员",
        "社工",
        "图书管理员",
        "志愿者教师",
    ]


def test_adds_a_librarian(qtbot, tab: AccountsTab, ctx: AppContext, events: DataEvents) -> None:
    with qtbot.waitSignal(events.data_changed, timeout=3000) as blocker:
        _add_librarian(qtbot, tab)
    assert blocker.args == ["accounts"]
    row = _cells(tab)[_row_of(tab, "chenxia")]
    assert row[:3] == ["chenxia", "陈霞", "图书管理员"]
    assert row[3].startswith("启用")
    assert row[4] == "从未登录"
    assert "已创建账号 chenxia" in tab.message.text()
    assert not tab.add_form.isVisible()
    assert tab.new_username.text() == "" and tab.new_password.text() == ""  # nothing left in the form
    user = next(u for u in accounts.list_users(ctx) if u.username == "chenxia")
    assert (user.role, user.must_change_password) == ("librarian", True)


def test_add_refusal_is_shown_and_the_form_kept(qtbot, tab: AccountsTab) -> None:
    _click(qtbot, tab, "accountsAdd")
    qtbot.keyClicks(tab.new_username, "LIFANG")  # taken (names are not case-sensitive)
    ime_type(tab.new_display_name, "李芳二")
    qtbot.keyClicks(tab.new_password, LIB_PW)
    _click(qtbot, tab, "accountsNewSave")
    assert "已被使用" in tab.message.text()
    assert "c0392b" in tab.message.styleSheet()
    assert tab.add_form.isVisible() and tab.new_username.text() == "LIFANG"
    assert len(_cells(tab)) == 1


def test_disables_and_enables_the_selected_account(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    _add_librarian(qtbot, tab)
    tab.table.selectRow(_row_of(tab, "chenxia"))
    assert tab.disable_button.isEnabled() and not tab.enable_button.isEnabled()
    _click(qtbot, tab, "accountsDisable")
    assert _cells(tab)[_row_of(tab, "chenxia")][3] == "停用"
    assert tab.message.text() == "已停用账号 chenxia。"
    assert tab.selected_user().username == "chenxia"  # selection follows the account
    assert tab.enable_button.isEnabled() and not tab.disable_button.isEnabled()
    with pytest.raises(accounts.AccountDisabled):
        accounts.authenticate(ctx, "chenxia", LIB_PW)
    _click(qtbot, tab, "accountsEnable")
    assert _cells(tab)[_row_of(tab, "chenxia")][3].startswith("启用")
    assert tab.message.text() == "已启用账号 chenxia。"


def test_refuses_to_disable_oneself(qtbot, tab: AccountsTab) -> None:
    tab.table.selectRow(_row_of(tab, "lifang"))
    _click(qtbot, tab, "accountsDisable")
    assert tab.message.text() == "不能停用自己正在使用的账号。"
    assert "c0392b" in tab.message.styleSheet()
    assert _cells(tab)[0][3] == "启用"


def test_refuses_to_disable_the_last_admin(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    # Acting from the command line (an administrator who is not an account), so the self rule does not apply
    # first and the last-administrator rule is the one that refuses.
    ctx.actor = Actor.command_line()
    tab.table.selectRow(_row_of(tab, "lifang"))
    _click(qtbot, tab, "accountsDisable")
    assert "最后一个管理员" in tab.message.text()
    assert "c0392b" in tab.message.styleSheet()
    assert _cells(tab)[_row_of(tab, "lifang")][3] == "启用"
    assert not accounts.needs_first_admin(ctx)


def test_reset_password_through_the_non_modal_dialog(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    _add_librarian(qtbot, tab)
    tab.table.selectRow(_row_of(tab, "chenxia"))
    _click(qtbot, tab, "accountsResetPassword")
    dialog = tab._dialog
    assert dialog is not None and dialog.isVisible() and dialog.objectName() == "accountsResetDialog"
    qtbot.keyClicks(dialog.password, "123456")
    qtbot.keyClick(dialog.password, Qt.Key.Key_Return)
    assert "太常见" in dialog.findChild(QLabel, "accountsResetMessage").text()
    assert dialog.isVisible()
    dialog.password.clear()
    qtbot.keyClicks(dialog.password, "linshi-2026")
    qtbot.mouseClick(dialog.ok, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    assert "已重置 chenxia 的密码" in tab.message.text()
    assert accounts.authenticate(ctx, "chenxia", "linshi-2026").role == "librarian"


def test_buttons_need_a_selection(qtbot, tab: AccountsTab) -> None:
    tab.table.clearSelection()
    assert not tab.disable_button.isEnabled()
    assert not tab.enable_button.isEnabled()
    assert not tab.reset_button.isEnabled()
    assert tab.set_selected_active(False) is None
    assert tab.message.text() == "请先在表格中选中一个账号。"


def test_idle_lock_minutes(qtbot, tab: AccountsTab, ctx: AppContext, events: DataEvents) -> None:
    spin = tab.findChild(QSpinBox, "accountsIdleMinutes")
    assert spin.value() == accounts.DEFAULT_IDLE_LOCK_MINUTES
    assert (spin.minimum(), spin.maximum()) == (0, 120)
    spin.setValue(0)
    assert spin.text() == "不自动锁定"
    with qtbot.waitSignal(events.data_changed, timeout=3000) as blocker:
        _click(qtbot, tab, "accountsIdleSave")
    assert blocker.args == ["settings"]
    assert accounts.get_idle_lock_minutes(ctx) == 0
    assert tab.message.text() == "已保存：不自动锁屏。"
    spin.setValue(25)
    _click(qtbot, tab, "accountsIdleSave")
    assert accounts.get_idle_lock_minutes(ctx) == 25


@pytest.mark.parametrize("role", ["staff", "librarian", "teacher"])
def test_a_non_admin_is_refused(qtbot, ctx: AppContext, admin: Actor, role: str) -> None:
    ctx.actor = Actor(username="someone", role=role, user_id=99)
    # the service is what refuses…
    with pytest.raises(PermissionDenied):
        accounts.list_users(ctx)
    with pytest.raises(PermissionDenied):
        accounts.create_user(ctx, "newuser", "新用户", "staff", LIB_PW)
    # …and the tab, built anyway, shows the refusal instead of a traceback
    widget = AccountsTab(ctx, DataEvents())
    qtbot.addWidget(widget)
    widget.show()
    assert "无权" in widget.message.text()
    assert widget.table.model().rowCount() == 0
    assert not widget.add_button.isEnabled() and not widget.idle_save.isEnabled()


# --- editing an account --------------------------------------------------------------------------------------


def _volunteer(ctx: AppContext, name: str, pinyin: str) -> int:
    with ctx.db.session() as s:
        volunteer = Volunteer(name=name, name_pinyin=pinyin, organisation="师范学院")
        s.add(volunteer)
        s.flush()
        return volunteer.id


def _edit(qtbot, tab: AccountsTab, username: str) -> None:
    tab.table.selectRow(_row_of(tab, username))
    _click(qtbot, tab, "accountsEdit")
    assert tab.edit_form.isVisible()


def test_edits_the_display_name_and_role(qtbot, tab: AccountsTab, ctx: AppContext, events: DataEvents) -> None:
    _add_librarian(qtbot, tab)
    tab.table.clearSelection()
    assert not tab.edit_button.isEnabled()
    _edit(qtbot, tab, "chenxia")
    form = tab.findChild(QGroupBox, "accountsEditForm")
    assert form.findChild(QLabel, "accountsEditWho").text() == "chenxia"
    name_box = form.findChild(QLineEdit, "accountsEditDisplayName")
    role_box = form.findChild(QComboBox, "accountsEditRole")
    assert (name_box.text(), role_box.currentData()) == ("陈霞", "librarian")
    assert not tab.edit_volunteer.isVisible()  # only a teacher's account is linked to a volunteer record
    assert not tab.add_form.isVisible()

    name_box.clear()
    ime_type(name_box, "陈晓霞")
    role_box.setCurrentIndex(role_box.findData("staff"))
    with qtbot.waitSignal(events.data_changed, timeout=3000) as blocker:
        _click(qtbot, tab, "accountsEditSave")
    assert blocker.args == ["accounts"]
    assert tab.message.text() == "已保存账号 chenxia 的修改。"
    assert not tab.edit_form.isVisible()
    assert _cells(tab)[_row_of(tab, "chenxia")][:3] == ["chenxia", "陈晓霞", "社工"]
    assert tab.selected_user().username == "chenxia"
    user = next(u for u in accounts.list_users(ctx) if u.username == "chenxia")
    assert (user.display_name, user.role) == ("陈晓霞", "staff")


def test_edit_refusals_are_shown_and_the_form_kept(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    _add_librarian(qtbot, tab)
    _edit(qtbot, tab, "chenxia")
    tab.edit_display_name.clear()
    qtbot.keyClick(tab.edit_display_name, Qt.Key.Key_Return)  # Enter saves
    assert tab.message.text() == "请填写姓名（显示名）。"
    assert "c0392b" in tab.message.styleSheet()
    assert tab.edit_form.isVisible()
    assert _cells(tab)[_row_of(tab, "chenxia")][1] == "陈霞"

    _click(qtbot, tab, "accountsEditCancel")
    assert not tab.edit_form.isVisible()
    _edit(qtbot, tab, "lifang")  # one's own role stays (another administrator can change it)
    tab.edit_role.setCurrentIndex(tab.edit_role.findData("staff"))
    _click(qtbot, tab, "accountsEditSave")
    assert tab.message.text() == "不能修改自己的角色，请让另一位管理员操作。"
    assert _cells(tab)[_row_of(tab, "lifang")][2] == "管理员"


def test_the_last_administrator_cannot_be_demoted(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    ctx.actor = Actor.command_line()  # not this account, so the last-administrator rule is the one that refuses
    _edit(qtbot, tab, "lifang")
    tab.edit_role.setCurrentIndex(tab.edit_role.findData("staff"))
    _click(qtbot, tab, "accountsEditSave")
    assert "最后一个管理员" in tab.message.text() and "c0392b" in tab.message.styleSheet()
    assert tab.edit_form.isVisible()
    assert [u.role for u in accounts.list_users(ctx)] == ["admin"]
    assert not accounts.needs_first_admin(ctx)


def test_links_a_teacher_to_their_volunteer_record(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    chen = _volunteer(ctx, "陈老师", "chen laoshi")
    _volunteer(ctx, "赵老师", "zhao laoshi")
    accounts.create_user(ctx, "chenlaoshi", "陈老师", "teacher", "jiaoshu-77")
    tab.refresh()
    row = _row_of(tab, "chenlaoshi")
    tab.table.selectRow(row)
    rect = tab.table.visualRect(tab.table.model().index(row, 0))
    qtbot.mouseClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())  # double-click edits
    assert tab.edit_form.isVisible()
    box = tab.findChild(QComboBox, "accountsEditVolunteer")
    assert box.isVisible() and tab.findChild(QLabel, "accountsEditVolunteerHint").isVisible()
    assert [box.itemText(i) for i in range(box.count())] == ["（不关联）", "陈老师 · 师范学院", "赵老师 · 师范学院"]
    assert box.currentIndex() == 0
    box.setCurrentIndex(box.findData(chen))
    _click(qtbot, tab, "accountsEditSave")
    assert tab.message.text() == "已保存账号 chenlaoshi 的修改。"
    assert next(u for u in accounts.list_users(ctx) if u.username == "chenlaoshi").volunteer_id == chen
    # Signing in, the teacher is that volunteer: their own sessions are the ones this volunteer leads.
    assert accounts.authenticate(ctx, "chenlaoshi", "jiaoshu-77").volunteer_id == chen

    _edit(qtbot, tab, "chenlaoshi")
    assert box.currentData() == chen  # the form opens on the stored link
    tab.edit_role.setCurrentIndex(tab.edit_role.findData("librarian"))
    assert not box.isVisible()  # asked for teachers only…
    tab.edit_role.setCurrentIndex(tab.edit_role.findData("teacher"))
    assert box.isVisible()
    box.setCurrentIndex(0)  # …and unlinked on purpose
    _click(qtbot, tab, "accountsEditSave")
    assert next(u for u in accounts.list_users(ctx) if u.username == "chenlaoshi").volunteer_id is None


def test_a_volunteer_linked_to_another_account_says_so(qtbot, tab: AccountsTab, ctx: AppContext) -> None:
    chen = _volunteer(ctx, "陈老师", "chen laoshi")
    first = accounts.create_user(ctx, "chen1", "陈老师", "teacher", "jiaoshu-77", volunteer_id=chen)
    accounts.create_user(ctx, "chen2", "陈老师（暑期）", "teacher", "jiaoshu-77")
    tab.refresh()
    _edit(qtbot, tab, "chen2")
    assert tab.edit_volunteer.itemText(1) == "陈老师 · 师范学院（已关联账号 chen1）"
    _click(qtbot, tab, "accountsEditCancel")
    _edit(qtbot, tab, first.username)
    assert tab.edit_volunteer.currentText() == "陈老师 · 师范学院"  # its own link is not "another account"
