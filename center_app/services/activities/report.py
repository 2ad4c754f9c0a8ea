"""The single-activity report (单次活动报告): its figures and lists as plain data (``activity_report``, what the PDF
and a preview show), the PDF (``write_activity_report``) and its tables in Excel (``export_activity_xlsx``).

The report is the activity record printed, so it needs what the record needs — ``activities`` (a teacher: their
own) — and ``child.basic`` read for the attendance names. It holds children's names, so writing it is audited
first, like every print of children's data (``roster.write_personal_file``). Photos: only those the consent rule
allows (``domain.activities.photo_verdict``); the others are counted, with why, never shown.
"""

from __future__ import annotations

import datetime as dt
import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Centre, TimetableSlot
from center_app.domain import activities as rules
from center_app.domain.activities import PhotoVerdict
from center_app.domain.permissions import READ, require
from center_app.services.activities._shared import (
    ActivityDetail,
    detail_of,
    load_activity,
    owners_of,
    require_see,
    require_see_one,
)
from center_app.services.roster import write_personal_file


@dataclass(frozen=True)
class ReportPhoto:
    path: Path
    caption: str
    width: int
    height: int


@dataclass(frozen=True)
class ActivityReport:
    """Everything the single-activity report prints, already decided (which photos, which names)."""

    activity_id: int
    centre_name: str
    title: str
    kind_label: str
    on_date: dt.date
    times: str
    room: str
    session_label: str  # "课表：绘本共读（2026年暑期）" when recorded from the timetable
    leads: tuple[str, ...]
    assistants: tuple[str, ...]
    recorded_by: str
    description: str
    reflection: str
    roll_taken: bool
    present: tuple[tuple[str, str], ...]  # (name, class), in register order
    totals: tuple[tuple[str, int], ...]  # (mark label, count): 出勤 12, 请假 1
    equipment: tuple[str, ...]  # "跳绳 10根"
    photos: tuple[ReportPhoto, ...]  # printable only
    photos_left_out: int
    left_out_reasons: tuple[tuple[str, int], ...]  # (why, how many)
    printed_on: dt.date

    @property
    def date_text(self) -> str:
        return rules.date_text(self.on_date)

    @property
    def attendance_summary(self) -> str:
        """``出勤 12 人，请假 1 人`` (or ``未点名``)."""
        if not self.roll_taken:
            return "未点名"
        if not self.totals:
            return "0 人"
        return "，".join(f"{label} {n} 人" for label, n in self.totals)


@dataclass(frozen=True)
class WrittenReport:
    path: Path
    pages: int
    photos_left_out: int


def _centre_name(s: Session) -> str:
    from center_app.services.settings import DEFAULT_CENTRE_NAME

    return s.scalar(select(Centre.name).order_by(Centre.id).limit(1)) or DEFAULT_CENTRE_NAME


def _report(
    detail: ActivityDetail, centre_name: str, session_label: str, printed_on: dt.date
) -> ActivityReport:
    totals = Counter(a.label for a in detail.attendance)
    order = {a.label: (not a.present, i) for i, a in enumerate(detail.attendance)}
    left_out = Counter(p.verdict for p in detail.photos if not p.printable)
    return ActivityReport(
        activity_id=detail.id,
        centre_name=centre_name,
        title=detail.title,
        kind_label=detail.kind_label,
        on_date=detail.on_date,
        times=detail.times,
        room=detail.room,
        session_label=session_label,
        leads=tuple(v.name for v in detail.volunteers if v.role == rules.ROLE_LEAD),
        assistants=tuple(v.name for v in detail.volunteers if v.role != rules.ROLE_LEAD),
        recorded_by=detail.recorded_by,
        description=detail.description,
        reflection=detail.reflection,
        roll_taken=detail.roll_taken,
        present=tuple((a.name, a.class_name) for a in detail.present),
        totals=tuple(sorted(totals.items(), key=lambda kv: order.get(kv[0], (True, 0)))),
        equipment=tuple(e.text for e in detail.equipment),
        photos=tuple(ReportPhoto(p.path, p.caption, p.width, p.height) for p in detail.photos if p.printable),
        photos_left_out=sum(left_out.values()),
        left_out_reasons=tuple(
            (rules.VERDICT_LABELS[v].removesuffix("，不打印"), n)
            for v, n in sorted(left_out.items(), key=lambda kv: list(PhotoVerdict).index(kv[0]))
        ),
        printed_on=printed_on,
    )


def activity_report(ctx: AppContext, activity_id: int, *, today: dt.date | None = None) -> ActivityReport:
    """The report's content: what the PDF prints and a preview shows."""
    require_see(ctx.actor)
    require(ctx.actor, "child.basic", READ)
    with ctx.db.read() as s:
        activity = load_activity(s, activity_id)
        require_see_one(ctx.actor, owners_of(s, activity_id))
        detail = detail_of(ctx, s, activity)
        session_label = ""
        if activity.slot_id is not None:
            slot = s.get(TimetableSlot, activity.slot_id)
            if slot is not None:
                session_label = slot.course + (f"（{slot.target_group}）" if slot.target_group else "")
        centre = _centre_name(s)
    return _report(detail, centre, session_label, today or dt.date.today())


def write_activity_report(
    ctx: AppContext, activity_id: int, path: str | os.PathLike[str], *, today: dt.date | None = None
) -> WrittenReport:
    """Write the activity's report as a PDF (audited first: it lists children's names)."""
    from center_app.reports.activity_report import activity_report_pdf

    report = activity_report(ctx, activity_id, today=today)
    target, pages = write_personal_file(
        ctx,
        path,
        lambda p: activity_report_pdf(p, report),
        action="print",
        what=f"打印活动报告 {report.date_text} {report.title}",
        rows=len(report.present),
        needs=("child.basic",),
    )
    return WrittenReport(target, pages, report.photos_left_out)


def export_activity_xlsx(ctx: AppContext, activity_id: int, path: str | os.PathLike[str]) -> int:
    """The report's tables in one Excel sheet — the details, volunteers, attendance and equipment, one line each,
    the first column saying which (filter it in Excel). Returns the rows written; audited first."""
    from center_app.importing import write_xlsx

    report = activity_report(ctx, activity_id)
    rows: list[list[object]] = [
        ["活动", "日期", report.on_date, ""],
        ["活动", "时间", report.times, ""],
        ["活动", "类型", report.kind_label, ""],
        ["活动", "地点", report.room, ""],
    ]
    rows += [["志愿者", name, "负责", ""] for name in report.leads]
    rows += [["志愿者", name, "协助", ""] for name in report.assistants]
    rows += [["出勤", name, class_name, "出勤"] for name, class_name in report.present]
    rows += [["出勤合计", label, n, "人"] for label, n in report.totals]
    rows += [["器材", text, "", ""] for text in report.equipment]
    rows.append(["照片", "打印", len(report.photos), "张"])
    if report.photos_left_out:
        rows.append(["照片", "未打印", report.photos_left_out, "张"])
    return write_personal_file(
        ctx,
        path,
        lambda p: write_xlsx(
            p,
            ["类别", "项目", "内容", "说明"],
            rows,
            sheet_title="活动报告",
            title=f"{report.centre_name} 单次活动报告：{report.date_text} {report.title}",
        ),
        action="export",
        what=f"导出活动报告表格 {report.date_text} {report.title}",
        rows=len(report.present),
        needs=("child.basic",),
    )
