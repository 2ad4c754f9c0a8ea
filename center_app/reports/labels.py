"""Spine labels on A4 label sheets, and the sheet machinery the library cards share.

A spine label, top to bottom: a colour band in the book's CLC class colour with the class letter on it (black or
white, whichever contrasts, so it reads in greyscale too), the call number as large as fits, the title on one line
(shortened with …), and a Code128 barcode of exactly the book's barcode with its text below.

Barcodes are made for cheap USB scanners: modules of 0.42, 0.34 or 0.25 mm (5, 4 or 3 dots of a 300 dpi printer,
so every bar prints the same width), bars at least 8 mm high, and a blank quiet zone of ten modules on each side
inside the label. A barcode that cannot get 0.25 mm modules on the label is refused rather than printed unreadable.

ReportLab is imported when a PDF is built, not when this module is imported (the UI imports the data classes).
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import A4_HEIGHT_MM, A4_WIDTH_MM, LabelGrid, LabelPosition

if TYPE_CHECKING:
    from reportlab.pdfgen.canvas import Canvas

    from center_app.reports.page import Decorate

MM = 72 / 25.4  # points per millimetre (reportlab.lib.units.mm, without importing ReportLab)
SAFE_MM = 5.0  # == page.PRINTER_SAFE_MM; no ink nearer the paper's edge than this
BAR_WIDTHS_MM = (5 * 25.4 / 300, 4 * 25.4 / 300, 3 * 25.4 / 300)  # widest first; 0.25 mm is the floor
QUIET_MODULES = 10
MIN_BAR_HEIGHT_MM = 8.0
FOOTER_MIN_STRIP_MM = 9.0  # a page footer is drawn only below the labels, in a strip at least this tall
FOOTER_SIZE = 7.0

T = TypeVar("T")


@dataclass(frozen=True)
class SpineLabel:
    title: str
    call_number: str
    barcode: str
    clc_top_class: str  # "I", "K", … ("" if unclassified: the band is then plain)
    band_colour_hex: str  # "#D32F2F" ("" → light grey)


@dataclass(frozen=True)
class SheetResult:
    """What was printed: the positions used (for a preview), the sheet count, and where to start next time."""

    path: Path
    positions: list[LabelPosition]
    pages: int
    next_start_position: int


@dataclass(frozen=True)
class Rect:
    """A rectangle in PDF points, origin at the bottom-left of the page."""

    left: float
    bottom: float
    width: float
    height: float

    @property
    def right(self) -> float:
        return self.left + self.width

    @property
    def top(self) -> float:
        return self.bottom + self.height


@dataclass(frozen=True)
class LabelBox:
    """One label on the page: its die-cut outline, and the ``content`` area (padded, and clear of the printer's
    unprintable edge) where text and barcodes go."""

    outline: Rect
    content: Rect


def label_box(grid: LabelGrid, x_mm: float, y_mm: float, pad_mm: float) -> LabelBox:
    page_h = A4_HEIGHT_MM * MM
    left, top = x_mm * MM, page_h - y_mm * MM
    width, height = grid.label_width_mm * MM, grid.label_height_mm * MM
    outline = Rect(left, top - height, width, height)
    pad, safe = pad_mm * MM, SAFE_MM * MM
    c_left = max(left + pad, safe)
    c_right = min(left + width - pad, A4_WIDTH_MM * MM - safe)
    c_top = min(top - pad, page_h - safe)
    c_bottom = max(top - height + pad, safe)
    content = Rect(c_left, c_bottom, max(0.0, c_right - c_left), max(0.0, c_top - c_bottom))
    return LabelBox(outline, content)


def smallest_content(grid: LabelGrid, pad_mm: float) -> tuple[float, float]:
    """(width, height) in points of the smallest content area on the sheet: every label uses the same sizes, so a
    label in the top row (squeezed by the printer's edge) looks like the others."""
    boxes = [label_box(grid, *grid.slot_origin(slot), pad_mm).content for slot in range(1, grid.per_page + 1)]
    return min(b.width for b in boxes), min(b.height for b in boxes)


# ------------------------------------------------------------------------------------------------------ barcodes


def check_barcode_value(value: str) -> None:
    if not value or not value.isascii() or not value.isprintable():
        raise ValidationError(f"条码“{value}”不能打印：条码只能由英文字母、数字和常用符号组成。")


def barcode_module_mm(value: str, max_width_pt: float) -> float:
    """The widest module (bar unit) in :data:`BAR_WIDTHS_MM` at which ``value`` and its quiet zones fit."""
    from reportlab.graphics.barcode.code128 import Code128

    check_barcode_value(value)
    for module in BAR_WIDTHS_MM:
        bars = Code128(value, barWidth=module * MM, quiet=0, humanReadable=0).width
        if bars + 2 * QUIET_MODULES * module * MM <= max_width_pt:
            return module
    narrowest = BAR_WIDTHS_MM[-1]
    need = Code128(value, barWidth=narrowest * MM, quiet=0).width / MM + 2 * QUIET_MODULES * narrowest
    raise ValidationError(
        f"条码“{value}”太长，这种标签放不下：需要 {need:.0f} 毫米宽，标签上只有 {max_width_pt / MM:.0f} 毫米。"
        "请换用更宽的标签纸。"
    )


def draw_barcode(
    canvas: Canvas,
    value: str,
    *,
    centre_x: float,
    bottom: float,
    max_width: float,
    bar_height: float,
    text_size: float,
    module_mm: float | None = None,
) -> None:
    """A Code128 barcode of exactly ``value`` with its text below; ``bottom`` is the text's baseline.

    The human-readable text is drawn by us in the embedded Latin font (ReportLab's own uses Helvetica, which is
    not embedded) and centred under the bars.
    """
    from reportlab.graphics.barcode.code128 import Code128

    from center_app.reports import fonts

    module = module_mm or barcode_module_mm(value, max_width)
    barcode = Code128(value, barWidth=module * MM, barHeight=bar_height, quiet=0, humanReadable=0)
    text_gap = 0.35 * text_size + 0.6 * MM
    canvas.setFillColorRGB(0, 0, 0)
    barcode.drawOn(canvas, centre_x - barcode.width / 2, bottom + text_size * 0.75 + text_gap)
    fonts.draw_string(canvas, centre_x, bottom, value, text_size, align="centre")


def barcode_block_height(bar_height: float, text_size: float) -> float:
    """Height from the text's baseline to the top of the bars (what :func:`draw_barcode` uses)."""
    return bar_height + text_size * 0.75 + 0.35 * text_size + 0.6 * MM


# --------------------------------------------------------------------------------------------------- sheet layout


def build_sheet_pdf(
    path: str | os.PathLike[str],
    items: Sequence[T],
    grid: LabelGrid,
    start_position: int,
    *,
    title: str,
    centre_name: str,
    printed_on: dt.date | None,
    pad_mm: float,
    draw_item: Callable[[Canvas, T, LabelBox], None],
    guides: bool = False,
) -> SheetResult:
    """Place ``items`` on ``grid`` from ``start_position`` and draw each with ``draw_item``.

    ``guides`` outlines every label position in light grey, for a trial print on plain paper held against a
    label sheet. A page footer ("第 N 页 / 共 M 页") is added only where the sheet has a free strip below the
    labels; on full-bleed sheets it would print on a label.
    """
    from center_app.reports import page as report_page

    if not items:
        raise ValidationError("没有要打印的内容。")
    positions = grid.positions(start_position, len(items))
    pages = grid.pages_needed(start_position, len(items))
    printed_on = printed_on or dt.date.today()

    def draw(canvas: report_page.ReportCanvas) -> None:
        by_page: dict[int, list[tuple[T, LabelPosition]]] = {}
        for item, pos in zip(items, positions, strict=True):
            by_page.setdefault(pos.page, []).append((item, pos))
        for page_index in range(pages):
            if guides:
                _draw_guides(canvas, grid)
            for item, pos in by_page.get(page_index, []):
                canvas.saveState()
                draw_item(canvas, item, label_box(grid, pos.x_mm, pos.y_mm, pad_mm))
                canvas.restoreState()
            canvas.showPage()

    decorate = _sheet_footer(grid, title, printed_on)
    out = report_page.build_canvas_pdf(path, draw, title=title, centre_name=centre_name, decorate=decorate)
    return SheetResult(out, positions, pages, grid.next_start(start_position, len(items)))


def _sheet_footer(grid: LabelGrid, title: str, printed_on: dt.date) -> Decorate | None:
    """Title, "第 N 页 / 共 M 页" and print date in the strip below the labels, if the sheet has one."""
    strip = grid.margin_bottom_mm
    if strip < FOOTER_MIN_STRIP_MM:
        return None

    def decorate(canvas: Canvas, page: int, total: int) -> None:
        from center_app.reports import fonts
        from center_app.reports.page import draw_footer

        baseline = max(SAFE_MM + 1.0, strip / 2 - 1.0) * MM
        left, right = (SAFE_MM + 5) * MM, (A4_WIDTH_MM - SAFE_MM - 5) * MM
        draw_footer(
            canvas, page, total, printed_on, left=left, right=right, baseline=baseline, size=FOOTER_SIZE
        )
        fonts.draw_string(canvas, left, baseline, f"{title} · {grid.describe()}", FOOTER_SIZE)

    return decorate


def _draw_guides(canvas: Canvas, grid: LabelGrid) -> None:
    canvas.saveState()
    canvas.setStrokeColorRGB(0.75, 0.75, 0.75)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 2)
    for slot in range(1, grid.per_page + 1):
        box = label_box(grid, *grid.slot_origin(slot), 0).outline
        canvas.rect(box.left, box.bottom, box.width, box.height, stroke=1, fill=0)
    canvas.restoreState()


