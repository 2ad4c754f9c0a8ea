"""Opening a centre's store: data folder, engine, migrations — and who is acting.

``open_store`` is what the app, the CLI and the tests all call, so every path runs the same migrations.
"""

from __future__ import annotations

import getpass
import logging
from dataclasses import dataclass, field

from center_app.config import DataDir
from center_app.db.session import Database

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class Actor:
    """Who is doing things: a signed-in user, or the command line acting as the machine's administrator."""

    username: str
    role: str = "admin"
    user_id: int | None = None
    display_name: str = ""
    volunteer_id: int | None = None  # a teacher's own volunteer record: their sessions are "own"

    @property
    def signed_in(self) -> bool:
        return self.role != "none"

    @classmethod
    def nobody(cls) -> Actor:
        """Before anyone signs in: every permission check fails."""
        return cls(username="(未登录)", role="none", display_name="")

    @classmethod
    def command_line(cls) -> Actor:
        try:
            os_user = getpass.getuser()
        except Exception:  # no user name on some Windows service accounts
            os_user = "unknown"
        return cls(username=f"cli:{os_user}", role="admin", display_name=f"命令行 ({os_user})")


@dataclass
class AppContext:
    """What a service needs: the data folder, the database and the acting user."""

    data_dir: DataDir
    db: Database
    actor: Actor = field(default_factory=Actor.command_line)
    migrated_from_backup: str | None = None

    def close(self) -> None:
        self.db.dispose()


def open_store(data_dir: DataDir, *, actor: Actor | None = None, migrate: bool = True) -> AppContext:
    """Create the folders, open the database and bring its schema up to date (copying the file aside first)."""
    data_dir.ensure()
    db = Database.for_file(data_dir.db_path)
    copy = None
    if migrate:
        from center_app.db import migrate as migrations

        copy = migrations.upgrade(db.engine, db_path=data_dir.db_path, backups_dir=data_dir.backups)
    return AppContext(
        data_dir=data_dir, db=db, actor=actor or Actor.command_line(), migrated_from_backup=copy
    )
