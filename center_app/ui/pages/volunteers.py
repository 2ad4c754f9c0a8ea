"""志愿者与课表: the volunteer teachers, one tab per job.

- 志愿者 (``volunteers_roster.VolunteersRosterTab``): the roster with search as you type, the form, a university
  team's list in and the roster out;
- 课表 (``volunteers_timetable.VolunteersTimetableTab``): the week grid of a term or summer programme, placed with
  the keyboard or by drag and drop, clashes shown and refused unless overridden with a reason; printed timetables;
- 服务时长 (``volunteers_hours.VolunteersHoursTab``): sign-in/out, hours pending until approved, totals, export;
- 服务证明 (``volunteers_certificates.VolunteersCertificatesTab``): certificates with a verification code, and a box
  that says whether a code is genuine.

Every rule is in ``services.volunteers``; a teacher's account sees its own sessions and hours (the services filter).
"""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from center_app.context import AppContext
from center_app.ui.events import Area, DataEvents
from center_app.ui.pages.tabbed_page import TabbedPage
from center_app.ui.pages.volunteers_certificates import VolunteersCertificatesTab
from center_app.ui.pages.volunteers_hours import VolunteersHoursTab
from center_app.ui.pages.volunteers_roster import VolunteersRosterTab
from center_app.ui.pages.volunteers_timetable import VolunteersTimetableTab


class VolunteersPage(TabbedPage):
    areas = (
        Area.VOLUNTEERS,
        Area.ACCOUNTS,
        Area.CENTRE,
        Area.SETTINGS,
    )  # linked accounts; the printed header

    def __init__(self, ctx: AppContext, events: DataEvents, parent: QWidget | None = None) -> None:
        super().__init__(ctx, events, name="volunteersPage", parent=parent)
        self.roster = VolunteersRosterTab(ctx, self.ops)
        self.timetable = VolunteersTimetableTab(ctx, self.ops)
        self.hours = VolunteersHoursTab(ctx, self.ops)
        self.certificates = VolunteersCertificatesTab(ctx, self.ops)
        self.add_tabs(
            self.tr("志愿者与课表"),
            (self.roster, self.tr("志愿者")),
            (self.timetable, self.tr("课表")),
            (self.hours, self.tr("服务时长")),
            (self.certificates, self.tr("服务证明")),
        )
