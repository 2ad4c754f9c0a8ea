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
- A workbook is read from its first *visible* sheet with a header (the active one first); a hidden sheet only when no
  visible one has a header. The preview names the sheet read, says when it is hidden, and names the other sheets
  that hold something and were not read.
- A merged range below the header (a 捐赠方 cell merged over rows 5–9) shows its value in every cell of the range,
  so that is how it is read — with a notice naming the rows and the column, never a silent blank in rows 6–9.
- A text file that is neither valid UTF-8 nor valid GBK/GB18030 is refused whole, naming the line(s) with the
  stray bytes.
- The header may sit below title rows and blank spacer rows; it is the first of the first 20 rows holding at
  least two known column names (or, failing that, all the required ones: a bare list under "书名"). Rows below
  keep the number the user sees (Excel's row, or the CSV line).
- Blank rows, repeated header rows and 合计/总计/小计/total rows are skipped.

Nothing here writes: the caller (a service) decides, from the preview, what to write in one transaction.
"""

from __future__ import annotations

import itertools
import logging
from collections.abc import Iterable, Iterator
from contextlib import ExitStack
from dataclasses import dataclass, field
from os import PathLike
from pathlib import Path
from typing import Any

from center_app.domain.errors import ValidationError
from center_app.importing.preview import Cancel, ImportCancelled, ImportPreview, Progress
from center_app.importing.schema import (
    HeaderMatch,
    Schema,
    clean_cell,
    normalize_header,
    show,
)
from center_app.importing.sources import (
    HEADER_SEARCH_ROWS,
    MAX_COLUMNS,
    MAX_DATA_ROWS,
    PROGRESS_EVERY,
    TOTAL_WORDS,
    Candidate,
    Found,
    Merge,
    Row,
    sheet_notices,
    sniff,
    text_candidates,
    xlsx_candidates,
)

log = logging.getLogger(__name__)




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
    kind, data, digest = sniff(file)
    with ExitStack() as stack:
        sheets: list[Any] = []  # every worksheet of a workbook, filled as the candidates are made
        if kind == "xlsx":
            candidates: Iterable[Candidate] = xlsx_candidates(file, sheet, stack, sheets)
        else:
            candidates = text_candidates(file.name, data)
        found = _find_header(file.name, schema, candidates, first_wins=kind == "xlsx")
        preview = _collect(file.name, schema, found, progress, cancel)
        preview.sha256 = digest
        if kind == "xlsx":
            preview.notices[:0] = sheet_notices(found.candidate, sheets)
        return preview


# ------------------------------------------------------------------------------------------ header


@dataclass(slots=True)
class _Diagnosis:
    """What the header search saw, to explain a failure."""

    non_blank: list[str] = field(default_factory=list)  # first text of each non-blank row, best candidate
    best: int = 0
    full_width_commas: bool = False
    error: ValidationError | None = None


def _find_header(name: str, schema: Schema, candidates: Iterable[Candidate], *, first_wins: bool) -> Found:
    """Try each sheet (xlsx: the first with a header wins) or delimiter (CSV: the one matching most names wins)."""
    best: Found | None = None

    diagnosis = _Diagnosis()
    for candidate in candidates:
        try:
            head = list(itertools.islice(candidate.rows, HEADER_SEARCH_ROWS))
        except ValidationError as exc:  # this delimiter choked; another one may not
            diagnosis.error = diagnosis.error or exc
            continue
        found = _header_in(schema, candidate, head, diagnosis)
        if found is not None and (best is None or _rank(found) > _rank(best)):
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


def _rank(found: Found) -> tuple[bool, int]:
    # A visible sheet with a header beats any hidden one (what the user sees is what they mean), then more names.
    return not found.candidate.hidden, found.match.count


def _header_in(
    schema: Schema, candidate: Candidate, head: list[Row], diagnosis: _Diagnosis
) -> Found | None:
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
            return Found(candidate, number, match, rest)
        if fallback is None and match.count and schema.required_columns and not schema.missing_columns(match):
            fallback = (index, number, match)  # e.g. a bare list of titles under a lone "书名"
    if fallback is not None:
        index, number, match = fallback
        return Found(candidate, number, match, itertools.chain(head[index + 1 :], candidate.rows))

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


def _check_header(name: str, schema: Schema, found: Found) -> None:
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
    name: str, schema: Schema, found: Found, progress: Progress | None, cancel: Cancel | None
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
    merged = _MergedFill(candidate.merges, found.header_row)
    done = found.header_row
    for number, original in found.rows:
        done += 1
        if done % PROGRESS_EVERY == 0:
            _check_cancel(cancel)
            if progress is not None:
                progress(done, max(candidate.total, done))
        cells = merged.fill(number, original)
        if all(clean_cell(v) is None for v in original):
            continue  # blank spacer row (even where a merged cell reaches into it)
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
    preview.notices.extend(merged.notices(found.match.positions, found.match.texts))
    if progress is not None:
        progress(done, done)
    return preview


class _MergedFill:
    """Gives every cell of a merged range below the header the range's value (Excel shows it in all of them; only
    the top-left cell holds it in the file), and remembers which ranges it filled, for the notices."""

    def __init__(self, merges: Iterable[Merge], header_row: int) -> None:
        # Only ranges wholly below the header: a merged title or header cell is not data.
        self._pending = sorted(m for m in merges if m[0] > header_row)
        self._active: list[tuple[Merge, object]] = []
        self.filled: list[Merge] = []

    def fill(self, number: int, cells: list[Any]) -> list[Any]:
        while self._pending and self._pending[0][0] <= number:
            merge = self._pending.pop(0)
            if merge[0] == number:
                first = merge[1] - 1
                value = cells[first] if first < len(cells) else None
                if clean_cell(value) is not None:
                    self._active.append((merge, value))
                    self.filled.append(merge)
        self._active = [(m, v) for m, v in self._active if m[2] >= number]
        if not self._active:
            return cells
        cells = list(cells)
        for (_top, left, _bottom, right), value in self._active:
            right = min(right, MAX_COLUMNS)
            if len(cells) < right:
                cells.extend([None] * (right - len(cells)))
            for index in range(left - 1, right):
                cells[index] = value
        return cells

    def notices(self, positions: dict[str, int], texts: dict[str, str]) -> list[str]:
        """``第5–9行的“捐赠方”是合并单元格，已按合并的值填入每一行`` — per column (or columns), for the imported
        columns only (a merged note in an ignored column changes nothing)."""
        spans: dict[tuple[str, ...], list[Merge]] = {}
        for merge in self.filled:
            top, left, bottom, right = merge
            headers = tuple(
                texts[k] for k, i in sorted(positions.items(), key=lambda kv: kv[1]) if left - 1 <= i < right
            )
            if headers:
                spans.setdefault(headers, []).append(merge)
        lines = []
        for headers, merges in spans.items():
            rows = [f"{m[0]}–{m[2]}" if m[2] > m[0] else str(m[0]) for m in merges]
            shown = "、".join(rows[:10]) + ("等" if len(rows) > 10 else "")
            names = "、".join(f"“{h}”" for h in headers)
            down = any(m[2] > m[0] for m in merges)
            lines.append(
                f"第{shown}行的{names}是合并单元格，已按合并的值填入{'每一行' if down else '合并的每一格'}"
            )
        return lines


def _check_cancel(cancel: Cancel | None) -> None:
    if cancel is not None and cancel():
        raise ImportCancelled()
