"""No widget ever becomes a window of its own: a widget shown (even ``setVisible(True)`` for a moment) before it has
a parent is a top-level window, and it takes activation from the main window — Ctrl+1…9 and the desk's scanner
input then stop working until the user clicks back.

The walk opens the real main window on a filled centre, visits every page by the navigation and by Ctrl+1…9, and
opens every panel, tab and non-modal dialog it can reach. After each step the main window must be the only visible
top-level widget and the active window; an application-wide event filter records any other top-level widget that
receives a Show event in between (the "shown for a moment" case, invisible by the time a step ends).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QDialog, QTabWidget, QWidget

from center_app import demo
from center_app.config import DataDir
from center_app.context import open_store
from center_app.services import accounts
from tests.gui.conftest import ADMIN_PASSWORD

# Dialogs a step opens on purpose (non-modal, parented to the window); they are checked while open.
INTENDED_DIALOGS = frozenset({"accountsResetDialog", "changePasswordDialog"})
TRANSIENT_TYPES = (Qt.WindowType.Popup, Qt.WindowType.ToolTip)  # menus, combo lists, completers, tooltips


class ShowRecorder(QObject):
    """Records every top-level widget that is shown, other than the main window and intended dialogs."""

    def __init__(self) -> None:
        super().__init__()
        self.strays: list[str] = []

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        shown = event.type() == QEvent.Type.Show and isinstance(watched, QWidget) and watched.isWindow()
        if shown and watched.objectName() != "mainWindow" and not self._intended(watched):
            self.strays.append(_describe(watched))
        return False

    @staticmethod
    def _intended(widget: QWidget) -> bool:
        if widget.windowType() in TRANSIENT_TYPES:
            return True
        return isinstance(widget, QDialog) and widget.objectName() in INTENDED_DIALOGS


def _describe(widget: QWidget) -> str:
    name = widget.objectName() or "(no objectName)"
    text = getattr(widget, "text", None)
    label = f" “{text()}”" if callable(text) and isinstance(text(), str) and text() else ""
    return f"{type(widget).__name__} {name}{label}"


@pytest.fixture
def show_recorder(qapp) -> Iterator[ShowRecorder]:
    """Installed before the window is built, so the first page's construction is watched too."""
    recorder = ShowRecorder()
    qapp.installEventFilter(recorder)
    yield recorder
    qapp.removeEventFilter(recorder)


@pytest.fixture
def demo_centre(data_dir: DataDir, admin_account: str) -> DataDir:
    """A full centre (books, children, loans, attendance, warnings) so every panel has something to show."""
    ctx = open_store(data_dir)
    try:
        ctx.actor = accounts.authenticate(ctx, admin_account, ADMIN_PASSWORD)
        demo.fill_demo(ctx, today=dt.date.today())
    finally:
        ctx.close()
    return data_dir


