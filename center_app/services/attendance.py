"""Attendance: codes and settings, the roll call (a day or a session), check-in/out, the monthly register.

Each public function is one use case and one transaction and starts with a permission check (``attendance``:
staff and admin 写; a teacher 仅本人 — only the registers of sessions they lead, via ``ActivityVolunteer``; the
whole-day register belongs to nobody, so only staff take it). Statistics follow ``domain.attendance``.

**Which register counts for what.** The day register (``activity_id`` NULL, one per date) is the centre's
register of record: the monthly register, the rates, the "roll not taken" reminder and the overview chart use it
alone. Session registers record who took part in an activity; they are not daily attendance (a child may skip
the art class and still be at the centre), except that a present mark in any register ends an absence streak
(``early_warning``).

**Who is expected.** Day register: every child on the roll that day — enrolled on or before it (or with no
enrolment date) and not yet left (``left_on`` is the first day away) — plus anyone already marked. Session
register: the children already marked plus the session's regulars (present in any of the last four earlier
sessions of the same timetable slot, or of the same title for one-off activities); for a first session, every
child on the roll. ``RegisterView.scope`` says which, so the page can offer a search to add anyone else.

**Two people, one register.** Each mark carries a ``version`` that counts changes of its code. A save sends, per
child, the version the user saw; a mark whose stored version differs was saved by someone else meanwhile and is
not overwritten but returned as a ``Conflict`` (their code, your code, the version now stored — saving again with
that version overwrites on purpose). A code equal to the stored one is "unchanged" whatever the version (both
people agree), and nothing is rewritten. The rest of the save goes through. Writers queue on ``BEGIN
IMMEDIATE``; the version is also in the UPDATE's WHERE, so a server database with weaker locking refuses rather
than overwrites.

**Times.** Instants are stored as naive UTC (the schema's rule) and returned as the PC's local time; a naive
``now`` passed in is local time.
"""

from __future__ import annotations

import datetime as dt
import json
import re
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final, Literal, NamedTuple

from sqlalchemy import bindparam, delete, func, insert, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from center_app.context import Actor, AppContext
from center_app.db.models import (
    Activity,
    ActivityVolunteer,
    AttendanceCode,
    AttendanceMark,
    AttendanceRegister,
    Child,
    ClosedDay,
    Guardian,
    PickupPerson,
    Setting,
    User,
)
from center_app.domain import attendance as rules
from center_app.domain.attendance import CodeConfig, CodeDef, Tally
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.permissions import (
    OWN,
    READ,
    WRITE,
    allowed,
    can_mark_register,
    denied_message,
    redact_child,
    require,
    require_owned,
)
from center_app.domain.pinyin import pinyin_keys
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
REGULARS_SESSIONS: Final = 4
NOTE_MAX: Final = 200

_mark = AttendanceMark.__table__

Scope = Literal["day", "regulars", "all"]


# --- results ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class AttendanceSettings:
    open_weekdays: tuple[int, ...] = rules.DEFAULT_OPEN_WEEKDAYS
    late_after: str = ""  # "HH:MM": a check-in after it is marked late; "" = never
    warning_consecutive: int = DEFAULT_CONSECUTIVE  # consecutive open days absent before a warning
    warning_month_rate: int = DEFAULT_MONTH_RATE  # warn below this % this month


@dataclass(frozen=True)
class MarkInput:
    """One child's mark as the user wants it. ``code`` None removes the mark; ``expected_version`` is the version
    the user saw (0 = there was no mark)."""

    child_id: int
    code: str | None
    expected_version: int = 0


@dataclass(frozen=True)
class RegisterRow:
    child_id: int
    name: str
    class_name: str
    grade: int | None
    code: str | None  # None = not marked
    label: str
    version: int  # 0 = no mark yet
    marked_at: dt.datetime | None  # local time
    marked_by: str
    check_in_at: dt.datetime | None
    check_out_at: dt.datetime | None
    picked_up_by: str  # blank unless the user may read child.family
    pickup_authorised: bool | None
    note: str


@dataclass(frozen=True)
class RegisterView:
    register_id: int | None  # None: no roll taken yet
    on_date: dt.date
    activity_id: int | None
    activity_title: str
    scope: Scope
    rows: tuple[RegisterRow, ...]
    totals: Tally
    unmarked: int
    codes: CodeConfig
    taken_by: str  # who first saved it
    taken_at: dt.datetime | None  # local time
    last_saved_by: str
    last_saved_at: dt.datetime | None
    note: str
    is_open_day: bool  # False: a closed day or a weekday the centre does not open (the page may say so)
    may_edit: bool


@dataclass(frozen=True)
class Conflict:
    """A mark someone else saved after you opened the register; yours was not written."""

    child_id: int
    child_name: str
    their_code: str | None
    their_label: str
    your_code: str | None
    your_label: str
    version: int  # stored now: save with this version to overwrite on purpose
    marked_by: str
    marked_at: dt.datetime | None


@dataclass(frozen=True)
class SaveResult:
    register_id: int | None
    added: int
    changed: int
    removed: int
    unchanged: int
    conflicts: tuple[Conflict, ...]
    versions: Mapping[int, int]  # child_id → version stored now (0 = no mark), for every child sent
    codes: Mapping[int, str | None]  # child_id → code stored now
    message: str

    @property
    def saved(self) -> int:
        return self.added + self.changed + self.removed


