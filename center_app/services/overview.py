"""Headline counts for the overview page and ``stats --json`` (one function, so both show the same figures).

Counts only, no names: every signed-in role sees them (docs/permissions.md, "counts-only reports"), nobody does not.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, fields

from sqlalchemy import ColumnElement, ScalarSelect, func, select

from center_app.context import AppContext
from center_app.db.models import (
    Activity,
    AttendanceCode,
    AttendanceMark,
    AttendanceRegister,
    Base,
    BookCopy,
    BookTitle,
    Child,
    EquipmentItem,
    EquipmentLoan,
    Loan,
    Volunteer,
)
from center_app.domain.permissions import require_signed_in
from center_app.domain.states import ChildStatus, CopyStatus, ItemStatus


@dataclass(frozen=True)
class CentreCounts:
    titles: int
    copies: int
    children: int
    loans_open: int
    loans_overdue: int
    equipment_items: int
    equipment_out: int  # pieces of equipment out on open loans
    volunteers: int
    activities: int
    activities_this_month: int
    attendance_marks: int
    attendance_today: int

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


def zero_counts() -> CentreCounts:
    """The figures of a folder that holds no database yet (``stats`` never creates one)."""
    return CentreCounts(**{f.name: 0 for f in fields(CentreCounts)})


def counts(ctx: AppContext, today: dt.date | None = None) -> CentreCounts:
    require_signed_in(ctx.actor)
    today = today or dt.date.today()
    month_start = today.replace(day=1)

    def count(model: type[Base], *where: ColumnElement[bool]) -> ScalarSelect[int]:
        return select(func.count()).select_from(model).where(*where).scalar_subquery()

    open_loan = Loan.returned_at.is_(None)
    present_today = (
        select(func.count(func.distinct(AttendanceMark.child_id)))
        .join(AttendanceRegister, AttendanceRegister.id == AttendanceMark.register_id)
        .join(AttendanceCode, AttendanceCode.code == AttendanceMark.code)
        .where(AttendanceRegister.on_date == today, AttendanceCode.counts_present.is_(True))
        .scalar_subquery()
    )
    # One statement with scalar sub-queries: one round trip and one compile, which matters at start-up.
    stmt = select(
        count(BookTitle).label("titles"),
        count(BookCopy, BookCopy.status != CopyStatus.WITHDRAWN).label("copies"),
        count(Child, Child.status == ChildStatus.ACTIVE).label("children"),
        count(Loan, open_loan).label("loans_open"),
        count(Loan, open_loan, Loan.due_on < today).label("loans_overdue"),
        count(EquipmentItem, EquipmentItem.status != ItemStatus.RETIRED).label("equipment_items"),
        select(func.coalesce(func.sum(EquipmentLoan.quantity - EquipmentLoan.returned_quantity), 0))
        .where(EquipmentLoan.returned_at.is_(None))
        .scalar_subquery()
        .label("equipment_out"),
        count(Volunteer, Volunteer.active.is_(True)).label("volunteers"),
        count(Activity).label("activities"),
        count(Activity, Activity.on_date >= month_start, Activity.on_date <= today).label(
            "activities_this_month"
        ),
        count(AttendanceMark).label("attendance_marks"),
        present_today.label("attendance_today"),
    )
    with ctx.db.read() as s:
        row = s.execute(stmt).one()
    return CentreCounts(**{key: int(value or 0) for key, value in row._mapping.items()})
