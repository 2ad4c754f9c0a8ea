"""The catalogue (图书编目): titles, their copies and barcodes, copy status, donors and donation batches.

Each public function is one use case in one transaction, checks the ``catalog`` permission first, writes its audit
records in the same transaction, and returns frozen dataclasses (never ORM objects, so a page cannot lazy-load
outside a session). The classes under "building blocks" work *inside* a caller's session; the spreadsheet import
uses them so that a typed title and an imported one get their barcodes, call numbers and duplicate check from
the same code.

Rules kept here:

- A title is one edition. The same ISBN twice, or — for a book without ISBN — the same title and author
  (:func:`~center_app.domain.books.match_key`), is refused with :class:`DuplicateTitle`, whose message offers to add
  a copy to the existing title instead (the usual case: a second copy of a donated book).
- Every copy has a barcode. The app assigns ``<prefix><7 digits>`` (setting ``barcode_prefix``, default ``T``):
  the next number is the largest in use plus one, so numbers never repeat even after a copy is deleted from the
  middle. Barcodes are stored upper case (see ``books.clean_barcode``).
- Copy status is set by hand only to 在馆/遗失/损坏/剔除; 借出 belongs to the desk, and a copy out on loan cannot be
  changed here (it must come back — or be closed as lost — at the desk first).
"""

from __future__ import annotations

import datetime as dt
import json
import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor, Loan, Setting
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import require
from center_app.domain.pinyin import pinyin_keys, sort_key
from center_app.services import audit

log = logging.getLogger(__name__)

BARCODE_PREFIX_KEY = "barcode_prefix"
MAX_COPIES_AT_ONCE = 200
MAX_LOCATION_CHARS = 60
UNKNOWN_DONOR = "未注明"


class DuplicateTitle(DomainError):
    """The book is already catalogued. ``title_id`` is the existing title, ``by`` is ``"isbn"`` or ``"match_key"``.

    The page answers the question in the message with :func:`add_copies` (or, for a same-name book that really is
    another edition, ``add_title(..., allow_duplicate=True)``).
    """

    def __init__(self, title_id: int, title: str, *, isbn13: str | None, author: str, by: str) -> None:
        which = f"ISBN {isbn13}" if isbn13 else (f"作者 {author}" if author else "无ISBN")
        super().__init__(f"已有《{title}》（{which}），要为它再加一册吗？")
        self.title_id = title_id
        self.title = title
        self.by = by


# --------------------------------------------------------------------------------------------- results


@dataclass(frozen=True, slots=True)
class CopyInfo:
    id: int
    barcode: str
    title_id: int
    title: str
    call_number: str
    status: str
    location: str
    batch_id: int | None
    donor_name: str
    acquired_on: dt.date | None
    withdrawn_on: dt.date | None
    notes: str

    @property
    def status_label(self) -> str:
        return books.status_label(self.status)


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


@dataclass(frozen=True, slots=True)
class DonorInfo:
    id: int
    name: str
    kind: str
    contact: str
    phone: str
    notes: str
    copies: int = 0  # book copies received from this donor


@dataclass(frozen=True, slots=True)
class BatchInfo:
    id: int
    donor_id: int
    donor_name: str
    received_on: dt.date
    description: str
    source_file: str


# ------------------------------------------------------------------------------------ building blocks


def barcode_prefix(s: Session) -> str:
    """The ``barcode_prefix`` setting (JSON text), or the default when unset or not a usable prefix."""
    row = s.get(Setting, BARCODE_PREFIX_KEY)
    if row is None or not row.value:
        return books.DEFAULT_BARCODE_PREFIX
    try:
        return books.validate_barcode_prefix(str(json.loads(row.value)))
    except (ValueError, ValidationError):
        log.warning("setting %s=%r is not a usable prefix", BARCODE_PREFIX_KEY, row.value)
        return books.DEFAULT_BARCODE_PREFIX