@dataclass(frozen=True)
class CheckInResult:
    child_id: int
    name: str
    class_name: str
    code: str
    label: str
    check_in_at: dt.datetime  # local time
    late: bool
    already: bool  # was checked in before: nothing changed
    message: str


@dataclass(frozen=True)
class CheckOutResult:
    child_id: int
    name: str
    picked_up_by: str
    check_out_at: dt.datetime  # local time
    authorised: bool | None  # None: went home alone (no name given)
    warning: str  # "" or why staff should check; also stored on the mark and in the audit log
    message: str


@dataclass(frozen=True)
class PickupName:
    name: str
    relation: str
    phone: str  # blank unless the user may read child.phones
    kind: Literal["guardian", "pickup"]


@dataclass(frozen=True)
class MonthlyRow:
    child_id: int
    name: str
    class_name: str
    grade: int | None
    cells: tuple[str | None, ...]  # code per column of ``MonthlyRegister.days``; None = no mark
    tally: Tally

    @property
    def rate(self) -> float | None:
        return self.tally.rate


@dataclass(frozen=True)
class DayColumn:
    day: dt.date
    is_open: bool  # False: a register was taken on a day the calendar says is closed (an event day)
    taken: bool  # a day register exists
    tally: Tally
    expected: int  # children of the register's rows on the roll that day


@dataclass(frozen=True)
class MonthlyRegister:
    year: int
    month: int
    class_name: str | None
    days: tuple[DayColumn, ...]
    rows: tuple[MonthlyRow, ...]
    total: Tally
    codes: CodeConfig

    @property
    def rate(self) -> float | None:
        return self.total.rate

    @property
    def title(self) -> str:
        who = f"（{self.class_name}）" if self.class_name else ""
        return f"{self.year}年{self.month}月 考勤表{who}"


class DaySummary(NamedTuple):
    day: dt.date
    present: int | None  # None: no roll taken that day
    expected: int  # children on the roll that day


@dataclass
class _Ctx:
    """What most use cases read first: settings, codes, and the closed days near the dates in question."""

    settings: AttendanceSettings
    codes: CodeConfig
    closed: set[dt.date] = field(default_factory=set)

    def is_open(self, day: dt.date) -> bool:
        return rules.is_open_day(day, self.settings.open_weekdays, self.closed)


# --- small helpers ------------------------------------------------------------------------------------------


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


def _context(s: Session, first: dt.date | None = None, last: dt.date | None = None) -> _Ctx:
    settings, default, late = _read_settings(s)
    closed: set[dt.date] = set()
    if first is not None and last is not None:
        closed = set(s.scalars(select(ClosedDay.day).where(ClosedDay.day >= first, ClosedDay.day <= last)))
    return _Ctx(settings, _read_codes(s, default, late), closed)


def _require_any(actor: Actor, *grants: tuple[str, str]) -> None:
    if not any(allowed(actor.role, area, level) for area, level in grants):
        raise PermissionDenied(denied_message(actor.role, *grants[0]))


def _local(instant: dt.datetime | None) -> dt.datetime | None:
    if instant is None:
        return None
    return instant.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


def _moment(now: dt.datetime | None) -> tuple[dt.datetime, dt.datetime]:
    """(local naive, naive UTC) of ``now``; naive means the PC's local time."""
    if now is None:
        local = dt.datetime.now()
    elif now.tzinfo is not None:
        local = now.astimezone().replace(tzinfo=None)
    else:
        local = now
    return local, local.astimezone(dt.UTC).replace(tzinfo=None)


def _natural(text: str) -> tuple[Any, ...]:
    return tuple(int(p) if p.isdigit() else p for p in re.split(r"(\d+)", text or ""))


def _sort_key(grade: int | None, class_name: str, name: str, name_pinyin: str) -> tuple[Any, ...]:
    # The order of a paper register: grade, class (三年级2班 before 三年级10班), then pinyin.
    return (grade is None, grade or 0, _natural(class_name), name_pinyin or pinyin_keys(name)[0], name)


def _on_roll(
    status: str, enrolled_on: dt.date | None, left_on: dt.date | None, first: dt.date, last: dt.date
) -> bool:
    """On the centre's roll at some time between ``first`` and ``last`` (``left_on`` is the first day away)."""
    if enrolled_on is not None and enrolled_on > last:
        return False
    if status == "active":
        return True
    return left_on is not None and left_on > first


def _has_left(status: str, left_on: dt.date | None, day: dt.date) -> bool:
    return status != "active" and (left_on is None or left_on <= day)


_CHILD_COLUMNS = (
    Child.id,
    Child.name,
    Child.name_pinyin,
    Child.class_name,
    Child.grade,
    Child.status,
    Child.enrolled_on,
    Child.left_on,
)


def _basic(role: str, row: Any) -> dict[str, Any]:
    return redact_child(
        role, {"id": row.id, "name": row.name, "class_name": row.class_name, "grade": row.grade}
    )


def _user_names(s: Session, ids: Iterable[int | None]) -> dict[int, str]:
    wanted = {i for i in ids if i is not None}
    if not wanted:
        return {}
    return {
        uid: display or username
        for uid, display, username in s.execute(
            select(User.id, User.display_name, User.username).where(User.id.in_(wanted))
        )
    }


def _activity(s: Session, activity_id: int, on_date: dt.date) -> Activity:
    activity = s.get(Activity, activity_id)
    if activity is None:
        raise NotFound("找不到这次活动，可能已被删除。请刷新后再试。")
    if activity.on_date != on_date:
        raise ValidationError(
            f"活动“{activity.title}”的日期是 {_cn_date(activity.on_date)}，不是 {_cn_date(on_date)}。"
        )
    return activity


