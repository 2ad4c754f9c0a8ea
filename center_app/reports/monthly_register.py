"""The monthly attendance register (月考勤表): children × open days on A4 landscape, as the bureau files it.

Plain data in: the ``MonthlyRegister`` that ``services.attendance.monthly_register`` computed, so the paper shows
the same figures as the page and the Excel export. Nothing is queried here.

Layout: the centre's name and the title on every page (``page.build_pdf``), a two-row header repeated on each page
(day numbers; weekday letters 一二三…, weekends shaded), one row per child (name, class unless the register is one
class, a symbol per day, totals and rate), then per-day rows (出勤人数, 缺勤人数, 出勤率) and a 合计 row whose totals
stand under the children's totals (a column sum, in 人次), a legend and signature lines.

Symbols: √ present, × absent, 迟 late, 假 excused (``CodeConfig.symbol``). At 31 columns a cell is ~6 mm wide;
a grid of mostly √ stays light and the × and the characters stand out, where 出/缺 would be two dense characters
hard to tell apart at 8 pt.

Fonts: each cell's text is a single string drawn in the one font that has all its characters (``fonts.runs``) —
Vera for √ × and digits, the CJK font for names and 迟/假 — set per cell in the table style; only text that needs
both fonts becomes a paragraph (class names such as 三年级1班). The same guarantee as ``para()`` (Latin digits never
print blank) at a fraction of the cost: a 200 × 33 grid of paragraphs took ~1.5 s to build, of plain cells ~0.3 s;
the whole register of 200 children × 27 days prints in ~1 s (8 pages), mostly ReportLab drawing the cells.
"""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from center_app.domain.attendance import format_rate, weekday_letter
from center_app.domain.errors import ValidationError

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from center_app.services.attendance import MonthlyRegister

BODY_SIZE = 8.0
SYMBOL_SIZE = 9.5  # √ and × are thin glyphs: a size up keeps them legible from arm's length
HEAD_SIZE = 7.5
SEQ_W = 22.0  # points: 序号, and up to three digits
NAME_W = 56.0  # points: four characters at 8 pt plus padding
CLASS_W = 50.0
TOTAL_W = 22.0
RATE_W = 34.0
MAX_DAY_W = 24.0
PAD = 1.5
WEEKEND_FILL = "#CFCFCF"  # darker than the header's grey: weekends are where the eye looks for gaps


def _rate_number(rate: float | None) -> str:
    """Per-day rate without the % sign (the row says "(%)"): "100%" does not fit a 6 mm column."""
    return "—" if rate is None else f"{rate * 100:.0f}"


