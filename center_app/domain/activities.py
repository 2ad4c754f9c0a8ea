"""Activities (活动记录): the rules of a held session's record and of its photos. Pure: no Qt, no SQLAlchemy.

An activity is one session that was held — a reading hour, an art class, a summer camp's show — with its date and
time, kind, title, the volunteers who led it (lead first), a description and the teacher's reflection (教学反思).
Who attended comes from its roll call and what equipment it used from the equipment loans made to it; the
service reads those, this module only checks what a form gives.

**Photos and consent.** A photo lists the children in it. It may be printed only when someone has said who is in
it (``children_checked``) and every child in it has a guardian's photo consent on file (``child.photo_consent``):
:func:`photo_verdict` says so, and why not. An unchecked photo is not printed either — a photo nobody looked at
might show a child without consent, so "not checked" fails closed like "no consent".
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from center_app.domain.errors import ValidationError
from center_app.domain.states import ActivityKind

TITLE_MAX: Final = 200
TEXT_MAX: Final = 4000  # description, reflection
CAPTION_MAX: Final = 200
VOLUNTEERS_MAX: Final = 20

KIND_LABELS: Final[dict[str, str]] = {
    ActivityKind.READING: "阅读",
    ActivityKind.ART: "美术",
    ActivityKind.SPORTS: "体育",
    ActivityKind.MUSIC: "音乐",
    ActivityKind.HOMEWORK: "作业辅导",
    ActivityKind.PSYCHOLOGY: "心理",
    ActivityKind.SAFETY: "安全教育",
    ActivityKind.OTHER: "其他",
}

ROLE_LEAD: Final = "lead"
ROLE_ASSISTANT: Final = "assistant"


def kind_label(kind: str) -> str:
    return KIND_LABELS.get(kind, kind or "其他")


def parse_kind(value: object) -> ActivityKind:
    """A kind's code (``art``) or its Chinese label (``美术``); blank is 其他."""
    text = unicodedata.normalize("NFKC", str(value or "")).strip()
    if not text:
        return ActivityKind.OTHER
    for kind in ActivityKind:
        if text.lower() == kind.value or text == KIND_LABELS[kind]:
            return kind
    raise ValidationError(f"“类型”只能是 {'、'.join(KIND_LABELS.values())} 之一（不是“{text}”）。")


_TIME = re.compile(r"^(\d{1,2})\s*[:：.]\s*(\d{2})$")


def parse_time(value: object, label: str) -> dt.time | None:
    """``15:30`` / ``15：30`` / a ``time`` → a time; blank → None."""
    if value is None or isinstance(value, dt.time):
        return value
    text = unicodedata.normalize("NFKC", str(value)).strip()
    if not text:
        return None
    match = _TIME.match(text)
    if match is None or int(match.group(1)) > 23 or int(match.group(2)) > 59:
        raise ValidationError(f"“{label}”应写成 时:分，如 15:30（不是“{text}”）。")
    return dt.time(int(match.group(1)), int(match.group(2)))


def one_line(text: object) -> str:
    """Spaces (a full-width one too) collapsed, nothing else changed: "：" and "《》" stay as typed."""
    return " ".join(str(text or "").split())


