"""Reading the audit trail (审计日志) for the administrator's audit tab.

Read-only by design: there is no function here (or anywhere in the app) to edit or delete an entry. Entries are
stored with naive UTC times (``AuditLog.at``); date filters are the user's local calendar days, converted to UTC
bounds here so that an entry made at 07:30 in Guangxi (23:30 UTC the day before) is found under the right day.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import ColumnElement, Select, func, or_, select

from center_app.context import AppContext
from center_app.db.models import AuditLog
from center_app.domain.permissions import READ, require

DEFAULT_LIMIT = 500
MAX_LIMIT = 5000

# Chinese names of the actions services record (audit.record's ``action``). Unknown codes are shown as they are.
ACTION_LABELS: dict[str, str] = {
    "create": "新增",
    "update": "修改",
    "delete": "删除",
    "view": "查看",
    "print": "打印",
    "export": "导出",
    "import": "导入",
    "login": "登录",
    "login_failed": "登录失败",
    "logout": "退出",
    "password_reset": "重置密码",
    "password_change": "修改密码",
    "backup": "备份",
    "restore": "恢复",
}

# Chinese names of the record kinds (audit.record's ``entity``; mostly table names). Unknown codes are shown as
# they are, so a new area's entries are still readable before it gets a label here.
ENTITY_LABELS: dict[str, str] = {
    "child": "儿童",
    "guardian": "监护人",
    "pickup_person": "接送人",
    "follow_up": "回访",
    "loan": "借阅",
    "book_title": "图书品种",
    "book_copy": "馆藏图书",
    "loan_rule": "借阅规则",
    "closed_day": "闭馆日",
    "donor": "捐赠方",
    "donation_batch": "捐赠批次",
    "equipment": "器材",
    "equipment_item": "器材",
    "equipment_unit": "器材编号",
    "equipment_loan": "器材借用",
    "equipment_incident": "器材损坏/丢失",
    "stocktake": "盘点",
    "volunteer": "志愿者",
    "timetable": "课表",
    "timetable_slot": "课表时段",
    "room": "教室",
    "activity": "活动",
    "service_hours": "服务时长",
    "certificate": "证书",
    "attendance_register": "考勤",
    "attendance_mark": "考勤记录",
    "user": "账号",
    "user_account": "账号",  # what services/accounts.py records
    "setting": "设置",
    "centre": "中心信息",
    "database": "数据库",
}


def action_label(code: str) -> str:
    return ACTION_LABELS.get(code, code)


def entity_label(code: str) -> str:
    return ENTITY_LABELS.get(code, code)


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime  # naive UTC, as stored; use ``local_at`` for display
    actor: str
    action: str
    entity: str
    entity_id: str
    summary: str
    changes: dict[str, Any] = field(default_factory=dict)  # {field: [old, new]}

    @property
    def local_at(self) -> dt.datetime:
        """The time on the centre PC's clock (naive local time)."""
        return self.at.replace(tzinfo=dt.UTC).astimezone().replace(tzinfo=None)


@dataclass(frozen=True)
class AuditPage:
    rows: tuple[AuditRow, ...]
    total: int  # entries matching the filters, over all pages
    offset: int
    limit: int

    @property
    def has_previous(self) -> bool:
        return self.offset > 0

    @property
    def has_next(self) -> bool:
        return self.offset + len(self.rows) < self.total


def _utc_bound(day: dt.date) -> dt.datetime:
    """Local midnight starting ``day`` as naive UTC (what the column stores)."""
    local_midnight = dt.datetime.combine(day, dt.time()).astimezone()  # naive → the PC's local zone
    return local_midnight.astimezone(dt.UTC).replace(tzinfo=None)


def _like_escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")


def _parse_changes(raw: str) -> dict[str, Any]:
    if not raw:
        return {}
    try:
        value = json.loads(raw)
    except ValueError:
        value = None
    # Never hide what is stored: an entry that is not the usual {field: [old, new]} still shows its text.
    return value if isinstance(value, dict) else {"": [None, raw]}


def _conditions(
    since: dt.date | None,
    until: dt.date | None,
    actor: str | None,
    action: str | None,
    entity: str | None,
    text: str | None,
) -> list[ColumnElement[bool]]:
    where: list[ColumnElement[bool]] = []
    if since is not None:
        where.append(AuditLog.at >= _utc_bound(since))
    if until is not None:
        where.append(AuditLog.at < _utc_bound(until + dt.timedelta(days=1)))  # the whole of ``until``
    if actor:
        where.append(AuditLog.actor == actor)
    if action:
        where.append(AuditLog.action == action)
    if entity:
        where.append(AuditLog.entity == entity)
    if text and text.strip():
        # Changes are stored as JSON with ensure_ascii=False, so Chinese values match as typed.
        pattern = f"%{_like_escape(text.strip())}%"
        where.append(
            or_(AuditLog.summary.like(pattern, escape="\\"), AuditLog.changes.like(pattern, escape="\\"))
        )
    return where


def query(
    ctx: AppContext,
    *,
    since: dt.date | None = None,
    until: dt.date | None = None,
    actor: str | None = None,
    action: str | None = None,
    entity: str | None = None,
    text: str | None = None,
    limit: int = DEFAULT_LIMIT,
    offset: int = 0,
) -> AuditPage:
    """One page of entries matching every given filter, newest first. ``since``/``until`` are inclusive local days;
    ``text`` is a case-insensitive substring of the summary or the changes."""
    require(ctx.actor, "audit", READ)
    limit = max(1, min(int(limit), MAX_LIMIT))
    offset = max(0, int(offset))
    where = _conditions(since, until, actor, action, entity, text)
    rows_stmt: Select[AuditLog] = (
        select(AuditLog)
        .where(*where)
        .order_by(AuditLog.at.desc(), AuditLog.id.desc())
        .limit(limit)
        .offset(offset)
    )
    with ctx.db.read() as s:
        total = int(s.scalar(select(func.count()).select_from(AuditLog).where(*where)) or 0)
        rows = tuple(
            AuditRow(
                id=e.id,
                at=e.at,
                actor=e.actor,
                action=e.action,
                entity=e.entity,
                entity_id=e.entity_id or "",
                summary=e.summary or "",
                changes=_parse_changes(e.changes or ""),
            )
            for e in s.scalars(rows_stmt)
        )
    return AuditPage(rows=rows, total=total, offset=offset, limit=limit)


def distinct_values(ctx: AppContext) -> dict[str, list[str]]:
    """The values present in the log, for the filter combos: ``{"actors": [...], "actions": [...], "entities": [...]}``.

    Actions and entities are ordered as their label tables are (known ones first), actors alphabetically.
    """
    require(ctx.actor, "audit", READ)
    with ctx.db.read() as s:
        actors = [v for v in s.scalars(select(AuditLog.actor).distinct()) if v]
        actions = [v for v in s.scalars(select(AuditLog.action).distinct()) if v]
        entities = [v for v in s.scalars(select(AuditLog.entity).distinct()) if v]

    def ordered(values: list[str], labels: dict[str, str]) -> list[str]:
        known = list(labels)
        return sorted(values, key=lambda v: (known.index(v) if v in labels else len(known), v))

    return {
        "actors": sorted(actors, key=str.lower),
        "actions": ordered(actions, ACTION_LABELS),
        "entities": ordered(entities, ENTITY_LABELS),
    }