class BarcodeAllocator:
    """Hands out ``T0000124, T0000125…`` inside one transaction (the write lock keeps others out meanwhile)."""

    def __init__(self, s: Session, prefix: str | None = None) -> None:
        self.prefix = prefix or barcode_prefix(s)
        self._next = self._max_number(s) + 1

    def _max_number(self, s: Session) -> int:
        # Fixed width, so the largest number is the largest string among "<prefix>" + 7 characters; the index on
        # barcode is read backwards. Barcodes of that length that are not ours (T00001AB) are skipped.
        escaped = self.prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        query = (
            select(BookCopy.barcode)
            .where(BookCopy.barcode.like(escaped + "_" * books.BARCODE_DIGITS, escape="\\"))
            .order_by(BookCopy.barcode.desc())
        )
        for barcode in s.scalars(query.limit(100)):
            number = books.barcode_number(self.prefix, barcode)
            if number is not None:
                return number
        numbers = (books.barcode_number(self.prefix, b) for b in s.scalars(query))
        return max((n for n in numbers if n is not None), default=0)

    def note_used(self, barcodes: Iterable[str]) -> None:
        """Barcodes about to be written from a file: later assigned numbers must go past them."""
        for barcode in barcodes:
            number = books.barcode_number(self.prefix, barcode)
            if number is not None and number >= self._next:
                self._next = number + 1

    def take(self, n: int) -> list[str]:
        first = self._next
        self._next += n
        return [books.make_barcode(self.prefix, number) for number in range(first, first + n)]


class CallNumberer:
    """Next call numbers per CLC number (``I287.5/13``) inside one transaction.

    ``preload=True`` reads every call number once (an import touching hundreds of classes); otherwise each new
    CLC number costs one query.
    """

    def __init__(self, s: Session, *, preload: bool = False) -> None:
        self._s = s
        self._next: dict[str, int] = {}
        if preload:
            used: dict[str, int] = {}
            for text in s.scalars(select(BookTitle.call_number).where(BookTitle.call_number.contains("/"))):
                cls, seq = clc.split_call_number(text)
                if seq:
                    used[cls] = max(used.get(cls, 0), seq)
            self._next = {cls: seq + 1 for cls, seq in used.items()}
        self._loaded_all = preload

    def note_used(self, call_number: str) -> None:
        """A call number written as given (from a file): numbering in its class continues after it."""
        cls, seq = clc.split_call_number(call_number)
        if seq:
            self._next[cls] = max(self._ensure(cls), seq + 1)

    def _ensure(self, cls: str) -> int:
        if cls not in self._next:
            if self._loaded_all:
                self._next[cls] = 1
            else:
                # CLC numbers hold no LIKE wildcards (letters, digits, dots, hyphens), so no escaping is needed.
                existing = self._s.scalars(
                    select(BookTitle.call_number).where(BookTitle.call_number.like(f"{cls}/%"))
                )
                self._next[cls] = clc.next_sequence(existing, cls)
        return self._next[cls]

    def next(self, clc_class: str) -> str:
        cls = clc.clean(clc_class)
        sequence = self._ensure(cls)
        self._next[cls] = sequence + 1
        return clc.call_number(cls, sequence)


def find_duplicate(
    s: Session, isbn13: str | None, key: str, *, exclude_id: int | None = None
) -> tuple[int, str, str | None, str, str] | None:
    """(id, title, isbn13, author, "isbn"|"match_key") of an existing title for the same book, or None.

    With an ISBN only the ISBN counts (two editions share a title and an author). Without one, the title and
    author decide, against every title (a book typed without its ISBN is usually one catalogued with it).
    """
    cols = (BookTitle.id, BookTitle.title, BookTitle.isbn13, BookTitle.author)
    query = (
        select(*cols).where(BookTitle.isbn13 == isbn13)
        if isbn13
        else select(*cols).where(BookTitle.match_key == key)
    )
    if exclude_id is not None:
        query = query.where(BookTitle.id != exclude_id)
    row = s.execute(query.order_by(BookTitle.id).limit(1)).first()
    if row is None:
        return None
    return row.id, row.title, row.isbn13, row.author, "isbn" if isbn13 else "match_key"


def clean_name(text: str) -> str:
    """Donor names: NFKC, one space between words, trimmed (``'  某公司　员工 '`` → ``'某公司 员工'``)."""
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


