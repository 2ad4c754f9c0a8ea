"""What every part of one demo fill shares: the plan, the session and its writer, the seeded random streams, the
centre's days, rooms and loan rules."""

from __future__ import annotations

import datetime as dt
import random
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy.orm import Session

from center_app.demo.calendar import CentreDays, local, periods_for
from center_app.demo.writer import Writer

Progress = Callable[[int, str], None]


@dataclass(frozen=True)
class Plan:
    scale: int
    today: dt.date
    titles: int
    copies: int
    children: int
    equipment_items: int
    span_days: int  # attendance, loans and equipment lending cover the open days of this many past days
    left_share: float  # children who have already left (the rest are active)

    @classmethod
    def for_scale(cls, scale: int, today: dt.date) -> Plan:
        # Scale 1 is "one term"; above that the records stretch to scale/2.5 years (25 → ten years).
        span_days = 90 if scale == 1 else max(90, round(365.25 * scale / 2.5))
        years = span_days / 365.25
        # With a fixed number of children and a long history, most of them have grown up and left: a child
        # stays ~4 years, so the share who left grows with the span (a few at scale 1).
        left_share = 0.03 if scale == 1 else min(0.7, years / (years + 4))
        return cls(
            scale=scale,
            today=today,
            titles=1500 * scale,
            copies=4000 * scale + 100,
            children=120 * min(scale, 4),
            equipment_items=200 * min(scale, 5),
            span_days=span_days,
            left_share=left_share,
        )

    @property
    def span_start(self) -> dt.date:
        return self.today - dt.timedelta(days=self.span_days)

    @property
    def yesterday(self) -> dt.date:
        return self.today - dt.timedelta(days=1)


class Demo:
    """One fill in progress. ``days``, ``room_ids``, ``room_capacity`` and ``loan_rules`` are filled in by
    :func:`center_app.demo.centre.write_reference_data`, the first step."""

    def __init__(
        self, session: Session, plan: Plan, seed: int, report: Progress, user_id: int | None
    ) -> None:
        self.s = session
        self.plan = plan
        self.seed = seed
        self.report = report
        self.user_id = user_id
        self.w = Writer(session)
        self.today = plan.today
        self.t_today = plan.today.toordinal()
        self.yesterday = plan.yesterday
        self.periods = periods_for(plan.span_start, self.yesterday)
        self.records_from = min(plan.span_start, self.periods[0].start)
        self.days = CentreDays()
        self.room_ids: dict[str, int] = {}
        self.room_capacity: dict[int, int] = {}
        self.loan_rules: list[tuple[int, int, int, int]] = []  # grade_min, grade_max, max_books, loan_days

    def rng(self, part: str) -> random.Random:
        # One stream per part: changing how children are made never reshuffles the books.
        return random.Random(f"{self.seed}:{part}")

    def stamp(self, day: dt.date, minute: int = 600) -> dt.datetime:
        return local(day, minute)

    def rule_for(self, grade: int) -> tuple[int, int]:
        """(max books, loan days) for a child in ``grade``."""
        for lo, hi, max_books, loan_days in self.loan_rules:
            if lo <= grade <= hi:
                return max_books, loan_days
        return 2, 14
