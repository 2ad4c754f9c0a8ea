"""Printed timetables: the whole centre's, one volunteer's, one room's, one class's — or every volunteer's (room's,
class's) on a page each. The service gathers the sheets (``timetable_sheets``); ``reports.timetable`` draws them.

A sheet shows the programme's weekly pattern: weekly sessions by weekday and period (a session outside every
period in a row "其他时间"); below it, the sessions held once and the occurrences cancelled or moved, with dates.
A teacher may print their own timetable only.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from center_app.context import AppContext
from center_app.domain import timetable as tt
from center_app.domain.children import natural_key
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import READ, require
from center_app.domain.pinyin import sort_key
from center_app.reports.timetable import GridRow, TimetableSheet
from center_app.services.volunteers.common import (
    AREA,
    date_text,
    load_programme,
    require_see,
    visible_volunteer,
    write_audited_file,
)
from center_app.services.volunteers.schedule import ProgrammeInfo, Schedule, load_schedule

VIEWS = ("centre", "volunteer", "room", "class")
VIEW_LABELS = {"centre": "全中心", "volunteer": "志愿者", "room": "教室", "class": "班级"}
OTHER_TIME = "其他时间"


def _entry(session: tt.Session, schedule: Schedule, view: str) -> str:
    start, end = tt.span(dt.date(2026, 1, 5), session.start, session.end)
    lines = [session.title, tt.time_range_label(start, end)]
    where = schedule.room_names.get(session.room_id, "") if session.room_id is not None else ""
    who = "、".join(schedule.volunteer_names.get(v, "") for v in session.volunteer_ids)
    details = [
        x
        for x, skip in ((where, view == "room"), (who, view == "volunteer"), (session.group, view == "class"))
        if x and not skip
    ]
    if details:
        lines.append(" · ".join(details))
    return "\n".join(lines)


def _keep(session: tt.Session, view: str, key: int | str | None) -> bool:
    if view == "volunteer":
        return key in session.volunteer_ids
    if view == "room":
        return session.room_id == key
    if view == "class":
        return session.group == key
    return True


def _sheet(
    schedule: Schedule, programme: ProgrammeInfo, view: str, key: int | str | None, name: str
) -> TimetableSheet:
    sessions = [
        s for s in schedule.sessions.values() if s.programme_id == programme.id and _keep(s, view, key)
    ]
    weekly = [s for s in sessions if s.recurring]
    days = [1, 2, 3, 4, 5] + [d for d in (6, 7) if any(s.weekday == d for s in weekly)]
    rows: list[GridRow] = []
    placed: dict[tuple[int, int], list[tt.Session]] = {}
    for session in sorted(weekly, key=lambda s: (s.start, s.title, s.id)):
        numbers = tt.periods_of(
            session.start, session.end if session.end > session.start else dt.time(0), programme.periods
        )
        placed.setdefault((numbers[0] if numbers else 0, session.weekday or 1), []).append(session)
    for period in programme.periods:
        label = f"{period.label}\n{tt.hm(period.start)}–{tt.hm(period.end)}"
        rows.append(
            GridRow(
                label,
                tuple(
                    tuple(_entry(s, schedule, view) for s in placed.get((period.number, d), [])) for d in days
                ),
            )
        )
    if any(n == 0 for n, _ in placed):
        rows.append(
            GridRow(
                OTHER_TIME,
                tuple(tuple(_entry(s, schedule, view) for s in placed.get((0, d), [])) for d in days),
            )
        )
    notes: list[str] = []
    for session in sorted(
        (s for s in sessions if not s.recurring), key=lambda s: (s.on_date or dt.date.min, s.start)
    ):
        assert session.on_date is not None
        start, end = tt.span(session.on_date, session.start, session.end)
        notes.append(f"{tt.interval_label(start, end)}“{session.title}”" + _details(session, schedule, view))
    for session in sorted(weekly, key=lambda s: (s.weekday or 0, s.start)):
        for change in sorted(session.changes, key=lambda c: c.on_date):
            if not programme.starts_on <= change.on_date <= programme.ends_on:
                continue
            planned = tt.expand(session, change.on_date, change.on_date)
            if not planned:
                continue
            o = planned[0]
            start, end = tt.span(change.on_date, session.start, session.end)
            if change.cancelled:
                text = f"{tt.interval_label(start, end)}“{session.title}”停课"
            else:
                room = (
                    schedule.room_names.get(change.new_room_id, "") if change.new_room_id is not None else ""
                )
                text = f"{tt.interval_label(start, end)}“{session.title}”调到 {o.label}" + (
                    f"（{room}）" if room else ""
                )
            notes.append(text + (f"：{change.reason}" if change.reason else ""))
    title = f"{programme.name}课表" + (f" · {name}" if name else "")
    subtitle = f"{date_text(programme.starts_on)}–{date_text(programme.ends_on)}，每周"
    return TimetableSheet(
        title, subtitle, tuple(tt.weekday_label(d) for d in days), tuple(rows), tuple(notes)
    )


def _details(session: tt.Session, schedule: Schedule, view: str) -> str:
    lines = _entry(session, schedule, view).split("\n")
    return f"（{lines[2]}）" if len(lines) > 2 else ""


def _keys(schedule: Schedule, programme_id: int, view: str) -> list[tuple[int | str, str]]:
    sessions = [s for s in schedule.sessions.values() if s.programme_id == programme_id]
    if view == "volunteer":
        ids = {v for s in sessions for v in s.volunteer_ids}
        return sorted(
            ((v, schedule.volunteer_names.get(v, "")) for v in ids), key=lambda x: (sort_key(x[1]), x[0])
        )
    if view == "room":
        ids = {s.room_id for s in sessions if s.room_id is not None}
        return sorted(
            ((r, schedule.room_names.get(r, "")) for r in ids), key=lambda x: (sort_key(x[1]), x[0])
        )
    groups = sorted({s.group for s in sessions if s.group}, key=natural_key)
    return [(g, g) for g in groups]


def timetable_sheets(
    ctx: AppContext, programme_id: int, view: str = "centre", key: int | str | None = None
) -> list[TimetableSheet]:
    """The sheets to print: ``view`` centre (one sheet), or volunteer/room/class with ``key`` (that one's sheet)
    or ``key`` None (one sheet each). A teacher: their own volunteer sheet only."""
    if view not in VIEWS:
        raise ValidationError("打印方式只能是：全中心、志愿者、教室、班级。")
    require_see(ctx.actor)
    if view != "volunteer" or key is None:
        require(ctx.actor, AREA, READ)
    elif isinstance(key, int):
        visible_volunteer(ctx.actor, key)
    with ctx.db.read() as s:
        load_programme(s, programme_id)
        schedule = load_schedule(s, programme_ids=[programme_id])
    programme = schedule.programmes[programme_id]
    if view == "centre":
        return [_sheet(schedule, programme, view, None, "")]
    if key is not None:
        names = dict(_keys(schedule, programme_id, view))
        name = names.get(key) or (
            schedule.volunteer_names.get(key, "")
            if isinstance(key, int) and view == "volunteer"
            else str(key)
        )
        return [_sheet(schedule, programme, view, key, name)]
    return [_sheet(schedule, programme, view, k, name) for k, name in _keys(schedule, programme_id, view)]


def write_timetable_pdf(
    ctx: AppContext,
    programme_id: int,
    path: str | Path,
    view: str = "centre",
    key: int | str | None = None,
    *,
    printed_on: dt.date | None = None,
) -> Path:
    """Print timetables (A4 landscape; see ``timetable_sheets``); audited (it names volunteers)."""
    from center_app.reports.timetable import timetable_pdf
    from center_app.services.settings import get_centre

    sheets = timetable_sheets(ctx, programme_id, view, key)
    if not sheets or all(sheet.empty for sheet in sheets):
        raise ValidationError("所选的课表里还没有课，没有可以打印的内容。")
    centre = get_centre(ctx).name
    title = (
        sheets[0].title
        if len(sheets) == 1
        else f"{sheets[0].title.split(' · ')[0]}（每{VIEW_LABELS[view]}一页）"
    )
    return write_audited_file(
        ctx,
        path,
        lambda target: timetable_pdf(target, sheets, title=title, centre_name=centre, printed_on=printed_on),
        action="print",
        entity="timetable",
        what=f"打印{title}",
        rows=len(sheets),
    )
