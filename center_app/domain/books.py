"""Book rules without a database: duplicate keys, grade bands, copy statuses, and checking a title's fields.

The same checks serve the catalogue form (``TitleInput.validated``) and the spreadsheet import (the column parsers
in ``services/book_import/`` call :func:`parse_isbn`, :func:`parse_grade_band` … one by one), so a book is
accepted or refused for the same reasons and with the same Chinese words wherever it comes from.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Final, TypeVar

from center_app.domain import clc as clc_rules
from center_app.domain import isbn as isbn_rules
from center_app.domain.errors import ValidationError
from center_app.domain.states import CopyStatus

# --- duplicates without ISBN ---------------------------------------------------------------------------------

# Everything that is not a letter or digit in any script (punctuation, symbols, spaces): "《西游记》（上）" and
# "西游记 上" are the same book to a person.
_NOT_WORD = re.compile(r"[\W_]+", re.UNICODE)


def compact(text: str) -> str:
    """``'《西游记》 上'`` → ``'西游记上'``: NFKC, case-folded, letters and digits only (any script)."""
    return _NOT_WORD.sub("", unicodedata.normalize("NFKC", text or "").casefold())


def match_key(title: str, author: str) -> str:
    """``('《西游记》', '吴承恩 著')`` → ``'西游记|吴承恩著'``: finds the same book typed twice when it has no ISBN."""
    return f"{compact(title)}|{compact(author)}"[:600]


# --- grade bands ---------------------------------------------------------------------------------------------

GRADE_BANDS: Final[tuple[str, ...]] = ("1-2", "3-4", "5-6", "7-9")
ALL_GRADES: Final = ""  # suitable for every grade
GRADE_BAND_LABELS: Final[dict[str, str]] = {
    "": "全部年级",
    "1-2": "1-2年级",
    "3-4": "3-4年级",
    "5-6": "5-6年级",
    "7-9": "7-9年级（初中）",
}
_BAND_WORDS: Final[dict[str, str]] = {
    "": "",
    "低年级": "1-2",
    "中年级": "3-4",
    "高年级": "5-6",
    "初中": "7-9",
    "全部": "",
    "全部年级": "",
    "不限": "",
    "通用": "",
    "all": "",
}
_CN_DIGITS = str.maketrans("一二三四五六七八九", "123456789")
_RANGE = re.compile(r"^(\d)(?:[-~至到、,]+(\d))?$")


def parse_grade_band(text: str) -> str:
    """``'3-4'``, ``'3~4年级'``, ``'三四年级'``, ``'中年级'``, ``'3'`` → ``'3-4'``; blank or ``'全部'`` → ``''``.

    A range wider than one band ("1-6年级", "3-6年级") becomes ``''``: the bands are a filter, and a book marked for
    all grades shows under every band, which is where a 3-6 book belongs.
    """
    value = unicodedata.normalize("NFKC", text or "").strip().lower().replace(" ", "")
    if value in _BAND_WORDS:
        return _BAND_WORDS[value]
    digits = value.translate(_CN_DIGITS).removesuffix("年级").removesuffix("级").replace("—", "-")
    digits = digits.replace("–", "-").replace("－", "-")
    if len(digits) == 2 and digits.isdigit():  # "三四年级" → "34"
        digits = f"{digits[0]}-{digits[1]}"
    match = _RANGE.match(digits)
    if match:
        low = int(match[1])
        high = int(match[2] or match[1])
        if 1 <= low <= high <= 9:
            for band in GRADE_BANDS:
                first, last = map(int, band.split("-"))
                if first <= low <= high <= last:
                    return band
            return ALL_GRADES
    raise ValidationError(
        f"适读年级“{(text or '').strip()}”无效：请填 1-2、3-4、5-6、7-9 之一，或留空表示适合全部年级。"
    )


# --- copies --------------------------------------------------------------------------------------------------

# ``domain.states.CopyStatus`` (``db/models`` uses it); these names are the same members.
AVAILABLE: Final = CopyStatus.AVAILABLE
ON_LOAN: Final = CopyStatus.ON_LOAN
LOST: Final = CopyStatus.LOST
DAMAGED: Final = CopyStatus.DAMAGED
WITHDRAWN: Final = CopyStatus.WITHDRAWN
COPY_STATUSES: Final[tuple[str, ...]] = tuple(CopyStatus)
STATUS_LABELS: Final[dict[str, str]] = {
    AVAILABLE: "在馆",
    ON_LOAN: "借出",
    LOST: "遗失",
    DAMAGED: "损坏",
    WITHDRAWN: "剔除",
}
# What the catalogue may set by hand; on_loan is only set by checking a book out at the desk.
MANUAL_STATUSES: Final[tuple[str, ...]] = (AVAILABLE, LOST, DAMAGED, WITHDRAWN)


def status_label(status: str) -> str:
    return STATUS_LABELS.get(status, status)


# --- barcodes ------------------------------------------------------------------------------------------------

DEFAULT_BARCODE_PREFIX: Final = "T"
BARCODE_DIGITS: Final = 7
MAX_BARCODE_LENGTH: Final = 40
# A letter first, so a book barcode never looks like an ISBN, a price or a plain number; short, so the Code128
# symbol stays narrow enough for a spine label.
_PREFIX = re.compile(r"^[A-Z][A-Z0-9]{0,5}$")
# Code 128 carries printable ASCII; spaces are refused because scanners and people disagree about them.
_BARCODE = re.compile(r"^[\x21-\x7e]+$")


def clean_barcode(text: str) -> str:
    """What a scanner or a spreadsheet gives → the stored form: NFKC (full-width → ASCII), trimmed, upper case.

    Upper case because a scanner with Caps Lock on types ``t0000123``: the same label must find the same copy.
    """
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def validate_barcode(text: str) -> str:
    value = clean_barcode(text)
    if not value:
        raise ValidationError("条码不能为空。")
    if len(value) > MAX_BARCODE_LENGTH or not _BARCODE.match(value):
        raise ValidationError(
            f"条码“{(text or '').strip()}”无效：只能包含字母、数字和符号（不能有空格或汉字），"
            f"最多{MAX_BARCODE_LENGTH}个字符。"
        )
    return value


def validate_barcode_prefix(text: str) -> str:
    value = clean_barcode(text)
    if not _PREFIX.match(value):
        raise ValidationError(f"条码前缀“{(text or '').strip()}”无效：应以字母开头，1到6个字母或数字，如 T。")
    return value


def make_barcode(prefix: str, number: int) -> str:
    """``('T', 123)`` → ``'T0000123'``."""
    if not 0 < number < 10**BARCODE_DIGITS:
        raise ValidationError(f"条码编号已用完（前缀 {prefix}），请在设置里换一个条码前缀。")
    return f"{prefix}{number:0{BARCODE_DIGITS}d}"


def barcode_number(prefix: str, barcode: str) -> int | None:
    """The number of an app-assigned barcode (``'T0000123'`` → 123), None for any other barcode."""
    rest = barcode[len(prefix) :] if barcode.startswith(prefix) else ""
    return int(rest) if len(rest) == BARCODE_DIGITS and rest.isdigit() and rest.isascii() else None


# --- ISBN, year, price ---------------------------------------------------------------------------------------

# What people write in an ISBN cell for "this book has none".
NO_ISBN_WORDS: Final = frozenset(
    {"", "无", "暂无", "没有", "无isbn", "none", "n/a", "na", "-", "--", "/", "—"}
)


def parse_isbn(text: str) -> str | None:
    """Any spelling of an ISBN-10/13 → 13 digits; blank/"无" → None; otherwise a ValidationError naming the fault.

    The message says which fault it is (``ISBN 9787020002208 校验位错误``) because the fix differs: a wrong check
    digit is a typo in one digit, a wrong length is a digit missing or doubled.
    """
    raw = unicodedata.normalize("NFKC", text or "").strip()
    if raw.lower().replace(" ", "") in NO_ISBN_WORDS:
        return None
    value = isbn_rules.clean(raw)
    if not re.fullmatch(r"\d{9}[\dX]|\d{13}", value):
        if re.search(r"[^\dX]|X.", value) or (value.endswith("X") and len(value) != 10):
            raise ValidationError(f"ISBN {raw} 含有数字以外的字符")
        raise ValidationError(f"ISBN {raw} 位数不对（应为13位或10位，现为{len(value)}位）")
    result = isbn_rules.parse_isbn13(value)
    if result is None:
        if len(value) == 13 and not value.startswith(("978", "979")):
            raise ValidationError(f"ISBN {raw} 应以 978 或 979 开头")
        raise ValidationError(f"ISBN {raw} 校验位错误")
    return result


MIN_YEAR: Final = 1900


def max_year(today: dt.date | None = None) -> int:
    # Next year's books are announced and donated before the year turns.
    return (today or dt.date.today()).year + 1


def check_year(year: int, today: dt.date | None = None) -> int:
    if not MIN_YEAR <= year <= max_year(today):
        raise ValidationError(f"出版年 {year} 不对：应在 {MIN_YEAR} 到 {max_year(today)} 之间。")
    return year


MAX_PRICE_YUAN: Final = 100_000


def price_to_fen(value: str | int | float | Decimal | None) -> int | None:
    """``'25'``, ``'¥25.80'``, ``'25.8元'``, ``25.8`` → fen (2580); blank → None. Prices are money: no float sums."""
    if value is None:
        return None
    if isinstance(value, bool):
        raise ValidationError("定价不是有效的金额。")
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().lower().replace(" ", "").replace(",", "")
        text = text.removeprefix("¥").removeprefix("rmb").removesuffix("元")
        if not text:
            return None
        if not re.fullmatch(r"\d+(?:\.\d{0,2})?", text):
            raise ValidationError(f"定价“{value.strip()}”不是有效的金额（如 25 或 25.80）。")
        amount = Decimal(text)
    else:
        try:
            amount = Decimal(repr(value)) if isinstance(value, float) else Decimal(value)
        except InvalidOperation:
            raise ValidationError(f"定价“{value}”不是有效的金额。") from None
        if not amount.is_finite() or amount != amount.quantize(Decimal("0.01")):
            raise ValidationError(f"定价“{value}”最多只能有两位小数。")
    if amount < 0 or amount > MAX_PRICE_YUAN:
        raise ValidationError(f"定价“{value}”不对：应在 0 到 {MAX_PRICE_YUAN} 元之间。")
    return int(amount * 100)


# --- a title as typed ------------------------------------------------------------------------------------------

LIMITS: Final[dict[str, tuple[str, int]]] = {  # field -> (label, max characters), the columns' sizes
    "title": ("书名", 400),
    "author": ("作者", 200),
    "publisher": ("出版社", 200),
    "subjects": ("主题词", 400),
    "call_number": ("索书号", 60),
}


@dataclass(frozen=True, slots=True)
class CleanTitle:
    """A title that passed every check, in stored form (ISBN-13, fen, cleaned CLC)."""

    title: str
    author: str
    publisher: str
    pub_year: int | None
    isbn13: str | None
    clc_class: str
    call_number: str  # "" = let the catalogue number it from the CLC
    grade_band: str
    subjects: str
    price_fen: int | None
    notes: str

    @property
    def match_key(self) -> str:
        return match_key(self.title, self.author)


def _one_line(text: str) -> str:
    return " ".join(unicodedata.normalize("NFKC", text or "").split())


_V = TypeVar("_V")
_R = TypeVar("_R")


@dataclass(frozen=True, slots=True)
class TitleInput:
    """A title as the form (or a caller) gives it: text as typed, checked by :meth:`validated`."""

    title: str
    author: str = ""
    publisher: str = ""
    pub_year: int | str | None = None
    isbn: str = ""
    clc: str = ""
    call_number: str = ""
    grade_band: str = ""
    subjects: str = ""
    price: str | int | float | Decimal | None = None  # yuan
    notes: str = ""

    def validated(self, today: dt.date | None = None) -> CleanTitle:
        """The cleaned title, or ONE ValidationError listing every problem (the form shows them all at once)."""
        problems: list[str] = []
        texts = {
            "title": _one_line(self.title),
            "author": _one_line(self.author),
            "publisher": _one_line(self.publisher),
            "subjects": _one_line(self.subjects),
            "call_number": clc_rules.clean(self.call_number),
        }
        if not texts["title"]:
            problems.append("请填写书名。")
        for key, (label, limit) in LIMITS.items():
            if len(texts[key]) > limit:
                problems.append(f"{label}不能超过{limit}个字（现有{len(texts[key])}个字）。")

        def attempt(check: Callable[[_V], _R], value: _V) -> _R | None:
            # collects the problem instead of stopping
            try:
                return check(value)
            except ValidationError as exc:
                problems.append(exc.message if exc.message.endswith("。") else exc.message + "。")
                return None

        isbn13 = attempt(parse_isbn, self.isbn)
        year = attempt(lambda v: _year(v, today), self.pub_year)
        clc = attempt(clc_rules.validate, self.clc) if clc_rules.clean(self.clc) else ""
        band = attempt(parse_grade_band, self.grade_band)
        price = attempt(price_to_fen, self.price)
        if problems:
            raise ValidationError("图书信息有误：" + " ".join(problems), problems)
        return CleanTitle(
            title=texts["title"],
            author=texts["author"],
            publisher=texts["publisher"],
            pub_year=year,
            isbn13=isbn13,
            clc_class=clc or "",
            call_number=texts["call_number"],
            grade_band=band or "",
            subjects=texts["subjects"],
            price_fen=price,
            notes=(self.notes or "").strip(),
        )


def _year(value: int | str | None, today: dt.date | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, str):
        text = unicodedata.normalize("NFKC", value).strip().removesuffix("年")
        if not text.isdigit():
            raise ValidationError(f"出版年“{value.strip()}”应为四位数字的年份，如 2015。")
        value = int(text)
    return check_year(int(value), today)
