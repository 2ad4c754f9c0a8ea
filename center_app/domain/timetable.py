"""The timetable's rules: programmes (a term's weekly timetable, a summer programme) and their periods, sessions
that happen once or every week with exceptions, and the clash check. Pure: no Qt, no SQLAlchemy.

**Time.** A session has a start and an end time of day; an end at or before the start means the session ends the
next day (a night watch at summer camp, 21:00–01:00). Each occurrence is expanded to real datetimes, so everything
below compares instants and "across midnight" needs no special case. Intervals are half-open ``[start, end)``:
a session ending at 16:00 and one starting at 16:00 are back to back, not a clash.

**Recurrence.** A weekly session happens on its weekday on every date of its programme (``expand``); a one-off
session on its date. An exception (``Change``) cancels one occurrence or moves it (another date, time or room);
it is keyed by the date the occurrence was planned for, so the occurrence keeps its identity
``(session id, planned date)`` — what service hours and the activities of that day refer to.

**Clashes.** The same volunteer, or the same room, in two occurrences whose intervals overlap (``find_clashes``, a
sweep per volunteer and per room: O(n log n) plus the clashes found). Cancelled occurrences never clash.
**Warnings** (``availability_warnings``) do not block: a volunteer outside the weekly availability they gave, outside
their service dates, or no longer active.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from center_app.domain.errors import ValidationError
from center_app.domain.states import ProgrammeKind, SessionKind

MINUTES_PER_DAY: Final = 24 * 60
MAX_SESSION_MINUTES: Final = 12 * 60  # longer is a typo (09:00–08:00), not a lesson
MAX_PERIODS: Final = 12
TITLE_MAX: Final = 100
GROUP_MAX: Final = 60
PROGRAMME_NAME_MAX: Final = 100
PERIOD_LABEL_MAX: Final = 20
REASON_MAX: Final = 400
MAX_PROGRAMME_DAYS: Final = 400  # a school year and a bit

WEEKDAY_LABELS: Final[dict[int, str]] = {
    1: "周一",
    2: "周二",
    3: "周三",
    4: "周四",
    5: "周五",
    6: "周六",
    7: "周日",
}
PROGRAMME_LABELS: Final[dict[str, str]] = {ProgrammeKind.WEEKLY: "学期课表", ProgrammeKind.SUMMER: "暑期课表"}
SESSION_KIND_LABELS: Final[dict[str, str]] = {
    SessionKind.READING: "阅读",
    SessionKind.HOMEWORK: "作业辅导",
    SessionKind.ART: "美术",
    SessionKind.MUSIC: "音乐",
    SessionKind.SPORTS: "体育",
    SessionKind.OTHER: "其他",
}


def weekday_label(weekday: int) -> str:
    return WEEKDAY_LABELS.get(weekday, "")


def session_kind_label(kind: str) -> str:
    return SESSION_KIND_LABELS.get(kind, kind or "其他")


def programme_kind_label(kind: str) -> str:
    return PROGRAMME_LABELS.get(kind, kind)


# --- times -------------------------------------------------------------------------------------------------------

_TIME = re.compile(r"^(\d{1,2})(?:[:：.点时](\d{1,2})?分?)?$")


def parse_time(value: object) -> dt.time:
    """``16:30``, ``16：30``, ``9:05``, ``16点30``, ``16点``, a ``time``; raises ValidationError otherwise."""
    if isinstance(value, dt.datetime):
        return value.time().replace(second=0, microsecond=0)
    if isinstance(value, dt.time):
        return value.replace(second=0, microsecond=0)
    text = "".join(unicodedata.normalize("NFKC", str(value or "")).split())
    match = _TIME.match(text)
    if match:
        hour, minute = int(match[1]), int(match[2] or 0)
        if hour <= 23 and minute <= 59:
            return dt.time(hour, minute)
        if hour == 24 and minute == 0:
            return dt.time(0)  # "24:00": midnight, the end of the day
    raise ValidationError(f"时间“{text or value}”看不懂，请写成 16:30 这样的格式。")


def hm(value: dt.time) -> str:
    return f"{value.hour:02d}:{value.minute:02d}"


def minute_of(value: dt.time) -> int:
    return value.hour * 60 + value.minute


def duration_minutes(start: dt.time, end: dt.time) -> int:
    """Minutes from ``start`` to ``end``; an end at or before the start is the next day's."""
    minutes = minute_of(end) - minute_of(start)
    return minutes if minutes > 0 else minutes + MINUTES_PER_DAY