def _volunteers(s: Session, activity_id: int | None) -> list[int]:
    if activity_id is None:
        return []  # the day register belongs to nobody: only 写 may take it
    return list(
        s.scalars(select(ActivityVolunteer.volunteer_id).where(ActivityVolunteer.activity_id == activity_id))
    )


def _register(s: Session, on_date: dt.date, activity_id: int | None) -> AttendanceRegister | None:
    where = (
        AttendanceRegister.activity_id.is_(None)
        if activity_id is None
        else AttendanceRegister.activity_id == activity_id
    )
    return s.scalars(select(AttendanceRegister).where(AttendanceRegister.on_date == on_date, where)).first()


def _cn_date(day: dt.date) -> str:
    return f"{day.year}年{day.month}月{day.day}日"


def _what(on_date: dt.date, title: str) -> str:
    return f"{on_date.isoformat()} {title or '全天'}"


def _not_future(day: dt.date) -> None:
    if day > dt.date.today():
        raise ValidationError(f"{_cn_date(day)} 还没到，不能点名。")


# --- codes and settings -------------------------------------------------------------------------------------


def get_codes(ctx: AppContext) -> CodeConfig:
    """The centre's codes (the roll call's buttons and keys, and what each counts as)."""
    _require_any(ctx.actor, ("attendance", OWN), ("attendance", READ), ("settings", READ))
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
    _require_any(ctx.actor, ("attendance", OWN), ("attendance", READ), ("settings", READ))
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


# --- the roll call ------------------------------------------------------------------------------------------


def _require_register(actor: Actor, volunteer_ids: Sequence[int], *, write: bool) -> None:
    if not write and allowed(actor.role, "attendance", READ):
        return
    require_owned(actor, "attendance", volunteer_ids)


def _regulars(s: Session, activity: Activity, codes: CodeConfig) -> set[int]:
    same = (
        Activity.slot_id == activity.slot_id
        if activity.slot_id is not None
        else Activity.title == activity.title
    )
    earlier = (
        select(AttendanceRegister.id)
        .join(Activity, Activity.id == AttendanceRegister.activity_id)
        .where(same, AttendanceRegister.on_date < activity.on_date)
        .order_by(AttendanceRegister.on_date.desc())
        .limit(REGULARS_SESSIONS)
        .scalar_subquery()
    )
    present = [c.code for c in codes.codes if c.counts_present]
    return set(
        s.scalars(
            select(AttendanceMark.child_id)
            .where(AttendanceMark.register_id.in_(earlier), AttendanceMark.code.in_(present))
            .distinct()
        )
    )


def open_register(ctx: AppContext, on_date: dt.date, activity_id: int | None = None) -> RegisterView:
    """The register of a day (``activity_id`` None) or a session, with every expected child and their saved mark.

    Opening does not create anything: ``register_id`` stays None until the first save.
    """
    _require_any(ctx.actor, ("attendance", READ), ("attendance", OWN))
    role = ctx.actor.role
    with ctx.db.read() as s:
        activity = _activity(s, activity_id, on_date) if activity_id is not None else None
        volunteer_ids = _volunteers(s, activity_id)
        _require_register(ctx.actor, volunteer_ids, write=False)
        c = _context(s, on_date, on_date)
        register = _register(s, on_date, activity_id)
        marks = (
            {
                m.child_id: m
                for m in s.scalars(select(AttendanceMark).where(AttendanceMark.register_id == register.id))
            }
            if register is not None
            else {}
        )
        children = s.execute(select(*_CHILD_COLUMNS)).all()
        scope: Scope = "day"
        wanted: set[int] | None = None  # None = everyone on the roll
        if activity is not None:
            regulars = _regulars(s, activity, c.codes)
            scope = "regulars" if regulars else "all"
            wanted = regulars or None
        rows_data = [
            r
            for r in children
            if r.id in marks
            or (
                _on_roll(r.status, r.enrolled_on, r.left_on, on_date, on_date)
                and not _has_left(r.status, r.left_on, on_date)
                and (wanted is None or r.id in wanted)
            )
        ]
        users = _user_names(
            s, [m.marked_by for m in marks.values()] + ([register.taken_by] if register is not None else [])
        )
    rows_data.sort(key=lambda r: _sort_key(r.grade, r.class_name, r.name, r.name_pinyin))
    family = allowed(role, "child.family", READ)
    rows = []
    for r in rows_data:
        data = _basic(role, r)
        m = marks.get(r.id)
        rows.append(
            RegisterRow(
                child_id=r.id,
                name=data["name"],
                class_name=data["class_name"],
                grade=data["grade"],
                code=m.code if m else None,
                label=c.codes.label(m.code) if m else "",
                version=m.version if m else 0,
                marked_at=_local(m.marked_at) if m else None,
                marked_by=users.get(m.marked_by, "") if m and m.marked_by else "",
                check_in_at=_local(m.check_in_at) if m else None,
                check_out_at=_local(m.check_out_at) if m else None,
                picked_up_by=(m.picked_up_by if family else "") if m else "",
                pickup_authorised=m.pickup_authorised if m and family else None,
                note=m.note if m else "",
            )
        )
    last = max(marks.values(), key=lambda m: m.marked_at, default=None)
    return RegisterView(
        register_id=register.id if register is not None else None,
        on_date=on_date,
        activity_id=activity_id,
        activity_title=activity.title if activity is not None else "",
        scope=scope,
        rows=tuple(rows),
        totals=rules.tally((row.code for row in rows), c.codes),
        unmarked=sum(1 for row in rows if row.code is None),
        codes=c.codes,
        taken_by=users.get(register.taken_by, "") if register is not None and register.taken_by else "",
        taken_at=_local(register.created_at) if register is not None else None,
        last_saved_by=users.get(last.marked_by, "") if last is not None and last.marked_by else "",
        last_saved_at=_local(last.marked_at) if last is not None else None,
        note=register.note if register is not None else "",
        is_open_day=c.is_open(on_date),
        may_edit=can_mark_register(ctx.actor, volunteer_ids),
    )


