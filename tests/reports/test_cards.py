"""Library cards: A4, embedded fonts, the child's name and class, a barcode that decodes to the card number."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import CARDS_10, SPINE_65
from center_app.reports.cards import LibraryCard, library_cards_pdf
from center_app.reports.labels import label_box
from tests.reports import MM, all_text, assert_a4, assert_fonts_embedded, barcodes, text_items

CENTRE = "钟山县古楼村留守儿童关爱活动中心"
DAY = dt.date(2026, 11, 29)
CHILDREN = [
    ("王子涵", "三年级1班"),
    ("欧阳诗琪", "五年级2班"),
    ("李明", "一年级1班"),
    ("覃小燕", ""),
    ("黄家豪", "六年级1班"),
]


def _cards(count: int) -> list[LibraryCard]:
    return [LibraryCard(*CHILDREN[i % len(CHILDREN)], f"R{2026001 + i}") for i in range(count)]


def test_cards_show_name_class_centre_and_a_decodable_barcode(tmp_path: Path) -> None:
    cards = _cards(12)
    result = library_cards_pdf(tmp_path / "cards.pdf", cards, centre_name=CENTRE, printed_on=DAY)
    reader = PdfReader(result.path)
    assert result.pages == 2 and len(reader.pages) == 2
    assert_a4(reader)
    assert_fonts_embedded(reader)
    text = all_text(result.path)
    for name, class_name in CHILDREN:
        assert name in text
        if class_name:
            assert f"班级：{class_name}" in text
    assert CENTRE in text and "借 书 证" in text
    assert "第 1 页 / 共 2 页" in reader.pages[0].extract_text()
    decoded = sorted(code.value for page in reader.pages for code in barcodes(reader, page))
    assert decoded == sorted(card.card_barcode for card in cards)
    for page in reader.pages:
        for code in barcodes(reader, page):
            assert code.module >= 0.25 * MM and code.height >= 8 * MM


def test_cards_start_at_the_requested_position(tmp_path: Path) -> None:
    cards = _cards(3)
    result = library_cards_pdf(tmp_path / "c.pdf", cards, start_position=4, centre_name=CENTRE)
    assert result.next_start_position == 7
    page = PdfReader(result.path).pages[0]
    slots = set()
    for item in text_items(page):
        for slot in range(1, CARDS_10.per_page + 1):
            box = label_box(CARDS_10, *CARDS_10.slot_origin(slot), 0).outline
            if box.left <= item.x <= box.right and box.bottom <= item.y <= box.top:
                slots.add(slot)
    assert slots == {4, 5, 6}


def test_card_barcode_text_equals_the_card_number(tmp_path: Path) -> None:
    cards = _cards(2)
    result = library_cards_pdf(tmp_path / "c.pdf", cards, centre_name=CENTRE)
    reader = PdfReader(result.path)
    items = text_items(reader.pages[0])
    for code in barcodes(reader, reader.pages[0]):
        under = [
            t.text
            for t in items
            if code.left <= t.x <= code.right and code.bottom - 5 * MM < t.y < code.bottom
        ]
        assert under == [code.value]


def test_cards_refuse_bad_input(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="没有要打印的借书证"):
        library_cards_pdf(tmp_path / "c.pdf", [], centre_name=CENTRE)
    with pytest.raises(ValidationError, match="第 2 张借书证没有名字"):
        library_cards_pdf(
            tmp_path / "c.pdf",
            [LibraryCard("王子涵", "", "R1"), LibraryCard(" ", "", "R2")],
            centre_name=CENTRE,
        )
    with pytest.raises(ValidationError, match="太小"):
        library_cards_pdf(tmp_path / "c.pdf", _cards(1), SPINE_65, centre_name=CENTRE)
    assert list(tmp_path.iterdir()) == []
