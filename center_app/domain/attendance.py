"""Attendance rules: open days, what a code counts as, the attendance rate, absence streaks, code configuration.

Pure: no Qt, no SQLAlchemy. The services (``services/attendance/``, ``services/early_warning.py``) load the
rows and call these functions, so the page, the printed register and the early warning agree on every figure.

Definitions (shown to users in the settings page and on the printed register's legend):

- **Open day** — a weekday the centre opens (setting ``open_weekdays``, ISO 1 = Monday … 7 = Sunday; default
  Monday–Saturday) that is not a closed day (``ClosedDay``: 国庆, 春节…).
- **Kind of a code** — ``present`` if the code ``counts_present`` (出勤, 迟到), ``absent`` if it ``counts_absent``
  (缺勤), otherwise ``excused`` (请假). A code never counts as both.
- **Attendance rate** — present ÷ (present + absent). Excused marks are left out of both sides: a child on sick
  leave is neither at the centre nor missing. Late counts as present (the child came). No present and no absent
  marks → no rate (shown as "—"), never 0 %.
- **Absence streak** — walking back from the latest day: an absent mark on an open day adds one; a present mark
  (on any day, in any register) ends the streak; an excused mark neither breaks nor extends it; a day without a
  mark for the child (no register taken, or the child not on it) does not count either way; an absent mark on a
  day the calendar says is closed is ignored (the centre was not expected to be open). So absent Fri, Sat, (Sunday
  closed), Mon is a streak of 3, and 国庆 1–7 October does not break or lengthen a streak.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from enum import StrEnum
from typing import Final

from center_app.domain.errors import ValidationError


class Kind(StrEnum):
    """What an attendance code counts as."""

    PRESENT = "present"
    ABSENT = "absent"
    EXCUSED = "excused"


PRESENT: Final = Kind.PRESENT
ABSENT: Final = Kind.ABSENT
EXCUSED: Final = Kind.EXCUSED


class WarningKind(StrEnum):
    """An early warning's kind (``services.early_warning``); a follow-up answering one stores it as its reason."""

    ABSENT_STREAK = "absent_streak"
    LOW_RATE = "low_rate"


class Scope(StrEnum):
    """Who a register lists: the day register's roll, a session's regulars, or (a first session) everyone."""

    DAY = "day"
    REGULARS = "regulars"
    ALL = "all"


DEFAULT_OPEN_WEEKDAYS: Final[tuple[int, ...]] = (1, 2, 3, 4, 5, 6)  # Sunday closed
WEEKDAY_LETTERS: Final = "一二三四五六日"  # index = isoweekday - 1, as printed under a day number
MAX_CODES: Final = 10
CODE_LABEL_MAX: Final = 20

# What the printed register shows for the seeded codes. √ and × keep a 31-column grid light (most cells are √)
# while absences stand out; 迟/假 are single characters everyone reads. Other codes print their label's first
# character. ``validate_codes`` refuses two codes that would print the same.
_SEEDED_SYMBOLS: Final[dict[str, str]] = {"L": "迟", "E": "假"}
PRESENT_SYMBOL: Final = "√"
ABSENT_SYMBOL: Final = "×"


# --- codes --------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class CodeDef:
    """One attendance code (an ``attendance_code`` row)."""

    code: str
    label: str
    counts_present: bool = False
    counts_absent: bool = False
    shortcut: str = ""  # one key typed in the roll call; "" = no key
    sort_order: int = 0

    @property
    def kind(self) -> Kind:
        if self.counts_present:
            return PRESENT
        if self.counts_absent:
            return ABSENT
        return EXCUSED