def fill_unmarked(view: RegisterView, code: str | None = None) -> list[MarkInput]:
    """The "全部出勤" button: the default present code (or ``code``) for every child not yet marked."""
    fill = code or view.codes.default_code
    return [MarkInput(row.child_id, fill, row.version) for row in view.rows if row.code is None]


def save_marks(
    ctx: AppContext,
    on_date: dt.date,
    activity_id: int | None,
    marks: Sequence[MarkInput],
    *,
    note: str | None = None,
) -> SaveResult:
    """Save a roll call in one transaction (see the module doc for conflicts). ``note`` (if given) replaces the
    register's note ("下大雨，部分孩子没来"). The register is created by the first save that writes a mark."""
    _require_any(ctx.actor, ("attendance", OWN))
    _not_future(on_date)
    if note is not None and len(note.strip()) > NOTE_MAX:
        raise ValidationError(f"备注不能超过{NOTE_MAX}个字。")
    counted: dict[int, int] = {}
    for m in marks:
        counted[m.child_id] = counted.get(m.child_id, 0) + 1
    twice = sorted(child_id for child_id, n in counted.items() if n > 1)
    if twice:
        raise ValidationError(f"同一名儿童出现了两次（编号 {'、'.join(map(str, twice))}），请刷新后再保存。")
    _, now = _moment(None)
    with ctx.db.session() as s:  # BEGIN IMMEDIATE: no other writer until commit
        activity = _activity(s, activity_id, on_date) if activity_id is not None else None
        require_owned(ctx.actor, "attendance", _volunteers(s, activity_id))
        _, default, late = _read_settings(s)
        codes = _read_codes(s, default, late)
        children = {
            r.id: r
            for r in s.execute(
                select(Child.id, Child.name, Child.status, Child.left_on).where(
                    Child.id.in_([m.child_id for m in marks])
                )
            )
        }
        register = _register(s, on_date, activity_id)
        existing = (
            {
                r.child_id: r
                for r in s.execute(
                    select(
                        _mark.c.id,
                        _mark.c.child_id,
                        _mark.c.code,
                        _mark.c.version,
                        _mark.c.marked_by,
                        _mark.c.marked_at,
                    ).where(_mark.c.register_id == register.id)
                )
            }
            if register is not None
            else {}
        )
        problems = []
        for n, m in enumerate(marks, start=1):
            child = children.get(m.child_id)
            if child is None:
                problems.append(f"第{n}项：找不到编号为 {m.child_id} 的儿童。")
            elif m.code is not None and codes.get(m.code) is None:
                problems.append(f"第{n}项（{child.name}）：没有考勤代码“{m.code}”。")
            elif (
                m.child_id not in existing
                and m.code is not None
                and _has_left(child.status, child.left_on, on_date)
            ):
                problems.append(f"第{n}项：{child.name} 这一天已不在中心登记。")
        if problems:
            raise ValidationError("点名表有误，没有保存：" + " ".join(problems), problems)

        inserts: list[dict[str, Any]] = []
        updates: list[dict[str, Any]] = []
        removes: list[int] = []
        conflicts: list[tuple[MarkInput, Any]] = []
        versions: dict[int, int] = {}
        stored: dict[int, str | None] = {}
        changes: dict[str, list[Any]] = {}
        unchanged = 0
        for m in marks:
            old = existing.get(m.child_id)
            current_version = old.version if old is not None else 0
            current_code = old.code if old is not None else None
            versions[m.child_id], stored[m.child_id] = current_version, current_code
            if m.code == current_code:
                unchanged += 1  # also when the versions differ: both people agree
                continue
            if m.expected_version != current_version:
                conflicts.append((m, old))
                continue
            if old is None:
                inserts.append(
                    {
                        "register_id": None,
                        "child_id": m.child_id,
                        "code": m.code,
                        "version": 1,
                        "marked_at": now,
                        "marked_by": ctx.actor.user_id,
                    }
                )
                versions[m.child_id], stored[m.child_id] = 1, m.code
            elif m.code is None:
                removes.append(old.id)
                changes[f"child#{m.child_id}"] = [old.code, None]
                versions[m.child_id], stored[m.child_id] = 0, None
            else:
                updates.append(
                    {
                        "b_id": old.id,
                        "b_old_version": old.version,
                        "b_code": m.code,
                        "b_version": old.version + 1,
                        "b_at": now,
                        "b_by": ctx.actor.user_id,
                    }
                )
                changes[f"child#{m.child_id}"] = [old.code, m.code]
                versions[m.child_id], stored[m.child_id] = old.version + 1, m.code

        note_changed = note is not None and note.strip() != (register.note if register is not None else "")
        created = False
        if register is None and (inserts or note_changed):
            register = AttendanceRegister(
                on_date=on_date, activity_id=activity_id, taken_by=ctx.actor.user_id
            )
            s.add(register)
            try:
                s.flush()
            except IntegrityError:  # only a server database without BEGIN IMMEDIATE can get here
                raise DomainError("别人刚刚也建立了这张点名表。请重新打开点名表再保存。") from None
            created = True
        if inserts:
            assert register is not None
            for row in inserts:
                row["register_id"] = register.id
            s.execute(insert(_mark), inserts)
        if updates:
            result = s.execute(
                update(_mark)
                .where(_mark.c.id == bindparam("b_id"), _mark.c.version == bindparam("b_old_version"))
                .values(
                    code=bindparam("b_code"),
                    version=bindparam("b_version"),
                    marked_at=bindparam("b_at"),
                    marked_by=bindparam("b_by"),
                ),
                updates,
            )
            if result.supports_sane_multi_rowcount() and result.rowcount != len(updates):
                raise DomainError("别人同时修改了这张点名表。请重新打开点名表再保存。")
        if removes:
            s.execute(delete(_mark).where(_mark.c.id.in_(removes)))
        if register is not None and note_changed:
            changes["note"] = [register.note, note.strip() if note else ""]
            register.note = note.strip() if note else ""
        saved = len(inserts) + len(updates) + len(removes)
        if register is not None and (saved or note_changed):
            register.updated_at = now
            # The register's totals after this save, for the audit line (the counts, not who).
            after = rules.tally(
                [stored.get(cid, row.code) for cid, row in existing.items()]
                + [row["code"] for row in inserts],
                codes,
            )
            audit.record(
                s,
                ctx.actor,
                "create" if created else "update",
                "attendance_register",
                register.id,
                f"点名 {_what(on_date, activity.title if activity else '')}：新增 {len(inserts)}，"
                f"修改 {len(updates)}，删除 {len(removes)}，冲突未覆盖 {len(conflicts)}；"
                f"出勤 {after.present} 缺勤 {after.absent} 请假 {after.excused}",
                {
                    "added": [None, len(inserts)],
                    "changed": [None, len(updates)],
                    "removed": [None, len(removes)],
                    "conflicts": [None, len(conflicts)],
                    **changes,
                },
            )
        users = _user_names(s, [old.marked_by for _, old in conflicts if old is not None])
        conflict_rows = tuple(
            Conflict(
                child_id=m.child_id,
                child_name=children[m.child_id].name,
                their_code=old.code if old is not None else None,
                their_label=codes.label(old.code) if old is not None else "（未点名）",
                your_code=m.code,
                your_label=codes.label(m.code) if m.code else "（未点名）",
                version=old.version if old is not None else 0,
                marked_by=users.get(old.marked_by, "") if old is not None and old.marked_by else "",
                marked_at=_local(old.marked_at) if old is not None else None,
            )
            for m, old in conflicts
        )
        register_id = register.id if register is not None else None
    return SaveResult(
        register_id=register_id,
        added=len(inserts),
        changed=len(updates),
        removed=len(removes),
        unchanged=unchanged,
        conflicts=conflict_rows,
        versions=versions,
        codes=stored,
        message=_save_message(len(inserts) + len(updates) + len(removes), conflict_rows),
    )


