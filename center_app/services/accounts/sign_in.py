"""Signing in and out: the password check with its lock after five wrong tries, the signed-in user's own
account and password, signing an account in without a password (tests, tools), and the idle lock's minutes."""

from __future__ import annotations

import datetime as dt
import math

from center_app.context import AppContext
from center_app.db.models import User
from center_app.domain.actor import Actor
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.services import audit
from center_app.services.accounts.common import (
    BAD_LOGIN,
    DEFAULT_IDLE_LOCK_MINUTES,
    HASHER,
    IDLE_LOCK_KEY,
    LOCK_DURATION,
    MAX_FAILED_ATTEMPTS,
    MAX_IDLE_LOCK_MINUTES,
    AccountDisabled,
    AccountLocked,
    LoginFailed,
    UserInfo,
    actor_of,
    check_password,
    dummy_hash,
    find_user,
    get_user,
    user_info,
    utc_instant,
    verify_password,
)
from center_app.services.settings import get_setting, set_setting


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
    now = utc_instant(now)
    failure: LoginFailed | None = None
    actor: Actor | None = None
    # The session must commit the failure counters, so errors are raised only after the ``with`` block.
    with ctx.db.session() as s:
        user = find_user(s, username) if username.strip() else None
        if user is None:
            verify_password(dummy_hash(), password)
            # The typed name is not recorded: people type their password into the name box.
            audit.record(s, ctx.actor, "login_failed", "user_account", "", "登录失败：用户名不存在")
            failure = LoginFailed(BAD_LOGIN)
        elif user.locked_until is not None and now < user.locked_until:
            # No password check while locked: guessing must not go on behind the lock.
            audit.record(
                s, ctx.actor, "login_failed", "user_account", user.id, f"登录被拒：{user.username} 已锁定"
            )
            failure = AccountLocked(_lock_message(user.locked_until, now), user.locked_until)
        elif not verify_password(user.password_hash, password):
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
            if HASHER.check_needs_rehash(user.password_hash):
                user.password_hash = HASHER.hash(password)  # parameters changed since it was set
            user.failed_attempts = 0
            user.locked_until = None
            user.last_login_at = now
            actor = actor_of(user)
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
        return None if user is None else user_info(user)


def change_own_password(ctx: AppContext, old: str, new: str) -> None:
    if ctx.actor.user_id is None:
        raise PermissionDenied("请先用自己的账号登录，再修改密码。")
    with ctx.db.session() as s:
        user = get_user(s, ctx.actor.user_id)
        if not user.active:
            raise PermissionDenied("该账号已停用，请联系管理员。")
        if not verify_password(user.password_hash, old):
            raise ValidationError("原密码不正确。")
        check_password(new, username=user.username)
        if new == old:
            raise ValidationError("新密码不能和原密码相同。")
        user.password_hash = HASHER.hash(new)
        user.must_change_password = False
        audit.record(
            s, ctx.actor, "password_change", "user_account", user.id, f"{user.username} 修改了自己的密码"
        )


def sign_in_as(ctx: AppContext, username: str) -> Actor:
    """Sign an existing, active account in without its password — for tests and tools that open the window
    in-process (``open_main_window(data_dir, user=...)``); whoever runs them can read the data folder anyway.
    Audited like a login."""
    with ctx.db.session() as s:
        user = find_user(s, username)
        if user is None or not user.active:
            raise LoginFailed(f"没有可用的账号“{username}”。")
        user.last_login_at = utc_instant(None)
        actor = actor_of(user)
        audit.record(s, actor, "login", "user_account", user.id, "程序内登录（测试或工具）")
        return actor


def get_idle_lock_minutes(ctx: AppContext) -> int:
    """Minutes without input before the screen locks (0 = never). A bad stored value falls back to the default."""
    value = get_setting(ctx, IDLE_LOCK_KEY, DEFAULT_IDLE_LOCK_MINUTES)
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= MAX_IDLE_LOCK_MINUTES:
        return DEFAULT_IDLE_LOCK_MINUTES
    return value


def set_idle_lock_minutes(ctx: AppContext, minutes: int) -> None:
    require(ctx.actor, "settings", WRITE)
    if isinstance(minutes, bool) or not isinstance(minutes, int) or not 0 <= minutes <= MAX_IDLE_LOCK_MINUTES:
        raise ValidationError(f"自动锁屏时间应为0–{MAX_IDLE_LOCK_MINUTES}分钟（0表示不自动锁屏）。")
    set_setting(ctx, IDLE_LOCK_KEY, minutes)