@dataclass(frozen=True)
class CodeConfig:
    """The centre's codes, the one a roll call fills in by default ("all present") and the one for late arrival.

    ``late_code`` is "" when the centre does not record lateness (a check-in then always uses ``default_code``).
    """

    codes: tuple[CodeDef, ...]
    default_code: str = "P"
    late_code: str = "L"
    _by_code: dict[str, CodeDef] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_code", {c.code: c for c in self.codes})

    def get(self, code: str | None) -> CodeDef | None:
        return self._by_code.get(code or "")

    def kind(self, code: str | None) -> Kind | None:
        """The code's kind, or ``None`` for no mark (an unknown code counts as excused: it tells nothing)."""
        if code is None:
            return None
        found = self._by_code.get(code)
        return found.kind if found is not None else EXCUSED

    def label(self, code: str | None) -> str:
        found = self._by_code.get(code or "")
        return found.label if found is not None else (code or "")

    def by_shortcut(self, key: str) -> CodeDef | None:
        key = _fold(key)
        return next((c for c in self.codes if c.shortcut and _fold(c.shortcut) == key), None)

    def symbol(self, code: str | None) -> str:
        """The one character the printed register shows for ``code`` ("" for no mark)."""
        if not code:
            return ""
        if code == self.default_code:
            return PRESENT_SYMBOL
        found = self._by_code.get(code)
        if found is None:
            return code[:1]
        if found.counts_absent and found is self._first_absent():
            return ABSENT_SYMBOL
        return _SEEDED_SYMBOLS.get(code) or (found.label[:1] or code[:1])

    def _first_absent(self) -> CodeDef | None:
        return next((c for c in self.codes if c.counts_absent), None)

    def legend(self) -> list[tuple[str, str]]:
        """(symbol, label) of every code, in order — printed under the register."""
        return [(self.symbol(c.code), c.label) for c in self.codes]


_CODE_RE = re.compile(r"^[A-Z0-9]{1,10}$")


def _fold(text: str) -> str:
    # Full-width digits/letters from a Chinese input method and Caps Lock must not make two shortcuts differ.
    return unicodedata.normalize("NFKC", text or "").strip().upper()


def validate_codes(config: CodeConfig) -> CodeConfig:
    """Check a code configuration and return it normalised (codes upper-case, sorted, ``sort_order`` 1…n).

    Rules: 1–10 codes; each code is 1–10 letters/digits, unique; a label of 1–20 characters, unique; never both
    present and absent; a shortcut is empty or one key, unique; exactly one default code and it counts present
    (the "all present" button fills it in); the late code, if any, exists and counts present; at least one code
    counts absent (otherwise no child could ever be warned about); no two codes print the same symbol.
    Raises ``ValidationError`` listing every problem.
    """
    problems: list[str] = []
    codes: list[CodeDef] = []
    for n, c in enumerate(sorted(config.codes, key=lambda c: c.sort_order), start=1):
        code = _fold(c.code)
        label = unicodedata.normalize("NFKC", c.label or "").strip()
        shortcut = _fold(c.shortcut)
        where = f"第{n}项（{label or code or '空'}）"
        if not _CODE_RE.match(code):
            problems.append(f"{where}：代码须为 1–10 个英文字母或数字。")
        if not label:
            problems.append(f"{where}：请填写名称。")
        elif len(label) > CODE_LABEL_MAX:
            problems.append(f"{where}：名称不能超过{CODE_LABEL_MAX}个字。")
        if c.counts_present and c.counts_absent:
            problems.append(f"{where}：不能同时算作出勤和缺勤。")
        if len(shortcut) > 1 or shortcut.isspace():
            problems.append(f"{where}：快捷键只能是一个键。")
        codes.append(replace(c, code=code, label=label, shortcut=shortcut, sort_order=n))
    if not codes:
        problems.append("至少要有一个考勤代码。")
    if len(codes) > MAX_CODES:
        problems.append(f"考勤代码最多{MAX_CODES}个。")
    for what, values in (
        ("代码", [c.code for c in codes]),
        ("名称", [c.label for c in codes]),
        ("快捷键", [c.shortcut for c in codes if c.shortcut]),
    ):
        dupes = sorted({v for v in values if values.count(v) > 1})
        if dupes:
            problems.append(f"{what}重复：{'、'.join(dupes)}。")
    by_code = {c.code: c for c in codes}
    default = _fold(config.default_code)
    late = _fold(config.late_code)
    if default not in by_code:
        problems.append("请指定一个默认的出勤代码（“全部出勤”时使用）。")
    elif not by_code[default].counts_present:
        problems.append(f"默认代码“{by_code[default].label}”必须算作出勤。")
    if late and late not in by_code:
        problems.append(f"迟到代码“{late}”不存在。")
    elif late and not by_code[late].counts_present:
        problems.append(f"迟到代码“{by_code[late].label}”必须算作出勤（孩子来了）。")
    if late and late == default:
        problems.append("迟到代码不能和默认出勤代码相同。")
    if codes and not any(c.counts_absent for c in codes):
        problems.append("至少要有一个算作缺勤的代码。")
    if problems:
        raise ValidationError("考勤代码设置有误：" + " ".join(problems), problems)
    result = CodeConfig(tuple(codes), default_code=default, late_code=late)
    symbols = [(result.symbol(c.code), c.label) for c in codes]
    clashes = sorted({s for s, _ in symbols if [x for x, _ in symbols].count(s) > 1})
    if clashes:
        names = [f"{'、'.join(label for s, label in symbols if s == clash)}（{clash}）" for clash in clashes]
        message = "打印时这些代码显示相同的符号，请改一个名称：" + "；".join(names) + "。"
        raise ValidationError("考勤代码设置有误：" + message, [message])
    return result


