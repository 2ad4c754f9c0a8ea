"""Importing a donation list (Excel/CSV) into the catalogue, and exporting the catalogue, one row per copy.

Reading, header detection, encodings and the ``第N行: …`` problems come from the shared framework
(``center_app.importing``); this module adds what is particular to books:

- the column spec (``SCHEMA``): the many names donation lists give the same column (书名/题名/图书名称…);
- checks only the database can answer (a barcode already on another book) and within-file barcode repeats;
- the *plan*: which rows are new titles and which add copies to a title already catalogued (same ISBN, or for a
  book without ISBN the same title and author — ``books.match_key``), so importing the same list twice adds
  copies instead of duplicate records. Several rows of one book in the file make one title;
- the same FILE again: every import records the SHA-256 of the file's bytes (``imported_files``). The preview says
  when a file was imported before, and ``run_import`` refuses it (``AlreadyImported``) unless the caller passes
  ``again=True`` — the user confirmed it is a second, identical donation, not the same list picked twice.

``run_import`` is all or nothing: ONE transaction for the whole file. A bad row refuses the file (every problem
listed) unless the user chose to skip bad rows; cancelling writes nothing. The file is read before the write
transaction begins, so a slow read never holds the database's write lock. Titles and copies are written with
Core bulk inserts (a 4,000-row list in about a second on the target PC), barcodes and call numbers come from the
same allocators the catalogue form uses, and one audit entry records the counts.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import BookCopy, BookTitle, DonationBatch, Donor
from center_app.domain import books, clc
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import require
from center_app.domain.pinyin import pinyin_keys
from center_app.importing import (
    CellError,
    Column,
    ImportCancelled,
    ImportPreview,
    Integer,
    Money,
    RowProblem,
    Schema,
    Text,
    ValidRow,
    read_table,
    write_csv,
    write_xlsx,
    yuan,
)
from center_app.importing.schema import show
from center_app.services import audit, imported_files
from center_app.services.catalog import (
    UNKNOWN_DONOR,
    BarcodeAllocator,
    CallNumberer,
    clean_name,
    donor_id_for,
)
from center_app.services.imported_files import EarlierImport

Progress = Callable[[int, int], None]
Cancel = Callable[[], bool]

MAX_QUANTITY = 200  # copies of one book on one row; more is a typo (a price or a year in the wrong column)
_CHUNK = 500  # values per IN (...) query: well under SQLite's variable limit


# ------------------------------------------------------------------------------------------ columns


def _text(value: Any) -> str:
    return Text(max_length=2000)(value)


def _isbn(value: Any) -> str | None:
    return books.parse_isbn(_text(value))


def _clc(value: Any) -> str:
    return clc.validate(_text(value))


def _grade(value: Any) -> str:
    return books.parse_grade_band(_text(value))


_YEAR_TEXT = re.compile(
    r"^(\d{4})\s*(?:年|[-./])?\s*(?:(\d{1,2})\s*(?:月|[-./])?\s*(?:\d{1,2}\s*日?)?)?"
    r"(?:[ T]+\d{1,2}:\d{2}(?::\d{2})?)?$"  # "2015-03-02 00:00:00", as databases export dates
)


def _year(value: Any) -> int:
    """2015, "2015", "2015.3", "2015-03", "2015年3月", "2015年3月2日", 201503, a real date → 2015."""
    if isinstance(value, dt.date | dt.datetime):
        year = value.year
    elif isinstance(value, bool):
        raise CellError(f"不是有效的年份（{show(value)}）")
    elif isinstance(value, int | float):
        # A number: 2015, 2015.3 (typed "2015.3", Excel keeps it as a number), 201503, 20150302.
        digits = str(int(value)) if value == value else ""
        if len(digits) not in (4, 6, 8):
            raise CellError(f"不是有效的年份（{show(value)}），请写成 2015 或 2015年3月")
        year = int(digits[:4])
    else:
        text = unicodedata.normalize("NFKC", str(value)).strip()
        match = _YEAR_TEXT.match(text) or re.match(r"^(\d{4})(\d{2})(?:\d{2})?$", text)
        if not match or (match[2] and not 1 <= int(match[2]) <= 12):
            raise CellError(f"不是有效的年份（{show(value)}），请写成 2015 或 2015年3月")
        year = int(match[1])
    return books.check_year(year)


_BARCODE_SPLIT = re.compile(r"[\s,，、;；]+")


def _barcodes(value: Any) -> tuple[str, ...]:
    """One barcode, or several for several copies ("T0000001、T0000002")."""
    parts = [p for p in _BARCODE_SPLIT.split(unicodedata.normalize("NFKC", _text(value))) if p]
    return tuple(books.validate_barcode(p) for p in parts)


def _row_check(values: dict[str, Any]) -> str | None:
    barcodes, quantity = values.get("barcode") or (), values.get("quantity")
    if barcodes and quantity is not None and quantity != len(barcodes):
        return f"“数量”是 {quantity}，但“条码”有 {len(barcodes)} 个，两者应一致（每册一个条码）"
    if len(barcodes) > MAX_QUANTITY:
        return f"一行最多 {MAX_QUANTITY} 个条码"
    return None


SCHEMA = Schema(
    [
        Column(
            "title",
            "书名",
            ("题名", "图书名称", "书目名称", "正题名", "书刊名称", "title"),
            Text(400),
            required=True,
        ),
        Column("author", "作者", ("著者", "责任者", "编著者", "author"), Text(200), default=""),
        Column("publisher", "出版社", ("出版单位", "出版者", "出版机构", "publisher"), Text(200), default=""),
        Column("year", "出版年", ("出版日期", "出版时间", "出版年份", "出版年月", "year"), _year),
        Column("isbn", "ISBN", ("ISBN号", "书号", "国际标准书号", "ISBN13", "isbn"), _isbn),
        Column("clc", "中图法分类号", ("分类号", "中图分类号", "中图法分类", "CLC"), _clc, default=""),
        Column("call_number", "索书号", ("索取号", "call number"), Text(60), default=""),
        Column("grade_band", "适读年级", ("年级", "适合年级", "阅读年级", "grade"), _grade, default=""),
        Column("subjects", "主题词", ("主题", "关键词", "subjects"), Text(400), default=""),
        Column("price", "定价", ("单价", "价格", "price"), Money(max_yuan=books.MAX_PRICE_YUAN)),
        Column("quantity", "数量", ("册数", "复本数", "复本", "本数", "quantity"), Integer(1, MAX_QUANTITY)),
        Column("barcode", "条码", ("登录号", "条形码", "条码号", "barcode"), _barcodes, default=()),
        Column("location", "馆藏位置", ("书架", "架位", "位置", "location"), Text(60), default=""),
        Column("donor", "捐赠方", ("捐赠单位", "捐赠人", "捐赠者", "捐书人", "donor"), Text(200), default=""),
        Column("notes", "备注", ("说明", "notes"), Text(2000), default=""),
    ],
    row_check=_row_check,
)


# ------------------------------------------------------------------------------------------ results


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
class BookImportPreview:
    """What importing the file would do. ``preview`` holds the rows and the ``第N行`` problems."""

    preview: ImportPreview
    new_titles: int
    matched_titles: int  # titles already in the catalogue that get more copies
    copies: int
    donors: tuple[str, ...]
    warnings: tuple[str, ...] = ()  # e.g. the same ISBN under a different title: imported, but worth a look
    earlier: EarlierImport | None = None  # this very file was imported before: ask before importing it again

    @property
    def ok(self) -> bool:
        return self.preview.ok

    @property
    def problems(self) -> list[str]:
        return self.preview.problem_lines()

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


# ------------------------------------------------------------------------------------------ planning


@dataclass(slots=True)
class _NewTitle:
    values: dict[str, Any]
    match_key: str
    row: int
    id: int | None = None


@dataclass(slots=True)
class _NewCopy:
    title: int | _NewTitle  # an existing title's id, or a title this import creates
    barcode: str | None
    location: str
    donor: str
    notes: str
    row: int


@dataclass(slots=True)
class _Plan:
    titles: list[_NewTitle] = field(default_factory=list)
    copies: list[_NewCopy] = field(default_factory=list)
    matched: set[int] = field(default_factory=set)
    warnings: list[str] = field(default_factory=list)

    @property
    def donors(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(c.donor for c in self.copies))


def _chunks(values: Sequence[Any]) -> Iterable[Sequence[Any]]:
    for start in range(0, len(values), _CHUNK):
        yield values[start : start + _CHUNK]


def _similar(a: str, b: str) -> bool:
    x, y = books.compact(a), books.compact(b)
    return x in y or y in x


def _plan(s: Session, rows: list[ValidRow], donor_name: str | None) -> _Plan:
    isbns = sorted({r["isbn"] for r in rows if r["isbn"]})
    keys = sorted({books.match_key(r["title"], r["author"]) for r in rows})
    # Existing titles for the file's ISBNs and title/author keys (first catalogued wins when several match).
    by_isbn: dict[str, tuple[int, str] | _NewTitle] = {}
    by_key: dict[str, tuple[int, str] | _NewTitle] = {}
    cols = (BookTitle.id, BookTitle.title, BookTitle.isbn13, BookTitle.match_key)
    for chunk in _chunks(isbns):
        for row in s.execute(select(*cols).where(BookTitle.isbn13.in_(chunk)).order_by(BookTitle.id.desc())):
            by_isbn[row.isbn13] = (row.id, row.title)
    for chunk in _chunks(keys):
        for row in s.execute(
            select(*cols).where(BookTitle.match_key.in_(chunk)).order_by(BookTitle.id.desc())
        ):
            by_key[row.match_key] = (row.id, row.title)
    default_donor = clean_name(donor_name or "") or UNKNOWN_DONOR
    plan = _Plan()
    for r in rows:
        values = r.values
        key = books.match_key(values["title"], values["author"])
        found = by_isbn.get(values["isbn"]) if values["isbn"] else by_key.get(key)
        if found is None:
            new = _NewTitle(values, key, r.row)
            plan.titles.append(new)
            if values["isbn"]:
                by_isbn[values["isbn"]] = new
            by_key.setdefault(key, new)
            target: int | _NewTitle = new
        else:
            existing_title = found.values["title"] if isinstance(found, _NewTitle) else found[1]
            if not _similar(existing_title, values["title"]):
                plan.warnings.append(
                    f"第{r.row}行: ISBN {values['isbn']} 已用于《{existing_title}》，"
                    f"本行的《{values['title']}》将作为它的复本导入，请核对"
                )
            if isinstance(found, _NewTitle):
                target = found
            else:
                target = found[0]
                plan.matched.add(found[0])
        barcodes = values["barcode"] or (None,) * (values["quantity"] or 1)
        donor = clean_name(values["donor"]) or default_donor
        for barcode in barcodes:
            plan.copies.append(_NewCopy(target, barcode, values["location"], donor, values["notes"], r.row))
    return plan


def _check_barcodes(s: Session, preview: ImportPreview) -> ImportPreview:
    """A copy of the preview with rows whose barcode is already in the catalogue, or repeats an earlier row's,
    moved to the problems."""
    first_row: dict[str, int] = {}
    problems: list[RowProblem] = []
    for r in preview.rows:
        for barcode in r["barcode"]:
            earlier = first_row.setdefault(barcode, r.row)
            if earlier != r.row:
                problems.append(RowProblem(r.row, "条码", f"条码 {barcode} 与第{earlier}行重复"))
    wanted = sorted(first_row)
    for chunk in _chunks(wanted):
        query = (
            select(BookCopy.barcode, BookTitle.title)
            .join(BookTitle, BookTitle.id == BookCopy.title_id)
            .where(BookCopy.barcode.in_(chunk))
        )
        for barcode, title in s.execute(query):
            problems.append(RowProblem(first_row[barcode], "条码", f"条码 {barcode} 已被《{title}》使用"))
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


# ------------------------------------------------------------------------------------------ use cases


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BookImportPreview:
    """Read the file and say what importing it would do. Writes nothing."""
    require(ctx.actor, "catalog", "write")
    preview = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        preview = _check_barcodes(s, preview)
        plan = _plan(s, preview.rows, None)
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
    require(ctx.actor, "catalog", "write")
    source = Path(path).name
    read = (
        preview.preview if preview is not None else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    _check_cancel(cancel)
    with ctx.db.session() as s:
        earlier = imported_files.earlier_import(s, imported_files.BOOKS, read.sha256)
        if earlier is not None and not again:
            raise AlreadyImported(source, earlier)
        preview_now = _check_barcodes(s, read)
        rows = preview_now.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", preview_now.problem_lines(200))
        plan = _plan(s, rows, donor_name)
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


def _write_batches(s: Session, ctx: AppContext, plan: _Plan, source: str) -> dict[str, int]:
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


def _write_titles(s: Session, plan: _Plan, progress: Progress | None, cancel: Cancel | None) -> int:
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
    stmt = insert(BookTitle.__table__).returning(BookTitle.__table__.c.id, sort_by_parameter_order=True)
    for start in range(0, len(records), _CHUNK):
        chunk = records[start : start + _CHUNK]
        # RETURNING in parameter order gives each new title its id without a query per row.
        ids = conn.execute(stmt, chunk).scalars().all()
        for new, title_id in zip(plan.titles[start : start + _CHUNK], ids, strict=True):
            new.id = title_id
    if progress is not None:
        progress(total, total)
    return total


def _write_copies(s: Session, plan: _Plan, batches: dict[str, int]) -> list[str]:
    allocator = BarcodeAllocator(s)
    allocator.note_used(c.barcode for c in plan.copies if c.barcode)
    fresh = iter(allocator.take(sum(1 for c in plan.copies if not c.barcode)))
    today = dt.date.today()
    records = []
    for c in plan.copies:
        title_id = c.title.id if isinstance(c.title, _NewTitle) else c.title
        records.append(
            {
                "title_id": title_id,
                "barcode": c.barcode or next(fresh),
                "location": c.location,
                "status": books.AVAILABLE,
                "batch_id": batches[c.donor],
                "acquired_on": today,
                "notes": c.notes,
            }
        )
    conn = s.connection()
    for start in range(0, len(records), _CHUNK):
        conn.execute(insert(BookCopy.__table__), records[start : start + _CHUNK])
    return [r["barcode"] for r in records]


# ------------------------------------------------------------------------------------------ export

EXPORT_HEADERS = (
    "条码",
    "ISBN",
    "书名",
    "作者",
    "出版社",
    "出版年",
    "中图法分类号",
    "索书号",
    "适读年级",
    "定价",
    "状态",
    "馆藏位置",
    "捐赠方",
)


def export_books(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Write every copy (one row each) to ``.xlsx`` or ``.csv`` (by the file's suffix). Returns the row count.

    The headers are the import's own column names, so the file can be edited and imported elsewhere.
    """
    require(ctx.actor, "catalog", "read")
    target = Path(path).resolve()  # the audit log names the folder too, not just the name as typed
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"只能导出为 .xlsx 或 .csv 文件（现为“{target.name}”）。")
    query = (
        select(
            BookCopy.barcode,
            BookTitle.isbn13,
            BookTitle.title,
            BookTitle.author,
            BookTitle.publisher,
            BookTitle.pub_year,
            BookTitle.clc_class,
            BookTitle.call_number,
            BookTitle.grade_band,
            BookTitle.price_fen,
            BookCopy.status,
            BookCopy.location,
            Donor.name,
        )
        .join(BookTitle, BookTitle.id == BookCopy.title_id)
        .outerjoin(DonationBatch, DonationBatch.id == BookCopy.batch_id)
        .outerjoin(Donor, Donor.id == DonationBatch.donor_id)
        .order_by(BookTitle.title_pinyin, BookTitle.id, BookCopy.barcode)
    )
    with ctx.db.read() as s:
        rows = [
            (
                barcode,
                isbn13 or "",
                title,
                author,
                publisher,
                year,
                clc_class,
                call_number,
                grade,
                yuan(price) if price is not None else None,
                books.status_label(status),
                location,
                donor or "",
            )
            for (
                barcode,
                isbn13,
                title,
                author,
                publisher,
                year,
                clc_class,
                call_number,
                grade,
                price,
                status,
                location,
                donor,
            ) in s.execute(query)
        ]
    if suffix == ".xlsx":
        count = write_xlsx(
            target,
            EXPORT_HEADERS,
            rows,
            sheet_title="馆藏图书",
            progress=progress,
            cancel=cancel,
            total=len(rows),
        )
    else:
        count = write_csv(target, EXPORT_HEADERS, rows, progress=progress, cancel=cancel, total=len(rows))
    with ctx.db.session() as s:
        audit.record(
            s,
            ctx.actor,
            "export",
            "book_copy",
            "",
            f"导出馆藏图书 {count} 册 → {target}",
            {"rows": [None, count], "target": [None, str(target)]},
        )
    return count
