"""Reminders and the overview's chart: open days without a day register ("roll not taken"), and children
present per open day."""

from __future__ import annotations

import datetime as dt
from typing import Final, NamedTuple

from sqlalchemy import func, select

from center_app.context import AppContext
from center_app.db.models import AttendanceRegister, Child
from center_app.domain import attendance as rules
from center_app.domain.children import has_left
from center_app.domain.permissions import READ, require_any
from center_app.services.attendance._shared import MARK
from center_app.services.attendance.codes import read_context


class DaySummary(NamedTuple):
    day: dt.date
    present: int | None  # None: no roll taken that day
    expected: int  # children on the roll that day


def not_taken_days(ctx: AppContext, since: dt.date, until: dt.date) -> list[dt.date]:
    """Open days from ``since`` to ``until`` (never after today) without a day register — "roll not taken"."""
    require_any(ctx.actor, ("attendance", READ), ("reports", READ))
    until = min(until, dt.date.today())
    if until < since:
        return []
    with ctx.db.read() as s:
        c = read_context(s, since, until)
        taken = set(
            s.scalars(
                select(AttendanceRegister.on_date).where(
                    AttendanceRegister.activity_id.is_(None),
                    AttendanceRegister.on_date >= since,
                    AttendanceRegister.on_date <= until,
                )
            )
        )
    return [d for d in rules.open_days(since, until, c.settings.open_weekdays, c.closed) if d not in taken]


LOOKBACK_DAYS: Final = 400  # enough to find 30 open days across the longest closure (春节)


def last_open_days_summary(ctx: AppContext, n: int = 30, today: dt.date | None = None) -> list[DaySummary]:
    """The last ``n`` open days up to ``today``: children present (None = no roll taken) and children on the
    roll — the overview's chart. Counts only."""
    require_any(ctx.actor, ("attendance", READ), ("reports", READ))
    today = today or dt.date.today()
    earliest = today - dt.timedelta(days=LOOKBACK_DAYS)
    with ctx.db.read() as s:
        c = read_context(s, earliest, today)
        days = rules.open_days(earliest, today, c.settings.open_weekdays, c.closed)[-n:] if n > 0 else []
        if not days:
            return []
        reg = AttendanceRegister
        present_codes = [code.code for code in c.codes.codes if code.counts_present]
        present = dict(
            s.execute(
                select(reg.on_date, func.count())
                .join(MARK, MARK.c.register_id == reg.id)
                .where(
                    reg.activity_id.is_(None),
                    reg.on_date >= days[0],
                    reg.on_date <= today,
                    MARK.c.code.in_(present_codes),
                )
                .group_by(reg.on_date)
            ).all()
        )
        taken = set(
            s.scalars(
                select(reg.on_date).where(
                    reg.activity_id.is_(None), reg.on_date >= days[0], reg.on_date <= today
                )
            )
        )
        children = s.execute(select(Child.status, Child.enrolled_on, Child.left_on)).all()
    return [
        DaySummary(
            day,
            present.get(day, 0) if day in taken else None,
            sum(
                1
                for status, enrolled, left in children
                if (enrolled is None or enrolled <= day) and not has_left(status, left, day)
            ),
        )
        for day in days
    ]
