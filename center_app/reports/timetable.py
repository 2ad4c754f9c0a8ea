"""Printed timetables (课表): A4 landscape, one sheet per timetable — the whole centre's, one volunteer's, one room's
or one class's — with the centre's name and the title on every page, page numbers, fonts embedded.

Plain data in (``TimetableSheet``, built by ``services.volunteers.printing``): a grid of the weekly sessions (days
across, the programme's periods down, a row "其他时间" for sessions outside them) and, below it, the notes — sessions
held once, cancelled or moved occurrences. Nothing is queried here.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from center_app.domain.errors import ValidationError

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

CELL_SIZE = 8.5
LABEL_WEIGHT = 1.1
DAY_WEIGHT = 2.0


@dataclass(frozen=True)
class GridRow:
    """One period: its label (``上午一\\n08:30–10:00``) and, per day column, the sessions' texts."""

    label: str
    cells: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class TimetableSheet:
    title: str  # 2026年暑期课表 · 韦小宝
    subtitle: str  # 2026年7月1日–2026年7月28日，每周
    days: tuple[str, ...]  # column headings: 周一 …
    rows: tuple[GridRow, ...]
    notes: tuple[str, ...] = ()  # once-only sessions, cancellations and moves

    @property
    def empty(self) -> bool:
        return not any(any(cell) for row in self.rows for cell in row.cells) and not self.notes


def timetable_pdf(
    path: str | os.PathLike[str],
    sheets: Sequence[TimetableSheet],
    *,
    title: str,
    centre_name: str,
    printed_on: dt.date | None = None,
) -> Path:
    """Write the sheets, each starting on a new page. Raises ``ValidationError`` when there is nothing to print."""
    from reportlab.platypus import PageBreak

    from center_app.reports.page import build_pdf, data_table, para, spacer, styles

    if not sheets or all(sheet.empty for sheet in sheets):
        raise ValidationError("所选的课表里还没有课，没有可以打印的内容。")
    st = styles()
    story: list[Flowable] = []
    for n, sheet in enumerate(sheets):
        if n:
            story.append(PageBreak())
        story.append(para(sheet.title, st.title))
        if sheet.subtitle:
            story.append(para(sheet.subtitle, st.small))
            story.append(spacer(2))
        if sheet.rows:
            body = [[row.label, *("\n\n".join(entries) for entries in row.cells)] for row in sheet.rows]
            story.append(
                data_table(
                    ["节次", *sheet.days],
                    body,
                    weights=[LABEL_WEIGHT, *([DAY_WEIGHT] * len(sheet.days))],
                    centred=[0],
                    zebra=False,
                    font_size=CELL_SIZE,
                )
            )
        if sheet.notes:
            story.append(spacer(3))
            story.append(para("另外：", st.heading))
            story.extend(para(f"· {note}", st.body) for note in sheet.notes)
    return build_pdf(path, story, title=title, centre_name=centre_name, landscape=True, printed_on=printed_on)
