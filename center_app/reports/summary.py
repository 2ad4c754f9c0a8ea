"""A report laid out as sections (``services.reports.ReportLayout``): the monthly report, the donor report and the
programme summary all print through here, so they look alike and none can print a figure the others would
not. Plain data in, PDF out; nothing is queried.

Each section: its heading, the key figures two to a row ("在册儿童 … 120 名"), its charts (``reportlab.graphics``
bar and line charts, two side by side), then its tables (the header repeated on every page), then its notes in
small grey type. Every piece of text, chart labels included, goes through :mod:`center_app.reports.fonts`, so a
rare character prints from the Han fallback and digits from the Latin font.
"""

from __future__ import annotations

import math
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.graphics.shapes import Drawing
    from reportlab.platypus import Flowable

    from center_app.services.reports import Chart, ReportLayout, ReportTable, Section

CHART_HEIGHT = 150.0
CHART_FONT = 7.5
TITLE_FONT = 9.0
BAR_COLOUR = "#4F81BD"
LINE_COLOUR = "#C0504D"


def _nice_top(high: float) -> tuple[float, float]:
    """A round top for a value axis at or above ``high`` and a step that divides it into 4–5 parts."""
    if high <= 0:
        return 1.0, 1.0
    raw = high / 4
    magnitude = 10 ** math.floor(math.log10(raw))
    for factor in (1, 2, 2.5, 5, 10):
        step = factor * magnitude
        if step >= raw:
            break
    if step < 1 and high >= 1:
        step = 1.0
    return step * math.ceil(high / step), step


def chart_drawing(chart: Chart, width: float, height: float = CHART_HEIGHT) -> Drawing:
    """One chart as a drawing: the title on top, the plot, the category labels under it (thinned out when there
    are many), values on the bars."""
    from reportlab.graphics.charts.barcharts import VerticalBarChart
    from reportlab.graphics.charts.linecharts import HorizontalLineChart
    from reportlab.graphics.shapes import Drawing
    from reportlab.lib import colors

    from center_app.reports import fonts

    fonts.register()
    drawing = Drawing(width, height)
    drawing.initialFontName = fonts.CJK  # renderPDF would otherwise select (and reference) Helvetica
    drawing.initialFontSize = CHART_FONT
    left, bottom, top_room, right_room = 34.0, 22.0, 22.0, 8.0
    plot_w, plot_h = width - left - right_room, height - bottom - top_room
    values = [v for v in chart.values if v is not None]
    high = max(values, default=0.0)
    if chart.unit == "%":
        top, step = 100.0, 20.0
    else:
        top, step = _nice_top(high * 1.12 if high else 1.0)
    plot: Any
    if chart.kind == "line" and len(values) >= 2:  # a line needs two points (a lone one is drawn as a bar)
        plot = HorizontalLineChart()
        plot.data = [list(chart.values)]
        plot.lines[0].strokeColor = colors.HexColor(LINE_COLOUR)
        plot.lines[0].strokeWidth = 1.2
        plot.joinedLines = 1
    else:
        plot = VerticalBarChart()
        plot.data = [list(chart.values)]
        plot.bars[0].fillColor = colors.HexColor(BAR_COLOUR)
        plot.bars[0].strokeColor = None
        widest_value = max(
            (fonts.string_width(chart.value_format.format(v), CHART_FONT) for v in values), default=0
        )
        if widest_value + 2 <= plot_w / max(1, len(chart.values)):  # values on the bars only where they fit
            plot.barLabelFormat = lambda v: "" if v is None else chart.value_format.format(v)
        plot.barLabels.fontName = fonts.LATIN
        plot.barLabels.fontSize = CHART_FONT - 0.5
        plot.barLabels.nudge = 6
        plot.barSpacing = 2
        plot.groupSpacing = max(2.0, plot_w / max(1, len(chart.values)) * 0.25)
    plot.x, plot.y, plot.width, plot.height = left, bottom, plot_w, plot_h
    plot.valueAxis.valueMin = 0
    plot.valueAxis.valueMax = top
    plot.valueAxis.valueStep = step
    plot.valueAxis.labels.fontName = fonts.LATIN
    plot.valueAxis.labels.fontSize = CHART_FONT
    plot.valueAxis.labelTextFormat = "%d" if step >= 1 else "%.1f"
    plot.valueAxis.gridStrokeColor = colors.HexColor("#DDDDDD")
    plot.valueAxis.visibleGrid = 1
    plot.categoryAxis.categoryNames = [""] * len(chart.labels)
    plot.categoryAxis.labels.fontName = fonts.LATIN
    plot.categoryAxis.visibleTicks = 0
    drawing.add(plot)
    # Category labels in the report's fonts (a chart's own labels have one font: "7月" would lose its digit).
    count = len(chart.labels)
    slot = plot_w / max(1, count)
    widest = max((fonts.string_width(label, CHART_FONT) for label in chart.labels), default=0.0)
    every = max(1, math.ceil((widest + 4) / slot))  # every label, or every 2nd, 3rd… so that none overlap
    for i, label in enumerate(chart.labels):
        if i % every:
            continue
        text = fonts.fit_text(label, CHART_FONT, slot * every - 2)
        drawing.add(
            fonts.graphic_string(left + slot * (i + 0.5), bottom - 10, text, CHART_FONT, anchor="middle")
        )
    title = chart.title + (f"（{chart.unit}）" if chart.unit and chart.unit not in chart.title else "")
    drawing.add(fonts.graphic_string(width / 2, height - 12, title, TITLE_FONT, anchor="middle"))
    if not values:
        drawing.add(
            fonts.graphic_string(
                left + plot_w / 2, bottom + plot_h / 2, "（没有数据）", TITLE_FONT, anchor="middle"
            )
        )
    return drawing


