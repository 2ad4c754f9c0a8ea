"""A donor's equipment list in (``import equipment FILE``), and the equipment list out (``export equipment FILE``).

Reading, header detection (title rows above the header), encodings (GBK CSV), merged cells and the ``第N行: …``
problems come from the shared framework (``center_app.importing``), exactly as for the books' donation list. On
top of that:

- every row is checked as a whole by the item form's own rule, and asset numbers the file gives must be new (not
  on another item, a book or a library card) and not repeat within the file;
- each row becomes one item (a second box of balls from another donor is another item, with its own source);
  the preview warns when an item of the same name is already kept in the same place;
- the same FILE again (same bytes) is recognised and refused unless ``again=True``, as for books;
- ``run_import`` is all or nothing: ONE transaction for the whole file, the file read before it begins; a bad row
  refuses the file unless the user chose to skip bad rows; one donation batch per donor named (received on the
  row's date or today), one audit entry for the import besides each item's own.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from os import PathLike
from pathlib import Path
from typing import Final

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import DonationBatch, EquipmentItem, EquipmentUnit
from center_app.domain import equipment as rules
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.domain.states import Tracking
from center_app.importing import (
    FromPreview,
    ImportCancelled,
    ImportPreview,
    RowProblem,
    read_table,
    write_csv,
    write_xlsx,
    yuan,
)
from center_app.services import audit, imported_files
from center_app.services.equipment.columns import SCHEMA, Cancel, Progress, item_input
from center_app.services.equipment.common import (
    IMPORT_KIND,
    AssetBarcodes,
    add_item,
    batch_for,
    code_holder,
    item_rows,
)
from center_app.services.imported_files import EarlierImport

UNKNOWN_SOURCE: Final = "未注明"


class AlreadyImported(DomainError):
    """This very file (same bytes) was imported before; importing it again needs ``again=True``."""

    def __init__(self, source: str, earlier: EarlierImport) -> None:
        super().__init__(
            f"“{source}”{already_imported(earlier)}再导入一次会把每件器材再登记一遍，所以没有导入。"
        )
        self.earlier = earlier


def already_imported(earlier: EarlierImport) -> str:
    """``已在 2026-11-29 14:05 导入过（30 行，39 件）。``"""
    times = f"，共导入过 {earlier.times} 次" if earlier.times > 1 else ""
    return f"已在 {earlier.when} 导入过（{earlier.rows} 行，{earlier.items} 件{times}）。"


@dataclass(frozen=True, slots=True)
class EquipmentImportPreview(FromPreview):
    """What importing the file would do. ``preview`` holds the rows and the ``第N行`` problems."""

    preview: ImportPreview
    items: int
    pieces: int
    donors: tuple[str, ...]
    warnings: tuple[str, ...] = ()
    earlier: EarlierImport | None = None

    def summary(self) -> str:
        return f"{self.preview.summary()}。将登记器材 {self.items} 种，共 {self.pieces} 件。"


@dataclass(frozen=True, slots=True)
class EquipmentImportResult:
    source: str
    items_created: int
    pieces: int
    barcodes: tuple[str, ...]  # the asset numbers given out, in file order: print their labels next
    donors: tuple[str, ...]
    batch_ids: tuple[int, ...]
    skipped_rows: tuple[int, ...] = ()
    warnings: tuple[str, ...] = ()


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()


def check_codes(s: Session, preview: ImportPreview) -> ImportPreview:
    """The preview with rows whose asset numbers are in use, or repeat an earlier row's, moved to the problems."""
    first_row: dict[str, int] = {}
    problems: list[RowProblem] = []
    for r in preview.rows:
        for code in r["barcodes"]:
            earlier = first_row.setdefault(code, r.row)
            if earlier != r.row:
                problems.append(RowProblem(r.row, "编号", f"编号 {code} 与第{earlier}行重复"))
    for code, row in first_row.items():
        holder = code_holder(s, code)
        if holder:
            problems.append(RowProblem(row, "编号", f"编号 {code} 已经用在{holder}上"))
    bad = {p.row for p in problems}
    return dataclasses.replace(
        preview,
        rows=[r for r in preview.rows if r.row not in bad],
        problems=sorted([*preview.problems, *problems], key=lambda p: p.row),
    )


def _warnings(s: Session, preview: ImportPreview) -> list[str]:
    kept = {(name, place) for name, place in s.execute(select(EquipmentItem.name, EquipmentItem.location))}
    out = []
    for r in preview.rows:
        values = rules.validate_item(item_input(r.values))
        if (values.name, values.location) in kept:
            where = f"（{values.location}）" if values.location else ""
            out.append(f"第{r.row}行: 已有同名器材“{values.name}”{where}，将另登记一条，请核对是否重复")
    return out


