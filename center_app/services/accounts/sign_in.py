"""Signing in and out: the password check with its lock after five wrong tries, the signed-in user's own
account and password, signing an account in without a password (tests, tools), the idle lock's minutes and the
借还台模式 (desk mode: a PC at the circulation desk locks later and keeps a scan made on its lock screen)."""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata

from sqlalchemy import select

from center_app.context import AppContext
from center_app.db.models import BookCopy, Child, EquipmentItem, EquipmentUnit, User
from center_app.domain import isbn
from center_app.domain.actor import Actor
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.domain.permissions import WRITE, require
from center_app.services import audit
from center_app.services.accounts.common import (
    BAD_LOGIN,
    DEFAULT_DESK_IDLE_LOCK_MINUTES,
    DEFAULT_IDLE_LOCK_MINUTES,
    DESK_MODE_KEY,
    HASHER,
    IDLE_LOCK_KEY,
    LOCK_DURATION,
    MAX_DESK_IDLE_LOCK_MINUTES,
    MAX_FAILED_ATTEMPTS,
    MAX_IDLE_LOCK_MINUTES,
    AccountDisabled,
    AccountLocked,
    DeskMode,
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
from center_app.services.settings import get_setting, set_setting, write_setting


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


def _minutes_ok(value: object, most: int) -> bool:
    return not isinstance(value, bool) and isinstance(value, int) and 0 <= value <= most


def get_desk_mode(ctx: AppContext) -> DeskMode:
    """Whether this centre's PC is a circulation desk, and its idle lock. A bad stored value reads as off."""
    value = get_setting(ctx, DESK_MODE_KEY, None)
    if not isinstance(value, dict):
        return DeskMode()
    minutes = value.get("idle_lock_minutes")
    if not _minutes_ok(minutes, MAX_DESK_IDLE_LOCK_MINUTES):
        minutes = DEFAULT_DESK_IDLE_LOCK_MINUTES
    assert isinstance(minutes, int)
    return DeskMode(on=value.get("on") is True, idle_lock_minutes=minutes)


def set_desk_mode(
    ctx: AppContext, on: bool, idle_lock_minutes: int = DEFAULT_DESK_IDLE_LOCK_MINUTES
) -> DeskMode:
    """Turn 借还台模式 on or off, with its idle lock (0 = never): one setting, audited."""
    require(ctx.actor, "settings", WRITE)
    if not isinstance(on, bool):
        raise ValidationError("借还台模式只能开启或关闭。")
    if not _minutes_ok(idle_lock_minutes, MAX_DESK_IDLE_LOCK_MINUTES):
        raise ValidationError(
            f"借还台模式的自动锁屏时间应为0–{MAX_DESK_IDLE_LOCK_MINUTES}分钟（0表示不自动锁屏）。"
        )
    with ctx.db.session() as s:
        write_setting(s, ctx, DESK_MODE_KEY, {"on": on, "idle_lock_minutes": idle_lock_minutes})
    return DeskMode(on=on, idle_lock_minutes=idle_lock_minutes)


def idle_lock_minutes_in_use(ctx: AppContext) -> int:
    """The idle lock the window applies now: desk mode's while it is on, else the ordinary one (0 = never)."""
    desk = get_desk_mode(ctx)
    return desk.idle_lock_minutes if desk.on else get_idle_lock_minutes(ctx)


_ISBN_SHAPE = re.compile(r"^(?:\d{13}|\d{9}[\dX])$")


def is_centre_barcode(ctx: AppContext, code: str) -> bool:
    """Whether ``code`` is a barcode this centre scans — a child's library card, a book copy's label, an equipment
    asset label (an item's box or a unit), an ISBN — so
    that, read as a burst at the sign-in screen, it is a scan and not a password (a fast password of another shape
    still signs in). Asked before anyone signs in; it says yes or no and nothing more (those numbers are printed
    on the cards and books)."""
    code = unicodedata.normalize("NFKC", code or "").strip()
    if not code or len(code) > 64:
        return False
    if _ISBN_SHAPE.match(code.upper()) and isbn.is_valid(code):
        return True
    spellings = list(dict.fromkeys((code, code.upper(), code.lower())))  # Caps Lock on or off
    with ctx.db.read() as s:
        lookups = (
            select(Child.id).where(Child.card_barcode.in_(spellings)),
            select(BookCopy.id).where(BookCopy.barcode.in_(spellings)),
            select(EquipmentUnit.id).where(EquipmentUnit.barcode.in_(spellings)),
            select(EquipmentItem.id).where(EquipmentItem.barcode.in_(spellings)),
        )
        return any(s.scalars(lookup.limit(1)).first() is not None for lookup in lookups)