def check_times(start: dt.time, end: dt.time) -> list[str]:
    """Problems with a session's times (empty when fine)."""
    if start == end:
        return ["开始时间和结束时间相同"]
    if duration_minutes(start, end) > MAX_SESSION_MINUTES:
        return [
            f"{hm(start)}–{hm(end)} 超过 12 小时，请检查时间"
            "（结束时间早于开始时间表示到第二天，例如晚上 21:00–01:00）"
        ]
    return []


def span(day: dt.date, start: dt.time, end: dt.time) -> tuple[dt.datetime, dt.datetime]:
    """The instants of a session held on ``day`` from ``start`` to ``end`` (the next day's ``end`` if earlier)."""
    begin = dt.datetime.combine(day, start)
    return begin, begin + dt.timedelta(minutes=duration_minutes(start, end))


def monday_of(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.isoweekday() - 1)


def date_label(day: dt.date) -> str:
    """``7月8日（周三）``."""
    return f"{day.month}月{day.day}日（{weekday_label(day.isoweekday())}）"


def time_range_label(start: dt.datetime, end: dt.datetime) -> str:
    """``14:30–16:00``; ``21:00–次日01:00`` across midnight (``23:00–24:00`` when it ends at midnight)."""
    days = (end.date() - start.date()).days
    if days == 0:
        tail = hm(end.time())
    elif days == 1 and end.time() == dt.time(0):
        tail = "24:00"
    else:
        tail = f"次日{hm(end.time())}"
    return f"{hm(start.time())}–{tail}"


def interval_label(start: dt.datetime, end: dt.datetime) -> str:
    """``7月8日（周三）14:30–16:00``."""
    return f"{date_label(start.date())}{time_range_label(start, end)}"


# --- programmes and periods --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Period:
    """One period of the day's grid (第1节 16:30–17:20). Periods lay out the grid; a session may keep any time."""

    number: int
    label: str
    start: dt.time
    end: dt.time

    @property
    def minutes(self) -> int:
        return minute_of(self.end) - minute_of(self.start)


DEFAULT_PERIODS: Final[dict[str, tuple[Period, ...]]] = {
    ProgrammeKind.WEEKLY: (
        Period(1, "上午一", dt.time(9, 0), dt.time(10, 30)),
        Period(2, "上午二", dt.time(10, 40), dt.time(12, 0)),
        Period(3, "下午一", dt.time(14, 30), dt.time(16, 0)),
        Period(4, "放学后一", dt.time(16, 30), dt.time(17, 30)),
        Period(5, "放学后二", dt.time(17, 30), dt.time(18, 20)),
    ),
    ProgrammeKind.SUMMER: (
        Period(1, "上午一", dt.time(8, 30), dt.time(10, 0)),
        Period(2, "上午二", dt.time(10, 20), dt.time(11, 40)),
        Period(3, "下午一", dt.time(14, 30), dt.time(16, 0)),
        Period(4, "下午二", dt.time(16, 20), dt.time(17, 30)),
    ),
}


