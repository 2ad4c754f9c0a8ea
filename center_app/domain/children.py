"""Children's profiles: the vocabularies (grades, classes, genders, left-behind types, relations), phone numbers,
and the validated inputs the children service writes.

Pure domain code (no Qt, no SQLAlchemy). Every ``parse_*`` function accepts what people type in a form or a
spreadsheet cell (Chinese or English, full-width digits, stray spaces) and returns the stored code, or raises
:class:`FieldError` whose reason is phrased to follow the field's label, as the import framework's messages are:
``“父亲电话”不是有效的电话号码（12345）…``. The ``*Input.validated()`` methods collect *every* problem of a form
into one :class:`ValidationError`, so the user fixes them all in one go.

Decisions worth knowing:

- Grades are 0 学前班, 1–6 一年级…六年级, 7–9 初一…初三. ``七年级``/``7年级``/``初中一年级`` are read as 7 too, but the
  label (and a normalised class name) is ``初一``.
- A class name is normalised when it names a grade and a class number: ``3年级2班``, ``三（2）班``, ``三年级二班`` →
  ``三年级2班``; with a known grade a bare ``2`` or ``2班`` becomes ``三年级2班`` (school rosters often split 年级
  and 班级). Anything else (``彩虹班``) is kept as typed.
- Left-behind type: both / father / mother / none. ``双留守``, ``父母都在外`` → both; ``父亲外出``, ``爸爸打工`` →
  father; ``非留守``, ``否``, ``父母在家`` → none. ``单亲外出``, ``单留守``, ``留守``, ``是`` do not say *which*
  parent is away, so they are refused with a message asking for 父亲外出 or 母亲外出 rather than guessed.
- Phones: an 11-digit mobile starting with 1 (``+86``/``86`` prefix, spaces and dashes dropped: ``13812345678``), or a
  landline with its area code (``0774-8881234``). One number per field.
- Age: 2–18 on ``today`` for a child on the roster; a child who has left is only checked for "not born in the
  future" (their record stays while they grow up).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from center_app.domain.cells import CellError, Date
from center_app.domain.errors import ValidationError
from center_app.domain.pinyin import pinyin_keys
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


def _nfkc(value: object) -> str:
    """Full-width → ASCII, trimmed; numbers as their digits (a spreadsheet's 3.0 is "3")."""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return unicodedata.normalize("NFKC", str(value)).strip()


def _compact(value: object) -> str:
    return "".join(_nfkc(value).casefold().split())


def _shown(value: object, limit: int = 30) -> str:
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


# --- numbers written in Chinese -----------------------------------------------------------------------------


def _cn_number(text: str) -> int | None:
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


# --- grades and classes -------------------------------------------------------------------------------------

_GRADE_HINT: Final = "请写 学前班、一年级…六年级、初一…初三，或数字 0–9（0 为学前班）"
_PRESCHOOL_WORDS: Final = frozenset({"学前班", "学前", "幼儿园", "大班", "学前一年", "幼儿班"})
_GRADE_TEXT = re.compile(r"^(?:小学)?(\d{1,2}|[一二三四五六七八九十])(?:年级)?$")
_JUNIOR_TEXT = re.compile(r"^初(?:中)?([一二三123])(?:年级)?$")


def grade_label(grade: int | None) -> str:
    """``3`` → ``三年级``, ``7`` → ``初一``, None → ``""``."""
    if grade is None:
        return ""
    # 高一…高三 appear only in loan rules ("up to grade 12"): the centre's children stop at 初三.
    return GRADES.get(grade) or {10: "高一", 11: "高二", 12: "高三"}.get(grade, f"{grade}年级")


def parse_grade(value: object) -> int:
    """``三年级``, ``3年级``, ``3``, 3, ``初一``, ``七年级``, ``初中一年级``, ``学前班`` → 0…9."""
    if isinstance(value, bool):
        raise FieldError(f"不是有效的年级（{_shown(value)}），{_GRADE_HINT}")
    if isinstance(value, int) and not isinstance(value, bool):
        number: int | None = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise FieldError(f"不是有效的年级（{_shown(value)}），{_GRADE_HINT}")
        number = int(value)
    else:
        text = _compact(value)
        if text in _PRESCHOOL_WORDS:
            return 0
        junior = _JUNIOR_TEXT.match(text)
        plain = _GRADE_TEXT.match(text)
        if junior:
            number = 6 + (_cn_number(junior[1]) or 0)
        elif plain:
            number = _cn_number(plain[1])
        else:
            if text.startswith("高") or text.startswith("大学"):
                raise FieldError(f"超出范围（{_shown(value)}）：儿童之家登记学前班到初三的儿童")
            raise FieldError(f"不是有效的年级（{_shown(value)}），{_GRADE_HINT}")
    if number is None or not GRADE_MIN <= number <= GRADE_MAX:
        raise FieldError(f"不是有效的年级（{_shown(value)}），{_GRADE_HINT}")
    return number


# A class name that carries its grade: 三年级2班, 3年级(2)班, 三(2)班, 初一2班, 七年级2班, 学前1班; or just 2班 / 2.
_GRADE_PART = r"学前|小学[一二三四五六1-6]年级|[一二三四五六七八九]年级|[1-9]年级|初中?[一二三1-3](?:年级)?|[一二三四五六七八九1-9](?=[(])"
_CLASS_TEXT = re.compile(
    rf"^(?P<grade>{_GRADE_PART})?\(?(?P<number>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\)?(?:班)?$"
)
_BRACKETS = str.maketrans({"（": "(", "）": ")", "【": "(", "】": ")", "[": "(", "]": ")"})


def class_name_for(grade: int, number: int) -> str:
    """``(3, 2)`` → ``三年级2班``; ``(0, 1)`` → ``学前1班``; ``(7, 2)`` → ``初一2班``."""
    prefix = "学前" if grade == 0 else grade_label(grade)
    return f"{prefix}{number}班"


def parse_class_name(text: str) -> tuple[int | None, int | None]:
    """(grade, class number) a class name states: ``三年级2班`` → (3, 2), ``三年级`` → (3, None) (one class per
    grade, as in many village schools), ``2班`` → (None, 2), ``彩虹班`` → (None, None)."""
    compact = _compact(text).translate(_BRACKETS)
    if not compact:
        return None, None
    if not compact.isdigit():
        try:
            return parse_grade(compact), None  # the whole name is a grade: 三年级, 初一, 学前班
        except FieldError:
            pass
    match = _CLASS_TEXT.match(compact)
    if match is None or (match["grade"] is None and not compact[:1].isdigit() and not compact.endswith("班")):
        return None, None  # "三" alone would be a grade, handled above; "彩虹班" states nothing
    number = _cn_number(match["number"])
    if not number:
        return None, None
    grade_text = match["grade"]
    return (parse_grade(grade_text.removeprefix("小学")) if grade_text else None), number


def normalise_class_name(text: str, grade: int | None = None) -> str:
    """The class's canonical name (see the module doc); text that names no grade/number is kept as typed."""
    typed = clean_text(text)
    if not typed:
        return ""
    try:
        stated_grade, number = parse_class_name(typed)
    except FieldError:
        return typed
    if number is None:
        return grade_label(stated_grade) if stated_grade is not None else typed
    if stated_grade is None:
        return class_name_for(grade, number) if grade is not None else f"{number}班"
    return class_name_for(stated_grade, number)


def class_grade(class_name: str) -> int | None:
    """The grade a class name states (``三年级2班`` → 3), or None."""
    try:
        return parse_class_name(class_name)[0]
    except FieldError:
        return None


def promoted_class_name(class_name: str, new_grade: int) -> str:
    """The class name one grade up: ``三年级2班`` → ``四年级2班``, ``六年级1班`` → ``初一1班``, ``学前班`` → ``一年级``.

    A name that states no grade (``彩虹班``, ``2班``) is kept: there is nothing in it to move up.
    """
    try:
        grade, number = parse_class_name(class_name)
    except FieldError:
        return class_name
    if grade is None or not GRADE_MIN <= new_grade <= GRADE_MAX:
        return class_name
    return class_name_for(new_grade, number) if number is not None else grade_label(new_grade)


def natural_key(text: str) -> tuple[Any, ...]:
    """``三年级10班`` after ``三年级2班``: digit runs compare as numbers."""
    return tuple(int(part) if part.isdigit() else part for part in re.split(r"(\d+)", text or ""))


def roll_order(grade: int | None, class_name: str, name: str, name_pinyin: str) -> tuple[Any, ...]:
    """The order of a paper register: grade, class (三年级2班 before 三年级10班), then pinyin."""
    return (grade is None, grade or 0, natural_key(class_name), name_pinyin or pinyin_keys(name)[0], name)


def on_roll(
    status: str, enrolled_on: dt.date | None, left_on: dt.date | None, first: dt.date, last: dt.date
) -> bool:
    """On the centre's roll at some time between ``first`` and ``last`` (``left_on`` is the first day away)."""
    if enrolled_on is not None and enrolled_on > last:
        return False
    if status == ACTIVE:
        return True
    return left_on is not None and left_on > first


def has_left(status: str, left_on: dt.date | None, day: dt.date) -> bool:
    """No longer on the roll on ``day``."""
    return status != ACTIVE and (left_on is None or left_on <= day)


# --- gender, status, left-behind type -----------------------------------------------------------------------

_GENDER_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("男", "男生", "男孩", "男童", "m", "male", "boy", "man"), Gender.MALE),
    **dict.fromkeys(("女", "女生", "女孩", "女童", "f", "female", "girl", "woman"), Gender.FEMALE),
}


