"""What the desk's modules share: the borrower as the desk sees them, scanned codes, the moment of an action,
finding a copy and a child's open loans, and the rule that says whether a child may borrow another book."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Row, and_, select
from sqlalchemy.orm import Session

from center_app.db.models import BookCopy, BookTitle, Child, Loan, utcnow
from center_app.domain.loan_rules import GradeRule, grade_label, overdue_days
from center_app.domain.permissions import redact_child
from center_app.domain.states import ChildStatus


@dataclass(frozen=True)
class BorrowerRow:
    """A child as the desk sees it: ``child.basic`` only (the librarian may see nothing more)."""

    id: int
    name: str
    class_name: str
    grade: int | None
    card_barcode: str | None

    @property
    def label(self) -> str:
        """``三年级2班 王子涵`` — how the desk names a child (class first: there are two 王子涵 in most schools)."""
        return f"{self.class_name} {self.name}" if self.class_name else self.name


def clean_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def variants(code: str) -> list[str]:
    # IN (as typed, UPPER, lower) stays on the unique index, unlike lower(barcode) = ?, and covers Caps Lock.
    return list(dict.fromkeys((code, code.upper(), code.lower())))


def moment(today: dt.date | None) -> tuple[dt.date, dt.datetime]:
    """(local date, naive UTC instant) of an action: now, or the current time of day on ``today`` when another
    day is given (a back-dated entry keeps distinct, ordered instants)."""
    local_today = dt.date.today()
    if today is None or today == local_today:
        return local_today, utcnow()
    local = dt.datetime.combine(today, dt.datetime.now().time()).astimezone()  # naive → the PC's local zone
    return today, local.astimezone(dt.UTC).replace(tzinfo=None)


def local_date(instant: dt.datetime) -> dt.date:
    return instant.replace(tzinfo=dt.UTC).astimezone().date()


def cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def borrower_row(role: str, child: Child) -> BorrowerRow:
    data = redact_child(
        role,
        {
            "id": child.id,
            "name": child.name,
            "class_name": child.class_name,
            "grade": child.grade,
            "card_barcode": child.card_barcode,
        },
    )
    return BorrowerRow(**data)


CopyHit = tuple[BookCopy, str, Loan | None, Child | None]


def find_copy(s: Session, code: str) -> CopyHit | None:
    """The copy with this barcode, its title, its open loan and that loan's child — one indexed statement."""
    if not code:
        return None
    # Loan and Child are None for a copy on the shelf (outer joins).
    rows: Sequence[Row[BookCopy, str, Loan | None, Child | None]] = s.execute(
        select(BookCopy, BookTitle.title, Loan, Child)
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .outerjoin(Loan, and_(Loan.copy_id == BookCopy.id, Loan.returned_at.is_(None)))
        .outerjoin(Child, Child.id == Loan.child_id)
        .where(BookCopy.barcode.in_(variants(code)))
        .order_by(BookCopy.id, Loan.id)
    ).all()
    if not rows:
        return None
    # "b12" and "B12" could both exist; the exact spelling wins.
    exact = [r for r in rows if r[0].barcode == code]
    row = (exact or rows)[0]
    return row[0], row[1], row[2], row[3]


def held_loans(s: Session, child_id: int) -> list[Row[Loan, str, str]]:
    return list(
        s.execute(
            select(Loan, BookCopy.barcode, BookTitle.title)
            .join(BookCopy, BookCopy.id == Loan.copy_id)
            .join(BookTitle, BookTitle.id == BookCopy.title_id)
            .where(Loan.child_id == child_id, Loan.returned_at.is_(None))
            .order_by(Loan.due_on, Loan.id)
        ).all()
    )


def borrow_refusal(
    child: Child,
    held: Sequence[tuple[dt.date, str]],
    rule: GradeRule,
    block_when_overdue: bool,
    today: dt.date,
) -> str:
    """Why this child may not borrow another book now ("" if they may). ``held`` = (due_on, title) of open loans."""
    if child.status != ChildStatus.ACTIVE:
        return f"{child.name} 已不在中心登记，不能借书。如有疑问请联系社工。"
    late = sorted(((overdue_days(due, today), title) for due, title in held if due < today), reverse=True)
    if block_when_overdue and late:
        days, title = late[0]
        more = f"等 {len(late)} 本书" if len(late) > 1 else ""
        return f"{child.name} 有书逾期未还（《{title}》{more}逾期 {days} 天），请先还书再借。"
    if len(held) >= rule.max_books:
        who = grade_label(child.grade) if rule.covers(child.grade if child.grade is not None else -1) else ""
        return f"{child.name} 已借 {len(held)} 本，{who}每人最多 {rule.max_books} 本。"
    return ""