# ------------------------------------------------------------------------------------------------- spine labels


def parse_colour(hex_colour: str) -> tuple[float, float, float]:
    """ "#D32F2F" / "D32F2F" / "#d33" → RGB in 0..1; "" → light grey. Refuses anything else."""
    text = hex_colour.strip().lstrip("#")
    if not text:
        return (0.85, 0.85, 0.85)
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    try:
        if len(text) != 6:
            raise ValueError
        return tuple(int(text[i : i + 2], 16) / 255 for i in (0, 2, 4))  # type: ignore[return-value]
    except ValueError:
        raise ValidationError(f"颜色“{hex_colour}”写得不对，应该像 #D32F2F 这样。") from None


def contrasting_ink(rgb: tuple[float, float, float]) -> tuple[float, float, float]:
    """Black or white, whichever contrasts more with ``rgb`` (WCAG relative luminance). A greyscale printer
    maps colours by roughly this luminance, so the letter stays readable there too."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(c) for c in rgb)
    luminance = 0.2126 * r + 0.7152 * g + 0.0722 * b
    return (0.0, 0.0, 0.0) if luminance > 0.179 else (1.0, 1.0, 1.0)


@dataclass(frozen=True)
class SpineLayout:
    """Sizes shared by every label on a sheet (points)."""

    pad_mm: float
    band: float
    letter_size: float
    gap: float
    call_size: float
    title_size: float
    compact: bool  # call number and title share one line (small labels)
    bar_height: float
    text_size: float
    module_mm: float


def spine_layout(grid: LabelGrid, barcodes: Sequence[str]) -> SpineLayout:
    """Fit the label's parts into the smallest label area on ``grid``; refuse if even the minimum does not fit."""
    pad_mm = min(2.5, max(1.0, grid.label_height_mm * 0.06))
    width, height = smallest_content(grid, pad_mm)
    band = min(5.0, max(3.0, height / MM * 0.15)) * MM
    text_size = 7.0 if height >= 25 * MM else 6.0
    bar_height = min(12.0, max(MIN_BAR_HEIGHT_MM, height / MM * 0.32)) * MM
    gap = 0.6 * MM
    middle = height - band - barcode_block_height(bar_height, text_size) - 3 * gap
    # One module for the whole sheet (the one the longest barcode needs), so every label looks alike.
    module = min(barcode_module_mm(value, width) for value in set(barcodes))
    letter_size = band / 1.25
    if middle >= (8 + 6) * 1.2:
        call_size = min(22.0, middle * 0.58)
        title_size = min(10.0, middle * 0.3)
        return SpineLayout(
            pad_mm, band, letter_size, gap, call_size, title_size, False, bar_height, text_size, module
        )
    if middle >= 6 * 1.15:
        size = min(10.0, middle / 1.15)
        return SpineLayout(
            pad_mm, band, letter_size, gap, size, min(size, 7.0), True, bar_height, text_size, module
        )
    raise ValidationError(f"标签太小（{grid.describe()}），放不下索书号和条码。请换用更大的标签纸。")