# --- counting -----------------------------------------------------------------------------------------------


def attendance_rate(present: int, absent: int) -> float | None:
    """present ÷ (present + absent), excused left out; ``None`` when there is nothing to divide by."""
    counted = present + absent
    return present / counted if counted else None


def format_rate(rate: float | None) -> str:
    """0.857 → "85.7%"; ``None`` → "—" (no marks is not 0 %)."""
    if rate is None:
        return "—"
    return f"{rate * 100:.1f}%".replace(".0%", "%")


@dataclass(frozen=True)
class Tally:
    """Counts of marks. ``late`` is a subset of ``present`` (a late child came)."""

    present: int = 0
    absent: int = 0
    excused: int = 0
    late: int = 0
    by_code: Mapping[str, int] = field(default_factory=dict)

    @property
    def marked(self) -> int:
        return self.present + self.absent + self.excused

    @property
    def rate(self) -> float | None:
        return attendance_rate(self.present, self.absent)


def tally(codes: Iterable[str | None], config: CodeConfig) -> Tally:
    """Count marks (``None`` = no mark, skipped) by kind and by code."""
    by_code: dict[str, int] = {}
    for code in codes:
        if code is not None:
            by_code[code] = by_code.get(code, 0) + 1
    counts = {PRESENT: 0, ABSENT: 0, EXCUSED: 0}
    for code, n in by_code.items():
        counts[config.kind(code) or EXCUSED] += n
    late = by_code.get(config.late_code, 0) if config.late_code else 0
    return Tally(counts[PRESENT], counts[ABSENT], counts[EXCUSED], late, by_code)


# --- open days ----------------------------------------------------------------------------------------------


def validate_open_weekdays(weekdays: Iterable[int]) -> tuple[int, ...]:
    """Sorted unique ISO weekdays (1 = Monday … 7 = Sunday); at least one."""
    try:
        days = tuple(sorted({int(d) for d in weekdays}))
    except (TypeError, ValueError):
        raise ValidationError("开放日设置有误：请选择星期几开放。") from None
    if not days or any(d < 1 or d > 7 for d in days):
        raise ValidationError("开放日设置有误：至少选择一天，星期一到星期日。")
    return days


def is_open_day(day: dt.date, open_weekdays: Collection[int], closed: Collection[dt.date]) -> bool:
    return day.isoweekday() in open_weekdays and day not in closed


