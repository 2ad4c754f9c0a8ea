"""The demo's calendar: 春节, the days the centre is shut, school terms and the summer camp, China time.

Every date is relative to the fill's ``today``; nothing here reads the clock.
"""

from __future__ import annotations

import datetime as dt
import random
from dataclasses import dataclass
from functools import cache

UTC_OFFSET = dt.timedelta(hours=8)  # China Standard Time, no daylight saving
NEVER = 10**9  # an ordinal later than any date: "not free again"

# 春节 (first day of the lunar year); other years fall back to early February, which is close enough for a demo.
SPRING_FESTIVAL = {
    2014: (1, 31),
    2015: (2, 19),
    2016: (2, 8),
    2017: (1, 28),
    2018: (2, 16),
    2019: (2, 5),
    2020: (1, 25),
    2021: (2, 12),
    2022: (2, 1),
    2023: (1, 22),
    2024: (2, 10),
    2025: (1, 29),
    2026: (2, 17),
    2027: (2, 6),
    2028: (1, 26),
    2029: (2, 13),
    2030: (2, 3),
    2031: (1, 23),
    2032: (2, 11),
    2033: (1, 31),
    2034: (2, 19),
    2035: (2, 8),
}


def spring_festival(year: int) -> dt.date:
    month, day = SPRING_FESTIVAL.get(year, (2, 5))
    return dt.date(year, month, day)


def holidays(year: int, rng: random.Random) -> list[tuple[dt.date, str]]:
    """The days the centre is shut in ``year``: public holidays and one rainstorm closure in June."""
    out: list[tuple[dt.date, str]] = [(dt.date(year, 1, 1), "元旦")]
    sf = spring_festival(year)
    out += [(sf + dt.timedelta(days=i), "春节") for i in range(-1, 6)]
    out.append((dt.date(year, 4, 4 if year % 4 in (0, 1) else 5), "清明节"))
    out += [(dt.date(year, 5, d), "劳动节") for d in range(1, 6)]
    out.append((dt.date(year, 6, rng.randint(8, 26)), "暴雨红色预警，停课停园"))
    out += [(dt.date(year, 10, d), "国庆节") for d in range(1, 8)]
    return out


def school_year(day: dt.date) -> int:
    """The year a school year started in (September)."""
    return day.year if day.month >= 9 else day.year - 1


@dataclass(frozen=True)
class Period:
    kind: str  # weekly | summer
    name: str
    start: dt.date
    end: dt.date


def periods_of(year: int) -> list[Period]:
    spring_start = min(
        max(dt.date(year, 2, 15), spring_festival(year) + dt.timedelta(days=16)), dt.date(year, 3, 2)
    )
    july10 = dt.date(year, 7, 10)
    camp_start = july10 + dt.timedelta(days=(7 - july10.weekday()) % 7)  # the Monday on or after 10 July
    return [
        Period("weekly", f"{year}年春季学期课表", spring_start, dt.date(year, 7, 5)),
        Period("summer", f"{year}年暑期夏令营课表", camp_start, camp_start + dt.timedelta(days=25)),
        Period("weekly", f"{year}年秋季学期课表", dt.date(year, 9, 1), dt.date(year + 1, 1, 20)),
    ]


def periods_for(span_start: dt.date, yesterday: dt.date) -> list[Period]:
    """Timetables to create: every term/summer overlapping the span, plus the latest summer and term begun."""
    candidates = [p for y in range(span_start.year - 1, yesterday.year + 1) for p in periods_of(y)]
    begun = [p for p in candidates if p.start <= yesterday]
    chosen = [p for p in begun if p.end >= span_start]
    for kind in ("summer", "weekly"):
        latest = max((p for p in begun if p.kind == kind), key=lambda p: p.start)
        if latest not in chosen:
            chosen.append(latest)
    return sorted(chosen, key=lambda p: p.start)


@cache
def school_day(day: dt.date) -> bool:
    """Mon–Fri inside a term: children come after school. Otherwise (Saturday, holidays) they come all day."""
    if day.isoweekday() >= 6:
        return False
    return any(
        p.kind == "weekly" and p.start <= day <= p.end
        for y in (day.year - 1, day.year)
        for p in periods_of(y)
    )


def local(day: dt.date, minute_of_day: int) -> dt.datetime:
    """A China-time moment (minutes after midnight on ``day``) as the naive UTC instant the schema stores."""
    return dt.datetime(day.year, day.month, day.day) + dt.timedelta(minutes=minute_of_day) - UTC_OFFSET


def hm(minute_of_day: int) -> dt.time:
    return dt.time(minute_of_day // 60, minute_of_day % 60)


def date_of(ordinal: int) -> dt.date:
    return dt.date.fromordinal(ordinal)


class CentreDays:
    """The days the centre is open: every day but Sunday and the ``closed`` ones (holidays, a rainstorm)."""

    def __init__(self) -> None:
        self.closed: dict[dt.date, str] = {}

    def is_open(self, day: dt.date) -> bool:
        return day.isoweekday() != 7 and day not in self.closed

    def open_days(self, first: dt.date, last: dt.date) -> list[dt.date]:
        n = (last - first).days + 1
        return [d for d in (first + dt.timedelta(days=i) for i in range(max(0, n))) if self.is_open(d)]

    def prev_open(self, day: dt.date) -> dt.date:
        while not self.is_open(day):
            day -= dt.timedelta(days=1)
        return day

    def next_open(self, day: dt.date) -> dt.date:
        while not self.is_open(day):
            day += dt.timedelta(days=1)
        return day
