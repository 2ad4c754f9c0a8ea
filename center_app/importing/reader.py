"""Read a spreadsheet or CSV file the way people actually send them, into an :class:`ImportPreview`.

What real files do, and what this module does about it:

- ``.xlsx``/``.xlsm`` is read with openpyxl in read-only, data-only mode: a formula gives the value Excel/WPS last
  calculated and is never executed. A formula with no saved value becomes a row problem, not a silent blank.
- ``.csv``/``.txt``/``.tsv`` may be UTF-8 (with or without BOM), GBK/GB18030 (Excel "CSV" on Chinese Windows) or
  UTF-16 (Excel "Unicode 文本"). The delimiter (comma, tab, semicolon) is the one under which a header is found.
  The full-width comma "，" is ordinary text, never a delimiter.
- The content decides, not the name: an xlsx workbook named ``.csv`` is read as a workbook (Windows hides
  extensions, so people cannot easily rename files); ``.xls``, encrypted workbooks, Word documents and random
  bytes get a Chinese message saying what to do, never a traceback.
- The header may sit below title rows and blank spacer rows; it is the first of the first 20 rows holding at
  least two known column names (or, failing that, all the required ones: a bare list under "书名"). Rows below
  keep the number the user sees (Excel's row, or the CSV line).
- Blank rows, repeated header rows and 合计/总计/小计/total rows are skipped.

Nothing here writes: the caller (a service) decides, from the preview, what to write in one transaction.
"""

from __future__ import annotations

import codecs
import csv
import io
import itertools
import logging
import unicodedata
import warnings
import zipfile
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from center_app.domain.errors import ValidationError
from center_app.importing.preview import Cancel, ImportCancelled, ImportPreview, Progress
from center_app.importing.schema import (
    FormulaWithoutValue,
    HeaderMatch,
    Schema,
    clean_cell,
    normalize_header,
    show,
)

log = logging.getLogger(__name__)

Row = tuple[int, list[Any]]  # (row number as the user sees it, raw cells)

MAX_DATA_ROWS = 200_000  # more than any centre's list; refusing beats freezing a 4 GB PC
HEADER_SEARCH_ROWS = 20
MAX_COLUMNS = 200  # cells further right are ignored (some sheets carry styling out to column XFD)
MAX_TEXT_BYTES = 100 * 1024 * 1024
MAX_XLSX_UNPACKED_BYTES = 1024 * 1024 * 1024  # a zip bomb or a monster workbook: refuse before unpacking
PROGRESS_EVERY = 200

XLSX_SUFFIXES = frozenset({".xlsx", ".xlsm"})
OLD_EXCEL_SUFFIXES = frozenset({".xls", ".et"})  # .et: WPS's own format, as old as .xls
TEXT_SUFFIXES = frozenset({".csv", ".txt", ".tsv"})
SUPPORTED_SUFFIXES = XLSX_SUFFIXES | TEXT_SUFFIXES
FILE_DIALOG_FILTER = "表格文件 (*.xlsx *.xlsm *.csv *.txt *.tsv)"
DELIMITERS = (",", "\t", ";")
TOTAL_WORDS = frozenset({"合计", "总计", "小计", "共计", "total", "subtotal", "grandtotal"})

_ZIP_MAGIC = (b"PK\x03\x04", b"PK\x05\x06")
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls/.doc, and encrypted xlsx
_SAVE_AS_XLSX = "请用 Excel 或 WPS 打开它，“另存为” Excel 工作簿（.xlsx）后再导入。"


