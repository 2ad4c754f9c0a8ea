"""The donor report on the demo centre: what the donor gave and how it was used, every figure recomputed with plain
SQL and found in the PDF's text; no child named; finding the donor by name."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from center_app.context import AppContext
from center_app.domain.errors import ValidationError
from center_app.services import reports
from tests.reports import assert_a4, assert_fonts_embedded
from tests.reports.demo_centre import DEMO_TODAY, Sql, demo_centre, figure, part, pdf_text, utc

DONOR = "深圳市春晖公益基金会"
FIRST, LAST = dt.date(2026, 9, 1), dt.date(2026, 11, 30)
HEADINGS = ("一、捐赠概况", "二、捐赠的物资", "三、图书借阅", "四、器材使用")


@pytest.fixture(scope="module")
def centre(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[AppContext, Sql, Path, str, int]]:
    ctx = demo_centre(tmp_path_factory.mktemp("donor") / "data")
    sql = Sql(ctx)
    donor_id = sql.one("SELECT id FROM donor WHERE name = ?", DONOR)
    report = reports.donor_report(ctx, "春晖", FIRST, LAST, today=DEMO_TODAY)
    assert report.donor.id == donor_id
    pdf = tmp_path_factory.mktemp("out") / "捐赠方报告.pdf"
    written = reports.write_donor_report_pdf(ctx, report, pdf)
    assert written.pages == len(PdfReader(pdf).pages)
    try:
        yield ctx, sql, pdf, pdf_text(pdf), donor_id
    finally:
        sql.close()
        ctx.close()


def _section(text: str, number: int) -> str:
    return part(text, HEADINGS[number], HEADINGS[number + 1] if number + 1 < len(HEADINGS) else None)


THEIR_COPIES = "SELECT c.id FROM book_copy c JOIN donation_batch b ON b.id = c.batch_id WHERE b.donor_id = ?"
THEIR_ITEMS = (
    "SELECT i.id FROM equipment_item i JOIN donation_batch b ON b.id = i.batch_id WHERE b.donor_id = ?"
)


def test_what_the_donor_gave(centre) -> None:
    _ctx, sql, _pdf, text, donor = centre
    section = _section(text, 0)
    copies, titles, kept = sql.all(
        f"""SELECT count(*), count(DISTINCT title_id), sum(status NOT IN ('lost', 'withdrawn'))
              FROM book_copy WHERE id IN ({THEIR_COPIES})""",
        donor,
    )[0]
    items, pieces = sql.all(
        f"SELECT count(*), coalesce(sum(quantity_total), 0) FROM equipment_item WHERE id IN ({THEIR_ITEMS})",
        donor,
    )[0]
    batches = sql.one(
        """SELECT count(*) FROM donation_batch b WHERE b.donor_id = ? AND (
             EXISTS (SELECT 1 FROM book_copy c WHERE c.batch_id = b.id)
             OR EXISTS (SELECT 1 FROM equipment_item i WHERE i.batch_id = b.id))""",
        donor,
    )
    assert copies > 0 and items > 0
    assert figure(section, "捐赠批次") == str(batches)
    assert f"图书 {copies} 册（{titles} 种）" in section
    assert figure(section, "图书仍在馆") == str(kept)
    assert f"器材 {items} 种 {pieces} 件" in section
    gave = _section(text, 1)
    for received, n_copies, n_titles in sql.all(
        """SELECT b.received_on, count(c.id), count(DISTINCT c.title_id) FROM donation_batch b
             JOIN book_copy c ON c.batch_id = b.id WHERE b.donor_id = ? GROUP BY b.id""",
        donor,
    ):
        day = dt.date.fromisoformat(received)
        assert re.search(rf"{day.year}年{day.month}月{day.day}日 .*? {n_copies} {n_titles} ", gave)
    for name, quantity, unit in sql.all(
        f"SELECT name, quantity_total, unit FROM equipment_item WHERE id IN ({THEIR_ITEMS})", donor
    ):
        assert re.search(rf"{re.escape(name)} \S+ {quantity} {unit}", gave), name


def test_how_their_books_were_read(centre) -> None:
    _ctx, sql, _pdf, text, donor = centre
    section = _section(text, 2)
    start, end = utc(FIRST), utc(LAST + dt.timedelta(days=1))
    in_period = f"copy_id IN ({THEIR_COPIES}) AND loaned_at >= ? AND loaned_at < ?"
    loans, readers = sql.all(
        f"SELECT count(*), count(DISTINCT child_id) FROM loan WHERE {in_period}", donor, start, end
    )[0]
    titles_lent = sql.one(
        f"""SELECT count(DISTINCT c.title_id) FROM loan JOIN book_copy c ON c.id = loan.copy_id
             WHERE {in_period.replace("copy_id", "loan.copy_id")}""",
        donor,
        start,
        end,
    )
    assert loans > 0
    assert figure(section, "借出") == str(loans)
    assert figure(section, "读者") == str(readers)
    assert figure(section, "被借阅的书") == str(titles_lent)
    top = sql.all(
        f"""SELECT t.title, count(*) AS n FROM loan JOIN book_copy c ON c.id = loan.copy_id
              JOIN book_title t ON t.id = c.title_id WHERE {in_period.replace("copy_id", "loan.copy_id")}
             GROUP BY t.id ORDER BY n DESC""",
        donor,
        start,
        end,
    )
    table = part(section, "借阅最多的捐赠图书")
    for title, n in top:
        if n > top[min(9, len(top) - 1)][1]:
            assert title.replace(" ", "") in table.replace(" ", ""), title


def test_how_their_equipment_was_used(centre) -> None:
    _ctx, sql, _pdf, text, donor = centre
    section = _section(text, 3)
    start, end = utc(FIRST), utc(LAST + dt.timedelta(days=1))
    in_period = f"item_id IN ({THEIR_ITEMS}) AND lent_at >= ? AND lent_at < ?"
    loans, pieces, activities = sql.all(
        f"""SELECT count(*), coalesce(sum(quantity), 0), count(DISTINCT activity_id) FROM equipment_loan
             WHERE {in_period}""",
        donor,
        start,
        end,
    )[0]
    assert loans > 0
    assert figure(section, "借用") == str(loans)
    assert figure(section, "借出件次") == str(pieces)
    assert figure(section, "用到这些器材的活动") == str(activities)
    for name, n, p in sql.all(
        f"""SELECT i.name, count(*), sum(l.quantity) FROM equipment_loan l JOIN equipment_item i ON i.id = l.item_id
             WHERE {in_period.replace("item_id", "l.item_id")} GROUP BY i.id""",
        donor,
        start,
        end,
    ):
        assert re.search(rf"{re.escape(name)} \S+ {n} {p} \d+", section), name
    used = part(section, "用到捐赠器材的活动")
    for title, day in sql.all(
        f"""SELECT DISTINCT a.title, a.on_date FROM equipment_loan l JOIN activity a ON a.id = l.activity_id
             WHERE {in_period.replace("item_id", "l.item_id")}""",
        donor,
        start,
        end,
    ):
        on = dt.date.fromisoformat(day)
        assert f"{on.year}年{on.month}月{on.day}日 {title}" in used


def test_no_child_is_named_and_the_page_is_right(centre) -> None:
    ctx, sql, pdf, text, _donor = centre
    flat = text.replace(" ", "")
    assert not [name for (name,) in sql.all("SELECT name FROM child") if name in flat]
    reader = PdfReader(pdf)
    assert_a4(reader)
    assert_fonts_embedded(reader)
    first = reader.pages[0].extract_text()
    assert f"捐赠物资使用情况报告：{DONOR}" in first and f"第 1 页 / 共 {len(reader.pages)} 页" in first
    assert f"感谢{DONOR}（机构）" in first.replace("\n", "")


def test_the_tables_go_to_excel(centre, tmp_path: Path) -> None:
    ctx = centre[0]
    report = reports.donor_report(ctx, DONOR, FIRST, LAST, today=DEMO_TODAY)
    target = tmp_path / "捐赠.xlsx"
    reports.export_donor_report_xlsx(ctx, report, target)
    book = load_workbook(target)
    assert book.sheetnames == [
        "概况",
        "图书批次",
        "器材",
        "借阅最多的捐赠图书",
        "各器材的使用",
        "用到捐赠器材的活动",
    ]


def test_finding_the_donor(centre) -> None:
    ctx = centre[0]
    assert reports.find_donor(ctx, f" {DONOR} ").name == DONOR
    with pytest.raises(ValidationError, match="个捐赠方的名称含“深圳”"):
        reports.find_donor(ctx, "深圳")
    with pytest.raises(ValidationError, match="找不到捐赠方“没有这个”。已登记的捐赠方有："):
        reports.find_donor(ctx, "没有这个")
    with pytest.raises(ValidationError, match="请写出捐赠方的名称"):
        reports.find_donor(ctx, "  ")