def _save_message(saved: int, conflicts: Sequence[Conflict]) -> str:
    message = f"已保存 {saved} 人的考勤。" if saved else "没有需要保存的改动。"
    if conflicts:
        shown = "；".join(
            f"{c.child_name}（{c.marked_by or '别人'}记为“{c.their_label}”，你记为“{c.your_label}”）"
            for c in conflicts[:5]
        )
        more = f"等 {len(conflicts)} 人" if len(conflicts) > 5 else ""
        message += f"以下孩子的考勤已被别人修改，没有覆盖：{shown}{more}。请核对后再改。"
    return message


# --- check-in and check-out at the door ---------------------------------------------------------------------


def _clean_code(text: str) -> str:
    return unicodedata.normalize("NFKC", text or "").strip()


def _find_child(s: Session, card_or_child: str | int) -> Child | None:
    if isinstance(card_or_child, int):
        return s.get(Child, card_or_child)
    code = _clean_code(card_or_child)
    if not code:
        return None
    # As typed, upper- and lower-cased: a scanner with Caps Lock on still finds the card (on the unique index).
    variants = list(dict.fromkeys((code, code.upper(), code.lower())))
    return s.scalars(select(Child).where(Child.card_barcode.in_(variants))).first()


def _day_mark(
    s: Session, ctx: AppContext, day: dt.date, child_id: int
) -> tuple[AttendanceRegister, AttendanceMark | None]:
    register = _register(s, day, None)
    if register is None:
        register = AttendanceRegister(on_date=day, activity_id=None, taken_by=ctx.actor.user_id)
        s.add(register)
        s.flush()
        return register, None
    mark = s.scalars(
        select(AttendanceMark).where(
            AttendanceMark.register_id == register.id, AttendanceMark.child_id == child_id
        )
    ).first()
    return register, mark


def _arrival_code(codes: CodeConfig, mark: AttendanceMark | None, late: bool) -> str:
    """The code for a child who is here: keep a present mark; otherwise present, or late when it is past the
    late time or the roll call had already marked them absent (they came after it)."""
    kind = codes.kind(mark.code) if mark is not None else None
    if kind == rules.PRESENT:
        assert mark is not None
        return mark.code
    if codes.late_code and (late or kind == rules.ABSENT):
        return codes.late_code
    return codes.default_code


