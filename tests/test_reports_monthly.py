"""The monthly work report for the bureau on the demo centre: every figure recomputed from the database with plain
SQL and found in the PDF's text; never a child's name; A4 pages, fonts embedded, page numbers; the Excel tables;
the audit entry with the file's path."""

from __future__ import annotations

import calendar
import datetime as dt
import json
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from center_app.context import Actor, AppContext
from center_app.domain.children import GENDERS, LEFT_BEHIND_TYPES, grade_label
from center_app.domain.errors import PermissionDenied, ValidationError
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

YEAR, MONTH = 2026, 11
FIRST, LAST = dt.date(YEAR, MONTH, 1), dt.date(YEAR, MONTH, 30)
HEADINGS = (
    "一、服务儿童",
    "二、开放与出勤",
    "三、活动",
    "四、图书借阅",
    "五、器材使用",
    "六、志愿服务",
    "七、回访",
)


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Sql, Path, str]]:
    ctx = demo_centre(tmp_path_factory.mktemp("monthly") / "data")
    sql = Sql(ctx)
    report = reports.monthly_report(ctx, YEAR, MONTH, today=DEMO_TODAY)
    pdf = tmp_path_factory.mktemp("out") / "月度工作报告 2026-11.pdf"
    written = reports.write_monthly_report_pdf(ctx, report, pdf)
    assert written.path == pdf
    try:
        yield ctx, sql, pdf, pdf_text(pdf)
    finally:
        sql.close()
        ctx.close()


def _section(text: str, number: int) -> str:
    return part(text, HEADINGS[number], HEADINGS[number + 1] if number + 1 < len(HEADINGS) else None)


# --- children and attendance ---------------------------------------------------------------------------------


def test_children_served_by_grade_gender_and_left_behind_type(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 0)
    on_roll = sql.ids(ON_ROLL, LAST, FIRST, FIRST, LAST)
    came = sql.ids(CAME, FIRST, LAST)
    assert on_roll and came  # the demo's November has children and roll calls
    assert figure(section, "在册儿童") == str(len(on_roll))
    assert figure(section, "本月到中心的儿童") == str(len(came & on_roll))
    joined = sql.one("SELECT count(*) FROM child WHERE enrolled_on BETWEEN ? AND ?", FIRST, LAST)
    assert figure(section, "新加入") == str(joined)
    facts = {
        child_id: (grade, gender, kind)
        for child_id, grade, gender, kind in sql.all("SELECT id, grade, gender, left_behind_type FROM child")
    }
    for column, labels in (
        (0, {g: grade_label(g) for g in range(13)}),
        (1, dict(GENDERS)),
        (2, dict(LEFT_BEHIND_TYPES)),
    ):
        for value in {facts[i][column] for i in on_roll}:
            roll = sum(1 for i in on_roll if facts[i][column] == value)
            coming = sum(1 for i in on_roll & came if facts[i][column] == value)
            assert row(section, labels[value], 2) == [str(roll), str(coming)], labels[value]


def test_open_days_attendance_and_its_trend(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 1)
    present, absent, excused, late = marks(sql, FIRST, LAST)
    taken = taken_days(sql, FIRST, LAST)
    assert present > 0
    assert figure(section, "开放天数") == str(open_days(sql, FIRST, LAST))
    assert figure(section, "已点名天数") == str(taken)
    assert figure(section, "出勤人次") == str(present)
    assert figure(section, "缺勤人次") == str(absent)
    assert figure(section, "请假人次") == str(excused)
    assert figure(section, "迟到人次") == str(late)
    assert figure(section, "出勤率") == rate(present, absent)
    assert figure(section, "日均到中心") == f"{present / taken:.1f}"
    # The trend table: this month and the five before it, each recomputed.
    for back in range(6):
        year, month = divmod(YEAR * 12 + MONTH - 1 - back, 12)
        month += 1
        first = dt.date(year, month, 1)
        last = dt.date(year, month, calendar.monthrange(year, month)[1])
        p, a, _, _ = marks(sql, first, last)
        days = taken_days(sql, first, last)
        cells = row(section, f"{year}年{month}月", 6)
        average = one_decimal(p / days) if days else None
        expected = [str(open_days(sql, first, last)), str(days), str(p), str(a), rate(p, a)]
        assert cells[:5] == expected, (year, month)
        if average is not None:
            assert cells[5] == average