class Walk:
    def __init__(self, qtbot, window, recorder: ShowRecorder) -> None:
        self.qtbot = qtbot
        self.window = window
        self.recorder = recorder
        self.steps = 0

    def visible_windows(self) -> list[QWidget]:
        return [
            w for w in QApplication.topLevelWidgets()
            if w.isVisible() and w.windowType() not in TRANSIENT_TYPES
        ]

    def check(self, step: str, dialog: QWidget | None = None) -> None:
        """After a step: only the main window (and ``dialog``, if one is meant to be open) is a visible window."""
        self.qtbot.wait(30)  # deferred work (the overview's details, queued panels) runs first
        self.steps += 1
        assert not self.recorder.strays, f"{step}: shown as a window of its own: {self.recorder.strays}"
        expected = [self.window] if dialog is None else [self.window, dialog]
        visible = self.visible_windows()
        assert sorted(map(id, visible)) == sorted(map(id, expected)), (
            f"{step}: visible top-level widgets {[_describe(w) for w in visible]}"
        )
        if dialog is None:
            assert QApplication.activeWindow() is self.window, (
                f"{step}: the active window is {QApplication.activeWindow()!r}, not the main window"
            )

    def click(self, object_name: str, step: str | None = None) -> QAbstractButton:
        button = self.window.findChild(QAbstractButton, object_name)
        assert button is not None, object_name
        assert button.isVisible() and button.isEnabled(), object_name
        self.qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
        self.check(step or f"click {object_name}")
        return button

    def key(self, widget: QWidget, key: Qt.Key, step: str, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        self.qtbot.keyClick(widget, key, modifier)
        self.check(step)

    def escape(self, step: str) -> None:
        focus = QApplication.focusWidget() or self.window
        self.key(focus, Qt.Key.Key_Escape, step)

    def tabs(self, tabs: QTabWidget, step: str) -> None:
        for index in range(tabs.count()):
            tabs.setCurrentIndex(index)
            self.check(f"{step}: tab {tabs.widget(index).objectName()}")


def test_no_widget_becomes_a_window_of_its_own(qtbot, show_recorder, demo_centre, window) -> None:
    # (fixture order matters: the recorder watches from before the window is built)
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    walk = Walk(qtbot, window, show_recorder)
    _walk(walk, qtbot, window)
    assert walk.steps > 60  # the walk really went everywhere


def _walk(walk: Walk, qtbot, window) -> None:  # noqa: PLR0915 - one long walk, like a user's
    walk.check("start")

    # Every page, first by the navigation (a fresh build), then by Ctrl+1…9 (already built).
    for row in range(window.nav.count()):
        item_rect = window.nav.visualItemRect(window.nav.item(row))
        qtbot.mouseClick(window.nav.viewport(), Qt.MouseButton.LeftButton, pos=item_rect.center())
        walk.check(f"navigation row {row}")
        assert window.stack.currentIndex() == row
    for n in range(1, 10):
        walk.key(window, Qt.Key(Qt.Key.Key_0 + n), f"Ctrl+{n}", Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == n - 1

    # Overview: the warnings' follow-up form.
    overview = window.show_page("overviewPage")
    walk.check("overview")
    follow_up = overview.findChild(QAbstractButton, "overviewFollowUp")
    if follow_up is not None and follow_up.isVisible() and follow_up.isEnabled():
        walk.click("overviewFollowUp")

    # Catalogue: a title's detail and copy-status box, the title form, import and print panels.
    catalog = window.show_page("catalogPage")
    walk.check("catalogue")
    qtbot.waitUntil(lambda: not catalog.loading, timeout=10000)
    catalog.table.selectRow(0)
    walk.check("catalogue: select a title")
    catalog.detail_panel.copies.selectRow(0)
    walk.check("catalogue: select a copy")
    walk.click("catalogCopyStatus")
    walk.escape("catalogue: Esc closes the copy-status box")
    walk.click("catalogEditTitle")
    walk.escape("catalogue: Esc closes the title form")
    walk.click("catalogAdd")
    walk.escape("catalogue: Esc closes the new-title form")
    walk.click("catalogImport")
    walk.click("importClose")
    walk.click("catalogPrint")
    walk.click("printKindCards")
    walk.click("printClose")

    # Desk: the overdue list (F8), a child at the desk, several matches for typed initials.
    desk = window.show_page("deskPage")
    walk.check("desk")
    walk.key(desk.input, Qt.Key.Key_F8, "desk: F8 opens the overdue list")
    walk.key(desk.input, Qt.Key.Key_F8, "desk: F8 closes the overdue list")
    walk.click("deskOverdue", "desk: the overdue button")
    walk.escape("desk: Esc closes the overdue list")
    barcode = _a_card(window)
    qtbot.keyClicks(desk.input, barcode)
    walk.key(desk.input, Qt.Key.Key_Return, "desk: a card scanned")
    walk.escape("desk: Esc sends the child away")
    qtbot.keyClicks(desk.input, "w")
    walk.key(desk.input, Qt.Key.Key_Return, "desk: typed initials, several matches")
    walk.escape("desk: Esc closes the matches")
    walk.escape("desk: Esc clears the typed text")

    # Children: every panel of the side.
    children = window.show_page("childrenPage")
    walk.check("children")
    children.table.selectRow(0)
    walk.check("children: select a child")
    for button, closer in (
        ("childrenEdit", None),
        ("childrenAdd", None),
        ("childrenFollowUp", "followUpCancel"),
        ("childrenImport", "childrenImportClose"),
        ("childrenExport", "childrenExportBack"),
        ("childrenPromote", "childrenPromoteBack"),
    ):
        walk.click(button)
        if closer is None:
            walk.escape(f"children: Esc closes the panel of {button}")
        else:
            walk.click(closer)
    walk.click("childrenAdd")
    walk.click("childFormGuardianAdd")
    walk.click("childFormGuardianCancel")
    walk.click("childFormCancel")
    for button in ("childrenCard", "childrenStatus"):
        if children.findChild(QAbstractButton, button).isEnabled():
            walk.click(button)
            walk.click("childrenActionCancel")

    # Attendance: the three tabs and their inline questions and panels.
    attendance = window.show_page("attendancePage")
    walk.check("attendance")
    tabs = attendance.findChild(QTabWidget, "attendanceTabs")
    walk.tabs(tabs, "attendance")
    tabs.setCurrentWidget(attendance.findChild(QWidget, "rollCallTab"))
    walk.check("attendance: roll call")
    walk.click("rollCallAllPresent")
    walk.click("rollCallConfirmCancel")
    tabs.setCurrentWidget(attendance.findChild(QWidget, "checkInTab"))
    walk.check("attendance: check-in")
    check_in = attendance.findChild(QWidget, "checkInInput")
    qtbot.keyClicks(check_in, barcode)
    walk.key(check_in, Qt.Key.Key_Return, "attendance: a card scanned in")
    walk.click("checkOutButton")
    walk.click("checkOutCancel")
    tabs.setCurrentWidget(attendance.findChild(QWidget, "monthlyTab"))
    walk.check("attendance: monthly register")
    walk.click("monthlyExport")
    walk.click("monthlyConfirmCancel")

    # The pages not built yet.
    for name in ("equipmentPage", "volunteersPage", "reportsPage"):
        window.show_page(name)
        walk.check(name)

    # Settings: every tab, the add-account form, the reset-password dialog (meant to be a window while open).
    settings_page = window.show_page("settingsPage")
    walk.check("settings")
    walk.tabs(settings_page.tabs, "settings")
    settings_page.tabs.setCurrentWidget(settings_page.tab("accountsTab"))
    walk.check("settings: accounts")
    walk.click("accountsAdd")
    walk.click("accountsNewCancel")
    accounts_tab = settings_page.tab("accountsTab")
    accounts_tab.table.selectRow(0)
    walk.check("settings: an account selected")
    button = accounts_tab.findChild(QAbstractButton, "accountsResetPassword")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    dialog = window.findChild(QDialog, "accountsResetDialog")
    qtbot.waitUntil(dialog.isVisible, timeout=2000)
    walk.check("settings: the reset-password dialog", dialog=dialog)
    qtbot.mouseClick(dialog.findChild(QAbstractButton, "accountsResetCancel"), Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: not dialog.isVisible(), timeout=2000)
    # On Windows (and under a window manager) closing an owned dialog activates its owner again; the offscreen
    # platform has nobody to do that, so do what the window manager does.
    if QApplication.activeWindow() is None:
        window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=2000)
    walk.check("settings: the reset-password dialog closed")

    # Backup tab: a backup (progress bar shown and hidden), then the restore question for it, cancelled.
    backup_tab = settings_page.tab("backupTab")
    settings_page.tabs.setCurrentWidget(backup_tab)
    walk.check("settings: backup")
    walk.click("backupNow")
    qtbot.waitUntil(lambda: "已备份到" in backup_tab.message.text(), timeout=20000)
    newest = max(window.ctx.data_dir.backups.glob("*.db"), key=lambda p: p.stat().st_mtime)
    backup_tab.choose_file = lambda: str(newest)
    walk.click("restoreChoose")
    walk.click("restoreCancel")

    # Another language rebuilds every page: built again, still nothing of its own.
    for language, home in (("en", "Home"), ("zh_CN", "首页")):
        settings_page = window.show_page("settingsPage")
        settings_page.language.setCurrentIndex(settings_page.language.findData(language))
        qtbot.mouseClick(settings_page.save_button, Qt.MouseButton.LeftButton)
        qtbot.waitUntil(lambda home=home: window.nav.item(0).text() == home, timeout=5000)
        walk.check(f"language switched to {language}")
        for n in range(1, 10):
            walk.key(window, Qt.Key(Qt.Key.Key_0 + n), f"{language}: Ctrl+{n}", Qt.KeyboardModifier.ControlModifier)

    # Lock and sign in again: the lock screen lives inside the window too.
    walk.key(window, Qt.Key.Key_L, "Ctrl+L locks", Qt.KeyboardModifier.ControlModifier)
    assert window.locked
    password = window.findChild(QWidget, "loginPassword")
    qtbot.keyClicks(password, ADMIN_PASSWORD)
    walk.key(password, Qt.Key.Key_Return, "signed in again")
    assert not window.locked
    for n in range(1, 10):
        walk.key(window, Qt.Key(Qt.Key.Key_0 + n), f"Ctrl+{n} after the lock", Qt.KeyboardModifier.ControlModifier)
        assert window.stack.currentIndex() == n - 1


def _a_card(window) -> str:
    from sqlalchemy import select

    from center_app.db.models import Child

    with window.ctx.db.read() as s:
        barcode = s.scalar(
            select(Child.card_barcode).where(Child.card_barcode.is_not(None), Child.status == "active").limit(1)
        )
    assert barcode
    return barcode


def test_an_error_dialog_belongs_to_the_main_window_when_no_window_is_active(
    qtbot, window, monkeypatch: pytest.MonkeyPatch
) -> None:
    from center_app.domain.errors import ValidationError
    from center_app.ui.errors import error_dialog

    # No active window (a stray window took activation, or a dialog just closed): still owned by the main window.
    monkeypatch.setattr(QApplication, "activeWindow", staticmethod(lambda: None))
    box = error_dialog(ValidationError("第3行: ISBN 校验位错误"), window.ctx.data_dir.logs)
    assert box.parent() is window  # not a parentless window of its own
    box.deleteLater()