def check_periods(periods: Sequence[Period]) -> tuple[Period, ...]:
    """The periods in time order and numbered 1…n; ValidationError listing every problem."""
    problems: list[str] = []
    if not periods:
        problems.append("每天至少要有一节")
    if len(periods) > MAX_PERIODS:
        problems.append(f"每天最多 {MAX_PERIODS} 节")
    ordered = sorted(periods, key=lambda p: (p.start, p.end))
    for p in ordered:
        label = " ".join((p.label or "").split())
        if len(label) > PERIOD_LABEL_MAX:
            problems.append(f"节次名称“{label[:20]}…”太长（最多 {PERIOD_LABEL_MAX} 个字）")
        if p.end <= p.start:
            problems.append(
                f"“{label or p.number}”的结束时间 {hm(p.end)} 应晚于开始时间 {hm(p.start)}（节次不跨午夜）"
            )
    for a, b in zip(ordered, ordered[1:], strict=False):
        if b.start < a.end:
            problems.append(
                f"“{a.label}”{hm(a.start)}–{hm(a.end)} 和“{b.label}”{hm(b.start)}–{hm(b.end)} 时间重叠"
            )
    if problems:
        raise ValidationError("节次设置有误：" + "；".join(problems), problems)
    return tuple(
        Period(n, " ".join((p.label or "").split()) or f"第{n}节", p.start, p.end)
        for n, p in enumerate(ordered, start=1)
    )


def check_programme(name: str, kind: str, starts_on: dt.date, ends_on: dt.date) -> str:
    """The cleaned name; ValidationError for a bad name, kind or date range."""
    cleaned = " ".join((name or "").split())
    problems = []
    if not cleaned:
        problems.append("请填写课表名称（如“2026年秋季学期”）")
    elif len(cleaned) > PROGRAMME_NAME_MAX:
        problems.append(f"课表名称太长（最多 {PROGRAMME_NAME_MAX} 个字）")
    if kind not in PROGRAMME_LABELS:
        problems.append(f"课表类型只能是 {'、'.join(PROGRAMME_LABELS.values())}")
    if ends_on < starts_on:
        problems.append("结束日期不能早于开始日期")
    elif (ends_on - starts_on).days > MAX_PROGRAMME_DAYS:
        problems.append(f"一个课表最长 {MAX_PROGRAMME_DAYS} 天，请按学期或暑期分开")
    if problems:
        raise ValidationError("课表有误：" + "；".join(problems), problems)
    return cleaned


def weeks_of(starts_on: dt.date, ends_on: dt.date) -> list[dt.date]:
    """The Mondays of the weeks the programme touches."""
    weeks, monday = [], monday_of(starts_on)
    while monday <= ends_on:
        weeks.append(monday)
        monday += dt.timedelta(days=7)
    return weeks


def periods_of(start: dt.time, end: dt.time, periods: Sequence[Period]) -> tuple[int, ...]:
    """The numbers of the periods a session from ``start`` to ``end`` overlaps (none: it is outside the grid)."""
    a = minute_of(start)
    b = a + duration_minutes(start, end)
    return tuple(p.number for p in periods if minute_of(p.start) < b and a < minute_of(p.end))


# --- sessions and their occurrences ----------------------------------------------------------------------------


@dataclass(frozen=True)
class Change:
    """An exception to a weekly session, keyed by the date the occurrence was planned for: cancelled, or moved
    (any of date, times and room; ``None`` keeps what was planned)."""

    on_date: dt.date
    cancelled: bool = False
    new_date: dt.date | None = None
    new_start: dt.time | None = None
    new_end: dt.time | None = None
    new_room_id: int | None = None
    reason: str = ""


@dataclass(frozen=True)
class Session:
    """A session as the clash check sees it: once (``on_date``) or weekly (``weekday``, 1 = Monday)."""

    id: int
    title: str
    start: dt.time
    end: dt.time
    volunteer_ids: tuple[int, ...] = ()
    room_id: int | None = None
    weekday: int | None = None
    on_date: dt.date | None = None
    changes: tuple[Change, ...] = ()
    group: str = ""
    kind: str = SessionKind.OTHER
    programme_id: int = 0

    @property
    def recurring(self) -> bool:
        return self.on_date is None


