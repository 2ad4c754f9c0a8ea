"""What the accounts modules share: the limits, the password hasher and rules, the sign-in errors, ``UserInfo``,
and the checks and look-ups inside a caller's transaction."""

from __future__ import annotations

import datetime as dt
import re
import secrets
from dataclasses import dataclass
from functools import cache

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.db.models import Setting, User, Volunteer
from center_app.domain.actor import Actor
from center_app.domain.errors import DomainError, NotFound, ValidationError
from center_app.domain.permissions import ADMIN, ROLES, role_label

# OWASP's minimum argon2id profile (19 MiB, 2 passes, 1 lane): about 40 ms on a current CPU and well under half a
# second on the centres' old 4 GB dual-core PCs. Heavier settings would make every sign-in (and every idle unlock)
# sluggish and could swap on a machine already running a browser; the lockout below limits guessing anyway.
HASHER = PasswordHasher(time_cost=2, memory_cost=19456, parallelism=1)

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
#: 借还台模式: the PC is a circulation desk (a longer idle lock of its own; the lock screen keeps a scan)
DESK_MODE_KEY = "desk_mode"
DEFAULT_DESK_IDLE_LOCK_MINUTES = 60
MAX_DESK_IDLE_LOCK_MINUTES = 480  # a working day; 0 = never
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


@dataclass(frozen=True)
class DeskMode:
    """借还台模式: ``on`` for a PC at the circulation desk, with its own idle lock (``idle_lock_minutes``, 0 =
    never) used instead of the ordinary one; its lock screen keeps the last scan to do after the next sign-in."""

    on: bool = False
    idle_lock_minutes: int = DEFAULT_DESK_IDLE_LOCK_MINUTES


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


def utc_instant(now: dt.datetime | None) -> dt.datetime:
    """Naive UTC, as the models store instants."""
    if now is None:
        return dt.datetime.now(dt.UTC).replace(tzinfo=None)
    if now.tzinfo is not None:
        return now.astimezone(dt.UTC).replace(tzinfo=None)
    return now


@cache
def dummy_hash() -> str:
    # Verified against when the user name is unknown, so that a wrong name costs as long as a wrong password.
    return HASHER.hash(secrets.token_urlsafe(16))


def verify_password(password_hash: str, password: str) -> bool:
    try:
        return HASHER.verify(password_hash, password)
    except (VerificationError, InvalidHashError):
        return False


def user_info(user: User) -> UserInfo:
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


def actor_of(user: User) -> Actor:
    return Actor(
        username=user.username,
        role=user.role,
        user_id=user.id,
        display_name=user.display_name,
        volunteer_id=user.volunteer_id,
    )


def find_user(s: Session, username: str) -> User | None:
    # Case-insensitive: "LiFang" and "lifang" are the same person. lower() is ASCII-only in SQLite, which is all the
    # case there is in the allowed characters (Chinese has none).
    return s.scalars(select(User).where(func.lower(User.username) == username.strip().lower())).first()


def get_user(s: Session, user_id: int) -> User:
    user = s.get(User, user_id)
    if user is None:
        raise NotFound("找不到该用户账号，可能已被删除。")
    return user


def active_admins(s: Session) -> int:
    return int(
        s.scalar(select(func.count()).select_from(User).where(User.role == ADMIN, User.active.is_(True))) or 0
    )


def demo_flag(s: Session) -> bool:
    flag = s.get(Setting, DEMO_FOLDER_KEY)
    return flag is not None and flag.value == "true"


def real_admins(s: Session) -> int:
    """Active administrators a person can sign in as: in a demo folder the demo administrator (random password,
    never shown) does not count."""
    stmt = select(func.count()).select_from(User).where(User.role == ADMIN, User.active.is_(True))
    if demo_flag(s):
        stmt = stmt.where(func.lower(User.username) != DEMO_USERNAME)
    return int(s.scalar(stmt) or 0)


def display_width(text: str) -> int:
    # A Chinese character counts as two, so a two-character name (王芳) is long enough but "ab" is not.
    return sum(1 if ord(ch) < 128 else 2 for ch in text)


def check_username(s: Session, username: str, *, exclude_id: int | None = None) -> str:
    name = username.strip()
    if not name:
        raise ValidationError("请填写用户名。")
    if not _USERNAME_RE.match(name):
        raise ValidationError("用户名只能包含字母、数字、汉字和“_ . -”，不能有空格。")
    if not USERNAME_MIN_WIDTH <= display_width(name) <= USERNAME_MAX_WIDTH:
        raise ValidationError(
            f"用户名长度应为{USERNAME_MIN_WIDTH}–{USERNAME_MAX_WIDTH}个字符（一个汉字算2个字符）。"
        )
    existing = find_user(s, name)
    if existing is not None and existing.id != exclude_id:
        raise ValidationError(f"用户名“{name}”已被使用（不区分大小写），请换一个。")
    return name


def check_display_name(display_name: str) -> str:
    name = display_name.strip()
    if not name:
        raise ValidationError("请填写姓名（显示名）。")
    if len(name) > DISPLAY_NAME_MAX:
        raise ValidationError(f"姓名不能超过{DISPLAY_NAME_MAX}个字。")
    return name


def check_role(role: str) -> str:
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


def check_volunteer(s: Session, volunteer_id: int | None) -> int | None:
    if volunteer_id is not None and s.get(Volunteer, volunteer_id) is None:
        raise ValidationError("找不到要关联的志愿者，请先在“志愿者”页登记。")
    return volunteer_id