def test_activities_by_kind(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 2)
    labels = {"reading": "阅读", "art": "美术", "sports": "体育", "music": "音乐", "homework": "作业辅导"}
    labels |= {"psychology": "心理", "safety": "安全教育", "other": "其他"}
    counts = dict(
        sql.all(
            "SELECT kind, count(*) FROM activity WHERE on_date BETWEEN ? AND ? GROUP BY kind", FIRST, LAST
        )
    )
    present = dict(
        sql.all(
            """SELECT a.kind, count(*) FROM attendance_mark m
                 JOIN attendance_register r ON r.id = m.register_id JOIN activity a ON a.id = r.activity_id
                 JOIN attendance_code c ON c.code = m.code
                WHERE a.on_date BETWEEN ? AND ? AND c.counts_present GROUP BY a.kind""",
            FIRST,
            LAST,
        )
    )
    assert sum(counts.values()) > 0
    assert figure(section, "开展活动") == str(sum(counts.values()))
    assert figure(section, "参加活动") == str(sum(present.values()))
    table = part(section, "按活动类型")
    for kind, label in labels.items():
        assert row(table, label, 2) == [str(counts.get(kind, 0)), str(present.get(kind, 0))], label


def test_books_lent_and_the_most_borrowed(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 3)
    start, end = utc(FIRST), utc(LAST + dt.timedelta(days=1))
    lent = sql.one("SELECT count(*) FROM loan WHERE loaned_at >= ? AND loaned_at < ?", start, end)
    open_in_month = "loaned_at < ? AND (returned_at IS NULL OR returned_at >= ?)"
    books = sql.one(f"SELECT count(*) FROM loan WHERE {open_in_month}", end, start)
    readers = sql.one(f"SELECT count(DISTINCT child_id) FROM loan WHERE {open_in_month}", end, start)
    assert lent > 0
    assert figure(section, "本月借出") == str(lent)
    assert figure(section, "阅读册次") == str(books)
    assert figure(section, "阅读人数") == str(readers)
    top = sql.all(
        """SELECT t.title, t.author, count(*) AS n, count(DISTINCT l.child_id) FROM loan l
             JOIN book_copy c ON c.id = l.copy_id JOIN book_title t ON t.id = c.title_id
            WHERE l.loaned_at >= ? AND l.loaned_at < ? GROUP BY t.id ORDER BY n DESC""",
        start,
        end,
    )
    table = part(section, "借阅最多的图书")
    assert len(top) >= 10
    # Every title lent more often than the tenth is listed with its author, loans and readers (at the tenth
    # count the ties are in pinyin order, which SQL does not know).
    for title, author, n, readers_n in top:
        if n > top[9][2]:
            assert re.search(rf"{loose(title)} {loose(author)} {n} {readers_n}(?!\S)", table), title
    counts = [int(m) for m in re.findall(r"(\d+) \d+(?= \d+ \S| 借出：)", table)]
    assert counts == [n for _, _, n, _ in top[:10]]


def loose(text: str) -> str:
    """A regular expression for ``text`` as extracted from a wrapping table cell: a space may split it anywhere."""
    return " ?".join(re.escape(ch) for ch in text.replace(" ", ""))


def test_equipment_use(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 4)
    start, end = utc(FIRST), utc(LAST + dt.timedelta(days=1))
    loans, pieces = sql.all(
        "SELECT count(*), coalesce(sum(quantity), 0) FROM equipment_loan WHERE lent_at >= ? AND lent_at < ?",
        start,
        end,
    )[0]
    assert loans > 0
    assert figure(section, "借用器材") == str(loans)
    assert figure(section, "借出件次") == str(pieces)
    activities = sql.one(
        """SELECT count(DISTINCT activity_id) FROM equipment_loan
            WHERE lent_at >= ? AND lent_at < ? AND activity_id IS NOT NULL""",
        start,
        end,
    )
    assert figure(section, "用到器材的活动") == str(activities)
    incidents = dict(
        sql.all(
            """SELECT kind, sum(quantity) FROM equipment_incident WHERE occurred_on BETWEEN ? AND ? GROUP BY kind""",
            FIRST,
            LAST,
        )
    )
    for kind, label in (("damaged", "损坏"), ("lost", "遗失"), ("scrapped", "报废"), ("repaired", "修好")):
        assert figure(section, f"登记{label}") == str(incidents.get(kind, 0)), label


def test_volunteer_hours(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 5)
    rows = sql.all(
        """SELECT volunteer_id, status, sum(minutes), count(*) FROM service_hours
            WHERE on_date BETWEEN ? AND ? GROUP BY volunteer_id, status""",
        FIRST,
        LAST,
    )
    approved = sum(m for _, status, m, _ in rows if status == "approved")
    pending = sum(m for _, status, m, _ in rows if status == "pending")
    sessions = sum(n for _, status, _, n in rows if status == "approved")
    people = {v for v, status, m, _ in rows if status in ("approved", "pending") and m}
    assert approved > 0
    assert figure(section, "服务的志愿者") == str(len(people))
    assert f"已核定服务时长 {hours(approved)}" in section
    assert f"待审核时长 {hours(pending)}" in section
    assert figure(section, "服务次数") == str(sessions)


