"""Overdue slips: one per child, grouped by class, each child's books with days overdue, cut lines, page numbers."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from center_app.domain.errors import ValidationError
from center_app.reports.overdue_slips import OverdueBook, OverdueSlip, group_by_class, overdue_slips_pdf
from tests.reports import all_text, assert_a4, assert_fonts_embedded, text_items, text_lines

CENTRE = "古楼村儿童之家"
PHONE = "0774-8981234"
TODAY = dt.date(2026, 11, 29)
d = dt.date


def _slips() -> list[OverdueSlip]:
    return [
        OverdueSlip(
            "王子涵",
            "三年级1班",
            "王建国",
            [
                ("西游记（彩图注音版）", "00012345", d(2026, 11, 1), 28),
                ("小王子", "00012346", d(2026, 11, 15), 14),
            ],
        ),
        OverdueSlip("李明", "一年级1班", "", [("好饿的毛毛虫", "00020001", d(2026, 11, 20), 9)]),
        OverdueSlip(
            "欧阳诗琪", "三年级1班", "欧阳秀英", [OverdueBook("窗边的小豆豆", "A000777", d(2026, 10, 8), 52)]
        ),
        OverdueSlip("覃小燕", "一年级1班", "覃大山", [("猜猜我有多爱你", "00040001", d(2026, 11, 25), 4)]),
    ]


def _render(tmp_path: Path, slips: list[OverdueSlip], **kw: object) -> PdfReader:
    path = overdue_slips_pdf(
        tmp_path / "slips.pdf", slips, centre_name=CENTRE, centre_phone=PHONE, today=TODAY, **kw
    )
    return PdfReader(path)


def test_slips_are_a4_with_embedded_fonts_and_page_numbers(tmp_path: Path) -> None:
    reader = _render(tmp_path, _slips())
    assert len(reader.pages) == 2  # three slips to a page
    assert_a4(reader)
    assert_fonts_embedded(reader)
    first = reader.pages[0].extract_text()
    assert "第 1 页 / 共 2 页" in first
    assert "第 2 页 / 共 2 页" in reader.pages[1].extract_text()
    assert first.count("沿虚线剪开") == 2  # between the three slips


def test_each_slip_speaks_to_the_family_and_lists_the_books(tmp_path: Path) -> None:
    reader = _render(tmp_path, _slips())
    text = "\n".join(page.extract_text() for page in reader.pages)
    assert "王建国 家长/监护人：您好！" in text
    assert "孩子 王子涵 借的以下图书已经到期，请提醒孩子尽快归还到儿童之家。" in text
    assert "您的孩子" not in text  # most readers are grandparents
    assert "\n家长/监护人：您好！" in text  # no guardian name: still addressed to the family
    for title, barcode, due, days in [
        ("西游记（彩图注音版）", "00012345", "2026年11月1日", "28 天"),
        ("小王子", "00012346", "2026年11月15日", "14 天"),
        ("窗边的小豆豆", "A000777", "2026年10月8日", "52 天"),
    ]:
        assert title in text and barcode in text and due in text and days in text
    assert f"联系电话：{PHONE}" in text
    assert text.count("2026年11月29日") >= 4  # on every slip (and in the footers)


def _slip_order(reader: PdfReader) -> list[tuple[str, str]]:
    """(child, class) in printed order, read from the greeting lines and class labels by position."""
    order = []
    for page in reader.pages:
        current_class = None
        for _, line in text_lines(page):
            if "班级：" in line:
                current_class = line.split("班级：", 1)[1].replace(" ", "")
            if line.startswith("孩子 "):
                order.append((line.split()[1], current_class))
    return order


def test_slips_are_grouped_by_class_with_the_class_on_each(tmp_path: Path) -> None:
    reader = _render(tmp_path, _slips())
    assert _slip_order(reader) == [
        ("王子涵", "三年级1班"),
        ("欧阳诗琪", "三年级1班"),
        ("李明", "一年级1班"),
        ("覃小燕", "一年级1班"),
    ]
    assert [s.child_name for s in group_by_class(_slips())] == ["王子涵", "欧阳诗琪", "李明", "覃小燕"]


def test_a_new_page_per_class_when_asked(tmp_path: Path) -> None:
    reader = _render(tmp_path, _slips(), new_page_per_class=True)
    assert len(reader.pages) == 2
    assert "李明" not in reader.pages[0].extract_text()
    assert "李明" in reader.pages[1].extract_text()


def test_a_child_with_many_books_continues_without_losing_a_book(tmp_path: Path) -> None:
    books = [(f"哈利·波特 第{i}册", f"{i:08d}", d(2026, 11, 1), 28) for i in range(1, 46)]
    reader = _render(tmp_path, [OverdueSlip("黄家豪", "六年级1班", "黄奶奶", books), *_slips()[:1]])
    text = "\n".join(page.extract_text() for page in reader.pages)
    for _, barcode, _, _ in books:
        assert barcode in text
    assert "黄家豪 的图书到期提醒（续）" in text
    assert "书名" in reader.pages[1].extract_text()  # the table header repeats on the continuation


def test_bad_input_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="不需要打印催还单"):
        _render(tmp_path, [])
    with pytest.raises(ValidationError, match="李明：没有逾期的书"):
        _render(tmp_path, [OverdueSlip("李明", "一年级1班", "", [])])
    assert list(tmp_path.iterdir()) == []


def test_all_text_is_on_the_printable_page(tmp_path: Path) -> None:
    mm = 72 / 25.4
    path = overdue_slips_pdf(
        tmp_path / "s.pdf", _slips(), centre_name=CENTRE, centre_phone=PHONE, today=TODAY
    )
    assert "古楼村儿童之家" in all_text(path)
    for page in PdfReader(path).pages:
        for item in text_items(page):
            assert 5 * mm <= item.x <= 595.28 - 5 * mm and 5 * mm <= item.y <= 841.89 - 5 * mm, item