def parse_gender(value: object) -> str:
    """男/女 (and 男生, M, male…) → ``male``/``female``."""
    key = _compact(value)
    if key in _GENDER_WORDS:
        return _GENDER_WORDS[key]
    raise FieldError(f"只能填写 男 或 女（{_shown(value)}）")


def gender_label(code: str) -> str:
    return GENDERS.get(code, code or "")


_STATUS_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("active", "在册", "在读", "在校", "正常", "在中心"), ACTIVE),
    **dict.fromkeys(
        ("left", "已离开", "离开", "已离校", "离校", "转学", "已转学", "毕业", "已毕业", "退出"), LEFT
    ),
}


def parse_status(value: object) -> str:
    key = _compact(value)
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    raise FieldError(f"只能填写 在册 或 已离开（{_shown(value)}）")


_LEFT_BEHIND_EXACT: Final[dict[str, str]] = {
    **dict.fromkeys(
        ("both", "双留守", "父母均外出", "父母双方外出", "双亲外出", "父母外出", "父母都外出"), BOTH
    ),
    **dict.fromkeys(("father", "父亲外出", "父外出", "爸爸外出", "父亲在外"), FATHER),
    **dict.fromkeys(("mother", "母亲外出", "母外出", "妈妈外出", "母亲在外"), MOTHER),
    **dict.fromkeys(
        ("none", "非留守", "否", "无", "不是", "不是留守", "no", "n", "父母在家", "父母均在家", "父母都在家"),
        NOT_LEFT_BEHIND,
    ),
}
_AWAY: Final = ("外出", "在外", "外地", "务工", "打工", "离家")
_HOME: Final = ("在家", "在本地", "在村", "未外出", "没有外出", "不外出", "没外出")
_AMBIGUOUS_LEFT_BEHIND: Final = frozenset(
    {"单亲外出", "单留守", "单亲留守", "留守", "是", "有", "yes", "y", "单方外出", "一方外出", "父母一方外出"}
)
_CLAUSES = re.compile(r"[,，、;；。/]")
LEFT_BEHIND_HINT: Final = "请写 父母均外出、父亲外出、母亲外出 或 非留守"


