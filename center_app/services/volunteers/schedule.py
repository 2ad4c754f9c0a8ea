"""The timetable as the clash check sees it, loaded inside a caller's session: programmes and their periods, every
session (lead and helpers, exceptions) as ``domain.timetable.Session``, and the names of volunteers and rooms.

``Schedule.occurrences`` expands each session over its own programme's dates, so a volunteer teaching in a term's
timetable and a summer programme that overlap in time is a clash too. ``clash_infos`` turns the domain's clashes
into plain rows with Chinese messages (the grid marks cells by ``session_id`` and ``slot_date``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.db.models import (
    Room,
    Timetable,
    TimetableException,
    TimetablePeriod,
    TimetableSlot,
    TimetableSlotVolunteer,
    Volunteer,
    VolunteerAvailability,
)
from center_app.domain import timetable as tt
from center_app.domain.errors import DomainError
from center_app.domain.states import ExceptionKind


@dataclass(frozen=True, slots=True)
class ProgrammeInfo:
    """A programme (a term's weekly timetable or a summer programme) with its periods."""

    id: int
    name: str
    kind: str
    starts_on: dt.date
    ends_on: dt.date
    periods: tuple[tt.Period, ...]
    sessions: int = 0

    @property
    def kind_label(self) -> str:
        return tt.programme_kind_label(self.kind)

    @property
    def weeks(self) -> list[dt.date]:
        return tt.weeks_of(self.starts_on, self.ends_on)

    @property
    def label(self) -> str:
        return f"{self.name}（{self.starts_on.month}月{self.starts_on.day}日–{self.ends_on.month}月{self.ends_on.day}日）"


@dataclass(frozen=True, slots=True)
class OccurrenceRef:
    """One occurrence named for people: what, when, where, who."""

    session_id: int
    slot_date: dt.date
    title: str
    start: dt.datetime
    end: dt.datetime
    room: str
    volunteers: tuple[str, ...]
    group: str

    @property
    def label(self) -> str:
        return tt.interval_label(self.start, self.end)


@dataclass(frozen=True, slots=True)
class ClashInfo:
    kind: str  # "volunteer" | "room"
    resource_id: int
    resource: str  # the volunteer's or the room's name
    message: str
    first: OccurrenceRef
    second: OccurrenceRef


class ClashRefused(DomainError):
    """Saving would double-book a volunteer or a room. ``clashes`` says which; saving anyway needs a reason."""

    def __init__(self, what: str, clashes: Sequence[ClashInfo], *, may_override: bool) -> None:
        shown = [c.message for c in clashes[:20]]
        if len(clashes) > 20:
            shown.append(f"……还有 {len(clashes) - 20} 处冲突")
        hint = (
            "请换个时间或教室；确需这样安排，请填写理由后选择“仍然保存”（会记入审计日志）。"
            if may_override
            else "请换个时间或教室，或请社工调整课表。"
        )
        super().__init__(f"{what}与已有安排冲突（{len(clashes)} 处）。{hint}", details="\n".join(shown))
        self.clashes = tuple(clashes)


@dataclass
class Schedule:
    programmes: dict[int, ProgrammeInfo] = field(default_factory=dict)
    sessions: dict[int, tt.Session] = field(default_factory=dict)
    volunteer_names: dict[int, str] = field(default_factory=dict)
    room_names: dict[int, str] = field(default_factory=dict)
    overrides: dict[int, str] = field(
        default_factory=dict
    )  # session id -> the reason it was saved with clashes

    def occurrences(self, sessions: Iterable[tt.Session] | None = None) -> list[tt.Occurrence]:
        result: list[tt.Occurrence] = []
        for session in self.sessions.values() if sessions is None else sessions:
            programme = self.programmes.get(session.programme_id)
            if programme is not None:
                result.extend(tt.expand(session, programme.starts_on, programme.ends_on))
        return result

    def name_of(self, kind: tt.ClashKind, resource_id: int) -> str:
        names = self.volunteer_names if kind == tt.ClashKind.VOLUNTEER else self.room_names
        return names.get(resource_id, f"#{resource_id}")

    def ref(self, occurrence: tt.Occurrence) -> OccurrenceRef:
        return OccurrenceRef(
            occurrence.session_id,
            occurrence.slot_date,
            occurrence.title,
            occurrence.start,
            occurrence.end,
            self.room_names.get(occurrence.room_id, "") if occurrence.room_id is not None else "",
            tuple(self.volunteer_names.get(v, f"#{v}") for v in occurrence.volunteer_ids),
            occurrence.group,
        )

    def clash_infos(self, clashes: Iterable[tt.Clash]) -> list[ClashInfo]:
        return [
            ClashInfo(
                c.kind.value,
                c.resource_id,
                self.name_of(c.kind, c.resource_id),
                tt.describe_clash(c, self.name_of),
                self.ref(c.first),
                self.ref(c.second),
            )
            for c in clashes
        ]


def periods_of(s: Session, programme_id: int) -> tuple[tt.Period, ...]:
    rows = s.scalars(
        select(TimetablePeriod)
        .where(TimetablePeriod.timetable_id == programme_id)
        .order_by(TimetablePeriod.number)
    )
    return tuple(tt.Period(p.number, p.label, p.start_time, p.end_time) for p in rows)


def programme_info(s: Session, programme: Timetable, sessions: int = 0) -> ProgrammeInfo:
    periods = periods_of(s, programme.id) or tt.DEFAULT_PERIODS.get(
        programme.kind, tt.DEFAULT_PERIODS["weekly"]
    )
    return ProgrammeInfo(
        programme.id,
        programme.name,
        programme.kind,
        programme.starts_on,
        programme.ends_on,
        periods,
        sessions,
    )


def to_session(
    slot: TimetableSlot, helpers: Sequence[int], exceptions: Sequence[TimetableException]
) -> tt.Session:
    lead = (slot.volunteer_id,) if slot.volunteer_id is not None else ()
    return tt.Session(
        id=slot.id,
        title=slot.course,
        start=slot.start_time,
        end=slot.end_time,
        volunteer_ids=tuple(dict.fromkeys((*lead, *helpers))),
        room_id=slot.room_id,
        weekday=slot.weekday,
        on_date=slot.on_date,
        changes=tuple(
            tt.Change(
                e.on_date,
                cancelled=e.kind == ExceptionKind.CANCELLED,
                new_date=e.new_date,
                new_start=e.new_start,
                new_end=e.new_end,
                new_room_id=e.new_room_id,
                reason=e.reason,
            )
            for e in exceptions
        ),
        group=slot.target_group,
        kind=slot.kind,
        programme_id=slot.timetable_id,
    )


def load_schedule(
    s: Session,
    *,
    first: dt.date | None = None,
    last: dt.date | None = None,
    programme_ids: Iterable[int] | None = None,
) -> Schedule:
    """Every session of the programmes that overlap ``first``…``last`` (or of ``programme_ids``), with names."""
    query = select(Timetable)
    if programme_ids is not None:
        query = query.where(Timetable.id.in_(list(programme_ids)))
    if first is not None:
        query = query.where(Timetable.ends_on >= first)
    if last is not None:
        query = query.where(Timetable.starts_on <= last)
    schedule = Schedule()
    programmes = list(s.scalars(query))
    periods: dict[int, list[tt.Period]] = {}
    ids = [p.id for p in programmes]
    if ids:
        for p in s.scalars(
            select(TimetablePeriod)
            .where(TimetablePeriod.timetable_id.in_(ids))
            .order_by(TimetablePeriod.number)
        ):
            periods.setdefault(p.timetable_id, []).append(
                tt.Period(p.number, p.label, p.start_time, p.end_time)
            )
    for programme in programmes:
        default = tt.DEFAULT_PERIODS.get(programme.kind, tt.DEFAULT_PERIODS["weekly"])
        schedule.programmes[programme.id] = ProgrammeInfo(
            programme.id,
            programme.name,
            programme.kind,
            programme.starts_on,
            programme.ends_on,
            tuple(periods.get(programme.id, ())) or default,
        )
    slots = list(s.scalars(select(TimetableSlot).where(TimetableSlot.timetable_id.in_(ids)))) if ids else []
    slot_ids = [slot.id for slot in slots]
    helpers: dict[int, list[int]] = {}
    exceptions: dict[int, list[TimetableException]] = {}
    for start in range(0, len(slot_ids), 500):
        chunk = slot_ids[start : start + 500]
        for slot_id, volunteer_id in s.execute(
            select(TimetableSlotVolunteer.slot_id, TimetableSlotVolunteer.volunteer_id)
            .where(TimetableSlotVolunteer.slot_id.in_(chunk))
            .order_by(TimetableSlotVolunteer.volunteer_id)
        ):
            helpers.setdefault(slot_id, []).append(volunteer_id)
        for e in s.scalars(select(TimetableException).where(TimetableException.slot_id.in_(chunk))):
            exceptions.setdefault(e.slot_id, []).append(e)
    for slot in slots:
        schedule.sessions[slot.id] = to_session(slot, helpers.get(slot.id, []), exceptions.get(slot.id, []))
        if slot.override_reason:
            schedule.overrides[slot.id] = slot.override_reason
    schedule.volunteer_names = {k: v for k, v in s.execute(select(Volunteer.id, Volunteer.name))}
    schedule.room_names = {k: v for k, v in s.execute(select(Room.id, Room.name))}
    return schedule


def availability(s: Session, volunteer_ids: Iterable[int]) -> dict[int, tt.Availability]:
    """What the warnings need to know of these volunteers: active, service dates, weekly windows."""
    ids = sorted(set(volunteer_ids))
    if not ids:
        return {}
    windows: dict[int, list[tt.Window]] = {}
    for r in s.scalars(select(VolunteerAvailability).where(VolunteerAvailability.volunteer_id.in_(ids))):
        windows.setdefault(r.volunteer_id, []).append(
            tt.Window(r.weekday, r.start_time, r.end_time, r.valid_from, r.valid_to)
        )
    return {
        v.id: tt.Availability(v.id, v.active, v.start_on, v.end_on, tuple(windows.get(v.id, ())))
        for v in s.scalars(select(Volunteer).where(Volunteer.id.in_(ids)))
    }


def warning_texts(
    s: Session, schedule: Schedule, occurrences: Sequence[tt.Occurrence]
) -> list[tuple[tt.AvailabilityWarning, str]]:
    """The availability warnings of ``occurrences``, each with its Chinese sentence."""
    info = availability(s, {v for o in occurrences for v in o.volunteer_ids})
    return [
        (
            w,
            tt.describe_warning(
                w, schedule.volunteer_names.get(w.volunteer_id, ""), info.get(w.volunteer_id)
            ),
        )
        for w in tt.availability_warnings(occurrences, info)
    ]


def summarise_warnings(texts: Sequence[str], limit: int = 5) -> list[str]:
    """At most ``limit`` sentences (a weekly session outside someone's availability warns every week)."""
    unique = list(dict.fromkeys(texts))
    if len(unique) <= limit:
        return unique
    return [*unique[:limit], f"……共 {len(unique)} 条提醒"]
