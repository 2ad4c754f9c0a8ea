"""The monthly work report (月度工作报告) for the civil-affairs bureau (民政局), which buys the service and judges it
on figures: children served, open days and attendance with its trend, activities by kind, books lent and the most
borrowed, equipment use, volunteer hours, follow-ups.

**Counts only, never a child's name**: nothing of the report names a child (``tests/test_reports_monthly.py``
searches the PDF for every child's name). Volunteers are counted by organisation; book titles and equipment are
named.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from dataclasses import dataclass

from center_app.context import AppContext
from center_app.domain.attendance import month_bounds
from center_app.domain.errors import ValidationError
from center_app.services.attendance import monthly_register
from center_app.services.early_warning import FollowUpSummary
from center_app.services.equipment import EquipmentUsage
from center_app.services.reports import _figures as f
from center_app.services.reports._common import (
    ReportLayout,
    WrittenReport,
    check_period,
    date_text,
    export_xlsx,
    month_back,
    period_text,
    require_reports,
    write_pdf,
)
from center_app.services.settings import get_centre

TREND_MONTHS = 6
KIND = "monthly"


@dataclass(frozen=True)
class MonthlyReport:
    centre_name: str
    year: int
    month: int
    first: dt.date
    last: dt.date  # the month's last day, or today while the month is not over
    children: f.ChildrenServed
    attendance: f.AttendanceFigures
    activities: f.ActivityFigures
    library: f.LibraryFigures
    equipment: EquipmentUsage
    volunteers: f.VolunteerFigures
    follow_ups: FollowUpSummary

    @property
    def title(self) -> str:
        return f"{self.year}年{self.month}月 月度工作报告"

    @property
    def complete(self) -> bool:
        return self.last == month_bounds(self.year, self.month)[1]

    def layout(self) -> ReportLayout:
        subtitle = period_text(self.first, self.last) + ("" if self.complete else "（本月尚未结束）")
        return ReportLayout(
            title=self.title,
            subtitle=subtitle,
            centre_name=self.centre_name,
            sections=(
                f.children_section("一、服务儿童", self.children, period_word="本月"),
                f.attendance_section("二、开放与出勤", self.attendance, "近六个月出勤率（%）", "月份"),
                f.activities_section("三、活动", self.activities),
                f.library_section("四、图书借阅", self.library, period_word="本月"),
                f.equipment_section("五、器材使用", self.equipment),
                f.volunteers_section("六、志愿服务", self.volunteers),
                f.follow_ups_section("七、回访", self.follow_ups),
            ),
            notes=(
                "本报告只含统计数字，不含儿童姓名。",
                f"数字取自本中心管理系统，统计至{date_text(self.last)}。",
            ),
        )


def parse_month(text: str) -> tuple[int, int]:
    """``2026-11`` (or ``2026-1``, ``2026年11月``) → (2026, 11)."""
    cleaned = text.strip().replace("年", "-").replace("月", "").replace("/", "-").replace(".", "-")
    parts = cleaned.split("-")
    try:
        year, month = int(parts[0]), int(parts[1])
        if len(parts) != 2 or not 2000 <= year <= 2100 or not 1 <= month <= 12:
            raise ValueError
    except (ValueError, IndexError):
        raise ValidationError(f"月份“{text}”看不懂，请写成 年-月，如 2026-11。") from None
    return year, month


def monthly_report(ctx: AppContext, year: int, month: int, *, today: dt.date | None = None) -> MonthlyReport:
    """Gather the month's figures. A month not yet over is counted up to today; a month to come is refused."""
    require_reports(ctx)
    today = today or dt.date.today()
    first, last = check_period(*month_bounds(year, month), today)
    _registers, attendance, served = f.gather_attendance(ctx, first, last)
    trend = [
        f.month_attendance(monthly_register(ctx, *month_back(year, month, back)))
        for back in range(TREND_MONTHS - 1, 0, -1)
    ]
    this_month = attendance.total  # up to today while the month is not over
    trend.append(
        f.PeriodAttendance(
            f"{year}年{month}月", this_month.open_days, this_month.taken_days, this_month.tally, f"{month}月"
        )
    )
    attendance = dataclasses.replace(attendance, trend=tuple(trend))
    return MonthlyReport(
        centre_name=get_centre(ctx).name,
        year=year,
        month=month,
        first=first,
        last=last,
        children=served,
        attendance=attendance,
        activities=f.gather_activities(ctx, first, last),
        library=f.gather_library(ctx, first, last, trend_months=TREND_MONTHS),
        equipment=f.gather_equipment(ctx, first, last),
        volunteers=f.gather_volunteers(ctx, first, last),
        follow_ups=f.gather_follow_ups(ctx, first, last),
    )


def write_monthly_report_pdf(
    ctx: AppContext, report: MonthlyReport, path: str | os.PathLike[str]
) -> WrittenReport:
    """Print the report (A4, the centre's name on each page, page numbers, charts); audited with the file's path."""
    from center_app.reports.monthly_report import monthly_report_pdf

    return write_pdf(ctx, report.layout(), path, lambda p: monthly_report_pdf(p, report), kind=KIND)


def export_monthly_report_xlsx(ctx: AppContext, report: MonthlyReport, path: str | os.PathLike[str]) -> int:
    """The report's tables in one workbook, a sheet each (the key figures first); audited. Returns rows written."""
    return export_xlsx(ctx, report.layout(), path, kind=KIND)