def parse_left_behind(value: object) -> str:
    """Common spellings of the left-behind situation → both / father / mother / none (see the module doc).

    Exact phrases first; otherwise each clause ("母亲在家，父亲外出") says who is away or at home.
    """
    key = _compact(value).translate(_BRACKETS).replace("儿童", "")
    if key in _LEFT_BEHIND_EXACT:
        return _LEFT_BEHIND_EXACT[key]
    if key in _AMBIGUOUS_LEFT_BEHIND:
        raise FieldError(f"没有说明是哪一方外出（{_shown(value)}），{LEFT_BEHIND_HINT}")
    if key.startswith(("非留守", "不是留守")):
        return NOT_LEFT_BEHIND
    away: set[str] = set()
    home: set[str] = set()
    for clause in _CLAUSES.split(key):
        if "父母" in clause or "双亲" in clause or "双方" in clause:
            who = {FATHER, MOTHER}
        else:
            who = {FATHER} if any(w in clause for w in ("父", "爸")) else set()
            who |= {MOTHER} if any(w in clause for w in ("母", "妈")) else set()
        if any(w in clause for w in _HOME) and not any(w in clause for w in _AWAY):
            home |= who
        elif any(w in clause for w in _AWAY):
            away |= who
    if away == {FATHER, MOTHER}:
        return BOTH
    if away == {FATHER}:
        return FATHER
    if away == {MOTHER}:
        return MOTHER
    if not away and home == {FATHER, MOTHER}:
        return NOT_LEFT_BEHIND
    raise FieldError(f"无法识别（{_shown(value)}），{LEFT_BEHIND_HINT}")


