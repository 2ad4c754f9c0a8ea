"""Opening a centre's store: data folder, engine, migrations — and who is acting (``Actor``, from domain/).

``open_store`` is what the app, the CLI and the tests all call, so every path runs the same migrations.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass, field

from center_app.config import DataDir
from center_app.db import health
from center_app.db.session import Database
from center_app.domain.actor import Actor  # the plain type lives in domain/; importable from here too

log = logging.getLogger(__name__)


@dataclass
class AppContext:
    """What a service needs: the data folder, the database and the acting user.

    Fails closed: without an explicit actor nobody is acting, and every permission check refuses. The command line
    says so itself (``Actor.command_line()``); the app signs someone in."""

    data_dir: DataDir
    db: Database
    actor: Actor = field(default_factory=Actor.nobody)
    migrated_from_backup: str | None = None

    def close(self) -> None:
        self.db.dispose()


def open_store(data_dir: DataDir, *, actor: Actor | None = None, migrate: bool = True) -> AppContext:
    """Create the folders, open the database and bring its schema up to date (copying the file aside first).

    Raises ``StoreProblem`` with one Chinese sentence for a folder that is a file or read-only, a ``center.db``
    that is a folder or damaged, or a database from a newer app — never an exception's English text."""
    health.ensure_writable_folder(data_dir.root, (data_dir.backups, data_dir.logs, data_dir.exports))
    health.check_db_file(data_dir.db_path)
    db = Database.for_file(data_dir.db_path)
    copy = None
    if migrate:
        from center_app.db import migrate as migrations

        try:
            copy = migrations.upgrade(db.engine, db_path=data_dir.db_path, backups_dir=data_dir.backups)
        except BaseException as exc:
            db.dispose()
            problem = store_problem_for(exc, data_dir)
            if problem is None or problem is exc:
                raise
            raise problem from exc
    return AppContext(
        data_dir=data_dir,
        db=db,
        actor=actor if actor is not None else Actor.nobody(),
        migrated_from_backup=copy,
    )


def store_problem_for(exc: BaseException, data_dir: DataDir) -> health.StoreProblem | None:
    """The StoreProblem an error opening or reading the store stands for, if it is the file's fault."""
    if isinstance(exc, health.StoreProblem):
        return exc
    import sqlite3

    from sqlalchemy.exc import DBAPIError

    if not isinstance(exc, (DBAPIError, sqlite3.Error)):
        return None
    if health.is_damage(exc):
        return health.StoreProblem(health.DAMAGED, health.damaged_message(data_dir.db_path), details=str(exc))
    if health.is_read_only(exc) and not health.folder_is_writable(data_dir.root):
        return health.describe_os_error(PermissionError(13, "read-only", str(data_dir.root)), data_dir.root)
    return None


def open_store_for_reading(data_dir: DataDir, *, actor: Actor | None = None) -> AppContext | None:
    """For commands that only read (``stats``): no folder created, no lock, no migration. None when the folder
    holds no database yet; StoreProblem for a mistyped path, a damaged file or one whose schema is not this app's."""
    health.check_readable_folder(data_dir.root)
    if not data_dir.db_path.exists():
        return None
    health.check_db_file(data_dir.db_path)
    from center_app.db import migrate as migrations

    try:
        conn = health.open_read_only(data_dir.db_path)
        try:
            revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        finally:
            conn.close()
    except Exception as exc:
        problem = store_problem_for(exc, data_dir)
        if problem is not None:
            raise problem from exc
        revision = None  # no alembic_version table: never opened by the app
    revision = revision[0] if revision else None
    if revision is None:
        return None
    if revision not in migrations.KNOWN_REVISIONS:
        raise health.StoreProblem(health.TOO_NEW, health.too_new_message(revision))
    if revision != migrations.HEAD_REVISION:
        raise health.StoreProblem(
            health.UNREADABLE,
            "这份数据来自旧版本的程序，需要先升级。请打开一次程序（会先自动备份再升级），然后再运行这个命令。",
        )
    return AppContext(
        data_dir=data_dir, db=Database.for_file(data_dir.db_path, read_only=True), actor=actor or Actor.nobody()
    )
