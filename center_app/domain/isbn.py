"""ISBN helpers: clean what a scanner or a donation spreadsheet gives us, check it, and turn it into ISBN-13.

Donation lists are typed by hand, often on a Chinese input method, so the same number arrives as
``９７８－７－０２…`` (full-width), ``ISBN 7-02-000220-X`` (old ISBN-10) or with en dashes. Everything is stored
as 13 plain digits. python-stdnum does the checking; the few lines here are the parts it does not do for us
(choosing a check digit for a number we make up, and refusing with a Chinese message).
"""

from __future__ import annotations

import re
import unicodedata

from stdnum import isbn as _stdnum_isbn

from center_app.domain.errors import ValidationError

# Separators people type between the groups: ASCII/full-width hyphen (NFKC makes them equal), Unicode dashes,
# spaces (incl. the ideographic space) and the middle dot some input methods insert.
_SEPARATORS = re.compile(r"[\s\-\u2010-\u2015\u2212\u00b7\u30fb_.]+")
_PREFIX = re.compile(r"^isbn(?:-1[03])?:?", re.IGNORECASE)

CHINA_PREFIX = "9787"  # EAN 978 + registration group 7 (mainland China)


def clean(text: str) -> str:
    """``' ISBN：９７８-７-０２-０００２２０-７ '`` → ``'9787020002207'`` (no check is made here)."""
    value = unicodedata.normalize("NFKC", text or "").strip()
    value = _PREFIX.sub("", value.replace(" ", "")).strip()
    return _SEPARATORS.sub("", value).upper()


def check_digit13(first12: str) -> str:
    """The EAN-13 check digit: weights 1,3,1,3… over the first twelve digits."""
    if len(first12) != 12 or not first12.isdigit():
        raise ValueError(f"need 12 digits, got {first12!r}")
    total = sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(first12))
    return str((10 - total % 10) % 10)


def check_digit10(first9: str) -> str:
    """The ISBN-10 check character (0–9 or X): weights 10…2, modulus 11."""
    if len(first9) != 9 or not first9.isdigit():
        raise ValueError(f"need 9 digits, got {first9!r}")
    total = sum(int(d) * (10 - i) for i, d in enumerate(first9))
    check = (11 - total % 11) % 11
    return "X" if check == 10 else str(check)


def is_valid(text: str) -> bool:
    """True for a well-formed ISBN-10 or ISBN-13 with a correct check digit (after cleaning)."""
    return _stdnum_isbn.is_valid(clean(text))


def parse_isbn13(text: str) -> str | None:
    """The ISBN-13 (13 digits) for any valid ISBN-10/13 spelling, or None if it is not a valid ISBN."""
    value = clean(text)
    if not _stdnum_isbn.is_valid(value):
        return None
    return _stdnum_isbn.compact(value, convert=True)


def to_isbn13(text: str) -> str:
    """Like :func:`parse_isbn13` but refuses invalid input with a message fit to show."""
    result = parse_isbn13(text)
    if result is None:
        raise ValidationError(f"ISBN“{(text or '').strip()}”无效：请检查位数（10位或13位）和最后一位校验位。")
    return result


def isbn10_to_13(text: str) -> str:
    """``7-02-000220-X`` → ``9787020002207`` (the check digit is recomputed, as the two schemes differ)."""
    value = clean(text)
    if len(value) != 10 or not _stdnum_isbn.is_valid(value):
        raise ValidationError(f"“{(text or '').strip()}”不是有效的10位ISBN。")
    first12 = "978" + value[:9]
    return first12 + check_digit13(first12)


def make_china_isbn13(registrant: str, item: int) -> str:
    """A valid 978-7 ISBN-13 for publisher ``registrant`` (e.g. ``"02"``) and title number ``item``.

    Group 7 numbers have nine digits after ``978``: ``7`` + registrant + item, so the item is zero-padded to
    whatever the registrant leaves (``02`` → six digits, ``5324`` → four).
    """
    width = 8 - len(registrant)
    if not registrant.isdigit() or width < 1:
        raise ValueError(f"bad registrant {registrant!r}")
    if not 0 <= item < 10**width:
        raise ValueError(f"item {item} does not fit in {width} digits")
    first12 = f"{CHINA_PREFIX}{registrant}{item:0{width}d}"
    return first12 + check_digit13(first12)


def format_isbn13(isbn13: str) -> str:
    """Hyphenated for labels and reports (``978-7-02-000220-7``); unknown ranges come back compact."""
    try:
        return _stdnum_isbn.format(isbn13)
    except Exception:  # stdnum's range table may lack a new registrant; a compact number still prints fine
        return isbn13
