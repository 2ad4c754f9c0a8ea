"""Sessions (课) in a programme: check, save, delete; one occurrence cancelled, moved or restored.

A session is a course or activity with its volunteers (the first is the lead, the others helpers), a room, a
group of children (``三年级2班``, ``1-3年级``), and a time: weekly on a weekday between the programme's dates, or
once on a date. Saving runs the clash check (``domain.timetable``) against every programme that overlaps in dates:
a clash refuses the save (``ClashRefused``, listing each) unless staff give a reason to save anyway — the reason
is kept on the session and, with the clashes, in the audit log. Warnings (outside a volunteer's availability or
service dates, an inactive volunteer) never block; they come back with the result.

A teacher (``volunteers`` own) may add and change only sessions they teach in, and cannot override a clash.
``write_sessions`` works inside a caller's session: the demo centre lays out a whole term with it, checked the same
way (a clash there is a bug, never overridden).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Room, TimetableException, TimetableSlot, TimetableSlotVolunteer, Volunteer
from center_app.domain import timetable as tt
from center_app.domain.actor import Actor
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import WRITE, allowed
from center_app.domain.states import ExceptionKind, SessionKind
from center_app.services import audit
from center_app.services.volunteers.common import (
    AREA,
    load_programme,
    load_slot,
    require_own,
    require_see,
    sees_all,
    visible_volunteer,
)
from center_app.services.volunteers.schedule import (
    ClashInfo,
    ClashRefused,
    ProgrammeInfo,
    Schedule,
    load_schedule,
    summarise_warnings,
    warning_texts,
)

NEW_SESSION_ID = 0  # the candidate of a session not saved yet (stored ids start at 1)
_A_MONDAY = dt.date(2026, 1, 5)  # for labels of weekly times ("每周三 21:00–次日01:00")


@dataclass(frozen=True)
class SessionInput:
    """A session as the form (or the grid's keyboard placing) gives it. ``volunteer_ids``: the lead first."""

    programme_id: int
    title: str
    start: dt.time | str
    end: dt.time | str
    weekday: int | None = None
    on_date: dt.date | None = None
    volunteer_ids: tuple[int, ...] = ()
    room_id: int | None = None
    group: str = ""
    kind: str = SessionKind.OTHER


@dataclass(frozen=True, slots=True)
class ExceptionInfo:
    on_date: dt.date  # the occurrence as planned
    kind: str  # cancelled | moved
    new_date: dt.date | None
    new_start: dt.time | None
    new_end: dt.time | None
    new_room: str
    reason: str


@dataclass(frozen=True, slots=True)
class SessionInfo:
    id: int
    programme_id: int
    title: str
    kind: str
    weekday: int
    on_date: dt.date | None
    start: dt.time
    end: dt.time
    volunteer_ids: tuple[int, ...]
    volunteers: tuple[str, ...]
    room_id: int | None
    room: str
    group: str
    override_reason: str
    exceptions: tuple[ExceptionInfo, ...] = ()

    @property
    def when(self) -> str:
        """``每周三 14:30–16:00`` or ``7月8日（周三）14:30–16:00``."""
        start, end = tt.span(
            self.on_date or _A_MONDAY + dt.timedelta(days=self.weekday - 1), self.start, self.end
        )
        times = tt.time_range_label(start, end)
        return (
            f"{tt.date_label(self.on_date)}{times}"
            if self.on_date
            else f"每{tt.weekday_label(self.weekday)} {times}"
        )

    @property
    def kind_label(self) -> str:
        return tt.session_kind_label(self.kind)


@dataclass(frozen=True, slots=True)
class SessionCheck:
    """What saving would meet: the clashes (each refuses) and the warnings (each only says)."""

    clashes: tuple[ClashInfo, ...]
    warnings: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.clashes


@dataclass(frozen=True, slots=True)
class SavedSession:
    session: SessionInfo
    warnings: tuple[str, ...] = ()
    overridden: tuple[ClashInfo, ...] = field(default=())  # clashes saved anyway, with the reason


# --- validation --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class _Valid:
    programme: ProgrammeInfo
    session: tt.Session


def _validate(s: Session, data: SessionInput, schedule: Schedule, session_id: int) -> _Valid:
    problems: list[str] = []
    programme = schedule.programmes.get(data.programme_id)
    if programme is None:
        load_programme(s, data.programme_id)  # NotFound
        raise AssertionError("unreachable")  # pragma: no cover
    title = " ".join((data.title or "").split())
    if not title:
        problems.append("请填写课程或活动名称")
    elif len(title) > tt.TITLE_MAX:
        problems.append(f"名称太长（最多 {tt.TITLE_MAX} 个字）")
    group = " ".join((data.group or "").split())
    if len(group) > tt.GROUP_MAX:
        problems.append(f"“对象/班级”太长（最多 {tt.GROUP_MAX} 个字）")
    if data.kind not in tt.SESSION_KIND_LABELS:
        problems.append(f"类型只能是 {'、'.join(tt.SESSION_KIND_LABELS.values())}")
    start = end = dt.time(0)
    try:
        start, end = tt.parse_time(data.start), tt.parse_time(data.end)
        problems += tt.check_times(start, end)
    except ValidationError as exc:
        problems.append(exc.message.rstrip("。"))
    weekday = data.weekday
    if data.on_date is not None:
        if not programme.starts_on <= data.on_date <= programme.ends_on:
            problems.append(f"日期 {tt.date_label(data.on_date)} 不在“{programme.name}”的日期内")
        weekday = data.on_date.isoweekday()
    elif weekday is None or not 1 <= weekday <= 7:
        problems.append("请选择星期几（每周上课）或具体日期（只上一次）")
    elif not any(
        True
        for _ in tt.planned_dates(
            tt.Session(0, "", start, end, weekday=weekday), programme.starts_on, programme.ends_on
        )
    ):
        problems.append(f"“{programme.name}”的日期内没有{tt.weekday_label(weekday)}")
    volunteers = tuple(dict.fromkeys(data.volunteer_ids))
    if volunteers:
        found = set(s.scalars(select(Volunteer.id).where(Volunteer.id.in_(volunteers))))
        if missing := [v for v in volunteers if v not in found]:
            problems.append(f"找不到志愿者（编号 {'、'.join(map(str, missing))}），请刷新名单")
    if data.room_id is not None and s.get(Room, data.room_id) is None:
        problems.append("找不到所选的教室，请刷新后再选")
    if problems:
        raise ValidationError("这节课有误：" + "；".join(problems) + "。", problems)
    return _Valid(
        programme,
        tt.Session(
            id=session_id,
            title=title,
            start=start,
            end=end,
            volunteer_ids=volunteers,
            room_id=data.room_id,
            weekday=weekday,
            on_date=data.on_date,
            changes=schedule.sessions[session_id].changes if session_id in schedule.sessions else (),
            group=group,
            kind=data.kind,
            programme_id=programme.id,
        ),
    )


def _check(
    s: Session, schedule: Schedule, candidates: Sequence[tt.Session]
) -> tuple[list[ClashInfo], list[str]]:
    ids = {c.id for c in candidates}
    mine = schedule.occurrences(candidates)
    others = schedule.occurrences(v for k, v in schedule.sessions.items() if k not in ids)
    clashes = schedule.clash_infos(tt.clashes_with(mine, others))
    warnings = summarise_warnings([text for _, text in warning_texts(s, schedule, mine)])
    return clashes, warnings


def _schedule_for(s: Session, programme_id: int) -> Schedule:
    programme = load_programme(s, programme_id)
    # A night session on a programme's last day reaches into the next: one day of margin either side.
    return load_schedule(
        s, first=programme.starts_on - dt.timedelta(days=1), last=programme.ends_on + dt.timedelta(days=1)
    )


def _owners(s: Session, slot: TimetableSlot) -> list[int]:
    helpers = list(
        s.scalars(
            select(TimetableSlotVolunteer.volunteer_id).where(TimetableSlotVolunteer.slot_id == slot.id)
        )
    )
    return [v for v in (slot.volunteer_id, *helpers) if v is not None]


def session_info(s: Session, slot: TimetableSlot, schedule: Schedule | None = None) -> SessionInfo:
    names = (
        schedule.volunteer_names
        if schedule
        else {k: v for k, v in s.execute(select(Volunteer.id, Volunteer.name))}
    )
    rooms = schedule.room_names if schedule else {k: v for k, v in s.execute(select(Room.id, Room.name))}
    volunteer_ids = tuple(_owners(s, slot))
    exceptions = s.scalars(
        select(TimetableException)
        .where(TimetableException.slot_id == slot.id)
        .order_by(TimetableException.on_date)
    )
    return SessionInfo(
        id=slot.id,
        programme_id=slot.timetable_id,
        title=slot.course,
        kind=slot.kind,
        weekday=slot.weekday,
        on_date=slot.on_date,
        start=slot.start_time,
        end=slot.end_time,
        volunteer_ids=volunteer_ids,
        volunteers=tuple(names.get(v, f"#{v}") for v in volunteer_ids),
        room_id=slot.room_id,
        room=rooms.get(slot.room_id, "") if slot.room_id is not None else "",
        group=slot.target_group,
        override_reason=slot.override_reason,
        exceptions=tuple(
            ExceptionInfo(
                e.on_date,
                e.kind,
                e.new_date,
                e.new_start,
                e.new_end,
                rooms.get(e.new_room_id, "") if e.new_room_id is not None else "",
                e.reason,
            )
            for e in exceptions
        ),
    )


def _values(info: SessionInfo) -> dict[str, object]:
    return {
        "title": info.title,
        "kind": info.kind,
        "when": info.when,
        "volunteers": "、".join(info.volunteers),
        "room": info.room,
        "group": info.group,
    }


def _store(s: Session, slot: TimetableSlot, session: tt.Session, override_reason: str) -> None:
    slot.timetable_id = session.programme_id
    slot.course = session.title
    slot.kind = session.kind
    slot.weekday = session.weekday or 1
    slot.on_date = session.on_date
    slot.start_time = session.start
    slot.end_time = session.end
    slot.room_id = session.room_id
    slot.volunteer_id = session.volunteer_ids[0] if session.volunteer_ids else None
    slot.target_group = session.group
    slot.override_reason = override_reason
    if slot.id is None:
        s.add(slot)
        s.flush()
    s.execute(delete(TimetableSlotVolunteer).where(TimetableSlotVolunteer.slot_id == slot.id))
    s.add_all(TimetableSlotVolunteer(slot_id=slot.id, volunteer_id=v) for v in session.volunteer_ids[1:])
    s.flush()


def _drop_stale_exceptions(s: Session, session: tt.Session, programme: ProgrammeInfo) -> None:
    """After a session moved to another weekday or date, exceptions of dates it no longer has are meaningless."""
    planned = set(tt.planned_dates(session, programme.starts_on, programme.ends_on))
    stale = [c.on_date for c in session.changes if c.on_date not in planned]
    if stale and session.id > 0:
        s.execute(
            delete(TimetableException).where(
                TimetableException.slot_id == session.id, TimetableException.on_date.in_(stale)
            )
        )


def _require_override(actor: Actor, reason: str, clashes: Sequence[ClashInfo], what: str) -> str:
    cleaned = " ".join((reason or "").split())
    may = allowed(actor.role, AREA, WRITE)
    if clashes and (not cleaned or not may):
        raise ClashRefused(what, clashes, may_override=may)
    if len(cleaned) > tt.REASON_MAX:
        raise ValidationError(f"理由太长（最多 {tt.REASON_MAX} 个字）。")
    return cleaned if clashes else ""


# --- building block: a whole layout at once (the demo centre) ------------------------------------------------------


def write_sessions(
    s: Session, actor: Actor, inputs: Sequence[SessionInput], *, record: bool = True
) -> list[int]:
    """Validate and save many sessions in the caller's session, checked for clashes among themselves and with
    what is stored; any clash raises ``ClashRefused`` (never overridden here). Returns the new ids in order.
    ``record=False``: no audit entry (the demo centre, whose fill is audited as a whole)."""
    if not inputs:
        return []
    programme_ids = {i.programme_id for i in inputs}
    schedules = {pid: _schedule_for(s, pid) for pid in programme_ids}
    candidates: list[tt.Session] = []
    for n, data in enumerate(inputs, start=1):
        valid = _validate(s, data, schedules[data.programme_id], -n)
        candidates.append(valid.session)
    merged = Schedule()
    for schedule in schedules.values():
        merged.programmes.update(schedule.programmes)
        merged.sessions.update(schedule.sessions)
        merged.volunteer_names.update(schedule.volunteer_names)
        merged.room_names.update(schedule.room_names)
    clashes = merged.clash_infos(tt.find_clashes([*merged.occurrences(candidates), *merged.occurrences()]))
    clashes = [c for c in clashes if c.first.session_id < 0 or c.second.session_id < 0]
    if clashes:
        raise ClashRefused("新排的课", clashes, may_override=False)
    ids = []
    for session in candidates:
        slot = TimetableSlot()
        _store(s, slot, session, "")
        ids.append(slot.id)
    if record:
        audit.record(
            s,
            actor,
            "create",
            "timetable_slot",
            "",
            f"排课：新增 {len(ids)} 节课",
            {"sessions": [None, len(ids)], "programmes": [None, sorted(programme_ids)]},
        )
    return ids


# --- use cases ----------------------------------------------------------------------------------------------------


def check_session(ctx: AppContext, data: SessionInput, session_id: int | None = None) -> SessionCheck:
    """What saving ``data`` (as a new session, or over ``session_id``) would meet — nothing is written. The grid
    calls it while a session is being placed, to show the clash before the user saves."""
    require_see(ctx.actor)
    with ctx.db.read() as s:
        schedule = _schedule_for(s, data.programme_id)
        valid = _validate(s, data, schedule, session_id if session_id is not None else NEW_SESSION_ID)
        clashes, warnings = _check(s, schedule, [valid.session])
    return SessionCheck(tuple(clashes), tuple(warnings))


def save_session(
    ctx: AppContext, data: SessionInput, session_id: int | None = None, *, override_reason: str = ""
) -> SavedSession:
    """Create (``session_id`` None) or change a session. A clash refuses it (``ClashRefused``) unless staff give
    ``override_reason``; warnings come back with the result. Audited (with the clashes and the reason)."""
    require_see(ctx.actor)
    require_own(ctx.actor, data.volunteer_ids)
    with ctx.db.session() as s:
        old: SessionInfo | None = None
        slot = TimetableSlot()
        if session_id is not None:
            slot = load_slot(s, session_id)
            require_own(ctx.actor, _owners(s, slot))
            old = session_info(s, slot)
        schedule = _schedule_for(s, data.programme_id)
        valid = _validate(s, data, schedule, session_id if session_id is not None else NEW_SESSION_ID)
        clashes, warnings = _check(s, schedule, [valid.session])
        reason = _require_override(ctx.actor, override_reason, clashes, f"“{valid.session.title}”")
        _store(s, slot, valid.session, reason)
        _drop_stale_exceptions(s, valid.session, valid.programme)
        info = session_info(s, slot)
        changes: dict[str, list[object]] = (
            {k: [None, v] for k, v in _values(info).items() if v}
            if old is None
            else audit.diff(_values(old), _values(info))
        )
        if clashes:
            changes["clashes"] = [None, [c.message for c in clashes[:50]]]
            changes["override_reason"] = [old.override_reason if old else None, reason]
        summary = f"{'新增' if old is None else '修改'}课程“{info.title}”（{info.when}）" + (
            f"，有 {len(clashes)} 处冲突仍然保存：{reason}" if clashes else ""
        )
        if changes or old is None:
            audit.record(
                s,
                ctx.actor,
                "create" if old is None else "update",
                "timetable_slot",
                slot.id,
                summary,
                changes,
            )
        return SavedSession(info, tuple(warnings), tuple(clashes))


def delete_session(ctx: AppContext, session_id: int) -> None:
    """Delete a session and its exceptions. The hours and activities already recorded for it stay (they keep their
    date, time and description; they no longer point at the session)."""
    require_see(ctx.actor)
    with ctx.db.session() as s:
        slot = load_slot(s, session_id)
        require_own(ctx.actor, _owners(s, slot))
        info = session_info(s, slot)
        s.delete(slot)
        audit.record(
            s,
            ctx.actor,
            "delete",
            "timetable_slot",
            session_id,
            f"删除课程“{info.title}”（{info.when}）",
            {k: [v, None] for k, v in _values(info).items() if v},
        )


def _occurrence(schedule: Schedule, session_id: int, on_date: dt.date) -> tt.Occurrence:
    session = schedule.sessions[session_id]
    programme = schedule.programmes[session.programme_id]
    planned = list(tt.planned_dates(session, on_date, on_date))
    if not planned or not programme.starts_on <= on_date <= programme.ends_on:
        raise ValidationError(f"“{session.title}”在 {tt.date_label(on_date)} 没有课。")
    return tt.expand(session, on_date, on_date)[0]


def cancel_occurrence(ctx: AppContext, session_id: int, on_date: dt.date, reason: str = "") -> SessionInfo:
    """Cancel one occurrence (停课 that day: a holiday, the teacher is ill). ``on_date``: the date it was planned."""
    return _set_exception(ctx, session_id, on_date, cancelled=True, reason=reason)


def move_occurrence(
    ctx: AppContext,
    session_id: int,
    on_date: dt.date,
    *,
    new_date: dt.date | None = None,
    new_start: dt.time | str | None = None,
    new_end: dt.time | str | None = None,
    new_room_id: int | None = None,
    reason: str = "",
    override_reason: str = "",
) -> SessionInfo:
    """Move one occurrence (调课) to another date, time or room; clash-checked like a save."""
    return _set_exception(
        ctx,
        session_id,
        on_date,
        cancelled=False,
        new_date=new_date,
        new_start=tt.parse_time(new_start) if new_start not in (None, "") else None,
        new_end=tt.parse_time(new_end) if new_end not in (None, "") else None,
        new_room_id=new_room_id,
        reason=reason,
        override_reason=override_reason,
    )


def _set_exception(
    ctx: AppContext,
    session_id: int,
    on_date: dt.date,
    *,
    cancelled: bool,
    new_date: dt.date | None = None,
    new_start: dt.time | None = None,
    new_end: dt.time | None = None,
    new_room_id: int | None = None,
    reason: str = "",
    override_reason: str = "",
) -> SessionInfo:
    require_see(ctx.actor)
    reason = " ".join((reason or "").split())
    if len(reason) > tt.REASON_MAX:
        raise ValidationError(f"原因太长（最多 {tt.REASON_MAX} 个字）。")
    with ctx.db.session() as s:
        slot = load_slot(s, session_id)
        require_own(ctx.actor, _owners(s, slot))
        schedule = _schedule_for(s, slot.timetable_id)
        planned = _occurrence(schedule, session_id, on_date)
        session = schedule.sessions[session_id]
        programme = schedule.programmes[session.programme_id]
        change = tt.Change(on_date, cancelled=True, reason=reason)
        clashes: list[ClashInfo] = []
        override = ""
        if not cancelled:
            if new_date is None and new_start is None and new_end is None and new_room_id is None:
                raise ValidationError("请选择调到哪一天、几点或哪个教室。")
            if new_date is not None and not programme.starts_on <= new_date <= programme.ends_on:
                raise ValidationError(f"{tt.date_label(new_date)} 不在“{programme.name}”的日期内。")
            start, end = new_start or session.start, new_end or session.end
            if problems := tt.check_times(start, end):
                raise ValidationError("调课时间有误：" + "；".join(problems) + "。", problems)
            if new_room_id is not None and s.get(Room, new_room_id) is None:
                raise ValidationError("找不到所选的教室，请刷新后再选。")
            change = tt.Change(on_date, False, new_date, new_start, new_end, new_room_id, reason)
            moved = tt.apply_change(planned, change, session)
            others = schedule.occurrences(v for k, v in schedule.sessions.items() if k != session_id)
            others += [o for o in schedule.occurrences([session]) if o.slot_date != on_date]
            clashes = schedule.clash_infos(tt.clashes_with([moved], others))
            override = _require_override(
                ctx.actor, override_reason, clashes, f"把“{session.title}”调到 {moved.label}"
            )
        row = s.scalar(
            select(TimetableException).where(
                TimetableException.slot_id == session_id, TimetableException.on_date == on_date
            )
        )
        old = _exception_text(row)
        if row is None:
            row = TimetableException(slot_id=session_id, on_date=on_date, created_by=ctx.actor.user_id)
            s.add(row)
        row.kind = ExceptionKind.CANCELLED if cancelled else ExceptionKind.MOVED
        row.new_date, row.new_start, row.new_end, row.new_room_id = (
            (None, None, None, None) if cancelled else (new_date, new_start, new_end, new_room_id)
        )
        row.reason = reason
        row.override_reason = override
        s.flush()
        new = _exception_text(row, schedule.room_names)
        changes: dict[str, list[object]] = {"on_date": [None, on_date.isoformat()], "exception": [old, new]}
        if clashes:
            changes["clashes"] = [None, [c.message for c in clashes]]
            changes["override_reason"] = [None, override]
        audit.record(
            s,
            ctx.actor,
            "update",
            "timetable_slot",
            session_id,
            f"“{session.title}”{planned.label}：{new}"
            + (f"（原因：{reason}）" if reason else "")
            + (f"，有冲突仍然调课：{override}" if clashes else ""),
            changes,
        )
        return session_info(s, slot, schedule)


def _exception_text(row: TimetableException | None, rooms: dict[int, str] | None = None) -> str:
    if row is None:
        return "照常上课"
    if row.kind == ExceptionKind.CANCELLED:
        return "停课"
    parts = []
    if row.new_date is not None:
        parts.append(tt.date_label(row.new_date))
    if row.new_start is not None or row.new_end is not None:
        parts.append("–".join(tt.hm(t) for t in (row.new_start, row.new_end) if t is not None))
    if row.new_room_id is not None:
        parts.append((rooms or {}).get(row.new_room_id, "另一教室"))
    return "调到 " + " ".join(parts)


def restore_occurrence(ctx: AppContext, session_id: int, on_date: dt.date) -> SessionInfo:
    """Undo a cancellation or a move: the occurrence is held as planned again (clash-checked: the slot it had may
    have been taken meanwhile — then refused, the exception stays)."""
    require_see(ctx.actor)
    with ctx.db.session() as s:
        slot = load_slot(s, session_id)
        require_own(ctx.actor, _owners(s, slot))
        row = s.scalar(
            select(TimetableException).where(
                TimetableException.slot_id == session_id, TimetableException.on_date == on_date
            )
        )
        if row is None:
            return session_info(s, slot)
        schedule = _schedule_for(s, slot.timetable_id)
        session = schedule.sessions[session_id]
        plain = dataclasses.replace(
            session, changes=tuple(c for c in session.changes if c.on_date != on_date)
        )
        planned = _occurrence(Schedule(schedule.programmes, {session_id: plain}), session_id, on_date)
        others = schedule.occurrences(v for k, v in schedule.sessions.items() if k != session_id)
        others += [o for o in schedule.occurrences([session]) if o.slot_date != on_date]
        clashes = schedule.clash_infos(tt.clashes_with([planned], others))
        if clashes:
            raise ClashRefused(f"恢复“{session.title}”{planned.label}", clashes, may_override=False)
        old = _exception_text(row, schedule.room_names)
        s.delete(row)
        audit.record(
            s,
            ctx.actor,
            "update",
            "timetable_slot",
            session_id,
            f"“{session.title}”{planned.label}：恢复照常上课（原为{old}）",
            {"on_date": [None, on_date.isoformat()], "exception": [old, "照常上课"]},
        )
        s.flush()
        return session_info(s, slot, schedule)


def get_session(ctx: AppContext, session_id: int) -> SessionInfo:
    require_see(ctx.actor)
    with ctx.db.read() as s:
        slot = load_slot(s, session_id)
        owners = _owners(s, slot)
        if not sees_all(ctx.actor):
            require_own(ctx.actor, owners)
        return session_info(s, slot)


def list_sessions(
    ctx: AppContext, programme_id: int, *, volunteer_id: int | None = None
) -> list[SessionInfo]:
    """The programme's sessions by weekday and time (one-off ones by date); a teacher gets their own."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, volunteer_id)
    with ctx.db.read() as s:
        load_programme(s, programme_id)
        schedule = load_schedule(s, programme_ids=[programme_id])
        slots = s.scalars(select(TimetableSlot).where(TimetableSlot.timetable_id == programme_id))
        infos = [
            session_info(s, slot, schedule)
            for slot in slots
            if only is None or only in schedule.sessions[slot.id].volunteer_ids
        ]
    return sorted(infos, key=lambda i: (i.on_date or dt.date.min, i.weekday, i.start, i.title, i.id))


def list_groups(ctx: AppContext, programme_id: int) -> list[str]:
    """The groups of children (班级/对象) the programme's sessions are for, for the per-class printout."""
    require_see(ctx.actor)
    with ctx.db.read() as s:
        load_programme(s, programme_id)
        groups = set(
            s.scalars(
                select(TimetableSlot.target_group).where(
                    TimetableSlot.timetable_id == programme_id, TimetableSlot.target_group != ""
                )
            )
        )
    from center_app.domain.children import natural_key

    return sorted(groups, key=natural_key)
