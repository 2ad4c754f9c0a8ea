"""The administrator's accounts tab on a real data folder: add, disable/enable, reset, idle lock, refusals."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton, QSpinBox, QTableView

from center_app.context import Actor, AppContext
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
def tab(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> AccountsTab:  # noqa: ANN001
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


def _click(qtbot, tab: AccountsTab, name: str) -> None:  # noqa: ANN001
    qtbot.mouseClick(tab.findChild(QPushButton, name), Qt.MouseButton.LeftButton)


def _add_librarian(qtbot, tab: AccountsTab) -> None:  # noqa: ANN001
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


def test_adds_a_librarian(qtbot, tab: AccountsTab, ctx: AppContext, events: DataEvents) -> None:  # noqa: ANN001
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


def test_add_refusal_is_shown_and_the_form_kept(qtbot, tab: AccountsTab) -> None:  # noqa: ANN001
    _click(qtbot, tab, "accountsAdd")
    qtbot.keyClicks(tab.new_username, "LIFANG")  # taken (names are not case-sensitive)
    ime_type(tab.new_display_name, "李芳二")
    qtbot.keyClicks(tab.new_password, LIB_PW)
    _click(qtbot, tab, "accountsNewSave")
    assert "已被使用" in tab.message.text()
    assert "c0392b" in tab.message.styleSheet()
    assert tab.add_form.isVisible() and tab.new_username.text() == "LIFANG"
    assert len(_cells(tab)) == 1


def test_disables_and_enables_the_selected_account(qtbot, tab: AccountsTab, ctx: AppContext) -> None:  # noqa: ANN001
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


def test_refuses_to_disable_oneself(qtbot, tab: AccountsTab) -> None:  # noqa: ANN001
    tab.table.selectRow(_row_of(tab, "lifang"))
    _click(qtbot, tab, "accountsDisable")
    assert tab.message.text() == "不能停用自己正在使用的账号。"
    assert "c0392b" in tab.message.styleSheet()
    assert _cells(tab)[0][3] == "启用"


def test_refuses_to_disable_the_last_admin(qtbot, tab: AccountsTab, ctx: AppContext) -> None:  # noqa: ANN001
    # Acting from the command line (an administrator who is not an account), so the self rule does not apply
    # first and the last-administrator rule is the one that refuses.
    ctx.actor = Actor.command_line()
    tab.table.selectRow(_row_of(tab, "lifang"))
    _click(qtbot, tab, "accountsDisable")
    assert "最后一个管理员" in tab.message.text()
    assert "c0392b" in tab.message.styleSheet()
    assert _cells(tab)[_row_of(tab, "lifang")][3] == "启用"
    assert not accounts.needs_first_admin(ctx)


def test_reset_password_through_the_non_modal_dialog(qtbot, tab: AccountsTab, ctx: AppContext) -> None:  # noqa: ANN001
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


def test_buttons_need_a_selection(qtbot, tab: AccountsTab) -> None:  # noqa: ANN001
    tab.table.clearSelection()
    assert not tab.disable_button.isEnabled()
    assert not tab.enable_button.isEnabled()
    assert not tab.reset_button.isEnabled()
    assert tab.set_selected_active(False) is None
    assert tab.message.text() == "请先在表格中选中一个账号。"


def test_idle_lock_minutes(qtbot, tab: AccountsTab, ctx: AppContext, events: DataEvents) -> None:  # noqa: ANN001
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
def test_a_non_admin_is_refused(qtbot, ctx: AppContext, admin: Actor, role: str) -> None:  # noqa: ANN001
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