def _draw_spine_label(canvas: Canvas, label: SpineLabel, box: LabelBox, layout: SpineLayout) -> None:
    from center_app.reports import fonts

    c = box.content
    # Colour band: the label's full width (clipped to what the printer can reach), at the top of the content.
    band_left = max(box.outline.left, SAFE_MM * MM)
    band_right = min(box.outline.right, (A4_WIDTH_MM - SAFE_MM) * MM)
    band_bottom = c.top - layout.band
    fill = parse_colour(label.band_colour_hex)
    canvas.setFillColorRGB(*fill)
    # A thin black outline so a white or pale band (class A is white) still shows on a white label.
    canvas.setStrokeColorRGB(0, 0, 0)
    canvas.setLineWidth(0.4)
    canvas.rect(band_left, band_bottom, band_right - band_left, layout.band, stroke=1, fill=1)
    letter = label.clc_top_class.strip()
    if letter:
        # Repeated every ~18 mm: a label wrapped round a thin picture book shows only part of its width on the spine.
        canvas.setFillColorRGB(*contrasting_ink(fill))
        baseline = band_bottom + (layout.band - layout.letter_size * 0.72) / 2
        half = fonts.string_width(letter, layout.letter_size) / 2 + 1 * MM
        centre = (c.left + c.right) / 2
        step = 18 * MM
        xs = [centre]
        k = 1
        while centre - k * step - half >= c.left:
            xs += [centre - k * step, centre + k * step]
            k += 1
        for x in xs:
            fonts.draw_string(canvas, x, baseline, letter, layout.letter_size, align="centre")

    canvas.setFillColorRGB(0, 0, 0)
    top = band_bottom - layout.gap
    if layout.compact:
        size = fonts.fit_size(label.call_number, layout.call_size, c.width * 0.6, min_size=5)
        baseline = top - size * 0.85
        used = fonts.draw_string(canvas, c.left, baseline, label.call_number, size)
        room = c.width - used - 1.5 * MM
        if room > 4 * MM:
            title = fonts.fit_text(label.title, layout.title_size, room)
            fonts.draw_string(canvas, c.right, baseline, title, layout.title_size, align="right")
    else:
        size = fonts.fit_size(label.call_number, layout.call_size, c.width, min_size=6)
        baseline = top - size * 0.85
        fonts.draw_string(canvas, (c.left + c.right) / 2, baseline, label.call_number, size, align="centre")
        title_baseline = baseline - size * 0.22 - layout.gap - layout.title_size * 0.88
        title = fonts.fit_text(label.title, layout.title_size, c.width)
        fonts.draw_string(
            canvas, (c.left + c.right) / 2, title_baseline, title, layout.title_size, align="centre"
        )

    draw_barcode(
        canvas,
        label.barcode,
        centre_x=(c.left + c.right) / 2,
        bottom=c.bottom + layout.text_size * 0.1,
        max_width=c.width,
        bar_height=layout.bar_height,
        text_size=layout.text_size,
        module_mm=layout.module_mm,
    )


def spine_labels_pdf(
    path: str | os.PathLike[str],
    labels: Sequence[SpineLabel],
    grid: LabelGrid,
    start_position: int = 1,
    *,
    centre_name: str,
    printed_on: dt.date | None = None,
    guides: bool = False,
) -> SheetResult:
    """Print ``labels`` on ``grid`` sheets, starting at ``start_position`` (1-based) of the first sheet.

    Raises ``ValidationError`` (Chinese message) for no labels, a bad start position, a barcode with Chinese
    characters or too long for the label, a bad colour, or a label too small for the content.
    """
    if not labels:
        raise ValidationError("没有要打印的书标。")
    for label in labels:  # refuse bad input before anything is drawn
        parse_colour(label.band_colour_hex)
    layout = spine_layout(grid, [label.barcode for label in labels])
    return build_sheet_pdf(
        path,
        labels,
        grid,
        start_position,
        title="书标",
        centre_name=centre_name,
        printed_on=printed_on,
        pad_mm=layout.pad_mm,
        draw_item=lambda canvas, label, box: _draw_spine_label(canvas, label, box, layout),
        guides=guides,
    )
