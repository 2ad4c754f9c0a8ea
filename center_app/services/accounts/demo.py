"""Demo data folders: the demo administrator, signed in by itself on a folder that holds nothing but the demo —
and never on a real centre's folder.

A demo folder (``--demo``, or filled by ``demo-data``) is flagged by the ``demo_folder`` setting and has a demo
administrator whose password is random and never shown. It signs in by itself only while it holds nothing but the
demo: the flag is set, the demo account is active, and no other account is enabled. As soon as anybody adds an
account (a centre starting real work on it), the normal sign-in — or, with no real administrator yet, the first-run
wizard — is shown; "清空演示数据" (services/demo_reset.py) clears the flag and the demo for good.
"""

from __future__ import annotations

import json
import secrets

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db.models import Setting, User
from center_app.domain.actor import Actor
from center_app.domain.errors import PermissionDenied
from center_app.domain.permissions import ADMIN
from center_app.services import audit
from center_app.services.accounts.common import (
    DEMO_FOLDER_KEY,
    DEMO_USERNAME,
    HASHER,
    actor_of,
    demo_flag,
    find_user,
    get_user,
    utc_instant,
)


def _demo_only_actor(s: Session) -> Actor | None:
    """The demo administrator if this folder may sign it in by itself, else None."""
    if not demo_flag(s):
        return None
    user = find_user(s, DEMO_USERNAME)
    if user is None or not user.active or user.role != ADMIN:
        return None
    others = s.scalar(select(func.count()).select_from(User).where(User.active.is_(True), User.id != user.id))
    return None if others else actor_of(user)


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
            password_hash=HASHER.hash(secrets.token_urlsafe(24)),
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
        actor = actor_of(user)
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
        user = get_user(s, actor.user_id)  # type: ignore[arg-type]
        user.last_login_at = utc_instant(None)
        audit.record(s, actor, "login", "user_account", user.id, "演示数据文件夹：演示管理员自动登录")
        return actor


def is_demo_folder(ctx: AppContext) -> bool:
    """The folder is flagged as a demo folder (the window shows the 演示数据 banner) — whether or not it still signs
    in by itself. No permission check: it is asked before anyone has signed in (the banner is on the sign-in screen
    too), and says nothing about any child or person."""
    with ctx.db.read() as s:
        return demo_flag(s)