def open_days(
    start: dt.date, end: dt.date, open_weekdays: Collection[int], closed: Collection[dt.date]
) -> list[dt.date]:
    """The open days from ``start`` to ``end`` inclusive (empty if ``end`` is before ``start``)."""
    count = (end - start).days + 1
    days = (start + dt.timedelta(days=i) for i in range(max(0, count)))
    return [d for d in days if is_open_day(d, open_weekdays, closed)]


def month_bounds(year: int, month: int) -> tuple[dt.date, dt.date]:
    if not 1 <= month <= 12:
        raise ValidationError(f"月份有误：{month}")
    first = dt.date(year, month, 1)
    following = dt.date(year + (month == 12), month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)


def parse_hhmm(text: str | None) -> dt.time | None:
    """ "15:30" → 15:30; "" or None → None (no late threshold). Raises ``ValidationError`` for anything else."""
    text = unicodedata.normalize("NFKC", text or "").strip()
    if not text:
        return None
    match = re.fullmatch(r"(\d{1,2})[:：](\d{2})", text)
    if not match or int(match[1]) > 23 or int(match[2]) > 59:
        raise ValidationError(f"时间“{text}”有误，请写成 15:30 这样。")
    return dt.time(int(match[1]), int(match[2]))


# --- streaks ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Streak:
    """The current run of absences (oldest first) and the last day the child was present before or after it."""

    absences: tuple[dt.date, ...] = ()
    last_present: dt.date | None = None

    @property
    def length(self) -> int:
        return len(self.absences)

    @property
    def start(self) -> dt.date | None:
        return self.absences[0] if self.absences else None


_PRECEDENCE: Final[dict[str, int]] = {PRESENT: 3, ABSENT: 2, EXCUSED: 1}


def day_kinds(marks: Iterable[tuple[dt.date, Kind]]) -> dict[dt.date, Kind]:
    """One kind per day from several marks (a day register and sessions): present beats absent beats excused."""
    days: dict[dt.date, Kind] = {}
    for day, kind in marks:
        if day not in days or _PRECEDENCE[kind] > _PRECEDENCE[days[day]]:
            days[day] = kind
    return days


def absence_streak(
    marks: Iterable[tuple[dt.date, Kind]] | Mapping[dt.date, Kind],
    is_open: Callable[[dt.date], bool],
    *,
    until: dt.date | None = None,
) -> Streak:
    """The absences since the child was last present (see the module doc for which days count).

    ``marks`` are (day, kind) for one child — several per day are merged by :func:`day_kinds`; days after
    ``until`` are ignored.
    """
    kinds = dict(marks) if isinstance(marks, Mapping) else day_kinds(marks)
    absences: list[dt.date] = []
    last_present: dt.date | None = None
    for day in sorted(kinds, reverse=True):
        if until is not None and day > until:
            continue
        kind = kinds[day]
        if kind == PRESENT:
            last_present = day
            break
        if kind == ABSENT and is_open(day):
            absences.append(day)
        # excused, or absent on a closed day: neither breaks nor extends the streak
    return Streak(tuple(reversed(absences)), last_present)


def absences_after_follow_up(streak: Streak, resolved_on: Sequence[dt.date]) -> tuple[dt.date, ...]:
    """The streak's absences still needing attention after the resolved follow-ups in ``resolved_on``.

    A resolved follow-up on or after the streak's start handles the absences up to its date; absences after the
    latest such follow-up start counting again — a child who keeps missing after the home visit is warned again
    once the run reaches the threshold anew.
    """
    if not streak.absences:
        return ()
    start = streak.absences[0]
    relevant = [d for d in resolved_on if d >= start]
    if not relevant:
        return streak.absences
    latest = max(relevant)
    return tuple(d for d in streak.absences if d > latest)


def weekday_letter(day: dt.date) -> str:
    return WEEKDAY_LETTERS[day.isoweekday() - 1]
