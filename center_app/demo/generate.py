"""``fill_demo``: the one use case of the demo package, and the order its parts are written in."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import Actor, AppContext
from center_app.db import models as m
from center_app.demo.activities import Activities
from center_app.demo.attendance import Attendance
from center_app.demo.centre import Donations, write_reference_data
from center_app.demo.children import Children
from center_app.demo.equipment import Equipment
from center_app.demo.library import Library
from center_app.demo.state import Demo, Plan, Progress
from center_app.demo.volunteers import Volunteers
from center_app.domain.errors import DomainError
from center_app.services import audit

DEFAULT_SEED = 20261129
MAX_SCALE = 100


@dataclass(frozen=True)
class DemoSummary:
    """How many rows of each headline kind ``fill_demo`` wrote."""

    titles: int
    copies: int
    children: int
    equipment_items: int
    volunteers: int
    activities: int
    attendance_marks: int
    loans: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def fill_demo(
    ctx: AppContext,
    *,
    scale: int = 1,
    seed: int = DEFAULT_SEED,
    today: dt.date | None = None,
    progress: Progress | None = None,
) -> DemoSummary:
    """Fill an empty store with a demo centre (see the package doc). Refuses a store that already holds data."""
    if not isinstance(scale, int) or not 1 <= scale <= MAX_SCALE:
        raise DomainError(f"演示数据规模应为 1 到 {MAX_SCALE} 之间的整数。")
    plan = Plan.for_scale(scale, today or dt.date.today())
    report = progress or (lambda _percent, _message: None)
    report(0, "正在检查数据库……")
    with ctx.db.session() as s:
        _refuse_if_not_empty(s)
        summary = _write(Demo(s, plan, seed, report, ctx.actor.user_id), ctx.actor)
        audit.record(
            s,
            ctx.actor,
            "create",
            "demo",
            "",
            f"生成演示数据（规模 {scale}，种子 {seed}）：图书 {summary.titles} 种 {summary.copies} 册，"
            f"儿童 {summary.children} 名，器材 {summary.equipment_items} 种，借阅 {summary.loans} 条",
        )
        report(99, "正在保存……")
    report(100, "演示数据已生成。")
    return summary


def _refuse_if_not_empty(s: Session) -> None:
    # Checked inside the writing transaction (BEGIN IMMEDIATE holds the write lock), so nothing can slip in
    # between the check and the fill.
    guarded = (m.Child, m.BookCopy, m.BookTitle, m.EquipmentItem, m.Volunteer, m.Activity, m.Donor)
    for model in guarded:
        if s.scalar(select(func.count()).select_from(model)):
            raise DomainError(
                "数据库里已经有儿童、图书或其他业务数据，不能再生成演示数据（以免演示数据和真实数据混在一起）。"
                "请换一个空的数据文件夹再试。"
            )


def _write(d: Demo, actor: Actor) -> DemoSummary:
    """Every part in turn. The order is part of the demo: ids are handed out as rows are planned, and each part
    draws from its own random stream, so the same seed and day give the same centre."""
    d.report(2, "正在准备日历和中心信息……")
    write_reference_data(d)
    d.report(5, "正在生成捐赠方和图书……")
    donations = Donations(d)
    donations.plan()
    library, equipment = Library(d), Equipment(d, actor)  # equipment through its service's building blocks
    books = library.plan(donations)
    equipment_batches = equipment.plan(donations)
    donations.write()
    library.write(*books)
    d.report(30, "正在生成器材……")
    equipment.write(equipment_batches)
    d.report(35, "正在生成儿童档案……")
    children = Children(d)
    children.write()
    d.report(40, "正在生成志愿者和课表……")
    volunteers = Volunteers(d)
    volunteers.write()
    volunteers.timetables()
    d.report(45, "正在生成活动记录……")
    activities = Activities(d, volunteers)
    activities.write()
    attendance = Attendance(d, children)
    _simulate_days(d, children, activities, attendance, library, equipment, volunteers)
    d.report(96, "正在收尾……")
    rng = d.rng("finish")
    library.settle_open_loans(rng, children.kids)
    equipment.finish(rng)
    attendance.follow_ups(rng)
    volunteers.certificates(rng, activities.minutes, activities.pending_minutes)
    d.w.flush()
    c = d.w.counts
    return DemoSummary(
        titles=c["book_title"],
        copies=c["book_copy"],
        children=c["child"],
        equipment_items=equipment.written,
        volunteers=len(volunteers.vols),  # written through the volunteers service, not the bulk writer
        activities=c["activity"],
        attendance_marks=c["attendance_mark"],
        loans=c["loan"],
    )


def _simulate_days(
    d: Demo,
    children: Children,
    activities: Activities,
    attendance: Attendance,
    library: Library,
    equipment: Equipment,
    volunteers: Volunteers,
) -> None:
    """History day by day, so it is consistent the way real data is: roll call first, then activity registers
    from the children present, then their loans and the day's equipment lending."""
    rng = d.rng("days")
    span_start = d.plan.span_start
    acts_by_day = activities.acts_by_day
    # Activities before the span (last summer at scale 1) get their registers from the roster of the day.
    for day in sorted(x for x in acts_by_day if x < span_start):
        roster = [k for k in children.kids if k.enrol <= day.toordinal() < k.end]
        for act in acts_by_day[day]:
            if act.register:
                attendance.activity_register(rng, act, [k for k in roster if rng.random() > k.absent_p])

    days = d.days.open_days(span_start, d.yesterday)
    streak_days = attendance.pick_streaks(rng, days)
    for n, day in enumerate(days):
        present = attendance.day_register(rng, day, streak_days)
        day_acts = acts_by_day.get(day, [])
        for act in day_acts:
            if act.register:
                attendance.activity_register(rng, act, present)
        library.lend(rng, day, present)
        equipment.lend(rng, day, present, day_acts, volunteers.vols, last=n == len(days) - 1)
        if n % max(1, len(days) // 10) == 0:
            d.report(45 + round(50 * n / max(1, len(days))), f"正在生成考勤和借阅记录（{day:%Y-%m}）……")
