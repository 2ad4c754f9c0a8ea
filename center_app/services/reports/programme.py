"""The term / summer programme summary (学期/暑期项目总结) for a date range: the programmes (timetables) it covers,
the children served, attendance week by week, activities by kind, volunteers and their hours, books, equipment
and follow-ups. Children are counted, never named; volunteers are named with their hours (as on their
certificates).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass

from center_app.context import AppContext
from center_app.services import volunteers
from center_app.services.early_warning import FollowUpSummary
from center_app.services.equipment import EquipmentUsage
from center_app.services.reports import _figures as f
from center_app.services.reports._common import (
    Figure,
    ReportLayout,
    ReportTable,
    Section,
    WrittenReport,
    check_period,
    count_text,
    date_text,
    export_xlsx,
    months_between,
    period_text,
    require_reports,
    write_pdf,
)
from center_app.services.settings import get_centre
from center_app.services.volunteers import ProgrammeInfo

KIND = "programme"


@dataclass(frozen=True)
class ProgrammeReport:
    centre_name: str
    first: dt.date
    last: dt.date
    programmes: tuple[ProgrammeInfo, ...]  # the timetables that overlap the period, oldest first
    children: f.ChildrenServed
    attendance: f.AttendanceFigures  # trend: week by week
    activities: f.ActivityFigures
    library: f.LibraryFigures
    equipment: EquipmentUsage
    volunteers: f.VolunteerFigures
    follow_ups: FollowUpSummary

    @property
    def title(self) -> str:
        """The programme's name when the period is one programme's (2026年暑期夏令营 项目总结)."""
        if len(self.programmes) == 1:
            name = self.programmes[0].name.removesuffix("课表")
            return f"{name} 项目总结"
        return "学期/暑期项目总结"

    def layout(self) -> ReportLayout:
        overview = Section(
            "一、项目概况",
            figures=(
                Figure("天数", count_text((self.last - self.first).days + 1, "天")),
                Figure("周数", count_text(len(self.attendance.trend), "周")),
                Figure("开放天数", count_text(self.attendance.total.open_days, "天")),
                Figure("课表", count_text(len(self.programmes), "个")),
            ),
            tables=(
                ReportTable(
                    "期间的课表",
                    ("课表", "类型", "起止日期", "每周课节"),
                    tuple(
                        (p.name, p.kind_label, period_text(p.starts_on, p.ends_on), p.sessions)
                        for p in self.programmes
                    ),
                    numeric=(3,),
                    weights=(2.6, 1, 3, 1),
                    empty="（这段时间没有课表）",
                ),
            ),
        )
        return ReportLayout(
            title=self.title,
            subtitle=period_text(self.first, self.last),
            centre_name=self.centre_name,
            sections=(
                overview,
                f.children_section("二、服务儿童", self.children, period_word="期间"),
                f.attendance_section("三、开放与出勤", self.attendance, "每周出勤率（%）", "周"),
                f.activities_section("四、活动", self.activities),
                f.volunteers_section("五、志愿服务", self.volunteers, with_people=True),
                f.library_section("六、图书借阅", self.library, period_word="期间"),
                f.equipment_section("七、器材使用", self.equipment),
                f.follow_ups_section("八、回访", self.follow_ups),
            ),
            notes=(
                "本报告中的儿童只统计人数，不列姓名。",
                f"数字取自本中心管理系统，统计至{date_text(self.last)}。",
            ),
        )


def programme_report(
    ctx: AppContext, first: dt.date, last: dt.date, *, today: dt.date | None = None
) -> ProgrammeReport:
    """Gather the period's figures (cut to today). Weeks run Monday to Sunday; the first and last may be partial."""
    require_reports(ctx)
    first, last = check_period(first, last, today or dt.date.today())
    registers, attendance, served = f.gather_attendance(ctx, first, last)
    attendance = dataclasses.replace(attendance, trend=tuple(f.week_trend(registers, first, last)))
    programmes = sorted(
        (p for p in volunteers.list_programmes(ctx) if p.starts_on <= last and p.ends_on >= first),
        key=lambda p: (p.starts_on, p.id),
    )
    return ProgrammeReport(
        centre_name=get_centre(ctx).name,
        first=first,
        last=last,
        programmes=tuple(programmes),
        children=served,
        attendance=attendance,
        activities=f.gather_activities(ctx, first, last),
        library=f.gather_library(ctx, first, last, trend_months=len(months_between(first, last))),
        equipment=f.gather_equipment(ctx, first, last),
        volunteers=f.gather_volunteers(ctx, first, last),
        follow_ups=f.gather_follow_ups(ctx, first, last),
    )


def write_programme_report_pdf(
    ctx: AppContext, report: ProgrammeReport, path: str | os.PathLike[str]
) -> WrittenReport:
    """Print the summary (A4, the centre's name on each page, page numbers, charts); audited with the file's path."""
    from center_app.reports.programme_report import programme_report_pdf

    return write_pdf(ctx, report.layout(), path, lambda p: programme_report_pdf(p, report), kind=KIND)


def export_programme_report_xlsx(
    ctx: AppContext, report: ProgrammeReport, path: str | os.PathLike[str]
) -> int:
    """The summary's tables in one workbook, a sheet each; audited. Returns rows written."""
    return export_xlsx(ctx, report.layout(), path, kind=KIND)
