"""Loan rules without a database: due dates past closed days, which rule applies, overdue days, validation."""

from __future__ import annotations

import datetime as dt

import pytest

from center_app.domain.errors import ValidationError
from center_app.domain.loan_rules import (
    DEFAULT_RULE,
    GradeRule,
    due_date,
    grade_label,
    grade_range_label,
    overdue_days,
    rule_for_grade,
    rule_problems,
    validate_rules,
)

D = dt.date
SEEDED = [GradeRule(0, 2, 1, 14, 1), GradeRule(3, 12, 2, 14, 1)]


def test_due_date_counts_weekends_because_the_centre_opens_then() -> None:
    # Friday 6 March 2026 + 14 days = Friday 20 March; + 8 days = Saturday 14 March, which is an open day.
    assert due_date(D(2026, 3, 6), 14) == D(2026, 3, 20)
    assert due_date(D(2026, 3, 6), 8) == D(2026, 3, 14)
    assert due_date(D(2026, 3, 6), 9).weekday() == 6  # a Sunday is fine too


def test_due_date_moves_past_closed_days_to_the_next_open_day() -> None:
    national_day = {D(2026, 10, 1) + dt.timedelta(days=i) for i in range(7)}
    # 17 Sept + 14 = 1 Oct, closed until the 7th → due 8 Oct.
    assert due_date(D(2026, 9, 17), 14, national_day) == D(2026, 10, 8)
    # A closed day before the due date changes nothing: the period is calendar days.
    assert due_date(D(2026, 9, 28), 14, national_day) == D(2026, 10, 12)


def test_due_date_can_skip_weekdays_the_centre_never_opens() -> None:
    weekdays_only = frozenset(range(5))
    assert due_date(D(2026, 3, 6), 8, open_weekdays=weekdays_only) == D(2026, 3, 16)  # Sat → Mon
    assert due_date(D(2026, 3, 6), 8, {D(2026, 3, 16)}, weekdays_only) == D(2026, 3, 17)


def test_due_date_refuses_a_year_without_an_open_day() -> None:
    with pytest.raises(ValidationError, match="没有开放日"):
        due_date(D(2026, 1, 1), 1, open_weekdays=frozenset())


def test_rule_for_grade_and_the_strictest_fallback() -> None:
    assert rule_for_grade(SEEDED, 1).max_books == 1
    assert rule_for_grade(SEEDED, 3).max_books == 2
    assert rule_for_grade(SEEDED, 12) == SEEDED[1]
    # No grade filled in, or a grade no rule covers: the strictest rule, not the most generous.
    assert rule_for_grade(SEEDED, None) == SEEDED[0]
    assert rule_for_grade([GradeRule(1, 6, 3, 21, 2)], 0).max_books == 3
    assert rule_for_grade([], 3) == DEFAULT_RULE


def test_overdue_days_are_calendar_days_after_the_due_day() -> None:
    assert overdue_days(D(2026, 3, 20), D(2026, 3, 20)) == 0
    assert overdue_days(D(2026, 3, 20), D(2026, 3, 19)) == 0
    assert overdue_days(D(2026, 3, 20), D(2026, 3, 23)) == 3


def test_grade_labels() -> None:
    assert grade_label(0) == "学前班"
    assert grade_label(3) == "三年级"
    assert grade_label(None) == ""
    assert grade_range_label(3, 3) == "三年级"
    assert grade_range_label(1, 2) == "一年级至二年级"


def test_the_seeded_rules_are_valid_and_come_back_sorted() -> None:
    assert validate_rules(reversed(SEEDED)) == SEEDED


@pytest.mark.parametrize(
    ("rules", "fragment"),
    [
        ([], "至少需要一条"),
        ([GradeRule(0, 12, 2, 0, 1)], "借期应在 1–90 天之间"),
        ([GradeRule(0, 12, 2, 91, 1)], "借期应在 1–90 天之间"),
        ([GradeRule(0, 12, 0, 14, 1)], "可借册数应在 1–20 本之间"),
        ([GradeRule(0, 12, 21, 14, 1)], "可借册数应在 1–20 本之间"),
        ([GradeRule(0, 12, 2, 14, 6)], "续借次数应在 0–5 次之间"),
        ([GradeRule(0, 12, 2, 14, -1)], "续借次数应在 0–5 次之间"),
        ([GradeRule(4, 2, 2, 14, 1)], "起始年级不能高于结束年级"),
        ([GradeRule(0, 13, 2, 14, 1)], "结束年级应在 0–12"),
        ([GradeRule(0, 3, 1, 14, 1), GradeRule(3, 12, 2, 14, 1)], "重叠（三年级）"),
        ([GradeRule(0, 2, 1, 14, 1), GradeRule(5, 12, 2, 14, 1)], "三年级至四年级 没有借阅规则"),
    ],
)
def test_bad_rules_are_refused_with_a_chinese_reason(rules: list[GradeRule], fragment: str) -> None:
    with pytest.raises(ValidationError, match=fragment) as err:
        validate_rules(rules)
    assert err.value.problems


def test_every_problem_is_listed_with_its_rule_number() -> None:
    problems = rule_problems([GradeRule(0, 2, 0, 14, 1), GradeRule(3, 12, 2, 100, 9)])
    assert problems == [
        "第1条规则：可借册数应在 1–20 本之间（现为 0）。",
        "第2条规则：借期应在 1–90 天之间（现为 100）。",
        "第2条规则：续借次数应在 0–5 次之间（现为 9）。",
    ]


def test_grades_outside_every_rule_at_the_ends_are_allowed() -> None:
    # Rules starting at grade 1 leave 学前班 to the strictest rule: a choice, not a typo.
    assert validate_rules([GradeRule(1, 6, 2, 14, 1)]) == [GradeRule(1, 6, 2, 14, 1)]
