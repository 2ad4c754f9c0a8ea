"""Programmes: a term's weekly timetable (学期课表) or a summer programme (暑期课表), its dates and its periods
(the rows of the week grid, configurable per programme; new ones start from the kind's defaults)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Timetable, TimetablePeriod, TimetableSlot
from center_app.domain import timetable as tt
from center_app.domain.errors import ValidationError
from center_app.services import audit
from center_app.services.volunteers.common import date_text, load_programme, require_see, require_write
from center_app.services.volunteers.schedule import (
    ClashRefused,
    ProgrammeInfo,
    load_schedule,
    periods_of,
    programme_info,
)


def _periods_text(periods: Sequence[tt.Period]) -> str:
    return "；".join(f"{p.label} {tt.hm(p.start)}-{tt.hm(p.end)}" for p in periods)


def _count(s: Session, programme_id: int) -> int:
    return int(
        s.scalar(
            select(func.count()).select_from(TimetableSlot).where(TimetableSlot.timetable_id == programme_id)
        )
        or 0
    )


def list_programmes(ctx: AppContext) -> list[ProgrammeInfo]:
    """Every programme, the newest first (a teacher sees them too: their sessions are in them)."""
    require_see(ctx.actor)
    with ctx.db.read() as s:
        counts: dict[int, int] = {
            pid: int(n)
            for pid, n in s.execute(
                select(TimetableSlot.timetable_id, func.count()).group_by(TimetableSlot.timetable_id)
            )
        }
        programmes = [programme_info(s, p, counts.get(p.id, 0)) for p in s.scalars(select(Timetable))]
    return sorted(programmes, key=lambda p: (p.starts_on, p.id), reverse=True)


def get_programme(ctx: AppContext, programme_id: int) -> ProgrammeInfo:
    require_see(ctx.actor)
    with ctx.db.read() as s:
        return programme_info(s, load_programme(s, programme_id), _count(s, programme_id))


def current_programme(ctx: AppContext, today: dt.date | None = None) -> ProgrammeInfo | None:
    """The programme running today (a summer programme before a term's when both do), else the next, else the
    last one: what the week grid opens on."""
    require_see(ctx.actor)
    day = today or dt.date.today()
    programmes = list_programmes(ctx)
    running = [p for p in programmes if p.starts_on <= day <= p.ends_on]
    if running:
        return sorted(running, key=lambda p: (p.kind != "summer", -p.starts_on.toordinal()))[0]
    coming = [p for p in programmes if p.starts_on > day]
    if coming:
        return min(coming, key=lambda p: p.starts_on)
    return programmes[0] if programmes else None


def add_programme(
    s: Session,
    name: str,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date,
    periods: Sequence[tt.Period] | None = None,
) -> Timetable:
    """A checked programme with its periods, inside the caller's session, not audited (the demo centre's)."""
    cleaned = tt.check_programme(name, kind, starts_on, ends_on)
    rows = tt.check_periods(periods if periods is not None else tt.DEFAULT_PERIODS[kind])
    programme = Timetable(name=cleaned, kind=kind, starts_on=starts_on, ends_on=ends_on)
    s.add(programme)
    s.flush()
    _write_periods(s, programme.id, rows)
    return programme


def create_programme(
    ctx: AppContext,
    name: str,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date,
    periods: Sequence[tt.Period] | None = None,
) -> ProgrammeInfo:
    """A new programme; ``periods`` None takes the kind's defaults (上午一 08:30–10:00 …)."""
    require_write(ctx.actor)
    cleaned = tt.check_programme(name, kind, starts_on, ends_on)
    rows = tt.check_periods(periods if periods is not None else tt.DEFAULT_PERIODS[kind])
    with ctx.db.session() as s:
        if s.scalar(select(Timetable.id).where(Timetable.name == cleaned)) is not None:
            raise ValidationError(f"已经有一个叫“{cleaned}”的课表了，请换个名称。")
        programme = Timetable(name=cleaned, kind=kind, starts_on=starts_on, ends_on=ends_on)
        s.add(programme)
        s.flush()
        _write_periods(s, programme.id, rows)
        audit.record(
            s,
            ctx.actor,
            "create",
            "timetable",
            programme.id,
            f"新建{tt.programme_kind_label(kind)}“{cleaned}”（{date_text(starts_on)}–{date_text(ends_on)}）",
            {
                "name": [None, cleaned],
                "kind": [None, kind],
                "dates": [None, f"{starts_on}–{ends_on}"],
                "periods": [None, _periods_text(rows)],
            },
        )
        return programme_info(s, programme)


