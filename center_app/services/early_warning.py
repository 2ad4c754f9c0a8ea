"""Early warning (预警): children who stopped coming, and follow-ups (回访) — the one place they are written and read.

``record_follow_up`` is the only write path for a follow-up, whether it answers a warning on the overview or is
entered in the child's file; its rules are ``domain.children.FollowUpInput``'s. ``list_follow_ups`` (and
``read_follow_ups`` inside a child's file) read them back, newest first.

Two kinds of warning, thresholds in the attendance settings:

- ``absent_streak`` — absent on ``warning_consecutive_absences`` (default 3) consecutive open days, counted as in
  ``domain.attendance`` (absences from the day register; a present mark in any register, day or session, ends
  the streak; excused days and days without a roll do not count either way; closed days are skipped).
- ``low_rate`` — this month's attendance rate (the monthly register's figure, month to date) below
  ``warning_month_rate`` % (default 60), once the child has at least 5 days marked present or absent this month
  (fewer is noise: one absence in the month's first days is 0 %).

Handled: a resolved follow-up (``FollowUp.resolved``) dated on or after the streak's first absence clears a
streak warning; one dated in this month clears a rate warning. Absences *after* the latest such follow-up count
afresh: a child who keeps missing after the home visit is warned again once the new run reaches the threshold.
``scan`` returns handled warnings too (``handled=True``, with the follow-up's date) so the page can show "已回访";
pass ``include_handled=False`` for the open ones only.

Who sees what: the scan needs ``attendance`` 读; the guardian's name and relation need ``child.family`` 读, the
phone ``child.phones`` 读, the follow-up state ``child.followups`` 读 (otherwise blank / not handled).

Speed: the scan reads the marks of a recent window (this month, at least the last 35 days) for everyone, older
marks only for the few children never present in that window, and the warned children's follow-ups and
guardians — its cost does not grow with the years of history.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from sqlalchemy import or_, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import AttendanceMark, AttendanceRegister, Child, FollowUp, Guardian, User, utcnow
from center_app.domain import attendance as rules
from center_app.domain import children as children_domain
from center_app.domain.attendance import WarningKind
from center_app.domain.children import has_left, roll_order
from center_app.domain.errors import NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, allowed, redact_child, require
from center_app.services import audit
from center_app.services.attendance import read_context

ABSENT_STREAK: Final = WarningKind.ABSENT_STREAK
LOW_RATE: Final = WarningKind.LOW_RATE
KIND_LABELS: Final[dict[str, str]] = {ABSENT_STREAK: "连续缺勤", LOW_RATE: "出勤率低"}
MIN_MARKED_DAYS: Final = 5
WINDOW_DAYS: Final = 35  # recent marks read for every child; older ones only for children not seen in it

FOLLOW_UP_METHODS = children_domain.FOLLOW_UP_METHODS  # one list of ways to follow up (domain/children)
FOLLOW_UP_REASON_MAX = children_domain.FOLLOW_UP_REASON_MAX

_mark = AttendanceMark.__table__


@dataclass(frozen=True)
class EarlyWarning:
    kind: WarningKind
    child_id: int
    child_name: str
    class_name: str
    grade: int | None
    message: str  # "连续 4 个开放日缺勤（11月20日起）"
    since: (
        dt.date | None
    )  # streak: its first absence still open (or the whole streak when handled); rate: the 1st
    absent_days: tuple[dt.date, ...]  # the streak's absences (oldest first); for a rate warning this month's
    month_rate: float | None
    month_present: int
    month_absent: int
    last_present: dt.date | None  # last day present in any register (None: never)
    guardian_name: str  # blank unless the user may read child.family
    guardian_relation: str
    guardian_phone: str  # blank unless the user may read child.phones
    handled: bool
    follow_up_on: dt.date | None  # the resolved follow-up that handled it
    follow_up_outcome: str

    @property
    def kind_label(self) -> str:
        return KIND_LABELS[self.kind]


@dataclass(frozen=True)
class FollowUpRow:
    id: int
    child_id: int
    on_date: dt.date
    method: str
    reason: str  # a warning kind (absent_streak/low_rate) or a short free text
    note: str
    outcome: str
    next_step: str
    resolved: bool
    staff_user_id: int | None
    staff_name: str

    @property
    def method_label(self) -> str:
        return FOLLOW_UP_METHODS.get(self.method, self.method)


def _md(day: dt.date) -> str:
    return f"{day.month}月{day.day}日"


def scan(
    ctx: AppContext,
    today: dt.date | None = None,
    *,
    consecutive: int | None = None,
    month_rate_below: int | float | None = None,
    include_handled: bool = True,
) -> list[EarlyWarning]:
    """Warnings as of ``today`` for children on the roll; thresholds default to the settings. Open warnings first
    (streaks before rates, longest streak / lowest rate first), then handled ones."""
    require(ctx.actor, "attendance", READ)
    require(ctx.actor, "child.basic", READ)
    today = today or dt.date.today()
    month_start = today.replace(day=1)
    role = ctx.actor.role
    reg = AttendanceRegister
    with ctx.db.read() as s:
        c = read_context(s, dt.date(1900, 1, 1), today)  # every closed day so far: a few dozen rows
        limit = consecutive if consecutive is not None else c.settings.warning_consecutive
        below = month_rate_below if month_rate_below is not None else c.settings.warning_month_rate
        if limit < 1:
            raise ValidationError("连续缺勤天数至少为 1。")
        present_codes = [code.code for code in c.codes.codes if code.counts_present]
        children = {
            r.id: r
            for r in s.execute(
                select(
                    Child.id,
                    Child.name,
                    Child.name_pinyin,
                    Child.class_name,
                    Child.grade,
                    Child.status,
                    Child.enrolled_on,
                    Child.left_on,
                )
            )
            if not has_left(r.status, r.left_on, today) and (r.enrolled_on is None or r.enrolled_on <= today)
        }
        # Only a recent window is read (this month, and at least the last WINDOW_DAYS days): a year of marks is
        # never loaded. Children with no present mark in the window are rare (they stopped coming long ago);
        # their older marks are read for them alone, so their streak and last visit are still exact.
        window_start = min(month_start, today - dt.timedelta(days=WINDOW_DAYS))
        wanted = or_(reg.activity_id.is_(None), _mark.c.code.in_(present_codes))  # sessions: presence only
        columns = (_mark.c.child_id, reg.on_date, _mark.c.code, reg.activity_id.is_(None))
        recent = s.execute(
            select(*columns)
            .join(reg, reg.id == _mark.c.register_id)
            .where(reg.on_date >= window_start, reg.on_date <= today, wanted)
        ).all()
        kind_of: dict[str, rules.Kind] = {code.code: code.kind for code in c.codes.codes}
        marks: dict[int, list[tuple[dt.date, rules.Kind]]] = {}
        month_codes: dict[int, list[str]] = {}
        for child_id, day, code, is_day in recent:
            marks.setdefault(child_id, []).append((day, kind_of.get(code, rules.EXCUSED)))
            if is_day and day >= month_start:
                month_codes.setdefault(child_id, []).append(code)
        stale = [cid for cid in children if all(kind != rules.PRESENT for _, kind in marks.get(cid, ()))]
        if stale:
            for child_id, day, code, _ in s.execute(
                select(*columns)
                .join(reg, reg.id == _mark.c.register_id)
                .where(_mark.c.child_id.in_(stale), reg.on_date < window_start, wanted)
            ):
                marks.setdefault(child_id, []).append((day, kind_of.get(code, rules.EXCUSED)))

        found: list[tuple[WarningKind, int, rules.Streak, rules.Tally]] = []
        for child_id in children:
            streak = rules.absence_streak(marks.get(child_id, []), c.is_open, until=today)
            tally = rules.tally(month_codes.get(child_id, []), c.codes)
            if streak.length >= limit:
                found.append((ABSENT_STREAK, child_id, streak, tally))
            rate = tally.rate
            if tally.present + tally.absent >= MIN_MARKED_DAYS and rate is not None and rate * 100 < below:
                found.append((LOW_RATE, child_id, streak, tally))

        warned = sorted({child_id for _, child_id, _, _ in found})
        follow_ups: dict[int, list[tuple[dt.date, str]]] = {}
        if warned and allowed(role, "child.followups", READ):
            for child_id, on_date, outcome in s.execute(
                select(FollowUp.child_id, FollowUp.on_date, FollowUp.outcome)
                .where(FollowUp.child_id.in_(warned), FollowUp.resolved.is_(True))
                .order_by(FollowUp.on_date, FollowUp.id)
            ):
                follow_ups.setdefault(child_id, []).append((on_date, outcome))
        guardians: dict[int, Guardian] = {}
        if warned and (allowed(role, "child.family", READ) or allowed(role, "child.phones", READ)):
            for guardian in s.scalars(
                select(Guardian)
                .where(Guardian.child_id.in_(warned))
                .order_by(Guardian.is_primary.desc(), Guardian.id)
            ):
                guardians.setdefault(guardian.child_id, guardian)  # primary guardian, else first entered

    result: list[tuple[tuple[object, ...], EarlyWarning]] = []
    for kind, child_id, streak, tally in found:
        r = children[child_id]
        g = guardians.get(child_id)
        data = redact_child(
            role,
            {
                "id": child_id,
                "name": r.name,
                "class_name": r.class_name,
                "grade": r.grade,
                "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone}] if g else [],
            },
        )
        guardian = data["guardians"][0] if data["guardians"] else {}
        done = follow_ups.get(child_id, [])
        handled_by: tuple[dt.date, str] | None = None
        if kind == ABSENT_STREAK:
            assert streak.start is not None
            pending = rules.absences_after_follow_up(streak, [d for d, _ in done])
            handled = len(pending) < limit
            absences = streak.absences if handled else pending
            if handled:
                handled_by = max((f for f in done if f[0] >= streak.start), key=lambda f: f[0])
            message = f"连续 {len(absences)} 个开放日缺勤（{_md(absences[0])}起）"
            severity: float = -len(absences)
            since: dt.date | None = absences[0]
        else:
            absences = ()
            relevant = [f for f in done if f[0] >= month_start]
            handled = bool(relevant)
            handled_by = relevant[-1] if relevant else None
            message = (
                f"本月出勤率 {rules.format_rate(tally.rate)}，低于 {below}%"
                f"（出勤 {tally.present} 天，缺勤 {tally.absent} 天）"
            )
            severity = tally.rate or 0.0
            since = month_start
        last = streak.last_present
        message += (
            f"；最后一次到中心：{_md(last) if last.year == today.year else last.isoformat()}"
            if last
            else "；没有出勤记录"
        )
        warning = EarlyWarning(
            kind=kind,
            child_id=child_id,
            child_name=data["name"],
            class_name=data["class_name"],
            grade=data["grade"],
            message=message,
            since=since,
            absent_days=absences,
            month_rate=tally.rate,
            month_present=tally.present,
            month_absent=tally.absent,
            last_present=last,
            guardian_name=guardian.get("name") or "",
            guardian_relation=guardian.get("relation") or "",
            guardian_phone=guardian.get("phone") or "",
            handled=handled,
            follow_up_on=handled_by[0] if handled_by else None,
            follow_up_outcome=handled_by[1] if handled_by else "",
        )
        if handled and not include_handled:
            continue
        order = (
            handled,
            kind != ABSENT_STREAK,
            severity,
            roll_order(r.grade, r.class_name, r.name, r.name_pinyin),
        )
        result.append((order, warning))
    result.sort(key=lambda item: item[0])
    return [w for _, w in result]


# --- follow-ups -----------------------------------------------------------------------------------------------


def record_follow_up(
    ctx: AppContext,
    child_id: int,
    on_date: dt.date | str,
    method: str,
    note: str,
    outcome: str,
    next_step: str = "",
    resolved: bool = True,
    reason: str = "",
    *,
    today: dt.date | None = None,
) -> FollowUpRow:
    """Record a social worker's follow-up (回访) on a child — from the warning list or the child's file alike; the
    signed-in user is recorded as who did it. ``reason`` is the warning kind that prompted it (``absent_streak``/
    ``low_rate``) or a short free text; ``resolved`` clears the warning (see the module doc). The rules are
    ``FollowUpInput``'s: a date not after today, one of the methods, and a note or an outcome."""
    require(ctx.actor, "child.followups", WRITE)
    cleaned = children_domain.FollowUpInput(
        on_date, method, reason, note, outcome, next_step, resolved
    ).validated(today)
    assert isinstance(cleaned.on_date, dt.date)
    with ctx.db.session() as s:
        if s.get(Child, child_id) is None:
            raise NotFound("找不到这名儿童，请刷新后再试。")
        row = FollowUp(
            child_id=child_id, staff_user_id=ctx.actor.user_id, created_at=utcnow(), **cleaned.values()
        )
        s.add(row)
        s.flush()
        label = KIND_LABELS.get(row.reason, row.reason)
        audit.record(
            s,
            ctx.actor,
            "create",
            "follow_up",
            row.id,
            f"回访 儿童 #{child_id}（{FOLLOW_UP_METHODS[row.method]}{'，' + label if label else ''}"
            f"{'，已解决' if row.resolved else ''}）",
            {  # what was said stays out of the log: it is read at a glance over someone's shoulder
                "child_id": [None, child_id],
                "on_date": [None, cleaned.on_date.isoformat()],
                "method": [None, row.method],
                "reason": [None, row.reason],
                "resolved": [None, row.resolved],
            },
        )
        return _follow_up_row(row, {ctx.actor.user_id or 0: ctx.actor.display_name or ctx.actor.username})


