"""The audit tab lists what the accounts tab did, filters it, pages it — and offers no way to change it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QAbstractItemView, QComboBox, QDateEdit, QLabel, QLineEdit, QPushButton

from center_app.context import Actor, AppContext
from center_app.db.models import AuditLog
from center_app.services import accounts
from center_app.ui.events import DataEvents
from center_app.ui.pages.accounts_tab import AccountsTab
from center_app.ui.pages.audit_tab import PAGE_SIZE, AuditTab
from tests.uitools import ime_type

ADMIN_PW = "guLou-2026"


@pytest.fixture
def admin(ctx: AppContext) -> Actor:
    accounts.create_first_admin(ctx, "lifang", "李芳", ADMIN_PW)
    ctx.actor = accounts.authenticate(ctx, "lifang", ADMIN_PW)
    return ctx.actor


@pytest.fixture
def events() -> DataEvents:
    return DataEvents()


@pytest.fixture
def acted(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> AppContext:
    """Add a librarian, disable and re-enable it — through the accounts tab, as the administrator would."""
    tab = AccountsTab(ctx, events)
    qtbot.addWidget(tab)
    tab.show()
    tab.show_add_form()
    qtbot.keyClicks(tab.new_username, "chenxia")
    ime_type(tab.new_display_name, "陈霞")
    tab.new_role.setCurrentIndex(tab.new_role.findData("librarian"))
    qtbot.keyClicks(tab.new_password, "shuwu-77")
    qtbot.mouseClick(tab.new_save, Qt.MouseButton.LeftButton)
    tab.select_user(accounts.list_users(ctx)[1].id)
    assert tab.selected_user().username == "chenxia"
    qtbot.mouseClick(tab.disable_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(tab.enable_button, Qt.MouseButton.LeftButton)
    tab.close()
    return ctx


def _audit_tab(qtbot, ctx: AppContext, events: DataEvents) -> AuditTab:
    tab = AuditTab(ctx, events)
    qtbot.addWidget(tab)
    tab.resize(1000, 600)
    tab.show()
    qtbot.waitExposed(tab)
    return tab


def _column(tab: AuditTab, column: int) -> list[str]:
    model = tab.table.model()
    return [model.index(r, column).data() for r in range(model.rowCount())]


def _choose(combo: QComboBox, code: str) -> None:
    index = combo.findData(code)
    assert index >= 0, code
    combo.setCurrentIndex(index)


def test_lists_the_entries_the_accounts_tab_made(qtbot, acted: AppContext, events: DataEvents) -> None:
    tab = _audit_tab(qtbot, acted, events)
    assert tab.objectName() == "auditTab"
    model = tab.table.model()
    headers = [model.headerData(c, Qt.Orientation.Horizontal) for c in range(model.columnCount())]
    assert headers == ["时间", "用户", "操作", "对象", "编号", "摘要", "变更"]
    # newest first: enable, disable, create chenxia, login, create lifang
    assert _column(tab, 2) == ["修改", "修改", "新增", "登录", "新增"]
    assert set(_column(tab, 1)) == {"lifang"}
    assert set(_column(tab, 3)) == {"账号"}
    assert _column(tab, 5)[:3] == ["启用账号 chenxia", "停用账号 chenxia", "创建账号 chenxia（图书管理员）"]
    assert _column(tab, 6)[0] == "active: 否 → 是"
    assert "role: — → librarian" in _column(tab, 6)[2]
    assert tab.findChild(QLabel, "auditCount").text() == "共 5 条记录。"
    assert "年" in _column(tab, 0)[0]
    assert tab.table.alternatingRowColors() and tab.table.horizontalHeader().stretchLastSection()


def test_filters_by_action(qtbot, acted: AppContext, events: DataEvents) -> None:
    tab = _audit_tab(qtbot, acted, events)
    combo = tab.findChild(QComboBox, "auditAction")
    assert combo.itemText(0) == "全部"
    assert {combo.itemText(i) for i in range(1, combo.count())} == {"新增", "修改", "登录"}
    _choose(combo, "create")
    assert _column(tab, 2) == ["新增", "新增"]
    assert tab.count.text() == "共 2 条记录。"
    _choose(tab.findChild(QComboBox, "auditEntity"), "user_account")
    assert len(_column(tab, 2)) == 2
    combo.setCurrentIndex(0)
    assert len(_column(tab, 2)) == 5


def test_filters_by_text_as_typed(qtbot, acted: AppContext, events: DataEvents) -> None:
    tab = _audit_tab(qtbot, acted, events)
    search = tab.findChild(QLineEdit, "auditSearch")
    ime_type(search, "停用")
    qtbot.waitUntil(lambda: _column(tab, 5) == ["停用账号 chenxia"], timeout=3000)
    search.clear()
    ime_type(search, "陈霞")  # only in the changes (display_name)
    qtbot.keyClick(search, Qt.Key.Key_Return)  # Enter searches at once
    assert _column(tab, 5) == ["创建账号 chenxia（图书管理员）"]
    qtbot.mouseClick(tab.findChild(QPushButton, "auditClear"), Qt.MouseButton.LeftButton)
    assert search.text() == "" and len(_column(tab, 5)) == 5


def test_filters_by_user_and_date(qtbot, acted: AppContext, events: DataEvents) -> None:
    with acted.db.session() as s:
        s.add(
            AuditLog(actor="wangli", action="view", entity="child", entity_id="3", summary="查看王子涵的档案")
        )
    tab = _audit_tab(qtbot, acted, events)
    _choose(tab.findChild(QComboBox, "auditActor"), "wangli")
    assert _column(tab, 2) == ["查看"] and _column(tab, 3) == ["儿童"] and _column(tab, 4) == ["3"]
    tab.actor.setCurrentIndex(0)
    date_from = tab.findChild(QDateEdit, "auditFrom")
    assert date_from.text() == "不限" and date_from.calendarPopup()
    assert date_from.displayFormat() == "yyyy年M月d日"
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    date_from.setDate(QDate(tomorrow.year, tomorrow.month, tomorrow.day))
    assert _column(tab, 0) == [] and tab.count.text() == "没有符合条件的记录。"
    today = dt.date.today()
    date_from.setDate(QDate(today.year, today.month, today.day))
    assert len(_column(tab, 0)) == 6


def test_no_editable_cells_and_no_delete(qtbot, acted: AppContext, events: DataEvents) -> None:
    tab = _audit_tab(qtbot, acted, events)
    model = tab.table.model()
    assert tab.table.editTriggers() == QAbstractItemView.EditTrigger.NoEditTriggers
    for r in range(model.rowCount()):
        for c in range(model.columnCount()):
            index = model.index(r, c)
            assert not model.flags(index) & Qt.ItemFlag.ItemIsEditable
            assert not model.setData(index, "篡改")
    assert not model.removeRows(0, 1)
    tab.table.selectRow(0)
    rect = tab.table.visualRect(model.index(0, 5))
    qtbot.mouseDClick(tab.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.keyClick(tab.table, Qt.Key.Key_F2)
    qtbot.keyClick(tab.table, Qt.Key.Key_Delete)
    assert tab.table.state() != QAbstractItemView.State.EditingState
    assert model.rowCount() == 5 and _column(tab, 5)[0] == "启用账号 chenxia"
    names = {b.objectName() for b in tab.findChildren(QPushButton)}
    assert names == {"auditClear", "auditPrev", "auditNext"}


def test_pages_by_500(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> None:
    with ctx.db.session() as s:
        s.add_all(
            AuditLog(actor="wangli", action="view", entity="child", entity_id=str(i), summary=f"查看 {i}")
            for i in range(1200)
        )
    tab = _audit_tab(qtbot, ctx, events)
    prev, nxt = tab.findChild(QPushButton, "auditPrev"), tab.findChild(QPushButton, "auditNext")
    total = 1202  # + the admin's create and login
    assert tab.table.model().rowCount() == PAGE_SIZE == 500
    assert tab.count.text() == f"共 {total} 条记录，显示第 1–500 条。"
    assert not prev.isEnabled() and nxt.isEnabled()
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert tab.count.text() == f"共 {total} 条记录，显示第 501–1000 条。"
    qtbot.mouseClick(nxt, Qt.MouseButton.LeftButton)
    assert tab.count.text() == f"共 {total} 条记录，显示第 1001–{total} 条。"
    assert tab.table.model().rowCount() == total - 1000
    assert prev.isEnabled() and not nxt.isEnabled()
    qtbot.mouseClick(prev, Qt.MouseButton.LeftButton)
    assert tab.count.text() == f"共 {total} 条记录，显示第 501–1000 条。"
    # a new filter starts again from the first page
    _choose(tab.action, "login")
    assert tab.count.text() == "共 1 条记录。" and not nxt.isEnabled() and not prev.isEnabled()


def test_refreshes_when_data_changes(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> None:
    tab = _audit_tab(qtbot, ctx, events)
    assert tab.table.model().rowCount() == 2
    accounts.create_user(ctx, "zhaoyun", "赵云", "teacher", "laoshi-88")
    events.data_changed.emit("accounts")
    assert tab.table.model().rowCount() == 3
    assert tab.action.findData("create") >= 0


def test_a_non_admin_sees_the_refusal(qtbot, ctx: AppContext, admin: Actor, events: DataEvents) -> None:
    ctx.actor = Actor(username="wangli", role="staff", user_id=42)
    tab = _audit_tab(qtbot, ctx, events)
    assert "无权查看审计日志" in tab.count.text()
    assert tab.table.model().rowCount() == 0
    assert not tab.search.isEnabled()
