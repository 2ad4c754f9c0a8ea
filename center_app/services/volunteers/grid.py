"""Reading the timetable: the week grid's data (days × periods, each occurrence with its clashes and warnings),
every clash of a programme, and the occurrences between two dates (a teacher's "my sessions", the sign-in list,
the activities of a day — an occurrence is ``(session_id, slot_date)``, what ``activity.slot_id`` + its date and
``service_hours.slot_id`` + ``slot_date`` refer to)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from center_app.context import AppContext
from center_app.domain import timetable as tt
from center_app.domain.permissions import can_write_owned
from center_app.services.volunteers.common import AREA, load_programme, require_see, visible_volunteer
from center_app.services.volunteers.schedule import (
    ClashInfo,
    ProgrammeInfo,
    Schedule,
    load_schedule,
    summarise_warnings,
    warning_texts,
)


@dataclass(frozen=True, slots=True)
class OccurrenceInfo:
    """One occurrence of a session, where and when it really is (after a move)."""

    session_id: int
    slot_date: dt.date  # the date it was planned for: with session_id, its identity
    programme_id: int
    title: str
    kind: str
    start: dt.datetime
    end: dt.datetime
    room_id: int | None
    room: str
    volunteer_ids: tuple[int, ...]
    volunteers: tuple[str, ...]
    group: str
    recurring: bool
    cancelled: bool
    moved: bool
    reason: str

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def label(self) -> str:
        return tt.interval_label(self.start, self.end)

    @property
    def times(self) -> str:
        return tt.time_range_label(self.start, self.end)


@dataclass(frozen=True, slots=True)
class GridCell:
    """An occurrence placed in the week: ``day`` 0 = Monday; ``periods`` it overlaps (empty: "其他时间")."""

    occurrence: OccurrenceInfo
    day: int
    periods: tuple[int, ...]
    clash: bool  # part of a clash (the grid paints it red)
    clash_messages: tuple[str, ...]
    warnings: tuple[str, ...]  # outside availability etc. (the grid marks it, never blocks)
    may_edit: bool  # the actor may change this session (staff; a teacher their own)


@dataclass(frozen=True, slots=True)
class WeekGrid:
    programme: ProgrammeInfo
    monday: dt.date
    days: tuple[dt.date, ...]  # Monday … Sunday
    in_programme: tuple[bool, ...]  # which of those days the programme covers
    periods: tuple[tt.Period, ...]
    cells: tuple[GridCell, ...]
    clashes: tuple[ClashInfo, ...]
    warnings: tuple[str, ...]

    def at(self, day: int, period: int) -> list[GridCell]:
        """The cells in one box of the grid (period 0: those outside every period)."""
        return [c for c in self.cells if c.day == day and (period in c.periods if period else not c.periods)]


def occurrence_info(schedule: Schedule, o: tt.Occurrence) -> OccurrenceInfo:
    session = schedule.sessions[o.session_id]
    return OccurrenceInfo(
        session_id=o.session_id,
        slot_date=o.slot_date,
        programme_id=session.programme_id,
        title=o.title,
        kind=o.kind,
        start=o.start,
        end=o.end,
        room_id=o.room_id,
        room=schedule.room_names.get(o.room_id, "") if o.room_id is not None else "",
        volunteer_ids=o.volunteer_ids,
        volunteers=tuple(schedule.volunteer_names.get(v, f"#{v}") for v in o.volunteer_ids),
        group=o.group,
        recurring=session.recurring,
        cancelled=o.cancelled,
        moved=o.moved,
        reason=o.reason,
    )


def _keep(o: tt.Occurrence, volunteer_id: int | None, room_id: int | None, group: str | None) -> bool:
    return (
        (volunteer_id is None or volunteer_id in o.volunteer_ids)
        and (room_id is None or o.room_id == room_id)
        and (group is None or o.group == group)
    )


def week_grid(
    ctx: AppContext,
    programme_id: int,
    week_of: dt.date,
    *,
    volunteer_id: int | None = None,
    room_id: int | None = None,
    group: str | None = None,
) -> WeekGrid:
    """The week (Monday…Sunday) containing ``week_of`` in ``programme_id``: its occurrences placed by day and period,
    with every clash they are part of (with any programme) and the availability warnings. Filters show one
    volunteer's, room's or class's sessions; a teacher sees their own sessions only."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, volunteer_id)
    monday = tt.monday_of(week_of)
    sunday = monday + dt.timedelta(days=6)
    with ctx.db.read() as s:
        programme = load_programme(s, programme_id)
        schedule = load_schedule(
            s,
            first=min(monday, programme.starts_on) - dt.timedelta(days=1),
            last=max(sunday, programme.ends_on) + dt.timedelta(days=1),
        )
        info = schedule.programmes[programme_id]
        everything = schedule.occurrences()
        week = tt.in_window(everything, monday, sunday)
        shown = [
            o
            for o in week
            if schedule.sessions[o.session_id].programme_id == programme_id
            and o.start.date() >= monday
            and _keep(o, only, room_id, group)
        ]
        clashes = tt.clashes_with(shown, everything)
        warned = warning_texts(s, schedule, shown)
    infos = schedule.clash_infos(clashes)
    messages: dict[tuple[int, dt.date], list[str]] = {}
    for clash, clash_info in zip(clashes, infos, strict=True):
        for key in clash.keys:
            messages.setdefault(key, []).append(clash_info.message)
    warnings: dict[tuple[int, dt.date], list[str]] = {}
    for w, text in warned:
        warnings.setdefault(w.occurrence.key, []).append(text)
    cells = []
    for o in sorted(shown, key=lambda o: (o.start, o.title, o.session_id)):
        place = tt.grid_place(o, monday, info.periods)
        cells.append(
            GridCell(
                occurrence=occurrence_info(schedule, o),
                day=place.day,
                periods=place.periods,
                clash=o.key in messages,
                clash_messages=tuple(messages.get(o.key, ())),
                warnings=tuple(warnings.get(o.key, ())),
                may_edit=can_write_owned(ctx.actor, AREA, o.volunteer_ids),
            )
        )
    days = tuple(monday + dt.timedelta(days=i) for i in range(7))
    return WeekGrid(
        programme=info,
        monday=monday,
        days=days,
        in_programme=tuple(info.starts_on <= d <= info.ends_on for d in days),
        periods=info.periods,
        cells=tuple(cells),
        clashes=tuple(infos),
        warnings=tuple(summarise_warnings([t for _, t in warned], limit=20)),
    )


