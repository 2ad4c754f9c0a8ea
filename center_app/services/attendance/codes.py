"""Attendance codes (the roll call's buttons and what each counts as) and the attendance settings (open weekdays,
late threshold, early-warning thresholds).

``read_context`` is the building block the other attendance modules (and ``early_warning``) start from inside
their own transaction: settings, codes, and the closed days near the dates in question.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any, Final

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import AttendanceCode, AttendanceMark, ClosedDay, Setting
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig, CodeDef
from center_app.domain.errors import ValidationError
from center_app.domain.permissions import OWN, READ, WRITE, require, require_any
from center_app.services import audit
from center_app.services.settings import write_setting

OPEN_WEEKDAYS_KEY: Final = "open_weekdays"
LATE_AFTER_KEY: Final = "late_after"
DEFAULT_CODE_KEY: Final = "attendance_default_code"
LATE_CODE_KEY: Final = "attendance_late_code"
WARNING_CONSECUTIVE_KEY: Final = "warning_consecutive_absences"
WARNING_MONTH_RATE_KEY: Final = "warning_month_rate"
_SETTING_KEYS: Final = (
    OPEN_WEEKDAYS_KEY,
    LATE_AFTER_KEY,
    DEFAULT_CODE_KEY,
    LATE_CODE_KEY,
    WARNING_CONSECUTIVE_KEY,
    WARNING_MONTH_RATE_KEY,
)
DEFAULT_CONSECUTIVE: Final = 3
DEFAULT_MONTH_RATE: Final = 60  # percent


@dataclass(frozen=True)
class AttendanceSettings:
    open_weekdays: tuple[int, ...] = rules.DEFAULT_OPEN_WEEKDAYS
    late_after: str = ""  # "HH:MM": a check-in after it is marked late; "" = never
    warning_consecutive: int = DEFAULT_CONSECUTIVE  # consecutive open days absent before a warning
    warning_month_rate: int = DEFAULT_MONTH_RATE  # warn below this % this month


@dataclass
class AttendanceContext:
    """What most use cases read first: settings, codes, and the closed days near the dates in question."""

    settings: AttendanceSettings
    codes: CodeConfig
    closed: set[dt.date] = field(default_factory=set)

    def is_open(self, day: dt.date) -> bool:
        return rules.is_open_day(day, self.settings.open_weekdays, self.closed)


def _json(value: str | None) -> Any:
    try:
        return json.loads(value) if value else None
    except ValueError:
        return None


def _read_settings(s: Session) -> tuple[AttendanceSettings, str, str]:
    """The attendance settings plus the default and late code (stored as settings: the code table has no
    column for them)."""
    values = {
        key: _json(value)
        for key, value in s.execute(select(Setting.key, Setting.value).where(Setting.key.in_(_SETTING_KEYS)))
    }
    try:
        weekdays = rules.validate_open_weekdays(values.get(OPEN_WEEKDAYS_KEY) or rules.DEFAULT_OPEN_WEEKDAYS)
    except ValidationError:  # a hand-edited setting must not stop the roll call
        weekdays = rules.DEFAULT_OPEN_WEEKDAYS
    late_after = values.get(LATE_AFTER_KEY) or ""
    try:
        rules.parse_hhmm(late_after)
    except ValidationError:
        late_after = ""
    consecutive = values.get(WARNING_CONSECUTIVE_KEY)
    rate = values.get(WARNING_MONTH_RATE_KEY)
    settings = AttendanceSettings(
        open_weekdays=weekdays,
        late_after=str(late_after),
        warning_consecutive=consecutive
        if isinstance(consecutive, int) and consecutive > 0
        else DEFAULT_CONSECUTIVE,
        warning_month_rate=rate if isinstance(rate, int) and 0 <= rate <= 100 else DEFAULT_MONTH_RATE,
    )
    default = values.get(DEFAULT_CODE_KEY)
    late = values.get(LATE_CODE_KEY)
    return settings, default if isinstance(default, str) else "P", late if isinstance(late, str) else "L"


def _read_codes(s: Session, default: str, late: str) -> CodeConfig:
    codes = tuple(
        CodeDef(
            r.code, r.label, bool(r.counts_present), bool(r.counts_absent), r.shortcut or "", r.sort_order
        )
        for r in s.scalars(select(AttendanceCode).order_by(AttendanceCode.sort_order, AttendanceCode.code))
    )
    known = {c.code for c in codes}
    if default not in known:  # fall back to the first present code rather than fail
        default = next((c.code for c in codes if c.counts_present), default)
    if late and late not in known:
        late = ""
    return CodeConfig(codes, default_code=default, late_code=late)


def read_context(s: Session, first: dt.date | None = None, last: dt.date | None = None) -> AttendanceContext:
    settings, default, late = _read_settings(s)
    closed: set[dt.date] = set()
    if first is not None and last is not None:
        closed = set(s.scalars(select(ClosedDay.day).where(ClosedDay.day >= first, ClosedDay.day <= last)))
    return AttendanceContext(settings, _read_codes(s, default, late), closed)


def get_codes(ctx: AppContext) -> CodeConfig:
    """The centre's codes (the roll call's buttons and keys, and what each counts as)."""
    require_any(ctx.actor, ("attendance", OWN), ("attendance", READ), ("settings", READ))
    with ctx.db.read() as s:
        _, default, late = _read_settings(s)
        return _read_codes(s, default, late)


def _codes_text(config: CodeConfig) -> str:
    return (
        "；".join(
            f"{c.code}={c.label}/{'出勤' if c.counts_present else '缺勤' if c.counts_absent else '不计'}"
            f"/{c.shortcut or '-'}"
            for c in config.codes
        )
        + f"；默认 {config.default_code}；迟到 {config.late_code or '-'}"
    )


def save_codes(ctx: AppContext, config: CodeConfig) -> CodeConfig:
    """Replace the code table (settings 写). A code already used by marks cannot be removed — rename it instead;
    changing what a code counts as changes past statistics too (that is the point of configuring it)."""
    require(ctx.actor, "settings", WRITE)
    config = rules.validate_codes(config)
    with ctx.db.session() as s:
        _, default, late = _read_settings(s)
        old = _read_codes(s, default, late)
        wanted = {c.code: c for c in config.codes}
        rows = {r.code: r for r in s.scalars(select(AttendanceCode))}
        removed = [code for code in rows if code not in wanted]
        if removed:
            used = dict(
                s.execute(
                    select(AttendanceMark.code, func.count())
                    .where(AttendanceMark.code.in_(removed))
                    .group_by(AttendanceMark.code)
                ).all()
            )
            if used:
                problems = [
                    f"“{rows[code].label}”（{code}）已用于 {n} 条考勤记录，不能删除，可以改名。"
                    for code, n in sorted(used.items())
                ]
                raise ValidationError("考勤代码设置有误：" + " ".join(problems), problems)
            s.execute(delete(AttendanceCode).where(AttendanceCode.code.in_(removed)))
        for code, c in wanted.items():
            row = rows.get(code)
            if row is None:
                row = AttendanceCode(code=code)
                s.add(row)
            row.label, row.counts_present, row.counts_absent = c.label, c.counts_present, c.counts_absent
            row.shortcut, row.sort_order = c.shortcut, c.sort_order
        if _codes_text(old) != _codes_text(config):
            audit.record(
                s,
                ctx.actor,
                "update",
                "attendance_code",
                "",
                "考勤代码",
                {"codes": [_codes_text(old), _codes_text(config)]},
            )
        write_setting(s, ctx, DEFAULT_CODE_KEY, config.default_code)
        write_setting(s, ctx, LATE_CODE_KEY, config.late_code)
    return config


def get_attendance_settings(ctx: AppContext) -> AttendanceSettings:
    require_any(ctx.actor, ("attendance", OWN), ("attendance", READ), ("settings", READ))
    with ctx.db.read() as s:
        return _read_settings(s)[0]


def save_attendance_settings(ctx: AppContext, new: AttendanceSettings) -> AttendanceSettings:
    """Open weekdays, the late threshold and the early-warning thresholds (settings 写)."""
    require(ctx.actor, "settings", WRITE)
    weekdays = rules.validate_open_weekdays(new.open_weekdays)
    late = rules.parse_hhmm(new.late_after)
    problems = []
    if not isinstance(new.warning_consecutive, int) or not 1 <= new.warning_consecutive <= 60:
        problems.append("连续缺勤天数须在 1–60 之间。")
    if not isinstance(new.warning_month_rate, int) or not 0 <= new.warning_month_rate <= 100:
        problems.append("出勤率预警线须在 0–100 之间。")
    if problems:
        raise ValidationError("考勤设置有误：" + " ".join(problems), problems)
    cleaned = AttendanceSettings(
        open_weekdays=weekdays,
        late_after=late.strftime("%H:%M") if late else "",
        warning_consecutive=new.warning_consecutive,
        warning_month_rate=new.warning_month_rate,
    )
    with ctx.db.session() as s:
        write_setting(s, ctx, OPEN_WEEKDAYS_KEY, list(cleaned.open_weekdays))
        write_setting(s, ctx, LATE_AFTER_KEY, cleaned.late_after)
        write_setting(s, ctx, WARNING_CONSECUTIVE_KEY, cleaned.warning_consecutive)
        write_setting(s, ctx, WARNING_MONTH_RATE_KEY, cleaned.warning_month_rate)
    return cleaned
