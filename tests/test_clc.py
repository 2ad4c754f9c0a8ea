"""中图法 classes, spine-label colours, CLC validation and call numbers; the book rules of domain/books.py."""

from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal

import pytest

from center_app.domain import books, clc
from center_app.domain.errors import ValidationError

# --- clc ------------------------------------------------------------------------------------------------------


def test_22_top_classes_in_order_with_distinct_printable_colours() -> None:
    assert "".join(c.letter for c in clc.CLASSES) == "ABCDEFGHIJKNOPQRSTUVXZ"
    assert len(clc.CLASSES) == 22
    colours = [c.colour.upper() for c in clc.CLASSES]
    assert all(re.fullmatch(r"#[0-9A-F]{6}", c) for c in colours)
    assert len(set(colours)) == 22
    assert len({c.colour_name for c in clc.CLASSES}) == 22
    assert clc.BY_LETTER["I"].name == "文学"
    assert clc.BY_LETTER["A"].name == "马克思主义、列宁主义、毛泽东思想、邓小平理论"
    assert clc.BY_LETTER["Z"].name == "综合性图书"


def _lab(hex_colour: str) -> tuple[float, float, float]:
    """sRGB → CIELAB (D65), enough to measure how different two printed colours look (ΔE*ab)."""

    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (linear(int(hex_colour[i : i + 2], 16) / 255) for i in (1, 3, 5))
    x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047
    y = 0.2126 * r + 0.7152 * g + 0.0722 * b
    z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883

    def f(t: float) -> float:
        return t ** (1 / 3) if t > 0.008856 else 7.787 * t + 16 / 116

    return 116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))


def _delta_e(a: str, b: str) -> float:
    return sum((p - q) ** 2 for p, q in zip(_lab(a), _lab(b), strict=True)) ** 0.5


def test_colours_are_far_apart_and_text_stays_readable() -> None:
    pairs = [(a, b) for a in clc.CLASSES for b in clc.CLASSES if a.letter < b.letter]
    # Kelly's closest pair (purple/violet) is ΔE 15; every pair of commonly held classes is at least 30 apart.
    assert min(_delta_e(a.colour, b.colour) for a, b in pairs) > 15
    common = [(a, b) for a, b in pairs if a.letter in clc.COMMON_CLASSES and b.letter in clc.COMMON_CLASSES]
    assert len(common) == 13 * 12 // 2
    assert min(_delta_e(a.colour, b.colour) for a, b in common) > 30
    assert clc.BY_LETTER["P"].text_colour == "#FFFFFF"  # black band, white letter
    assert clc.BY_LETTER["G"].text_colour == "#000000"  # yellow band, black letter
    assert clc.class_info("I287.5") is clc.BY_LETTER["I"]


@pytest.mark.parametrize(
    ("text", "top"),
    [
        ("I287.5", "I"),
        ("TP3", "T"),
        ("  ｉ２８７．５ ", "I"),
        ("K82", "K"),
        ("", None),
        ("W1", None),
        ("287", None),
    ],
)
def test_top_class(text: str, top: str | None) -> None:
    assert clc.top_class(text) == top


@pytest.mark.parametrize(
    "good", ["I287.5", "TP3", "I", "Z228.1", "I712.45-49", "Q95-49", "ｉ２８７．５", "g 624.2"]
)
def test_valid_clc(good: str) -> None:
    assert clc.is_valid(good)
    assert clc.validate(good) == clc.clean(good)


@pytest.mark.parametrize("bad", ["W1", "287.5", "I287..5", "I287.", "IP3", "I287.5/12", "I-", "I" + "1" * 40])
def test_invalid_clc(bad: str) -> None:
    assert not clc.is_valid(bad)
    with pytest.raises(ValidationError, match="分类号"):
        clc.validate(bad)


def test_unknown_class_letter_is_named() -> None:
    with pytest.raises(ValidationError, match="中图法没有“W”类"):
        clc.validate("W12")


def test_call_numbers_and_next_sequence() -> None:
    assert clc.call_number("i287.5", 12) == "I287.5/12"
    assert clc.split_call_number("I287.5/12") == ("I287.5", 12)
    assert clc.split_call_number("I287.5") == ("I287.5", None)
    existing = ["I287.5/1", "I287.5/12", "I287.5/3", "I287.51/40", "K82/99", "I287.5/x", ""]
    assert clc.next_sequence(existing, "I287.5") == 13
    assert clc.next_sequence(existing, "I287.51") == 41
    assert clc.next_sequence(existing, "TP3") == 1
    with pytest.raises(ValueError):
        clc.call_number("I", 0)


# --- books ----------------------------------------------------------------------------------------------------


def test_match_key_ignores_brackets_spaces_punctuation_case_and_width() -> None:
    key = books.match_key("西游记", "吴承恩")
    assert key == "西游记|吴承恩"
    assert books.match_key("《西游记》", " 吴承恩 ") == key
    assert books.match_key("西 游 记!", "吴承恩。") == key
    assert books.match_key("Harry Potter", "J.K. Rowling") == books.match_key(
        "ＨＡＲＲＹ  potter", "jk rowling"
    )
    assert books.match_key("西游记（上）", "吴承恩") != key


