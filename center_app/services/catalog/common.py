"""What the catalogue's modules and the spreadsheet import share. The classes and functions here work *inside* a
caller's session, so that a typed title and an imported one get their barcodes, call numbers and duplicate check
from the same code; and a copy is described the same way everywhere (``CopyInfo``)."""

from __future__ import annotations

import datetime as dt
import json
import logging
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import Select, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor, Setting
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, ValidationError
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


def copy_query() -> Select[
    int, str, int, str, str, str, str, int | None, str | None, dt.date | None, dt.date | None, str
]:
    """A Select of the columns CopyInfo needs (donor_name is None for a copy without a donation batch)."""
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


def copy_infos(s: Session, title_ids: list[int]) -> list[CopyInfo]:
    rows = s.execute(copy_query().where(BookCopy.title_id.in_(title_ids)).order_by(BookCopy.barcode))
    return [CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""}) for row in rows]


def copy_info(s: Session, copy_id: int) -> CopyInfo:
    row = s.execute(copy_query().where(BookCopy.id == copy_id)).one()
    return CopyInfo(**{**row._asdict(), "donor_name": row.donor_name or ""})


# --- building blocks -----------------------------------------------------------------------------------------


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