def monthly_register_pdf(
    path: str | os.PathLike[str],
    register: MonthlyRegister,
    *,
    centre_name: str,
    printed_on: dt.date | None = None,
) -> Path:
    """Write the register to ``path`` (A4 landscape, fonts embedded, page numbers). Raises ``ValidationError``
    when there is no child to list."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import (
        GREY,
        HEADER_FILL,
        RULE,
        ZEBRA_FILL,
        build_pdf,
        content_width,
        para,
        spacer,
        styles,
    )

    if not register.rows:
        raise ValidationError(f"{register.title}没有可以打印的儿童。")
    fonts.register()
    s = styles()
    cell_style = ParagraphStyle("RegisterCell", parent=s.cell, fontSize=BODY_SIZE, leading=BODY_SIZE * 1.15)
    show_class = register.class_name is None
    days = register.days
    n_days = len(days)
    fixed = SEQ_W + NAME_W + (CLASS_W if show_class else 0) + 4 * TOTAL_W + RATE_W
    day_w = min(MAX_DAY_W, (content_width(landscape=True) - fixed) / max(1, n_days))
    # 序号, 姓名, (班级,) the days, the totals: a number per child, so a page torn off still says where it was.
    name_col = 1
    first_day = 3 if show_class else 2
    first_total = first_day + n_days
    widths = [SEQ_W, NAME_W, *([CLASS_W] if show_class else []), *([day_w] * n_days), *([TOTAL_W] * 4), RATE_W]

    commands: list[tuple[Any, ...]] = [
        ("FONT", (0, 0), (-1, -1), fonts.LATIN, BODY_SIZE),  # most cells are √, × and digits
        # the children's day cells; before any per-cell command (later commands win)
        (
            "FONT",
            (first_day, 2),
            (max(first_day, first_total - 1), 1 + len(register.rows)),
            fonts.LATIN,
            SYMBOL_SIZE,
        ),
        ("GRID", (0, 0), (-1, -1), 0.4, RULE),
        ("BOX", (0, 0), (-1, -1), 0.8, GREY),
        ("BACKGROUND", (0, 0), (-1, 1), HEADER_FILL),
        ("ALIGN", (0, 0), (-1, -1), "CENTER"),
        ("ALIGN", (name_col, 2), (first_day - 1, -1), "LEFT"),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), PAD),
        ("BOTTOMPADDING", (0, 0), (-1, -1), PAD + 0.5),
        ("LEFTPADDING", (0, 0), (-1, -1), PAD),
        ("RIGHTPADDING", (0, 0), (-1, -1), PAD),
    ]

    def cell(text: str, col: int, row: int, size: float = BODY_SIZE, base: float = BODY_SIZE) -> object:
        """``text`` as a plain cell in the one font that has it, or a paragraph when it needs both or is too
        wide (a long name wraps instead of running into the next column). ``base`` is the size the range's
        style already gives Latin text, so most cells need no command of their own."""
        if not text:
            return ""
        chunks = fonts.runs(text)
        if len(chunks) == 1 and fonts.string_width(text, size) <= widths[col] - 2 * PAD:
            if chunks[0][0] != fonts.LATIN or size != base:
                commands.append(("FONT", (col, row), (col, row), chunks[0][0], size))
            return text
        return para(text, cell_style)

    data: list[list[object]] = []
    head1: list[object] = [cell("序号", 0, 0, HEAD_SIZE), cell("姓名", name_col, 0, HEAD_SIZE)]
    head2: list[object] = ["", ""]
    if show_class:
        head1.append(cell("班级", name_col + 1, 0, HEAD_SIZE))
        head2.append("")
    for i, column in enumerate(days):
        col = first_day + i
        head1.append(cell(str(column.day.day), col, 0, HEAD_SIZE))
        head2.append(cell(weekday_letter(column.day), col, 1, HEAD_SIZE))
        if column.day.isoweekday() >= 6:
            commands.append(("BACKGROUND", (col, 0), (col, 1), WEEKEND_FILL))
    for j, label in enumerate(("出勤", "缺勤", "迟到", "请假", "出勤率")):
        head1.append(cell(label, first_total + j, 0, HEAD_SIZE))
        head2.append("")
    for col in [*range(first_day), *range(first_total, first_total + 5)]:
        commands.append(("SPAN", (col, 0), (col, 1)))
    data += [head1, head2]

    codes = register.codes
    for number, child in enumerate(register.rows, start=1):
        r = len(data)
        line: list[object] = [str(number), cell(child.name, name_col, r)]
        if show_class:
            line.append(cell(child.class_name, name_col + 1, r))
        line += [
            cell(codes.symbol(code), first_day + i, r, SYMBOL_SIZE, SYMBOL_SIZE)
            for i, code in enumerate(child.cells)
        ]
        t = child.tally
        line += [
            str(t.present),
            str(t.absent),
            str(t.late),
            str(t.excused),
            cell(format_rate(t.rate), first_total + 4, r),
        ]
        data.append(line)
        if (r - 2) % 2 == 1:
            commands.append(("BACKGROUND", (0, r), (-1, r), ZEBRA_FILL))

    # Per-day totals (children present / absent that day, the day's rate), then the month's totals under the
    # children's totals — a column sum, in 人次 (child-days).
    foot = len(data)
    total = register.total
    for k, (label, value) in enumerate(
        (
            ("出勤人数", lambda c: str(c.tally.present)),
            ("缺勤人数", lambda c: str(c.tally.absent)),
            ("出勤率(%)", lambda c: _rate_number(c.tally.rate)),
        )
    ):
        r = foot + k
        line = [cell(label, 0, r), "", *([""] if show_class else [])]
        line += [cell(value(c), first_day + i, r, HEAD_SIZE) if c.taken else "" for i, c in enumerate(days)]
        data.append([*line, "", "", "", "", ""])
    r = foot + 3
    taken_days = sum(1 for c in days if c.taken)
    data.append(
        [
            cell("合计（人次）", 0, r),
            "",
            *([""] if show_class else []),
            cell(f"开放 {n_days} 天，已点名 {taken_days} 天", first_day, r),
            *([""] * (n_days - 1)),
            str(total.present),
            str(total.absent),
            str(total.late),
            str(total.excused),
            cell(format_rate(total.rate), first_total + 4, r),
        ]
    )
    if n_days > 1:
        commands.append(("SPAN", (first_day, r), (first_total - 1, r)))
    # The footer's labels span 序号, 姓名 (and 班级); the last two children stay on the page of the totals, so no
    # child is left alone on a page of its own.
    commands += [("SPAN", (0, row), (first_day - 1, row)) for row in range(foot, r + 1)]
    commands.append(("NOSPLIT", (0, max(2, foot - 2)), (-1, r)))
    commands += [
        ("BACKGROUND", (0, foot), (-1, r), HEADER_FILL),
        ("LINEABOVE", (0, foot), (-1, foot), 0.8, GREY),
        ("ALIGN", (0, foot), (first_day - 1, r), "LEFT"),
    ]

    table = Table(data, colWidths=widths, repeatRows=2, hAlign="CENTER")
    table.setStyle(TableStyle(commands))

    small = ParagraphStyle("RegisterSmall", parent=s.small, fontSize=9, leading=13)
    legend = "　".join(f"{symbol} {label}" for symbol, label in codes.legend())
    summary = (
        f"开放 {n_days} 天，已点名 {taken_days} 天　儿童 {len(register.rows)} 人　"
        f"出勤 {total.present} 人次（其中迟到 {total.late}）　缺勤 {total.absent} 人次　请假 {total.excused} 人次　"
        f"总出勤率 {format_rate(total.rate)}"
    )
    story: list[Flowable] = [
        para(register.title, s.title),
        para(summary, small),
        spacer(2),
        table,
        spacer(2),
        para(
            f"{legend}　空白 = 未点名。出勤率 = 出勤（含迟到）÷（出勤 + 缺勤），请假不计入。周六、周日日期加灰。",
            small,
        ),
        spacer(6),
        para(
            "制表人：＿＿＿＿＿＿＿＿　　　　负责人（签字）：＿＿＿＿＿＿＿＿　　　　日期：＿＿＿＿＿＿＿＿",
            s.body,
        ),
    ]
    return build_pdf(
        path,
        story,
        title=register.title,
        centre_name=centre_name,
        landscape=True,
        printed_on=printed_on,
        subject="月考勤表",
    )
