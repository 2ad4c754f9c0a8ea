"""Headline counts for the overview page and ``stats --json`` (one function, so both show the same figures)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass

from sqlalchemy import func, select

from center_app.context import AppContext
from center_app.db.models import (
    Activity,
    AttendanceCode,
    AttendanceMark,
    AttendanceRegister,
    BookCopy,
    BookTitle,
    Child,
    EquipmentItem,
    Loan,
    Volunteer,
)


@dataclass(frozen=True)
class CentreCounts:
    titles: int
    copies: int
    children: int
    loans_open: int
    loans_overdue: int
    equipment_items: int
    volunteers: int
    activities: int
    activities_this_month: int
    attendance_marks: int
    attendance_today: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def counts(ctx: AppContext, today: dt.date | None = None) -> CentreCounts:
    today = today or dt.date.today()
    month_start = today.replace(day=1)

    def n(stmt) -> int:  # noqa: ANN001
        return int(s.scalar(stmt) or 0)

    with ctx.db.read() as s:
        open_loans = select(func.count()).select_from(Loan).where(Loan.returned_at.is_(None))
        return CentreCounts(
            titles=n(select(func.count()).select_from(BookTitle)),
            copies=n(select(func.count()).select_from(BookCopy).where(BookCopy.status != "withdrawn")),
            children=n(select(func.count()).select_from(Child).where(Child.status == "active")),
            loans_open=n(open_loans),
            loans_overdue=n(open_loans.where(Loan.due_on < today)),
            equipment_items=n(
                select(func.count()).select_from(EquipmentItem).where(EquipmentItem.status != "retired")
            ),
            volunteers=n(select(func.count()).select_from(Volunteer).where(Volunteer.active.is_(True))),
            activities=n(select(func.count()).select_from(Activity)),
            activities_this_month=n(
                select(func.count())
                .select_from(Activity)
                .where(Activity.on_date >= month_start, Activity.on_date <= today)
            ),
            attendance_marks=n(select(func.count()).select_from(AttendanceMark)),
            attendance_today=n(
                select(func.count(func.distinct(AttendanceMark.child_id)))
                .join(AttendanceRegister, AttendanceRegister.id == AttendanceMark.register_id)
                .join(AttendanceCode, AttendanceCode.code == AttendanceMark.code)
                .where(AttendanceRegister.on_date == today, AttendanceCode.counts_present.is_(True))
            ),
        )
