"""ISBN helpers: check digits, ISBN-10 → 13, and the messy spellings donation spreadsheets contain."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from stdnum import isbn as stdnum_isbn

from center_app.domain import isbn
from center_app.domain.errors import ValidationError

XIYOUJI = "9787020002207"  # 西游记, 人民文学出版社 — ISBN-10 7-02-000220-X


def test_check_digit13_of_a_known_book() -> None:
    assert isbn.check_digit13(XIYOUJI[:12]) == "7"
    # 9+21+8+21+5+9+2+12+1+6+3+12 = 109 → 10 - 9 = 1
    assert isbn.check_digit13("978753241234") == "1"


def test_check_digit10_can_be_x() -> None:
    assert isbn.check_digit10("702000220") == "X"
    assert isbn.check_digit10("185798218") == "5"


@pytest.mark.parametrize("bad", ["97870200022", "9787020002207", "97870200022a"])
def test_check_digit13_needs_twelve_digits(bad: str) -> None:
    with pytest.raises(ValueError):
        isbn.check_digit13(bad)


@pytest.mark.parametrize(
    "typed",
    [
        "9787020002207",
        "978-7-02-000220-7",
        "９７８７０２０００２２０７",  # full-width digits from a Chinese input method
        "９７８－７－０２－０００２２０－７",  # full-width hyphens too
        "978–7–02–000220–7",  # en dashes (Word's autocorrect)
        "978 7 02 000220 7",
        " ISBN：978-7-02-000220-7 ",
        "isbn 978-7-02-000220-7",
        "ISBN-13: 978-7-02-000220-7",
    ],
)
def test_spellings_normalise_to_the_same_isbn13(typed: str) -> None:
    assert isbn.clean(typed) == XIYOUJI
    assert isbn.parse_isbn13(typed) == XIYOUJI
    assert isbn.is_valid(typed)


@pytest.mark.parametrize(
    "typed", ["7-02-000220-X", "7-02-000220-x", "702000220X", "７－０２－０００２２０－Ｘ"]
)
def test_isbn10_converts_to_isbn13(typed: str) -> None:
    assert isbn.parse_isbn13(typed) == XIYOUJI
    assert isbn.to_isbn13(typed) == XIYOUJI
    assert isbn.isbn10_to_13(typed) == XIYOUJI


@pytest.mark.parametrize(
    "bad", ["", "   ", "9787020002208", "7-02-000220-1", "97870200022", "abc", "978702000220７8"]
)
def test_invalid_isbns_are_rejected(bad: str) -> None:
    assert isbn.parse_isbn13(bad) is None
    assert not isbn.is_valid(bad)
    with pytest.raises(ValidationError) as caught:
        isbn.to_isbn13(bad)
    assert "ISBN" in caught.value.message and "校验位" in caught.value.message


def test_isbn10_to_13_refuses_a_13_digit_number() -> None:
    with pytest.raises(ValidationError):
        isbn.isbn10_to_13(XIYOUJI)


def test_make_china_isbn13_pads_the_item_to_the_registrant() -> None:
    assert isbn.make_china_isbn13("02", 220) == XIYOUJI
    assert isbn.make_china_isbn13("5324", 1234) == "9787532412341"
    assert isbn.make_china_isbn13("107", 0) == "9787107000003"


@pytest.mark.parametrize(("registrant", "item"), [("02", 10**6), ("5324", 10**4), ("12345678", 0), ("5x", 1)])
def test_make_china_isbn13_refuses_what_does_not_fit(registrant: str, item: int) -> None:
    with pytest.raises(ValueError):
        isbn.make_china_isbn13(registrant, item)


@given(registrant=st.sampled_from(["02", "107", "5324", "80000", "900000"]), data=st.data())
def test_made_isbns_are_valid_978_7(registrant: str, data: st.DataObject) -> None:
    item = data.draw(st.integers(min_value=0, max_value=10 ** (8 - len(registrant)) - 1))
    made = isbn.make_china_isbn13(registrant, item)
    assert len(made) == 13 and made.startswith("9787" + registrant)
    assert stdnum_isbn.is_valid(made)
    assert isbn.parse_isbn13(made) == made


def test_format_for_labels() -> None:
    assert isbn.format_isbn13(XIYOUJI) == "978-7-02-000220-7"
    assert isbn.format_isbn13("9787532412341") == "978-7-5324-1234-1"
