"""The figures a period's reports share, each gathered from the service function its page uses:

========================  =========================================================================================
children served           ``attendance.monthly_register`` (who was on the roll, who came) + ``children.child_facts``
open days, attendance     ``attendance.monthly_register`` — the 月考勤表's own day columns and tallies
activities                ``activities.list_activities`` — the 活动记录 list's rows (kind, children present)
books                     ``library_stats.loans_per_month`` / ``per_class`` / ``most_borrowed`` / ``donor_reading``
equipment                 ``equipment.equipment_usage``
volunteer hours           ``volunteers.hours_totals`` — the 服务时长 tab's totals
follow-ups                ``early_warning.follow_up_summary``
========================  =========================================================================================

Definitions, as the reports print them:

- **On the roll** (在册): on the centre's roll at some time in the period (enrolled, not yet left), or marked in a
  day register of it. **Came** (到中心): marked present (or late) at least once in a day register of the period.
  Grades are the children's current grades (the schema keeps no history).
- **Open days** (开放天数): the calendar's open days of the period (open weekdays, less closed days); **roll taken**
  (已点名): days with a day register. Attendance figures count the day registers' marks, like the 月考勤表:
  出勤人次 present marks (late ones included), the rate present ÷ (present + absent), excused days left out.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from center_app.context import AppContext
from center_app.domain import children as child_rules
from center_app.domain.activities import KIND_LABELS, kind_label
from center_app.domain.attendance import Kind, Tally
from center_app.services import (
    activities,
    attendance,
    children,
    early_warning,
    equipment,
    library_stats,
)
from center_app.services.early_warning import FollowUpSummary
from center_app.services.equipment import EquipmentUsage
from center_app.services.library_stats import MonthCount, TitleCount
from center_app.services.reports._common import (
    Chart,
    Figure,
    ReportTable,
    Section,
    count_text,
    hours_figure,
    hours_number,
    months_between,
    percent,
    rate_text,
)
from center_app.services.volunteers import OrganisationTotal, VolunteerTotal, hours_totals


def activity_kind_label(kind: str) -> str:
    return kind_label(kind)


# --- children and attendance -------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GroupCount:
    label: str
    on_roll: int
    came: int


@dataclass(frozen=True)
class ChildrenServed:
    on_roll: int
    came: int
    joined: int  # enrolled in the period
    left: int  # left in the period
    by_grade: tuple[GroupCount, ...]
    by_gender: tuple[GroupCount, ...]
    by_left_behind: tuple[GroupCount, ...]


@dataclass(frozen=True)
class DayCount:
    day: dt.date
    present: int | None  # None: no roll taken that day
    expected: int


@dataclass(frozen=True)
class PeriodAttendance:
    """The day registers' figures of a stretch of days (a month, a week, a programme)."""

    label: str
    open_days: int
    taken_days: int
    tally: Tally
    short: str = ""  # a chart's label under its bar: 11月

    @property
    def rate(self) -> float | None:
        return self.tally.rate

    @property
    def average(self) -> float | None:
        """Children present per day the roll was taken."""
        return self.tally.present / self.taken_days if self.taken_days else None


@dataclass(frozen=True)
class AttendanceFigures:
    first: dt.date
    last: dt.date
    total: PeriodAttendance
    days: tuple[DayCount, ...]  # each open day of the period (and each event day the roll was taken)
    trend: tuple[PeriodAttendance, ...]  # months or weeks


def _present_kinds(register: attendance.MonthlyRegister) -> set[str]:
    return {code.code for code in register.codes.codes if register.codes.kind(code.code) == Kind.PRESENT}


