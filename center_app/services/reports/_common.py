"""What the printed reports share: the layout they are described in (plain data, no ReportLab), the permission,
periods, and writing a report's PDF or Excel file with an audit entry naming where it went.

A report is gathered into a dataclass of typed figures (``MonthlyReport``…), whose ``sections()`` lays them out as
:class:`Section` objects — headings, key figures, charts and tables. The PDF (``center_app.reports.*_report``)
draws exactly those sections and the Excel export writes exactly their tables, so the page, the paper and the
sheet show the same numbers. Nothing here queries: the figures come from the areas' own service functions.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from center_app.context import AppContext
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.services import audit

log = logging.getLogger(__name__)
T = TypeVar("T")

AREA = "reports"
"""Printing or exporting a report is ``reports`` 写: the administrator and social workers (docs/permissions.md)."""

Cell = str | int | float | None


@dataclass(frozen=True)
class Figure:
    """A key figure as printed: ``在册儿童`` — ``120 名``."""

    label: str
    text: str


@dataclass(frozen=True)
class ReportTable:
    """A table of a report. ``numeric``: columns right-aligned; ``weights``: relative column widths."""

    title: str
    headers: tuple[str, ...]
    rows: tuple[tuple[Cell, ...], ...]
    numeric: tuple[int, ...] = ()
    weights: tuple[float, ...] | None = None
    empty: str = "（无）"  # printed instead of an empty table


@dataclass(frozen=True)
class Chart:
    """A bar or line chart of one series: ``values[i]`` at ``labels[i]`` (None: no value, e.g. no roll taken)."""

    title: str
    kind: str  # "bar" | "line"
    labels: tuple[str, ...]
    values: tuple[float | None, ...]
    unit: str = ""  # 人, %, 册次
    value_format: str = "{:.0f}"


@dataclass(frozen=True)
class Section:
    heading: str
    figures: tuple[Figure, ...] = ()
    charts: tuple[Chart, ...] = ()
    tables: tuple[ReportTable, ...] = ()
    notes: tuple[str, ...] = ()


@dataclass(frozen=True)
class ReportLayout:
    """What a report's PDF and Excel file hold: title, subtitle (the period), sections, closing notes."""

    title: str
    subtitle: str
    centre_name: str
    sections: tuple[Section, ...]
    notes: tuple[str, ...] = field(default=())
    intro: tuple[str, ...] = field(default=())  # paragraphs under the title (the donor report's thanks)

    def tables(self) -> list[tuple[Section, ReportTable]]:
        return [(section, table) for section in self.sections for table in section.tables]


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    pages: int


# --- text -----------------------------------------------------------------------------------------------------