def preview_import(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> EquipmentImportPreview:
    """Read the file and say what importing it would do. Writes nothing."""
    require(ctx.actor, "equipment", WRITE)
    read = read_table(path, SCHEMA, progress=progress, cancel=cancel)
    with ctx.db.read() as s:
        read = check_codes(s, read)
        warnings = _warnings(s, read)
        earlier = imported_files.earlier_import(s, IMPORT_KIND, read.sha256)
    inputs = [item_input(r.values) for r in read.rows]
    return EquipmentImportPreview(
        preview=read,
        items=len(inputs),
        pieces=sum(i.quantity for i in inputs),
        donors=tuple(dict.fromkeys(rules.one_line(i.donor) or UNKNOWN_SOURCE for i in inputs)),
        warnings=(*read.notices, *warnings),
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
    preview: EquipmentImportPreview | None = None,
    again: bool = False,
) -> EquipmentImportResult:
    """Import the file in one transaction (see the module doc). ``donor_name``: the source of rows that name none.
    ``preview``: the :func:`preview_import` the user just confirmed (its rows are used; the checks run again).

    Raises ValidationError (bad rows unless ``skip_invalid``; an unreadable file), ImportCancelled, or
    AlreadyImported when this very file was imported before and ``again`` is not set."""
    require(ctx.actor, "equipment", WRITE)
    source = Path(path).name
    read = (
        preview.preview if preview is not None else read_table(path, SCHEMA, progress=progress, cancel=cancel)
    )
    _check_cancel(cancel)
    today = dt.date.today()
    with ctx.db.session() as s:
        earlier = imported_files.earlier_import(s, IMPORT_KIND, read.sha256)
        if earlier is not None and not again:
            raise AlreadyImported(source, earlier)
        checked = check_codes(s, read)
        rows = checked.rows_for_import(skip_invalid=skip_invalid)
        if not rows:
            raise ValidationError(f"“{source}”里没有可以导入的行。", checked.problem_lines(200))
        warnings = _warnings(s, checked)
        allocator = AssetBarcodes(s)
        allocator.note_used(code for r in rows for code in r["barcodes"])
        default_source = rules.one_line(donor_name or "") or UNKNOWN_SOURCE
        batches: dict[tuple[str, dt.date], int] = {}
        codes: list[str] = []
        pieces = 0
        for n, r in enumerate(rows, start=1):
            values = rules.validate_item(item_input(r.values), today=today)
            donor = values.donor or default_source
            received = values.acquired_on or today
            key = (donor, received)
            if key not in batches:
                batches[key] = batch_for(s, ctx.actor, donor, received, f"从“{source}”导入", source)
            item, new_codes = add_item(s, ctx.actor, values, batch_id=batches[key], allocator=allocator)
            codes += new_codes
            pieces += values.quantity
            if n % 50 == 0:
                _check_cancel(cancel)
                if progress is not None:
                    progress(n, len(rows))
        _check_cancel(cancel)
        result = EquipmentImportResult(
            source=source,
            items_created=len(rows),
            pieces=pieces,
            barcodes=tuple(codes),
            donors=tuple(dict.fromkeys(d for d, _ in batches)),
            batch_ids=tuple(batches.values()),
            skipped_rows=tuple(checked.bad_rows) if skip_invalid else (),
            warnings=tuple(warnings),
        )
        imported_files.record_import(
            s, ctx.actor, IMPORT_KIND, read.sha256, source, rows=len(rows), items=pieces
        )
        audit.record(
            s,
            ctx.actor,
            "import",
            "equipment_item",
            ",".join(map(str, result.batch_ids))[:40],
            f"导入“{source}”：器材 {result.items_created} 种，共 {pieces} 件"
            + (f"，跳过 {len(result.skipped_rows)} 行" if result.skipped_rows else "")
            + (f"（此文件 {earlier.when} 已导入过，确认再次导入）" if earlier is not None else ""),
            {
                "file": [None, source],
                "sha256": [None, read.sha256],
                "again": [None, earlier is not None],
                "items_created": [None, result.items_created],
                "pieces": [None, pieces],
                "skipped_rows": [None, list(result.skipped_rows)],
                "batch_ids": [None, list(result.batch_ids)],
            },
        )
        if progress is not None:
            progress(len(rows), len(rows))
    return result


EXPORT_HEADERS: Final = (
    "名称",
    "类别",
    "数量",
    "单位",
    "存放位置",
    "状况",
    "逐件编号",
    "编号",
    "消耗品",
    "补货提醒",
    "来源",
    "入库日期",
    "单价",
    "备注",
    "可借",
    "借出",
    "损坏",
    "维修中",
)


def export_equipment(
    ctx: AppContext,
    path: str | PathLike[str],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> int:
    """Write every item (one row each) to ``.xlsx`` or ``.csv`` by the file's suffix, under the import's own column
    names (so the file imports into another centre), with the counts after them. Returns the row count. Audited."""
    require(ctx.actor, "equipment", READ)
    target = Path(path).resolve()
    suffix = target.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise ValidationError(f"只能导出为 .xlsx 或 .csv 文件（现为“{target.name}”）。")
    with ctx.db.read() as s:
        items = sorted(item_rows(s), key=lambda r: (r.category, r.name_pinyin, r.id))
        units: dict[int, list[str]] = {}
        for item_id, code in s.execute(
            select(EquipmentUnit.item_id, EquipmentUnit.barcode)
            .where(EquipmentUnit.status.in_(rules.HELD_UNIT_STATUSES))
            .order_by(EquipmentUnit.barcode)
        ):
            units.setdefault(item_id, []).append(code)
        received = dict(
            s.execute(
                select(EquipmentItem.id, DonationBatch.received_on).join(
                    DonationBatch, DonationBatch.id == EquipmentItem.batch_id
                )
            ).all()
        )
    rows = []
    for r in items:
        individual = r.tracking == Tracking.INDIVIDUAL
        rows.append(
            (
                r.name,
                r.category_label,
                r.total,
                r.unit,
                r.location,
                r.condition_label,
                "是" if individual else "否",
                "、".join(units.get(r.id, [])) if individual else r.barcode,
                "是" if r.consumable else "否",
                r.low_stock,
                r.donor,
                r.acquired_on or received.get(r.id),
                yuan(r.value_fen) if r.value_fen is not None else None,
                r.notes,
                r.available,
                r.out,
                r.damaged,
                r.repair,
            )
        )
    if suffix == ".xlsx":
        count = write_xlsx(
            target,
            EXPORT_HEADERS,
            rows,
            sheet_title="器材",
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
            "equipment_item",
            "",
            f"导出器材 {count} 种 → {target}",
            {"rows": [None, count], "target": [None, str(target)]},
        )
    return count