def read_table(
    path: str | PathLike[str],
    schema: Schema,
    *,
    sheet: str | None = None,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> ImportPreview:
    """Read ``path`` against ``schema``.

    Returns a preview (good rows + row problems) or raises ValidationError for a file that cannot be read at all
    (wrong format, no header, missing required columns, no data, too many rows). ``progress(done, total)`` is
    called every few hundred rows (``total`` is an estimate, 0 if unknown); ``cancel()`` returning True raises
    ImportCancelled. ``sheet``: the worksheet to read; by default the active one, else the first with a header.
    """
    file = Path(path)
    _check_cancel(cancel)
    kind, data = _sniff(file)
    with ExitStack() as stack:
        if kind == "xlsx":
            candidates: Iterable[_Candidate] = _xlsx_candidates(file, sheet, stack)
        else:
            candidates = _text_candidates(file.name, data)
        found = _find_header(file.name, schema, candidates, first_wins=kind == "xlsx")
        return _collect(file.name, schema, found, progress, cancel)


# ------------------------------------------------------------------------------------------ file type


def _sniff(file: Path) -> tuple[str, bytes]:
    """Decide how to read the file from its first bytes (and its name, for the messages)."""
    name, suffix = file.name, file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES | OLD_EXCEL_SUFFIXES:
        shown = f"“{suffix}”格式的文件" if suffix else "没有扩展名的文件"
        raise ValidationError(f"不能导入{shown}（{name}）。请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。")
    try:
        size = file.stat().st_size
        with file.open("rb") as fh:
            head = fh.read(8)
            data = fh.read() if size <= MAX_TEXT_BYTES and not head.startswith(_ZIP_MAGIC) else b""
    except FileNotFoundError:
        raise ValidationError(f"找不到文件“{name}”，它可能已被移动或删除。") from None
    except IsADirectoryError:
        raise ValidationError(f"“{name}”是一个文件夹，请选择表格文件。") from None
    except OSError as exc:
        log.warning("cannot open %s: %s", file, exc)
        raise ValidationError(
            f"无法打开文件“{name}”，它可能正被其他程序（如 Excel）使用。请关闭后重试。"
        ) from None
    if size == 0:
        raise ValidationError(f"文件“{name}”是空的，里面没有任何内容。")
    if head.startswith(_ZIP_MAGIC):
        return "xlsx", b""
    if head.startswith(_OLE_MAGIC):
        if suffix in OLD_EXCEL_SUFFIXES:
            raise ValidationError(f"“{name}”是旧版 Excel 格式（{suffix}），不能直接导入。{_SAVE_AS_XLSX}")
        raise ValidationError(
            f"“{name}”不是普通的 Excel 工作簿：它可能设置了打开密码，或是旧版 .xls 文件改了扩展名。"
            f"请用 Excel 或 WPS 打开它（如有密码请先取消），“另存为” Excel 工作簿（.xlsx）后再导入。"
        )
    if suffix in XLSX_SUFFIXES | OLD_EXCEL_SUFFIXES:
        raise ValidationError(
            f"“{name}”不是有效的 Excel 工作簿：文件可能已损坏，或是别的文件改了扩展名。{_SAVE_AS_XLSX}"
        )
    if size > MAX_TEXT_BYTES:
        raise ValidationError(
            f"文件“{name}”太大（超过 {MAX_TEXT_BYTES // 1024 // 1024} MB），请分成几个文件导入。"
        )
    return "text", head + data


@dataclass(slots=True)
class _Candidate:
    """One way of reading the file: a worksheet, or the text split at one delimiter."""

    sheet_name: str
    rows: Iterator[Row]
    total: int  # estimated number of rows, for progress
    encoding: str = ""
    delimiter: str = ""


@dataclass(slots=True)
class _Found:
    candidate: _Candidate
    header_row: int
    match: HeaderMatch
    rows: Iterator[Row]  # the rows after the header


# ------------------------------------------------------------------------------------------ xlsx


def _xlsx_candidates(file: Path, wanted: str | None, stack: ExitStack) -> Iterator[_Candidate]:
    has_formulas = _inspect_zip(file)
    workbook = _load_workbook(file, stack, data_only=True)
    # Only when some sheet holds formulas: a second pass that sees the formulas themselves, so that a formula
    # with no saved value is reported rather than read as a blank cell. Most files have none and skip it.
    formulas = _load_workbook(file, stack, data_only=False) if has_formulas else None
    sheets = list(workbook.worksheets)
    if not sheets:
        raise ValidationError(f"工作簿“{file.name}”里没有工作表。")
    if wanted is not None:
        chosen = [ws for ws in sheets if ws.title == wanted] or [
            ws for ws in sheets if normalize_header(ws.title) == normalize_header(wanted)
        ]
        if not chosen:
            names = "、".join(f"“{ws.title}”" for ws in sheets)
            raise ValidationError(f"工作簿“{file.name}”里没有名为“{wanted}”的工作表（现有：{names}）。")
        sheets = chosen[:1]
    else:
        active = workbook.active
        if active in sheets:  # the sheet the user last looked at is the one they mean
            sheets.remove(active)
            sheets.insert(0, active)
    for ws in sheets:
        fws = formulas[ws.title] if formulas is not None else None
        what = f"工作表“{ws.title}”"
        yield _Candidate(ws.title, _guarded(_sheet_rows(ws, fws), file.name, what), total=ws.max_row or 0)


def _inspect_zip(file: Path) -> bool:
    """Check the zip is a workbook (not a Word file, an .ods, a zip bomb) and say whether any sheet has formulas."""
    name = file.name
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = {m.filename for m in members}
            if "xl/workbook.bin" in names:
                raise ValidationError(
                    f"“{name}”是 Excel 二进制工作簿（.xlsb），不能直接导入。{_SAVE_AS_XLSX}"
                )
            if "word/document.xml" in names:
                raise ValidationError(
                    f"“{name}”是 Word 文档，不是表格。请选择 Excel 工作簿（.xlsx）或 CSV 文件。"
                )
            if "content.xml" in names and "mimetype" in names:
                raise ValidationError(f"“{name}”是 OpenDocument 表格（.ods），不能直接导入。{_SAVE_AS_XLSX}")
            if "[Content_Types].xml" not in names or not any(n.startswith("xl/") for n in names):
                raise ValidationError(f"“{name}”是一个压缩包，不是 Excel 工作簿。请选择 .xlsx 或 .csv 文件。")
            if sum(m.file_size for m in members) > MAX_XLSX_UNPACKED_BYTES:
                raise ValidationError(f"工作簿“{name}”太大，请分成几个文件导入。")
            sheets = [
                m for m in members if m.filename.startswith("xl/worksheets/") and m.filename.endswith(".xml")
            ]
            return any(_member_has_formula(archive, m) for m in sheets)
    except ValidationError:
        raise
    except Exception as exc:  # BadZipFile, CRC errors, zlib.error, truncated files...: all mean "damaged"
        log.warning("not a readable zip: %s", file, exc_info=True)
        raise ValidationError(_damaged(name)) from exc


def _member_has_formula(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    # A plain byte search for the <f> element (with or without a namespace prefix), chunk by chunk.
    tail = b""
    with archive.open(member) as stream:
        while chunk := stream.read(1 << 20):
            block = tail + chunk
            if b"<f>" in block or b"<f " in block or b":f>" in block or b":f " in block:
                return True
            tail = block[-4:]
    return False


def _load_workbook(file: Path, stack: ExitStack, *, data_only: bool) -> Any:
    import openpyxl  # imported here: a CSV-only import should not pay for it

    try:
        # A file object, not the path: openpyxl refuses paths whose extension it does not know (.csv).
        handle = stack.enter_context(file.open("rb"))
        with warnings.catch_warnings():
            # "no default style", "extension not supported": openpyxl's worries, not the user's.
            warnings.simplefilter("ignore")
            workbook = openpyxl.load_workbook(handle, read_only=True, data_only=data_only)
    except Exception as exc:
        log.warning("openpyxl cannot load %s", file, exc_info=True)
        raise ValidationError(_damaged(file.name)) from exc
    stack.callback(workbook.close)
    return workbook


def _damaged(name: str) -> str:
    return f"无法读取“{name}”：它不是有效的 Excel 工作簿，可能已损坏或是别的文件改了扩展名。{_SAVE_AS_XLSX}"


def _sheet_rows(ws: Any, fws: Any) -> Iterator[Row]:
    from openpyxl.worksheet.formula import ArrayFormula, DataTableFormula

    # The stored dimension is often wrong (files from other programs); without it openpyxl reads what is there.
    ws.reset_dimensions()
    formula_rows: Iterator[tuple[Any, ...]] | None = None
    if fws is not None:
        fws.reset_dimensions()
        formula_rows = fws.iter_rows(values_only=True)
    for number, values in enumerate(ws.iter_rows(values_only=True), start=1):
        cells = list(values[:MAX_COLUMNS])
        if formula_rows is not None:
            formula_row = next(formula_rows, ())
            for index, value in enumerate(cells):
                if value is None and index < len(formula_row):
                    formula = formula_row[index]
                    if isinstance(formula, str) and formula.startswith("="):
                        cells[index] = FormulaWithoutValue(formula)
                    elif isinstance(formula, ArrayFormula | DataTableFormula):
                        cells[index] = FormulaWithoutValue(str(getattr(formula, "text", "") or "="))
        yield number, cells


def _guarded(rows: Iterator[Row], name: str, what: str) -> Iterator[Row]:
    """Turn any failure of the file parser mid-way into a ValidationError naming the place."""
    number = 0
    while True:
        try:
            item = next(rows)
        except StopIteration:
            return
        except (ValidationError, ImportCancelled):
            raise
        except csv.Error as exc:
            log.warning("csv error in %s near line %d: %s", name, number + 1, exc)
            raise ValidationError(
                f"“{name}”第{number + 1}行附近的格式有误：可能有不成对的引号，或单元格内容太长。"
                "请用 Excel 或 WPS 打开检查，或另存为 .xlsx 后再导入。"
            ) from None
        except Exception as exc:  # a damaged sheet part: the parser's own exception means nothing to the user
            log.warning("cannot read %s of %s near row %d", what, name, number + 1, exc_info=True)
            raise ValidationError(
                f"读取“{name}”的{what}第{number + 1}行附近时出错，文件可能已损坏。{_SAVE_AS_XLSX}"
            ) from exc
        number = item[0]
        yield item


# ------------------------------------------------------------------------------------------ text


def _text_candidates(name: str, data: bytes) -> list[_Candidate]:
    text, encoding = _decode(name, data)
    if not text.strip(" \t\r\n,;"):  # ",,,\n,,": what Excel saves for a sheet of empty cells
        raise ValidationError(f"文件“{name}”是空的，里面没有任何内容。")
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise ValidationError(
            f"“{name}”不是文本表格文件（里面有无法显示的内容）。请选择 .xlsx 或 .csv 文件。"
        )
    total = max(text.count("\n"), text.count("\r")) + 1
    return [
        _Candidate("", _guarded(_csv_rows(text, d), name, ""), total, encoding=encoding, delimiter=d)
        for d in DELIMITERS
    ]


def _decode(name: str, data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM or not) first, then GB18030 (a superset of GBK and GB2312); UTF-16 only with a BOM or NULs."""
    attempts: list[tuple[bytes, str]]
    if data.startswith(codecs.BOM_UTF8):
        attempts = [(data[len(codecs.BOM_UTF8) :], "utf-8")]
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        attempts = [(data, "utf-16")]
    else:
        attempts = [(data, "utf-8"), (data, "gb18030")]
        sample = data[:4096]
        if 0 in sample:  # UTF-8 and GBK text never holds NUL bytes; UTF-16 without BOM does (ASCII chars)
            even_nuls = sample[0::2].count(0)
            attempts.insert(0, (data, "utf-16-be" if even_nuls > sample[1::2].count(0) else "utf-16-le"))
    for payload, encoding in attempts:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError:
            continue
        if encoding.startswith("utf-16-") and not _plausible(text):
            continue  # binary junk decodes as UTF-16 too; only a guess that reads as text counts
        return text, encoding.removesuffix("-le").removesuffix("-be")
    raise ValidationError(
        f"无法识别文件编码：“{name}”既不是 UTF-8，也不是 GBK/GB18030。"
        "请用 Excel 或 WPS 打开它，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8（逗号分隔）”后再导入。"
    )


def _plausible(text: str) -> bool:
    """Does this look like a Chinese/English table? (ASCII, Latin-1, CJK, full-width forms, punctuation)"""
    sample = text[:4000]
    usual = sum(
        1
        for ch in sample
        if ch in "\t\r\n"
        or " " <= ch <= "\u00ff"
        or "\u2000" <= ch <= "\u206f"
        or "\u2e80" <= ch <= "\u9fff"
        or "\uf900" <= ch <= "\ufaff"
        or "\uff00" <= ch <= "\uffef"
    )
    return usual >= 0.9 * len(sample)


def _control_ratio(text: str) -> float:

    sample = text[:20000]
    controls = sum(1 for ch in sample if ch not in "\t\r\n" and unicodedata.category(ch) == "Cc")
    return controls / len(sample)


def _csv_rows(text: str, delimiter: str) -> Iterator[Row]:
    # newline="" lets the csv module see \r\n, \n and old-Mac \r line ends, and quoted line breaks intact.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    line = 1
    for record in reader:
        yield line, record[:MAX_COLUMNS]
        line = reader.line_num + 1  # a quoted cell may span lines: the next record starts after them


# ------------------------------------------------------------------------------------------ header


@dataclass(slots=True)
class _Diagnosis:
    """What the header search saw, to explain a failure."""

    non_blank: list[str] = field(default_factory=list)  # first text of each non-blank row, best candidate
    best: int = 0
    full_width_commas: bool = False
    error: ValidationError | None = None


def _find_header(name: str, schema: Schema, candidates: Iterable[_Candidate], *, first_wins: bool) -> _Found:
    """Try each sheet (xlsx: the first with a header wins) or delimiter (CSV: the one matching most names wins)."""
    best: _Found | None = None

    diagnosis = _Diagnosis()
    for candidate in candidates:
        try:
            head = list(itertools.islice(candidate.rows, HEADER_SEARCH_ROWS))
        except ValidationError as exc:  # this delimiter choked; another one may not
            diagnosis.error = diagnosis.error or exc
            continue
        found = _header_in(schema, candidate, head, diagnosis)
        if found is not None and (best is None or found.match.count > best.match.count):
            if best is not None:
                _close(best.candidate.rows)
            best = found
            if first_wins and found.match.count >= schema.header_threshold:
                break
        else:
            _close(candidate.rows)
    if best is not None:
        return best
    if diagnosis.error is not None:
        raise diagnosis.error
    raise _no_header_error(name, schema, diagnosis)


def _header_in(
    schema: Schema, candidate: _Candidate, head: list[Row], diagnosis: _Diagnosis
) -> _Found | None:
    non_blank: list[str] = []
    fallback: tuple[int, int, HeaderMatch] | None = None
    for index, (number, cells) in enumerate(head):
        texts = [str(v) for v in map(clean_cell, cells) if v is not None]
        if not texts:
            continue
        non_blank.append(texts[0])
        diagnosis.full_width_commas |= any("，" in t for t in texts)
        match = schema.match_header(cells)
        diagnosis.best = max(diagnosis.best, match.count)
        if match.count >= schema.header_threshold:
            rest = itertools.chain(head[index + 1 :], candidate.rows)
            return _Found(candidate, number, match, rest)
        if fallback is None and match.count and schema.required_columns and not schema.missing_columns(match):
            fallback = (index, number, match)  # e.g. a bare list of titles under a lone "书名"
    if fallback is not None:
        index, number, match = fallback
        return _Found(candidate, number, match, itertools.chain(head[index + 1 :], candidate.rows))

    if len(non_blank) > len(diagnosis.non_blank):  # keep the sheet (or delimiter) that showed the most
        diagnosis.non_blank = non_blank
    return None


def _close(rows: Iterator[Row]) -> None:
    close = getattr(rows, "close", None)
    if close is not None:
        close()


def _no_header_error(name: str, schema: Schema, diagnosis: _Diagnosis) -> ValidationError:
    known = [c.describe() for c in schema.columns]
    if not diagnosis.non_blank:
        return ValidationError(f"文件“{name}”里没有任何内容（前 {HEADER_SEARCH_ROWS} 行都是空的）。")
    if diagnosis.full_width_commas and diagnosis.best == 0:
        return ValidationError(
            f"没有在“{name}”中找到表头：文件里的列是用中文逗号“，”隔开的。"
            "请改用英文逗号“,”，或用 Excel/WPS 整理成表格另存为 .xlsx 后再导入。",
            known,
        )
    if len(diagnosis.non_blank) <= 2 and diagnosis.best == 0:
        return ValidationError(
            f"文件“{name}”里只有标题（“{show(diagnosis.non_blank[0])}”），没有表头和数据。", known
        )
    names = "、".join(c.label for c in schema.columns[:6])
    return ValidationError(
        f"没有在“{name}”中找到表头：前 {HEADER_SEARCH_ROWS} 行里没有一行包含至少 {schema.header_threshold} 个"
        f"能识别的列名（如 {names}）。",
        known,
    )


def _check_header(name: str, schema: Schema, found: _Found) -> None:
    where = f"“{name}”的表头（第{found.header_row}行）"
    if found.match.conflicts:
        lines = [
            f"{'、'.join(f'“{t}”' for t in texts)}都表示“{schema.by_key[key].label}”，请删除或改名其中一列"
            for key, texts in found.match.conflicts.items()
        ]
        raise ValidationError(f"{where}中有重复的列。", lines)
    missing = schema.missing_columns(found.match)
    if missing:
        labels = "、".join(f"“{c.label}”" for c in missing)
        raise ValidationError(f"{where}缺少必填列：{labels}。", [c.describe() for c in missing])


# ------------------------------------------------------------------------------------------ rows


def is_total_row(cells: Iterable[object]) -> bool:
    """A 合计/总计/小计/total row: summary lines at the bottom of a list, not data."""
    return any(isinstance(v, str) and normalize_header(v) in TOTAL_WORDS for v in map(clean_cell, cells))


def _collect(
    name: str, schema: Schema, found: _Found, progress: Progress | None, cancel: Cancel | None
) -> ImportPreview:
    _check_header(name, schema, found)
    candidate, positions = found.candidate, found.match.positions
    preview = ImportPreview(
        source=name,
        sheet_name=candidate.sheet_name,
        header_row=found.header_row,
        columns=dict(found.match.texts),
        ignored_columns=list(found.match.ignored),
        encoding=candidate.encoding,
        delimiter=candidate.delimiter,
    )
    validator = schema.validator()
    done = found.header_row
    for number, cells in found.rows:
        done += 1
        if done % PROGRESS_EVERY == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(done, max(candidate.total, done))
        if all(clean_cell(v) is None for v in cells):
            continue  # blank spacer row
        if is_total_row(cells):
            preview.total_rows_seen += 1
            preview.skipped_total_rows.append(number)
            continue
        raw = {key: cells[i] if i < len(cells) else None for key, i in positions.items()}
        if all(clean_cell(v) is None for v in raw.values()) or schema.is_header_repeat(raw):
            continue  # nothing we import on this row (a note in an ignored column), or the header again
        preview.total_rows_seen += 1
        if preview.total_rows_seen > MAX_DATA_ROWS:
            raise ValidationError(f"“{name}”的数据超过 {MAX_DATA_ROWS} 行，请分成几个文件分别导入。")
        validator.check(number, raw)
    _check_cancel(cancel)
    if not validator.rows and not validator.problems:
        raise ValidationError(f"“{name}”的表头（第{found.header_row}行）下面没有数据。")
    preview.rows, preview.problems = validator.rows, validator.problems
    if progress is not None:
        progress(done, done)
    return preview


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()
