"""Read-only look-ups about activities for the roll call: which sessions a date has, and who leads them.

The roll call offers "the day register" plus the day's sessions. A teacher (attendance 仅本人) gets only the
sessions they lead — the others' registers are not theirs to open — so the choice never offers what the service
would refuse. Staff and admin get every session of the date.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import Activity, ActivityVolunteer, Volunteer
from center_app.domain.errors import PermissionDenied
from center_app.domain.permissions import OWN, READ, allowed, can_mark_register, denied_message


@dataclass(frozen=True)
class SessionChoice:
    """One activity of a date, as the roll call's register choice lists it."""

    activity_id: int
    title: str
    on_date: dt.date
    start_time: dt.time | None
    end_time: dt.time | None
    volunteers: tuple[str, ...]  # names of the volunteers leading or assisting, lead first
    may_edit: bool  # the actor may take this session's roll

    @property
    def label(self) -> str:
        """ "15:30–16:30 美术课（李老师、王同学）" — the time first, as on the timetable."""
        times = ""
        if self.start_time is not None:
            times = f"{self.start_time:%H:%M}"
            if self.end_time is not None:
                times += f"–{self.end_time:%H:%M}"
            times += " "
        who = f"（{'、'.join(self.volunteers)}）" if self.volunteers else ""
        return f"{times}{self.title}{who}"


def sessions_on(ctx: AppContext, on_date: dt.date) -> list[SessionChoice]:
    """The activities held on ``on_date`` in time order (untimed last); for a teacher, only their own."""
    actor = ctx.actor
    if not (allowed(actor.role, "attendance", READ) or allowed(actor.role, "attendance", OWN)):
        raise PermissionDenied(denied_message(actor.role, "attendance", READ))
    see_all = allowed(actor.role, "attendance", READ)
    with ctx.db.read() as s:
        activities = s.execute(
            select(Activity.id, Activity.title, Activity.on_date, Activity.start_time, Activity.end_time)
            .where(Activity.on_date == on_date)
            .order_by(Activity.start_time.is_(None), Activity.start_time, Activity.title, Activity.id)
        ).all()
        ids = [a.id for a in activities]
        people: dict[int, list[tuple[int, str, str]]] = {}
        if ids:
            for activity_id, volunteer_id, name, role in s.execute(
                select(
                    ActivityVolunteer.activity_id,
                    ActivityVolunteer.volunteer_id,
                    Volunteer.name,
                    ActivityVolunteer.role,
                )
                .join(Volunteer, Volunteer.id == ActivityVolunteer.volunteer_id)
                .where(ActivityVolunteer.activity_id.in_(ids))
                .order_by(ActivityVolunteer.role != "lead", Volunteer.id)
            ):
                people.setdefault(activity_id, []).append((volunteer_id, name, role))
    result = []
    for a in activities:
        crew = people.get(a.id, [])
        volunteer_ids = [vid for vid, _, _ in crew]
        may_edit = can_mark_register(actor, volunteer_ids)
        if not see_all and not may_edit:
            continue  # a teacher sees only the sessions they lead
        result.append(
            SessionChoice(
                a.id,
                a.title,
                a.on_date,
                a.start_time,
                a.end_time,
                tuple(name for _, name, _ in crew),
                may_edit,
            )
        )
    return result