def _set_code(mark: AttendanceMark, code: str, ctx: AppContext, now: dt.datetime) -> None:
    if (
        mark.code != code
    ):  # the version counts changes of the code only: a roll call open elsewhere stays valid
        mark.code = code
        mark.version += 1
        mark.marked_at = now
        mark.marked_by = ctx.actor.user_id


def check_in(
    ctx: AppContext, card_or_child: str | int, on_date: dt.date | None = None, now: dt.datetime | None = None
) -> CheckInResult:
    """A scanned library card (or a child picked from the list) arrives: marked present — late if the setting
    ``late_after`` is set and it is later — on the day register, with the arrival time. A second scan changes
    nothing and says when they came."""
    require(ctx.actor, "attendance", WRITE)
    local, utc = _moment(now)
    day = on_date or local.date()
    _not_future(day)
    with ctx.db.session() as s:
        child = _find_child(s, card_or_child)
        if child is None:
            shown = card_or_child if isinstance(card_or_child, str) else f"#{card_or_child}"
            raise NotFound(f"没有找到借书证“{_clean_code(str(shown))}”对应的儿童，请检查借书证。")
        data = _basic(ctx.actor.role, child)
        if _has_left(child.status, child.left_on, day):
            raise DomainError(f"{data['name']} 已不在中心登记，不能签到。如有疑问请联系社工。")
        c = _context(s)
        register, mark = _day_mark(s, ctx, day, child.id)
        if mark is not None and mark.check_in_at is not None:
            came = _local(mark.check_in_at)
            assert came is not None
            return CheckInResult(
                child.id,
                data["name"],
                data["class_name"],
                mark.code,
                c.codes.label(mark.code),
                came,
                late=mark.code == c.codes.late_code,
                already=True,
                message=f"{data['name']} 已经签到过了（{came:%H:%M}）。",
            )
        threshold = rules.parse_hhmm(c.settings.late_after)
        late = threshold is not None and local.time().replace(second=0, microsecond=0) > threshold
        code = _arrival_code(c.codes, mark, late)
        old_code = mark.code if mark is not None else None
        if mark is None:
            mark = AttendanceMark(
                register_id=register.id,
                child_id=child.id,
                code=code,
                version=1,
                marked_at=utc,
                marked_by=ctx.actor.user_id,
            )
            s.add(mark)
        else:
            _set_code(mark, code, ctx, utc)
        mark.check_in_at = utc
        register.updated_at = utc
        s.flush()
        is_late = code == c.codes.late_code
        audit.record(
            s,
            ctx.actor,
            "update",
            "attendance_mark",
            mark.id,
            f"签到 {day.isoformat()} 儿童 #{child.id} {local:%H:%M}" + ("（迟到）" if is_late else ""),
            {"code": [old_code, code], "check_in_at": [None, utc.isoformat(sep=" ", timespec="seconds")]},
        )
        return CheckInResult(
            child.id,
            data["name"],
            data["class_name"],
            code,
            c.codes.label(code),
            local,
            late=is_late,
            already=False,
            message=f"{data['name']} 签到 {local:%H:%M}" + ("（迟到）" if is_late else "") + "。",
        )


def _name_key(name: str) -> str:
    """ "王奶奶（祖母）" → "王奶奶": the page's list shows the relation in brackets; spaces and width don't matter."""
    text = unicodedata.normalize("NFKC", name or "")
    text = re.sub(r"\(.*?\)$", "", text.strip())
    return re.sub(r"\s+", "", text).casefold()


def check_out(
    ctx: AppContext,
    child_id: int,
    picked_up_by: str,
    now: dt.datetime | None = None,
    on_date: dt.date | None = None,
) -> CheckOutResult:
    """Record when the child left and who took them (empty = went home alone). Never refused — the child must go
    home — but a name that is none of the child's guardians or pickup people is flagged ``pickup_authorised =
    False`` with a warning, stored on the mark (note) and in the audit log, for staff to check by phone."""
    require(ctx.actor, "attendance", WRITE)
    local, utc = _moment(now)
    day = on_date or local.date()
    _not_future(day)
    who = unicodedata.normalize("NFC", picked_up_by or "").strip()[:100]
    with ctx.db.session() as s:
        child = s.get(Child, child_id)
        if child is None:
            raise NotFound("找不到这名儿童，请刷新后再试。")
        name = _basic(ctx.actor.role, child)["name"]
        c = _context(s)
        register, mark = _day_mark(s, ctx, day, child.id)
        old_code = mark.code if mark is not None else None
        code = _arrival_code(c.codes, mark, late=False)  # leaving means they were here
        if mark is None:
            mark = AttendanceMark(
                register_id=register.id,
                child_id=child.id,
                code=code,
                version=1,
                marked_at=utc,
                marked_by=ctx.actor.user_id,
            )
            s.add(mark)
        else:
            _set_code(mark, code, ctx, utc)
        authorised: bool | None = None
        warning = ""
        if who:
            known = {
                _name_key(n): n
                for n in [
                    *s.scalars(select(Guardian.name).where(Guardian.child_id == child.id)),
                    *s.scalars(select(PickupPerson.name).where(PickupPerson.child_id == child.id)),
                ]
            }
            match = known.get(_name_key(who))
            authorised = match is not None
            if match is not None:
                who = match  # "李秀英（祖母）" picked from the list is stored as the person's name
            if not authorised:
                warning = f"{who} 不在授权接送名单中，请核实身份"
                note = mark.note or ""
                if warning not in note:
                    mark.note = ("；".join(p for p in (note, warning) if p))[:NOTE_MAX]
        old_out = mark.check_out_at
        mark.check_out_at = utc
        mark.picked_up_by = who
        mark.pickup_authorised = authorised
        register.updated_at = utc
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "update",
            "attendance_mark",
            mark.id,
            f"签退 {day.isoformat()} 儿童 #{child.id}：{who or '自行回家'}"
            + (f"（{warning}）" if warning else ""),
            {
                "code": [old_code, code],
                "check_out_at": [
                    old_out.isoformat(sep=" ", timespec="seconds") if old_out else None,
                    utc.isoformat(sep=" ", timespec="seconds"),
                ],
                "picked_up_by": [None, who],
                "pickup_authorised": [None, authorised],
            },
        )
    message = f"{name} 已签退 {local:%H:%M}（{'由 ' + who + ' 接走' if who else '自行回家'}）。"
    if warning:
        message += f"注意：{warning}。"
    return CheckOutResult(child_id, name, who, local, authorised, warning, message)


