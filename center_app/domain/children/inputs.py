"""The validated inputs the children service writes: a child's profile, a guardian, a pick-up person, a follow-up.
``validated()`` collects *every* problem of a form into one ``ValidationError``."""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Final

from center_app.domain.children.fields import (
    age_on,
    normalise_phone,
    parse_card_barcode,
    parse_date,
    parse_gender,
    parse_left_behind,
    parse_relation,
    parse_status,
)
from center_app.domain.children.grades import class_grade, grade_label, normalise_class_name, parse_grade
from center_app.domain.children.vocabulary import (
    ACTIVE,
    ADDRESS_MAX,
    AGE_MAX,
    AGE_MIN,
    CITY_MAX,
    CLASS_MAX,
    FOLLOW_UP_METHODS,
    FOLLOW_UP_REASON_MAX,
    GUARDIAN_AGE_RANGE,
    GUARDIAN_HEALTH_MAX,
    LITERACY_MAX,
    NAME_MAX,
    NOT_LEFT_BEHIND,
    NOTE_MAX,
    SCHOOL_MAX,
    VILLAGE_MAX,
    FieldError,
    clean_name,
    clean_note,
    clean_text,
    compact_text,
    nfkc,
    shown,
)
from center_app.domain.errors import ValidationError
from center_app.domain.states import FollowUpMethod

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
    "photo_consent": "同意拍照",
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
    key = compact_text(value)
    if key in ("是", "有", "y", "yes", "true", "1", "√"):
        return True
    if key in ("否", "无", "n", "no", "false", "0", "", "×"):
        return False
    raise FieldError(f"只能填写 是 或 否（{shown(value)}）")


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
    photo_consent: bool | str = False  # a guardian agreed that photos showing the child may be printed
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
            p.add("姓名", f"不像是姓名（{shown(name)}）")
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
        consent = _optional(p, "同意拍照", _bool, self.photo_consent, False)
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
            photo_consent=consent,
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
        raise FieldError(f"不是有效的年龄（{shown(value)}）")
    text = nfkc(value).removesuffix("岁")
    if not text.isdigit():
        raise FieldError(f"不是有效的年龄（{shown(value)}）")
    age = int(text)
    low, high = GUARDIAN_AGE_RANGE
    if not low <= age <= high:
        raise FieldError(f"应在 {low} 到 {high} 岁之间（{shown(value)}）")
    return age


def _person_name(p: _Problems, label: str, raw: str) -> str:
    """A guardian's or pick-up person's name, cleaned; its problem (empty, too long) noted under ``label``."""
    name = clean_name(raw)
    if not name:
        p.add(label, "不能为空")
    elif len(name) > NAME_MAX:
        p.add(label, f"太长（{len(name)} 个字，最多 {NAME_MAX} 个字）")
    return name


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
        name = _person_name(p, "监护人姓名", self.name)
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
        name = _person_name(p, "接送人姓名", self.name)
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
    key = compact_text(value)
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
    raise FieldError(f"只能填写 {'、'.join(FOLLOW_UP_METHODS.values())}（{shown(value)}）")


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
