"""清空演示数据，开始正式使用: a centre that tried the demo starts real work on the same folder.

One use case, one transaction: every record of the centre goes (children, books, loans, attendance, equipment,
volunteers, activities, rooms, closed days, the centre's details), the demo flag goes, and the demo account — with
every other account except the administrator doing it — is disabled, so the folder no longer signs anybody in by
itself and the app shows the first-run wizard for the real administrator. Kept: what the schema seeds and every
centre starts with (attendance codes, loan rules), the application settings (language, idle lock) and the audit log
(append-only; the clearing itself is recorded in it). A backup is written first: a centre may already have typed
real children into the demo before noticing.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, cast

from sqlalchemy import CursorResult, delete, func, select, update
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db import models as m
from center_app.domain.errors import DomainError
from center_app.domain.permissions import ADMIN, WRITE, require
from center_app.services import accounts, audit

#: tables whose rows survive the clearing (everything else in the schema is the centre's data)
KEPT_TABLES = frozenset({"setting", "user_account", "audit_log", "attendance_code", "loan_rule"})

# What the confirmation names, in this order (keys as in ``overview.counts``; the page labels them).
_HEADLINES: tuple[tuple[str, type[m.Base]], ...] = (
    ("children", m.Child),
    ("copies", m.BookCopy),
    ("loans", m.Loan),
    ("attendance_marks", m.AttendanceMark),
    ("equipment_items", m.EquipmentItem),
    ("volunteers", m.Volunteer),
    ("activities", m.Activity),
)


@dataclass(frozen=True)
class DemoClearPlan:
    """What clearing would do, for the confirmation: headline counts and the accounts it would disable."""

    counts: dict[
        str, int
    ]  # children, copies, loans, attendance_marks, equipment_items, volunteers, activities
    accounts_to_disable: list[str]


@dataclass(frozen=True)
class DemoCleared:
    deleted: dict[str, int]  # table name → rows deleted
    accounts_disabled: list[str]
    backup: Path | None
    #: True when no administrator can sign in any more: the app shows the first-run wizard next
    needs_first_admin: bool


def _check(ctx: AppContext) -> None:
    # Deleting the whole centre and disabling accounts: the administrator only.
    require(ctx.actor, "accounts", WRITE)
    require(ctx.actor, "settings", WRITE)
    if not accounts.is_demo_folder(ctx):
        raise DomainError("这个数据文件夹不是演示数据文件夹，不能清空。")


def _accounts_to_disable(ctx: AppContext, s: Session) -> list[m.User]:
    keep = ctx.actor.user_id if ctx.actor.username.lower() != accounts.DEMO_USERNAME else None
    return list(
        s.scalars(select(m.User).where(m.User.active.is_(True), m.User.id != keep).order_by(m.User.id))
    )


def plan_clear(ctx: AppContext) -> DemoClearPlan:
    _check(ctx)
    with ctx.db.read() as s:
        counts = {
            key: int(s.scalar(select(func.count()).select_from(model)) or 0) for key, model in _HEADLINES
        }
        names = [u.username for u in _accounts_to_disable(ctx, s)]
    return DemoClearPlan(counts, names)


def clear_demo_data(ctx: AppContext, *, backup_first: bool = True) -> DemoCleared:
    """Delete the demo centre and end the demo (see the module doc). Admin only, demo folders only, audited."""
    _check(ctx)
    saved: Path | None = None
    if backup_first and ctx.db.is_sqlite:
        from center_app.services import backup

        saved = backup.backup_now(ctx).path  # refuses (DomainError) rather than clear without a copy
    with ctx.db.session() as s:
        # Checked again inside the write transaction (BEGIN IMMEDIATE): nothing changes under us from here.
        if not s.get(m.Setting, accounts.DEMO_FOLDER_KEY):
            raise DomainError("这个数据文件夹不是演示数据文件夹，不能清空。")
        s.execute(update(m.User).values(volunteer_id=None))  # the volunteers they were linked to are going
        deleted: dict[str, int] = {}
        for table in reversed(m.Base.metadata.sorted_tables):  # children before the rows they refer to
            if table.name not in KEPT_TABLES:
                # A Core DELETE returns a CursorResult (Session.execute is typed Result for every statement).
                result = cast(CursorResult[Any], s.execute(table.delete()))
                deleted[table.name] = result.rowcount or 0
        s.execute(delete(m.Setting).where(m.Setting.key == accounts.DEMO_FOLDER_KEY))
        disabled = []
        for user in _accounts_to_disable(ctx, s):
            user.active = False
            disabled.append(user.username)
            audit.record(
                s,
                ctx.actor,
                "update",
                "user_account",
                user.id,
                f"清空演示数据：停用账号 {user.username}",
                {"active": [True, False]},
            )
        s.flush()
        remaining = int(
            s.scalar(
                select(func.count()).select_from(m.User).where(m.User.role == ADMIN, m.User.active.is_(True))
            )
            or 0
        )
        total = sum(deleted.values())
        audit.record(
            s,
            ctx.actor,
            "delete",
            "demo",
            "",
            f"清空演示数据，开始正式使用：删除 {total} 条记录，停用账号 {len(disabled)} 个"
            + (f"，清空前备份 {saved.name}" if saved else ""),
            {name: [count, 0] for name, count in deleted.items() if count},
        )
    return DemoCleared(deleted, disabled, saved, needs_first_admin=remaining == 0)
