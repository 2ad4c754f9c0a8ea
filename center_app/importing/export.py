"""Write tables to .xlsx or .csv safely.

Safe means three things here:

1. **No formula injection.** A spreadsheet treats a cell that starts with ``=``, ``+``, ``-`` or ``@`` as a formula
   (and tab / carriage return can be used to sneak one in). A child's name, a donor's note or a volunteer's remark
   typed as ``=HYPERLINK("http://evil", "点我")`` would otherwise run in the bureau's Excel when they open our
   export. Such text is written with a leading apostrophe ``'``, the way OWASP recommends: Excel shows the text
   and never evaluates it. Numbers are written as numbers and are not touched. Our reader removes that
   apostrophe again, so export → import gives back the same text.
2. **No half files.** Everything is written to a temporary file in the same folder, flushed to disk, then moved
   over the target with ``os.replace`` (atomic on the same volume). A power cut, a full USB stick or a cancel
   leaves the old file (or none), never a truncated one that Excel calls damaged.
3. **Opens right in Chinese Excel.** CSV is UTF-8 *with* BOM (without it Excel on Chinese Windows reads GBK and
   shows mojibake) and CRLF line ends; dates are real dates in xlsx and ISO ``2026-11-29`` in CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import math
import os
import re
import tempfile
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from decimal import Decimal
from os import PathLike
from pathlib import Path
from typing import IO, Any

from center_app.domain.errors import DomainError
from center_app.importing.preview import Cancel, Progress
from center_app.importing.schema import FORMULA_TRIGGERS

PROGRESS_EVERY = 200
MAX_XLSX_CELL_CHARS = 32767  # Excel's own limit; longer text makes Excel "repair" the file
WIDTH_SAMPLE_ROWS = 200  # column widths are measured on the first rows only (write-only mode is one pass)
_ILLEGAL_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")  # control characters an xlsx file cannot hold
_SHEET_TITLE_BAD = re.compile(r"[\[\]:*?/\\]")


class ExportCancelled(DomainError):
    """The user pressed Cancel during an export. The target file was not touched."""

    def __init__(self, message: str = "导出已取消，没有生成文件。") -> None:
        super().__init__(message)


def escape_formula(text: str) -> str:
    """``=1+1`` → ``'=1+1``: text that a spreadsheet would run as a formula is shown as text instead."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def yuan(fen: int) -> Decimal:
    """Fen (as stored, see schema.Money) → yuan for export: 1250 → Decimal('12.50')."""
    return (Decimal(fen) / 100).quantize(Decimal("0.01"))