def programme_clashes(ctx: AppContext, programme_id: int) -> list[ClashInfo]:
    """Every clash of the programme's occurrences over all its dates, with any programme overlapping it."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, None)
    with ctx.db.read() as s:
        programme = load_programme(s, programme_id)
        schedule = load_schedule(
            s, first=programme.starts_on - dt.timedelta(days=1), last=programme.ends_on + dt.timedelta(days=1)
        )
    return clashes_of(schedule, programme_id, only)


def clashes_of(schedule: Schedule, programme_id: int, volunteer_id: int | None = None) -> list[ClashInfo]:
    everything = schedule.occurrences()
    mine = [
        o
        for o in everything
        if schedule.sessions[o.session_id].programme_id == programme_id and _keep(o, volunteer_id, None, None)
    ]
    return schedule.clash_infos(tt.clashes_with(mine, everything))


def occurrences_between(
    ctx: AppContext,
    first: dt.date,
    last: dt.date,
    *,
    volunteer_id: int | None = None,
    include_cancelled: bool = False,
) -> list[OccurrenceInfo]:
    """Every occurrence held between ``first`` and ``last`` (by where it really is), in time order; a teacher's
    own only. What the sign-in list, a teacher's "my sessions" and the activities of a day are made from."""
    require_see(ctx.actor)
    only = visible_volunteer(ctx.actor, volunteer_id)
    with ctx.db.read() as s:
        schedule = load_schedule(s, first=first - dt.timedelta(days=1), last=last + dt.timedelta(days=1))
    found = [
        o
        for o in tt.in_window(schedule.occurrences(), first, last)
        if first <= o.start.date() <= last
        and _keep(o, only, None, None)
        and (include_cancelled or not o.cancelled)
    ]
    return [
        occurrence_info(schedule, o) for o in sorted(found, key=lambda o: (o.start, o.title, o.session_id))
    ]