def list_follow_ups(ctx: AppContext, child_id: int) -> list[FollowUpRow]:
    """A child's follow-ups, newest first."""
    require(ctx.actor, "child.followups", READ)
    with ctx.db.read() as s:
        if s.get(Child, child_id) is None:
            raise NotFound(f"找不到这名儿童（编号 {child_id}），可能已被删除。请刷新名单。")
        return read_follow_ups(s, child_id)


def read_follow_ups(s: Session, child_id: int) -> list[FollowUpRow]:
    """A child's follow-ups, newest first, inside the caller's transaction (the caller checked ``child.followups``
    read)."""
    rows = s.scalars(
        select(FollowUp)
        .where(FollowUp.child_id == child_id)
        .order_by(FollowUp.on_date.desc(), FollowUp.id.desc())
    ).all()
    ids = {f.staff_user_id for f in rows if f.staff_user_id}
    staff = {u.id: u.display_name or u.username for u in s.scalars(select(User).where(User.id.in_(ids)))}
    return [_follow_up_row(f, staff) for f in rows]


def _follow_up_row(f: FollowUp, staff: Mapping[int, str]) -> FollowUpRow:
    return FollowUpRow(
        id=f.id,
        child_id=f.child_id,
        on_date=f.on_date,
        method=f.method,
        reason=f.reason,
        note=f.note,
        outcome=f.outcome,
        next_step=f.next_step,
        resolved=f.resolved,
        staff_user_id=f.staff_user_id,
        staff_name=staff.get(f.staff_user_id or 0, ""),
    )


