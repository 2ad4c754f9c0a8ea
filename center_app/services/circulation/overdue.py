"""Overdue loans: the list, and the per-class slips sent home (printed with the centre's name; children's data
leaving the program is audited first)."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import (
    BookCopy,
    BookTitle,
    Child,
    Guardian,
    Loan,
)
from center_app.domain.children import roll_order
from center_app.domain.errors import ValidationError
from center_app.domain.loan_rules import overdue_days
from center_app.domain.permissions import (
    READ,
    allowed,
    redact_child,
    require,
)
from center_app.services.circulation.common import (
    local_date,
    moment,
)


@dataclass(frozen=True)
class OverdueRow:
    """One overdue loan, for the list and the per-class slips sent home.

    ``guardian_*`` are the primary guardian's, blank unless the actor may see ``child.family`` (name, relation)
    and ``child.phones`` (phone): a librarian prints slips with the child's name and class only.
    """

    loan_id: int
    child_id: int
    child_name: str
    class_name: str
    grade: int | None
    guardian_name: str
    guardian_relation: str
    guardian_phone: str
    title: str
    barcode: str
    loaned_on: dt.date
    due_on: dt.date
    overdue_days: int


def overdue_loans(
    ctx: AppContext, today: dt.date | None = None, class_name: str | None = None
) -> list[OverdueRow]:
    """Open loans past their due date, by grade, class, child (pinyin) and due date — the desk prints one slip per
    class from this. Guardian name/relation need ``child.family``, the phone ``child.phones``; otherwise blank."""
    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    today, _ = moment(today)
    role = ctx.actor.role
    stmt = (
        select(Loan, Child, BookCopy.barcode, BookTitle.title)
        .join(Child, Child.id == Loan.child_id)
        .join(BookCopy, BookCopy.id == Loan.copy_id)
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .where(Loan.returned_at.is_(None), Loan.due_on < today)
    )
    if class_name is not None:
        stmt = stmt.where(Child.class_name == class_name)
    with ctx.db.read() as s:
        rows = s.execute(stmt).all()
        guardians: dict[int, Guardian] = {}
        # Skip the query entirely for a role that could not see the result.
        if rows and (allowed(role, "child.family", READ) or allowed(role, "child.phones", READ)):
            child_ids = {child.id for _, child, _, _ in rows}
            for guardian in s.scalars(
                select(Guardian)
                .where(Guardian.child_id.in_(child_ids))
                .order_by(Guardian.is_primary.desc(), Guardian.id)
            ):
                guardians.setdefault(guardian.child_id, guardian)  # primary guardian, else first one entered
    result = []
    for loan, child, barcode, title in rows:
        g = guardians.get(child.id)
        data = redact_child(
            role,
            {
                "id": child.id,
                "name": child.name,
                "class_name": child.class_name,
                "grade": child.grade,
                "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone}] if g else [],
            },
        )
        guardian = data["guardians"][0] if data["guardians"] else {}
        result.append(
            (
                roll_order(child.grade, child.class_name, child.name, child.name_pinyin),
                loan.due_on,
                OverdueRow(
                    loan_id=loan.id,
                    child_id=child.id,
                    child_name=data["name"],
                    class_name=data["class_name"],
                    grade=data["grade"],
                    guardian_name=guardian.get("name", "") or "",
                    guardian_relation=guardian.get("relation", "") or "",
                    guardian_phone=guardian.get("phone", "") or "",
                    title=title,
                    barcode=barcode,
                    loaned_on=local_date(loan.loaned_at),
                    due_on=loan.due_on,
                    overdue_days=overdue_days(loan.due_on, today),
                ),
            )
        )
    result.sort(key=lambda item: (item[0], item[1], item[2].loan_id))
    return [row for _, _, row in result]


@dataclass(frozen=True)
class SlipsPrinted:
    path: Path
    children: int  # one slip each
    books: int


def print_overdue_slips(
    ctx: AppContext,
    path: str | os.PathLike[str],
    *,
    class_name: str | None = None,
    today: dt.date | None = None,
) -> SlipsPrinted:
    """One overdue slip per child (of ``class_name``, or every class) to a PDF at ``path`` — the children's names,
    their books and (if the actor may see them) their guardians' names. Audited before the PDF is written
    (``roster.write_personal_file``), so the log knows every file of slips there is."""
    from center_app.reports.overdue_slips import OverdueBook, OverdueSlip, overdue_slips_pdf
    from center_app.services.roster import write_personal_file
    from center_app.services.settings import get_centre

    require(ctx.actor, "circulation", READ)
    require(ctx.actor, "child.basic", READ)
    today, _ = moment(today)
    rows = overdue_loans(ctx, today, class_name)
    per_child: dict[int, list[OverdueRow]] = {}
    for row in rows:  # already in class / child order
        per_child.setdefault(row.child_id, []).append(row)
    slips = [
        OverdueSlip(
            child_name=books[0].child_name,
            class_name=books[0].class_name,
            guardian_name=books[0].guardian_name,
            books=[OverdueBook(b.title, b.barcode, b.due_on, b.overdue_days) for b in books],
        )
        for books in per_child.values()
    ]
    if not slips:  # said before anything is audited
        raise ValidationError("没有逾期未还的图书，不需要打印催还单。")
    centre = get_centre(ctx)
    target = Path(path)
    write_personal_file(
        ctx,
        target,
        lambda out: overdue_slips_pdf(
            out, slips, centre_name=centre.name, centre_phone=centre.phone, today=today
        ),
        action="print",
        what="打印逾期催还单",
        rows=len(slips),
        needs=("circulation", "child.basic"),
    )
    return SlipsPrinted(target, len(slips), len(rows))


def group_by_class(rows: Iterable[OverdueRow]) -> dict[str, list[OverdueRow]]:
    """Rows (already sorted by ``overdue_loans``) per class name, in order — one printed slip per class."""
    groups: dict[str, list[OverdueRow]] = {}
    for row in rows:
        groups.setdefault(row.class_name, []).append(row)
    return groups