def write_xlsx(
    path: str | PathLike[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    sheet_title: str = "Sheet1",
    title: str = "",
    landscape: bool = False,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    total: int | None = None,
) -> int:
    """Write one sheet: bold frozen header with a filter, sensible column widths, then ``rows``. Returns row count.

    Printed from Excel or WPS it comes out right the first time: A4, the header row (and ``title``, a bold row
    above it, when given) repeated on every page; ``landscape`` also fits every column to the page's width
    (a register of 31 days), pages running down as far as the rows need.

    Values: str (escaped), int/float/Decimal (numbers), date/datetime (real dates), bool (是/否), None (empty).
    ``total`` (or ``len(rows)``) is only used for ``progress(done, total)``.
    """
    from openpyxl import Workbook

    total = _total(rows, total)
    stream = iter(rows)
    sample = [list(r) for r in _take(stream, WIDTH_SAMPLE_ROWS)]

    def produce(fh: IO[bytes]) -> int:
        workbook = Workbook(write_only=True)
        count = _fill_sheet(
            workbook,
            headers,
            sample,
            stream,
            sheet_title=sheet_title,
            title=title,
            landscape=landscape,
            progress=progress,
            cancel=cancel,
            total=total,
        )
        workbook.save(fh)
        return count

    return _atomic_write(Path(path), produce)


@dataclass(frozen=True)
class Sheet:
    """One sheet of :func:`write_xlsx_sheets`: ``title`` (a bold row above the header) and ``landscape`` as in
    :func:`write_xlsx`."""

    sheet_title: str
    headers: Sequence[str]
    rows: Sequence[Sequence[object]]
    title: str = ""
    landscape: bool = False


def write_xlsx_sheets(path: str | PathLike[str], sheets: Sequence[Sheet]) -> int:
    """Write several sheets to one workbook (a report's tables, one per sheet), each as :func:`write_xlsx` writes
    its one: escaped values, header row and title repeated on every printed page. Sheet names are made valid and
    unique (``借阅``, ``借阅(2)``). Returns the number of rows written over all sheets."""
    from openpyxl import Workbook

    if not sheets:
        raise DomainError("没有可以导出的表格。")

    def produce(fh: IO[bytes]) -> int:
        workbook = Workbook(write_only=True)
        used: set[str] = set()
        count = 0
        for sheet in sheets:
            name = base = _sheet_title(sheet.sheet_title)
            number = 1
            while name.casefold() in used:
                number += 1
                suffix = f"({number})"
                name = base[: 31 - len(suffix)] + suffix
            used.add(name.casefold())
            rows = [list(r) for r in sheet.rows]
            count += _fill_sheet(
                workbook,
                sheet.headers,
                rows[:WIDTH_SAMPLE_ROWS],
                iter(rows[WIDTH_SAMPLE_ROWS:]),
                sheet_title=name,
                title=sheet.title,
                landscape=sheet.landscape,
            )
        workbook.save(fh)
        return count

    return _atomic_write(Path(path), produce)


def _fill_sheet(
    workbook: Any,
    headers: Sequence[str],
    sample: list[list[Any]],
    stream: Iterator[Sequence[object]],
    *,
    sheet_title: str,
    title: str,
    landscape: bool,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    total: int = 0,
) -> int:
    """Add one write-only sheet to ``workbook``: column widths from ``sample``, the title and header rows, then
    ``sample`` and the rest of ``stream``. Returns the rows written."""
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    ws = workbook.create_sheet(_sheet_title(sheet_title))
    for index, width in enumerate(_column_widths(headers, sample), start=1):
        ws.column_dimensions[get_column_letter(index)].width = width
    header_row = 2 if title else 1
    ws.freeze_panes = f"A{header_row + 1}"
    ws.page_setup.paperSize = 9  # A4
    ws.print_title_rows = f"1:{header_row}"
    if landscape:
        ws.page_setup.orientation = "landscape"
        ws.page_setup.fitToWidth = 1
        ws.page_setup.fitToHeight = 0  # as many pages down as needed
        ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.print_options.horizontalCentered = True
    if title:
        title_cell = WriteOnlyCell(ws, value=_xlsx_value(title))
        title_cell.font = Font(bold=True, size=14)
        ws.append([title_cell])
    bold, fill = Font(bold=True), PatternFill("solid", fgColor="DDEBF7")
    header_cells = []
    for text in headers:
        cell = WriteOnlyCell(ws, value=_xlsx_value(text))
        cell.font, cell.fill = bold, fill
        cell.alignment = Alignment(vertical="center")
        header_cells.append(cell)
    ws.append(header_cells)
    count = 0
    try:
        for row in _with_progress(itertools.chain(sample, stream), total, progress, cancel):
            ws.append([_xlsx_value(v) for v in row])
            count += 1
    except BaseException:
        _discard_write_only(ws)
        raise
    if headers:
        ws.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{count + header_row}"
    return count


def write_csv(
    path: str | PathLike[str],
    headers: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    total: int | None = None,
) -> int:
    """Write UTF-8-with-BOM CSV (comma, CRLF, minimal quoting) that Excel in China opens as is. Returns row count."""
    total = _total(rows, total)

    def produce(fh: IO[bytes]) -> int:
        text = io.TextIOWrapper(fh, encoding="utf-8-sig", newline="")  # utf-8-sig writes the BOM first
        writer = csv.writer(text, lineterminator="\r\n")
        writer.writerow([_csv_value(h) for h in headers])
        count = 0
        for row in _with_progress(iter(rows), total, progress, cancel):
            writer.writerow([_csv_value(v) for v in row])
            count += 1
        text.flush()
        text.detach()  # leave the binary file to _atomic_write, which closes it
        return count

    return _atomic_write(Path(path), produce)


# ------------------------------------------------------------------------------------------ values


def _local_naive(value: dt.datetime) -> dt.datetime:
    # Spreadsheets have no time zones; an aware UTC timestamp is shown in the PC's local time.
    return value.astimezone().replace(tzinfo=None) if value.tzinfo is not None else value


def _text(value: str) -> str:
    return escape_formula(_ILLEGAL_XML.sub("", value))


def _xlsx_value(value: object) -> object:
    if value is None:
        return None
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        return _text(value)[:MAX_XLSX_CELL_CHARS]
    if isinstance(value, float):
        return value if math.isfinite(value) else None
    if isinstance(value, int | Decimal):
        return value if not isinstance(value, Decimal) or value.is_finite() else None
    if isinstance(value, dt.datetime):
        return _local_naive(value)  # openpyxl gives it a date-time number format
    if isinstance(value, dt.date | dt.time):
        return value
    return _text(str(value))[:MAX_XLSX_CELL_CHARS]


def _csv_value(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, str):
        return escape_formula(value.replace("\x00", ""))
    if isinstance(value, float):
        if not math.isfinite(value):
            return ""
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, Decimal):
        return format(value, "f") if value.is_finite() else ""
    if isinstance(value, int):
        return str(value)
    if isinstance(value, dt.datetime):
        return _local_naive(value).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    return escape_formula(str(value).replace("\x00", ""))


