"""Volunteers' rules: what a volunteer's record must say, their weekly availability written as people write it
(``周一至周五 16:00-18:00；周六 09:00-12:00``), and service-hour arithmetic. Pure: no Qt, no SQLAlchemy.

**Availability** is a set of weekly windows (``timetable.Window``) plus the service dates on the record (start and
end). In a spreadsheet and on the form it is one line of text: segments separated by ``；`` (or ``;`` or a line
break), each a set of weekdays (``周一至周五``, ``周一、周三``, ``每天``, ``工作日``, ``周末``) and one or more time
ranges. ``format_availability`` writes the same text back, so export → import changes nothing.

**Hours** are whole minutes (``service_hours.minutes``), summed as integers; only the display rounds:
``hours_text(2790)`` is ``46 小时 30 分钟``, ``hours_decimal(2790)`` is ``46.50`` for a spreadsheet. Signed time is
the whole minutes between sign-in and sign-out (seconds dropped); at most 16 hours in one sitting.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any, Final

from center_app.domain.children.fields import normalise_phone, parse_date, parse_gender
from center_app.domain.children.vocabulary import FieldError, clean_name, clean_note, clean_text, shown
from center_app.domain.errors import ValidationError
from center_app.domain.states import VolunteerKind
from center_app.domain.timetable import WEEKDAY_LABELS, Window, hm, parse_time

NAME_MAX: Final = 50
ORGANISATION_MAX: Final = 200
SUBJECTS_MAX: Final = 200
SKILLS_MAX: Final = 200
NOTE_MAX: Final = 2000
MAX_WINDOWS: Final = 21
MAX_SIGNED_MINUTES: Final = 16 * 60
MAX_HOURS_ENTRY_MINUTES: Final = 24 * 60

KIND_LABELS: Final[dict[str, str]] = {
    VolunteerKind.LOCAL: "本地教师",
    VolunteerKind.SOCIAL_WORK: "社工",
    VolunteerKind.STUDENT: "大学生",
    VolunteerKind.OTHER: "其他",
}
_KIND_WORDS: Final[dict[str, str]] = {
    **{v.value: v for v in VolunteerKind},
    **{label: value for value, label in KIND_LABELS.items()},
    "教师": VolunteerKind.LOCAL,
    "老师": VolunteerKind.LOCAL,
    "本地老师": VolunteerKind.LOCAL,
    "社会工作者": VolunteerKind.SOCIAL_WORK,
    "社工志愿者": VolunteerKind.SOCIAL_WORK,
    "学生": VolunteerKind.STUDENT,
    "大学生志愿者": VolunteerKind.STUDENT,
    "支教学生": VolunteerKind.STUDENT,
    "研究生": VolunteerKind.STUDENT,
}
STATUS_LABELS: Final[dict[bool, str]] = {True: "在岗", False: "已停用"}


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind or "其他")


def parse_kind(value: object) -> str:
    key = "".join(unicodedata.normalize("NFKC", str(value or "")).casefold().split())
    if not key:
        return VolunteerKind.OTHER
    found = _KIND_WORDS.get(key)
    if found is None:
        raise FieldError(f"只能填写 {'、'.join(KIND_LABELS.values())}（{shown(value)}）")
    return found


# --- availability ------------------------------------------------------------------------------------------------

_RANGE = re.compile(
    r"(\d{1,2}(?:[:：.点时]\d{0,2}分?)?)\s*(?:-|–|—|~|～|至|到)\s*(\d{1,2}(?:[:：.点时]\d{0,2}分?)?)"
)
_DAY = {"一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7, "七": 7}
_WORDS: Final[dict[str, tuple[int, ...]]] = {
    "每天": (1, 2, 3, 4, 5, 6, 7),
    "每日": (1, 2, 3, 4, 5, 6, 7),
    "全周": (1, 2, 3, 4, 5, 6, 7),
    "天天": (1, 2, 3, 4, 5, 6, 7),
    "工作日": (1, 2, 3, 4, 5),
    "周末": (6, 7),
    "双休日": (6, 7),
}
_SEGMENTS = re.compile(r"[;；\n\r]+")


def _weekdays(text: str, original: str) -> tuple[int, ...]:
    spec = text.replace("星期", "周").replace("礼拜", "周")
    spec = re.sub(r"[\s,，、/和及]+", " ", spec).strip()
    if not spec:
        raise FieldError(f"没有写星期几（{shown(original)}），例如“周一至周五 16:00-18:00”")
    days: list[int] = []
    for part in spec.split():
        if part in _WORDS:
            days.extend(_WORDS[part])
            continue
        match = re.fullmatch(
            r"周([一二三四五六日天七])(?:(?:至|到|-|–|—|~|～)周?([一二三四五六日天七]))?", part
        )
        if match is None:
            raise FieldError(f"看不懂星期“{part}”（{shown(original)}），请写成“周一至周五”或“周一、周三”")
        first = _DAY[match[1]]
        last = _DAY[match[2]] if match[2] else first
        if last < first:
            raise FieldError(f"星期范围“{part}”前后颠倒（{shown(original)}）")
        days.extend(range(first, last + 1))
    return tuple(sorted(set(days)))


def parse_availability(value: object) -> tuple[Window, ...]:
    """``周一至周五 16:00-18:00；周六 09:00-12:00`` → windows; blank → none (free any time). FieldError else."""
    if isinstance(value, tuple | list):
        return tuple(value)
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return ()
    windows: list[Window] = []
    for segment in _SEGMENTS.split(text):
        segment = segment.strip()
        if not segment:
            continue
        ranges = list(_RANGE.finditer(segment))
        if not ranges:
            raise FieldError(f"没有写时间段（{shown(segment)}），例如“周六 09:00-12:00”")
        days = _weekdays(_RANGE.sub(" ", segment), segment)
        for match in ranges:
            try:
                start, end = parse_time(match[1]), parse_time(match[2])
            except ValidationError:
                raise FieldError(f"时间段“{match[0]}”看不懂，请写成 16:00-18:00") from None
            if end != dt.time(0) and end <= start:
                raise FieldError(f"时间段“{match[0]}”的结束时间应晚于开始时间")
            windows.extend(Window(day, start, end) for day in days)
    unique = tuple(dict.fromkeys(windows))
    if len(unique) > MAX_WINDOWS:
        raise FieldError(f"时间段太多（{len(unique)} 个，最多 {MAX_WINDOWS} 个）")
    return tuple(sorted(unique, key=lambda w: (w.weekday, w.start, w.end)))


def _days_text(days: Sequence[int]) -> str:
    ordered = sorted(days)
    if ordered == [1, 2, 3, 4, 5, 6, 7]:
        return "每天"
    runs: list[list[int]] = []
    for day in ordered:
        if runs and day == runs[-1][-1] + 1:
            runs[-1].append(day)
        else:
            runs.append([day])
    parts = []
    for run in runs:
        if len(run) >= 3:
            parts.append(f"{WEEKDAY_LABELS[run[0]]}至{WEEKDAY_LABELS[run[-1]]}")
        else:
            parts.extend(WEEKDAY_LABELS[d] for d in run)
    return "、".join(parts)


def format_availability(windows: Iterable[Window]) -> str:
    """The windows as one line (``周一至周五 16:00-18:00；周六 09:00-12:00``); what ``parse_availability`` reads."""
    by_time: dict[tuple[dt.time, dt.time], list[int]] = {}
    for w in windows:
        by_time.setdefault((w.start, w.end), []).append(w.weekday)
    groups: dict[tuple[int, ...], list[tuple[dt.time, dt.time]]] = {}
    for times, days in by_time.items():
        groups.setdefault(tuple(sorted(set(days))), []).append(times)
    parts = []
    for weekdays, spans in sorted(groups.items(), key=lambda item: (item[0][0], min(item[1]))):
        ranges = " ".join(f"{hm(a)}-{'24:00' if b == dt.time(0) else hm(b)}" for a, b in sorted(spans))
        parts.append(f"{_days_text(weekdays)} {ranges}")
    return "；".join(parts)


# --- a volunteer's record ------------------------------------------------------------------------------------------

LABELS: Final[dict[str, str]] = {
    "name": "姓名",
    "gender": "性别",
    "phone": "电话",
    "organisation": "单位/学校",
    "kind": "类别",
    "subjects": "任教科目",
    "skills": "特长",
    "start_on": "服务开始",
    "end_on": "服务结束",
    "availability": "空闲时间",
    "notes": "备注",
}


@dataclass(frozen=True)
class VolunteerInput:
    """A volunteer's record as a form or an import row gives it; ``validated()`` returns the cleaned copy
    (a kind code, a normalised phone, dates, availability as windows) or raises one ValidationError listing all."""

    name: str
    organisation: str = ""
    phone: str = ""
    kind: str = VolunteerKind.OTHER
    gender: str = ""
    subjects: str = ""
    skills: str = ""
    start_on: dt.date | str | None = None
    end_on: dt.date | str | None = None
    availability: str | tuple[Window, ...] = field(default=())
    notes: str = ""

    def validated(self) -> VolunteerInput:
        problems: list[str] = []

        def check(label: str, parse: Any, value: object, default: Any) -> Any:
            if value is None or (isinstance(value, str) and not value.strip()):
                return default
            try:
                return parse(value)
            except FieldError as exc:
                problems.append(f"“{label}”{exc.reason}")
                return default

        def text(label: str, value: object, limit: int, *, note: bool = False) -> str:
            cleaned = clean_note(value) if note else clean_text(value)
            if len(cleaned) > limit:
                problems.append(f"“{label}”太长（{len(cleaned)} 个字，最多 {limit} 个字）")
            return cleaned

        name = clean_name(self.name)
        if not name:
            problems.append("“姓名”不能为空")
        elif len(name) > NAME_MAX:
            problems.append(f"“姓名”太长（最多 {NAME_MAX} 个字）")
        start_on = check("服务开始", parse_date, self.start_on, None)
        end_on = check("服务结束", parse_date, self.end_on, None)
        if start_on is not None and end_on is not None and end_on < start_on:
            problems.append("“服务结束”不能早于“服务开始”")
        cleaned = VolunteerInput(
            name=name,
            organisation=text("单位/学校", self.organisation, ORGANISATION_MAX),
            phone=check("电话", normalise_phone, self.phone, ""),
            kind=check("类别", parse_kind, self.kind, VolunteerKind.OTHER),
            gender=check("性别", parse_gender, self.gender, ""),
            subjects=_list_text(text("任教科目", self.subjects, SUBJECTS_MAX)),
            skills=_list_text(text("特长", self.skills, SKILLS_MAX)),
            start_on=start_on,
            end_on=end_on,
            availability=check("空闲时间", parse_availability, self.availability, ()),
            notes=text("备注", self.notes, NOTE_MAX, note=True),
        )
        if problems:
            raise ValidationError("志愿者信息有误：" + " ".join(problems), problems)
        return cleaned

    @property
    def windows(self) -> tuple[Window, ...]:
        """The availability once validated (a tuple of windows)."""
        return (
            self.availability
            if isinstance(self.availability, tuple)
            else parse_availability(self.availability)
        )


def _list_text(text: str) -> str:
    """``语文, 阅读 ,数学`` → ``语文、阅读、数学``: one separator, so search and export agree."""
    parts = [p for p in re.split(r"[,，、;；/]+", text) if p.strip()]
    return "、".join(p.strip() for p in parts)


# --- hours --------------------------------------------------------------------------------------------------------


def signed_minutes(signed_in: dt.datetime, signed_out: dt.datetime) -> int:
    """Whole minutes between sign-in and sign-out; ValidationError when out is not after in or too long."""
    seconds = (signed_out - signed_in).total_seconds()
    if seconds <= 0:
        raise ValidationError(
            f"签退时间 {signed_out:%H:%M} 应晚于签到时间 {signed_in:%H:%M}。请检查后再签退，或请社工按计划时间确认。"
        )
    minutes = int(seconds // 60)
    if minutes > MAX_SIGNED_MINUTES:
        raise ValidationError(
            f"签到 {signed_in:%m-%d %H:%M} 到签退 {signed_out:%m-%d %H:%M} 超过 16 小时，可能忘了签退。"
            "请社工按计划时间确认这次服务时长。"
        )
    return minutes


def check_entry_minutes(minutes: int) -> int:
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise ValidationError("服务时长应为大于 0 的分钟数。")
    if minutes > MAX_HOURS_ENTRY_MINUTES:
        raise ValidationError("一条服务时长记录最多 24 小时，请按天分开登记。")
    return minutes


def hours_text(minutes: int) -> str:
    """``46 小时 30 分钟``, ``3 小时``, ``45 分钟``, ``0 小时``."""
    hours, rest = divmod(int(minutes), 60)
    if hours and rest:
        return f"{hours} 小时 {rest} 分钟"
    if rest:
        return f"{rest} 分钟"
    return f"{hours} 小时"


def hours_decimal(minutes: int) -> Decimal:
    """Hours to two decimals, half up (``2790`` → ``46.50``; ``50`` → ``0.83``): for spreadsheets only."""
    return (Decimal(int(minutes)) / Decimal(60)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