def _write_periods(s: Session, programme_id: int, periods: Sequence[tt.Period]) -> None:
    s.execute(delete(TimetablePeriod).where(TimetablePeriod.timetable_id == programme_id))
    s.add_all(
        TimetablePeriod(
            timetable_id=programme_id, number=p.number, label=p.label, start_time=p.start, end_time=p.end
        )
        for p in periods
    )
    s.flush()


def update_programme(
    ctx: AppContext,
    programme_id: int,
    name: str,
    kind: str,
    starts_on: dt.date,
    ends_on: dt.date,
    periods: Sequence[tt.Period] | None = None,
    *,
    override_reason: str = "",
) -> ProgrammeInfo:
    """Rename, change the dates or the periods (``None`` keeps them). One-off sessions must stay inside the new
    dates; longer dates repeat the weekly sessions further, so the clash check runs again (a reason saves anyway)."""
    require_write(ctx.actor)
    cleaned = tt.check_programme(name, kind, starts_on, ends_on)
    with ctx.db.session() as s:
        programme = load_programme(s, programme_id)
        same = s.scalar(select(Timetable.id).where(Timetable.name == cleaned, Timetable.id != programme_id))
        if same is not None:
            raise ValidationError(f"已经有一个叫“{cleaned}”的课表了，请换个名称。")
        old_periods = periods_of(s, programme_id)
        rows = tt.check_periods(periods) if periods is not None else old_periods
        outside = list(
            s.scalars(
                select(TimetableSlot.course).where(
                    TimetableSlot.timetable_id == programme_id,
                    TimetableSlot.on_date.is_not(None),
                    (TimetableSlot.on_date < starts_on) | (TimetableSlot.on_date > ends_on),
                )
            )
        )
        if outside:
            raise ValidationError(
                f"有 {len(outside)} 节只上一次的课（{'、'.join(outside[:3])}…）不在新的日期内，请先改期或删除。"
            )
        old = {
            "name": programme.name,
            "kind": programme.kind,
            "dates": f"{programme.starts_on}–{programme.ends_on}",
            "periods": _periods_text(old_periods),
        }
        before = _clash_keys(s, programme_id)
        programme.name, programme.kind, programme.starts_on, programme.ends_on = (
            cleaned,
            kind,
            starts_on,
            ends_on,
        )
        s.flush()
        after = load_schedule(s, first=starts_on - dt.timedelta(days=1), last=ends_on + dt.timedelta(days=1))
        mine = [o for o in after.occurrences() if after.sessions[o.session_id].programme_id == programme_id]
        others = [o for o in after.occurrences() if after.sessions[o.session_id].programme_id != programme_id]
        found = tt.clashes_with(mine, others)
        new_clashes = [
            c
            for c in after.clash_infos(found)
            if (c.first.session_id, c.first.slot_date, c.second.session_id, c.second.slot_date) not in before
        ]
        reason = " ".join((override_reason or "").split())
        if new_clashes and not reason:
            raise ClashRefused(f"改动后的“{cleaned}”", new_clashes, may_override=True)
        if periods is not None:
            _write_periods(s, programme_id, rows)
        new = {
            "name": cleaned,
            "kind": kind,
            "dates": f"{starts_on}–{ends_on}",
            "periods": _periods_text(rows),
        }
        changes: dict[str, list[object]] = dict(audit.diff(old, new))
        if new_clashes:
            changes["clashes"] = [None, [c.message for c in new_clashes[:50]]]
            changes["override_reason"] = [None, reason]
        if changes:
            audit.record(s, ctx.actor, "update", "timetable", programme_id, f"修改课表“{cleaned}”", changes)
        return programme_info(s, programme, _count(s, programme_id))


def _clash_keys(s: Session, programme_id: int) -> set[tuple[int, dt.date, int, dt.date]]:
    programme = load_programme(s, programme_id)
    schedule = load_schedule(
        s, first=programme.starts_on - dt.timedelta(days=1), last=programme.ends_on + dt.timedelta(days=1)
    )
    return {
        (c.first.session_id, c.first.slot_date, c.second.session_id, c.second.slot_date)
        for c in tt.find_clashes(schedule.occurrences())
    }


def delete_programme(ctx: AppContext, programme_id: int) -> None:
    """Delete a programme that has no sessions (one made by mistake); a programme with sessions is kept."""
    require_write(ctx.actor)
    with ctx.db.session() as s:
        programme = load_programme(s, programme_id)
        sessions = _count(s, programme_id)
        if sessions:
            raise ValidationError(f"“{programme.name}”里还有 {sessions} 节课，不能删除。请先删除这些课。")
        audit.record(
            s,
            ctx.actor,
            "delete",
            "timetable",
            programme_id,
            f"删除课表“{programme.name}”",
            {"name": [programme.name, None], "dates": [f"{programme.starts_on}–{programme.ends_on}", None]},
        )
        s.delete(programme)
