"""The page every report shares: A4, margins a laser printer can print, header, "第 N 页 / 共 M 页" footer.

Two ways to make a PDF, both written atomically (a temporary file in the same folder, then ``os.replace``), so a
failed build never leaves a half-written PDF where the old one was:

* Flowing documents (registers, monthly and donor reports): build a list of flowables with :func:`para`,
  :func:`data_table`, :func:`spacer` and :data:`styles`, then call :func:`build_pdf`::

      story = [para("2026年11月 借阅统计", styles().title), data_table(["班级", "借阅册数"], rows, numeric=[1])]
      build_pdf(path, story, title="月度借阅统计", centre_name="古楼村儿童之家", landscape=False)

* Sheets laid out by position (labels, cards, slips): :func:`build_canvas_pdf` hands a :class:`ReportCanvas` to
  a drawing function that calls ``canvas.showPage()`` after each page; the canvas adds the footer afterwards.

Flowables are single-use: ReportLab caches layout in them, so build a fresh story for each PDF.

Rules for anything drawn: text goes through :mod:`center_app.reports.fonts` (``para``/``draw_string``), because
the bundled CJK font has no Latin glyphs. Keep ink at least :data:`PRINTER_SAFE_MM` from the paper's edge (laser
printers cannot print the outer ~4–5 mm) and report margins at least 12 mm. The PDFs ask viewers to print at
actual size (``PrintScaling /None``), so a "fit to page" default does not shrink a label sheet out of alignment.

This module imports ReportLab at import time; import it only when building a PDF, never at app start-up.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as _landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from center_app.domain.errors import DomainError, ValidationError
from center_app.reports import fonts

A4_PORTRAIT: tuple[float, float] = A4  # 595.3 × 841.9 pt
A4_LANDSCAPE: tuple[float, float] = _landscape(A4)

PRINTER_SAFE_MM = 5.0
"""Laser printers leave ~4.2 mm at each edge unprinted; nothing important is drawn nearer the edge than this."""

MARGIN_SIDE_MM = 15.0
MARGIN_TOP_MM = 22.0  # room for the header (its text starts 12 mm from the top edge)
MARGIN_BOTTOM_MM = 20.0  # room for the footer (its baseline is 13 mm from the bottom edge)
HEADER_BASELINE_MM = 15.0  # from the top edge
FOOTER_BASELINE_MM = 13.0  # from the bottom edge
DECOR_FONT_SIZE = 9.0

INK = colors.black
GREY = colors.HexColor("#555555")
RULE = colors.HexColor("#999999")
HEADER_FILL = colors.HexColor("#E6E6E6")
ZEBRA_FILL = colors.HexColor("#F5F5F5")

Decorate = Callable[["ReportCanvas", int, int], None]
"""Draws the page furniture: ``(canvas, page_number, page_count)``, called once per page when the PDF is saved."""


def format_date(day: dt.date) -> str:
    """2026年11月29日 — how dates appear on paper (no leading zeros, as written by hand)."""
    return f"{day.year}年{day.month}月{day.day}日"


def page_label(page: int, total: int) -> str:
    return f"第 {page} 页 / 共 {total} 页"


def content_width(*, landscape: bool = False) -> float:
    """Width in points of the text area of a :func:`build_pdf` page."""
    page_width = (A4_LANDSCAPE if landscape else A4_PORTRAIT)[0]
    return page_width - 2 * MARGIN_SIDE_MM * mm


class ReportCanvas(Canvas):
    """A canvas that knows the page count when each page is finished (the "NumberedCanvas" recipe).

    ``showPage`` only stores the page; ``save`` replays the pages, calls ``decorate(canvas, n, total)`` on each,
    then writes the file. Its initial font is the embedded CJK font, so ReportLab's page preamble never references
    the non-embedded Helvetica.
    """

    def __init__(self, *args: Any, decorate: Decorate | None = None, **kwargs: Any) -> None:
        kwargs["initialFontName"] = fonts.register()
        super().__init__(*args, **kwargs)
        self._decorate = decorate
        self._pending_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:  # noqa: N802 — ReportLab's name
        self._pending_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        if self._code:  # a page drawn but not closed with showPage()
            self.showPage()
        total = len(self._pending_pages)
        for state in self._pending_pages:
            self.__dict__.update(state)
            if self._decorate is not None:
                self.saveState()
                self._decorate(self, self._pageNumber, total)
                self.restoreState()
            Canvas.showPage(self)
        Canvas.save(self)


@dataclass(frozen=True)
class PageDecor:
    """The header and footer of a report page: centre name and title on top, page count and print date below."""

    title: str
    centre_name: str
    printed_on: dt.date

    def __call__(self, canvas: ReportCanvas, page: int, total: int) -> None:
        width, height = canvas._pagesize
        left, right = MARGIN_SIDE_MM * mm, width - MARGIN_SIDE_MM * mm
        size = DECOR_FONT_SIZE
        canvas.setFillColor(GREY)
        y = height - HEADER_BASELINE_MM * mm
        # The title gets the room it needs; the centre name is shortened if both would collide.
        title_width = fonts.string_width(self.title, size)
        name = fonts.fit_text(self.centre_name, size, max(0.0, right - left - title_width - 10 * mm))
        fonts.draw_string(canvas, left, y, name, size)
        fonts.draw_string(canvas, right, y, self.title, size, align="right")
        canvas.setStrokeColor(RULE)
        canvas.setLineWidth(0.5)
        canvas.line(left, y - 2 * mm, right, y - 2 * mm)
        draw_footer(canvas, page, total, self.printed_on, left=left, right=right)


def draw_footer(
    canvas: Canvas,
    page: int,
    total: int,
    printed_on: dt.date | None,
    *,
    left: float,
    right: float,
    baseline: float = FOOTER_BASELINE_MM * mm,
    size: float = DECOR_FONT_SIZE,
) -> None:
    """ "第 N 页 / 共 M 页" centred between ``left`` and ``right``; "打印日期：…" at the right if given."""
    canvas.setFillColor(GREY)
    fonts.draw_string(canvas, (left + right) / 2, baseline, page_label(page, total), size, align="centre")
    if printed_on is not None:
        fonts.draw_string(
            canvas, right, baseline, f"打印日期：{format_date(printed_on)}", size, align="right"
        )


class ReportDocTemplate(BaseDocTemplate):
    """A4 portrait or landscape, one frame inside the report margins, metadata set for the centre.

    Pass ``on_page`` to draw extra things under each page's content (e.g. a watermark); the header and footer are
    drawn by :class:`PageDecor` through :class:`ReportCanvas` once the page count is known.
    """

    def __init__(
        self,
        filename: str,
        *,
        title: str,
        centre_name: str,
        landscape: bool = False,
        subject: str = "",
        on_page: Callable[[Canvas, BaseDocTemplate], None] | None = None,
    ) -> None:
        pagesize = A4_LANDSCAPE if landscape else A4_PORTRAIT
        super().__init__(
            filename,
            pagesize=pagesize,
            leftMargin=MARGIN_SIDE_MM * mm,
            rightMargin=MARGIN_SIDE_MM * mm,
            topMargin=MARGIN_TOP_MM * mm,
            bottomMargin=MARGIN_BOTTOM_MM * mm,
            **_metadata(title, centre_name, subject),
        )
        frame = Frame(
            self.leftMargin,
            self.bottomMargin,
            self.width,
            self.height,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        kwargs = {"onPage": on_page} if on_page else {}
        self.addPageTemplates([PageTemplate(id="body", frames=[frame], pagesize=pagesize, **kwargs)])


def _metadata(title: str, centre_name: str, subject: str) -> dict[str, Any]:
    return {
        "title": title,
        "author": centre_name,
        "subject": subject or title,
        "creator": "CenterApp",
        "lang": "zh-CN",
        "displayDocTitle": True,  # viewers show "借阅统计" in the title bar, not "tmpab12.pdf"
        "printScaling": "None",  # print at actual size: label sheets must not be shrunk to "fit"
    }


# ---------------------------------------------------------------------------------------------- styles & flowables


@dataclass(frozen=True)
class ReportStyles:
    """Paragraph styles in the CJK font with CJK line breaking (Chinese wraps between any two characters)."""

    title: ParagraphStyle
    heading: ParagraphStyle
    body: ParagraphStyle
    small: ParagraphStyle
    cell: ParagraphStyle
    cell_right: ParagraphStyle
    cell_centre: ParagraphStyle
    cell_header: ParagraphStyle


@lru_cache(maxsize=1)
def styles() -> ReportStyles:
    """The shared styles (created once, after the fonts are registered). Derive new ones with ``parent=``."""
    font = fonts.register()

    def style(
        name: str, size: float, *, leading: float = 1.4, align: int = TA_LEFT, **kw: Any
    ) -> ParagraphStyle:
        return ParagraphStyle(
            name,
            fontName=font,
            fontSize=size,
            leading=size * leading,
            alignment=align,
            wordWrap="CJK",
            **{"textColor": INK, **kw},
        )

    return ReportStyles(
        title=style("ReportTitle", 18, leading=1.3, align=TA_CENTER, spaceAfter=4 * mm),
        heading=style("ReportHeading", 13, spaceBefore=3 * mm, spaceAfter=2 * mm),
        body=style("ReportBody", 11, spaceAfter=1.5 * mm),
        small=style("ReportSmall", 9, textColor=GREY),
        cell=style("ReportCell", 10, leading=1.3),
        cell_right=style("ReportCellRight", 10, leading=1.3, align=TA_RIGHT),
        cell_centre=style("ReportCellCentre", 10, leading=1.3, align=TA_CENTER),
        cell_header=style("ReportCellHeader", 10, leading=1.3, align=TA_CENTER),
    )


def para(text: str, style: ParagraphStyle | None = None) -> Paragraph:
    """A paragraph of plain ``text`` (not markup): escaped, Latin runs in the Latin font, CJK word wrap."""
    return Paragraph(fonts.markup(text), style or styles().body)


def spacer(height_mm: float) -> Spacer:
    return Spacer(1, height_mm * mm)


def data_table(
    header: Sequence[str],
    rows: Iterable[Sequence[object]],
    *,
    weights: Sequence[float] | None = None,
    width: float | None = None,
    numeric: Iterable[int] = (),
    centred: Iterable[int] = (),
    zebra: bool = True,
    font_size: float | None = None,
) -> Table:
    """A ruled table whose header row repeats on every page.

    ``weights`` are relative column widths (default equal) of ``width`` points (default: the full width of the
    frame the table lands in, portrait or landscape). Plain values become wrapping paragraphs (``None`` → empty); flowables are used as they are. Columns
    in ``numeric`` are right-aligned, those in ``centred`` centred.
    """
    s = styles()
    weights = list(weights) if weights else [1.0] * len(header)
    if len(weights) != len(header):
        raise ValueError("weights and header differ in length")
    total = sum(weights)
    # Without a width, percentages: ReportLab resolves them against the frame, so one call fits both orientations.
    col_widths: list[float | str] = (
        [f"{100 * w / total:.4f}%" for w in weights]
        if width is None
        else [width * w / total for w in weights]
    )
    numeric_set, centred_set = set(numeric), set(centred)

    def sized(base: ParagraphStyle) -> ParagraphStyle:
        if font_size is None:
            return base
        return ParagraphStyle(
            f"{base.name}-{font_size}", parent=base, fontSize=font_size, leading=font_size * 1.3
        )

    plain, right, centre, head = (sized(x) for x in (s.cell, s.cell_right, s.cell_centre, s.cell_header))

    def cell(value: object, column: int) -> Flowable:
        if isinstance(value, Flowable):
            return value
        style = right if column in numeric_set else centre if column in centred_set else plain
        return para("" if value is None else str(value), style)

    data: list[list[Flowable]] = [[para(h, head) for h in header]]
    data.extend([cell(v, i) for i, v in enumerate(row)] for row in rows)
    table = Table(data, colWidths=col_widths, repeatRows=1, hAlign="LEFT")
    commands: list[tuple[Any, ...]] = [
        # Cells are paragraphs, but Table still selects each cell's font: without this it is Helvetica,
        # which ReportLab never embeds.
        ("FONT", (0, 0), (-1, -1), fonts.CJK, font_size or s.cell.fontSize),
        ("GRID", (0, 0), (-1, -1), 0.5, RULE),
        ("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 3),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]
    if zebra:
        commands += [("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL) for r in range(2, len(data), 2)]
    table.setStyle(TableStyle(commands))
    return table


# ------------------------------------------------------------------------------------------------------- writing


@contextmanager
def atomic_output(path: str | os.PathLike[str]) -> Iterator[Path]:
    """Yield a temporary path beside ``path``; on success it replaces ``path``, on any error it is removed.

    The file is flushed to disk before the rename, so a power cut leaves either the old PDF or the new one.
    """
    target = Path(path)
    target.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{target.stem}-", suffix=".pdf.tmp", dir=target.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        try:
            os.replace(tmp, target)
        except PermissionError as exc:  # Windows: the old PDF is open in a viewer
            raise DomainError(
                f"文件“{target.name}”正被别的程序打开（比如 PDF 阅读器），请先关掉它，再重新生成。",
                details=str(exc),
            ) from exc
    finally:
        tmp.unlink(missing_ok=True)


def build_pdf(
    path: str | os.PathLike[str],
    story: Sequence[Flowable],
    *,
    title: str,
    centre_name: str,
    landscape: bool = False,
    printed_on: dt.date | None = None,
    subject: str = "",
) -> Path:
    """Lay out ``story`` on A4 pages with the report header and footer and write it to ``path`` atomically.

    ``printed_on`` (default today) is the date in the footer. Returns the path written. Raises
    ``ValidationError`` for an empty story; any build error leaves no file behind (and an older file intact).
    """
    if not story:
        raise ValidationError("没有可以打印的内容。")
    fonts.register()
    decor = PageDecor(title=title, centre_name=centre_name, printed_on=printed_on or dt.date.today())
    target = Path(path)
    with atomic_output(target) as tmp:
        doc = ReportDocTemplate(
            str(tmp), title=title, centre_name=centre_name, landscape=landscape, subject=subject
        )
        doc.build(list(story), canvasmaker=_canvas_maker(decor))
    return target


def _canvas_maker(decorate: Decorate) -> Callable[..., ReportCanvas]:
    def make(*args: Any, **kwargs: Any) -> ReportCanvas:
        return ReportCanvas(*args, decorate=decorate, **kwargs)

    return make


def build_canvas_pdf(
    path: str | os.PathLike[str],
    draw: Callable[[ReportCanvas], None],
    *,
    title: str,
    centre_name: str,
    decorate: Decorate | None = None,
    pagesize: tuple[float, float] = A4_PORTRAIT,
    subject: str = "",
) -> Path:
    """Write a position-laid-out PDF atomically: ``draw(canvas)`` draws every page, calling ``showPage()`` after
    each; ``decorate`` (e.g. a footer) is applied to every page once the page count is known."""
    fonts.register()
    target = Path(path)
    meta = _metadata(title, centre_name, subject)
    with atomic_output(target) as tmp:
        canvas = ReportCanvas(str(tmp), pagesize=pagesize, decorate=decorate, lang=meta["lang"])
        canvas.setTitle(meta["title"])
        canvas.setAuthor(meta["author"])
        canvas.setSubject(meta["subject"])
        canvas.setCreator(meta["creator"])
        canvas.setViewerPreference("DisplayDocTitle", "true")
        canvas.setViewerPreference("PrintScaling", meta["printScaling"])
        draw(canvas)
        canvas.save()
    return target


def page_count(path: str | os.PathLike[str]) -> int:
    """Pages of a PDF this module wrote: the ``/Count`` of its page tree (ReportLab writes it uncompressed), read
    without a PDF library."""
    import re

    counts = [int(n) for n in re.findall(rb"/Count (\d+)", Path(path).read_bytes())]
    return max(counts, default=1)
