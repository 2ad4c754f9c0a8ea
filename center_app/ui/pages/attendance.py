"""考勤: the roll call, check-in/out at the door and the monthly register, one tab each.

- 点名 (``roll_call.RollCallPanel``): one key per child, Ctrl+S saves, conflicts shown and never overwritten.
- 签到签退 (``check_in.CheckInOutPanel``): scan a card at the door; F9 checks a child out, naming who picks them up.
- 月度考勤表 (``monthly_register_view.MonthlyRegisterPanel``): children × open days, print and Excel.

Every rule is in ``services.attendance``; this page routes keys and shows what the service said.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.check_in import CheckInOutPanel
from center_app.ui.pages.monthly_register_view import MonthlyRegisterPanel
from center_app.ui.pages.roll_call import RollCallPanel
from center_app.ui.pages.tabbed_page import TabbedPage

__all__ = ["AttendancePage", "CheckInOutPanel"]


class AttendancePage(TabbedPage):
    areas = (Area.ATTENDANCE, Area.CHILDREN)

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, name="attendancePage", parent=parent)
        self.roll_call = RollCallPanel(ctx, self.ops)
        self.check_in = CheckInOutPanel(ctx, self.ops)
        self.monthly = MonthlyRegisterPanel(ctx, self.ops)
        # Only the check-in tab takes scans; the roll call's grid takes keys of its own (1–9, letters).
        self.add_tabs(
            self.tr("考勤"),
            (self.roll_call, self.tr("点名")),
            (self.check_in, self.tr("签到签退")),
            (self.monthly, self.tr("月度考勤表")),
        )
