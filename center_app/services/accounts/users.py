"""The users of the shared PC: the first administrator (the first-run wizard), and the administrator's list,
new accounts, changes (with the volunteer record a teacher's account is linked to), disabling and password
resets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from enum import Enum
from typing import Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import User, Volunteer
from center_app.domain.actor import Actor
from center_app.domain.errors import PermissionDenied
from center_app.domain.permissions import ADMIN, READ, ROLES, WRITE, require, role_label
from center_app.services import audit
from center_app.services.accounts.common import (
    HASHER,
    UserInfo,
    active_admins,
    actor_of,
    check_display_name,
    check_password,
    check_role,
    check_username,
    check_volunteer,
    get_user,
    real_admins,
    user_info,
    utc_instant,
)
from center_app.services.settings import get_centre, validate_centre, write_centre


def needs_first_admin(ctx: AppContext) -> bool:
    """True while no active administrator exists: the app then shows the first-run wizard instead of sign-in.

    A demo folder's demo administrator does not count (nobody knows its password): a demo folder that no longer
    signs in by itself (someone added accounts) gets the wizard for its real administrator, not a dead end."""
    with ctx.db.read() as s:
        return real_admins(s) == 0


def create_first_admin(ctx: AppContext, username: str, display_name: str, password: str) -> UserInfo:
    """The first administrator. Refused as soon as an active administrator exists (other than a demo folder's demo
    administrator). The wizard uses ``set_up_centre`` (this, the centre's name and the sign-in together)."""
    with ctx.db.session() as s:
        return user_info(_add_first_admin(s, username, display_name, password))


def set_up_centre(
    ctx: AppContext,
    username: str,
    display_name: str,
    password: str,
    *,
    centre_name: str = "",
    address: str | None = None,
    now: dt.datetime | None = None,
) -> Actor:
    """The first-run wizard's one save for its first two steps, one transaction: the first administrator, the
    centre's name and address (when given; ``address=None`` keeps the stored one) and their sign-in — a bad name,
    address or password refuses the whole form and writes nothing. Returns the Actor."""
    centre = None
    if centre_name or address is not None:
        current = get_centre(ctx)
        centre = validate_centre(
            replace(
                current,
                name=centre_name or current.name,
                address=current.address if address is None else address,
            )
        )
    with ctx.db.session() as s:
        user = _add_first_admin(s, username, display_name, password)
        actor = actor_of(user)
        if centre is not None:
            write_centre(s, replace(ctx, actor=actor), centre)  # by the new administrator
        user.last_login_at = utc_instant(now)
        audit.record(s, actor, "login", "user_account", user.id, f"{user.display_name} 登录")
    return actor


def _add_first_admin(s: Session, username: str, display_name: str, password: str) -> User:
    # Checked inside the write transaction (BEGIN IMMEDIATE), so two wizards cannot both succeed.
    if real_admins(s) > 0:
        raise PermissionDenied("已经有管理员账号了，请用管理员账号登录后再添加用户。")
    name = check_username(s, username)
    shown = check_display_name(display_name)
    check_password(password, username=name)
    user = User(
        username=name,
        display_name=shown,
        role=ADMIN,
        password_hash=HASHER.hash(password),
        active=True,
        must_change_password=False,  # they just chose it
        failed_attempts=0,
    )
    s.add(user)
    s.flush()
    audit.record(
        s,
        actor_of(user),  # nobody is signed in yet; the new administrator creates themselves
        "create",
        "user_account",
        user.id,
        f"首次设置：创建管理员 {name}",
        {"username": [None, name], "display_name": [None, shown], "role": [None, ADMIN]},
    )
    return user


def list_users(ctx: AppContext) -> list[UserInfo]:
    require(ctx.actor, "accounts", READ)
    with ctx.db.read() as s:
        users = [user_info(u) for u in s.scalars(select(User))]
    order = {r: i for i, r in enumerate(ROLES)}
    return sorted(users, key=lambda u: (not u.active, order.get(u.role, len(order)), u.username.lower()))


def create_user(
    ctx: AppContext,
    username: str,
    display_name: str,
    role: str,
    password: str,
    *,
    volunteer_id: int | None = None,
) -> UserInfo:
    """Add an account. The administrator picks a first password; the user must change it at first sign-in (so
    the administrator does not go on knowing it)."""
    require(ctx.actor, "accounts", WRITE)
    with ctx.db.session() as s:
        name = check_username(s, username)
        shown = check_display_name(display_name)
        check_role(role)
        check_password(password, username=name)
        user = User(
            username=name,
            display_name=shown,
            role=role,
            password_hash=HASHER.hash(password),
            active=True,
            must_change_password=True,
            failed_attempts=0,
            volunteer_id=check_volunteer(s, volunteer_id),
        )
        s.add(user)
        s.flush()
        audit.record(
            s,
            ctx.actor,
            "create",
            "user_account",
            user.id,
            f"创建账号 {name}（{role_label(role)}）",
            {
                "username": [None, name],
                "display_name": [None, shown],
                "role": [None, role],
                "volunteer_id": [None, volunteer_id],
            },
        )
        return user_info(user)


class _Unchanged(Enum):
    KEEP = "keep"


def update_user(
    ctx: AppContext,
    user_id: int,
    display_name: str | None = None,
    role: str | None = None,
    *,
    volunteer_id: int | None | Literal[_Unchanged.KEEP] = _Unchanged.KEEP,
) -> UserInfo:
    """The administrator's edit of an account, one transaction: display name, role and the volunteer record it is
    linked to (``volunteer_id=None`` unlinks; a teacher's "own sessions" are those their volunteer leads). What is
    not given stays as it is. Nobody changes their own role, and the last active administrator keeps theirs."""
    require(ctx.actor, "accounts", WRITE)
    with ctx.db.session() as s:
        user = get_user(s, user_id)
        old: dict[str, object] = {
            "display_name": user.display_name,
            "role": user.role,
            "volunteer_id": user.volunteer_id,
        }
        new = dict(old)
        if display_name is not None:
            new["display_name"] = check_display_name(display_name)
        if role is not None:
            new["role"] = check_role(role)
        if volunteer_id is not _Unchanged.KEEP and volunteer_id != user.volunteer_id:
            new["volunteer_id"] = check_volunteer(s, volunteer_id)
        if new["role"] != user.role:
            if user.id == ctx.actor.user_id:
                # Would lock the administrator out of this very page mid-session; another admin can do it.
                raise PermissionDenied("不能修改自己的角色，请让另一位管理员操作。")
            if user.role == ADMIN and user.active and active_admins(s) <= 1:
                raise PermissionDenied(
                    "这是最后一个管理员账号，不能改为其他角色。请先把另一个账号设为管理员。"
                )
        changes = audit.diff(old, new)
        if changes:
            user.display_name, user.role = str(new["display_name"]), str(new["role"])
            if volunteer_id is not _Unchanged.KEEP:
                user.volunteer_id = volunteer_id
            audit.record(
                s, ctx.actor, "update", "user_account", user.id, f"修改账号 {user.username}", changes
            )
        return user_info(user)


@dataclass(frozen=True)
class VolunteerChoice:
    """A volunteer an account can be linked to, as the accounts tab lists them: no phone, no ID number."""

    id: int
    name: str
    organisation: str
    active: bool
    linked_to: tuple[str, ...]  # user names of the accounts already linked to this volunteer


def list_linkable_volunteers(ctx: AppContext) -> list[VolunteerChoice]:
    """The volunteer records an administrator may link an account to (``update_user(volunteer_id=…)``): those still
    serving first, by pinyin."""
    require(ctx.actor, "accounts", WRITE)
    with ctx.db.read() as s:
        linked: dict[int, list[str]] = {}
        for vid, username in s.execute(
            select(User.volunteer_id, User.username)
            .where(User.volunteer_id.is_not(None))
            .order_by(User.username)
        ):
            if vid is not None:
                linked.setdefault(vid, []).append(username)
        rows = s.scalars(
            select(Volunteer).order_by(
                Volunteer.active.desc(), Volunteer.name_pinyin, Volunteer.name, Volunteer.id
            )
        )
        return [
            VolunteerChoice(v.id, v.name, v.organisation or "", bool(v.active), tuple(linked.get(v.id, ())))
            for v in rows
        ]


def set_active(ctx: AppContext, user_id: int, active: bool) -> UserInfo:
    """Disable or re-enable an account (accounts are never deleted: the audit log refers to them)."""
    require(ctx.actor, "accounts", WRITE)
    with ctx.db.session() as s:
        user = get_user(s, user_id)
        if user.active == active:
            return user_info(user)
        if not active:
            if user.id == ctx.actor.user_id:
                raise PermissionDenied("不能停用自己正在使用的账号。")
            if user.role == ADMIN and active_admins(s) <= 1:
                raise PermissionDenied("这是最后一个管理员账号，不能停用。请先把另一个账号设为管理员。")
        else:
            user.failed_attempts, user.locked_until = 0, None  # a fresh start
        user.active = active
        audit.record(
            s,
            ctx.actor,
            "update",
            "user_account",
            user.id,
            f"{'启用' if active else '停用'}账号 {user.username}",
            {"active": [not active, active]},
        )
        return user_info(user)


def reset_password(ctx: AppContext, user_id: int, new_password: str) -> UserInfo:
    """For a forgotten password: sets a temporary one, unlocks, and makes the user choose their own at sign-in."""
    require(ctx.actor, "accounts", WRITE)
    with ctx.db.session() as s:
        user = get_user(s, user_id)
        check_password(new_password, username=user.username)
        user.password_hash = HASHER.hash(new_password)
        user.must_change_password = True
        user.failed_attempts, user.locked_until = 0, None
        audit.record(s, ctx.actor, "password_reset", "user_account", user.id, f"重置 {user.username} 的密码")
        return user_info(user)
