"""考勤: the roll call, check-in/out at the door and the monthly register, one tab each.

- 点名 (``roll_call.RollCallPanel``): one key per child, Ctrl+S saves, conflicts shown and never overwritten.
- 签到签退 (``check_in.CheckInOutPanel``): scan a card at the door; F9 checks a child out, naming who picks them up.
- 月度考勤表 (``monthly_register_view.MonthlyRegisterPanel``): children × open days, print and Excel.

Every rule is in ``services.attendance``; this page routes keys and shows what the service said.
"""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QLineEdit, QTabWidget, QVBoxLayout, QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.base import Page, page_heading
from center_app.ui.pages.check_in import CheckInOutPanel
from center_app.ui.pages.monthly_register_view import MonthlyRegisterPanel
from center_app.ui.pages.roll_call import RollCallPanel

__all__ = ["AttendancePage", "CheckInOutPanel"]


class AttendancePage(Page):
    areas = (Area.ATTENDANCE, Area.CHILDREN)
    reloads_on_own_changes = False  # the tab that saved shows its own change

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, parent)
        self.setObjectName("attendancePage")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(16, 10, 16, 10)
        outer.setSpacing(6)
        outer.addLayout(page_heading(self.tr("考勤"), self.tr("Ctrl+Tab 切换页签"), "attendanceKeysHint"))

        self.tabs = QTabWidget()
        self.tabs.setObjectName("attendanceTabs")
        self.roll_call = RollCallPanel(ctx, self.ops)
        self.check_in = CheckInOutPanel(ctx, self.ops)
        self.monthly = MonthlyRegisterPanel(ctx, self.ops)
        self.tabs.addTab(self.roll_call, self.tr("点名"))
        self.tabs.addTab(self.check_in, self.tr("签到签退"))
        self.tabs.addTab(self.monthly, self.tr("月度考勤表"))
        outer.addWidget(self.tabs, 1)
        # Connected after the tabs are added: adding the first one would load it before the page is shown.
        self.tabs.currentChanged.connect(lambda _i: self._tab_shown())

    @property
    def panels(self) -> tuple[RollCallPanel, CheckInOutPanel, MonthlyRegisterPanel]:
        return (self.roll_call, self.check_in, self.monthly)

    def refresh(self) -> None:
        for panel in self.panels:
            panel.stale = True
        self._tab_shown()
        super().refresh()

    def _tab_shown(self) -> None:
        current = self.tabs.currentWidget()
        for panel in self.panels:
            if panel is current and panel.stale:
                panel.refresh()
        self._focus_current()

    def _focus_current(self) -> None:
        panel = self.tabs.currentWidget()
        if panel is self.roll_call:
            self.roll_call.focus_grid()
        elif panel is self.check_in:
            self.check_in.focus_input()

    def scan_target(self) -> QLineEdit | None:
        # Only the check-in tab takes scans; the roll call's grid takes keys of its own (1–9, letters).
        if self.tabs.currentWidget() is self.check_in and self.check_in.input.isEnabled():
            return self.check_in.input
        return None

    def replay_scan(self, code: str) -> None:
        if self.scan_target() is not None:
            self.ensure_fresh()
            self.check_in.handle_scan(code)

    def announce(self, area: Area) -> None:
        # The other tabs show the same registers: reload them when next shown.
        current = self.tabs.currentWidget()
        for panel in self.panels:
            if panel is not current:
                panel.stale = True
        super().announce(area)

    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 - Qt override
        super().showEvent(event)
        QTimer.singleShot(0, self._shown)

    def _shown(self) -> None:
        if self.isVisible():
            self.ensure_fresh()
            self._focus_current()
