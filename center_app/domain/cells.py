"""A cell's value as people write it: the refusal a parser raises and the one definition of "a date people write".

Plain Python (no Qt, no database, nothing else of the app): the import schemas (``importing/schema``) use these as
column parsers, and the domain's own form rules (``domain/children.parse_date``) use the same date rule, so a date
accepted in a spreadsheet is accepted in a form and vice versa.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Any


class CellError(Exception):
    """A parser refused a cell. ``message`` follows the column label: ``不是有效日期（2015-2-30）``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def show(value: object, limit: int = 30) -> str:
    """A cell value as it should appear inside a message: short, on one line."""
    if isinstance(value, dt.datetime):
        text = value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
        text = str(int(value))
    else:
        text = str(value)
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _nfkc(text: str) -> str:
    # Full-width digits (３) become ASCII; Chinese characters are unchanged.
    return unicodedata.normalize("NFKC", text)


_DATE_TEXT = re.compile(
    r"^(\d{4})\s*[-./年]\s*(\d{1,2})\s*[-./月]\s*(\d{1,2})\s*日?"
    r"(?:[ T]+\d{1,2}:\d{1,2}(?::\d{1,2}(?:\.\d+)?)?)?$"  # "2015-03-02 00:00:00" as exported by databases
)
_DATE_COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")
DATE_FORMATS_HINT = "请写成 2015-03-02、2015/3/2、2015.3.2、2015年3月2日 或 20150302"


@dataclass(frozen=True, slots=True)
class Date:
    """A calendar date: a real spreadsheet date, or text 2015-3-2, 2015.3.2, 2015/03/02, 2015年3月2日, 20150302.

    Impossible dates (2015-2-30) and years outside ``[min_year, max_year]`` are refused. A bare Excel serial
    number (42064) is refused with a hint: it usually means the cell lost its date format, and guessing could
    turn a quantity into a date.
    """

    min_year: int = 1900
    max_year: int = 2100

    def __call__(self, value: Any) -> dt.date:
        day = self._to_date(value)
        if not self.min_year <= day.year <= self.max_year:
            raise CellError(f"的年份应在 {self.min_year} 到 {self.max_year} 之间（{show(value)}）")
        return day

    @staticmethod
    def _to_date(value: Any) -> dt.date:
        if isinstance(value, dt.datetime):
            return value.date()
        if isinstance(value, dt.date):
            return value
        if isinstance(value, bool):
            raise CellError(f"不是有效日期（{show(value)}）")
        if isinstance(value, int | float):
            text = show(value)
            compact = _DATE_COMPACT.match(text)
            if compact is None:
                raise CellError(f"不是有效日期（{text}），请把单元格设为日期格式，或{DATE_FORMATS_HINT[1:]}")
            return _make_date(*compact.groups(), original=text)

        if isinstance(value, str):
            text = _nfkc(value).strip()
            match = _DATE_TEXT.match(text) or _DATE_COMPACT.match(text)
            if match:
                return _make_date(*match.groups(), original=value)
            raise CellError(f"不是有效日期（{show(value)}），{DATE_FORMATS_HINT}")
        raise CellError(f"不是有效日期（{show(value)}）")


def _make_date(year: str, month: str, day: str, *, original: object) -> dt.date:
    try:
        return dt.date(int(year), int(month), int(day))
    except ValueError:  # 2015-2-30, month 13, year 0
        raise CellError(f"不是有效日期（{show(original)}）") from None
