"""Previewing and running an import: the file read outside the transaction, then all or nothing in one."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy import insert
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor, table_of
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.domain.pinyin import pinyin_keys
from center_app.importing import FromPreview, ImportCancelled, ImportPreview, read_table
from center_app.services import audit, imported_files
from center_app.services.book_import.columns import SCHEMA, Cancel, Progress
from center_app.services.book_import.plan import CHUNK, NewTitle, Plan, check_barcodes, make_plan
from center_app.services.catalog.common import BarcodeAllocator, CallNumberer, donor_id_for
from center_app.services.imported_files import EarlierImport


class AlreadyImported(DomainError):
    """This very file (same bytes) was imported before; importing it again needs ``again=True``."""

    def __init__(self, source: str, earlier: EarlierImport) -> None:
        super().__init__(
            f"“{source}”{already_imported(earlier)}再导入一次会把每一册再登记一遍，所以没有导入。"
        )
        self.earlier = earlier


def already_imported(earlier: EarlierImport) -> str:
    """``已在 2026-11-29 14:05 导入过（30 行，39 册）。`` (``第2次``… when it was imported more than once)."""
    times = f"，共导入过 {earlier.times} 次" if earlier.times > 1 else ""
    return f"已在 {earlier.when} 导入过（{earlier.rows} 行，{earlier.items} 册{times}）。"


@dataclass(frozen=True, slots=True)
class BookImportPreview(FromPreview):
    """What importing the file would do. ``preview`` holds the rows and the ``第N行`` problems."""

    preview: ImportPreview
    new_titles: int
    matched_titles: int  # titles already in the catalogue that get more copies
    copies: int
    donors: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # e.g. the same ISBN under a different title: imported, but worth a look
    earlier: EarlierImport | None = None  # this very file was imported before: ask before importing it again

    def summary(self) -> str:
        return (
            f"{self.preview.summary()}。将新增书目 {self.new_titles} 种，"
            f"为已有书目 {self.matched_titles} 种加复本，共 {self.copies} 册。"
        )


@dataclass(frozen=True, slots=True)
class BookImportResult:
    source: str
    titles_created: int
    titles_matched: int
    copies_created: int
    batch_ids: tuple[int, ...]
    donors: tuple[str, ...]
    barcodes: tuple[str, ...]  # of the new copies, in file order: print their labels next
    skipped_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BookImportPreview:
    """Read the file and say what importing it would do. Writes nothing."""
    require(ctx.actor, "catalog", WRITE)
    preview = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        preview = check_barcodes(s, preview)
        plan = make_plan(s, preview.rows, None)
        earlier = imported_files.earlier_import(s, imported_files.BOOKS, preview.sha256)
    return BookImportPreview(
        preview=preview,
        new_titles=len(plan.titles),
        matched_titles=len(plan.matched),
        copies=len(plan.copies),
        donors=plan.donors,
        warnings=(*preview.notices, *plan.warnings),
        earlier=earlier,
    )


def run_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    skip_invalid: bool = False,
    donor_name: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    preview: BookImportPreview | None = None,
    again: bool = False,
) -> BookImportResult:
    """Import the file in one transaction (see the module doc). ``donor_name`` is used for rows that name none.

    ``preview``: the :func:`preview_import` of this file the user just confirmed; its rows are imported instead
    of reading the file again (half the wait on an old PC, and exactly what the user saw). The database checks
    and the matching run again inside the transaction either way.

    ``progress(done, total)`` is called while the file is read, then again while titles are written.
    Raises ValidationError (bad rows, unless ``skip_invalid``; an unreadable file), ImportCancelled, or
    AlreadyImported when this very file was imported before and ``again`` is not set.
    """
    require(ctx.actor, "catalog", WRITE)
    source = Path(path).name
    read = (
        preview.preview if preview is not None else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    _check_cancel(cancel)
    with ctx.db.session() as s:
        earlier = imported_files.earlier_import(s, imported_files.BOOKS, read.sha256)
        if earlier is not None and not again:
            raise AlreadyImported(source, earlier)
        preview_now = check_barcodes(s, read)
        rows = preview_now.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", preview_now.problem_lines(200))
        plan = make_plan(s, rows, donor_name)
        _check_cancel(cancel)
        batches = _write_batches(s, ctx, plan, source)
        created = _write_titles(s, plan, progress, cancel)
        barcodes = _write_copies(s, plan, batches)
        _check_cancel(cancel)
        result = BookImportResult(
            source=source,
            titles_created=created,
            titles_matched=len(plan.matched),
            copies_created=len(barcodes),
            batch_ids=tuple(batches.values()),
            donors=plan.donors,
            barcodes=tuple(barcodes),
            skipped_rows=tuple(preview_now.bad_rows) if skip_invalid else (),
            warnings=tuple(plan.warnings),
        )
        imported_files.record_import(
            s,
            ctx.actor,
            imported_files.BOOKS,
            read.sha256,
            source,
            rows=len(rows),
            items=result.copies_created,
        )
        audit.record(
            s,
            ctx.actor,
            "import",
            "book_title",
            ",".join(map(str, result.batch_ids))[:40],
            f"导入“{source}”：新书目 {created} 种，已有书目 {result.titles_matched} 种加复本，"
            f"共 {result.copies_created} 册"
            + (f"，跳过 {len(result.skipped_rows)} 行" if result.skipped_rows else "")
            + (f"（此文件 {earlier.when} 已导入过，确认再次导入）" if earlier is not None else ""),
            {
                "file": [None, source],
                "sha256": [None, read.sha256],
                "again": [None, earlier is not None],
                "titles_created": [None, created],
                "titles_matched": [None, result.titles_matched],
                "copies_created": [None, result.copies_created],
                "skipped_rows": [None, list(result.skipped_rows)],
                "batch_ids": [None, list(result.batch_ids)],
            },
        )
    return result


def _write_batches(s: Session, ctx: AppContext, plan: Plan, source: str) -> dict[str, int]:
    """One donation batch per donor named in the file, received today, remembering the file's name."""
    today = dt.date.today()
    batches: dict[str, int] = {}
    for name in plan.donors:
        donor_id = donor_id_for(s, ctx, name)
        batch = DonationBatch(
            donor_id=donor_id,
            received_on=today,
            description=f"从“{source}”导入"[:400],
            source_file=source[:400],
        )
        s.add(batch)
        s.flush()
        batches[name] = batch.id
        donor = s.get(Donor, donor_id)
        audit.record(
            s,
            ctx.actor,
            "create",
            "donation_batch",
            batch.id,
            f"{donor.name if donor else name} {today.isoformat()} 从“{source}”导入",
            {"donor_id": [None, donor_id], "source_file": [None, source]},
        )
    return batches