def left_behind_label(code: str) -> str:
    return LEFT_BEHIND_TYPES.get(code, code or "")


# --- relations ----------------------------------------------------------------------------------------------

_RELATION_WORDS: Final[dict[str, str]] = {
    **{r: r for r in RELATIONS},
    **dict.fromkeys(("爷爷", "祖父亲", "grandfather"), "祖父"),
    **dict.fromkeys(("奶奶", "祖母亲", "grandmother"), "祖母"),
    **dict.fromkeys(("外公", "姥爷", "外祖父亲"), "外祖父"),
    **dict.fromkeys(("外婆", "姥姥", "外祖母亲"), "外祖母"),
    **dict.fromkeys(("爸爸", "父", "爸", "father"), "父亲"),
    **dict.fromkeys(("妈妈", "母", "妈", "mother"), "母亲"),
    **dict.fromkeys(("哥哥", "姐姐", "兄", "姐", "哥", "兄长", "堂哥", "堂姐", "表哥", "表姐"), "兄姐"),
    **dict.fromkeys(
        (
            "叔叔",
            "叔父",
            "伯伯",
            "伯父",
            "伯母",
            "婶婶",
            "姑姑",
            "姑妈",
            "姑父",
            "舅舅",
            "舅妈",
            "姨妈",
            "姨父",
            "阿姨",
            "小姨",
            "亲戚",
            "亲属",
        ),
        "其他亲属",
    ),
    **dict.fromkeys(("邻居", "老师", "朋友", "寄养家庭", "其它"), "其他"),
}


def parse_relation(value: object) -> str:
    """``奶奶`` → ``祖母``, ``外婆`` → ``外祖母``, ``叔叔`` → ``其他亲属`` (see ``RELATIONS``)."""
    key = _compact(value).removeprefix("孩子的").removeprefix("儿童的")
    if key in _RELATION_WORDS:
        return _RELATION_WORDS[key]
    raise FieldError(f"无法识别（{_shown(value)}），请写 {'、'.join(RELATIONS[:7])} 或 其他")


_NAME_WITH_RELATION = re.compile(r"^(?P<name>.+?)\s*[(（](?P<relation>[^()（）]+)[)）]$")


def split_name_relation(text: str) -> tuple[str, str | None]:
    """``王奶奶（祖母）`` → (``王奶奶``, ``祖母``), as the roster export writes a guardian; otherwise (text, None)."""
    match = _NAME_WITH_RELATION.match(clean_name(text))
    if match:
        try:
            return match["name"].strip(), parse_relation(match["relation"])
        except FieldError:
            pass
    return clean_name(text), None


