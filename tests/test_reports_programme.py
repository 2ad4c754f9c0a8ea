"""The term / summer programme summary on the demo centre: the autumn term's figures recomputed with plain SQL and
found in the PDF's text (the timetables, children, attendance week by week, activities, volunteers and their
hours, books, equipment, follow-ups); the summer programme's title."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

import pytest
from pypdf import PdfReader

from center_app.context import AppContext
from center_app.services import reports
from tests.reports import assert_a4, assert_fonts_embedded
from tests.reports.demo_centre import (
    CAME,
    DEMO_TODAY,
    ON_ROLL,
    Sql,
    demo_centre,
    figure,
    hours,
    marks,
    one_decimal,
    open_days,
    part,
    pdf_text,
    rate,
    row,
    taken_days,
    utc,
)

FIRST, LAST = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
HEADINGS = (
    "一、项目概况",
    "二、服务儿童",
    "三、开放与出勤",
    "四、活动",
    "五、志愿服务",
    "六、图书借阅",
    "七、器材使用",
    "八、回访",
)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Sql, Path, str]]:
    ctx = demo_centre(tmp_path_factory.mktemp("programme") / "data")
    sql = Sql(ctx)
    report = reports.programme_report(ctx, FIRST, LAST, today=DEMO_TODAY)
    pdf = tmp_path_factory.mktemp("out") / "秋季学期总结.pdf"
    written = reports.write_programme_report_pdf(ctx, report, pdf)
    assert written.pages == len(PdfReader(pdf).pages)
    try:
        yield ctx, sql, pdf, pdf_text(pdf)
    finally:
        sql.close()
        ctx.close()


def _section(text: str, number: int) -> str:
    return part(text, HEADINGS[number], HEADINGS[number + 1] if number + 1 < len(HEADINGS) else None)


def test_the_programmes_of_the_period(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 0)
    programmes = sql.all(
        """SELECT t.name, count(s.id) FROM timetable t LEFT JOIN timetable_slot s ON s.timetable_id = t.id
            WHERE t.starts_on <= ? AND t.ends_on >= ? GROUP BY t.id""",
        LAST,
        FIRST,
    )
    assert programmes
    assert figure(section, "课表") == str(len(programmes))
    assert figure(section, "天数") == str((LAST - FIRST).days + 1)
    assert figure(section, "开放天数") == str(open_days(sql, FIRST, LAST))
    for name, sessions in programmes:
        assert name in section and f" {sessions}" in part(section, name)
    assert "2026年秋季学期 项目总结" in text  # one timetable: its name is the title


def test_children_and_attendance_week_by_week(centre) -> None:
    _ctx, sql, _pdf, text = centre
    served = _section(text, 1)
    on_roll = sql.ids(ON_ROLL, LAST, FIRST, FIRST, LAST)
    came = sql.ids(CAME, FIRST, LAST)
    assert figure(served, "在册儿童") == str(len(on_roll))
    assert figure(served, "期间到中心的儿童") == str(len(came & on_roll))
    section = _section(text, 2)
    present, absent, excused, _ = marks(sql, FIRST, LAST)
    assert figure(section, "出勤人次") == str(present)
    assert figure(section, "缺勤人次") == str(absent)
    assert figure(section, "请假人次") == str(excused)
    assert figure(section, "出勤率") == rate(present, absent)
    monday = FIRST - dt.timedelta(days=FIRST.weekday())
    weeks = 0
    while monday <= LAST:
        first, last = max(monday, FIRST), min(monday + dt.timedelta(days=6), LAST)
        p, a, _, _ = marks(sql, first, last)
        days = taken_days(sql, first, last)
        cells = row(part(section, "出勤趋势"), f"{monday.month}/{monday.day}", 6)
        assert cells[:5] == [str(open_days(sql, first, last)), str(days), str(p), str(a), rate(p, a)], monday
        if days:
            assert cells[5] == one_decimal(p / days)
        monday += dt.timedelta(days=7)
        weeks += 1
    assert figure(_section(text, 0), "周数") == str(weeks)


def test_activities_and_volunteers(centre) -> None:
    _ctx, sql, _pdf, text = centre
    held = sql.one("SELECT count(*) FROM activity WHERE on_date BETWEEN ? AND ?", FIRST, LAST)
    assert figure(_section(text, 3), "开展活动") == str(held)
    section = _section(text, 4)
    people = sql.all(
        """SELECT v.name, v.organisation, sum(CASE WHEN h.status = 'approved' THEN h.minutes ELSE 0 END),
                  sum(h.status = 'approved')
             FROM service_hours h JOIN volunteer v ON v.id = h.volunteer_id
            WHERE h.on_date BETWEEN ? AND ? GROUP BY v.id
           HAVING sum(CASE WHEN h.status IN ('approved', 'pending') THEN h.minutes ELSE 0 END) > 0""",
        FIRST,
        LAST,
    )
    approved = sum(minutes for _, _, minutes, _ in people)
    assert f"已核定服务时长 {hours(approved)}" in section
    table = part(section, "志愿者服务时长")
    for name, organisation, minutes, sessions in people:
        assert f"{name} {organisation} {one_decimal(round(minutes / 60, 1))} {sessions} " in table, name


def test_books_equipment_and_follow_ups(centre) -> None:
    _ctx, sql, _pdf, text = centre
    start, end = utc(FIRST), utc(LAST + dt.timedelta(days=1))
    lent = sql.one("SELECT count(*) FROM loan WHERE loaned_at >= ? AND loaned_at < ?", start, end)
    assert figure(_section(text, 5), "期间借出") == str(lent)
    loans = sql.one("SELECT count(*) FROM equipment_loan WHERE lent_at >= ? AND lent_at < ?", start, end)
    assert figure(_section(text, 6), "借用器材") == str(loans)
    done = sql.one("SELECT count(*) FROM follow_up WHERE on_date BETWEEN ? AND ?", FIRST, LAST)
    assert figure(_section(text, 7), "回访") == str(done)


def test_pages_and_no_child_named(centre) -> None:
    _ctx, sql, pdf, text = centre
    flat = text.replace(" ", "")
    assert not [name for (name,) in sql.all("SELECT name FROM child") if name in flat]
    reader = PdfReader(pdf)
    assert_a4(reader)
    assert_fonts_embedded(reader)
    assert f"第 {len(reader.pages)} 页 / 共 {len(reader.pages)} 页" in reader.pages[-1].extract_text()


def test_the_summer_programme_names_the_summary(centre) -> None:
    ctx = centre[0]
    report = reports.programme_report(ctx, dt.date(2026, 7, 13), dt.date(2026, 8, 7), today=DEMO_TODAY)
    assert [p.name for p in report.programmes] == ["2026年暑期夏令营课表"]
    assert report.title == "2026年暑期夏令营 项目总结"
    assert report.activities.activities > 0