def gather_attendance(
    ctx: AppContext, first: dt.date, last: dt.date
) -> tuple[list[attendance.MonthlyRegister], AttendanceFigures, ChildrenServed]:
    """The monthly registers of the period's months, the period's attendance and the children it served."""
    registers = [attendance.monthly_register(ctx, y, m) for y, m in months_between(first, last)]
    days: list[DayCount] = []
    tallies: list[Tally] = []
    open_days = taken = 0
    marked: set[int] = set()
    came: set[int] = set()
    listed: set[int] = set()
    for register in registers:
        present = _present_kinds(register)
        inside = [i for i, column in enumerate(register.days) if first <= column.day <= last]
        for i in inside:
            column = register.days[i]
            open_days += column.is_open
            taken += column.taken
            tallies.append(column.tally)
            days.append(DayCount(column.day, column.tally.present if column.taken else None, column.expected))
        for row in register.rows:
            listed.add(row.child_id)
            codes = [row.cells[i] for i in inside]
            if any(code is not None for code in codes):
                marked.add(row.child_id)
            if any(code in present for code in codes):
                came.add(row.child_id)
    facts = children.child_facts(ctx, listed)
    on_roll = {
        child_id
        for child_id, f in facts.items()
        if child_id in marked or child_rules.on_roll(f.status, f.enrolled_on, f.left_on, first, last)
    }
    total = PeriodAttendance("", open_days, taken, _sum(tallies))
    served = _served(facts, on_roll, came, first, last)
    return registers, AttendanceFigures(first, last, total, tuple(days), ()), served


def _sum(tallies: Iterable[Tally]) -> Tally:
    present = absent = excused = late = 0
    by_code: Counter[str] = Counter()
    for t in tallies:
        present += t.present
        absent += t.absent
        excused += t.excused
        late += t.late
        by_code.update(t.by_code)
    return Tally(present, absent, excused, late, dict(by_code))


def _served(
    facts: dict[int, children.ChildFacts], on_roll: set[int], came: set[int], first: dt.date, last: dt.date
) -> ChildrenServed:
    served = [facts[i] for i in on_roll]

    def groups(key: str, labels: Mapping[Any, str], unknown: str) -> tuple[GroupCount, ...]:
        roll: Counter[object] = Counter(getattr(f, key) for f in served)
        coming: Counter[object] = Counter(getattr(f, key) for f in served if f.child_id in came)
        order = [k for k in labels if roll.get(k)] + sorted(
            (k for k in roll if k not in labels), key=lambda k: (k is None, str(k))
        )
        return tuple(GroupCount(labels.get(k) or unknown, roll[k], coming.get(k, 0)) for k in order)

    grades = {g: child_rules.grade_label(g) for g in range(0, 13)}
    return ChildrenServed(
        on_roll=len(served),
        came=sum(1 for f in served if f.child_id in came),
        joined=sum(1 for f in served if f.enrolled_on is not None and first <= f.enrolled_on <= last),
        left=sum(1 for f in served if f.left_on is not None and first < f.left_on <= last),
        by_grade=groups("grade", grades, "未填年级"),
        by_gender=groups("gender", child_rules.GENDERS, "未填性别"),
        by_left_behind=groups("left_behind_type", child_rules.LEFT_BEHIND_TYPES, "未填"),
    )


def month_attendance(register: attendance.MonthlyRegister) -> PeriodAttendance:
    return PeriodAttendance(
        f"{register.year}年{register.month}月",
        sum(1 for d in register.days if d.is_open),
        sum(1 for d in register.days if d.taken),
        register.total,
        f"{register.month}月",
    )


def week_trend(
    registers: list[attendance.MonthlyRegister], first: dt.date, last: dt.date
) -> list[PeriodAttendance]:
    """The period's attendance week by week (Monday to Sunday; the first and last weeks may be partial)."""
    weeks: dict[dt.date, list[tuple[bool, bool, Tally]]] = {}
    for register in registers:
        for column in register.days:
            if first <= column.day <= last:
                monday = column.day - dt.timedelta(days=column.day.weekday())
                weeks.setdefault(monday, []).append((column.is_open, column.taken, column.tally))
    return [
        PeriodAttendance(
            f"{monday.month}/{monday.day}",
            sum(1 for is_open, _, _ in columns if is_open),
            sum(1 for _, taken, _ in columns if taken),
            _sum(t for _, _, t in columns),
        )
        for monday, columns in sorted(weeks.items())
    ]