# --- phones -------------------------------------------------------------------------------------------------

_PHONE_CHARS = re.compile(r"[\s\-()（）.]")
_PHONE_HINT: Final = "手机号应为以 1 开头的 11 位数字，座机请带区号，如 0774-8881234"


def normalise_phone(value: object) -> str:
    """``138 1234 5678``, ``+86 138-1234-5678``, 13812345678.0 → ``13812345678``; ``(0774)8881234`` → ``0774-8881234``."""
    if isinstance(value, bool):
        raise FieldError(f"不是有效的电话号码（{_shown(value)}），{_PHONE_HINT}")
    text = _nfkc(value)
    if not text:
        return ""
    digits = _PHONE_CHARS.sub("", text)
    if "/" in digits or "、" in digits or "," in digits or ";" in digits:
        raise FieldError(f"只能填写一个号码（{_shown(value)}），其他号码请写在备注里")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (digits.isdigit() and digits.isascii()):
        raise FieldError(f"不是有效的电话号码（{_shown(value)}），{_PHONE_HINT}")
    if digits.startswith("1"):
        if len(digits) == 11 and digits[1] in "3456789":
            return digits
        raise FieldError(f"不是有效的手机号码（{_shown(value)}），{_PHONE_HINT}")
    if digits.startswith("0"):
        # Area codes: 010 and 02X are three digits (local numbers of 8), the rest four (local numbers of 7–8).
        area_len = 3 if digits[1] in "12" else 4
        local = digits[area_len:]
        if len(local) in (7, 8) and local[0] not in "01" and not (area_len == 3 and len(local) != 8):
            return f"{digits[:area_len]}-{local}"
        raise FieldError(f"不是有效的座机号码（{_shown(value)}），{_PHONE_HINT}")
    raise FieldError(f"不是有效的电话号码（{_shown(value)}），{_PHONE_HINT}")


# --- dates and the card barcode -----------------------------------------------------------------------------


def parse_date(value: object) -> dt.date:
    """A date object, or text in the forms the import accepts (2015-3-2, 2015.3.2, 2015年3月2日, 20150302)."""
    # The import's date parser (domain.cells) is the one definition of "a date people write".
    try:
        return Date()(value)
    except CellError as exc:
        raise FieldError(exc.message) from None


def age_on(birth_date: dt.date, today: dt.date) -> int:
    """Completed years (a child born 2017-03-02 is 8 on 2026-03-01 and 9 on 2026-03-02)."""
    return today.year - birth_date.year - ((today.month, today.day) < (birth_date.month, birth_date.day))


_CARD = re.compile(r"^[A-Z0-9][A-Z0-9\-]*$")
CARD_PREFIX: Final = "C"
CARD_DIGITS: Final = 5


def parse_card_barcode(value: object) -> str:
    """A library-card barcode: letters, digits and "-" (upper-cased, full-width folded); ``c00012`` → ``C00012``."""
    text = "".join(_nfkc(value).split()).upper()
    if not text:
        raise FieldError("不能为空")
    if len(text) > CARD_MAX or not _CARD.match(text):
        raise FieldError(f"无效（{_shown(value)}）：只能包含字母、数字和“-”，最多 {CARD_MAX} 个字符")
    return text


def card_number(barcode: str | None) -> int | None:
    """``C00012`` → 12 for an app-assigned card number; any other barcode → None."""
    if not barcode or not barcode.startswith(CARD_PREFIX):
        return None
    rest = barcode[len(CARD_PREFIX) :]
    return int(rest) if len(rest) == CARD_DIGITS and rest.isdigit() and rest.isascii() else None


def make_card_barcode(number: int) -> str:
    if not 0 < number < 10**CARD_DIGITS:
        raise ValidationError("借书证号已用完（C00001–C99999）。请联系管理员。")
    return f"{CARD_PREFIX}{number:0{CARD_DIGITS}d}"


# --- inputs -------------------------------------------------------------------------------------------------

