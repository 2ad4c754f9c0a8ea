from __future__ import annotations

import datetime as dt

from center_app.db.models import (
    Activity,
    AttendanceMark,
    AttendanceRegister,
    BookCopy,
    BookTitle,
    Child,
    EquipmentItem,
    Loan,
    Volunteer,
)
from center_app.services import overview

TODAY = dt.date(2026, 11, 27)


def test_empty_centre_counts_zero(ctx) -> None:
    assert set(overview.counts(ctx, TODAY).as_dict().values()) == {0}


def test_counts_follow_the_records(ctx) -> None:
    with ctx.db.session() as s:
        title = BookTitle(title="西游记", author="吴承恩")
        s.add(title)
        s.flush()
        copies = [BookCopy(title_id=title.id, barcode=f"T{i}", status=st)
                  for i, st in enumerate(["available", "on_loan", "on_loan", "withdrawn"])]
        kids = [Child(name="王子涵", status="active"), Child(name="李明", status="active"), Child(name="黄芳", status="left")]
        s.add_all(copies + kids)
        s.flush()
        s.add_all([
            Loan(copy_id=copies[1].id, child_id=kids[0].id, due_on=TODAY + dt.timedelta(days=3)),
            Loan(copy_id=copies[2].id, child_id=kids[1].id, due_on=TODAY - dt.timedelta(days=1)),
            Loan(copy_id=copies[0].id, child_id=kids[1].id, due_on=TODAY - dt.timedelta(days=30),
                 returned_at=dt.datetime(2026, 10, 1)),
            EquipmentItem(name="篮球", quantity_total=10),
            EquipmentItem(name="旧风琴", status="retired"),
            Volunteer(name="周老师"),
            Volunteer(name="离开的志愿者", active=False),
            Activity(title="绘本共读", on_date=TODAY),
            Activity(title="上月美术", on_date=dt.date(2026, 10, 20)),
        ])
        register = AttendanceRegister(on_date=TODAY)
        s.add(register)
        s.flush()
        s.add_all([
            AttendanceMark(register_id=register.id, child_id=kids[0].id, code="P"),
            AttendanceMark(register_id=register.id, child_id=kids[1].id, code="A"),
            AttendanceMark(register_id=register.id, child_id=kids[2].id, code="L"),
        ])
    figures = overview.counts(ctx, TODAY)
    assert figures.titles == 1
    assert figures.copies == 3  # withdrawn copies no longer count
    assert figures.children == 2
    assert figures.loans_open == 2
    assert figures.loans_overdue == 1
    assert figures.equipment_items == 1
    assert figures.volunteers == 1
    assert figures.activities == 2
    assert figures.activities_this_month == 1
    assert figures.attendance_marks == 3
    assert figures.attendance_today == 2  # present and late both count as there
