"""The timetable's sessions as activities to record: the occurrences of a day (or a few), which of them are already
recorded, and the form prefilled from one — its title, kind, time, room and volunteers (lead first). An
occurrence is ``(session id, the date it was planned for)``, as the timetable and service hours name it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Activity
from center_app.domain import timetable as tt
from center_app.domain.activities import ActivityInput
from center_app.domain.errors import ValidationError
from center_app.domain.states import ActivityKind
from center_app.services.activities._shared import occurrence_of, own_volunteer, require_see
from center_app.services.volunteers.schedule import load_schedule

MAX_DAYS = 62


@dataclass(frozen=True)
class PlannedSession:
    """One occurrence on the timetable, where and when it really is; ``activity_id`` once it is recorded."""

    session_id: int
    slot_date: dt.date
    title: str
    kind: str
    start: dt.datetime
    end: dt.datetime
    room_id: int | None
    room: str
    volunteer_ids: tuple[int, ...]
    volunteers: tuple[str, ...]
    group: str
    programme: str
    moved: bool
    activity_id: int | None

    @property
    def label(self) -> str:
        """``6月3日 15:30–16:30 绘本共读（李老师、王同学）``."""
        who = f"（{'、'.join(self.volunteers)}）" if self.volunteers else ""
        return f"{self.start.month}月{self.start.day}日 {self.start:%H:%M}–{self.end:%H:%M} {self.title}{who}"

    @property
    def recorded(self) -> bool:
        return self.activity_id is not None


def _kind(kind: str) -> ActivityKind:
    try:
        return ActivityKind(kind)
    except ValueError:
        return ActivityKind.OTHER


def planned_sessions(ctx: AppContext, first: dt.date, last: dt.date) -> list[PlannedSession]:
    """The timetable's occurrences held between ``first`` and ``last`` (not cancelled), in time order, each with
    the activity recorded for it, if any. A teacher gets only the sessions they teach in."""
    require_see(ctx.actor)
    if last < first:
        first, last = last, first
    if (last - first).days > MAX_DAYS:
        raise ValidationError(f"一次最多查看 {MAX_DAYS} 天的课表。")
    mine = own_volunteer(ctx.actor)
    with ctx.db.read() as s:
        schedule = load_schedule(s, first=first - dt.timedelta(days=1), last=last + dt.timedelta(days=1))
        found = [
            o
            for o in tt.in_window(schedule.occurrences(), first, last)
            if first <= o.start.date() <= last
            and not o.cancelled
            and (mine is None or mine in o.volunteer_ids)
        ]
        ids = sorted({o.session_id for o in found})
        recorded: dict[tuple[int, dt.date], int] = {}
        if ids:
            for activity_id, slot_id, slot_date in s.execute(
                select(Activity.id, Activity.slot_id, Activity.slot_date).where(Activity.slot_id.in_(ids))
            ):
                if slot_id is not None and slot_date is not None:
                    recorded[(slot_id, slot_date)] = activity_id
    result = []
    for o in sorted(found, key=lambda o: (o.start, o.title, o.session_id)):
        programme = schedule.programmes.get(schedule.sessions[o.session_id].programme_id)
        result.append(
            PlannedSession(
                session_id=o.session_id,
                slot_date=o.slot_date,
                title=o.title,
                kind=str(_kind(o.kind)),
                start=o.start,
                end=o.end,
                room_id=o.room_id,
                room=schedule.room_names.get(o.room_id, "") if o.room_id is not None else "",
                volunteer_ids=o.volunteer_ids,
                volunteers=tuple(schedule.volunteer_names.get(v, f"#{v}") for v in o.volunteer_ids),
                group=o.group,
                programme=programme.name if programme is not None else "",
                moved=o.moved,
                activity_id=recorded.get(o.key),
            )
        )
    return result


def draft_from_session(ctx: AppContext, session_id: int, slot_date: dt.date) -> ActivityInput:
    """The activity form filled from a timetable occurrence: title, kind, the date and time it was held, room,
    volunteers (lead first), what it was for (the group) as the description's start."""
    require_see(ctx.actor)
    mine = own_volunteer(ctx.actor)
    with ctx.db.read() as s:
        occurrence, _programme = occurrence_of(s, session_id, slot_date)
    if mine is not None and mine not in occurrence.volunteer_ids:
        raise ValidationError(f"“{occurrence.title}”不是你的课，不能替别人记录。如需代记，请联系社工。")
    same_day = occurrence.start.date() == occurrence.end.date()
    return ActivityInput(
        title=occurrence.title,
        on_date=occurrence.start.date(),
        kind=_kind(occurrence.kind),
        start_time=occurrence.start.time(),
        end_time=occurrence.end.time() if same_day else None,
        room_id=occurrence.room_id,
        volunteer_ids=occurrence.volunteer_ids,
        description=f"对象：{occurrence.group}" if occurrence.group else "",
        session_id=session_id,
        slot_date=slot_date,
    )