def authorised_pickups(ctx: AppContext, child_id: int) -> list[PickupName]:
    """The child's guardians (primary first) and other pickup people, for the check-out list. Needs
    ``child.family``; phone numbers only with ``child.phones``."""
    require(ctx.actor, "child.family", READ)
    with ctx.db.read() as s:
        if s.get(Child, child_id) is None:
            raise NotFound("找不到这名儿童，请刷新后再试。")
        guardians = s.scalars(
            select(Guardian)
            .where(Guardian.child_id == child_id)
            .order_by(Guardian.is_primary.desc(), Guardian.id)
        ).all()
        pickups = s.scalars(
            select(PickupPerson).where(PickupPerson.child_id == child_id).order_by(PickupPerson.id)
        ).all()
    data = redact_child(
        ctx.actor.role,
        {
            "id": child_id,
            "guardians": [{"name": g.name, "relation": g.relation, "phone": g.phone} for g in guardians],
            "pickup_people": [{"name": p.name, "relation": p.relation, "phone": p.phone} for p in pickups],
        },
    )
    result: list[PickupName] = []
    seen: set[str] = set()
    for kind, items in (("guardian", data["guardians"]), ("pickup", data["pickup_people"])):
        for item in items:
            key = _name_key(item.get("name") or "")
            if key and key not in seen:
                seen.add(key)
                result.append(
                    PickupName(item["name"], item.get("relation") or "", item.get("phone") or "", kind)
                )
    return result


# --- the monthly register -----------------------------------------------------------------------------------


def monthly_register(
    ctx: AppContext, year: int, month: int, *, class_name: str | None = None
) -> MonthlyRegister:
    """Children × days of the month from the day registers, with totals per child, per day and overall.

    Columns: the month's open days, plus any day a day register was taken although the calendar says closed (an
    event day — its marks count). Rows: children on the roll at some time in the month (or marked in it), of
    ``class_name`` if given, in register order (grade, class, pinyin).
    """
    require(ctx.actor, "attendance", READ)
    require(ctx.actor, "child.basic", READ)
    first, last = rules.month_bounds(year, month)
    with ctx.db.read() as s:
        c = _context(s, first, last)
        reg = AttendanceRegister
        marks = s.execute(
            select(_mark.c.child_id, reg.on_date, _mark.c.code)
            .join(reg, reg.id == _mark.c.register_id)
            .where(reg.activity_id.is_(None), reg.on_date >= first, reg.on_date <= last)
        ).all()
        taken = set(
            s.scalars(
                select(reg.on_date).where(
                    reg.activity_id.is_(None), reg.on_date >= first, reg.on_date <= last
                )
            )
        )
        query = select(*_CHILD_COLUMNS)
        if class_name is not None:
            query = query.where(Child.class_name == class_name)
        children = s.execute(query).all()
    open_set = set(rules.open_days(first, last, c.settings.open_weekdays, c.closed))
    days = sorted(open_set | taken)
    column = {day: i for i, day in enumerate(days)}
    cells: dict[int, list[str | None]] = {}
    marked = {child_id for child_id, _, _ in marks}
    role = ctx.actor.role
    kept = [
        r for r in children if r.id in marked or _on_roll(r.status, r.enrolled_on, r.left_on, first, last)
    ]
    kept.sort(key=lambda r: _sort_key(r.grade, r.class_name, r.name, r.name_pinyin))
    for r in kept:
        cells[r.id] = [None] * len(days)
    for child_id, day, code in marks:
        row = cells.get(child_id)
        if row is not None:
            row[column[day]] = code
    rows = []
    for r in kept:
        data = _basic(role, r)
        rows.append(
            MonthlyRow(
                r.id,
                data["name"],
                data["class_name"],
                data["grade"],
                tuple(cells[r.id]),
                rules.tally(cells[r.id], c.codes),
            )
        )
    columns = []
    for i, day in enumerate(days):
        expected = sum(
            1
            for r in kept
            if (r.enrolled_on is None or r.enrolled_on <= day) and not _has_left(r.status, r.left_on, day)
        )
        columns.append(
            DayColumn(
                day,
                day in open_set,
                day in taken,
                rules.tally((row.cells[i] for row in rows), c.codes),
                expected,
            )
        )
    total = rules.tally((code for row in rows for code in row.cells), c.codes)
    return MonthlyRegister(year, month, class_name, tuple(columns), tuple(rows), total, c.codes)


def _rate_percent(rate: float | None) -> float | None:
    return None if rate is None else round(rate * 100, 1)