def children_section(heading: str, served: ChildrenServed, *, period_word: str) -> Section:
    def table(title: str, first_header: str, rows: tuple[GroupCount, ...]) -> ReportTable:
        body = [(g.label, g.on_roll, g.came) for g in rows]
        body.append(("合计", sum(g.on_roll for g in rows), sum(g.came for g in rows)))
        return ReportTable(
            title,
            (first_header, "在册（名）", f"{period_word}到中心（名）"),
            tuple(body),
            numeric=(1, 2),
            weights=(2, 1.2, 1.6),
        )

    return Section(
        heading,
        figures=(
            Figure("在册儿童", count_text(served.on_roll, "名")),
            Figure(f"{period_word}到中心的儿童", count_text(served.came, "名")),
            Figure("新加入", count_text(served.joined, "名")),
            Figure("离开", count_text(served.left, "名")),
        ),
        tables=(
            table("按年级", "年级", served.by_grade),
            table("按性别", "性别", served.by_gender),
            table("按留守类型", "留守类型", served.by_left_behind),
        ),
        notes=("年级为儿童现在的年级；只统计人数，不列姓名。",),
    )


def attendance_section(
    heading: str, figures: AttendanceFigures, trend_title: str, trend_word: str
) -> Section:
    t = figures.total
    average = "—" if t.average is None else f"{t.average:.1f} 人"
    trend = figures.trend
    charts = [
        Chart(
            "每日到中心人数",
            "line",
            tuple(
                f"{d.day.day}" if len(figures.days) <= 31 else f"{d.day.month}/{d.day.day}"
                for d in figures.days
            ),
            tuple(None if d.present is None else float(d.present) for d in figures.days),
            unit="人",
        ),
    ]
    if len(trend) > 1:
        charts.append(
            Chart(
                trend_title,
                "bar",
                tuple(p.short or p.label for p in trend),
                tuple(percent(p.rate) for p in trend),
                unit="%",
                value_format="{:.1f}",
            )
        )
    return Section(
        heading,
        figures=(
            Figure("开放天数", count_text(t.open_days, "天")),
            Figure("已点名天数", count_text(t.taken_days, "天")),
            Figure("出勤人次", count_text(t.tally.present, "人次")),
            Figure("缺勤人次", count_text(t.tally.absent, "人次")),
            Figure("请假人次", count_text(t.tally.excused, "人次")),
            Figure("迟到人次", count_text(t.tally.late, "人次")),
            Figure("出勤率", rate_text(t.rate)),
            Figure("日均到中心", average),
        ),
        charts=tuple(charts),
        tables=(
            ReportTable(
                f"出勤趋势（按{trend_word}）",
                (trend_word, "开放天数", "已点名天数", "出勤人次", "缺勤人次", "出勤率", "日均到中心（人）"),
                tuple(
                    (
                        p.label,
                        p.open_days,
                        p.taken_days,
                        p.tally.present,
                        p.tally.absent,
                        rate_text(p.rate),
                        None if p.average is None else round(p.average, 1),
                    )
                    for p in trend
                ),
                numeric=(1, 2, 3, 4, 5, 6),
                weights=(1.6, 1, 1.1, 1, 1, 1, 1.3),
            ),
        ),
        notes=("出勤率 = 出勤人次 ÷（出勤人次 + 缺勤人次），请假不计；出勤人次含迟到。",),
    )


# --- activities ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class KindCount:
    kind: str
    label: str
    activities: int
    present: int  # children present, summed over the activities (人次)


@dataclass(frozen=True)
class ActivityFigures:
    activities: int
    roll_taken: int  # activities whose roll was taken
    present: int
    by_kind: tuple[KindCount, ...]  # every kind, zeros kept, in KIND_LABELS order (阅读…其他)


ALL = 1_000_000  # no limit: a report counts every activity of its period


def gather_activities(ctx: AppContext, first: dt.date, last: dt.date) -> ActivityFigures:
    held = activities.list_activities(ctx, first=first, last=last, limit=ALL)
    counts: dict[str, list[int]] = {kind: [0, 0] for kind in KIND_LABELS}
    for a in held:
        entry = counts.setdefault(a.kind, [0, 0])
        entry[0] += 1
        entry[1] += a.present
    return ActivityFigures(
        activities=len(held),
        roll_taken=sum(1 for a in held if a.roll_taken),
        present=sum(a.present for a in held),
        by_kind=tuple(KindCount(k, activity_kind_label(k), n, p) for k, (n, p) in counts.items()),
    )


