"""A child's file's limits and vocabularies (grades, genders, left-behind types, statuses, relations, follow-up
methods), ``FieldError``, and the text clean-up every field parser starts with."""

from __future__ import annotations

import re
import unicodedata
from enum import StrEnum
from typing import Final

from center_app.domain.states import ChildStatus, FollowUpMethod, LeftBehind

# --- limits -------------------------------------------------------------------------------------------------

NAME_MAX: Final = 50
CLASS_MAX: Final = 50
SCHOOL_MAX: Final = 200
VILLAGE_MAX: Final = 100
ADDRESS_MAX: Final = 400
CITY_MAX: Final = 100
NOTE_MAX: Final = 2000
GUARDIAN_HEALTH_MAX: Final = 200
LITERACY_MAX: Final = 50
CARD_MAX: Final = 40
AGE_MIN: Final = 2
AGE_MAX: Final = 18
GUARDIAN_AGE_RANGE: Final = (14, 110)
FOLLOW_UP_REASON_MAX: Final = 40


# --- vocabularies -------------------------------------------------------------------------------------------

GRADE_MIN: Final = 0
GRADE_MAX: Final = 9
GRADES: Final[dict[int, str]] = {
    0: "学前班",
    1: "一年级",
    2: "二年级",
    3: "三年级",
    4: "四年级",
    5: "五年级",
    6: "六年级",
    7: "初一",
    8: "初二",
    9: "初三",
}


class Gender(StrEnum):
    MALE = "male"
    FEMALE = "female"


GENDERS: Final[dict[str, str]] = {Gender.MALE: "男", Gender.FEMALE: "女"}

# The stored values are ``domain.states``' enums (``db/models`` uses them); these names are the same members.
BOTH: Final = LeftBehind.BOTH
FATHER: Final = LeftBehind.FATHER
MOTHER: Final = LeftBehind.MOTHER
NOT_LEFT_BEHIND: Final = LeftBehind.NONE
LEFT_BEHIND_TYPES: Final[dict[str, str]] = {
    BOTH: "父母均外出",
    FATHER: "父亲外出",
    MOTHER: "母亲外出",
    NOT_LEFT_BEHIND: "非留守",
}

ACTIVE: Final = ChildStatus.ACTIVE
LEFT: Final = ChildStatus.LEFT
STATUSES: Final[dict[str, str]] = {ACTIVE: "在册", LEFT: "已离开"}

# Guardian / pick-up relations, as stored (Chinese: the model's column holds the label itself).
RELATIONS: Final[tuple[str, ...]] = (
    "祖父",
    "祖母",
    "外祖父",
    "外祖母",
    "父亲",
    "母亲",
    "兄姐",
    "其他亲属",
    "其他",
)


FOLLOW_UP_METHODS: Final[dict[str, str]] = {
    FollowUpMethod.PHONE: "电话",
    FollowUpMethod.HOME_VISIT: "家访",
    FollowUpMethod.SCHOOL: "到校了解",
    FollowUpMethod.OTHER: "其他",
}

# Suggested values for a guardian's literacy (free text is accepted: the form offers these).
LITERACY_LEVELS: Final[tuple[str, ...]] = ("不识字", "识字不多", "小学", "初中", "高中/中专", "大专及以上")

_CN_DIGITS: Final[dict[str, int]] = {
    "零": 0,
    "〇": 0,
    "一": 1,
    "二": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
}


class FieldError(ValueError):
    """A value refused; ``reason`` follows the field's label: ``不是有效的年级（十年级），…``."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


# --- small text helpers -------------------------------------------------------------------------------------


def nfkc(value: object) -> str:
    """Full-width → ASCII, trimmed; numbers as their digits (a spreadsheet's 3.0 is "3")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def compact_text(value: object) -> str:
    return "".join(nfkc(value).casefold().split())


def shown(value: object, limit: int = 30) -> str:
    text = " ".join(str(value).split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


def clean_text(value: object) -> str:
    """One-line text: trimmed, runs of whitespace (incl. full-width spaces and line breaks) → one space."""
    return "" if value is None else " ".join(str(value).split())


def clean_note(value: object) -> str:
    """Multi-line text (health notes, remarks): line breaks kept, each line trimmed, blank lines at the ends gone."""
    if value is None:
        return ""
    lines = [
        " ".join(line.split()) for line in str(value).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    ]
    return "\n".join(lines).strip("\n")


_CJK = r"\u3400-\u9fff\uf900-\ufaff"
_SPACE_BETWEEN_CJK = re.compile(rf"(?<=[{_CJK}]) (?=[{_CJK}])")


def clean_name(value: object) -> str:
    """``" 王 子涵 "`` → ``王子涵`` (a space inside a Chinese name is a typing slip); ``Anna  Li`` → ``Anna Li``."""
    return _SPACE_BETWEEN_CJK.sub("", " ".join(unicodedata.normalize("NFKC", str(value or "")).split()))


BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")"})


# --- numbers written in Chinese -----------------------------------------------------------------------------


def cn_number(text: str) -> int | None:
    """``2``, ``二``, ``十``, ``十二``, ``二十一`` → the number (1–99); anything else → None."""
    if text.isdigit() and text.isascii():
        return int(text)
    if not text or any(ch not in _CN_DIGITS and ch != "十" for ch in text):
        return None
    if "十" not in text:
        return _CN_DIGITS[text] if len(text) == 1 else None
    tens, _, ones = text.partition("十")
    if len(tens) > 1 or len(ones) > 1 or "十" in ones:
        return None
    value = (_CN_DIGITS[tens] if tens else 1) * 10 + (_CN_DIGITS[ones] if ones else 0)
    return value or None