def export_monthly_register_xlsx(ctx: AppContext, register: MonthlyRegister, path: str | Path) -> Path:
    """The register as one wide sheet: a column per day (the printed symbols), totals per child, and rows of
    totals per day. Children's names leave the program, so the export is recorded in the audit log."""
    require(ctx.actor, "attendance", READ)
    target = Path(path)
    if target.suffix.lower() != ".xlsx":
        raise ValidationError("请选择 .xlsx 文件名。")
    from center_app.importing import write_xlsx
    from center_app.services.roster import write_personal_file

    codes = register.codes
    headers = [
        "姓名",
        "班级",
        *(f"{d.day.day}日({rules.weekday_letter(d.day)})" for d in register.days),
        "出勤",
        "缺勤",
        "迟到",
        "请假",
        "出勤率(%)",
    ]
    rows: list[list[object]] = [
        [
            row.name,
            row.class_name,
            *(codes.symbol(code) for code in row.cells),
            row.tally.present,
            row.tally.absent,
            row.tally.late,
            row.tally.excused,
            _rate_percent(row.rate),
        ]
        for row in register.rows
    ]
    t = register.total
    for label, value, overall in (
        ("出勤人次", lambda d: d.tally.present, [t.present, None, None, None, None]),
        ("缺勤人次", lambda d: d.tally.absent, [None, t.absent, None, None, None]),
        ("迟到人次", lambda d: d.tally.late, [None, None, t.late, None, None]),
        ("请假人次", lambda d: d.tally.excused, [None, None, None, t.excused, None]),
        ("出勤率(%)", lambda d: _rate_percent(d.tally.rate), [None, None, None, None, _rate_percent(t.rate)]),
    ):
        rows.append([label, "", *(value(d) for d in register.days), *overall])
    write_personal_file(
        ctx,
        target,
        lambda path: write_xlsx(path, headers, rows, sheet_title=f"{register.year}年{register.month}月考勤"),
        action="export",
        what=f"导出{register.title}",
        rows=len(register.rows),
        needs=("attendance", "child.basic"),
    )
    return target


def write_monthly_register_pdf(ctx: AppContext, register: MonthlyRegister, path: str | Path) -> Path:
    """Print the register (``reports.monthly_register``) with the centre's name; recorded in the audit log."""
    require(ctx.actor, "attendance", READ)
    from center_app.reports.monthly_register import monthly_register_pdf
    from center_app.services.roster import write_personal_file
    from center_app.services.settings import get_centre

    if not register.rows:  # said before anything is audited (the writer would refuse it after)
        raise ValidationError(f"{register.title}没有可以打印的儿童。")
    centre_name = get_centre(ctx).name
    return write_personal_file(
        ctx,
        path,
        lambda target: monthly_register_pdf(target, register, centre_name=centre_name),
        action="print",
        what=f"打印{register.title}",
        rows=len(register.rows),
        needs=("attendance", "child.basic"),
    )


# --- reminders and the overview -----------------------------------------------------------------------------


def not_taken_days(ctx: AppContext, since: dt.date, until: dt.date) -> list[dt.date]:
    """Open days from ``since`` to ``until`` (never after today) without a day register — "roll not taken"."""
    _require_any(ctx.actor, ("attendance", READ), ("reports", READ))
    until = min(until, dt.date.today())
    if until < since:
        return []
    with ctx.db.read() as s:
        c = _context(s, since, until)
        taken = set(
            s.scalars(
                select(AttendanceRegister.on_date).where(
                    AttendanceRegister.activity_id.is_(None),
                    AttendanceRegister.on_date >= since,
                    AttendanceRegister.on_date <= until,
                )
            )
        )
    return [d for d in rules.open_days(since, until, c.settings.open_weekdays, c.closed) if d not in taken]


LOOKBACK_DAYS: Final = 400  # enough to find 30 open days across the longest closure (春节)


def last_open_days_summary(ctx: AppContext, n: int = 30, today: dt.date | None = None) -> list[DaySummary]:
    """The last ``n`` open days up to ``today``: children present (None = no roll taken) and children on the
    roll — the overview's chart. Counts only."""
    _require_any(ctx.actor, ("attendance", READ), ("reports", READ))
    today = today or dt.date.today()
    earliest = today - dt.timedelta(days=LOOKBACK_DAYS)
    with ctx.db.read() as s:
        c = _context(s, earliest, today)
        days = rules.open_days(earliest, today, c.settings.open_weekdays, c.closed)[-n:] if n > 0 else []
        if not days:
            return []
        reg = AttendanceRegister
        present_codes = [code.code for code in c.codes.codes if code.counts_present]
        present = dict(
            s.execute(
                select(reg.on_date, func.count())
                .join(_mark, _mark.c.register_id == reg.id)
                .where(
                    reg.activity_id.is_(None),
                    reg.on_date >= days[0],
                    reg.on_date <= today,
                    _mark.c.code.in_(present_codes),
                )
                .group_by(reg.on_date)
            ).all()
        )
        taken = set(
            s.scalars(
                select(reg.on_date).where(
                    reg.activity_id.is_(None), reg.on_date >= days[0], reg.on_date <= today
                )
            )
        )
        children = s.execute(select(Child.status, Child.enrolled_on, Child.left_on)).all()
    return [
        DaySummary(
            day,
            present.get(day, 0) if day in taken else None,
            sum(
                1
                for status, enrolled, left in children
                if (enrolled is None or enrolled <= day) and not _has_left(status, left, day)
            ),
        )
        for day in days
    ]
