"""Titles: add (with its first copies), add copies, edit, look up, delete an empty one."""

from __future__ import annotations

import datetime as dt
import unicodedata
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Loan
from center_app.domain import books
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.pinyin import pinyin_keys
from center_app.services import audit
from center_app.services.catalog.common import (
    MAX_COPIES_AT_ONCE,
    MAX_LOCATION_CHARS,
    BarcodeAllocator,
    CallNumberer,
    CopyInfo,
    DuplicateTitle,
    copy_infos,
    find_duplicate,
)


@dataclass(frozen=True, slots=True)
class TitleDetail:
    id: int
    title: str
    author: str
    publisher: str
    pub_year: int | None
    isbn13: str | None
    clc_class: str
    call_number: str
    grade_band: str
    subjects: str
    price_fen: int | None
    notes: str
    title_pinyin: str
    title_initials: str
    copies: tuple[CopyInfo, ...] = ()

    def count(self, status: str) -> int:
        return sum(1 for c in self.copies if c.status == status)

    @property
    def available(self) -> int:
        return self.count(books.AVAILABLE)

    @property
    def on_loan(self) -> int:
        return self.count(books.ON_LOAN)

    @property
    def holdings(self) -> int:
        """Copies the library still owns (everything but withdrawn)."""
        return sum(1 for c in self.copies if c.status != books.WITHDRAWN)


@dataclass(frozen=True, slots=True)
class TitleResult:
    title_id: int
    call_number: str
    barcodes: tuple[str, ...]


def _location(text: str) -> str:
    value = " ".join(unicodedata.normalize("NFKC", text or "").split())
    if len(value) > MAX_LOCATION_CHARS:
        raise ValidationError(f"馆藏位置不能超过{MAX_LOCATION_CHARS}个字。")
    return value


def _copy_count(n: int, *, minimum: int) -> int:
    if isinstance(n, bool) or not isinstance(n, int) or not minimum <= n <= MAX_COPIES_AT_ONCE:
        raise ValidationError(f"册数应在 {minimum} 到 {MAX_COPIES_AT_ONCE} 之间。")
    return n


def _batch_day(s: Session, batch_id: int | None) -> dt.date:
    if batch_id is None:
        return dt.date.today()
    batch = s.get(DonationBatch, batch_id)
    if batch is None:
        raise NotFound("找不到这个捐赠批次，它可能已被删除。")
    return batch.received_on


def _new_copies(
    s: Session, ctx: AppContext, title: BookTitle, n: int, location: str, batch_id: int | None
) -> list[str]:
    day = _batch_day(s, batch_id)
    barcodes = BarcodeAllocator(s).take(n)
    copies = [
        BookCopy(title_id=title.id, barcode=b, location=location, batch_id=batch_id, acquired_on=day)
        for b in barcodes
    ]
    s.add_all(copies)
    s.flush()
    for copy in copies:
        audit.record(
            s,
            ctx.actor,
            "create",
            "book_copy",
            copy.id,
            f"《{title.title}》{copy.barcode}",
            {"barcode": [None, copy.barcode], "title_id": [None, title.id], "location": [None, location]},
        )
    return barcodes


_TITLE_FIELDS = (
    "title",
    "author",
    "publisher",
    "pub_year",
    "isbn13",
    "clc_class",
    "call_number",
    "grade_band",
    "subjects",
    "price_fen",
    "notes",
)


def _title_values(title: BookTitle) -> dict[str, object]:
    return {name: getattr(title, name) for name in _TITLE_FIELDS}


def add_title(
    ctx: AppContext,
    data: books.TitleInput,
    copies: int = 1,
    location: str = "",
    batch_id: int | None = None,
    *,
    allow_duplicate: bool = False,
) -> TitleResult:
    """Catalogue a new title with ``copies`` copies (0 is allowed: the record first, the books later).

    Raises ValidationError (every problem listed), DuplicateTitle (unless ``allow_duplicate``), NotFound (batch).
    """
    require(ctx.actor, "catalog", WRITE)
    clean = data.validated()
    copies = _copy_count(copies, minimum=0)
    location = _location(location)
    with ctx.db.session() as s:
        if not allow_duplicate:
            dup = find_duplicate(s, clean.isbn13, clean.match_key)
            if dup is not None:
                raise DuplicateTitle(dup[0], dup[1], isbn13=dup[2], author=dup[3], by=dup[4])
        full, initials = pinyin_keys(clean.title)
        call = clean.call_number or (CallNumberer(s).next(clean.clc_class) if clean.clc_class else "")
        title = BookTitle(
            title=clean.title,
            title_pinyin=full,
            title_initials=initials,
            author=clean.author,
            publisher=clean.publisher,
            pub_year=clean.pub_year,
            isbn13=clean.isbn13,
            clc_class=clean.clc_class,
            call_number=call,
            grade_band=clean.grade_band,
            subjects=clean.subjects,
            price_fen=clean.price_fen,
            match_key=clean.match_key,
            notes=clean.notes,
        )
        s.add(title)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "book_title",
            title.id,
            f"《{title.title}》",
            audit.diff({}, _title_values(title)),
        )
        barcodes = _new_copies(s, ctx, title, copies, location, batch_id) if copies else []
        return TitleResult(title.id, call, tuple(barcodes))


