"""Grades and classes (``三（2）班`` → ``三年级2班``, the class a promotion moves to), and the roll: who is on it
on a day, and the order of a paper register."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any, Final

from center_app.domain.children.vocabulary import (
    ACTIVE,
    BRACKETS,
    GRADE_MAX,
    GRADE_MIN,
    GRADES,
    FieldError,
    clean_text,
    cn_number,
    compact_text,
    shown,
)
from center_app.domain.pinyin import pinyin_keys

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
        raise FieldError(f"不是有效的年级（{shown(value)}），{_GRADE_HINT}")
    if isinstance(value, int) and not isinstance(value, bool):
        number: int | None = value
    elif isinstance(value, float):
        if not value.is_integer():
            raise FieldError(f"不是有效的年级（{shown(value)}），{_GRADE_HINT}")
        number = int(value)
    else:
        text = compact_text(value)
        if text in _PRESCHOOL_WORDS:
            return 0
        junior = _JUNIOR_TEXT.match(text)
        plain = _GRADE_TEXT.match(text)
        if junior:
            number = 6 + (cn_number(junior[1]) or 0)
        elif plain:
            number = cn_number(plain[1])
        else:
            if text.startswith("高") or text.startswith("大学"):
                raise FieldError(f"超出范围（{shown(value)}）：儿童之家登记学前班到初三的儿童")
            raise FieldError(f"不是有效的年级（{shown(value)}），{_GRADE_HINT}")
    if number is None or not GRADE_MIN <= number <= GRADE_MAX:
        raise FieldError(f"不是有效的年级（{shown(value)}），{_GRADE_HINT}")
    return number


# A class name that carries its grade: 三年级2班, 3年级(2)班, 三(2)班, 初一2班, 七年级2班, 学前1班; or just 2班 / 2.
_GRADE_PART = r"学前|小学[一二三四五六1-6]年级|[一二三四五六七八九]年级|[1-9]年级|初中?[一二三1-3](?:年级)?|[一二三四五六七八九1-9](?=[(])"
_CLASS_TEXT = re.compile(
    rf"^(?P<grade>{_GRADE_PART})?\(?(?P<number>\d{{1,2}}|[一二三四五六七八九十]{{1,3}})\)?(?:班)?$"
)


def class_name_for(grade: int, number: int) -> str:
    """``(3, 2)`` → ``三年级2班``; ``(0, 1)`` → ``学前1班``; ``(7, 2)`` → ``初一2班``."""
    prefix = "学前" if grade == 0 else grade_label(grade)
    return f"{prefix}{number}班"


def parse_class_name(text: str) -> tuple[int | None, int | None]:
    """(grade, class number) a class name states: ``三年级2班`` → (3, 2), ``三年级`` → (3, None) (one class per
    grade, as in many village schools), ``2班`` → (None, 2), ``彩虹班`` → (None, None)."""
    compact = compact_text(text).translate(BRACKETS)
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
    number = cn_number(match["number"])
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
