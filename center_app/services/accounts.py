"""Accounts: the first administrator, signing in, and managing who uses the shared PC.

Each public function is one use case and one transaction, audited in that transaction. Administration calls
``require(ctx.actor, "accounts", ...)``; signing in and changing one's own password need no permission.

Passwords: argon2id (argon2-cffi). Six characters minimum — the users are staff and volunteers with basic computer
skills on a shared PC; a long rule ends up on a sticky note on the monitor, which is worse. What protects the data
is the five-try lock (guessing at the keyboard is the real threat here), the idle lock, per-role access and a short
list of passwords everybody tries first. Note that whoever copies the database file reads it without any password:
protecting the file (Windows account, where backups go) is outside what a login can do.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
import secrets
from dataclasses import dataclass, replace
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import Actor, AppContext
from center_app.db.models import Setting, User, Volunteer
from center_app.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError
from center_app.domain.permissions import ADMIN, ROLES, require, role_label
from center_app.services import audit
from center_app.services.settings import get_centre, get_setting, set_setting, validate_centre, write_centre

# OWASP's minimum argon2id profile (19 MiB, 2 passes, 1 lane): about 40 ms on a current CPU and well under half a
# second on the centres' old 4 GB dual-core PCs. Heavier settings would make every sign-in (and every idle unlock)
# sluggish and could swap on a machine already running a browser; the lockout below limits guessing anyway.
_HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

MAX_FAILED_ATTEMPTS = 5
LOCK_DURATION = dt.timedelta(minutes=5)
MIN_PASSWORD_LENGTH = 6
MAX_PASSWORD_LENGTH = 128
USERNAME_MIN_WIDTH = 3
USERNAME_MAX_WIDTH = 32
DISPLAY_NAME_MAX = 50
DEFAULT_IDLE_LOCK_MINUTES = 10
MAX_IDLE_LOCK_MINUTES = 120
IDLE_LOCK_KEY = "idle_lock_minutes"
DEMO_FOLDER_KEY = "demo_folder"
DEMO_USERNAME = "demo"

BAD_LOGIN = "用户名或密码不正确。"

# Letters, digits, _ . - and Chinese characters (CJK unified ideographs, extension A, compatibility ideographs).
_USERNAME_RE = re.compile(r"^[A-Za-z0-9_.\-\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+$")
# The passwords everyone tries first (global and Chinese favourites); refusing them costs users nothing.
_COMMON_PASSWORDS = frozenset(
    {
        "123456",
        "1234567",
        "12345678",
        "123456789",
        "1234567890",
        "654321",
        "123123",
        "112233",
        "121212",
        "123321",
        "147258",
        "159357",
        "520520",
        "5201314",
        "1314520",
        "a123456",
        "123456a",
        "abc123",
        "abcdef",
        "qwerty",
        "qwe123",
        "password",
        "iloveyou",
        "woaini",
        "admin123",
    }
)


class LoginFailed(DomainError):
    """Signing in refused; the message is fit to show on the sign-in screen."""


class AccountLocked(LoginFailed):
    def __init__(self, message: str, locked_until: dt.datetime) -> None:
        super().__init__(message)
        self.locked_until = locked_until


class AccountDisabled(LoginFailed):
    pass


@dataclass(frozen=True)
class UserInfo:
    """An account as pages see it — never the password hash."""

    id: int
    username: str
    display_name: str
    role: str
    role_label: str
    active: bool
    must_change_password: bool
    failed_attempts: int
    locked_until: dt.datetime | None
    last_login_at: dt.datetime | None
    volunteer_id: int | None


# --- helpers ------------------------------------------------------------------------------------------------


def _utc(now: dt.datetime | None) -> dt.datetime:
    """Naive UTC, as the models store instants."""
    if now is None:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if now.tzinfo is not None:
        return now.astimezone(dt.UTC).replace(tzinfo=None)
    return now


@cache
def _dummy_hash() -> str:
    # Verified against when the user name is unknown, so that a wrong name costs as long as a wrong password.
    return _HASHER.hash(secrets.token_urlsafe(16))


def _verify(password_hash: str, password: str) -> bool:
    try:
        return _HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def _info(user: User) -> UserInfo:
    return UserInfo(
        id=user.id,
        username=user.username,
        display_name=user.display_name,
        role=user.role,
        role_label=role_label(user.role),
        active=user.active,
        must_change_password=user.must_change_password,
        failed_attempts=user.failed_attempts,
        locked_until=user.locked_until,
        last_login_at=user.last_login_at,
        volunteer_id=user.volunteer_id,
    )


def _actor(user: User) -> Actor:
    return Actor(
        username=user.username,
        role=user.role,
        user_id=user.id,
        display_name=user.display_name,
        volunteer_id=user.volunteer_id,
    )


def _find(s: Session, username: str) -> User | None:
    # Case-insensitive: "LiFang" and "lifang" are the same person. lower() is ASCII-only in SQLite, which is all the
    # case there is in the allowed characters (Chinese has none).
    return s.scalars(select(User).where(func.lower(User.username) == username.strip().lower())).first()


def _get(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户账号，可能已被删除。")
    return user


def _active_admins(s: Session) -> int:
    return int(
        s.scalar(select(func.count()).select_from(User).where(User.role == ADMIN, User.active.is_(True))) or 0
    )


def _demo_flag(s: Session) -> bool:
    flag = s.get(Setting, DEMO_FOLDER_KEY)
    return flag is not None and flag.value == "true"


def _real_admins(s: Session) -> int:
    """Active administrators a person can sign in as: in a demo folder the demo administrator (random password,
    never shown) does not count."""
    stmt = select(func.count()).select_from(User).where(User.role == ADMIN, User.active.is_(True))
    if _demo_flag(s):
        stmt = stmt.where(func.lower(User.username) != DEMO_USERNAME)
    return int(s.scalar(stmt) or 0)


def _width(text: str) -> int:
    # A Chinese character counts as two, so a two-character name (王芳) is long enough but "ab" is not.
    return sum(1 if ord(ch) < 128 else 2 for ch in text)


def _check_username(s: Session, username: str, *, exclude_id: int | None = None) -> str:
    name = username.strip()
    if not name:
        raise ValidationError("请填写用户名。")
    if not _USERNAME_RE.match(name):
        raise ValidationError("用户名只能包含字母、数字、汉字和“_ . -”，不能有空格。")
    if not USERNAME_MIN_WIDTH <= _width(name) <= USERNAME_MAX_WIDTH:
        raise ValidationError(
            f"用户名长度应为{USERNAME_MIN_WIDTH}–{USERNAME_MAX_WIDTH}个字符（一个汉字算2个字符）。"
        )
    existing = _find(s, name)
    if existing is not None and existing.id != exclude_id:
        raise ValidationError(f"用户名“{name}”已被使用（不区分大小写），请换一个。")
    return name


def _check_display_name(display_name: str) -> str:
    name = display_name.strip()
    if not name:
        raise ValidationError("请填写姓名（显示名）。")
    if len(name) > DISPLAY_NAME_MAX:
        raise ValidationError(f"姓名不能超过{DISPLAY_NAME_MAX}个字。")
    return name


def _check_role(role: str) -> str:
    if role not in ROLES:
        raise ValidationError(f"未知的角色：{role}。可选：" + "、".join(role_label(r) for r in ROLES))
    return role


def check_password(password: str, *, username: str = "") -> None:
    """Raise ``ValidationError`` if the new password is refused (the dialog can call it as the user types)."""
    if len(password) < MIN_PASSWORD_LENGTH:
        raise ValidationError(f"密码至少需要{MIN_PASSWORD_LENGTH}个字符。")
    if len(password) > MAX_PASSWORD_LENGTH:
        raise ValidationError(f"密码不能超过{MAX_PASSWORD_LENGTH}个字符。")
    if password.strip() == "":
        raise ValidationError("密码不能全是空格。")
    if len(set(password)) == 1 or password.lower() in _COMMON_PASSWORDS:
        raise ValidationError("这个密码太常见，很容易被猜到，请换一个。")
    if username and password.strip().lower() == username.strip().lower():
        raise ValidationError("密码不能和用户名相同。")


def _check_volunteer(s: Session, volunteer_id: int | None) -> int | None:
    if volunteer_id is not None and s.get(Volunteer, volunteer_id) is None:
        raise ValidationError("找不到要关联的志愿者，请先在“志愿者”页登记。")
    return volunteer_id


# --- first run ----------------------------------------------------------------------------------------------


def needs_first_admin(ctx: AppContext) -> bool:
    """True while no active administrator exists: the app then shows the first-run wizard instead of sign-in.

    A demo folder's demo administrator does not count (nobody knows its password): a demo folder that no longer
    signs in by itself (someone added accounts) gets the wizard for its real administrator, not a dead end."""
    with ctx.db.read() as s:
        return _real_admins(s) == 0


def create_first_admin(ctx: AppContext, username: str, display_name: str, password: str) -> UserInfo:
    """The first administrator. Refused as soon as an active administrator exists (other than a demo folder's demo
    administrator). The wizard uses ``set_up_centre`` (this, the centre's name and the sign-in together)."""
    with ctx.db.session() as s:
        return _info(_add_first_admin(s, username, display_name, password))


def set_up_centre(
    ctx: AppContext,
    username: str,
    display_name: str,
    password: str,
    *,
    centre_name: str = "",
    now: dt.datetime | None = None,
) -> Actor:
    """The first-run wizard's one step, one transaction: the first administrator, the centre's name (when given)
    and their sign-in — a bad name or password refuses the whole form and writes nothing. Returns the Actor."""
    centre = validate_centre(replace(get_centre(ctx), name=centre_name)) if centre_name else None
    with ctx.db.session() as s:
        user = _add_first_admin(s, username, display_name, password)
        actor = _actor(user)
        if centre is not None:
            write_centre(s, replace(ctx, actor=actor), centre)  # by the new administrator
        user.last_login_at = _utc(now)
        audit.record(s, actor, "login", "user_account", user.id, f"{user.display_name} 登录")
    return actor


def _add_first_admin(s: Session, username: str, display_name: str, password: str) -> User:
    # Checked inside the write transaction (BEGIN IMMEDIATE), so two wizards cannot both succeed.
    if _real_admins(s) > 0:
        raise PermissionDenied("已经有管理员账号了，请用管理员账号登录后再添加用户。")
    name = _check_username(s, username)
    shown = _check_display_name(display_name)
    check_password(password, username=name)
    user = User(
        username=name,
        display_name=shown,
        role=ADMIN,
        password_hash=_HASHER.hash(password),
        active=True,
        must_change_password=False,  # they just chose it
        failed_attempts=0,
    )
    s.add(user)
    s.flush()
    audit.record(
        s,
        _actor(user),  # nobody is signed in yet; the new administrator creates themselves
        "create",
        "user_account",
        user.id,
        f"首次设置：创建管理员 {name}",
        {"username": [None, name], "display_name": [None, shown], "role": [None, ADMIN]},
    )
    return user


# --- signing in ---------------------------------------------------------------------------------------------


def _lock_message(locked_until: dt.datetime, now: dt.datetime) -> str:
    minutes = max(1, math.ceil((locked_until - now).total_seconds() / 60))
    return (
        f"密码连续输错{MAX_FAILED_ATTEMPTS}次，账号已暂时锁定。请在{minutes}分钟后再试，或请管理员重置密码。"
    )


def authenticate(ctx: AppContext, username: str, password: str, now: dt.datetime | None = None) -> Actor:
    """Sign in. Returns the Actor to put in ``ctx.actor``; raises ``LoginFailed`` (or a subclass) with a message.

    A wrong user name and a wrong password give the same message and cost the same time, so the sign-in screen does
    not tell a passer-by which names exist. Counters and audit rows are committed even when sign-in fails.
    """
    now = _utc(now)
    failure: LoginFailed | None = None
    actor: Actor | None = None
    # The session must commit the failure counters, so errors are raised only after the ``with`` block.
    with ctx.db.session() as s:
        user = _find(s, username) if username.strip() else None
        if user is None:
            _verify(_dummy_hash(), password)
            # The typed name is not recorded: people type their password into the name box.
            audit.record(s, ctx.actor, "login_failed", "user_account", "", "登录失败：用户名不存在")
            failure = LoginFailed(BAD_LOGIN)
        elif user.locked_until is not None and now < user.locked_until:
            # No password check while locked: guessing must not go on behind the lock.
            audit.record(
                s, ctx.actor, "login_failed", "user_account", user.id, f"登录被拒：{user.username} 已锁定"
            )
            failure = AccountLocked(_lock_message(user.locked_until, now), user.locked_until)
        elif not _verify(user.password_hash, password):
            user.failed_attempts = (user.failed_attempts or 0) + 1
            summary = f"登录失败：{user.username} 密码错误（第{user.failed_attempts}次）"
            if user.failed_attempts >= MAX_FAILED_ATTEMPTS:
                user.locked_until = now + LOCK_DURATION
                user.failed_attempts = 0  # after the lock, five fresh tries
                summary += f"，锁定至 {user.locked_until:%Y-%m-%d %H:%M} UTC"
            audit.record(s, ctx.actor, "login_failed", "user_account", user.id, summary)
            failure = LoginFailed(BAD_LOGIN)
        elif not user.active:
            # Only told after the right password, so a disabled name is not revealed to a guesser.
            audit.record(
                s, ctx.actor, "login_failed", "user_account", user.id, f"登录被拒：{user.username} 已停用"
            )
            failure = AccountDisabled("该账号已停用，请联系管理员。")
        else:
            if _HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = _HASHER.hash(password)  # parameters changed since it was set
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            actor = _actor(user)
            audit.record(s, actor, "login", "user_account", user.id, f"{user.display_name} 登录")
    if failure is not None:
        raise failure
    assert actor is not None
    return actor


def sign_out(ctx: AppContext) -> None:
    """Record that the signed-in user signed out or the screen was locked (the app then resets ``ctx.actor``)."""
    if ctx.actor.user_id is None:
        return
    with ctx.db.session() as s:
        audit.record(
            s, ctx.actor, "logout", "user_account", ctx.actor.user_id, f"{ctx.actor.username} 退出登录"
        )


def current_user(ctx: AppContext) -> UserInfo | None:
    """The signed-in user's own account (to force a password change, or find their volunteer id)."""
    if ctx.actor.user_id is None:
        return None
    with ctx.db.read() as s:
        user = s.get(User, ctx.actor.user_id)
        return None if user is None else _info(user)


def change_own_password(ctx: AppContext, old: str, new: str) -> None:
    if ctx.actor.user_id is None:
        raise PermissionDenied("请先用自己的账号登录，再修改密码。")
    with ctx.db.session() as s:
        user = _get(s, ctx.actor.user_id)
        if not user.active:
            raise PermissionDenied("该账号已停用，请联系管理员。")
        if not _verify(user.password_hash, old):
            raise ValidationError("原密码不正确。")
        check_password(new, username=user.username)
        if new == old:
            raise ValidationError("新密码不能和原密码相同。")
        user.password_hash = _HASHER.hash(new)
        user.must_change_password = False
        audit.record(
            s, ctx.actor, "password_change", "user_account", user.id, f"{user.username} 修改了自己的密码"
        )


# --- administration -----------------------------------------------------------------------------------------


def list_users(ctx: AppContext) -> list[UserInfo]:
    require(ctx.actor, "accounts", "read")
    with ctx.db.read() as s:
        users = [_info(u) for u in s.scalars(select(User))]
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
    require(ctx.actor, "accounts", "write")
    with ctx.db.session() as s:
        name = _check_username(s, username)
        shown = _check_display_name(display_name)
        _check_role(role)
        check_password(password, username=name)
        user = User(
            username=name,
            display_name=shown,
            role=role,
            password_hash=_HASHER.hash(password),
            active=True,
            must_change_password=True,
            failed_attempts=0,
            volunteer_id=_check_volunteer(s, volunteer_id),
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
        return _info(user)


def update_user(
    ctx: AppContext, user_id: int, display_name: str | None = None, role: str | None = None
) -> UserInfo:
    require(ctx.actor, "accounts", "write")
    with ctx.db.session() as s:
        user = _get(s, user_id)
        old = {"display_name": user.display_name, "role": user.role}
        new = dict(old)
        if display_name is not None:
            new["display_name"] = _check_display_name(display_name)
        if role is not None:
            new["role"] = _check_role(role)
        if new["role"] != user.role:
            if user.id == ctx.actor.user_id:
                # Would lock the administrator out of this very page mid-session; another admin can do it.
                raise PermissionDenied("不能修改自己的角色，请让另一位管理员操作。")
            if user.role == ADMIN and user.active and _active_admins(s) <= 1:
                raise PermissionDenied(
                    "这是最后一个管理员账号，不能改为其他角色。请先把另一个账号设为管理员。"
                )
        changes = audit.diff(old, new)
        if changes:
            user.display_name, user.role = new["display_name"], new["role"]
            audit.record(
                s, ctx.actor, "update", "user_account", user.id, f"修改账号 {user.username}", changes
            )
        return _info(user)


def link_volunteer(ctx: AppContext, user_id: int, volunteer_id: int | None) -> UserInfo:
    """Tie an account to a volunteer record: a teacher's "own sessions" are those this volunteer leads."""
    require(ctx.actor, "accounts", "write")
    with ctx.db.session() as s:
        user = _get(s, user_id)
        changes = audit.diff({"volunteer_id": user.volunteer_id}, {"volunteer_id": volunteer_id})
        if changes:
            user.volunteer_id = _check_volunteer(s, volunteer_id)
            audit.record(
                s, ctx.actor, "update", "user_account", user.id, f"账号 {user.username} 关联志愿者", changes
            )
        return _info(user)


def set_active(ctx: AppContext, user_id: int, active: bool) -> UserInfo:
    """Disable or re-enable an account (accounts are never deleted: the audit log refers to them)."""
    require(ctx.actor, "accounts", "write")
    with ctx.db.session() as s:
        user = _get(s, user_id)
        if user.active == active:
            return _info(user)
        if not active:
            if user.id == ctx.actor.user_id:
                raise PermissionDenied("不能停用自己正在使用的账号。")
            if user.role == ADMIN and _active_admins(s) <= 1:
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
        return _info(user)


def reset_password(ctx: AppContext, user_id: int, new_password: str) -> UserInfo:
    """For a forgotten password: sets a temporary one, unlocks, and makes the user choose their own at sign-in."""
    require(ctx.actor, "accounts", "write")
    with ctx.db.session() as s:
        user = _get(s, user_id)
        check_password(new_password, username=user.username)
        user.password_hash = _HASHER.hash(new_password)
        user.must_change_password = True
        user.failed_attempts, user.locked_until = 0, None
        audit.record(s, ctx.actor, "password_reset", "user_account", user.id, f"重置 {user.username} 的密码")
        return _info(user)


# --- demo data folders --------------------------------------------------------------------------------------
#
# A demo folder (``--demo``, or filled by ``demo-data``) is flagged by the ``demo_folder`` setting and has a demo
# administrator whose password is random and never shown. It signs in by itself only while it holds nothing but the
# demo: the flag is set, the demo account is active, and no other account is enabled. As soon as anybody adds an
# account (a centre starting real work on it), the normal sign-in — or, with no real administrator yet, the first-run
# wizard — is shown; "清空演示数据" (services/demo_reset.py) clears the flag and the demo for good.


def _demo_only_actor(s: Session) -> Actor | None:
    """The demo administrator if this folder may sign it in by itself, else None."""
    if not _demo_flag(s):
        return None
    user = _find(s, DEMO_USERNAME)
    if user is None or not user.active or user.role != ADMIN:
        return None
    others = s.scalar(select(func.count()).select_from(User).where(User.active.is_(True), User.id != user.id))
    return None if others else _actor(user)


def refuse_if_has_accounts(ctx: AppContext) -> None:
    """Raise ``PermissionDenied`` unless the folder has no accounts yet (asked before writing demo data into it)."""
    with ctx.db.read() as s:
        if s.scalar(select(func.count()).select_from(User)):
            raise PermissionDenied(
                "这个数据文件夹已有账号，不能把它变成演示数据文件夹（演示账号会自动登录）。请换一个新的空文件夹。"
            )


def ensure_demo_admin(ctx: AppContext) -> Actor:
    """Create the administrator a demo data folder signs in as automatically (its password is random and never
    shown), and mark the folder as a demo folder.

    Only on a folder with no accounts yet, or on a demo folder that still holds nothing but the demo; refuses a
    real centre's folder, so auto sign-in can never open real children's data.
    """
    with ctx.db.session() as s:
        actor = _demo_only_actor(s)
        if actor is not None:
            return actor
        if s.scalar(select(func.count()).select_from(User)):
            raise PermissionDenied("这个数据文件夹已有正式账号，不能自动登录演示账号。请用自己的账号登录。")
        user = User(
            username=DEMO_USERNAME,
            display_name="演示管理员",
            role=ADMIN,
            password_hash=_HASHER.hash(secrets.token_urlsafe(24)),
            active=True,
            must_change_password=False,
            failed_attempts=0,
        )
        s.add(user)
        flag = s.get(Setting, DEMO_FOLDER_KEY)
        if flag is None:
            s.add(Setting(key=DEMO_FOLDER_KEY, value=json.dumps(True)))
        else:
            flag.value = json.dumps(True)
        s.flush()
        actor = _actor(user)
        audit.record(
            s, actor, "create", "user_account", user.id, "演示数据：创建演示管理员", {"role": [None, ADMIN]}
        )
        return actor


def demo_sign_in(ctx: AppContext) -> Actor | None:
    """At the gate (start-up, after a restore): the demo administrator if this folder holds nothing but the demo
    (see above), audited as a login; otherwise None and the normal sign-in or first-run wizard is shown."""
    with ctx.db.read() as s:
        if _demo_only_actor(s) is None:  # the usual case costs one read, no write transaction
            return None
    with ctx.db.session() as s:
        actor = _demo_only_actor(s)
        if actor is None:
            return None
        user = _get(s, actor.user_id)  # type: ignore[arg-type]
        user.last_login_at = _utc(None)
        audit.record(s, actor, "login", "user_account", user.id, "演示数据文件夹：演示管理员自动登录")
        return actor


def is_demo_folder(ctx: AppContext) -> bool:
    """The folder is flagged as a demo folder (the window shows the 演示数据 banner) — whether or not it still signs
    in by itself. No permission check: it is asked before anyone has signed in (the banner is on the sign-in screen
    too), and says nothing about any child or person."""
    with ctx.db.read() as s:
        return _demo_flag(s)


def sign_in_as(ctx: AppContext, username: str) -> Actor:
    """Sign an existing, active account in without its password — for tests and tools that open the window
    in-process (``open_main_window(data_dir, user=...)``); whoever runs them can read the data folder anyway.
    Audited like a login."""
    with ctx.db.session() as s:
        user = _find(s, username)
        if user is None or not user.active:
            raise LoginFailed(f"没有可用的账号“{username}”。")
        user.last_login_at = _utc(None)
        actor = _actor(user)
        audit.record(s, actor, "login", "user_account", user.id, "程序内登录（测试或工具）")
        return actor


# --- idle lock ----------------------------------------------------------------------------------------------


def get_idle_lock_minutes(ctx: AppContext) -> int:
    """Minutes without input before the screen locks (0 = never). A bad stored value falls back to the default."""
    value = get_setting(ctx, IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_IDLE_LOCK_MINUTES:
        return DEFAULT_IDLE_LOCK_MINUTES
    return value


def set_idle_lock_minutes(ctx: AppContext, minutes: int) -> None:
    require(ctx.actor, "settings", "write")
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError(f"自动锁屏时间应为0–{MAX_IDLE_LOCK_MINUTES}分钟（0表示不自动锁屏）。")
    set_setting(ctx, IDLE_LOCK_KEY, minutes)