def clean_text(text: object) -> str:
    """A note typed in a box: line ends kept, trailing spaces and blank lines at the ends dropped."""
    lines = [line.rstrip() for line in str(text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    return "\n".join(lines).strip("\n").strip()


def time_range_text(start: dt.time | None, end: dt.time | None) -> str:
    """``15:30–16:30``, ``15:30``, or ``""``."""
    if start is None:
        return ""
    return f"{start:%H:%M}" + (f"–{end:%H:%M}" if end is not None else "")


def date_text(day: dt.date) -> str:
    """2026年11月29日 — as dates are written on paper."""
    return f"{day.year}年{day.month}月{day.day}日"


@dataclass(frozen=True)
class ActivityInput:
    """An activity as the form (or a command) gives it. ``volunteer_ids``: lead first. ``session_id`` +
    ``slot_date``: the timetable occurrence it was held as (the date that occurrence was planned for)."""

    title: str
    on_date: dt.date | None
    kind: str = ActivityKind.OTHER
    start_time: dt.time | str | None = None
    end_time: dt.time | str | None = None
    room_id: int | None = None
    volunteer_ids: tuple[int, ...] = ()
    description: str = ""
    reflection: str = ""
    session_id: int | None = None
    slot_date: dt.date | None = None

    def validated(self, today: dt.date) -> ActivityInput:
        """The cleaned copy, or one ``ValidationError`` listing every problem."""
        problems: list[str] = []
        title = one_line(self.title)
        if not title:
            problems.append("“活动名称”不能为空。")
        elif len(title) > TITLE_MAX:
            problems.append(f"“活动名称”太长（{len(title)} 个字，最多 {TITLE_MAX} 个字）。")
        if self.on_date is None:
            problems.append("请填写活动日期。")
        elif self.on_date > today:
            problems.append(
                f"活动日期不能晚于今天（{date_text(self.on_date)}）：这里记录的是已经开展的活动。"
            )
        kind: str = ActivityKind.OTHER
        try:
            kind = parse_kind(self.kind)
        except ValidationError as exc:
            problems.append(exc.message)
        start = end = None
        try:
            start = parse_time(self.start_time, "开始时间")
        except ValidationError as exc:
            problems.append(exc.message)
        try:
            end = parse_time(self.end_time, "结束时间")
        except ValidationError as exc:
            problems.append(exc.message)
        if end is not None and start is None and not problems:
            problems.append("填了结束时间，请也填写开始时间。")
        if start is not None and end is not None and end <= start:
            problems.append(f"结束时间要晚于开始时间（{start:%H:%M}–{end:%H:%M}）。")
        volunteers = tuple(dict.fromkeys(v for v in self.volunteer_ids if v is not None))
        if len(volunteers) > VOLUNTEERS_MAX:
            problems.append(f"一次活动最多记 {VOLUNTEERS_MAX} 位志愿者。")
        description, reflection = clean_text(self.description), clean_text(self.reflection)
        for label, text in (("活动内容", description), ("活动反思", reflection)):
            if len(text) > TEXT_MAX:
                problems.append(f"“{label}”太长（{len(text)} 个字，最多 {TEXT_MAX} 个字）。")
        if (self.session_id is None) != (self.slot_date is None):
            problems.append("课表上的课次要同时给出课程和它计划的日期。")
        if problems:
            raise ValidationError("活动记录有误，没有保存：" + " ".join(problems), problems)
        return dataclasses.replace(
            self,
            title=title,
            kind=kind,
            start_time=start,
            end_time=end,
            volunteer_ids=volunteers,
            description=description,
            reflection=reflection,
        )


# --- photos and consent ------------------------------------------------------------------------------------------


class PhotoVerdict(StrEnum):
    """Whether a photo may be printed, and if not, why (the report says how many were left out and why)."""

    PRINTABLE = "printable"
    NOT_CHECKED = "not_checked"  # nobody said who is in it
    NO_CONSENT = "no_consent"  # a child in it has no photo consent on file
    MISSING = "missing"  # the file is gone from the data folder


VERDICT_LABELS: Final[dict[str, str]] = {
    PhotoVerdict.PRINTABLE: "可以打印",
    PhotoVerdict.NOT_CHECKED: "还没核对照片里有哪些儿童，不打印",
    PhotoVerdict.NO_CONSENT: "照片里有未获拍照同意的儿童，不打印",
    PhotoVerdict.MISSING: "照片文件找不到了",
}


def photo_verdict(
    children_checked: bool, consents: Iterable[bool], *, file_exists: bool = True
) -> PhotoVerdict:
    """May this photo be printed? Only a photo whose children were checked, each with a photo consent."""
    if not file_exists:
        return PhotoVerdict.MISSING
    if not children_checked:
        return PhotoVerdict.NOT_CHECKED
    if not all(consents):
        return PhotoVerdict.NO_CONSENT
    return PhotoVerdict.PRINTABLE


def clean_caption(text: object) -> str:
    caption = one_line(text)
    if len(caption) > CAPTION_MAX:
        raise ValidationError(f"照片说明太长（{len(caption)} 个字，最多 {CAPTION_MAX} 个字）。")
    return caption
