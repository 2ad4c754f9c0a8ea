"""Loan rules per grade, the desk's settings (block when overdue, sound) and the centre's closed days (due dates
move past them)."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import and_, delete, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import (
    ClosedDay,
    LoanRule,
    Setting,
)
from center_app.domain import loan_rules
from center_app.domain.errors import ValidationError
from center_app.domain.loan_rules import GradeRule
from center_app.domain.permissions import (
    OWN,
    READ,
    WRITE,
    require,
    require_any,
)
from center_app.services import audit
from center_app.services.circulation.common import cn_date
from center_app.services.settings import write_setting

BLOCK_WHEN_OVERDUE_KEY: Final = "block_when_overdue"
SOUND_ON_KEY: Final = "sound_on"
RENEW_OVERDUE_KEY: Final = "renew_when_overdue"

CLOSED_REASON_MAX: Final = 100


@dataclass(frozen=True)
class LoanSettings:
    rules: tuple[GradeRule, ...]
    block_when_overdue: bool = True  # refuse new loans while a child has an overdue book
    sound_on: bool = True  # the desk beeps on success / refusal
    # Renewing an overdue book lifts the overdue block without the book coming back: off unless the centre wants it.
    renew_when_overdue: bool = False

    @property
    def may_renew_overdue(self) -> bool:
        return may_renew_overdue(self.block_when_overdue, self.renew_when_overdue)


def may_renew_overdue(block_when_overdue: bool, renew_when_overdue: bool) -> bool:
    """Whether an overdue loan may be renewed: always when overdue books block nothing, else only if allowed."""
    return renew_when_overdue or not block_when_overdue


@dataclass(frozen=True)
class ClosedDayRow:
    day: dt.date
    reason: str


@dataclass
class LoanConfig:
    rules: list[GradeRule] = field(default_factory=list)
    block_when_overdue: bool = True
    sound_on: bool = True
    renew_when_overdue: bool = False


def read_config(s: Session) -> LoanConfig:
    rules = [
        GradeRule(r.grade_min, r.grade_max, r.max_books, r.loan_days, r.max_renewals)
        for r in s.scalars(select(LoanRule).order_by(LoanRule.grade_min, LoanRule.id))
    ]
    values: dict[str, Any] = {}
    for row in s.scalars(
        select(Setting).where(Setting.key.in_((BLOCK_WHEN_OVERDUE_KEY, SOUND_ON_KEY, RENEW_OVERDUE_KEY)))
    ):
        try:
            values[row.key] = json.loads(row.value) if row.value else None
        except ValueError:
            values[row.key] = None
    return LoanConfig(
        rules=rules,
        block_when_overdue=bool(values.get(BLOCK_WHEN_OVERDUE_KEY, True) is not False),
        sound_on=bool(values.get(SOUND_ON_KEY, True) is not False),
        renew_when_overdue=values.get(RENEW_OVERDUE_KEY) is True,
    )


def compute_due_on(s: Session, start: dt.date, loan_days: int) -> dt.date:
    # Only the closed days at or after the earliest possible due date matter (primary-key range, at most a year).
    earliest = start + dt.timedelta(days=loan_days)
    closed = set(
        s.scalars(select(ClosedDay.day).where(ClosedDay.day >= earliest).order_by(ClosedDay.day).limit(366))
    )
    return loan_rules.due_date(start, loan_days, closed)


def get_loan_settings(ctx: AppContext) -> LoanSettings:
    """The rules and desk switches (the desk reads them; the settings page edits them)."""
    require_any(ctx.actor, ("circulation", READ), ("settings", READ))
    with ctx.db.read() as s:
        config = read_config(s)
    return LoanSettings(
        rules=tuple(config.rules),
        block_when_overdue=config.block_when_overdue,
        sound_on=config.sound_on,
        renew_when_overdue=config.renew_when_overdue,
    )


def _rules_text(rules: Iterable[GradeRule]) -> str:
    return "；".join(
        f"{loan_rules.grade_range_label(r.grade_min, r.grade_max)}: "
        f"{r.max_books}本/{r.loan_days}天/续借{r.max_renewals}次"
        for r in rules
    )


def save_loan_settings(ctx: AppContext, new: LoanSettings) -> LoanSettings:
    """Validate, then replace every ``loan_rule`` row and the desk's switches in one transaction."""
    require(ctx.actor, "settings", WRITE)
    rules = loan_rules.validate_rules(new.rules)
    with ctx.db.session() as s:
        old = read_config(s)
        old_rules = old.rules
        if old_rules != rules:
            s.execute(delete(LoanRule))
            s.add_all(
                LoanRule(
                    grade_min=r.grade_min,
                    grade_max=r.grade_max,
                    max_books=r.max_books,
                    loan_days=r.loan_days,
                    max_renewals=r.max_renewals,
                )
                for r in rules
            )
            audit.record(
                s,
                ctx.actor,
                "update",
                "loan_rule",
                "",
                "借阅规则",
                {"rules": [_rules_text(old_rules), _rules_text(rules)]},
            )
        write_setting(s, ctx, BLOCK_WHEN_OVERDUE_KEY, bool(new.block_when_overdue))
        write_setting(s, ctx, SOUND_ON_KEY, bool(new.sound_on))
        if bool(new.renew_when_overdue) != old.renew_when_overdue:  # no row (and no audit) for the default
            write_setting(s, ctx, RENEW_OVERDUE_KEY, bool(new.renew_when_overdue))
    return LoanSettings(
        tuple(rules), bool(new.block_when_overdue), bool(new.sound_on), bool(new.renew_when_overdue)
    )


