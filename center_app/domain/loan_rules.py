"""Loan rules: which rule applies to a child, when a book is due, how late it is, and whether a rule set is sane.

Pure domain code (no Qt, no SQLAlchemy): the circulation service loads the rows and the closed days and asks here.

- A rule covers a range of grades (0 = 学前班, 1–9 = 一年级…九年级, 10–12 = 高一…高三) and says how many books a
  child may hold at once, for how many days, and how many times a loan may be renewed.
- The due date is the loan day plus the loan period, moved forward past the days the centre is shut (holidays in
  ``closed_day``; optionally weekdays it never opens) — a child must be able to bring the book back on its due day.
- Overdue days are calendar days after the due date (what a child and a guardian understand), not open days.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Collection, Iterable, Sequence
from dataclasses import dataclass
from typing import Final

from center_app.domain.errors import ValidationError

ALL_WEEKDAYS: Final[frozenset[int]] = frozenset(
    range(7)
)  # Monday = 0 … Sunday = 6; the centre opens weekends

GRADE_MIN: Final = 0
GRADE_MAX: Final = 12
LOAN_DAYS_RANGE: Final = (1, 90)
MAX_BOOKS_RANGE: Final = (1, 20)
RENEWALS_RANGE: Final = (0, 5)

# Searching further than a year for an open day means the closed-day list is wrong, not that the book is due in 2030.
_MAX_SEARCH_DAYS: Final = 366



@dataclass(frozen=True)
class GradeRule:
    """One loan rule (a ``loan_rule`` row without its id: saving replaces the whole set)."""

    grade_min: int
    grade_max: int
    max_books: int
    loan_days: int
    max_renewals: int

    def covers(self, grade: int) -> bool:
        return self.grade_min <= grade <= self.grade_max


# Used only when no rule exists at all (a hand-edited database): the migration's defaults for older children.
DEFAULT_RULE: Final = GradeRule(
    grade_min=GRADE_MIN, grade_max=GRADE_MAX, max_books=2, loan_days=14, max_renewals=1
)


def grade_label(grade: int | None) -> str:
    """``3`` → ``三年级``, ``7`` → ``初一``; an unknown grade → ``""`` (the children's own labels, one spelling)."""
    from center_app.domain.children import grade_label as label

    return label(grade)


def grade_range_label(grade_min: int, grade_max: int) -> str:
    """``(1, 2)`` → ``一年级至二年级``; ``(3, 3)`` → ``三年级``."""
    if grade_min == grade_max:
        return grade_label(grade_min)
    return f"{grade_label(grade_min)}至{grade_label(grade_max)}"


def due_date(
    loaned_on: dt.date,
    loan_days: int,
    closed_days: Collection[dt.date] = frozenset(),
    open_weekdays: Collection[int] = ALL_WEEKDAYS,
) -> dt.date:
    """``loaned_on + loan_days``, moved forward to the first day the centre is open.

    ``closed_days`` are holidays (any collection; a set is fastest); ``open_weekdays`` the weekdays the centre
    opens at all (Monday = 0). Raises ``ValidationError`` when no open day follows within a year.
    """
    if loan_days < 0:
        raise ValueError(f"loan_days must not be negative: {loan_days}")
    day = loaned_on + dt.timedelta(days=loan_days)
    for _ in range(_MAX_SEARCH_DAYS):
        if day not in closed_days and day.weekday() in open_weekdays:
            return day
        day += dt.timedelta(days=1)
    raise ValidationError(
        f"{loaned_on.isoformat()} 之后一年内没有开放日，无法计算应还日期。请检查闭馆日和开放日的设置。"
    )


def overdue_days(due_on: dt.date, today: dt.date) -> int:
    """Calendar days after the due date; 0 on the due day and before it."""
    return max(0, (today - due_on).days)


def rule_for_grade(rules: Sequence[GradeRule], grade: int | None) -> GradeRule:
    """The rule covering ``grade``.

    A child without a grade (not filled in yet) or with a grade no rule covers gets the strictest rule (fewest
    books, then shortest loan, then fewest renewals): the librarian cannot edit a child's grade, so refusing the
    loan would leave the child with nothing, while lending generously would break the centre's rules.
    ``DEFAULT_RULE`` when there are no rules at all.
    """
    if not rules:
        return DEFAULT_RULE
    if grade is not None:
        for rule in rules:
            if rule.covers(grade):
                return rule
    return min(rules, key=lambda r: (r.max_books, r.loan_days, r.max_renewals, r.grade_min))


def rule_problems(rules: Iterable[GradeRule]) -> list[str]:
    """Every problem with a rule set, as Chinese sentences (empty list = valid). Rules are numbered from 1."""
    rules = list(rules)
    problems: list[str] = []
    if not rules:
        return ["至少需要一条借阅规则。"]

    def check(n: int, value: int, bounds: tuple[int, int], what: str, unit: str) -> None:
        lo, hi = bounds
        if not isinstance(value, int) or isinstance(value, bool) or not lo <= value <= hi:
            problems.append(f"第{n}条规则：{what}应在 {lo}–{hi} {unit}之间（现为 {value}）。")

    for n, rule in enumerate(rules, start=1):
        check(n, rule.grade_min, (GRADE_MIN, GRADE_MAX), "起始年级", "")
        check(n, rule.grade_max, (GRADE_MIN, GRADE_MAX), "结束年级", "")
        if (
            isinstance(rule.grade_min, int)
            and isinstance(rule.grade_max, int)
            and rule.grade_min > rule.grade_max
        ):
            problems.append(f"第{n}条规则：起始年级不能高于结束年级。")
        check(n, rule.loan_days, LOAN_DAYS_RANGE, "借期", "天")
        check(n, rule.max_books, MAX_BOOKS_RANGE, "可借册数", "本")
        check(n, rule.max_renewals, RENEWALS_RANGE, "续借次数", "次")
    if problems:
        return problems  # ranges are meaningless until each rule is well-formed

    ordered = sorted(rules, key=lambda r: (r.grade_min, r.grade_max))
    for before, after in zip(ordered, ordered[1:], strict=False):
        if after.grade_min <= before.grade_max:
            overlap = grade_range_label(after.grade_min, min(before.grade_max, after.grade_max))
            problems.append(
                f"{grade_range_label(before.grade_min, before.grade_max)} 与 "
                f"{grade_range_label(after.grade_min, after.grade_max)} 的规则重叠（{overlap}）。"
                "每个年级只能有一条规则。"
            )
        elif after.grade_min > before.grade_max + 1:
            # A hole between two rules is almost always a typo (1–2, 5–6); those grades would silently get the
            # strictest rule. Grades below the first or above the last rule are a deliberate choice and allowed.
            gap = grade_range_label(before.grade_max + 1, after.grade_min - 1)
            problems.append(f"{gap} 没有借阅规则，请补上或调整相邻规则的年级范围。")
    return problems


def validate_rules(rules: Iterable[GradeRule]) -> list[GradeRule]:
    """The rules sorted by grade, or ``ValidationError`` listing every problem."""
    rules = list(rules)
    problems = rule_problems(rules)
    if problems:
        raise ValidationError("借阅规则有误：" + " ".join(problems), problems)
    return sorted(rules, key=lambda r: r.grade_min)
