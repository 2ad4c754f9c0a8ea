"""Label sheets: the grid (pure), and spine labels whose barcodes decode to exactly the book's barcode."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from pypdf import PdfReader

from center_app.domain.errors import ValidationError
from center_app.domain.label_grid import CARDS_10, PRESETS, SPINE_24, SPINE_40, SPINE_65, LabelGrid, preset
from center_app.reports.labels import (
    BAR_WIDTHS_MM,
    QUIET_MODULES,
    SpineLabel,
    contrasting_ink,
    label_box,
    spine_labels_pdf,
)
from tests.reports import MM, all_text, assert_a4, assert_fonts_embedded, barcodes, text_items

CENTRE = "古楼村儿童之家"
DAY = dt.date(2026, 11, 29)
COLOURS = {"I": "#D32F2F", "K": "#F9A825", "N": "#1565C0", "Z": "#2E7D32", "G": "#6A1B9A", "": ""}
TITLES = [
    "西游记",
    "小王子",
    "十万个为什么（少儿彩图版）第三册 动物世界的秘密",
    "窗边的小豆豆",
    "Harry Potter 哈利·波特",
]


def _labels(count: int) -> list[SpineLabel]:
    classes = list(COLOURS)
    out = []
    for i in range(count):
        letter = classes[i % len(classes)]
        barcode = f"{i + 1:08d}" if i % 2 else f"A{i + 1:06d}"
        out.append(
            SpineLabel(
                TITLES[i % len(TITLES)],
                f"{letter or 'I'}287.{i % 7}/{100 + i}",
                barcode,
                letter,
                COLOURS[letter],
            )
        )
    return out


# ------------------------------------------------------------------------------------------------------ the grid


def test_presets_fit_a4_and_have_the_advertised_counts() -> None:
    assert {key: grid.per_page for key, grid in PRESETS.items()} == {
        "a4-24": 24,
        "a4-40": 40,
        "a4-65": 65,
        "cards-10": 10,
    }
    assert (SPINE_24.label_width_mm, SPINE_24.label_height_mm) == (70.0, 37.0)
    assert (SPINE_40.label_width_mm, SPINE_40.label_height_mm) == (48.5, 25.4)
    assert (SPINE_65.label_width_mm, SPINE_65.label_height_mm) == (38.1, 21.2)
    assert (CARDS_10.label_width_mm, CARDS_10.label_height_mm) == (85.6, 54.0)
    for grid in PRESETS.values():
        assert grid.margin_left_mm + grid.used_width_mm <= 210.0 + 1e-6
        assert grid.margin_top_mm + grid.used_height_mm <= 297.0 + 1e-6
    assert preset("a4-24") is SPINE_24
    assert SPINE_24.describe() == "A4 24 格（3 列 × 8 行，70 × 37 毫米）"


def test_positions_read_left_to_right_then_down_and_start_where_asked() -> None:
    positions = SPINE_24.positions(5, 3)
    # Position 5 is row 2, column 2 of a 3-column sheet.
    assert positions == [(0, 70.0, 37.5), (0, 140.0, 37.5), (0, 0.0, 74.5)]
    assert SPINE_24.positions(1, 1) == [(0, 0.0, 0.5)]
    spill = SPINE_24.positions(20, 10)
    assert [p.page for p in spill] == [0] * 5 + [1] * 5
    assert spill[5] == (1, 0.0, 0.5)  # the next sheet starts at position 1
    assert SPINE_24.pages_needed(1, 30) == 2
    assert SPINE_24.next_start(5, 3) == 8
    assert SPINE_24.next_start(1, 24) == 1


def test_a_start_position_off_the_sheet_is_refused() -> None:
    for bad in (0, 25):
        with pytest.raises(ValidationError, match="起始位置必须在 1 到 24 之间"):
            SPINE_24.positions(bad, 1)


def test_an_impossible_grid_is_refused_in_chinese() -> None:
    with pytest.raises(ValidationError) as caught:
        LabelGrid(4, 8, 70, 37, margin_top_mm=0, margin_left_mm=0)
    assert "超过了 A4 纸的宽度 210 毫米" in caught.value.message
    with pytest.raises(ValidationError, match="A4 纸的高度"):
        LabelGrid(3, 9, 70, 37, margin_top_mm=0, margin_left_mm=0)
    with pytest.raises(ValidationError, match="负数"):
        LabelGrid(3, 8, 70, 37, margin_top_mm=-1, margin_left_mm=0)
    with pytest.raises(ValidationError, match="至少是 1"):
        LabelGrid(0, 8, 70, 37, margin_top_mm=0, margin_left_mm=0)


# --------------------------------------------------------------------------------------------------- spine labels


def test_spine_labels_are_a4_with_embedded_fonts_and_every_barcode_decodes(tmp_path: Path) -> None:
    labels = _labels(30)
    result = spine_labels_pdf(tmp_path / "labels.pdf", labels, SPINE_24, centre_name=CENTRE, printed_on=DAY)
    reader = PdfReader(result.path)
    assert result.pages == 2 and len(reader.pages) == 2  # 30 labels on a 24-label sheet
    assert result.next_start_position == 7
    assert_a4(reader)
    assert_fonts_embedded(reader)
    assert (reader.metadata.title, reader.metadata.author) == ("书标", CENTRE)
    # Printed at actual size: a viewer's "fit to page" would shrink the labels off the die-cuts.
    assert reader.trailer["/Root"]["/ViewerPreferences"]["/PrintScaling"] == "/None"
    decoded = [
        code.value for page in reader.pages for code in sorted(barcodes(reader, page), key=_reading_order)
    ]
    assert decoded == [label.barcode for label in labels]
    text = all_text(result.path)
    for label in labels:
        assert label.call_number in text
    for title in ("西游记", "小王子", "窗边的小豆豆", "Harry Potter 哈利·波特"):
        assert title in text
    assert "十万个为什么" in text and "…" in text  # the long title is shortened, not cut off


def _reading_order(code: object) -> tuple[float, float]:
    return (-round(code.bottom), code.left)  # type: ignore[attr-defined]


def test_the_text_under_each_barcode_is_the_barcode(tmp_path: Path) -> None:
    labels = _labels(6)
    result = spine_labels_pdf(tmp_path / "l.pdf", labels, SPINE_24, centre_name=CENTRE)
    reader = PdfReader(result.path)
    page = reader.pages[0]
    items = text_items(page)
    for code in barcodes(reader, page):
        under = [
            t for t in items if code.left <= t.x <= code.right and code.bottom - 5 * MM < t.y < code.bottom
        ]
        assert [t.text for t in under] == [code.value]


def test_starting_at_position_5_leaves_the_first_four_empty(tmp_path: Path) -> None:
    labels = _labels(3)
    result = spine_labels_pdf(tmp_path / "l.pdf", labels, SPINE_24, start_position=5, centre_name=CENTRE)
    assert [p[1:] for p in result.positions] == [(70.0, 37.5), (140.0, 37.5), (0.0, 74.5)]
    assert result.next_start_position == 8
    # The same from the PDF itself: which label outline holds each barcode's text.
    page = PdfReader(result.path).pages[0]
    slots = []
    for item in text_items(page):
        if item.text in {label.barcode for label in labels}:
            slots.append(_slot_at(SPINE_24, item.x, item.y))
    assert sorted(slots) == [5, 6, 7]


def _slot_at(grid: LabelGrid, x: float, y: float) -> int:
    for slot in range(1, grid.per_page + 1):
        box = label_box(grid, *grid.slot_origin(slot), 0).outline
        if box.left <= x <= box.right and box.bottom <= y <= box.top:
            return slot
    raise AssertionError(f"({x}, {y}) is on no label")


@pytest.mark.parametrize("grid", [SPINE_24, SPINE_40, SPINE_65], ids=lambda g: g.name)
def test_every_preset_prints_scannable_barcodes_inside_each_label(tmp_path: Path, grid: LabelGrid) -> None:
    labels = _labels(grid.per_page)
    result = spine_labels_pdf(tmp_path / "l.pdf", labels, grid, centre_name=CENTRE, printed_on=DAY)
    reader = PdfReader(result.path)
    page = reader.pages[0]
    codes = barcodes(reader, page)
    assert sorted(c.value for c in codes) == sorted(label.barcode for label in labels)
    for code in codes:
        assert code.module >= BAR_WIDTHS_MM[-1] * MM - 0.01  # ≥ 0.25 mm
        assert code.height >= 8 * MM - 0.01
        slot = _slot_at(grid, (code.left + code.right) / 2, code.bottom + code.height / 2)
        outline = label_box(grid, *grid.slot_origin(slot), 0).outline
        quiet = QUIET_MODULES * code.module
        assert code.left - quiet >= outline.left - 0.01 and code.right + quiet <= outline.right + 0.01
        assert code.left - quiet >= 5 * MM - 0.01 and code.right + quiet <= 595.28 - 5 * MM + 0.01
    # No text spills off its label, and none is in the printer's unprintable edge.
    for item in text_items(page):
        assert 5 * MM <= item.x <= 595.28 - 5 * MM and 5 * MM <= item.y <= 841.89 - 5 * MM, item
        if item.y > grid.margin_bottom_mm * MM:  # not the footer strip
            _slot_at(grid, item.x, item.y)


def test_sheets_with_a_free_strip_carry_page_numbers(tmp_path: Path) -> None:
    result = spine_labels_pdf(tmp_path / "l.pdf", _labels(45), SPINE_40, centre_name=CENTRE, printed_on=DAY)
    reader = PdfReader(result.path)
    assert "第 1 页 / 共 2 页" in reader.pages[0].extract_text()
    assert "第 2 页 / 共 2 页" in reader.pages[1].extract_text()


def test_class_letter_contrasts_with_the_band() -> None:
    assert contrasting_ink((0.976, 0.659, 0.145)) == (0.0, 0.0, 0.0)  # yellow band → black letter
    assert contrasting_ink((0.082, 0.396, 0.753)) == (1.0, 1.0, 1.0)  # dark blue band → white letter


@pytest.mark.parametrize(
    ("label", "grid", "message"),
    [
        (SpineLabel("西游记", "I242/1", "图书0001", "I", "#D32F2F"), SPINE_24, "只能由英文字母"),
        (SpineLabel("西游记", "I242/1", "LIB-2026-000123456789", "I", "#D32F2F"), SPINE_65, "太长"),
        (SpineLabel("西游记", "I242/1", "00000001", "I", "red"), SPINE_24, "颜色"),
    ],
)
def test_bad_labels_are_refused_and_nothing_is_written(
    tmp_path: Path, label: SpineLabel, grid: LabelGrid, message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        spine_labels_pdf(tmp_path / "l.pdf", [label], grid, centre_name=CENTRE)
    assert list(tmp_path.iterdir()) == []


def test_no_labels_is_refused(tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="没有要打印的书标"):
        spine_labels_pdf(tmp_path / "l.pdf", [], SPINE_24, centre_name=CENTRE)
