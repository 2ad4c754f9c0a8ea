"""Reading statistics: what the library page shows and what the monthly (民政局) and donor reports reuse.

Plain dataclasses out, no Qt, no PDF. Definitions (the reports quote them, so they are fixed here):

- **A loan** (借阅) is one checkout. An undone checkout is deleted and never counts; a renewal is not a new loan.
- **Loans in a month** (``loans_per_month``) count checkouts by the local date they were made.
- **A book read** (阅读册次) in a period is a loan that was open at some moment of the period: taken out on or
  before its last day, and returned on or after its first day or still not returned. So a loan taken out on 28
  March and returned on 5 April is a book read in March *and* in April: per-month figures do not add up to the
  year's, and a year's figure must be computed over the year. A child who borrows the same title twice has two
  books read (``titles`` counts distinct titles).
- **Readers** are distinct children with at least one book read in the period.
- **Classes** are the children's *current* classes (the schema keeps no class history): after the summer promotion
  last year's reading shows under this year's class names.
- **Never borrowed** titles have at least one copy on the shelves (not lost or withdrawn) and no loan ever on any
  of their copies; the oldest acquisition comes first (a copy without ``acquired_on`` counts from when it was
  entered).

Dates are the PC's local dates; ``since`` / ``until`` are inclusive. Permissions: ``reports`` 读 or ``circulation``
读; lists that name children also need ``child.basic`` 读.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, and_, exists, func, or_, select, true
from sqlalchemy.orm import aliased

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, Child, DonationBatch, Loan
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.permissions import READ, allowed, denied_message, redact_child, require
from center_app.domain.pinyin import pinyin_keys, sort_key
from center_app.domain.states import ChildStatus, CopyStatus


@dataclass(frozen=True)
class MonthCount:
    month: str  # "YYYY-MM"
    loans: int


@dataclass(frozen=True)
class TitleCount:
    title_id: int
    title: str
    author: str
    loans: int
    readers: int  # distinct children


@dataclass(frozen=True)
class NeverBorrowed:
    title_id: int
    title: str
    author: str
    copies: int  # copies on the shelves (not lost or withdrawn)
    first_acquired: dt.date | None


@dataclass(frozen=True)
class ChildReading:
    child_id: int
    name: str
    class_name: str
    grade: int | None
    books: int  # books read (loans open during the period)
    titles: int  # distinct titles among them


@dataclass(frozen=True)
class DonorReading:
    """How a donor's books were read in a period: checkouts made in it of copies from the donor's batches."""

    donor_id: int
    first: dt.date
    last: dt.date
    copies: int  # copies received from the donor (every batch, whatever became of them)
    on_shelves: int  # of which not lost or withdrawn
    titles: int  # distinct titles among the copies received
    loans: int  # checkouts made in the period
    readers: int  # distinct children among them
    titles_lent: int  # distinct titles among them
    months: tuple[MonthCount, ...]  # checkouts per calendar month of the period, oldest first, zeros kept
    top: tuple[TitleCount, ...]  # the donor's titles most lent in the period


@dataclass(frozen=True)
class ClassReading:
    class_name: str
    grade: int | None
    books: int  # books read by the class's children in the period
    readers: int  # children of the class with at least one book read
    children: int  # active children in the class now (for "readers of children")


# --- helpers ------------------------------------------------------------------------------------------------


def _require_stats(ctx: AppContext, *, names_children: bool = False) -> None:
    role = ctx.actor.role
    if not (allowed(role, "reports", READ) or allowed(role, "circulation", READ)):
        raise PermissionDenied(denied_message(role, "reports", READ))
    if names_children:
        require(ctx.actor, "child.basic", READ)


def _utc_bound(day: dt.date) -> dt.datetime:
    """Local midnight starting ``day`` as naive UTC (what the loan columns store)."""
    return dt.datetime.combine(day, dt.time()).astimezone().astimezone(dt.UTC).replace(tzinfo=None)


def _local(instant: dt.datetime) -> dt.datetime:
    return instant.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _period(since: dt.date | None, until: dt.date | None) -> ColumnElement[bool]:
    """Loans open at some moment of [since, until] (inclusive local dates; either end may be open)."""
    if since and until and until < since:
        raise ValidationError("统计时段的结束日期不能早于开始日期。")
    conditions = []
    if until is not None:
        conditions.append(Loan.loaned_at < _utc_bound(until + dt.timedelta(days=1)))
    if since is not None:
        conditions.append(or_(Loan.returned_at.is_(None), Loan.returned_at >= _utc_bound(since)))
    return and_(true(), *conditions)


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def _month_start(day: dt.date, back: int) -> dt.date:
    index = day.year * 12 + day.month - 1 - back
    return dt.date(index // 12, index % 12 + 1, 1)


# --- statistics ---------------------------------------------------------------------------------------------


def loans_per_month(ctx: AppContext, months: int = 12, today: dt.date | None = None) -> list[MonthCount]:
    """Checkouts per calendar month for the last ``months`` months including this one, oldest first, zeros kept."""
    _require_stats(ctx)
    if months < 1:
        raise ValidationError("月数至少为 1。")
    today = today or dt.date.today()
    first = _month_start(today, months - 1)
    end = _month_start(today, -1)
    with ctx.db.read() as s:
        instants = s.scalars(
            select(Loan.loaned_at).where(
                Loan.loaned_at >= _utc_bound(first), Loan.loaned_at < _utc_bound(end)
            )
        ).all()
    # Bucketing in Python by local month keeps the SQL portable (no strftime vs to_char) and the time zone right.
    counts = Counter(_local(t).strftime("%Y-%m") for t in instants)
    keys = [_month_start(today, back).strftime("%Y-%m") for back in range(months - 1, -1, -1)]
    return [MonthCount(key, counts.get(key, 0)) for key in keys]


def most_borrowed(
    ctx: AppContext, limit: int = 10, since: dt.date | None = None, until: dt.date | None = None
) -> list[TitleCount]:
    """Titles by number of checkouts (made from ``since`` to ``until``, inclusive, where given), most first; ties
    by pinyin."""
    _require_stats(ctx)
    if since and until and until < since:
        raise ValidationError("统计时段的结束日期不能早于开始日期。")
    loans = func.count(Loan.id)
    stmt = (
        select(
            BookTitle.id, BookTitle.title, BookTitle.author, loans, func.count(func.distinct(Loan.child_id))
        )
        .join(BookCopy, BookCopy.title_id == BookTitle.id)
        .join(Loan, Loan.copy_id == BookCopy.id)
        .group_by(BookTitle.id, BookTitle.title, BookTitle.author)
        .order_by(loans.desc(), BookTitle.title_pinyin, BookTitle.id)
        .limit(limit)
    )
    if since is not None:
        stmt = stmt.where(Loan.loaned_at >= _utc_bound(since))
    if until is not None:
        stmt = stmt.where(Loan.loaned_at < _utc_bound(until + dt.timedelta(days=1)))
    with ctx.db.read() as s:
        rows = s.execute(stmt).all()
    return [TitleCount(r[0], r[1], r[2], int(r[3]), int(r[4])) for r in rows]


def never_borrowed(ctx: AppContext, limit: int | None = None) -> list[NeverBorrowed]:
    """Titles on the shelves whose copies were never lent, oldest acquisition first (candidates for a display)."""
    _require_stats(ctx)
    lent = aliased(BookCopy)  # a second copy alias: the outer query's BookCopy must not correlate into it
    ever_lent = exists().where(lent.title_id == BookTitle.id, Loan.copy_id == lent.id)
    stmt = (
        select(
            BookTitle.id,
            BookTitle.title,
            BookTitle.author,
            BookTitle.title_pinyin,
            func.count(BookCopy.id),
            func.min(BookCopy.acquired_on),
            func.min(BookCopy.created_at),
        )
        .join(BookCopy, BookCopy.title_id == BookTitle.id)
        .where(BookCopy.status.not_in((CopyStatus.LOST, CopyStatus.WITHDRAWN)), ~ever_lent)
        .group_by(BookTitle.id, BookTitle.title, BookTitle.author, BookTitle.title_pinyin)
    )
    with ctx.db.read() as s:
        rows = s.execute(stmt).all()
    items = []
    for title_id, title, author, title_pinyin, copies, acquired, created in rows:
        first = acquired or (_local(created).date() if created else None)
        items.append(
            (
                (first is None, first or dt.date.min, title_pinyin or sort_key(title), title_id),
                NeverBorrowed(title_id, title, author, int(copies), first),
            )
        )
    items.sort(key=lambda item: item[0])
    result = [row for _, row in items]
    return result if limit is None else result[:limit]


def books_read_per_child(
    ctx: AppContext, since: dt.date | None = None, until: dt.date | None = None
) -> list[ChildReading]:
    """Books read by each child in the period (see the module's definitions), children with none left out; by
    grade, class and pinyin."""
    _require_stats(ctx, names_children=True)
    stmt = (
        select(
            Child.id,
            Child.name,
            Child.name_pinyin,
            Child.class_name,
            Child.grade,
            func.count(Loan.id),
            func.count(func.distinct(BookCopy.title_id)),
        )
        .join(Loan, Loan.child_id == Child.id)
        .join(BookCopy, BookCopy.id == Loan.copy_id)
        .where(_period(since, until))
        .group_by(Child.id, Child.name, Child.name_pinyin, Child.class_name, Child.grade)
    )
    with ctx.db.read() as s:
        rows = s.execute(stmt).all()
    role = ctx.actor.role
    result = []
    for child_id, name, name_pinyin, class_name, grade, books, titles in rows:
        data = redact_child(role, {"id": child_id, "name": name, "class_name": class_name, "grade": grade})
        key = (grade is None, grade or 0, _natural(class_name), name_pinyin or pinyin_keys(name)[0], child_id)
        result.append(
            (key, ChildReading(child_id, data["name"], data["class_name"], data["grade"], books, titles))
        )
    result.sort(key=lambda item: item[0])
    return [row for _, row in result]


def per_class(ctx: AppContext, since: dt.date | None, until: dt.date | None) -> list[ClassReading]:
    """Books read and readers per (current) class in the period, with the class's active children; classes with
    active children but no reading are included (with zeros), so a report shows who is not reading."""
    _require_stats(ctx)
    reading_stmt = (
        select(
            Child.class_name,
            func.min(Child.grade),
            func.count(Loan.id),
            func.count(func.distinct(Loan.child_id)),
        )
        .join(Loan, Loan.child_id == Child.id)
        .where(_period(since, until))
        .group_by(Child.class_name)
    )
    roster_stmt = (
        select(Child.class_name, func.min(Child.grade), func.count(Child.id))
        .where(Child.status == ChildStatus.ACTIVE)
        .group_by(Child.class_name)
    )
    with ctx.db.read() as s:
        reading = {r[0]: r for r in s.execute(reading_stmt).all()}
        roster = {r[0]: r for r in s.execute(roster_stmt).all()}
    result = []
    for class_name in reading.keys() | roster.keys():
        read_row = reading.get(class_name)
        roster_row = roster.get(class_name)
        grade = roster_row[1] if roster_row is not None else read_row[1] if read_row is not None else None
        result.append(
            ClassReading(
                class_name=class_name,
                grade=grade,
                books=int(read_row[2]) if read_row else 0,
                readers=int(read_row[3]) if read_row else 0,
                children=int(roster_row[2]) if roster_row else 0,
            )
        )
    result.sort(key=lambda c: (c.grade is None, c.grade or 0, _natural(c.class_name)))
    return result


def donor_reading(
    ctx: AppContext, donor_id: int, since: dt.date, until: dt.date, *, top: int = 10
) -> DonorReading:
    """The donor's books in the period (the donor report): checkouts of copies from the donor's donation batches
    made between ``since`` and ``until`` (inclusive, local dates), readers and titles among them, per month, and
    the ``top`` titles most lent. Counts and titles only: no child is named."""
    _require_stats(ctx)
    if until < since:
        raise ValidationError("统计时段的结束日期不能早于开始日期。")
    theirs = select(BookCopy.id).join(DonationBatch, DonationBatch.id == BookCopy.batch_id)
    theirs = theirs.where(DonationBatch.donor_id == donor_id)
    with ctx.db.read() as s:
        copies = s.execute(
            select(BookCopy.title_id, BookCopy.status).where(BookCopy.id.in_(theirs.scalar_subquery()))
        ).all()
        loans = s.execute(
            select(Loan.loaned_at, Loan.child_id, BookCopy.title_id)
            .join(BookCopy, BookCopy.id == Loan.copy_id)
            .where(
                Loan.copy_id.in_(theirs.scalar_subquery()),
                Loan.loaned_at >= _utc_bound(since),
                Loan.loaned_at < _utc_bound(until + dt.timedelta(days=1)),
            )
        ).all()
        per_title = Counter(title_id for _, _, title_id in loans)
        readers_of: dict[int, set[int]] = {}
        for _, child_id, title_id in loans:
            readers_of.setdefault(title_id, set()).add(child_id)
        names = {
            r.id: r
            for r in s.execute(
                select(BookTitle.id, BookTitle.title, BookTitle.author, BookTitle.title_pinyin).where(
                    BookTitle.id.in_(list(per_title))
                )
            )
        }
    by_month = Counter(_local(t).strftime("%Y-%m") for t, _, _ in loans)
    months = []
    index = since.year * 12 + since.month - 1
    while index <= until.year * 12 + until.month - 1:
        key = f"{index // 12:04d}-{index % 12 + 1:02d}"
        months.append(MonthCount(key, by_month.get(key, 0)))
        index += 1
    ranked = sorted(
        per_title.items(),
        key=lambda kv: (-kv[1], names[kv[0]].title_pinyin or sort_key(names[kv[0]].title), kv[0]),
    )
    return DonorReading(
        donor_id=donor_id,
        first=since,
        last=until,
        copies=len(copies),
        on_shelves=sum(1 for _, status in copies if status not in (CopyStatus.LOST, CopyStatus.WITHDRAWN)),
        titles=len({title_id for title_id, _ in copies}),
        loans=len(loans),
        readers=len({child_id for _, child_id, _ in loans}),
        titles_lent=len(per_title),
        months=tuple(months),
        top=tuple(
            TitleCount(title_id, names[title_id].title, names[title_id].author, n, len(readers_of[title_id]))
            for title_id, n in ranked[:top]
        ),
    )
