"""Accounts: the first administrator, signing in, and managing who uses the shared PC.

The package's modules: ``users`` (the first administrator, administration), ``sign_in`` (signing in and out, one's
own password, the idle lock, 借还台模式), ``demo`` (demo folders' administrator) and ``common``; this ``__init__`` re-exports
their public API (``accounts.authenticate``).

Each public function is one use case and one transaction, audited in that transaction. Administration calls
``require(ctx.actor, "accounts", ...)``; signing in and changing one's own password need no permission.

Passwords: argon2id (argon2-cffi). Six characters minimum — the users are staff and volunteers with basic computer
skills on a shared PC; a long rule ends up on a sticky note on the monitor, which is worse. What protects the data
is the five-try lock (guessing at the keyboard is the real threat here), the idle lock, per-role access and a short
list of passwords everybody tries first. Note that whoever copies the database file reads it without any password:
protecting the file (Windows account, where backups go) is outside what a login can do.
"""

from center_app.services.accounts.common import (
    BAD_LOGIN,
    DEFAULT_DESK_IDLE_LOCK_MINUTES,
    DEFAULT_IDLE_LOCK_MINUTES,
    DEMO_FOLDER_KEY,
    DEMO_USERNAME,
    DESK_MODE_KEY,
    DISPLAY_NAME_MAX,
    IDLE_LOCK_KEY,
    LOCK_DURATION,
    MAX_DESK_IDLE_LOCK_MINUTES,
    MAX_FAILED_ATTEMPTS,
    MAX_IDLE_LOCK_MINUTES,
    MAX_PASSWORD_LENGTH,
    MIN_PASSWORD_LENGTH,
    USERNAME_MAX_WIDTH,
    USERNAME_MIN_WIDTH,
    AccountDisabled,
    AccountLocked,
    DeskMode,
    LoginFailed,
    UserInfo,
    check_password,
)
from center_app.services.accounts.demo import (
    demo_sign_in,
    ensure_demo_admin,
    is_demo_folder,
    refuse_if_has_accounts,
)
from center_app.services.accounts.sign_in import (
    authenticate,
    change_own_password,
    current_user,
    get_desk_mode,
    get_idle_lock_minutes,
    idle_lock_minutes_in_use,
    is_centre_barcode,
    set_desk_mode,
    set_idle_lock_minutes,
    sign_in_as,
    sign_out,
)
from center_app.services.accounts.users import (
    VolunteerChoice,
    create_first_admin,
    create_user,
    list_linkable_volunteers,
    list_users,
    needs_first_admin,
    reset_password,
    set_active,
    set_up_centre,
    update_user,
)

__all__ = [
    "BAD_LOGIN",
    "DEFAULT_DESK_IDLE_LOCK_MINUTES",
    "DEFAULT_IDLE_LOCK_MINUTES",
    "DEMO_FOLDER_KEY",
    "DEMO_USERNAME",
    "DESK_MODE_KEY",
    "DISPLAY_NAME_MAX",
    "IDLE_LOCK_KEY",
    "LOCK_DURATION",
    "MAX_DESK_IDLE_LOCK_MINUTES",
    "MAX_FAILED_ATTEMPTS",
    "MAX_IDLE_LOCK_MINUTES",
    "MAX_PASSWORD_LENGTH",
    "MIN_PASSWORD_LENGTH",
    "USERNAME_MAX_WIDTH",
    "USERNAME_MIN_WIDTH",
    "AccountDisabled",
    "AccountLocked",
    "DeskMode",
    "LoginFailed",
    "UserInfo",
    "VolunteerChoice",
    "authenticate",
    "change_own_password",
    "check_password",
    "create_first_admin",
    "create_user",
    "current_user",
    "demo_sign_in",
    "ensure_demo_admin",
    "get_desk_mode",
    "get_idle_lock_minutes",
    "idle_lock_minutes_in_use",
    "is_centre_barcode",
    "is_demo_folder",
    "list_linkable_volunteers",
    "list_users",
    "needs_first_admin",
    "refuse_if_has_accounts",
    "reset_password",
    "set_active",
    "set_desk_mode",
    "set_idle_lock_minutes",
    "set_up_centre",
    "sign_in_as",
    "sign_out",
    "update_user",
]
