"""The main window: navigation on the left, one page at a time on the right. Wiring only — no data work here.

Pages are built on first visit, so start-up pays only for the overview page. The scan router (``scan_router.py``)
sends a scanner's burst to the shown page's scanner input wherever the focus is. In 借还台模式 (desk mode,
``accounts.get_desk_mode``) the idle lock is the desk's, and a scan kept by the lock screen is done on the page
that was shown when it locked, after the next sign-in.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from center_app.context import Actor, AppContext
from center_app.domain.permissions import ROLE_LABELS
from center_app.services import settings
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page
from center_app.ui.scan_router import ScanRouter

if TYPE_CHECKING:
    from center_app.ui.pages.overview import OverviewPage

log = logging.getLogger(__name__)

_ACTIVITY_EVENTS = frozenset(
    {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.MouseMove}
)
#: a scan kept by the lock screen in 借还台模式 is done after sign-in only if it is at most this old
KEPT_SCAN_MAX_AGE_MS = 5 * 60_000


@dataclass(frozen=True)
class PageSpec:
    object_name: str
    title: str
    build: Callable[[], Page]


def _page(module: str, name: str) -> type[Page]:
    """Import a page class when it is first shown (start-up pays only for the first page)."""
    import importlib

    return getattr(importlib.import_module(f"center_app.ui.pages.{module}"), name)


class MainWindow(QMainWindow):
    #: emitted once, when the first page has been filled with data and the window is shown
    ready = Signal()
    #: emitted after the user picked another language and the window was rebuilt in it
    language_changed = Signal(str)

    def __init__(self, ctx: AppContext, events: DataEvents | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.events = events or DataEvents(self)
        self._ready_sent = False
        self.setMinimumSize(QSize(1000, 640))
        self.resize(1280, 720)  # fits a 1366×768 screen with the taskbar

        # Two screens: the workspace (navigation + pages) and the gate (first-run wizard, login or lock screen).
        self.screens = QStackedWidget(self)
        self.screens.setObjectName("screenStack")
        central = QWidget()
        central.setObjectName("workspace")
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navList")
        self.nav.setFixedWidth(170)
        self.nav.setSpacing(2)
        font = self.nav.font()
        font.setPointSize(font.pointSize() + 2)
        self.nav.setFont(font)
        self.stack = QStackedWidget()
        self.stack.setObjectName("pageStack")
        layout.addWidget(self.nav)
        layout.addWidget(self.stack, 1)
        self.workspace = central
        self.screens.addWidget(central)
        # The 演示数据 banner above every screen while the folder is a demo folder.
        from center_app.ui.demo_banner import DemoBanner

        shell = QWidget(self)
        shell_layout = QVBoxLayout(shell)
        shell_layout.setContentsMargins(0, 0, 0, 0)
        shell_layout.setSpacing(0)
        self.demo_banner = DemoBanner(ctx, shell)
        self.demo_banner.cleared.connect(self._demo_cleared)
        shell_layout.addWidget(self.demo_banner)
        shell_layout.addWidget(self.screens, 1)
        self.setCentralWidget(shell)
        self.gate: QWidget | None = None

        self.status_label = QLabel()
        self.status_label.setObjectName("statusDataFolder")
        self.user_label = QLabel()
        self.user_label.setObjectName("statusUser")
        self.statusBar().addWidget(self.user_label)
        self.statusBar().addPermanentWidget(self.status_label)
        # 关于 (version, licences): the status bar's last button, or F1 anywhere in the window.
        from center_app.ui.app_icon import app_icon

        self.setWindowIcon(app_icon())
        self.about_button = QToolButton()
        self.about_button.setObjectName("aboutButton")
        self.about_button.setAutoRaise(True)
        self.about_button.clicked.connect(self.show_about)
        self.statusBar().addPermanentWidget(self.about_button)
        self.about_dialog: QDialog | None = None

        # Idle lock: any key or mouse input restarts the timer (see eventFilter).
        self.idle_timer = QTimer(self)
        self.idle_timer.setObjectName("idleLockTimer")
        self.idle_timer.setSingleShot(True)
        self.idle_timer.timeout.connect(self.lock)
        self._busy_reason: str | None = None  # see set_busy
        lock_shortcut = QShortcut(QKeySequence("Ctrl+L"), self)
        lock_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        lock_shortcut.activated.connect(self.lock)
        about_shortcut = QShortcut(QKeySequence("F1"), self)
        about_shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
        about_shortcut.activated.connect(self.show_about)
        self._shortcuts = [lock_shortcut, about_shortcut]
        self._row_at_lock: int | None = None  # the page shown when the screen locked (a kept scan goes there)
        self.scan_router = ScanRouter(self, self._scan_target, self)
        app = QCoreApplication.instance()
        if app is not None:
            app.installEventFilter(self)
            app.installEventFilter(self.scan_router)

        self.nav.currentRowChanged.connect(self._show_row)
        for n in range(1, 10):
            shortcut = QShortcut(QKeySequence(f"Ctrl+{n}"), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(lambda row=n - 1: self.show_row(row))
            self._shortcuts.append(shortcut)
        self.events.data_changed.connect(self._on_data_changed)
        self._built_for: str | None = None
        if ctx.actor.signed_in:
            self.sign_in(ctx.actor)
        else:
            self._show_gate()

    # --- pages ----------------------------------------------------------------------------------------------

    def _specs(self) -> list[PageSpec]:
        from center_app.ui.pages.overview import OverviewPage
        from center_app.ui.pages.settings import SettingsPage

        ctx, ev = self.ctx, self.events

        return [
            PageSpec("overviewPage", self.tr("首页"), lambda: self._linked(OverviewPage(ctx, ev))),
            PageSpec("catalogPage", self.tr("图书"), lambda: _page("catalog", "CatalogPage")(ctx, ev)),
            PageSpec("deskPage", self.tr("借还台"), lambda: _page("desk", "DeskPage")(ctx, ev)),
            PageSpec("childrenPage", self.tr("儿童"), lambda: _page("children", "ChildrenPage")(ctx, ev)),
            PageSpec(
                "attendancePage", self.tr("考勤"), lambda: _page("attendance", "AttendancePage")(ctx, ev)
            ),
            PageSpec("equipmentPage", self.tr("器材"), lambda: _page("equipment", "EquipmentPage")(ctx, ev)),
            PageSpec(
                "volunteersPage",
                self.tr("志愿者与课表"),
                lambda: _page("volunteers", "VolunteersPage")(ctx, ev),
            ),
            PageSpec("reportsPage", self.tr("活动与报表"), lambda: _page("reports", "ReportsPage")(ctx, ev)),
            PageSpec(
                "settingsPage",
                self.tr("设置"),
                lambda: SettingsPage(
                    ctx,
                    ev,
                    on_language_changed=self.switch_language,
                    on_restored=self.after_restore,
                    on_busy=self.set_busy,
                ),
            ),
        ]

    def _build(self) -> None:
        self.specs = self._specs()
        self.pages: dict[int, Page] = {}
        self.nav.blockSignals(True)
        self.nav.clear()
        while self.stack.count():
            widget = self.stack.widget(0)
            assert widget is not None  # count > 0
            self.stack.removeWidget(widget)
            widget.deleteLater()
        for n, spec in enumerate(self.specs, start=1):
            item = QListWidgetItem(spec.title)
            item.setToolTip(f"Ctrl+{n}")
            item.setSizeHint(QSize(150, 40))
            self.nav.addItem(item)
            holder = QWidget()  # replaced by the real page on first visit
            holder.setObjectName(f"{spec.object_name}Holder")
            self.stack.addWidget(holder)
        self.nav.blockSignals(False)
        self._retitle()
        self.show_row(0)

    def _retitle(self) -> None:
        centre = settings.get_centre(self.ctx).name
        self.setWindowTitle(self.tr("儿童之家管理系统") + f" — {centre}")
        self.status_label.setText(self.tr("数据文件夹：%1").replace("%1", str(self.ctx.data_dir.root)))
        self.about_button.setText(self.tr("关于"))
        self.about_button.setToolTip(self.tr("版本和许可证 (F1)"))

    def show_about(self) -> QDialog:
        """Open 关于 (window-modal through ``open()``: it never blocks the event loop or a test)."""
        from center_app.ui.dialogs.about import AboutDialog

        if self.about_dialog is None:
            self.about_dialog = AboutDialog(self)
        self.about_dialog.open()
        return self.about_dialog

    def _linked(self, page: OverviewPage) -> OverviewPage:
        """The overview's links (器材到闭馆还没还 → the equipment page's desk) go through the window."""
        page.open_page.connect(self.open_from_link)
        return page

    def open_from_link(self, object_name: str) -> None:
        page = self.show_page(object_name)
        desk = getattr(page, "desk", None)  # the equipment page: its lending desk takes the things back
        show_tab = getattr(page, "show_tab", None)
        if desk is not None and show_tab is not None:
            show_tab(desk)

    def page(self, row: int) -> Page:
        if row not in self.pages:
            spec = self.specs[row]
            page = spec.build()
            page.setObjectName(spec.object_name)
            old = self.stack.widget(row)
            assert old is not None  # every row has its placeholder until the page is built
            self.stack.insertWidget(row, page)
            self.stack.removeWidget(old)
            old.deleteLater()
            self.pages[row] = page
        return self.pages[row]

    def page_by_name(self, object_name: str) -> Page:
        for row, spec in enumerate(self.specs):
            if spec.object_name == object_name:
                return self.page(row)
        raise KeyError(object_name)

    def show_row(self, row: int) -> None:
        if 0 <= row < len(self.specs):
            self.nav.setCurrentRow(row)  # emits currentRowChanged → _show_row
            if self.stack.currentIndex() != row or row not in self.pages:
                self._show_row(row)

    def show_page(self, object_name: str) -> Page:
        for row, spec in enumerate(self.specs):
            if spec.object_name == object_name:
                self.show_row(row)
                return self.pages[row]
        raise KeyError(object_name)

    def current_page(self) -> Page:
        return self.page(self.stack.currentIndex())

    def _show_row(self, row: int) -> None:
        if row < 0:
            return
        page = self.page(row)
        self.stack.setCurrentIndex(row)
        if not self._ready_sent:
            self._ready_sent = True
            # Queued before the page's own deferred work: "ready" = the window shown with the page's figures.
            QTimer.singleShot(0, self.ready.emit)
        page.ensure_fresh()

    def _on_data_changed(self, area: str) -> None:
        if area in (Area.CENTRE, Area.ALL):
            self._retitle()
        if area in (Area.SETTINGS, Area.ALL) and self._busy_reason is None:
            self.restart_idle_timer()  # the idle lock or 借还台模式 may have changed

    def _scan_target(self) -> QLineEdit | None:
        """Where a scanner's burst goes now (see scan_router.py): the shown page's scanner input, if any."""
        if self.locked or self._busy_reason is not None:
            return None
        page = getattr(self, "pages", {}).get(self.stack.currentIndex())
        return None if page is None else page.scan_target()

    # --- who is signed in -------------------------------------------------------------------------------------

    def _show_gate(self, locked_for: Actor | None = None) -> None:
        from center_app.services import accounts
        from center_app.ui.first_run import FirstRunWizard
        from center_app.ui.login import LoginWidget

        if locked_for is None:
            # A folder holding nothing but the demo signs its demo administrator in (start-up, after a restore).
            demo_admin = accounts.demo_sign_in(self.ctx)
            if demo_admin is not None:
                self.sign_in(demo_admin)
                return
        if self.gate is not None:
            self.screens.removeWidget(self.gate)
            self.gate.deleteLater()
        if locked_for is None and accounts.needs_first_admin(self.ctx):
            gate: FirstRunWizard | LoginWidget = FirstRunWizard(self.ctx)
        else:
            desk_mode = locked_for is not None and accounts.get_desk_mode(self.ctx).on
            gate = LoginWidget(self.ctx, locked_for=locked_for, keep_scans=desk_mode)
        gate.signed_in.connect(self.sign_in)
        self.gate = gate
        self.screens.addWidget(gate)
        self.screens.setCurrentWidget(gate)
        self.user_label.setText("")
        self.idle_timer.stop()
        self.demo_banner.update_for(signed_in=False)
        if hasattr(gate, "reset"):
            gate.reset()
        if not self._ready_sent:
            self._ready_sent = True
            QTimer.singleShot(0, self.ready.emit)

    def sign_in(self, actor: Actor) -> None:
        """Show the workspace for ``actor``; the pages are rebuilt when the user (and so the permissions) changed."""
        from center_app.services import accounts
        from center_app.ui.login import KeptScan, LoginWidget

        kept: KeptScan | None = None
        kept_age: float | None = None
        if isinstance(self.gate, LoginWidget):
            kept, kept_age = self.gate.kept, self.gate.kept_scan_age_ms()
        self.ctx.actor = actor
        if self._built_for != actor.username:
            self._build()
            self._built_for = actor.username
        self.screens.setCurrentWidget(self.workspace)
        if self.gate is not None:
            self.screens.removeWidget(self.gate)
            self.gate.deleteLater()
            self.gate = None
        self._retitle_user()
        self.demo_banner.update_for(signed_in=True)
        self.restart_idle_timer()
        self.nav.setFocus()  # keyboard users start from the navigation (the gate that had focus is gone)
        self.current_page().ensure_fresh()
        user = accounts.current_user(self.ctx) if actor.user_id is not None else None
        must_change_password = user is not None and user.must_change_password
        if kept is not None:
            self._replay_kept_scan(kept.code, kept_age or 0.0, must_change_password=must_change_password)
        self._row_at_lock = None
        if must_change_password:
            from center_app.ui.login import ChangePasswordDialog

            self.password_dialog = ChangePasswordDialog(self.ctx, self, forced=True)
            self.password_dialog.open()

    def _replay_kept_scan(self, code: str, age_ms: float, *, must_change_password: bool) -> bool:
        """借还台模式: do the scan the lock screen kept on the page that was shown when it locked — if it is fresh
        and the page takes scans from the user now signed in (the desk: ``allowed(role, "circulation", WRITE)``).
        Otherwise say in the status bar that it was dropped."""
        if must_change_password:
            reason = self.tr("请先修改密码")
        elif age_ms > KEPT_SCAN_MAX_AGE_MS:
            reason = self.tr("已超过 %1 分钟").replace("%1", str(KEPT_SCAN_MAX_AGE_MS // 60_000))
        else:
            row = self._row_at_lock
            if row is not None and 0 <= row < len(self.specs) and row != self.stack.currentIndex():
                self.show_row(row)
            page = self.current_page()
            if page.scan_target() is not None:
                page.replay_scan(code)
                return True
            reason = self.tr("当前账号不能在这一页办理")
        self.statusBar().showMessage(
            self.tr("锁屏时扫的 %1 没有办理（%2），请重新扫码。").replace("%1", code).replace("%2", reason),
            30_000,
        )
        return False

    def after_restore(self) -> None:
        """The data was replaced: whoever was signed in may not exist in it. Sign out and start afresh."""
        self.ctx.actor = Actor.nobody()
        self._built_for = None
        QTimer.singleShot(0, self._show_gate)  # after the backup tab's click handler has returned

    def _demo_cleared(self, result: object) -> None:
        """The demo data is gone: nobody stays signed in; the real administrator is created (or signs in) next."""
        from center_app.ui.widgets.messages import show_message

        self.ctx.actor = Actor.nobody()
        self._built_for = None
        self._show_gate()
        backup = getattr(result, "backup", None)
        text = self.tr("演示数据已清空。")
        if backup is not None:
            text += self.tr("清空前的数据已备份为 %1。").replace("%1", backup.name)
        text += (
            self.tr("请创建正式的管理员账号。")
            if getattr(result, "needs_first_admin", False)
            else self.tr("请用管理员账号登录。")
        )
        if self.gate is not None and hasattr(self.gate, "message"):
            show_message(self.gate.message, text, ok=True)
        self.events.announce(Area.ALL)

    def lock(self) -> None:
        """Hide everything behind the lock screen (Ctrl+L, the idle lock) and audit it as the user's sign-out; the
        same or another user signs in to continue (audited as a login).

        ``ctx.actor`` stays who locked it until someone signs in: work they started on a worker thread (an import)
        finishes as theirs, and the hidden pages cannot be used meanwhile."""
        from center_app.services import accounts
        from center_app.ui.operations import Operations

        if self.gate is not None or not self.ctx.actor.signed_in or self._busy_reason is not None:
            return
        self._row_at_lock = self.stack.currentIndex()
        self._show_gate(locked_for=self.ctx.actor)
        # After the screen is locked: a slow or failing audit write never keeps the children's data on screen.
        gate_message = getattr(self.gate, "message", None)
        Operations(self.ctx).run(
            lambda: accounts.sign_out(self.ctx),
            refused=gate_message if isinstance(gate_message, QLabel) else log.warning,
        )

    @property
    def locked(self) -> bool:
        return self.screens.currentWidget() is not self.workspace

    def restart_idle_timer(self) -> None:
        from center_app.services import accounts

        minutes = accounts.idle_lock_minutes_in_use(self.ctx)  # 借还台模式 has its own
        if minutes > 0 and not self.locked:
            self.idle_timer.start(minutes * 60_000)
        else:
            self.idle_timer.stop()

    # --- long work that must not be disturbed -----------------------------------------------------------------

    def set_busy(self, reason: str | None) -> None:
        """While ``reason`` (e.g. a restore replacing the data): the navigation, Ctrl+1…9, Ctrl+L, the idle lock
        and closing the window wait, and the status bar says why. ``None`` ends it. The page doing the work keeps
        its own controls (progress, cancel) live."""
        self._busy_reason = reason or None
        busy = self._busy_reason is not None
        self.nav.setEnabled(not busy)
        self.demo_banner.setEnabled(not busy)
        for shortcut in self._shortcuts:
            shortcut.setEnabled(not busy)
        if self._busy_reason is not None:  # busy
            self.idle_timer.stop()
            self.statusBar().showMessage(self._busy_reason)
        else:
            self.statusBar().clearMessage()
            self.restart_idle_timer()

    @property
    def busy_reason(self) -> str | None:
        return self._busy_reason

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt override
        from center_app.ui import workers

        if self._busy_reason is not None:
            event.ignore()  # a restore half done must finish (or fail whole) before the app lets go of the data
            self.statusBar().showMessage(
                self.tr("%1，请等它完成后再关闭程序。").replace("%1", self._busy_reason)
            )
            return
        # An import or export still running: stop it (it writes nothing then) before the data is closed.
        workers.cancel_all()
        workers.wait_for_all()
        super().closeEvent(event)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        if event.type() in _ACTIVITY_EVENTS and self.idle_timer.isActive():
            self.idle_timer.start()  # restart with the same interval
        return False

    # --- language -------------------------------------------------------------------------------------------

    def _retitle_user(self) -> None:
        from center_app.ui.role_labels import role_labels

        actor = self.ctx.actor
        role = role_labels().get(actor.role, ROLE_LABELS.get(actor.role, actor.role))
        self.user_label.setText(
            self.tr("当前用户：%1（%2）  Ctrl+L 锁定")
            .replace("%1", actor.display_name or actor.username)
            .replace("%2", role)
        )

    def switch_language(self, language: str) -> None:
        """Install the new translators and rebuild the pages so every label is in the new language."""
        from center_app.ui.i18n import install_language

        app = QCoreApplication.instance()
        if app is not None:
            install_language(app, language)
        current = self.stack.currentIndex()

        def rebuild() -> None:
            self._build()
            self.demo_banner.retranslate()
            self._retitle_user()
            self.show_row(current)
            self.language_changed.emit(language)

        # Rebuild after the settings page's click handler has returned (it is one of the pages deleted).
        QTimer.singleShot(0, rebuild)
