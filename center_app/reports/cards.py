"""Library cards (借书证): bank-card size, several to an A4 sheet, cut out along a thin border.

Each card: the centre's name as a heading over "借书证" on a light band, the child's name big, the class, and a
Code128 barcode of the card number with its text (the desk scans it to find the borrower). The band is light grey
so it costs little toner and reads in greyscale; the border is a 0.5 pt grey line to cut along.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import CARDS_10, LabelGrid
from center_app.reports.labels import (
    MIN_BAR_HEIGHT_MM,
    MM,
    LabelBox,
    SheetResult,
    barcode_module_mm,
    build_sheet_pdf,
    draw_barcode,
    smallest_content,
)

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

PAD_MM = 3.0
MIN_CARD_WIDTH_MM = 60.0
MIN_CARD_HEIGHT_MM = 40.0


@dataclass(frozen=True)
class LibraryCard:
    name: str
    class_name: str
    card_barcode: str


@dataclass(frozen=True)
class _CardLayout:
    heading_size: float
    title_size: float
    name_size: float
    class_size: float
    band: float
    bar_height: float
    text_size: float
    module_mm: float


def _layout(grid: LabelGrid, barcodes: Sequence[str]) -> _CardLayout:
    if grid.label_width_mm < MIN_CARD_WIDTH_MM or grid.label_height_mm < MIN_CARD_HEIGHT_MM:
        raise ValidationError(
            f"借书证至少要 {MIN_CARD_WIDTH_MM:g} × {MIN_CARD_HEIGHT_MM:g} 毫米，这种纸（{grid.describe()}）太小了。"
        )
    width, height = smallest_content(grid, PAD_MM)
    module = min(barcode_module_mm(value, width) for value in set(barcodes))
    scale = min(1.0, height / (48 * MM))  # sizes are designed for the 54 mm card (48 mm inside the padding)
    return _CardLayout(
        heading_size=9.0 * scale,
        title_size=14.0 * scale,
        name_size=22.0 * scale,
        class_size=11.0 * scale,
        band=13.0 * MM * scale,
        bar_height=max(MIN_BAR_HEIGHT_MM * MM, 10.0 * MM * scale),
        text_size=8.0 * scale,
        module_mm=module,
    )


def _draw_card(
    canvas: Canvas, card: LibraryCard, box: LabelBox, layout: _CardLayout, centre_name: str
) -> None:
    from center_app.reports import fonts

    outline, c = box.outline, box.content
    # Cut line: the card's own outline. Rounded corners match a bank card and are easier to cut with scissors.
    canvas.setStrokeColorRGB(0.55, 0.55, 0.55)
    canvas.setLineWidth(0.5)
    canvas.roundRect(outline.left, outline.bottom, outline.width, outline.height, 3 * MM, stroke=1, fill=0)

    # Heading band: inside the outline (so a slightly off cut does not leave a sliver of grey on the next card).
    inset = 1.2 * MM
    band_top = outline.top - inset
    canvas.setFillColorRGB(0.9, 0.9, 0.9)
    canvas.roundRect(
        outline.left + inset,
        band_top - layout.band,
        outline.width - 2 * inset,
        layout.band,
        2 * MM,
        stroke=0,
        fill=1,
    )
    centre_x = (c.left + c.right) / 2
    canvas.setFillColorRGB(0.2, 0.2, 0.2)
    heading = fonts.fit_text(centre_name, layout.heading_size, c.width)
    heading_baseline = band_top - 1.3 * MM - layout.heading_size * 0.88
    fonts.draw_string(canvas, centre_x, heading_baseline, heading, layout.heading_size, align="centre")
    canvas.setFillColorRGB(0, 0, 0)
    title_baseline = heading_baseline - 1.0 * MM - layout.title_size * 0.88
    fonts.draw_string(canvas, centre_x, title_baseline, "借 书 证", layout.title_size, align="centre")

    # Name big (shrunk to fit a long name, never cut), class below it.
    name_size = fonts.fit_size(card.name, layout.name_size, c.width, min_size=8)
    name_baseline = band_top - layout.band - 2.0 * MM - name_size * 0.88
    fonts.draw_string(canvas, centre_x, name_baseline, card.name, name_size, align="centre")
    class_text = fonts.fit_text(
        f"班级：{card.class_name}" if card.class_name else "", layout.class_size, c.width
    )
    if class_text:
        class_baseline = name_baseline - name_size * 0.12 - 1.2 * MM - layout.class_size * 0.88
        fonts.draw_string(canvas, centre_x, class_baseline, class_text, layout.class_size, align="centre")

    draw_barcode(
        canvas,
        card.card_barcode,
        centre_x=centre_x,
        bottom=c.bottom + layout.text_size * 0.1,
        max_width=c.width,
        bar_height=layout.bar_height,
        text_size=layout.text_size,
        module_mm=layout.module_mm,
    )


def library_cards_pdf(
    path: str | os.PathLike[str],
    cards: Sequence[LibraryCard],
    grid: LabelGrid = CARDS_10,
    start_position: int = 1,
    *,
    centre_name: str,
    printed_on: dt.date | None = None,
    guides: bool = False,
) -> SheetResult:
    """Print ``cards`` on ``grid`` (default: 10 bank-card-size cards per A4), from ``start_position`` (1-based).

    Raises ``ValidationError`` (Chinese) for no cards, a card without a name, a barcode that cannot be printed,
    or a grid too small for a card.
    """
    if not cards:
        raise ValidationError("没有要打印的借书证。")
    missing = [str(i) for i, card in enumerate(cards, start=1) if not card.name.strip()]
    if missing:
        raise ValidationError(
            f"第 {'、'.join(missing)} 张借书证没有名字。", [f"第{n}张：没有名字" for n in missing]
        )
    layout = _layout(grid, [card.card_barcode for card in cards])
    return build_sheet_pdf(
        path,
        cards,
        grid,
        start_position,
        title="借书证",
        centre_name=centre_name,
        printed_on=printed_on,
        pad_mm=PAD_MM,
        draw_item=lambda canvas, card, box: _draw_card(canvas, card, box, layout, centre_name),
        guides=guides,
    )
