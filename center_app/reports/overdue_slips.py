"""Overdue slips (图书到期提醒): one slip per child, three to an A4 page, cut apart along dashed lines.

Many families have no internet and the guardian is often a grandparent, so the slip is paper, in plain friendly
Chinese and a large type: who it is for, which books (title, barcode, due date, days overdue), that losing a book
is not a disaster, the centre's phone number and the date. Slips come grouped by class (the class is printed on
every slip) so a teacher can hand them out; within a class they keep the order given.

Slots have a fixed height so a stack of pages can be cut with a guillotine; a child with many books gets two or
more slots together (no cut line between them), and a slip longer than a page continues on the next with "（续）".
"""

from __future__ import annotations

import datetime as dt
import math
import os
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from center_app.domain.errors import ValidationError

if TYPE_CHECKING:
    from reportlab.platypus import Flowable, Frame

    from center_app.reports.page import ReportCanvas

MM = 72 / 25.4
PAGE_W_MM, PAGE_H_MM = 210.0, 297.0
SIDE_MM = 15.0
TOP_MM = 10.0
BOTTOM_MM = 17.0  # the page footer sits below the last slot
SLOT_PAD_MM = 6.0  # blank space each side of a cut line, so a crooked cut does not touch the text
FOOTER_BASELINE_MM = 9.0
_WIDTH = (PAGE_W_MM - 2 * SIDE_MM) * MM  # the slip's text width


class OverdueBook(NamedTuple):
    title: str
    barcode: str
    due_on: dt.date
    days_overdue: int


@dataclass(frozen=True)
class OverdueSlip:
    child_name: str
    class_name: str
    guardian_name: str
    books: Sequence[OverdueBook | tuple[str, str, dt.date, int]]


def group_by_class(slips: Sequence[OverdueSlip]) -> list[OverdueSlip]:
    """Slips of one class together, classes in the order they first appear, children in the order given."""
    order: dict[str, list[OverdueSlip]] = {}
    for slip in slips:
        order.setdefault(slip.class_name.strip(), []).append(slip)
    return [slip for group in order.values() for slip in group]


def _check(slips: Sequence[OverdueSlip]) -> None:
    if not slips:
        raise ValidationError("没有逾期未还的图书，不需要打印催还单。")
    problems = [f"{slip.child_name or '（没有名字）'}：没有逾期的书" for slip in slips if not slip.books]
    problems += [
        f"第 {i} 张：没有孩子的名字" for i, slip in enumerate(slips, start=1) if not slip.child_name.strip()
    ]
    if problems:
        raise ValidationError("催还单的内容不完整：" + "；".join(problems) + "。", problems)


def _slip_story(slip: OverdueSlip, *, centre_name: str, centre_phone: str, today: dt.date) -> list[Flowable]:
    from reportlab.lib.enums import TA_LEFT, TA_RIGHT
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import GREY, data_table, format_date, para, spacer, styles

    s = styles()
    big = ParagraphStyle("SlipBig", parent=s.body, fontSize=12.5, leading=18, spaceAfter=1 * MM)
    title_style = ParagraphStyle("SlipTitle", parent=s.body, fontSize=16, leading=20, spaceAfter=0)
    class_style = ParagraphStyle("SlipClass", parent=s.body, fontSize=12.5, leading=16, alignment=TA_RIGHT)
    small = ParagraphStyle(
        "SlipSmall", parent=s.body, fontSize=9.5, leading=13, textColor=GREY, alignment=TA_LEFT
    )
    phone_style = ParagraphStyle("SlipPhone", parent=s.body, fontSize=12.5, leading=16, alignment=TA_LEFT)
    sign = ParagraphStyle("SlipSign", parent=s.body, fontSize=11, leading=16, alignment=TA_RIGHT)

    heading = Table(
        [
            [
                [para("图书到期提醒", title_style), para(centre_name, small)],
                para(f"班级：{slip.class_name}", class_style),
            ]
        ],
        colWidths=[_WIDTH - 70 * MM, 70 * MM],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, 10),  # not Helvetica (never embedded)
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                ("LINEBELOW", (0, 0), (-1, 0), 0.8, GREY),
            ]
        ),
    )
    guardian = slip.guardian_name.strip()
    greeting = f"{guardian} 家长/监护人：您好！" if guardian else "家长/监护人：您好！"
    books = [OverdueBook(*book) for book in slip.books]
    rows = [(b.title, b.barcode, format_date(b.due_on), f"{b.days_overdue} 天") for b in books]
    table = data_table(
        ["书名", "条码", "应还日期", "已过期"],
        rows,
        weights=[5.2, 2.4, 2.6, 1.5],
        width=_WIDTH,
        centred=[1, 2, 3],
        zebra=False,
        font_size=11,
    )
    phone = f"联系电话：{centre_phone}" if centre_phone.strip() else ""
    return [
        heading,
        spacer(2.5),
        para(greeting, big),
        # Most readers are grandparents, not parents: the child is named, never "your child".
        para(f"孩子 {slip.child_name} 借的以下图书已经到期，请提醒孩子尽快归还到儿童之家。", big),
        spacer(1),
        table,
        spacer(2),
        para("如果书找不到了或者弄坏了，请不要着急，打个电话告诉我们就好。谢谢您！", big),
        _sign_line(para(phone, phone_style), para(f"{centre_name}　{format_date(today)}", sign)),
    ]


def _sign_line(left: Flowable, right: Flowable) -> Flowable:
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts

    return Table(
        [[left, right]],
        colWidths=[70 * MM, _WIDTH - 70 * MM],
        style=TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, 10),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 1 * MM),
            ]
        ),
        hAlign="LEFT",
    )