def activities_section(heading: str, figures: ActivityFigures) -> Section:
    rows = [(k.label, k.activities, k.present) for k in figures.by_kind]
    rows.append(("合计", figures.activities, figures.present))
    return Section(
        heading,
        figures=(
            Figure("开展活动", count_text(figures.activities, "次")),
            Figure("点了名的活动", count_text(figures.roll_taken, "次")),
            Figure("参加活动", count_text(figures.present, "人次")),
        ),
        charts=(
            Chart(
                "各类活动次数",
                "bar",
                tuple(k.label for k in figures.by_kind),
                tuple(float(k.activities) for k in figures.by_kind),
                unit="次",
            ),
        ),
        tables=(
            ReportTable(
                "按活动类型", ("类型", "次数", "参加人次"), tuple(rows), numeric=(1, 2), weights=(2, 1, 1)
            ),
        ),
        notes=("参加人次按各次活动点名时到场的儿童计。",),
    )


# --- books ------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LibraryFigures:
    loans: int  # checkouts made in the period
    books_read: int  # loans open at some moment of the period (library_stats' definition)
    readers: int
    months: tuple[MonthCount, ...]  # checkouts per month, the trend
    top: tuple[TitleCount, ...]


def gather_library(
    ctx: AppContext, first: dt.date, last: dt.date, *, trend_months: int, top: int = 10
) -> LibraryFigures:
    """Checkouts per month up to ``last``'s month (``trend_months`` of them; the period's months when it is longer),
    books read and readers from the per-class figures, and the most borrowed titles of the period."""
    span = len(months_between(first, last))
    months = library_stats.loans_per_month(ctx, max(trend_months, span), today=last)
    inside = {f"{y:04d}-{m:02d}" for y, m in months_between(first, last)}
    if first.day == 1 and _is_month_end(last):
        loans = sum(m.loans for m in months if m.month in inside)
    else:  # a period that cuts a month: count its own days (most_borrowed counts by the same dates)
        loans = sum(
            t.loans for t in library_stats.most_borrowed(ctx, limit=1_000_000, since=first, until=last)
        )
    classes = library_stats.per_class(ctx, first, last)
    return LibraryFigures(
        loans=loans,
        books_read=sum(c.books for c in classes),
        readers=sum(c.readers for c in classes),
        months=tuple(months),
        top=tuple(library_stats.most_borrowed(ctx, limit=top, since=first, until=last)),
    )


def _is_month_end(day: dt.date) -> bool:
    return (day + dt.timedelta(days=1)).day == 1


def month_label(key: str) -> str:
    """ "2026-11" → "2026年11月"."""
    year, month = key.split("-")
    return f"{year}年{int(month)}月"


def library_section(heading: str, figures: LibraryFigures, *, period_word: str) -> Section:
    return Section(
        heading,
        figures=(
            Figure(f"{period_word}借出", count_text(figures.loans, "册次")),
            Figure("阅读册次", count_text(figures.books_read, "册次")),
            Figure("阅读人数", count_text(figures.readers, "名")),
        ),
        charts=(
            Chart(
                "每月借出（册次）",
                "bar",
                tuple(f"{int(m.month[5:])}月" for m in figures.months),
                tuple(float(m.loans) for m in figures.months),
                unit="册次",
            ),
        ),
        tables=(
            ReportTable(
                "借阅最多的图书",
                ("名次", "书名", "作者", "借出（次）", "读者（名）"),
                tuple((i, t.title, t.author, t.loans, t.readers) for i, t in enumerate(figures.top, start=1)),
                numeric=(0, 3, 4),
                weights=(0.7, 4, 2.2, 1.1, 1.1),
            ),
        ),
        notes=(
            "借出：当期办理的借书次数；阅读册次：当期内在借的图书（跨月的借阅在两个月都算）；阅读人数：有阅读的儿童。",
        ),
    )


# --- equipment ---------------------------------------------------------------------------------------------------


