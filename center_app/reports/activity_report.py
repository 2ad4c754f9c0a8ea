"""The single-activity report (单次活动报告): what a teacher prints after a session and files, signed.

A4 portrait on the shared page (``reports.page``: the centre's name and the title in the header, "第 N 页 / 共 M 页"
and the print date in the footer, the bundled font embedded). In order: the details (what, when, where, who led
it), what was done, the attendance list from its roll call (names and classes, two columns), the equipment lent to
it, its photos — only those :func:`~center_app.domain.activities.photo_verdict` allows, with a line saying how many
were left out and why —, the teacher's reflection, and the signature lines (负责人签名 / 志愿者签名, 日期).

Plain data in (``services.activities.ActivityReport``); this module never queries.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from reportlab.platypus import Flowable

    from center_app.services.activities.report import ActivityReport

PHOTO_WIDTH_MM = 80.0
PHOTO_HEIGHT_MM = 54.0
NAMES_PER_ROW = 2


def _details(report: ActivityReport) -> list[tuple[str, str]]:
    rows = [
        ("活动名称", report.title),
        ("活动类型", report.kind_label),
        ("日期", report.date_text),
        ("时间", report.times or "—"),
        ("地点", report.room or "—"),
    ]
    if report.session_label:
        rows.append(("课表", report.session_label))
    rows.append(("负责志愿者", "、".join(report.leads) or "—"))
    if report.assistants:
        rows.append(("协助志愿者", "、".join(report.assistants)))
    if report.recorded_by:
        rows.append(("记录人", report.recorded_by))
    return rows


def _key_values(rows: list[tuple[str, str]]) -> Flowable:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import HEADER_FILL, RULE, content_width, para, styles

    s = styles()
    width = content_width()
    table = Table(
        [[para(k, s.cell), para(v, s.cell)] for k, v in rows],
        colWidths=[28 * mm, width - 28 * mm],
        hAlign="LEFT",
    )
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, s.cell.fontSize),
                ("GRID", (0, 0), (-1, -1), 0.5, RULE),
                ("BACKGROUND", (0, 0), (0, -1), HEADER_FILL),
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("TOPPADDING", (0, 0), (-1, -1), 3),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    return table


def _attendance(report: ActivityReport) -> list[Flowable]:
    from center_app.reports.page import data_table, para, styles

    s = styles()
    story: list[Flowable] = [para(f"出勤名单（{report.attendance_summary}）", s.heading)]
    if not report.roll_taken:
        story.append(para("这次活动还没有点名：请在“考勤”页选这次活动点名后再打印。", s.body))
        return story
    if not report.present:
        story.append(para("点名记录里没有出勤的儿童。", s.body))
        return story
    header: list[str] = []
    for _ in range(NAMES_PER_ROW):
        header += ["序号", "姓名", "班级"]
    rows: list[list[Any]] = []
    for start in range(0, len(report.present), NAMES_PER_ROW):
        row: list[Any] = []
        for offset in range(NAMES_PER_ROW):
            n = start + offset
            if n < len(report.present):
                name, class_name = report.present[n]
                row += [n + 1, name, class_name]
            else:
                row += ["", "", ""]
        rows.append(row)
    story.append(data_table(header, rows, weights=[0.6, 1.6, 1.6] * NAMES_PER_ROW, numeric=[0, 3]))
    return story


def _photo_cell(path: Path, caption: str, width: int, height: int) -> list[Flowable]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Image

    from center_app.reports.page import para, styles

    box_w, box_h = PHOTO_WIDTH_MM * mm, PHOTO_HEIGHT_MM * mm
    w, h = (width or 4), (height or 3)
    scale = min(box_w / w, box_h / h)
    cell: list[Flowable] = [Image(str(path), width=w * scale, height=h * scale)]
    if caption:
        from reportlab.lib.enums import TA_CENTER
        from reportlab.lib.styles import ParagraphStyle

        small = styles().small
        cell.append(para(caption, ParagraphStyle("PhotoCaption", parent=small, alignment=TA_CENTER)))
    return cell


def _photos(report: ActivityReport) -> list[Flowable]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import para, styles

    s = styles()
    if not report.photos and not report.photos_left_out:
        return []
    story: list[Flowable] = [para("活动照片", s.heading)]
    if report.photos:
        cells = [_photo_cell(p.path, p.caption, p.width, p.height) for p in report.photos]
        rows = [cells[i : i + 2] + [[]] * (2 - len(cells[i : i + 2])) for i in range(0, len(cells), 2)]
        table = Table(rows, colWidths=[(PHOTO_WIDTH_MM + 4) * mm] * 2, hAlign="CENTER")
        table.setStyle(
            TableStyle(
                [
                    # The cells are an image and a paragraph, but Table still selects a font for each cell:
                    # without this it is Helvetica, which ReportLab never embeds.
                    ("FONT", (0, 0), (-1, -1), fonts.CJK, s.small.fontSize),
                    ("VALIGN", (0, 0), (-1, -1), "TOP"),
                    ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                    ("TOPPADDING", (0, 0), (-1, -1), 2),
                    ("BOTTOMPADDING", (0, 0), (-1, -1), 6),
                ]
            )
        )
        story.append(table)
    if report.photos_left_out:
        reasons = "，".join(f"{label} {n} 张" for label, n in report.left_out_reasons)
        story.append(para(f"另有 {report.photos_left_out} 张照片没有打印（{reasons}）。", s.small))
    return story


def _signatures() -> list[Flowable]:
    from reportlab.lib.units import mm
    from reportlab.platypus import Table, TableStyle

    from center_app.reports import fonts
    from center_app.reports.page import content_width, para, spacer, styles

    s = styles()
    width = content_width()
    line = "_" * 18
    rows = [
        [para(f"负责人签名：{line}", s.body), para(f"日期：{line}", s.body)],
        [para(f"志愿者签名：{line}", s.body), para(f"日期：{line}", s.body)],
    ]
    table = Table(rows, colWidths=[width * 0.58, width * 0.42], rowHeights=[11 * mm, 11 * mm], hAlign="LEFT")
    table.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), fonts.CJK, s.body.fontSize),
                ("VALIGN", (0, 0), (-1, -1), "BOTTOM"),
            ]
        )
    )
    return [spacer(3), table]


def _text_block(title: str, text: str, empty: str) -> list[Flowable]:
    """A heading and its text, kept on one page (a heading alone at the foot of a page reads as a mistake)."""
    from reportlab.platypus import KeepTogether

    from center_app.reports.page import para, styles

    s = styles()
    return [KeepTogether([para(title, s.heading), para(text or empty, s.body)])]


def activity_report_story(report: ActivityReport) -> list[Flowable]:
    """The report's flowables (fresh each call: ReportLab's flowables are single-use)."""
    from reportlab.lib.enums import TA_CENTER
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import KeepTogether

    from center_app.reports.page import para, spacer, styles

    s = styles()
    subtitle = ParagraphStyle("ActivitySubtitle", parent=s.heading, alignment=TA_CENTER, spaceBefore=0)
    story: list[Flowable] = [
        para("单次活动报告", s.title),
        para(f"{report.title}　{report.date_text}", subtitle),
        _key_values(_details(report)),
        spacer(2),
    ]
    story += _text_block("活动内容", report.description, "（没有填写）")
    story += _attendance(report)
    if report.equipment:
        story.append(KeepTogether([para("使用器材", s.heading), para("；".join(report.equipment), s.body)]))
    story += _photos(report)
    # The reflection and the signatures below it stay together: signature lines alone on a page sign nothing.
    reflection = [para("活动反思", s.heading), para(report.reflection or "（没有填写）", s.body)]
    story.append(KeepTogether([*reflection, *_signatures()]))
    return story


def activity_report_pdf(path: str | os.PathLike[str], report: ActivityReport) -> tuple[Path, int]:
    """Write the report to ``path`` (atomically); returns the path and its page count."""
    from center_app.reports.page import build_pdf

    target = build_pdf(
        path,
        activity_report_story(report),
        title="单次活动报告",
        centre_name=report.centre_name,
        printed_on=report.printed_on,
        subject=f"{report.date_text} {report.title}",
    )
    return target, _page_count(target)


def _page_count(path: Path) -> int:
    """Pages of a PDF ReportLab just wrote (its ``/Count`` in the page tree), without a PDF library."""
    import re

    counts = [int(n) for n in re.findall(rb"/Count (\d+)", path.read_bytes())]
    return max(counts, default=1)