def _stack_height(canvas: ReportCanvas, story: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for index, flowable in enumerate(story):
        _, height = flowable.wrapOn(canvas, width, 10_000)
        total += height + flowable.getSpaceAfter() + (flowable.getSpaceBefore() if index else 0)
    return total


def _fill(frame: Frame, story: list[Flowable], canvas: ReportCanvas) -> bool:
    """Draw flowables from the front of ``story`` into ``frame``, splitting the one that does not fit (a long
    book table continues in the next slot, header row repeated). Returns whether anything was drawn."""
    placed = False
    while story:
        if frame.add(story[0], canvas, trySplit=0):
            story.pop(0)
            placed = True
            continue
        parts = frame.split(story[0], canvas)
        if len(parts) > 1 and frame.add(parts[0], canvas, trySplit=0):
            story[0:1] = parts[1:]
            placed = True
        break
    return placed


def _cut_line(canvas: ReportCanvas, y: float) -> None:
    from center_app.reports import fonts

    canvas.saveState()
    canvas.setStrokeColorRGB(0.45, 0.45, 0.45)
    canvas.setLineWidth(0.6)
    canvas.setDash(4, 3)
    label = "沿虚线剪开"
    size = 7.0
    half = fonts.string_width(label, size) / 2 + 2 * MM
    centre = PAGE_W_MM / 2 * MM
    left, right = 5.0 * MM, (PAGE_W_MM - 5.0) * MM  # the printer's safe edge
    canvas.line(left, y, centre - half, y)
    canvas.line(centre + half, y, right, y)
    canvas.setFillColorRGB(0.45, 0.45, 0.45)
    fonts.draw_string(canvas, centre, y - size * 0.35, label, size, align="centre")
    canvas.restoreState()


def overdue_slips_pdf(
    path: str | os.PathLike[str],
    slips: Sequence[OverdueSlip],
    *,
    centre_name: str,
    centre_phone: str,
    today: dt.date,
    slips_per_page: int = 3,
    new_page_per_class: bool = False,
) -> Path:
    """Write one slip per child (grouped by class) to ``path``; ``today`` is the date printed on each slip.

    ``new_page_per_class`` starts each class on a fresh page (easier to hand out; uses more paper). Raises
    ``ValidationError`` for no slips, a slip without books or without a child's name.
    """
    from reportlab.platypus import Frame

    from center_app.reports import page as report_page
    from center_app.reports.page import para, styles

    _check(slips)
    if not 1 <= slips_per_page <= 4:
        raise ValueError("slips_per_page must be 1..4")
    ordered = group_by_class(slips)
    width = _WIDTH
    slot = (PAGE_H_MM - TOP_MM - BOTTOM_MM) * MM / slips_per_page
    page_top = (PAGE_H_MM - TOP_MM) * MM

    def frame(first_slot: int, slots: int) -> Frame:
        top = page_top - first_slot * slot
        height = slots * slot
        pad = SLOT_PAD_MM * MM
        return Frame(SIDE_MM * MM, top - height + pad, width, height - 2 * pad, 0, 0, 0, 0, showBoundary=0)

    def draw(canvas: ReportCanvas) -> None:
        next_slot = 0
        previous_class: str | None = None
        for slip in ordered:
            story = _slip_story(slip, centre_name=centre_name, centre_phone=centre_phone, today=today)
            inner = slot - 2 * SLOT_PAD_MM * MM
            needed = _stack_height(canvas, story, width)
            slots = max(1, math.ceil((needed - inner) / slot) + 1) if needed > inner else 1
            new_class = previous_class is not None and slip.class_name.strip() != previous_class
            if next_slot and (
                next_slot + min(slots, slips_per_page) > slips_per_page or (new_class and new_page_per_class)
            ):
                canvas.showPage()
                next_slot = 0
            previous_class = slip.class_name.strip()
            if next_slot:
                _cut_line(canvas, page_top - next_slot * slot)
            while True:  # a slip longer than a page continues on the next one
                take = min(slots, slips_per_page - next_slot)
                placed = _fill(frame(next_slot, take), story, canvas)
                if story and not placed and take == slips_per_page:  # would loop forever
                    raise ValidationError(f"{slip.child_name} 的催还单有一部分太大，一页纸放不下。")
                next_slot += take
                if not story:
                    break
                canvas.showPage()
                next_slot = 0
                if placed:  # only a slip that really continues says so
                    heading = f"{slip.child_name} 的图书到期提醒（续）　班级：{slip.class_name}"
                    story.insert(0, para(heading, styles().heading))
                slots = max(1, slots - take) if placed else slots
            if next_slot >= slips_per_page:
                canvas.showPage()
                next_slot = 0

    decor_left, decor_right = SIDE_MM * MM, (PAGE_W_MM - SIDE_MM) * MM

    def decorate(canvas: ReportCanvas, page: int, total: int) -> None:
        from center_app.reports import fonts

        baseline = FOOTER_BASELINE_MM * MM
        report_page.draw_footer(
            canvas, page, total, today, left=decor_left, right=decor_right, baseline=baseline
        )
        fonts.draw_string(
            canvas, decor_left, baseline, f"{centre_name} · 图书到期提醒", report_page.DECOR_FONT_SIZE
        )

    return report_page.build_canvas_pdf(
        path, draw, title="图书到期提醒", centre_name=centre_name, decorate=decorate, subject="逾期图书催还单"
    )