#: Chinese label of each ChildInput field, for messages and audit summaries.
CHILD_LABELS: Final[dict[str, str]] = {
    "name": "姓名",
    "gender": "性别",
    "birth_date": "出生日期",
    "grade": "年级",
    "class_name": "班级",
    "school": "学校",
    "village": "村/组",
    "address": "家庭住址",
    "left_behind_type": "留守类型",
    "father_work_city": "父亲务工地",
    "father_phone": "父亲电话",
    "mother_work_city": "母亲务工地",
    "mother_phone": "母亲电话",
    "health_notes": "健康状况",
    "allergy_notes": "过敏",
    "special_attention": "重点关注",
    "card_barcode": "借书证号",
    "status": "状态",
    "enrolled_on": "登记日期",
    "left_on": "离开日期",
    "notes": "备注",
}


class _Problems:
    """Collects ``“label”reason`` lines while a form is checked field by field."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def add(self, label: str, reason: str) -> None:
        self.lines.append(f"“{label}”{reason}")

    def parse(self, label: str, parser: Any, value: object, default: Any) -> Any:
        try:
            return parser(value)
        except FieldError as exc:
            self.add(label, exc.reason)
            return default

    def text(self, label: str, value: object, limit: int, *, note: bool = False) -> str:
        text = clean_note(value) if note else clean_text(value)
        if len(text) > limit:
            self.add(label, f"太长（{len(text)} 个字，最多 {limit} 个字）")
        return text

    def raise_if_any(self, what: str) -> None:
        if self.lines:
            raise ValidationError(f"{what}有误：" + " ".join(self.lines), self.lines)


def _is_blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _optional(problems: _Problems, label: str, parser: Any, value: object, default: Any) -> Any:
    return default if _is_blank(value) else problems.parse(label, parser, value, default)


def _bool(value: object) -> bool:
    if isinstance(value, bool):
        return value
    key = _compact(value)
    if key in ("是", "有", "y", "yes", "true", "1", "√"):
        return True
    if key in ("否", "无", "n", "no", "false", "0", "", "×"):
        return False
    raise FieldError(f"只能填写 是 或 否（{_shown(value)}）")


@dataclass(frozen=True)
class ChildInput:
    """A child's profile as a form or an import row gives it. ``validated()`` returns the cleaned, canonical copy
    (codes for gender/left-behind/status, an int grade, a date, normalised phones and class name)."""

    name: str
    gender: str = ""
    birth_date: dt.date | str | None = None
    grade: int | str | None = None
    class_name: str = ""
    school: str = ""
    village: str = ""
    address: str = ""
    left_behind_type: str = NOT_LEFT_BEHIND
    father_work_city: str = ""
    father_phone: str = ""
    mother_work_city: str = ""
    mother_phone: str = ""
    health_notes: str = ""
    allergy_notes: str = ""
    special_attention: bool | str = False
    card_barcode: str | None = None
    status: str = ACTIVE
    enrolled_on: dt.date | str | None = None
    left_on: dt.date | str | None = None
    notes: str = ""

    def validated(self, today: dt.date | None = None) -> ChildInput:
        """The cleaned copy, or one ValidationError listing every problem."""
        today = today or dt.date.today()
        p = _Problems()
        name = clean_name(self.name)
        if not name:
            p.add("姓名", "不能为空")
        elif len(name) > NAME_MAX:
            p.add("姓名", f"太长（{len(name)} 个字，最多 {NAME_MAX} 个字）")
        elif not any(ch.isalpha() for ch in name):
            p.add("姓名", f"不像是姓名（{_shown(name)}）")
        gender = _optional(p, "性别", parse_gender, self.gender, "")
        status = _optional(p, "状态", parse_status, self.status, ACTIVE)
        birth = _optional(p, "出生日期", parse_date, self.birth_date, None)
        if birth is not None:
            if birth > today:
                p.add("出生日期", f"不能晚于今天（{birth.isoformat()}）")
            else:
                age = age_on(birth, today)
                if age < AGE_MIN:
                    p.add("出生日期", f"表示儿童还不到 {AGE_MIN} 岁（{birth.isoformat()}），请核对")
                elif age > AGE_MAX and status == ACTIVE:
                    p.add(
                        "出生日期", f"表示儿童已满 {age} 岁（{birth.isoformat()}），超过 {AGE_MAX} 岁，请核对"
                    )
        grade = _optional(p, "年级", parse_grade, self.grade, None)
        class_name = p.text("班级", self.class_name, CLASS_MAX)
        stated = class_grade(class_name)
        if grade is None and stated is not None:
            grade = stated  # "三年级2班" says the grade; the form need not repeat it
        elif grade is not None and stated is not None and stated != grade:
            p.add("班级", f"“{class_name}”与年级“{grade_label(grade)}”不一致")
        class_name = normalise_class_name(class_name, grade)
        left_behind = _optional(p, "留守类型", parse_left_behind, self.left_behind_type, NOT_LEFT_BEHIND)
        father_phone = _optional(p, "父亲电话", normalise_phone, self.father_phone, "")
        mother_phone = _optional(p, "母亲电话", normalise_phone, self.mother_phone, "")
        card = _optional(p, "借书证号", parse_card_barcode, self.card_barcode, None)
        special = _optional(p, "重点关注", _bool, self.special_attention, False)
        enrolled = _optional(p, "登记日期", parse_date, self.enrolled_on, None)
        left_on = _optional(p, "离开日期", parse_date, self.left_on, None)
        for label, day in (("登记日期", enrolled), ("离开日期", left_on)):
            if day is not None and day > today:
                p.add(label, f"不能晚于今天（{day.isoformat()}）")
            if day is not None and birth is not None and day < birth:
                p.add(label, f"不能早于出生日期（{day.isoformat()}）")
        if status == ACTIVE:
            left_on = None  # a child back on the roster has no leaving date
        cleaned = dataclasses.replace(
            self,
            name=name,
            gender=gender,
            birth_date=birth,
            grade=grade,
            class_name=class_name,
            school=p.text("学校", self.school, SCHOOL_MAX),
            village=p.text("村/组", self.village, VILLAGE_MAX),
            address=p.text("家庭住址", self.address, ADDRESS_MAX),
            left_behind_type=left_behind,
            father_work_city=p.text("父亲务工地", self.father_work_city, CITY_MAX),
            father_phone=father_phone,
            mother_work_city=p.text("母亲务工地", self.mother_work_city, CITY_MAX),
            mother_phone=mother_phone,
            health_notes=p.text("健康状况", self.health_notes, NOTE_MAX, note=True),
            allergy_notes=p.text("过敏", self.allergy_notes, NOTE_MAX, note=True),
            special_attention=special,
            card_barcode=card,
            status=status,
            enrolled_on=enrolled,
            left_on=left_on,
            notes=p.text("备注", self.notes, NOTE_MAX, note=True),
        )
        p.raise_if_any("儿童信息")
        return cleaned

    def values(self) -> dict[str, Any]:
        """The fields as a dict (call on a validated input)."""
        return dataclasses.asdict(self)

    @classmethod
    def from_values(cls, values: Mapping[str, Any]) -> ChildInput:
        """Build from a dict with (a subset of) the field names; unknown keys are ignored."""
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in names})


def _guardian_age(value: object) -> int:
    if isinstance(value, bool):
        raise FieldError(f"不是有效的年龄（{_shown(value)}）")
    text = _nfkc(value).removesuffix("岁")
    if not text.isdigit():
        raise FieldError(f"不是有效的年龄（{_shown(value)}）")
    age = int(text)
    low, high = GUARDIAN_AGE_RANGE
    if not low <= age <= high:
        raise FieldError(f"应在 {low} 到 {high} 岁之间（{_shown(value)}）")
    return age


@dataclass(frozen=True)
class GuardianInput:
    """A guardian (监护人), usually a grandparent: name required; relation, phone, age, health, literacy optional."""

    name: str
    relation: str = ""
    phone: str = ""
    age: int | str | None = None
    health: str = ""
    literacy: str = ""
    is_primary: bool = False

    def validated(self) -> GuardianInput:
        p = _Problems()
        name = clean_name(self.name)
        if not name:
            p.add("监护人姓名", "不能为空")
        elif len(name) > NAME_MAX:
            p.add("监护人姓名", f"太长（{len(name)} 个字，最多 {NAME_MAX} 个字）")
        cleaned = dataclasses.replace(
            self,
            name=name,
            relation=_optional(p, "与儿童关系", parse_relation, self.relation, ""),
            phone=_optional(p, "监护人电话", normalise_phone, self.phone, ""),
            age=_optional(p, "监护人年龄", _guardian_age, self.age, None),
            health=p.text("监护人健康状况", self.health, GUARDIAN_HEALTH_MAX),
            literacy=p.text("文化程度", self.literacy, LITERACY_MAX),
            is_primary=bool(self.is_primary),
        )
        p.raise_if_any("监护人信息")
        return cleaned

    def values(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class PickupInput:
    """Someone allowed to collect the child at check-out (接送人)."""

    name: str
    relation: str = ""
    phone: str = ""

    def validated(self) -> PickupInput:
        p = _Problems()
        name = clean_name(self.name)
        if not name:
            p.add("接送人姓名", "不能为空")
        elif len(name) > NAME_MAX:
            p.add("接送人姓名", f"太长（{len(name)} 个字，最多 {NAME_MAX} 个字）")
        cleaned = dataclasses.replace(
            self,
            name=name,
            relation=_optional(p, "与儿童关系", parse_relation, self.relation, ""),
            phone=_optional(p, "接送人电话", normalise_phone, self.phone, ""),
        )
        p.raise_if_any("接送人信息")
        return cleaned

    def values(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def parse_follow_up_method(value: object) -> str:
    key = _compact(value)
    for code, label in FOLLOW_UP_METHODS.items():
        if key in (code, label):
            return code
    aliases = {
        "电话回访": FollowUpMethod.PHONE,
        "打电话": FollowUpMethod.PHONE,
        "上门": FollowUpMethod.HOME_VISIT,
        "入户": FollowUpMethod.HOME_VISIT,
        "学校": FollowUpMethod.SCHOOL,
    }
    if key in aliases:
        return aliases[key]
    raise FieldError(f"只能填写 {'、'.join(FOLLOW_UP_METHODS.values())}（{_shown(value)}）")


@dataclass(frozen=True)
class FollowUpInput:
    """A social worker's follow-up (回访): when, how, why, what was said, what came of it (a note or an outcome is
    needed), what next. The one rule set for every follow-up (``services.early_warning.record_follow_up``)."""

    on_date: dt.date | str
    method: str = FollowUpMethod.PHONE
    reason: str = ""
    note: str = ""
    outcome: str = ""
    next_step: str = ""
    resolved: bool = True

    def validated(self, today: dt.date | None = None) -> FollowUpInput:
        today = today or dt.date.today()
        p = _Problems()
        on_date: dt.date | None = None
        if _is_blank(self.on_date):
            p.add("回访日期", "不能为空")
        else:
            on_date = p.parse("回访日期", parse_date, self.on_date, None)
        if on_date is not None and on_date > today:
            p.add("回访日期", f"不能晚于今天（{on_date.isoformat()}）")
        cleaned = dataclasses.replace(
            self,
            on_date=on_date or today,
            method=_optional(p, "回访方式", parse_follow_up_method, self.method, FollowUpMethod.PHONE),
            reason=p.text("回访原因", self.reason, FOLLOW_UP_REASON_MAX),
            note=p.text("回访内容", self.note, NOTE_MAX, note=True),
            outcome=p.text("回访结果", self.outcome, NOTE_MAX, note=True),
            next_step=p.text("下一步", self.next_step, NOTE_MAX, note=True),
            resolved=bool(self.resolved),
        )
        if not cleaned.note and not cleaned.outcome:
            p.lines.append("请填写回访内容或结果。")
        p.raise_if_any("回访记录")
        return cleaned

    def values(self) -> dict[str, Any]:
        return dataclasses.asdict(self)