def test_follow_ups_done(centre) -> None:
    _ctx, sql, _pdf, text = centre
    section = _section(text, 6)
    done, children_n = sql.all(
        "SELECT count(*), count(DISTINCT child_id) FROM follow_up WHERE on_date BETWEEN ? AND ?", FIRST, LAST
    )[0]
    assert done > 0
    assert figure(section, "回访") == str(done)
    assert figure(section, "回访的儿童") == str(children_n)
    methods = dict(
        sql.all(
            "SELECT method, count(*) FROM follow_up WHERE on_date BETWEEN ? AND ? GROUP BY method",
            FIRST,
            LAST,
        )
    )
    for method, label in (
        ("phone", "电话"),
        ("home_visit", "家访"),
        ("school", "到校了解"),
        ("other", "其他"),
    ):
        assert row(section, label, 1) == [str(methods.get(method, 0))]


def test_no_child_is_named(centre) -> None:
    _ctx, sql, _pdf, text = centre
    names = [name for (name,) in sql.all("SELECT name FROM child")]
    assert len(names) > 100
    flat = text.replace(" ", "")
    named = [name for name in names if name in flat]
    assert not named, f"children named in the monthly report: {named}"


def test_pages_fonts_header_and_footer(centre) -> None:
    ctx, _sql, pdf, _text = centre
    reader = PdfReader(pdf)
    pages = len(reader.pages)
    assert 2 <= pages <= 8
    assert_a4(reader)
    assert_fonts_embedded(reader)
    centre_name = reports.monthly_report(ctx, YEAR, MONTH, today=DEMO_TODAY).centre_name
    for number, page in enumerate(reader.pages, start=1):
        page_text = page.extract_text()
        assert centre_name in page_text and "2026年11月 月度工作报告" in page_text
        assert f"第 {number} 页 / 共 {pages} 页" in page_text
        assert "打印日期：" in page_text
    assert reader.metadata.title == "2026年11月 月度工作报告"


def test_the_print_is_audited_with_its_path(centre) -> None:
    ctx, sql, pdf, _text = centre
    entries = sql.all(
        "SELECT action, entity, entity_id, summary, changes FROM audit_log WHERE entity = 'report'"
    )
    (printed,) = [e for e in entries if e[0] == "print"]
    assert printed[:3] == ("print", "report", "monthly")
    assert printed[3].startswith("打印2026年11月 月度工作报告") and str(pdf.resolve()) in printed[3]
    assert json.loads(printed[4])["target"] == [None, str(pdf.resolve())]


def test_the_tables_go_to_excel(centre, tmp_path: Path) -> None:
    ctx, sql, _pdf, _text = centre
    report = reports.monthly_report(ctx, YEAR, MONTH, today=DEMO_TODAY)
    target = tmp_path / "月报.xlsx"
    rows = reports.export_monthly_report_xlsx(ctx, report, target)
    book = load_workbook(target)
    layout = report.layout()
    assert book.sheetnames[0] == "概况"
    assert len(book.sheetnames) == 1 + len(layout.tables())
    assert rows == sum(len(t.rows) for _, t in layout.tables()) + sum(len(s.figures) for s in layout.sections)
    grades = book["按年级"]
    assert grades["A1"].value.startswith("2026年11月 月度工作报告")
    assert [c.value for c in grades[2]] == ["年级", "在册（名）", "本月到中心（名）"]
    total = [r for r in grades.iter_rows(values_only=True) if r[0] == "合计"][0]
    assert total[1] == len(sql.ids(ON_ROLL, LAST, FIRST, FIRST, LAST))
    summary = {(r[1]): r[2] for r in book["概况"].iter_rows(min_row=3, values_only=True)}
    assert summary["在册儿童"] == f"{total[1]} 名"
    assert sql.all("SELECT action FROM audit_log WHERE entity = 'report' ORDER BY id DESC LIMIT 1") == [
        ("export",)
    ]


def test_a_month_to_come_or_a_wrong_month_is_refused(centre) -> None:
    ctx = centre[0]
    with pytest.raises(ValidationError, match="还没有到"):
        reports.monthly_report(ctx, 2027, 1, today=DEMO_TODAY)
    with pytest.raises(ValidationError, match="看不懂"):
        reports.parse_month("2026-13")
    assert reports.parse_month("2026年3月") == (2026, 3)


def test_a_month_not_over_is_counted_to_today(centre) -> None:
    ctx = centre[0]
    report = reports.monthly_report(ctx, 2026, 12, today=DEMO_TODAY)
    assert (report.first, report.last, report.complete) == (dt.date(2026, 12, 1), DEMO_TODAY, False)
    assert report.layout().subtitle.endswith("（本月尚未结束）")


@pytest.mark.parametrize("role", ["librarian", "teacher"])
def test_only_staff_and_the_administrator_print_it(centre, role: str) -> None:
    ctx = centre[0]
    saved = ctx.actor
    ctx.actor = Actor("someone", role=role)
    try:
        with pytest.raises(PermissionDenied):
            reports.monthly_report(ctx, YEAR, MONTH, today=DEMO_TODAY)
    finally:
        ctx.actor = saved
