"""设置: the centre's name and address (they head every printed page) and the UI language."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QWidget,
)

from center_app import __version__
from center_app.context import AppContext
from center_app.domain.permissions import allowed
from center_app.services import settings
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_title, vbox
from center_app.ui.widgets.messages import show_message

LANGUAGE_LABELS = {"zh_CN": "中文（简体）", "en": "English"}


class SettingsPage(Page):
    areas = (Area.CENTRE, Area.SETTINGS)

    def __init__(
        self,
        ctx: AppContext,
        events: DataEvents,
        on_language_changed: Callable[[str], None] | None = None,
        on_restored: Callable[[], None] | None = None,
        parent: QWidget | None = None,
        on_busy: Callable[[str | None], None] | None = None,
    ) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("settingsPage")
        self._on_language_changed = on_language_changed
        self._on_busy = on_busy  # the window's set_busy: a restore keeps the navigation waiting
        outer = vbox(self)
        outer.addWidget(page_title(self.tr("设置")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        outer.addWidget(self.tabs, 1)
        general = QWidget()
        general.setObjectName("settingsGeneralTab")
        layout = vbox(general)
        self.tabs.addTab(general, self.tr("中心信息与语言"))

        form = QFormLayout()
        form.setSpacing(10)
        self.name = self._line("settingsCentreName", 200)
        self.address = self._line("settingsAddress", 400)
        self.phone = self._line("settingsPhone", 50)
        self.contact = self._line("settingsContact", 100)
        form.addRow(self.tr("中心名称："), self.name)
        form.addRow(self.tr("地址："), self.address)
        form.addRow(self.tr("电话："), self.phone)
        form.addRow(self.tr("联系人："), self.contact)

        self.language = QComboBox()
        self.language.setObjectName("settingsLanguage")
        for code, label in LANGUAGE_LABELS.items():
            self.language.addItem(label, code)
        form.addRow(self.tr("界面语言："), self.language)
        layout.addLayout(form)

        buttons = QHBoxLayout()
        self.save_button = QPushButton(self.tr("保存(&S)"))
        self.save_button.setObjectName("settingsSave")
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self.save)
        buttons.addWidget(self.save_button)
        buttons.addStretch(1)
        layout.addLayout(buttons)

        self.message = QLabel()
        self.message.setObjectName("settingsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)

        where = QLabel(
            self.tr("数据文件夹：%1").replace("%1", str(ctx.data_dir.root))
            + "\n"
            + self.tr("版本：%1").replace("%1", __version__)
        )
        where.setObjectName("settingsDataFolder")
        where.setWordWrap(True)
        layout.addWidget(where)
        layout.addStretch(1)
        for edit in (self.name, self.address, self.phone, self.contact):
            edit.returnPressed.connect(self.save)
        self.can_write = allowed(ctx.actor.role, "settings", "write")
        if not self.can_write:
            for widget in (
                self.name,
                self.address,
                self.phone,
                self.contact,
                self.language,
                self.save_button,
            ):
                widget.setEnabled(False)
            show_message(self.message, self.tr("只有管理员可以修改这些设置。"))

        # Administrators' tabs, each built only for a role that may see it.
        self.admin_tabs: list[Page] = []
        if allowed(ctx.actor.role, "accounts", "read"):
            from center_app.ui.pages.accounts_tab import AccountsTab

            self._add_tab(AccountsTab(ctx, events), self.tr("用户账号"))
        if allowed(ctx.actor.role, "settings", "read") and allowed(ctx.actor.role, "circulation", "read"):
            from center_app.ui.pages.loan_rules_tab import LoanRulesTab

            self._add_tab(LoanRulesTab(ctx, events), self.tr("借阅规则与闭馆日"))
        if allowed(ctx.actor.role, "settings", "read"):
            from center_app.ui.pages.attendance_codes_tab import AttendanceCodesTab

            self._add_tab(AttendanceCodesTab(ctx, events), self.tr("考勤代码"))
        if allowed(ctx.actor.role, "backups", "write"):
            from center_app.ui.pages.backup_tab import BackupTab

            backup_tab = BackupTab(ctx, events)
            if on_restored is not None:
                backup_tab.restored.connect(on_restored)
            backup_tab.busy_changed.connect(self._busy_changed)
            self._add_tab(backup_tab, self.tr("备份与恢复"))
        if allowed(ctx.actor.role, "audit", "read"):
            from center_app.ui.pages.audit_tab import AuditTab

            self._add_tab(AuditTab(ctx, events), self.tr("审计日志"))
        self.tabs.currentChanged.connect(self._tab_shown)

    def _busy_changed(self, reason: str) -> None:
        """A restore started ("正在…") or ended (""): the other tabs, like the navigation, would read the data being
        replaced, so they wait."""
        self.tabs.tabBar().setEnabled(not reason)
        if self._on_busy is not None:
            self._on_busy(reason or None)

    def _add_tab(self, page: Page, title: str) -> None:
        self.admin_tabs.append(page)
        self.tabs.addTab(page, title)

    def _tab_shown(self, index: int) -> None:
        widget = self.tabs.widget(index)
        if isinstance(widget, Page):
            widget.ensure_fresh()

    def tab(self, object_name: str) -> QWidget:
        """Switch to the tab with this objectName (e.g. "backupTab") and return it."""
        for index in range(self.tabs.count()):
            widget = self.tabs.widget(index)
            assert widget is not None  # 0 <= index < count
            if widget.objectName() == object_name:
                self.tabs.setCurrentIndex(index)
                return widget
        raise KeyError(object_name)

    def _line(self, object_name: str, max_length: int) -> QLineEdit:
        edit = QLineEdit()
        edit.setObjectName(object_name)
        edit.setMaxLength(max_length)
        return edit

    def refresh(self) -> None:
        centre = settings.get_centre(self.ctx)
        self.name.setText(centre.name)
        self.address.setText(centre.address)
        self.phone.setText(centre.phone)
        self.contact.setText(centre.contact_person)
        index = self.language.findData(settings.get_language(self.ctx))
        self.language.setCurrentIndex(max(index, 0))
        super().refresh()

    def save(self) -> bool:
        info = settings.CentreInfo(
            self.name.text(), self.address.text(), self.phone.text(), self.contact.text()
        )
        language = self.language.currentData()

        def save() -> bool:
            changed = language != settings.get_language(self.ctx)
            settings.save_general(self.ctx, info, language)
            return changed

        saved = self.ops.run(save, changes=Area.CENTRE, refused=self.message)
        if not saved.ok:
            return False
        language_changed = saved.value
        show_message(self.message, self.tr("已保存。"), ok=True)
        if language_changed and self._on_language_changed is not None:
            self._on_language_changed(language)
        return True
