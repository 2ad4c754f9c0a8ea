"""Asset labels (器材标签): the item's name over a Code128 barcode of its asset number, on the same A4 label sheets
as the library's spine labels — the sheet layout, start position, barcode sizing, quiet zones and page footer are
``reports.labels``' own (``build_sheet_pdf``, ``draw_barcode``); only what is drawn on one label is here.

A label, top to bottom: the centre's name (small, grey), the item's name as large as fits (shortened with …),
a second line in small type (the location, or the category), and the barcode with its number below.

ReportLab is imported when a PDF is built, not when this module is imported.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import LabelGrid
from center_app.reports.labels import (
    MIN_BAR_HEIGHT_MM,
    MM,
    LabelBox,
    SheetResult,
    barcode_block_height,
    barcode_module_mm,
    build_sheet_pdf,
    draw_barcode,
    smallest_content,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas


@dataclass(frozen=True)
class AssetLabel:
    name: str  # 电子琴（61键）
    barcode: str  # E000123
    detail: str = ""  # 活动室音乐角 (the location), or the category


@dataclass(frozen=True)
class _Layout:
    pad_mm: float
    centre_size: float
    name_size: float
    detail_size: float
    gap: float
    bar_height: float
    text_size: float
    module_mm: float


def _layout(grid: LabelGrid, barcodes: Sequence[str]) -> _Layout:
    pad_mm = min(2.5, max(1.0, grid.label_height_mm * 0.06))
    width, height = smallest_content(grid, pad_mm)
    text_size = 7.0 if height >= 25 * MM else 6.0
    bar_height = min(12.0, max(MIN_BAR_HEIGHT_MM, height / MM * 0.32)) * MM
    gap = 0.6 * MM
    module = min(barcode_module_mm(value, width) for value in set(barcodes))
    middle = height - barcode_block_height(bar_height, text_size) - 3 * gap
    if middle < 6 * 1.2:
        raise ValidationError(f"标签太小（{grid.describe()}），放不下器材名称和条码。请换用更大的标签纸。")
    centre_size = min(6.0, middle * 0.2)
    detail_size = min(7.0, middle * 0.22)
    name_size = min(14.0, (middle - centre_size * 1.2 - detail_size * 1.2) / 1.2)
    if name_size < 5:  # a small label: the name alone above the barcode
        centre_size = detail_size = 0.0
        name_size = min(12.0, middle / 1.2)
    return _Layout(pad_mm, centre_size, name_size, detail_size, gap, bar_height, text_size, module)


def _draw(canvas: Canvas, label: AssetLabel, box: LabelBox, layout: _Layout, centre_name: str) -> None:
    from center_app.reports import fonts

    c = box.content
    mid = (c.left + c.right) / 2
    y = c.top
    if layout.centre_size:
        y -= layout.centre_size
        canvas.setFillColorRGB(0.35, 0.35, 0.35)
        fonts.draw_string(
            canvas,
            mid,
            y,
            fonts.fit_text(centre_name, layout.centre_size, c.width),
            layout.centre_size,
            align="centre",
        )
        y -= layout.gap
    canvas.setFillColorRGB(0, 0, 0)
    size = fonts.fit_size(label.name, layout.name_size, c.width, min_size=min(layout.name_size, 6.0))
    y -= size * 0.9
    fonts.draw_string(canvas, mid, y, fonts.fit_text(label.name, size, c.width), size, align="centre")
    if layout.detail_size and label.detail:
        y -= layout.gap + layout.detail_size
        fonts.draw_string(
            canvas,
            mid,
            y,
            fonts.fit_text(label.detail, layout.detail_size, c.width),
            layout.detail_size,
            align="centre",
        )
    draw_barcode(
        canvas,
        label.barcode,
        centre_x=mid,
        bottom=c.bottom + layout.text_size * 0.1,
        max_width=c.width,
        bar_height=layout.bar_height,
        text_size=layout.text_size,
        module_mm=layout.module_mm,
    )


def asset_labels_pdf(
    path: str | os.PathLike[str],
    labels: Sequence[AssetLabel],
    grid: LabelGrid,
    start_position: int = 1,
    *,
    centre_name: str,
    printed_on: dt.date | None = None,
    guides: bool = False,
) -> SheetResult:
    """Print ``labels`` on ``grid`` sheets from ``start_position`` (1-based) of the first sheet.

    Raises ``ValidationError`` (Chinese) for no labels, a bad start position, a barcode that is not plain ASCII or
    too long for the label, or a label too small for a name and a barcode."""
    if not labels:
        raise ValidationError("没有要打印的器材标签。")
    layout = _layout(grid, [label.barcode for label in labels])
    return build_sheet_pdf(
        path,
        labels,
        grid,
        start_position,
        title="器材标签",
        centre_name=centre_name,
        printed_on=printed_on,
        pad_mm=layout.pad_mm,
        draw_item=lambda canvas, label, box: _draw(canvas, label, box, layout, centre_name),
        guides=guides,
    )