def donor_id_for(s: Session, ctx: AppContext, name: str) -> int:
    """The id of the donor called ``name``, created (and audited) if there is none."""
    name = clean_name(name)
    if not name:
        raise ValidationError("请填写捐赠方名称。")
    if len(name) > 200:
        raise ValidationError("捐赠方名称不能超过200个字。")
    found = s.scalars(select(Donor.id).where(Donor.name == name).order_by(Donor.id).limit(1)).first()
    if found is not None:
        return found
    donor = Donor(name=name)
    s.add(donor)
    s.flush()
    audit.record(s, ctx.actor, "create", "donor", donor.id, f"捐赠方 {name}", {"name": [None, name]})
    return donor.id


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


# ------------------------------------------------------------------------------------------ titles


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
    require(ctx.actor, "catalog", "write")
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
    require(ctx.actor, "catalog", "write")
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
    require(ctx.actor, "catalog", "write")
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
    require(ctx.actor, "catalog", "read")
    with ctx.db.read() as s:
        title = s.get(BookTitle, title_id)
        if title is None:
            raise NotFound("找不到这本书，它可能已被删除。")
        return _detail(s, title)


def delete_title(ctx: AppContext, title_id: int) -> None:
    """Remove a title typed by mistake, with its copies. A title whose copies were ever lent stays (withdraw the
    copies instead): the loan history and the reading statistics refer to it."""
    require(ctx.actor, "catalog", "write")
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
    copies = tuple(_copy_infos(s, [title.id]))
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


def _copy_query():  # noqa: ANN202 - a Select of the columns CopyInfo needs
    return (
        select(
            BookCopy.id,
            BookCopy.barcode,
            BookCopy.title_id,
            BookTitle.title,
            BookTitle.call_number,
            BookCopy.status,
            BookCopy.location,
            BookCopy.batch_id,
            Donor.name.label("donor_name"),
            BookCopy.acquired_on,
            BookCopy.withdrawn_on,
            BookCopy.notes,
        )
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .outerjoin(DonationBatch, DonationBatch.id == BookCopy.batch_id)
        .outerjoin(Donor, Donor.id == DonationBatch.donor_id)
    )


def _copy_infos(s: Session, title_ids: list[int]) -> list[CopyInfo]:
    rows = s.execute(_copy_query().where(BookCopy.title_id.in_(title_ids)).order_by(BookCopy.barcode))
    return [CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""}) for row in rows]


# ------------------------------------------------------------------------------------------ copies


def find_copy(ctx: AppContext, barcode: str) -> CopyInfo | None:
    """The copy a scanned (or typed) barcode names, or None."""
    require(ctx.actor, "catalog", "read")
    value = books.clean_barcode(barcode)
    if not value:
        return None
    with ctx.db.read() as s:
        row = s.execute(_copy_query().where(BookCopy.barcode == value)).first()
        return None if row is None else CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""})


def _copy_for_change(s: Session, barcode: str) -> tuple[BookCopy, BookTitle]:
    value = books.clean_barcode(barcode)
    copy = s.scalars(select(BookCopy).where(BookCopy.barcode == value)).first() if value else None
    if copy is None:
        raise NotFound(f"找不到条码为“{(barcode or '').strip()}”的图书。")
    title = s.get(BookTitle, copy.title_id)
    assert title is not None  # a foreign key guarantees it
    return copy, title


def _on_loan(s: Session, copy: BookCopy) -> bool:
    # The status says so, or an open loan does (belt and braces: the desk sets both in one transaction).
    if copy.status == books.ON_LOAN:
        return True
    open_loan = select(Loan.id).where(Loan.copy_id == copy.id, Loan.returned_at.is_(None)).limit(1)
    return s.scalar(open_loan) is not None