def _figures(section: Section, width: float) -> Flowable:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import HEADER_FILL, RULE, para, styles

    s = styles()
    label = ParagraphStyle("FigureLabel", parent=s.cell, textColor="#333333")
    value = ParagraphStyle("FigureValue", parent=s.cell_right, fontSize=11, leading=14)
    cells = [[para(f.label, label), para(f.text, value)] for f in section.figures]
    rows = []
    for i in range(0, len(cells), 2):
        pair = cells[i] + (cells[i + 1] if i + 1 < len(cells) else ["", ""])
        rows.append(pair)
    table = Table(rows, colWidths=[width * w for w in (0.3, 0.2, 0.3, 0.2)], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, 10),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                ("BACKGROUND", (2, 0), (2, -1), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _charts(section: Section, width: float) -> list[Flowable]:
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts

    out: list[Flowable] = []
    charts = list(section.charts)
    for i in range(0, len(charts), 2):
        pair = charts[i : i + 2]
        if len(pair) == 1:
            out.append(chart_drawing(pair[0], width))
            continue
        half = width / 2 - 3
        table = Table(
            [[chart_drawing(c, half) for c in pair]], colWidths=[width / 2, width / 2], hAlign="LEFT"
        )
        table.setStyle(
            TableStyle(
                [
                    ("FONT", (0, 0), (-1, -1), fonts.CJK, 10),
                    ("LEFTPADDING", (0, 0), (-1, -1), 0),
                    ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ]
            )
        )
        out.append(table)
    return out


def _table(table: ReportTable) -> list[Flowable]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, KeepTogether

    from center_app.reports.page import data_table, para, spacer, styles

    s = styles()
    caption = ParagraphStyle("TableCaption", parent=s.body, fontSize=10.5, spaceBefore=1.5, spaceAfter=1)
    head = para(table.title, caption)
    if not table.rows:
        return [KeepTogether([head, para(table.empty, s.small)]), spacer(2)]
    body = data_table(
        table.headers,
        [["" if v is None else v for v in row] for row in table.rows],
        weights=table.weights,
        numeric=table.numeric,
    )
    if len(table.rows) <= 12:
        return [KeepTogether([head, body]), spacer(2)]
    # A long table starts where there is room for its caption and first rows, then runs on (header repeated).
    return [CondPageBreak(40 * mm), head, body, spacer(2)]


def _narrow(table: ReportTable) -> bool:
    """A short table of at most three columns: two of them fit side by side."""
    return len(table.headers) <= 3 and 0 < len(table.rows) <= 10


def _side_by_side(left: ReportTable, right: ReportTable, width: float) -> list[Flowable]:
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import data_table, para, spacer, styles

    s = styles()
    caption = ParagraphStyle("TableCaption", parent=s.body, fontSize=10.5, spaceBefore=1.5, spaceAfter=1)
    half = width / 2 - 6  # a 6 pt gap between the two, neither past the margin

    def cell(table: ReportTable) -> list[Flowable]:
        rows = [["" if v is None else v for v in row] for row in table.rows]
        body = data_table(table.headers, rows, weights=table.weights, numeric=table.numeric, width=half)
        return [para(table.title, caption), body]

    pair = Table([[cell(left), cell(right)]], colWidths=[width / 2, width / 2], hAlign="LEFT")
    pair.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, 10),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("LEFTPADDING", (1, 0), (1, 0), 6),
            ]
        )
    )
    return [pair, spacer(2)]


def _tables(tables: tuple[ReportTable, ...], width: float) -> list[Flowable]:
    """The section's tables, one after another; two short narrow ones in a row side by side."""
    out: list[Flowable] = []
    i = 0
    while i < len(tables):
        if i + 1 < len(tables) and _narrow(tables[i]) and _narrow(tables[i + 1]):
            out += _side_by_side(tables[i], tables[i + 1], width)
            i += 2
        else:
            out += _table(tables[i])
            i += 1
    return out


def layout_story(layout: ReportLayout) -> list[Flowable]:
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether

    from center_app.reports.page import content_width, para, spacer, styles

    s = styles()
    width = content_width()
    subtitle = ParagraphStyle("ReportSubtitle", parent=s.body, alignment=TA_CENTER, textColor="#333333")
    story: list[Flowable] = [
        para(layout.title, s.title),
        para(f"{layout.centre_name}　{layout.subtitle}", subtitle),
    ]
    story += [para(text, s.body) for text in layout.intro]
    story.append(spacer(2))
    for section in layout.sections:
        opening: list[Flowable] = [para(section.heading, s.heading)]
        if section.figures:
            opening += [_figures(section, width), spacer(2)]
        charts = _charts(section, width)
        # The heading never ends a page alone: it keeps its figures and first chart with it.
        story.append(KeepTogether(opening + charts[:1]))
        story += charts[1:]
        story += _tables(section.tables, width)
        story += [para(note, s.small) for note in section.notes]
        story.append(spacer(3))
    story += [para(note, s.small) for note in layout.notes]
    return story


def layout_pdf(path: str | os.PathLike[str], layout: ReportLayout, *, subject: str = "") -> tuple[Path, int]:
    """Write ``layout`` to ``path`` (A4 portrait, atomically); returns the path and its page count."""
    from center_app.reports.page import build_pdf, page_count

    target = build_pdf(
        path,
        layout_story(layout),
        title=layout.title,
        centre_name=layout.centre_name,
        subject=subject or f"{layout.title}（{layout.subtitle}）",
    )
    return target, page_count(target)