def _display_width(value: object) -> int:
    if isinstance(value, dt.datetime):
        return 16
    if isinstance(value, dt.date):
        return 10
    text = "" if value is None else str(value)
    line = max(text.splitlines() or [""], key=len)
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _column_widths(headers: Sequence[str], sample: list[list[Any]]) -> list[float]:
    widths: list[float] = []
    for index, header in enumerate(headers):
        widest = max([_display_width(header), *(_display_width(r[index]) for r in sample if index < len(r))])
        widths.append(min(max(widest + 2, 6), 50))
    return widths


def _sheet_title(title: str) -> str:
    # Excel: at most 31 characters, none of []:*?/\, not starting or ending with an apostrophe.
    cleaned = _SHEET_TITLE_BAD.sub("", title).strip().strip("'")[:31]
    return cleaned or "Sheet1"


# ------------------------------------------------------------------------------------------ plumbing


def _take(stream: Iterator[Sequence[object]], count: int) -> Iterator[Sequence[object]]:
    for _ in range(count):
        try:
            yield next(stream)
        except StopIteration:
            return


def _total(rows: Iterable[object], total: int | None) -> int:
    if total is not None:
        return total
    try:
        return len(rows)  # type: ignore[arg-type]
    except TypeError:
        return 0  # unknown: the UI shows a busy indicator


def _with_progress(
    rows: Iterator[Sequence[object]], total: int, progress: Progress | None, cancel: Cancel | None
) -> Iterator[Sequence[object]]:
    _check_cancel(cancel)
    done = 0
    for row in rows:
        yield row
        done += 1
        if done % PROGRESS_EVERY == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(done, max(total, done))
    _check_cancel(cancel)
    if progress is not None:
        progress(done, max(total, done))


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ExportCancelled()


def _discard_write_only(ws: Any) -> None:
    # openpyxl streams a write-only sheet into its own temp file; remove it now rather than at interpreter exit.
    # Private openpyxl attributes, so every step is best effort: at worst the temp file waits for exit.
    with suppress(Exception):
        rows = getattr(ws, "_rows", None)
        if rows is not None:
            rows.close()  # finish the row generator first, or it writes into a closed file when collected
        writer = getattr(ws, "_writer", None)
        if writer is not None:
            writer.close()
            writer.cleanup()


def _atomic_write(target: Path, produce: Callable[[IO[bytes]], int]) -> int:
    name = target.name
    folder = target.parent
    if not folder.is_dir():
        raise DomainError(f"文件夹“{folder}”不存在，请换一个保存位置。")
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f"~{target.stem}.", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise DomainError(f"不能在“{folder}”中保存文件（{exc.strerror or exc}）。请换一个保存位置。") from exc
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as fh:
            count = produce(fh)
            fh.flush()
            os.fsync(fh.fileno())  # the bytes are on disk before the name points at them (power cuts)
        os.replace(tmp, target)
    except BaseException as exc:
        with suppress(OSError):
            tmp.unlink()
        if isinstance(exc, PermissionError):
            raise DomainError(
                f"无法保存“{name}”：文件可能正在 Excel 或 WPS 中打开，或没有写入权限。请关闭它后重试，或换一个文件名。"
            ) from exc
        if isinstance(exc, OSError):
            raise DomainError(
                f"保存“{name}”失败（{exc.strerror or exc}）。请检查磁盘空间或 U 盘是否已拔出。"
            ) from exc
        raise
    return count
