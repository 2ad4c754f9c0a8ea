"""The monthly register: children × the month's days from the day registers, with totals — on screen, as an
Excel sheet and printed."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import AttendanceRegister, Child
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig, Tally
from center_app.domain.children import has_left, on_roll, roll_order
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, require
from center_app.services.attendance._shared import CHILD_COLUMNS, MARK, basic_fields
from center_app.services.attendance.codes import read_context


@dataclass(frozen=True)
class MonthlyRow:
    child_id: int
    name: str
    class_name: str
    grade: int | None
    cells: tuple[str | None, ...]  # code per column of ``MonthlyRegister.days``; None = no mark
    tally: Tally

    @property
    def rate(self) -> float | None:
        return self.tally.rate


@dataclass(frozen=True)
class DayColumn:
    day: dt.date
    is_open: bool  # False: a register was taken on a day the calendar says is closed (an event day)
    taken: bool  # a day register exists
    tally: Tally
    expected: int  # children of the register's rows on the roll that day


@dataclass(frozen=True)
class MonthlyRegister:
    year: int
    month: int
    class_name: str | None
    days: tuple[DayColumn, ...]
    rows: tuple[MonthlyRow, ...]
    total: Tally
    codes: CodeConfig

    @property
    def rate(self) -> float | None:
        return self.total.rate

    @property
    def title(self) -> str:
        who = f"（{self.class_name}）" if self.class_name else ""
        return f"{self.year}年{self.month}月 考勤表{who}"


def monthly_register(
    ctx: AppContext, year: int, month: int, *, class_name: str | None = None
) -> MonthlyRegister:
    """Children × days of the month from the day registers, with totals per child, per day and overall.

    Columns: the month's open days, plus any day a day register was taken although the calendar says closed (an
    event day — its marks count). Rows: children on the roll at some time in the month (or marked in it), of
    ``class_name`` if given, in register order (grade, class, pinyin).
    """
    require(ctx.actor, "attendance", READ)
    require(ctx.actor, "child.basic", READ)
    first, last = rules.month_bounds(year, month)
    with ctx.db.read() as s:
        c = read_context(s, first, last)
        reg = AttendanceRegister
        marks = s.execute(
            select(MARK.c.child_id, reg.on_date, MARK.c.code)
            .join(reg, reg.id == MARK.c.register_id)
            .where(reg.activity_id.is_(None), reg.on_date >= first, reg.on_date <= last)
        ).all()
        taken = set(
            s.scalars(
                select(reg.on_date).where(
                    reg.activity_id.is_(None), reg.on_date >= first, reg.on_date <= last
                )
            )
        )
        query = select(*CHILD_COLUMNS)
        if class_name is not None:
            query = query.where(Child.class_name == class_name)
        children = s.execute(query).all()
    open_set = set(rules.open_days(first, last, c.settings.open_weekdays, c.closed))
    days = sorted(open_set | taken)
    column = {day: i for i, day in enumerate(days)}
    cells: dict[int, list[str | None]] = {}
    marked = {child_id for child_id, _, _ in marks}
    role = ctx.actor.role
    kept = [r for r in children if r.id in marked or on_roll(r.status, r.enrolled_on, r.left_on, first, last)]
    kept.sort(key=lambda r: roll_order(r.grade, r.class_name, r.name, r.name_pinyin))
    for r in kept:
        cells[r.id] = [None] * len(days)
    for child_id, day, code in marks:
        row = cells.get(child_id)
        if row is not None:
            row[column[day]] = code
    rows = []
    for r in kept:
        data = basic_fields(role, r)
        rows.append(
            MonthlyRow(
                r.id,
                data["name"],
                data["class_name"],
                data["grade"],
                tuple(cells[r.id]),
                rules.tally(cells[r.id], c.codes),
            )
        )
    columns = []
    for i, day in enumerate(days):
        expected = sum(
            1
            for r in kept
            if (r.enrolled_on is None or r.enrolled_on <= day) and not has_left(r.status, r.left_on, day)
        )
        columns.append(
            DayColumn(
                day,
                day in open_set,
                day in taken,
                rules.tally((row.cells[i] for row in rows), c.codes),
                expected,
            )
        )
    total = rules.tally((code for row in rows for code in row.cells), c.codes)
    return MonthlyRegister(year, month, class_name, tuple(columns), tuple(rows), total, c.codes)


def _rate_percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def export_monthly_register_xlsx(ctx: AppContext, register: MonthlyRegister, path: str | Path) -> Path:
    """The register as one wide sheet: a column per day (the printed symbols), totals per child, and rows of
    totals per day. Children's names leave the program, so the export is recorded in the audit log."""
    require(ctx.actor, "attendance", READ)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("请选择 .xlsx 文件名。")
    from center_app.importing import write_xlsx
    from center_app.services.roster import write_personal_file

    codes = register.codes
    headers = [
        "姓名",
        "班级",
        *(f"{d.day.day}日({rules.weekday_letter(d.day)})" for d in register.days),
        "出勤",
        "缺勤",
        "迟到",
        "请假",
        "出勤率(%)",
    ]
    rows: list[list[object]] = [
        [
            row.name,
            row.class_name,
            *(codes.symbol(code) for code in row.cells),
            row.tally.present,
            row.tally.absent,
            row.tally.late,
            row.tally.excused,
            _rate_percent(row.rate),
        ]
        for row in register.rows
    ]
    t = register.total
    for label, value, overall in (
        ("出勤人次", lambda d: d.tally.present, [t.present, None, None, None, None]),
        ("缺勤人次", lambda d: d.tally.absent, [None, t.absent, None, None, None]),
        ("迟到人次", lambda d: d.tally.late, [None, None, t.late, None, None]),
        ("请假人次", lambda d: d.tally.excused, [None, None, None, t.excused, None]),
        ("出勤率(%)", lambda d: _rate_percent(d.tally.rate), [None, None, None, None, _rate_percent(t.rate)]),
    ):
        rows.append([label, "", *(value(d) for d in register.days), *overall])
    write_personal_file(
        ctx,
        target,
        lambda path: write_xlsx(
            path,
            headers,
            rows,
            sheet_title=f"{register.year}年{register.month}月考勤",
            title=register.title,
            landscape=True,
        ),
        action="export",
        what=f"导出{register.title}",
        rows=len(register.rows),
        needs=("attendance", "child.basic"),
    )
    return target


def write_monthly_register_pdf(ctx: AppContext, register: MonthlyRegister, path: str | Path) -> Path:
    """Print the register (``reports.monthly_register``) with the centre's name; recorded in the audit log."""
    require(ctx.actor, "attendance", READ)
    from center_app.reports.monthly_register import monthly_register_pdf
    from center_app.services.roster import write_personal_file
    from center_app.services.settings import get_centre

    if not register.rows:  # said before anything is audited (the writer would refuse it after)
        raise ValidationError(f"{register.title}没有可以打印的儿童。")
    centre_name = get_centre(ctx).name
    return write_personal_file(
        ctx,
        path,
        lambda target: monthly_register_pdf(target, register, centre_name=centre_name),
        action="print",
        what=f"打印{register.title}",
        rows=len(register.rows),
        needs=("attendance", "child.basic"),
    )
