"""用户账号: the administrator adds accounts, edits them (name, role, a teacher's volunteer record), disables /
re-enables them, resets forgotten passwords and sets the idle lock and 借还台模式 (desk mode: a PC at the
circulation desk locks later, and a scan made on its lock screen is done after the next sign-in). Rules (last administrator, not oneself…) live in
``services.accounts``; refusals show in the message line.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import (
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from center_app.context import AppContext
from center_app.domain.permissions import ROLES, STAFF, TEACHER
from center_app.services import accounts
from center_app.services.accounts import UserInfo, VolunteerChoice
from center_app.ui.dialogs.reset_password import ResetPasswordDialog
from center_app.ui.events import Area, DataEvents
from center_app.ui.i18n import format_date
from center_app.ui.models.rows import RowsTableModel
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.role_labels import role_labels
from center_app.ui.widgets.messages import show_message

_Index = QModelIndex | QPersistentModelIndex


def _local(instant: dt.datetime) -> dt.datetime:
    """Stored naive UTC → the PC's local time."""
    return instant.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


class AccountsModel(RowsTableModel[UserInfo]):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        self.headers = [
            self.tr("用户名"),
            self.tr("姓名"),
            self.tr("角色"),
            self.tr("状态"),
            self.tr("上次登录"),
        ]
        self.roles = role_labels()

    def set_users(self, users: list[UserInfo]) -> None:
        self.set_rows(users)

    @property
    def users(self) -> list[UserInfo]:
        return self.rows

    def status(self, user: UserInfo, now: dt.datetime | None = None) -> str:
        if not user.active:
            return self.tr("停用")
        now = now or dt.datetime.now(dt.UTC).replace(tzinfo=None)
        if user.locked_until is not None and user.locked_until > now:
            return self.tr("启用（已锁定至 %1）").replace("%1", f"{_local(user.locked_until):%H:%M}")
        if user.must_change_password:
            return self.tr("启用（待改密码）")
        return self.tr("启用")

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        user = self.users[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if column == 0:
                return user.username
            if column == 1:
                return user.display_name
            if column == 2:
                return self.roles.get(user.role, user.role)
            if column == 3:
                return self.status(user)
            if column == 4:
                if user.last_login_at is None:
                    return self.tr("从未登录")
                local = _local(user.last_login_at)
                return f"{format_date(local.date())} {local:%H:%M}"
        if role == Qt.ItemDataRole.ForegroundRole and not user.active:
            return QColor(
                "#888888"
            )  # disabled accounts stay listed (the audit log refers to them) but recede
        return None


class AccountsTab(Page):
    """The administrator's account list. Build it for anyone; a non-administrator sees only the refusal."""

    areas = (Area.ACCOUNTS,)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("accountsTab")
        self._dialog: ResetPasswordDialog | None = None
        layout = vbox(self)
        layout.addWidget(page_title(self.tr("用户账号"), "accountsTitle"))

        self.model = AccountsModel(self)
        self.table = QTableView()
        self.table.setObjectName("accountsTable")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setVisible(False)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update_buttons())
        self.table.doubleClicked.connect(lambda _index: self.show_edit_form())
        layout.addWidget(self.table, 1)

        row = QHBoxLayout()
        self.add_button = self._button("accountsAdd", self.tr("添加用户(&A)"), self.show_add_form)
        self.edit_button = self._button("accountsEdit", self.tr("修改(&M)…"), self.show_edit_form)
        self.disable_button = self._button(
            "accountsDisable", self.tr("停用(&D)"), lambda: self.set_selected_active(False)
        )
        self.enable_button = self._button(
            "accountsEnable", self.tr("启用(&E)"), lambda: self.set_selected_active(True)
        )
        self.reset_button = self._button(
            "accountsResetPassword", self.tr("重置密码(&R)…"), self.ask_reset_password
        )
        for button in (
            self.add_button,
            self.edit_button,
            self.disable_button,
            self.enable_button,
            self.reset_button,
        ):
            row.addWidget(button)
        row.addStretch(1)
        layout.addLayout(row)

        layout.addWidget(self._build_add_form())
        layout.addWidget(self._build_edit_form())

        idle = QHBoxLayout()
        idle.addWidget(QLabel(self.tr("无人操作多久后自动锁屏：")))
        self.idle_minutes = QSpinBox()
        self.idle_minutes.setObjectName("accountsIdleMinutes")
        self.idle_minutes.setRange(0, accounts.MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setSuffix(self.tr(" 分钟"))
        self.idle_minutes.setSpecialValueText(self.tr("不自动锁定"))  # shown at 0
        self.idle_minutes.setMinimumWidth(130)
        idle.addWidget(self.idle_minutes)
        self.idle_save = self._button("accountsIdleSave", self.tr("保存锁屏时间"), self.save_idle_minutes)
        idle.addWidget(self.idle_save)
        idle.addStretch(1)
        layout.addLayout(idle)
        layout.addLayout(self._build_desk_mode())

        self.message = QLabel()
        self.message.setObjectName("accountsMessage")
        self.message.setWordWrap(True)
        self.message.setMinimumHeight(24)
        layout.addWidget(self.message)
        self._update_buttons()

    # --- building ------------------------------------------------------------------------------------------------

    def _button(self, object_name: str, text: str, slot: Any) -> QPushButton:
        button = QPushButton(text)
        button.setObjectName(object_name)
        button.setAutoDefault(True)  # Enter on a focused button presses it
        button.clicked.connect(slot)
        return button

    def _build_desk_mode(self) -> QHBoxLayout:
        """借还台模式 next to the idle lock: on, and its own (longer) idle lock."""
        row = QHBoxLayout()
        self.desk_mode = QCheckBox(self.tr("借还台模式"))
        self.desk_mode.setObjectName("accountsDeskMode")
        self.desk_mode.setToolTip(
            self.tr(
                "用于放在借还台、接扫码枪的电脑：锁屏时间更长；锁屏时扫的借书证或图书会记下，"
                "有权办理借还的人登录后自动办理（5 分钟内）。"
            )
        )
        row.addWidget(self.desk_mode)
        row.addWidget(QLabel(self.tr("借还台模式下无人操作多久后锁屏：")))
        self.desk_idle_minutes = QSpinBox()
        self.desk_idle_minutes.setObjectName("accountsDeskIdleMinutes")
        self.desk_idle_minutes.setRange(0, accounts.MAX_DESK_IDLE_LOCK_MINUTES)
        self.desk_idle_minutes.setSuffix(self.tr(" 分钟"))
        self.desk_idle_minutes.setSpecialValueText(self.tr("不自动锁定"))  # shown at 0
        self.desk_idle_minutes.setValue(accounts.DEFAULT_DESK_IDLE_LOCK_MINUTES)
        self.desk_idle_minutes.setMinimumWidth(130)
        self.desk_idle_minutes.setEnabled(False)
        self.desk_mode.toggled.connect(self.desk_idle_minutes.setEnabled)
        row.addWidget(self.desk_idle_minutes)
        self.desk_mode_save = self._button(
            "accountsDeskModeSave", self.tr("保存借还台模式"), self.save_desk_mode
        )
        row.addWidget(self.desk_mode_save)
        row.addStretch(1)
        return row

    def _build_add_form(self) -> QGroupBox:
        self.add_form = QGroupBox(self.tr("添加用户"))
        self.add_form.setObjectName("accountsAddForm")
        self.add_form.setMaximumWidth(640)  # a full-width form on a wide screen is hard to follow
        form = QFormLayout(self.add_form)
        form.setSpacing(8)
        self.new_username = QLineEdit()
        self.new_username.setObjectName("accountsNewUsername")
        self.new_username.setMaxLength(accounts.USERNAME_MAX_WIDTH)
        self.new_username.setPlaceholderText(self.tr("登录时输入，例如 chenxia"))
        self.new_display_name = QLineEdit()
        self.new_display_name.setObjectName("accountsNewDisplayName")
        self.new_display_name.setMaxLength(accounts.DISPLAY_NAME_MAX)
        self.new_role = QComboBox()
        self.new_role.setObjectName("accountsNewRole")
        for code, label in role_labels().items():
            self.new_role.addItem(label, code)
        self.new_role.setCurrentIndex(
            ROLES.index(STAFF)
        )  # the common case; admin must be a deliberate choice
        self.new_password = QLineEdit()
        self.new_password.setObjectName("accountsNewPassword")
        self.new_password.setMaxLength(accounts.MAX_PASSWORD_LENGTH)
        self.new_password.setPlaceholderText(self.tr("至少6个字符；对方第一次登录时要改成自己的密码"))
        form.addRow(self.tr("用户名："), self.new_username)
        form.addRow(self.tr("姓名："), self.new_display_name)
        form.addRow(self.tr("角色："), self.new_role)
        form.addRow(self.tr("初始密码："), self.new_password)
        buttons = QHBoxLayout()
        self.new_save = self._button("accountsNewSave", self.tr("创建账号(&S)"), self.create_user)
        self.new_cancel = self._button("accountsNewCancel", self.tr("取消"), self.hide_add_form)
        buttons.addWidget(self.new_save)
        buttons.addWidget(self.new_cancel)
        buttons.addStretch(1)
        form.addRow(buttons)
        for current, following in (
            (self.new_username, self.new_display_name),
            (self.new_display_name, self.new_role),
        ):
            current.returnPressed.connect(following.setFocus)
        self.new_password.returnPressed.connect(self.create_user)
        self.add_form.setVisible(False)
        return self.add_form

    def _build_edit_form(self) -> QGroupBox:
        self.edit_form = QGroupBox(self.tr("修改账号"))
        self.edit_form.setObjectName("accountsEditForm")
        self.edit_form.setMaximumWidth(640)
        self._editing: UserInfo | None = None
        form = QFormLayout(self.edit_form)
        form.setSpacing(8)
        self.edit_who = QLabel()
        self.edit_who.setObjectName("accountsEditWho")
        self.edit_display_name = QLineEdit()
        self.edit_display_name.setObjectName("accountsEditDisplayName")
        self.edit_display_name.setMaxLength(accounts.DISPLAY_NAME_MAX)
        self.edit_role = QComboBox()
        self.edit_role.setObjectName("accountsEditRole")
        for code, label in role_labels().items():
            self.edit_role.addItem(label, code)
        self.edit_role.currentIndexChanged.connect(lambda _index: self._show_volunteer_row())
        self.edit_volunteer = QComboBox()
        self.edit_volunteer.setObjectName("accountsEditVolunteer")
        self.edit_volunteer.setMinimumWidth(260)
        self.edit_volunteer_hint = QLabel(
            self.tr("志愿者教师只能点名和记录自己带的课次；没有关联志愿者记录的教师账号看不到任何课次。")
        )
        self.edit_volunteer_hint.setObjectName("accountsEditVolunteerHint")
        self.edit_volunteer_hint.setWordWrap(True)
        self.edit_volunteer_hint.setStyleSheet("color: #555;")
        form.addRow(self.tr("用户名："), self.edit_who)
        form.addRow(self.tr("姓名："), self.edit_display_name)
        form.addRow(self.tr("角色："), self.edit_role)
        form.addRow(self.tr("志愿者记录："), self.edit_volunteer)
        form.addRow(self.edit_volunteer_hint)
        self._edit_layout = form
        buttons = QHBoxLayout()
        self.edit_save = self._button("accountsEditSave", self.tr("保存修改(&S)"), self.save_edit)
        self.edit_cancel = self._button("accountsEditCancel", self.tr("取消"), self.hide_edit_form)
        buttons.addWidget(self.edit_save)
        buttons.addWidget(self.edit_cancel)
        buttons.addStretch(1)
        form.addRow(buttons)
        self.edit_display_name.returnPressed.connect(self.save_edit)
        self.edit_form.setVisible(False)
        return self.edit_form

    def _show_volunteer_row(self) -> None:
        """The volunteer record matters only for a teacher (their "own sessions"), so only a teacher's form asks."""
        teacher = self.edit_role.currentData() == TEACHER
        self._edit_layout.setRowVisible(self.edit_volunteer, teacher)
        self._edit_layout.setRowVisible(self.edit_volunteer_hint, teacher)

    def _fill_volunteers(self, volunteers: list[VolunteerChoice], user: UserInfo) -> None:
        self.edit_volunteer.clear()
        self.edit_volunteer.addItem(self.tr("（不关联）"), None)
        for volunteer in volunteers:
            text = volunteer.name
            if volunteer.organisation:
                text += f" · {volunteer.organisation}"
            if not volunteer.active:
                text += self.tr("（已停止服务）")
            others = [name for name in volunteer.linked_to if name != user.username]
            if others:
                text += self.tr("（已关联账号 %1）").replace("%1", "、".join(others))
            self.edit_volunteer.addItem(text, volunteer.id)
        index = self.edit_volunteer.findData(user.volunteer_id) if user.volunteer_id is not None else 0
        self.edit_volunteer.setCurrentIndex(max(index, 0))

    # --- state ---------------------------------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        # Also shown as a tab inside another page, where nobody calls ensure_fresh().
        super().showEvent(event)
        self.ensure_fresh()

    def refresh(self) -> None:
        selected = self.selected_user()
        loaded = self.ops.run(
            lambda: (
                accounts.list_users(self.ctx),
                accounts.get_idle_lock_minutes(self.ctx),
                accounts.get_desk_mode(self.ctx),
            ),
            refused=self.message,
        )
        if loaded.value is None:
            self.model.set_users([])
            for widget in (
                self.add_button,
                self.idle_minutes,
                self.idle_save,
                self.desk_mode,
                self.desk_idle_minutes,
                self.desk_mode_save,
            ):
                widget.setEnabled(False)
            self.add_form.setVisible(False)
            self.edit_form.setVisible(False)
            self._update_buttons()
            super().refresh()
            return
        users, minutes, desk_mode = loaded.value
        self.model.set_users(users)
        self.idle_minutes.setValue(minutes)
        self.desk_mode.setChecked(desk_mode.on)
        self.desk_idle_minutes.setValue(desk_mode.idle_lock_minutes)
        self.desk_idle_minutes.setEnabled(desk_mode.on)
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(self.model.columnCount() - 1):
            header.resizeSection(column, header.sectionSize(column) + 16)  # air between columns
        if selected is not None:
            self.select_user(selected.id)
        self._update_buttons()
        super().refresh()

    def selected_user(self) -> UserInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows or rows[0].row() >= len(self.model.users):
            return None
        return self.model.users[rows[0].row()]

    def select_user(self, user_id: int) -> None:
        for row, user in enumerate(self.model.users):
            if user.id == user_id:
                self.table.selectRow(row)
                return

    def _update_buttons(self) -> None:
        user = self.selected_user()
        self.edit_button.setEnabled(user is not None)
        self.disable_button.setEnabled(user is not None and user.active)
        self.enable_button.setEnabled(user is not None and not user.active)
        self.reset_button.setEnabled(user is not None)

    def _done(self, text: str, user_id: int | None = None) -> None:
        """After a change (announced by ``ops.run``): the list as stored, the account selected, what was done."""
        self.ensure_fresh()  # a visible page was already refreshed by the announcement
        if user_id is not None:
            self.select_user(user_id)
        show_message(self.message, text, error=False)

    # --- actions -------------------------------------------------------------------------------------------------

    def show_add_form(self) -> None:
        self.hide_edit_form()  # one form at a time
        self.add_form.setVisible(True)
        self.new_username.setFocus()

    def hide_add_form(self) -> None:
        for edit in (self.new_username, self.new_display_name, self.new_password):
            edit.clear()
        self.add_form.setVisible(False)
        self.add_button.setFocus()

    def show_edit_form(self) -> bool:
        """Open the edit form for the selected account (also: double-click a row)."""
        user = self.selected_user()
        if user is None:
            show_message(self.message, self.tr("请先在表格中选中一个账号。"))
            return False
        loaded = self.ops.run(lambda: accounts.list_linkable_volunteers(self.ctx), refused=self.message)
        if loaded.value is None:
            return False
        if self.add_form.isVisible():
            self.hide_add_form()
        self._editing = user
        self.edit_who.setText(user.username)
        self.edit_display_name.setText(user.display_name)
        self.edit_role.setCurrentIndex(max(self.edit_role.findData(user.role), 0))
        self._fill_volunteers(loaded.value, user)
        self._show_volunteer_row()
        self.message.clear()
        self.edit_form.setVisible(True)
        self.edit_display_name.setFocus()
        self.edit_display_name.selectAll()
        return True

    def hide_edit_form(self) -> None:
        if not self.edit_form.isVisible():
            return
        self._editing = None
        self.edit_form.setVisible(False)
        self.edit_button.setFocus()

    def save_edit(self) -> UserInfo | None:
        user = self._editing
        if user is None:
            return None
        display_name, role = self.edit_display_name.text(), str(self.edit_role.currentData())
        volunteer_id = self.edit_volunteer.currentData()

        def save() -> UserInfo:
            if role != TEACHER:  # the link is not shown for other roles, so it stays as it is
                return accounts.update_user(self.ctx, user.id, display_name, role)
            return accounts.update_user(self.ctx, user.id, display_name, role, volunteer_id=volunteer_id)

        info = self.ops.run(save, changes=Area.ACCOUNTS, refused=self.message).value
        if info is None:
            return None  # the form stays open with what was typed
        self._editing = None
        self.edit_form.setVisible(False)
        self._done(self.tr("已保存账号 %1 的修改。").replace("%1", info.username), info.id)
        return info

    def create_user(self) -> UserInfo | None:
        typed = (
            self.new_username.text(),
            self.new_display_name.text(),
            str(self.new_role.currentData()),
            self.new_password.text(),
        )
        user = self.ops.run(
            lambda: accounts.create_user(self.ctx, *typed), changes=Area.ACCOUNTS, refused=self.message
        ).value
        if user is None:
            return None
        self.hide_add_form()
        self._done(
            self.tr("已创建账号 %1。请把初始密码告诉对方，对方第一次登录时要改成自己的密码。").replace(
                "%1", user.username
            ),
            user.id,
        )
        return user

    def set_selected_active(self, active: bool) -> UserInfo | None:
        user = self.selected_user()
        if user is None:
            show_message(self.message, self.tr("请先在表格中选中一个账号。"))
            return None
        info = self.ops.run(
            lambda: accounts.set_active(self.ctx, user.id, active),
            changes=Area.ACCOUNTS,
            refused=self.message,
        ).value
        if info is None:
            return None
        text = self.tr("已启用账号 %1。") if active else self.tr("已停用账号 %1。")
        self._done(text.replace("%1", info.username), info.id)
        return info

    def ask_reset_password(self) -> ResetPasswordDialog | None:
        user = self.selected_user()
        if user is None:
            show_message(self.message, self.tr("请先在表格中选中一个账号。"))
            return None
        self._dialog = ResetPasswordDialog(user, self.ops, self)
        self._dialog.password_chosen.connect(self.reset_password)
        self._dialog.open()  # never exec(): it would block the event loop (and the tests)
        return self._dialog

    def reset_password(self, user_id: int, password: str) -> UserInfo | None:
        info = self.ops.run(
            lambda: accounts.reset_password(self.ctx, user_id, password),
            changes=Area.ACCOUNTS,
            refused=self.message,
        ).value
        if info is None:
            return None
        self._done(
            self.tr("已重置 %1 的密码（账号同时解锁）。对方下次登录时要改成自己的密码。").replace(
                "%1", info.username
            ),
            info.id,
        )
        return info

    def save_idle_minutes(self) -> bool:
        minutes = self.idle_minutes.value()
        # The app's idle timer listens for Area.SETTINGS.
        saved = self.ops.run(
            lambda: accounts.set_idle_lock_minutes(self.ctx, minutes),
            changes=Area.SETTINGS,
            refused=self.message,
        )
        if not saved.ok:
            return False
        text = (
            self.tr("已保存：不自动锁屏。")
            if minutes == 0
            else self.tr("已保存：%1 分钟无人操作后自动锁屏。").replace("%1", str(minutes))
        )
        show_message(self.message, text, error=False)
        return True

    def save_desk_mode(self) -> bool:
        on, minutes = self.desk_mode.isChecked(), self.desk_idle_minutes.value()
        # The app's idle timer listens for Area.SETTINGS.
        saved = self.ops.run(
            lambda: accounts.set_desk_mode(self.ctx, on, minutes), changes=Area.SETTINGS, refused=self.message
        )
        if not saved.ok:
            return False
        if not on:
            text = self.tr("已保存：借还台模式已关闭，按上面的时间自动锁屏。")
        elif minutes == 0:
            text = self.tr("已保存：借还台模式已开启，不自动锁屏；锁屏时扫的码登录后自动办理。")
        else:
            text = self.tr(
                "已保存：借还台模式已开启，%1 分钟无人操作后锁屏；锁屏时扫的码登录后自动办理。"
            ).replace("%1", str(minutes))
        show_message(self.message, text, error=False)
        return True