# --- counts for the reports -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class FollowUpSummary:
    """Follow-ups done between ``first`` and ``last`` (by their date), counted — no child named, nothing said."""

    first: dt.date
    last: dt.date
    follow_ups: int
    children: int  # distinct children followed up
    resolved: int  # follow-ups that resolved what prompted them
    after_warning: int  # prompted by an attendance warning (``reason`` a warning kind)
    by_method: tuple[tuple[str, int], ...]  # (method label, count) in FOLLOW_UP_METHODS order, zeros kept


def follow_up_summary(ctx: AppContext, first: dt.date, last: dt.date) -> FollowUpSummary:
    """How many follow-ups were done in the period, of how many children, by which method (the monthly report)."""
    require(ctx.actor, "child.followups", READ)
    if last < first:
        raise ValidationError("结束日期不能早于开始日期。")
    with ctx.db.read() as s:
        rows = s.execute(
            select(FollowUp.child_id, FollowUp.method, FollowUp.resolved, FollowUp.reason).where(
                FollowUp.on_date >= first, FollowUp.on_date <= last
            )
        ).all()
    methods = {method: 0 for method in FOLLOW_UP_METHODS}
    for row in rows:
        methods[row.method] = methods.get(row.method, 0) + 1
    return FollowUpSummary(
        first=first,
        last=last,
        follow_ups=len(rows),
        children=len({row.child_id for row in rows}),
        resolved=sum(1 for row in rows if row.resolved),
        after_warning=sum(1 for row in rows if row.reason in KIND_LABELS),
        by_method=tuple((FOLLOW_UP_METHODS.get(m, m), n) for m, n in methods.items()),
    )