def list_closed_days(ctx: AppContext, year: int) -> list[ClosedDayRow]:
    """The year's closed days. Not sensitive: the desk, the settings page and a teacher's roll call need them."""
    require_any(ctx.actor, ("circulation", READ), ("settings", READ), ("attendance", OWN))
    with ctx.db.read() as s:
        rows = s.execute(
            select(ClosedDay.day, ClosedDay.reason)
            .where(ClosedDay.day >= dt.date(year, 1, 1), ClosedDay.day <= dt.date(year, 12, 31))
            .order_by(ClosedDay.day)
        ).all()
    return [ClosedDayRow(day, reason) for day, reason in rows]


def set_closed_days(ctx: AppContext, days: Sequence[tuple[dt.date, str]], *, year: int | None = None) -> int:
    """Add the given closed days or change their reason; with ``year``, the year's other closed days are removed
    (the calendar page saves a whole year; ``[]`` with a year clears it). Returns how many days changed.

    Loans already out keep their due dates: a holiday added later does not move them (the desk can renew).
    """
    require(ctx.actor, "settings", WRITE)
    problems: list[str] = []
    wanted: dict[dt.date, str] = {}
    for n, (day, reason) in enumerate(days, start=1):
        reason = (reason or "").strip()
        if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
            problems.append(f"第{n}项：日期无效。")
            continue
        if year is not None and day.year != year:
            problems.append(f"第{n}项：{cn_date(day)} 不在 {year} 年。")
        if len(reason) > CLOSED_REASON_MAX:
            problems.append(f"第{n}项：原因不能超过{CLOSED_REASON_MAX}个字。")
        if day in wanted:
            problems.append(f"第{n}项：{cn_date(day)} 重复了。")
        wanted[day] = reason
    if problems:
        raise ValidationError("闭馆日有误：" + " ".join(problems), problems)
    with ctx.db.session() as s:
        if year is not None:
            where = and_(ClosedDay.day >= dt.date(year, 1, 1), ClosedDay.day <= dt.date(year, 12, 31))
        else:
            where = ClosedDay.day.in_(list(wanted))
        existing = {row.day: row for row in s.scalars(select(ClosedDay).where(where))}
        changes: dict[str, list[Any]] = {}
        for day, old in existing.items():
            if day not in wanted:
                changes[day.isoformat()] = [old.reason, None]
                s.delete(old)
        for day, reason in wanted.items():
            row = existing.get(day)
            if row is None:
                s.add(ClosedDay(day=day, reason=reason))
                changes[day.isoformat()] = [None, reason]
            elif row.reason != reason:
                changes[day.isoformat()] = [row.reason, reason]
                row.reason = reason
        if changes:
            audit.record(
                s,
                ctx.actor,
                "update",
                "closed_day",
                year or "",
                f"闭馆日：{len(changes)} 天有变动",
                dict(sorted(changes.items())),
            )
    return len(changes)