def set_copy_status(ctx: AppContext, barcode: str, status: str, note: str = "") -> CopyInfo:
    """Mark a copy 在馆/遗失/损坏/剔除 (with an optional note, appended to the copy's notes with the date)."""
    require(ctx.actor, "catalog", "write")
    if status == books.ON_LOAN:
        raise ValidationError("“借出”只能在借还书台办理。")
    if status not in books.MANUAL_STATUSES:
        raise ValidationError(f"未知的图书状态：{status}")
    note = " ".join((note or "").split())
    if len(note) > 200:
        raise ValidationError("说明不能超过200个字。")
    with ctx.db.session() as s:
        copy, title = _copy_for_change(s, barcode)
        if _on_loan(s, copy):
            raise DomainError(
                f"《{title.title}》（{copy.barcode}）正在借出，不能改为“{books.status_label(status)}”。"
                "请先在借还书台还书（借出后丢失的，在借还书台按“遗失”处理）。"
            )
        if copy.status == status and not note:
            return _copy_info(s, copy.id)
        old = {"status": copy.status, "withdrawn_on": copy.withdrawn_on}
        copy.status = status
        copy.withdrawn_on = dt.date.today() if status == books.WITHDRAWN else None
        if note:
            line = f"{dt.date.today().isoformat()} {books.status_label(status)}：{note}"
            copy.notes = f"{copy.notes}\n{line}" if copy.notes else line
        changes = audit.diff(old, {"status": copy.status, "withdrawn_on": copy.withdrawn_on})
        if note:
            changes["note"] = [None, note]
        audit.record(
            s,
            ctx.actor,
            "update",
            "book_copy",
            copy.id,
            f"《{title.title}》{copy.barcode} → {books.status_label(status)}",
            changes,
        )
        s.flush()
        return _copy_info(s, copy.id)


def withdraw_copy(ctx: AppContext, barcode: str, note: str = "") -> CopyInfo:
    """剔除: the copy leaves the collection (worn out, given away). Its record and loan history stay."""
    return set_copy_status(ctx, barcode, books.WITHDRAWN, note)


def delete_copy(ctx: AppContext, barcode: str) -> None:
    """Remove a copy entered by mistake. One that was ever lent is withdrawn instead, never deleted."""
    require(ctx.actor, "catalog", "write")
    with ctx.db.session() as s:
        copy, title = _copy_for_change(s, barcode)
        if s.scalar(select(func.count(Loan.id)).where(Loan.copy_id == copy.id)):
            raise DomainError(f"《{title.title}》（{copy.barcode}）借出过，不能删除。不再要的书请“剔除”。")
        audit.record(s, ctx.actor, "delete", "book_copy", copy.id, f"《{title.title}》{copy.barcode}")
        s.delete(copy)


def _copy_info(s: Session, copy_id: int) -> CopyInfo:
    row = s.execute(_copy_query().where(BookCopy.id == copy_id)).one()
    return CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""})


# ------------------------------------------------------------------------------------------ donors


def _donor_info(donor: Donor, copies: int = 0) -> DonorInfo:
    return DonorInfo(donor.id, donor.name, donor.kind, donor.contact, donor.phone, donor.notes, copies)


def find_or_create_donor(ctx: AppContext, name: str) -> DonorInfo:
    require(ctx.actor, "catalog", "write")
    with ctx.db.session() as s:
        donor = s.get(Donor, donor_id_for(s, ctx, name))
        assert donor is not None
        return _donor_info(donor)


def create_batch(
    ctx: AppContext, donor_id: int, received_on: dt.date, description: str = "", source_file: str = ""
) -> BatchInfo:
    require(ctx.actor, "catalog", "write")
    description = " ".join((description or "").split())
    if len(description) > 400:
        raise ValidationError("批次说明不能超过400个字。")
    if received_on > dt.date.today():
        raise ValidationError("接收日期不能晚于今天。")
    with ctx.db.session() as s:
        donor = s.get(Donor, donor_id)
        if donor is None:
            raise NotFound("找不到这个捐赠方，它可能已被删除。")
        batch = DonationBatch(
            donor_id=donor_id, received_on=received_on, description=description, source_file=source_file[:400]
        )
        s.add(batch)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "donation_batch",
            batch.id,
            f"{donor.name} {received_on.isoformat()} {description}".strip(),
            {"donor_id": [None, donor_id], "received_on": [None, received_on.isoformat()]},
        )
        return BatchInfo(batch.id, donor_id, donor.name, received_on, description, batch.source_file)


def list_donors(ctx: AppContext) -> list[DonorInfo]:
    """Every donor with how many book copies came from them, in pinyin order of the name."""
    require(ctx.actor, "catalog", "read")
    with ctx.db.read() as s:
        counts = dict(
            s.execute(
                select(DonationBatch.donor_id, func.count(BookCopy.id))
                .join(BookCopy, BookCopy.batch_id == DonationBatch.id)
                .group_by(DonationBatch.donor_id)
            ).all()
        )
        donors = [_donor_info(d, counts.get(d.id, 0)) for d in s.scalars(select(Donor))]
    return sorted(donors, key=lambda d: (sort_key(d.name), d.id))