@pytest.mark.parametrize(
    ("typed", "band"),
    [
        ("1-2", "1-2"),
        ("3~4年级", "3-4"),
        ("三四年级", "3-4"),
        ("中年级", "3-4"),
        ("5", "5-6"),
        ("七至九年级", "7-9"),
        ("", ""),
        ("全部", ""),
        ("1-6", ""),
    ],
)
def test_grade_bands(typed: str, band: str) -> None:
    assert books.parse_grade_band(typed) == band


@pytest.mark.parametrize("bad", ["0", "10", "5-3", "大班"])
def test_bad_grade_band(bad: str) -> None:
    with pytest.raises(ValidationError, match="适读年级"):
        books.parse_grade_band(bad)


def test_copy_statuses_and_labels() -> None:
    assert books.COPY_STATUSES == ("available", "on_loan", "lost", "damaged", "withdrawn")
    assert [books.status_label(s) for s in books.COPY_STATUSES] == ["在馆", "借出", "遗失", "损坏", "剔除"]
    assert books.ON_LOAN not in books.MANUAL_STATUSES


def test_barcodes() -> None:
    assert books.make_barcode("T", 123) == "T0000123"
    assert books.barcode_number("T", "T0000123") == 123
    assert books.barcode_number("T", "T000012A") is None
    assert books.barcode_number("T", "X0000123") is None
    assert books.clean_barcode(" ｔ0000123 ") == "T0000123"
    assert books.validate_barcode_prefix("lib") == "LIB"
    with pytest.raises(ValidationError):
        books.validate_barcode_prefix("1A")
    with pytest.raises(ValidationError):
        books.validate_barcode("T 12")
    with pytest.raises(ValidationError):
        books.make_barcode("T", 10**7)


XIYOUJI = "9787020002207"


@pytest.mark.parametrize(
    "typed",
    [
        XIYOUJI,
        "978-7-02-000220-7",
        "９７８７０２０００２２０７",
        "978 7 02 000220 7",
        "7-02-000220-X",
        "ISBN 702000220X",
    ],
)
def test_isbn_spellings_become_isbn13(typed: str) -> None:
    assert books.parse_isbn(typed) == XIYOUJI


@pytest.mark.parametrize("blank", ["", "  ", "无", "暂无", "-", "/"])
def test_no_isbn(blank: str) -> None:
    assert books.parse_isbn(blank) is None


@pytest.mark.parametrize(
    ("typed", "message"),
    [
        ("9787020002208", "ISBN 9787020002208 校验位错误"),
        ("7-02-000220-1", "校验位错误"),
        ("97870200022", "位数不对"),
        ("97870200022A", "数字以外的字符"),
        ("1234567890128", "应以 978 或 979 开头"),
    ],
)
def test_bad_isbn_says_what_is_wrong(typed: str, message: str) -> None:
    with pytest.raises(ValidationError, match=message):
        books.parse_isbn(typed)


def test_title_input_cleans_and_converts() -> None:
    clean = books.TitleInput(
        title="  西游记 ",
        author="吴承恩",
        isbn="7-02-000220-X",
        pub_year="2015",
        clc="ｉ287.5",
        grade_band="5-6年级",
        price="25.80元",
    ).validated()
    assert clean.title == "西游记"
    assert clean.isbn13 == XIYOUJI
    assert clean.pub_year == 2015
    assert clean.clc_class == "I287.5"
    assert clean.grade_band == "5-6"
    assert clean.price_fen == 2580
    assert clean.match_key == "西游记|吴承恩"
    assert books.TitleInput("西游记", price=Decimal("12.5")).validated().price_fen == 1250
    assert books.TitleInput("西游记", price=12.3).validated().price_fen == 1230


def test_title_input_lists_every_problem() -> None:
    with pytest.raises(ValidationError) as info:
        books.TitleInput(
            title=" ",
            author="作" * 201,
            isbn="9787020002208",
            pub_year=1899,
            clc="W1",
            grade_band="大班",
            price="12.345",
        ).validated()
    problems = info.value.problems
    assert len(problems) == 7
    joined = " ".join(problems)
    for fragment in ("请填写书名", "作者不能超过200个字", "校验位错误", "1899", "“W”类", "适读年级", "定价"):
        assert fragment in joined


def test_title_length_and_year_limits() -> None:
    assert books.TitleInput("书" * 400).validated().title == "书" * 400
    with pytest.raises(ValidationError, match="书名不能超过400个字"):
        books.TitleInput("书" * 401).validated()
    next_year = dt.date.today().year + 1
    assert books.TitleInput("书", pub_year=next_year).validated().pub_year == next_year
    with pytest.raises(ValidationError, match="出版年"):
        books.TitleInput("书", pub_year=next_year + 1).validated()
    with pytest.raises(ValidationError, match="出版年"):
        books.TitleInput("书", pub_year="去年").validated()
