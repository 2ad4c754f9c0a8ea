"""活动与报表: the activities that were held and the reports printed from them, one tab per job.

- 活动记录 (``activities_tab.ActivitiesTab``): the activities with their roll call, equipment, photos and reflection;
  the form; 打印活动报告 for the one selected;
- 报表 (``reports_tab.ReportsTab``): 月度工作报告, 捐赠方报告, 学期或暑期总结 and 单次活动报告 — previewed inside the app,
  printed on the system's printers, saved as PDF, their tables exported to Excel.

Every figure comes from ``services.reports`` and ``services.activities``; the tabs choose and show.
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.activities_tab import ActivitiesTab
from center_app.ui.pages.reports_tab import ReportsTab
from center_app.ui.pages.tabbed_page import TabbedPage


class ReportsPage(TabbedPage):
    # An activity's roll call, photos (children's consent), equipment and volunteers; a report's every source.
    areas = (
        Area.ACTIVITIES,
        Area.ATTENDANCE,
        Area.CHILDREN,
        Area.VOLUNTEERS,
        Area.EQUIPMENT,
        Area.BOOKS,
        Area.LOANS,
        Area.CENTRE,
        Area.SETTINGS,
    )

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, name="reportsPage", parent=parent)
        self.activities = ActivitiesTab(ctx, self.ops)
        self.reports = ReportsTab(ctx, self.ops)
        self.add_tabs(
            self.tr("活动与报表"),
            (self.activities, self.tr("活动记录")),
            (self.reports, self.tr("报表")),
        )
        if not self.reports.can_print:
            self.tabs.setTabToolTip(self.tabs.indexOf(self.reports), self.reports.denied.text())