def date_text(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def period_text(first: dt.date, last: dt.date) -> str:
    return f"{date_text(first)}至{date_text(last)}"


def count_text(value: int, unit: str) -> str:
    return f"{value} {unit}"


def rate_text(rate: float | None) -> str:
    """0.857 → "85.7%"; None (nothing marked) → "—"."""
    from center_app.domain.attendance import format_rate

    return format_rate(rate)


def percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def hours_figure(minutes: int) -> str:
    from center_app.domain.volunteers import hours_text

    return hours_text(minutes)


def hours_number(minutes: int) -> float:
    """Hours to one decimal, for tables and charts (``2790`` → 46.5)."""
    from center_app.domain.volunteers import hours_decimal

    return float(round(hours_decimal(minutes), 1))


# --- permission and periods -------------------------------------------------------------------------------------


def require_reports(ctx: AppContext) -> None:
    require(ctx.actor, AREA, WRITE)


def check_period(first: dt.date, last: dt.date, today: dt.date) -> tuple[dt.date, dt.date]:
    """``first``–``last`` cut to end today (figures of days to come are not figures yet); refused when it is
    empty, starts after today or spans more than two years."""
    if last < first:
        raise ValidationError("结束日期不能早于开始日期。")
    if first > today:
        raise ValidationError(f"{date_text(first)}还没有到，没有可以统计的数字。")
    if (last - first).days > 2 * 366:
        raise ValidationError("统计时段太长：一份报告最多统计两年。")
    return first, min(last, today)


def months_between(first: dt.date, last: dt.date) -> list[tuple[int, int]]:
    """(year, month) of every calendar month that ``first``–``last`` touches, in order."""
    out = []
    index = first.year * 12 + first.month - 1
    while index <= last.year * 12 + last.month - 1:
        out.append((index // 12, index % 12 + 1))
        index += 1
    return out


def month_back(year: int, month: int, back: int) -> tuple[int, int]:
    index = year * 12 + month - 1 - back
    return index // 12, index % 12 + 1


# --- writing --------------------------------------------------------------------------------------------------------


def write_report_file(
    ctx: AppContext,
    target: str | os.PathLike[str],
    write: Callable[[Path], T],
    *,
    action: str,
    what: str,
    kind: str,
) -> T:
    """Write a report's file, audited first with where it goes (``print`` for the PDF, ``export`` for the Excel
    file) — and a second entry if it then could not be written (the reasoning is
    ``services.roster.write_personal_file``'s: the log never misses a file the program made)."""
    require_reports(ctx)
    path = Path(target)
    where = str(path.resolve())
    with ctx.db.session() as s:
        audit.record(s, ctx.actor, action, "report", kind, f"{what} → {where}", {"target": [None, where]})
    try:
        return write(path)
    except BaseException as exc:
        reason = getattr(exc, "message", "") or type(exc).__name__
        try:
            with ctx.db.session() as s:
                audit.record(
                    s,
                    ctx.actor,
                    action,
                    "report",
                    kind,
                    f"{what}未完成，没有生成文件（{reason}）→ {where}",
                    {"written": [None, False], "target": [None, where]},
                )
        except Exception:  # the first entry stands; the user sees the original error
            log.exception("could not record that %s was not written", path)
        raise


def check_pdf_target(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".pdf":
        raise ValidationError(f"报表要写成 PDF 文件，请用 .pdf 结尾的文件名（现在是“{target.name}”）。")
    return target


def check_xlsx_target(path: str | os.PathLike[str]) -> Path:
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError(f"表格要写成 Excel 文件，请用 .xlsx 结尾的文件名（现在是“{target.name}”）。")
    return target


def write_pdf(
    ctx: AppContext,
    layout: ReportLayout,
    path: str | os.PathLike[str],
    draw: Callable[[Path], tuple[Path, int]],
    *,
    kind: str,
) -> WrittenReport:
    """Print a report: ``draw(path)`` writes it (``center_app.reports.*_report``) and returns its page count;
    audited first with where it goes."""
    target = check_pdf_target(path)
    return write_report_file(
        ctx,
        target,
        lambda p: WrittenReport(*draw(p)),
        action="print",
        what=f"打印{layout.title}（{layout.subtitle}）",
        kind=kind,
    )


def export_xlsx(ctx: AppContext, layout: ReportLayout, path: str | os.PathLike[str], *, kind: str) -> int:
    """The report's tables, one sheet each (and a first sheet of the key figures); audited. Returns rows written."""
    from center_app.importing.export import Sheet, write_xlsx_sheets

    target = check_xlsx_target(path)
    title = f"{layout.title}（{layout.subtitle}）"
    figures = [
        [section.heading, figure.label, figure.text]
        for section in layout.sections
        for figure in section.figures
    ]
    sheets = [Sheet("概况", ("部分", "项目", "数值"), figures, title=title)]
    for section, table in layout.tables():
        sheets.append(
            Sheet(
                table.title,
                table.headers,
                table.rows,
                title=f"{layout.title} · {section.heading} · {table.title}",
            )
        )
    return write_report_file(
        ctx,
        target,
        lambda p: write_xlsx_sheets(p, sheets),
        action="export",
        what=f"导出{layout.title}的表格（{layout.subtitle}）",
        kind=kind,
    )