def equipment_section(heading: str, usage: EquipmentUsage, *, top: int = 10) -> Section:
    incidents = {label: n for label, n in usage.incidents}
    return Section(
        heading,
        figures=(
            Figure("借用器材", count_text(usage.loans, "次")),
            Figure("借出件次", count_text(usage.pieces, "件次")),
            Figure("用到器材的活动", count_text(len(usage.activities), "次")),
            *(Figure(f"登记{label}", count_text(n, "件")) for label, n in incidents.items()),
        ),
        tables=(
            ReportTable(
                "按器材类别",
                ("类别", "借用（次）", "件次"),
                tuple((label, n, p) for label, n, p in usage.by_category),
                numeric=(1, 2),
                weights=(2, 1, 1),
            ),
            ReportTable(
                "借用最多的器材",
                ("器材", "类别", "借用（次）", "件次", "用于活动（次）"),
                tuple((i.name, i.category_label, i.loans, i.pieces, i.activities) for i in usage.items[:top]),
                numeric=(2, 3, 4),
                weights=(3, 1.2, 1.1, 1, 1.3),
            ),
        ),
    )


def gather_equipment(
    ctx: AppContext, first: dt.date, last: dt.date, donor_id: int | None = None
) -> EquipmentUsage:
    return equipment.equipment_usage(ctx, first, last, donor_id=donor_id)


# --- volunteers -----------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class VolunteerFigures:
    volunteers: int  # with approved or pending hours in the period
    approved_minutes: int
    pending_minutes: int
    sessions: int  # approved records
    organisations: tuple[OrganisationTotal, ...]
    people: tuple[VolunteerTotal, ...]


def gather_volunteers(ctx: AppContext, first: dt.date, last: dt.date) -> VolunteerFigures:
    totals = hours_totals(ctx, first, last)
    return VolunteerFigures(
        volunteers=len(totals.volunteers),
        approved_minutes=totals.approved_minutes,
        pending_minutes=totals.pending_minutes,
        sessions=sum(v.sessions for v in totals.volunteers),
        organisations=totals.organisations,
        people=totals.volunteers,
    )


def volunteers_section(heading: str, figures: VolunteerFigures, *, with_people: bool = False) -> Section:
    tables = [
        ReportTable(
            "按单位/学校",
            ("单位/学校", "人数", "已核定（小时）", "服务（次）"),
            tuple(
                (o.organisation, o.volunteers, hours_number(o.approved_minutes), o.sessions)
                for o in figures.organisations
            ),
            numeric=(1, 2, 3),
            weights=(3, 0.9, 1.4, 1.1),
        )
    ]
    if with_people:
        tables.append(
            ReportTable(
                "志愿者服务时长",
                ("志愿者", "单位/学校", "已核定（小时）", "服务（次）", "待审核（小时）"),
                tuple(
                    (
                        v.name,
                        v.organisation,
                        hours_number(v.approved_minutes),
                        v.sessions,
                        hours_number(v.pending_minutes),
                    )
                    for v in figures.people
                ),
                numeric=(2, 3, 4),
                weights=(1.4, 2.6, 1.3, 1, 1.3),
            )
        )
    return Section(
        heading,
        figures=(
            Figure("服务的志愿者", count_text(figures.volunteers, "名")),
            Figure("已核定服务时长", hours_figure(figures.approved_minutes)),
            Figure("服务次数", count_text(figures.sessions, "次")),
            Figure("待审核时长", hours_figure(figures.pending_minutes)),
        ),
        tables=tuple(tables),
        notes=("服务时长按服务日期统计，只计已核定的记录；待审核的另列。",),
    )


# --- follow-ups ------------------------------------------------------------------------------------------------


def gather_follow_ups(ctx: AppContext, first: dt.date, last: dt.date) -> FollowUpSummary:
    return early_warning.follow_up_summary(ctx, first, last)


def follow_ups_section(heading: str, summary: FollowUpSummary) -> Section:
    rows = [(label, n) for label, n in summary.by_method]
    rows.append(("合计", summary.follow_ups))
    return Section(
        heading,
        figures=(
            Figure("回访", count_text(summary.follow_ups, "次")),
            Figure("回访的儿童", count_text(summary.children, "名")),
            Figure("因出勤预警回访", count_text(summary.after_warning, "次")),
            Figure("已解决", count_text(summary.resolved, "次")),
        ),
        tables=(ReportTable("按回访方式", ("方式", "次数"), tuple(rows), numeric=(1,), weights=(2, 1)),),
    )
