"""Field parsers: gender, status, left-behind type, relations, phone numbers, dates, the library-card barcode."""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from center_app.domain.cells import CellError, Date
from center_app.domain.children.vocabulary import (
    ACTIVE,
    BOTH,
    BRACKETS,
    CARD_MAX,
    FATHER,
    GENDERS,
    LEFT,
    LEFT_BEHIND_TYPES,
    MOTHER,
    NOT_LEFT_BEHIND,
    RELATIONS,
    FieldError,
    Gender,
    clean_name,
    compact_text,
    nfkc,
    shown,
)
from center_app.domain.errors import ValidationError

# --- gender, status, left-behind type -----------------------------------------------------------------------

_GENDER_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("男", "男生", "男孩", "男童", "m", "male", "boy", "man"), Gender.MALE),
    **dict.fromkeys(("女", "女生", "女孩", "女童", "f", "female", "girl", "woman"), Gender.FEMALE),
}


def parse_gender(value: object) -> str:
    """男/女 (and 男生, M, male…) → ``male``/``female``."""
    key = compact_text(value)
    if key in _GENDER_WORDS:
        return _GENDER_WORDS[key]
    raise FieldError(f"只能填写 男 或 女（{shown(value)}）")


def gender_label(code: str) -> str:
    return GENDERS.get(code, code or "")


_STATUS_WORDS: Final[dict[str, str]] = {
    **dict.fromkeys(("active", "在册", "在读", "在校", "正常", "在中心"), ACTIVE),
    **dict.fromkeys(
        ("left", "已离开", "离开", "已离校", "离校", "转学", "已转学", "毕业", "已毕业", "退出"), LEFT
    ),
}


def parse_status(value: object) -> str:
    key = compact_text(value)
    if key in _STATUS_WORDS:
        return _STATUS_WORDS[key]
    raise FieldError(f"只能填写 在册 或 已离开（{shown(value)}）")


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
    key = compact_text(value).translate(BRACKETS).replace("儿童", "")
    if key in _LEFT_BEHIND_EXACT:
        return _LEFT_BEHIND_EXACT[key]
    if key in _AMBIGUOUS_LEFT_BEHIND:
        raise FieldError(f"没有说明是哪一方外出（{shown(value)}），{LEFT_BEHIND_HINT}")
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
    raise FieldError(f"无法识别（{shown(value)}），{LEFT_BEHIND_HINT}")


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
    key = compact_text(value).removeprefix("孩子的").removeprefix("儿童的")
    if key in _RELATION_WORDS:
        return _RELATION_WORDS[key]
    raise FieldError(f"无法识别（{shown(value)}），请写 {'、'.join(RELATIONS[:7])} 或 其他")


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
        raise FieldError(f"不是有效的电话号码（{shown(value)}），{_PHONE_HINT}")
    text = nfkc(value)
    if not text:
        return ""
    digits = _PHONE_CHARS.sub("", text)
    if "/" in digits or "、" in digits or "," in digits or ";" in digits:
        raise FieldError(f"只能填写一个号码（{shown(value)}），其他号码请写在备注里")
    if digits.startswith("+86"):
        digits = digits[3:]
    elif digits.startswith("0086"):
        digits = digits[4:]
    elif digits.startswith("86") and len(digits) == 13:
        digits = digits[2:]
    if not (digits.isdigit() and digits.isascii()):
        raise FieldError(f"不是有效的电话号码（{shown(value)}），{_PHONE_HINT}")
    if digits.startswith("1"):
        if len(digits) == 11 and digits[1] in "3456789":
            return digits
        raise FieldError(f"不是有效的手机号码（{shown(value)}），{_PHONE_HINT}")
    if digits.startswith("0"):
        # Area codes: 010 and 02X are three digits (local numbers of 8), the rest four (local numbers of 7–8).
        area_len = 3 if digits[1] in "12" else 4
        local = digits[area_len:]
        if len(local) in (7, 8) and local[0] not in "01" and not (area_len == 3 and len(local) != 8):
            return f"{digits[:area_len]}-{local}"
        raise FieldError(f"不是有效的座机号码（{shown(value)}），{_PHONE_HINT}")
    raise FieldError(f"不是有效的电话号码（{shown(value)}），{_PHONE_HINT}")


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
    text = "".join(nfkc(value).split()).upper()
    if not text:
        raise FieldError("不能为空")
    if len(text) > CARD_MAX or not _CARD.match(text):
        raise FieldError(f"无效（{shown(value)}）：只能包含字母、数字和“-”，最多 {CARD_MAX} 个字符")
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