@dataclass(frozen=True)
class Occurrence:
    """One held (or cancelled) occurrence. ``slot_date`` is the date it was planned for (its identity with the
    session id); ``start``/``end`` are where it really is, after any move."""

    session_id: int
    slot_date: dt.date
    start: dt.datetime
    end: dt.datetime
    title: str = ""
    volunteer_ids: tuple[int, ...] = ()
    room_id: int | None = None
    group: str = ""
    kind: str = SessionKind.OTHER
    programme_id: int = 0
    cancelled: bool = False
    moved: bool = False
    reason: str = ""  # the exception's reason (cancelled or moved)

    @property
    def key(self) -> tuple[int, dt.date]:
        return (self.session_id, self.slot_date)

    @property
    def minutes(self) -> int:
        return int((self.end - self.start).total_seconds() // 60)

    @property
    def label(self) -> str:
        return interval_label(self.start, self.end)


def planned_dates(session: Session, first: dt.date, last: dt.date) -> Iterator[dt.date]:
    """The dates ``session`` is planned for between ``first`` and ``last`` (both included)."""
    if session.on_date is not None:
        if first <= session.on_date <= last:
            yield session.on_date
        return
    if session.weekday is None or not 1 <= session.weekday <= 7:
        return
    day = first + dt.timedelta(days=(session.weekday - first.isoweekday()) % 7)
    while day <= last:
        yield day
        day += dt.timedelta(days=7)


def expand(session: Session, first: dt.date, last: dt.date) -> list[Occurrence]:
    """Every occurrence planned between ``first`` and ``last``, with its exception applied (cancelled ones kept,
    flagged, so a grid can show them struck through)."""
    changes = {c.on_date: c for c in session.changes}
    result: list[Occurrence] = []
    for day in planned_dates(session, first, last):
        start, end = span(day, session.start, session.end)
        occurrence = Occurrence(
            session.id,
            day,
            start,
            end,
            session.title,
            session.volunteer_ids,
            session.room_id,
            session.group,
            session.kind,
            session.programme_id,
        )
        change = changes.get(day)
        if change is not None:
            occurrence = apply_change(occurrence, change, session)
        result.append(occurrence)
    return result


def apply_change(occurrence: Occurrence, change: Change, session: Session) -> Occurrence:
    if change.cancelled:
        return replace(occurrence, cancelled=True, reason=change.reason)
    day = change.new_date or occurrence.slot_date
    start, end = span(day, change.new_start or session.start, change.new_end or session.end)
    return replace(
        occurrence,
        start=start,
        end=end,
        room_id=change.new_room_id if change.new_room_id is not None else occurrence.room_id,
        moved=True,
        reason=change.reason,
    )


def expand_all(sessions: Iterable[Session], first: dt.date, last: dt.date) -> list[Occurrence]:
    return [o for s in sessions for o in expand(s, first, last)]


def in_window(occurrences: Iterable[Occurrence], first: dt.date, last: dt.date) -> list[Occurrence]:
    """The occurrences whose time touches the days ``first``…``last`` (a moved one where it now is)."""
    begin = dt.datetime.combine(first, dt.time(0))
    stop = dt.datetime.combine(last + dt.timedelta(days=1), dt.time(0))
    return [o for o in occurrences if o.start < stop and begin < o.end]


# --- clashes ---------------------------------------------------------------------------------------------------


class ClashKind(StrEnum):
    VOLUNTEER = "volunteer"
    ROOM = "room"


@dataclass(frozen=True)
class Clash:
    """Two occurrences that need the same volunteer or room at overlapping times (``first`` starts first)."""

    kind: ClashKind
    resource_id: int
    first: Occurrence
    second: Occurrence

    @property
    def overlap(self) -> tuple[dt.datetime, dt.datetime]:
        return max(self.first.start, self.second.start), min(self.first.end, self.second.end)

    def involves(self, session_id: int) -> bool:
        return session_id in (self.first.session_id, self.second.session_id)

    @property
    def keys(self) -> tuple[tuple[int, dt.date], tuple[int, dt.date]]:
        return (self.first.key, self.second.key)


def _resources(occurrence: Occurrence) -> Iterator[tuple[ClashKind, int]]:
    for volunteer_id in dict.fromkeys(occurrence.volunteer_ids):
        yield ClashKind.VOLUNTEER, volunteer_id
    if occurrence.room_id is not None:
        yield ClashKind.ROOM, occurrence.room_id


def find_clashes(occurrences: Iterable[Occurrence]) -> list[Clash]:
    """Every pair of occurrences (not cancelled) that share a volunteer or a room and overlap in time.

    A sweep per resource: occurrences sorted by start, each compared only with those still running when it starts.
    Back-to-back (one ends exactly when the other starts) is no clash. Sorted by time, then volunteer before room.
    """
    by_resource: dict[tuple[ClashKind, int], list[Occurrence]] = {}
    for occurrence in occurrences:
        if occurrence.cancelled:
            continue
        for resource in _resources(occurrence):
            by_resource.setdefault(resource, []).append(occurrence)
    clashes: list[Clash] = []
    for (kind, resource_id), items in by_resource.items():
        if len(items) < 2:
            continue
        items.sort(key=lambda o: (o.start, o.end, o.session_id, o.slot_date))
        running: list[Occurrence] = []
        for occurrence in items:
            running = [r for r in running if r.end > occurrence.start]
            clashes.extend(Clash(kind, resource_id, r, occurrence) for r in running)
            running.append(occurrence)
    clashes.sort(key=lambda c: (c.overlap[0], c.kind != ClashKind.VOLUNTEER, c.resource_id, c.keys))
    return clashes


def clashes_with(candidate: Sequence[Occurrence], others: Iterable[Occurrence]) -> list[Clash]:
    """The clashes that involve one of ``candidate`` (a session being saved) — among themselves or with others."""
    ids = {o.session_id for o in candidate}
    window_first = min((o.start for o in candidate), default=None)
    window_last = max((o.end for o in candidate), default=None)
    if window_first is None or window_last is None:
        return []
    nearby = [o for o in others if o.session_id not in ids and o.start < window_last and window_first < o.end]
    return [
        c
        for c in find_clashes([*candidate, *nearby])
        if c.first.session_id in ids or c.second.session_id in ids
    ]


Names = Callable[[ClashKind, int], str]


def describe_clash(clash: Clash, name_of: Names) -> str:
    """``张老师 同一时间有两节课：7月8日（周三）14:30–16:00“美术”和 15:00–16:30“阅读”``."""
    a, b = clash.first, clash.second
    same_day = a.start.date() == b.start.date()
    second = time_range_label(b.start, b.end) if same_day else b.label
    pair = f"{a.label}“{a.title}”和 {second}“{b.title}”"
    who = name_of(clash.kind, clash.resource_id)
    if clash.kind == ClashKind.VOLUNTEER:
        return f"{who} 同一时间有两节课：{pair}"
    return f"{who} 同一时间安排了两节课：{pair}"


# --- availability ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Window:
    """A weekly window a volunteer said they are free (``end`` 00:00 = until midnight), within optional dates."""

    weekday: int
    start: dt.time
    end: dt.time
    valid_from: dt.date | None = None
    valid_to: dt.date | None = None

    def applies(self, day: dt.date) -> bool:
        return (
            day.isoweekday() == self.weekday
            and (self.valid_from is None or self.valid_from <= day)
            and (self.valid_to is None or day <= self.valid_to)
        )

    @property
    def bounds(self) -> tuple[int, int]:
        end = minute_of(self.end)
        return minute_of(self.start), end if end > 0 else MINUTES_PER_DAY


@dataclass(frozen=True)
class Availability:
    """What the clash check knows of a volunteer: service dates, weekly windows (none given: always free)."""

    volunteer_id: int
    active: bool = True
    start_on: dt.date | None = None
    end_on: dt.date | None = None
    windows: tuple[Window, ...] = ()


class WarningKind(StrEnum):
    INACTIVE = "inactive"
    OUTSIDE_SERVICE = "outside_service"
    OUTSIDE_AVAILABILITY = "outside_availability"


@dataclass(frozen=True)
class AvailabilityWarning:
    kind: WarningKind
    volunteer_id: int
    occurrence: Occurrence


def _day_parts(start: dt.datetime, end: dt.datetime) -> Iterator[tuple[dt.date, int, int]]:
    """The interval cut at midnight: (date, first minute, last minute) per day it touches."""
    day = start.date()
    while True:
        day_start = dt.datetime.combine(day, dt.time(0))
        a = max(start, day_start)
        b = min(end, day_start + dt.timedelta(days=1))
        if a < b:
            yield day, int((a - day_start).total_seconds() // 60), int((b - day_start).total_seconds() // 60)
        if b >= end:
            return
        day += dt.timedelta(days=1)


def _merged(windows: Iterable[Window], day: dt.date) -> list[tuple[int, int]]:
    spans = sorted(w.bounds for w in windows if w.applies(day))
    merged: list[tuple[int, int]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def is_available(availability: Availability, start: dt.datetime, end: dt.datetime) -> bool:
    """Inside the windows the volunteer gave (adjacent windows join up); no windows at all counts as free."""
    if not availability.windows:
        return True
    for day, a, b in _day_parts(start, end):
        if not any(x <= a and b <= y for x, y in _merged(availability.windows, day)):
            return False
    return True


def availability_warnings(
    occurrences: Iterable[Occurrence], availability: Mapping[int, Availability]
) -> list[AvailabilityWarning]:
    """Warnings (never refusals) for volunteers who are inactive, outside their service dates, or outside the
    weekly windows they gave. One warning per volunteer and occurrence: the first that applies."""
    warnings: list[AvailabilityWarning] = []
    for occurrence in occurrences:
        if occurrence.cancelled:
            continue
        for volunteer_id in dict.fromkeys(occurrence.volunteer_ids):
            info = availability.get(volunteer_id)
            if info is None:
                continue
            first_day = occurrence.start.date()
            last_day = (occurrence.end - dt.timedelta(minutes=1)).date()
            kind: WarningKind | None = None
            if not info.active:
                kind = WarningKind.INACTIVE
            elif (info.start_on is not None and first_day < info.start_on) or (
                info.end_on is not None and last_day > info.end_on
            ):
                kind = WarningKind.OUTSIDE_SERVICE
            elif not is_available(info, occurrence.start, occurrence.end):
                kind = WarningKind.OUTSIDE_AVAILABILITY
            if kind is not None:
                warnings.append(AvailabilityWarning(kind, volunteer_id, occurrence))
    return warnings


def describe_warning(warning: AvailabilityWarning, name: str, info: Availability | None = None) -> str:
    o = warning.occurrence
    if warning.kind == WarningKind.INACTIVE:
        return f"{name} 已停用，仍安排在 {o.label}“{o.title}”"
    if warning.kind == WarningKind.OUTSIDE_SERVICE:
        when = ""
        if info is not None:
            a = f"{info.start_on.month}月{info.start_on.day}日" if info.start_on else "……"
            b = f"{info.end_on.month}月{info.end_on.day}日" if info.end_on else "……"
            when = f"（服务期 {a}–{b}）"
        return f"{name} {o.label}“{o.title}”不在服务期内{when}"
    return f"{name} {o.label}“{o.title}”不在其填报的空闲时间内"


# --- the week grid's layout --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class GridPlace:
    """Where an occurrence sits in a week grid: the day column (0 = Monday) and the periods it overlaps (empty:
    outside every period — the grid shows it in an "其他时间" row)."""

    day: int
    periods: tuple[int, ...] = field(default_factory=tuple)


def grid_place(occurrence: Occurrence, monday: dt.date, periods: Sequence[Period]) -> GridPlace:
    """Its place in the week of ``monday``; a session across midnight sits in its first day's column."""
    start = occurrence.start.time()
    same_day = occurrence.end.date() == occurrence.start.date()
    end = occurrence.end.time() if same_day else dt.time(0)  # to midnight: the grid has one day per column
    return GridPlace((occurrence.start.date() - monday).days, periods_of(start, end, periods))