def _write_titles(s: Session, plan: Plan, progress: Progress | None, cancel: Cancel | None) -> int:
    numberer = CallNumberer(s, preload=True)
    for new in plan.titles:  # call numbers given in the file first: automatic ones continue after them
        if new.values["call_number"]:
            numberer.note_used(new.values["call_number"])
    records: list[dict[str, Any]] = []
    total = len(plan.titles)
    for i, new in enumerate(plan.titles, start=1):
        v = new.values
        full, initials = pinyin_keys(v["title"])
        call = clc.clean(v["call_number"])
        clc_class = v["clc"]
        if not clc_class and call:  # a call number alone still tells the class: I287.5/12 → I287.5
            from_call = clc.split_call_number(call)[0]
            clc_class = from_call if clc.is_valid(from_call) else ""
        if not call and clc_class:
            call = numberer.next(clc_class)
        records.append(
            {
                "title": v["title"],
                "title_pinyin": full,
                "title_initials": initials,
                "author": v["author"],
                "publisher": v["publisher"],
                "pub_year": v["year"],
                "isbn13": v["isbn"],
                "clc_class": clc_class,
                "call_number": call,
                "grade_band": v["grade_band"],
                "subjects": v["subjects"],
                "price_fen": v["price"],
                "match_key": new.match_key,
                "notes": "",
            }
        )
        if i % 500 == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(i, total)
    # Core on the session's connection (same transaction), not the ORM bulk path: a third of the time.
    conn = s.connection()
    titles = table_of(BookTitle)
    stmt = insert(titles).returning(titles.c.id, sort_by_parameter_order=True)
    for start in range(0, len(records), CHUNK):
        chunk = records[start : start + CHUNK]
        # RETURNING in parameter order gives each new title its id without a query per row.
        ids = conn.execute(stmt, chunk).scalars().all()
        for new, title_id in zip(plan.titles[start : start + CHUNK], ids, strict=True):
            new.id = title_id
    if progress is not None:
        progress(total, total)
    return total


def _write_copies(s: Session, plan: Plan, batches: dict[str, int]) -> list[str]:
    allocator = BarcodeAllocator(s)
    allocator.note_used(c.barcode for c in plan.copies if c.barcode)
    fresh = iter(allocator.take(sum(1 for c in plan.copies if not c.barcode)))
    today = dt.date.today()
    records = []
    barcodes: list[str] = []
    for c in plan.copies:
        title_id = c.title.id if isinstance(c.title, NewTitle) else c.title
        barcodes.append(c.barcode or next(fresh))
        records.append(
            {
                "title_id": title_id,
                "barcode": barcodes[-1],
                "location": c.location,
                "status": books.AVAILABLE,
                "batch_id": batches[c.donor],
                "acquired_on": today,
                "notes": c.notes,
            }
        )
    conn = s.connection()
    for start in range(0, len(records), CHUNK):
        conn.execute(insert(table_of(BookCopy)), records[start : start + CHUNK])
    return barcodes
