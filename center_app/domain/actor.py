"""Who is acting: a plain value (no database, no Qt), so the login screen and the permission checks can name it
without opening anything. ``center_app.context`` re-exports it beside ``AppContext``."""

from __future__ import annotations

import getpass
from dataclasses import dataclass

from center_app.domain.permissions import ADMIN, NOBODY


@dataclass(frozen=True)
class Actor:
    """Who is doing things: a signed-in user, the command line acting as the machine's administrator, or nobody.

    There is no default: whoever builds an Actor says which one it is (``Actor.nobody()`` fails every check)."""

    username: str
    role: str
    user_id: int | None = None
    display_name: str = ""
    volunteer_id: int | None = None  # a teacher's own volunteer record: their sessions are "own"

    @property
    def signed_in(self) -> bool:
        return self.role != NOBODY

    @classmethod
    def nobody(cls) -> Actor:
        """Before anyone signs in: every permission check fails."""
        return cls(username="(未登录)", role=NOBODY, display_name="")

    @classmethod
    def command_line(cls) -> Actor:
        try:
            os_user = getpass.getuser()
        except Exception:  # no user name on some Windows service accounts
            os_user = "unknown"
        return cls(username=f"cli:{os_user}", role=ADMIN, display_name=f"命令行 ({os_user})")
