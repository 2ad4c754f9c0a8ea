"""Where the rows come from: the file's real type, an xlsx workbook's sheets (visible first, merged ranges), a text
file's encoding and delimiter. Each way of reading the file is a candidate; ``reader`` finds the header among them."""

from __future__ import annotations

import codecs
import csv
import hashlib
import io
import logging
import re
import unicodedata
import warnings
import zipfile
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from center_app.domain.errors import ValidationError
from center_app.importing.preview import ImportCancelled
from center_app.importing.schema import (
    FormulaWithoutValue,
    HeaderMatch,
    clean_cell,
    normalize_header,
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


# ------------------------------------------------------------------------------------------ file type


def sniff(file: Path) -> tuple[str, bytes, str]:
    """Decide how to read the file from its first bytes (and its name, for the messages).

    Returns the kind ("xlsx" or "text"), a text file's bytes, and the SHA-256 of the whole file."""
    name, suffix = file.name, file.suffix.lower()
    if suffix not in SUPPORTED_SUFFIXES | OLD_EXCEL_SUFFIXES:
        shown = f"“{suffix}”格式的文件" if suffix else "没有扩展名的文件"
        raise ValidationError(f"不能导入{shown}（{name}）。请选择 Excel 工作簿（.xlsx）或 CSV 文件（.csv）。")
    try:
        size = file.stat().st_size
        with file.open("rb") as fh:
            head = fh.read(8)
            digest = hashlib.sha256(head)
            data = b""
            if head.startswith(_ZIP_MAGIC):
                while chunk := fh.read(1 << 20):
                    digest.update(chunk)
            elif size <= MAX_TEXT_BYTES:
                data = fh.read()
                digest.update(data)
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
        return "xlsx", b"", digest.hexdigest()
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
    return "text", head + data, digest.hexdigest()


#: A merged range as (first row, first column, last row, last column), 1-based like Excel's.
Merge = tuple[int, int, int, int]


@dataclass(slots=True)
class Candidate:
    """One way of reading the file: a worksheet, or the text split at one delimiter."""

    sheet_name: str
    rows: Iterator[Row]
    total: int  # estimated number of rows, for progress
    encoding: str = ""
    delimiter: str = ""
    hidden: bool = False  # a hidden (or "very hidden") worksheet
    merges: list[Merge] = field(default_factory=list)


@dataclass(slots=True)
class Found:
    candidate: Candidate
    header_row: int
    match: HeaderMatch
    rows: Iterator[Row]  # the rows after the header


# ------------------------------------------------------------------------------------------ xlsx


def xlsx_candidates(
    file: Path, wanted: str | None, stack: ExitStack, seen: list[Any]
) -> Iterator[Candidate]:
    has_formulas = _inspect_zip(file)
    workbook = _load_workbook(file, stack, data_only=True)
    # Only when some sheet holds formulas: a second pass that sees the formulas themselves, so that a formula
    # with no saved value is reported rather than read as a blank cell. Most files have none and skip it.
    formulas = _load_workbook(file, stack, data_only=False) if has_formulas else None
    sheets = list(workbook.worksheets)
    if not sheets:
        raise ValidationError(f"工作簿“{file.name}”里没有工作表。")
    seen.extend(sheets)
    if wanted is not None:
        chosen = [ws for ws in sheets if ws.title == wanted] or [
            ws for ws in sheets if normalize_header(ws.title) == normalize_header(wanted)
        ]
        if not chosen:
            names = "、".join(f"“{ws.title}”" for ws in sheets)
            raise ValidationError(f"工作簿“{file.name}”里没有名为“{wanted}”的工作表（现有：{names}）。")
        sheets = chosen[:1]
    else:
        # What the user sees first: the visible sheets, the one they last looked at first; hidden sheets last.
        active = workbook.active
        visible = [ws for ws in sheets if not _is_hidden(ws)]
        if active in visible:
            visible.remove(active)
            visible.insert(0, active)
        sheets = visible + [ws for ws in sheets if _is_hidden(ws)]
    for ws in sheets:
        fws = formulas[ws.title] if formulas is not None else None
        what = f"工作表“{ws.title}”"
        yield Candidate(
            ws.title,
            _guarded(_sheet_rows(ws, fws), file.name, what),
            total=ws.max_row or 0,
            hidden=_is_hidden(ws),
            merges=_merged_ranges(ws, file.name),
        )


def _is_hidden(ws: Any) -> bool:
    return getattr(ws, "sheet_state", "visible") != "visible"  # "hidden" or "veryHidden"


_MERGE_REF = re.compile(r'<(?:\w+:)?mergeCell\b[^>]*?\bref="([A-Za-z]{1,3}\d+(?::[A-Za-z]{1,3}\d+)?)"')


def _merged_ranges(ws: Any, name: str) -> list[Merge]:
    """The sheet's merged ranges. openpyxl's read-only mode does not read them, so the ``<mergeCells>`` element
    (after all the rows in the sheet's XML) is found with a byte search while the part is streamed."""
    from openpyxl.utils.cell import range_boundaries

    collected: list[bytes] | None = None
    try:
        with ws._get_source() as source:  # the sheet's XML part in the open archive
            tail = b""
            while chunk := source.read(1 << 20):
                if collected is not None:
                    collected.append(chunk)
                    continue
                block = tail + chunk
                at = block.find(b"mergeCells")
                if at >= 0:
                    collected = [block[max(at - 16, 0) :]]
                else:
                    tail = block[-16:]
    except Exception:  # the rows themselves will say what is wrong with the part, if anything is
        log.warning(
            "cannot look for merged cells in %s of %s", getattr(ws, "title", "?"), name, exc_info=True
        )
        return []
    if collected is None:
        return []
    ranges: list[Merge] = []
    for ref in _MERGE_REF.findall(b"".join(collected).decode("utf-8", "replace")):
        try:
            min_col, min_row, max_col, max_row = range_boundaries(ref.upper())
        except (TypeError, ValueError):
            continue
        if (min_row, min_col) != (max_row, max_col):
            ranges.append((min_row, min_col, max_row, max_col))
    return sorted(ranges)


def _sheet_has_data(ws: Any, rows: int = 1000) -> bool:
    """Does the sheet hold anything in its first ``rows`` rows? (For the "other sheets were not read" notice.)"""
    try:
        ws.reset_dimensions()
        for index, values in enumerate(ws.iter_rows(values_only=True)):
            if any(clean_cell(v) is not None for v in values[:MAX_COLUMNS]):
                return True
            if index >= rows:
                break
    except Exception:
        log.warning("cannot look into sheet %s", getattr(ws, "title", "?"), exc_info=True)
    return False


def sheet_notices(chosen: Candidate, sheets: list[Any]) -> list[str]:
    notices = []
    if chosen.hidden:
        notices.append(
            f"工作表“{chosen.sheet_name}”是隐藏的工作表：其他工作表里没有找到表头，所以读取了它，请核对"
        )
    others = [
        f"“{ws.title}”（隐藏）" if _is_hidden(ws) else f"“{ws.title}”"
        for ws in sheets
        if ws.title != chosen.sheet_name and _sheet_has_data(ws)
    ]
    if others:
        notices.append(
            f"只读取了工作表“{chosen.sheet_name}”；工作表{'、'.join(others)}也有内容，没有读取"
            "（一次只导入一个工作表，需要的话请把它另存为单独的文件再导入）"
        )
    return notices


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


def text_candidates(name: str, data: bytes) -> list[Candidate]:
    text, encoding = _decode(name, data)
    if not text.strip(" \t\r\n,;"):  # ",,,\n,,": what Excel saves for a sheet of empty cells
        raise ValidationError(f"文件“{name}”是空的，里面没有任何内容。")
    if "\x00" in text or _control_ratio(text) > 0.01:
        raise ValidationError(
            f"“{name}”不是文本表格文件（里面有无法显示的内容）。请选择 .xlsx 或 .csv 文件。"
        )
    total = max(text.count("\n"), text.count("\r")) + 1
    return [
        Candidate("", _guarded(_csv_rows(text, d), name, ""), total, encoding=encoding, delimiter=d)
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
    # encoding -> (payload, its first bad byte, where decoding resumes after it)
    failures: dict[str, tuple[bytes, int, int]] = {}
    for payload, encoding in attempts:
        try:
            text = payload.decode(encoding)
        except UnicodeDecodeError as exc:
            failures[encoding] = (payload, exc.start, exc.end)
            continue
        if encoding.startswith("utf-16-") and not _plausible(text):
            continue  # binary junk decodes as UTF-16 too; only a guess that reads as text counts
        return text, encoding.removesuffix("-le").removesuffix("-be")
    lines = _bad_lines(failures)
    where = f"第{'、'.join(map(str, lines[:10]))}{'等' if len(lines) > 10 else ''}行" if lines else "文件中"
    raise ValidationError(
        f"“{name}”{where}有无法识别的字符（文件编码不是 UTF-8 或 GBK？），没有导入任何数据。"
        "请改正这些字符，或用 Excel 或 WPS 打开它，另存为 Excel 工作簿（.xlsx）或“CSV UTF-8（逗号分隔）”后再导入。"
    )


def _bad_lines(failures: dict[str, tuple[bytes, int, int]], limit: int = 11) -> list[int]:
    """The line numbers of the bytes that the file's most likely encoding cannot decode (at most ``limit``).

    The likely encoding: UTF-8 when valid UTF-8 text (a non-ASCII character) comes before its first bad byte — GBK
    text almost never is valid UTF-8 — else GB18030 (GBK), else whatever failed furthest into the file."""
    if not failures:
        return []
    utf8 = failures.get("utf-8")
    if utf8 is not None and any(b >= 0x80 for b in utf8[0][: utf8[1]]):
        encoding = "utf-8"
    elif "gb18030" in failures:
        encoding = "gb18030"
    else:
        encoding = max(failures, key=lambda e: failures[e][1])
    payload, start, resume = failures[encoding]
    offsets = [start]
    while len(offsets) < limit:  # the next bad bytes, resuming where errors="replace" would
        try:
            payload[resume:].decode(encoding)
        except UnicodeDecodeError as exc:
            offsets.append(resume + exc.start)
            resume += exc.end
        else:
            break
    lines: list[int] = []
    for offset in offsets:
        prefix = payload[:offset].decode(encoding, errors="replace")
        line = (prefix.count("\n") if "\n" in prefix else prefix.count("\r")) + 1
        if line not in lines:
            lines.append(line)
    return lines


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