def add_copies(
    ctx: AppContext, title_id: int, n: int, location: str = "", batch_id: int | None = None
) -> list[str]:
    """Add ``n`` copies to an existing title; returns their new barcodes (for the labels to print)."""
    require(ctx.actor, "catalog", WRITE)
    n = _copy_count(n, minimum=1)
    location = _location(location)
    with ctx.db.session() as s:
        title = s.get(BookTitle, title_id)
        if title is None:
            raise NotFound("找不到这本书，它可能已被删除。")
        return _new_copies(s, ctx, title, n, location, batch_id)


def update_title(
    ctx: AppContext, title_id: int, data: books.TitleInput, *, allow_duplicate: bool = False
) -> TitleDetail:
    """Change a title's record. The duplicate check runs only when the ISBN (or, without ISBN, the title/author)
    changes, so an accepted duplicate can still be edited. An empty call number keeps the old one while the CLC
    number stays the same, and numbers the title anew in its new class when the CLC number changes."""
    require(ctx.actor, "catalog", WRITE)
    clean = data.validated()
    with ctx.db.session() as s:
        title = s.get(BookTitle, title_id)
        if title is None:
            raise NotFound("找不到这本书，它可能已被删除。")
        if clean.isbn13:
            key_changed = clean.isbn13 != title.isbn13
        else:
            key_changed = clean.match_key != title.match_key or title.isbn13 is not None
        if key_changed and not allow_duplicate:
            dup = find_duplicate(s, clean.isbn13, clean.match_key, exclude_id=title_id)
            if dup is not None:
                raise DuplicateTitle(dup[0], dup[1], isbn13=dup[2], author=dup[3], by=dup[4])
        old = _title_values(title)
        if clean.call_number:
            call = clean.call_number
        elif clean.clc_class == title.clc_class:
            call = title.call_number
        else:
            call = CallNumberer(s).next(clean.clc_class) if clean.clc_class else ""
        if clean.title != title.title:
            title.title_pinyin, title.title_initials = pinyin_keys(clean.title)
        for name in _TITLE_FIELDS:
            if name != "call_number":
                setattr(title, name, getattr(clean, name))
        title.call_number = call
        title.match_key = clean.match_key
        changes = audit.diff(old, _title_values(title))
        if changes:
            audit.record(s, ctx.actor, "update", "book_title", title.id, f"《{title.title}》", changes)
        s.flush()
        return _detail(s, title)


def get_title(ctx: AppContext, title_id: int) -> TitleDetail:
    require(ctx.actor, "catalog", READ)
    with ctx.db.read() as s:
        title = s.get(BookTitle, title_id)
        if title is None:
            raise NotFound("找不到这本书，它可能已被删除。")
        return _detail(s, title)


def delete_title(ctx: AppContext, title_id: int) -> None:
    """Remove a title typed by mistake, with its copies. A title whose copies were ever lent stays (withdraw the
    copies instead): the loan history and the reading statistics refer to it."""
    require(ctx.actor, "catalog", WRITE)
    with ctx.db.session() as s:
        title = s.get(BookTitle, title_id)
        if title is None:
            raise NotFound("找不到这本书，它可能已被删除。")
        copies = s.scalars(select(BookCopy).where(BookCopy.title_id == title_id)).all()
        if copies and s.scalar(select(func.count(Loan.id)).where(Loan.copy_id.in_([c.id for c in copies]))):
            raise DomainError(f"《{title.title}》借出过，不能删除（借阅记录要用到它）。不再要的书请“剔除”。")
        for copy in copies:
            audit.record(s, ctx.actor, "delete", "book_copy", copy.id, f"《{title.title}》{copy.barcode}")
            s.delete(copy)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "delete",
            "book_title",
            title.id,
            f"《{title.title}》",
            {k: [v, None] for k, v in _title_values(title).items() if v not in (None, "")},
        )
        s.delete(title)


def _detail(s: Session, title: BookTitle) -> TitleDetail:
    copies = tuple(copy_infos(s, [title.id]))
    return TitleDetail(
        id=title.id,
        title=title.title,
        author=title.author,
        publisher=title.publisher,
        pub_year=title.pub_year,
        isbn13=title.isbn13,
        clc_class=title.clc_class,
        call_number=title.call_number,
        grade_band=title.grade_band,
        subjects=title.subjects,
        price_fen=title.price_fen,
        notes=title.notes,
        title_pinyin=title.title_pinyin,
        title_initials=title.title_initials,
        copies=copies,
    )
