"""Bring a centre's database to the schema this version of the app needs, at start-up.

Alembic is imported only when an upgrade is due (it costs ~0.4 s of start-up on the old PC). Before any upgrade of
an existing file, the file is copied aside with SQLite's online backup API, so a failed migration never costs data.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import text
from sqlalchemy.engine import Connection, Engine

from center_app.config import migrations_dir

if TYPE_CHECKING:  # Alembic is imported lazily at run time (start-up cost)
    from alembic.config import Config

log = logging.getLogger(__name__)

# The newest revision in migrations/versions. tests/test_migrations.py checks it against Alembic's own head, so
# start-up can compare revisions without importing Alembic.
HEAD_REVISION = "0006_activities"
# Every revision this version of the app knows, oldest first (tests/test_migrations.py checks it against Alembic). A
# database at a revision not listed here was written by a newer app: it is refused before anything is copied or run.
KNOWN_REVISIONS = (
    "0001_initial",
    "0002_integrity_indexes",
    "0003_import_file_hash",
    "0004_equipment",
    "0005_volunteers",
    "0006_activities",
)

# In the checkout and in the PyInstaller bundle alike (config.app_root: the bundle ships the scripts as source).
MIGRATIONS_DIR = migrations_dir()


class MigrationError(RuntimeError):
    pass


def current_revision(conn: Connection) -> str | None:
    from sqlalchemy.exc import OperationalError, ProgrammingError

    try:
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
    except (OperationalError, ProgrammingError) as exc:
        # No table yet: an empty database. Anything else (a damaged file) is not "empty" and must not be migrated.
        if "no such table" not in str(exc).lower() and "does not exist" not in str(exc).lower():
            raise
        conn.rollback()
        return None


def alembic_config(conn: Connection | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    # Alembic keeps options in a configparser, which treats "%" as interpolation: the app may be installed under a
    # folder like "张老师 的中心 100%" — so escape it. The database goes in as the open connection, never as a URL
    # string (a percent-encoded Chinese path is full of "%").
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR).replace("%", "%%"))
    if conn is not None:
        cfg.attributes["connection"] = conn
    return cfg


def alembic_head() -> str:
    from alembic.script import ScriptDirectory

    heads = ScriptDirectory.from_config(alembic_config()).get_heads()
    if len(heads) != 1:
        raise MigrationError(f"expected one migration head, found {heads}")
    return heads[0]


def backup_sqlite_file(db_path: Path, backups_dir: Path, label: str) -> Path:
    """Copy a live SQLite file consistently (online backup API, safe with WAL) into ``backups_dir``."""
    backups_dir.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = backups_dir / f"center-{label}-{stamp}.db"
    n = 1
    while target.exists():
        n += 1
        target = backups_dir / f"center-{label}-{stamp}-{n}.db"
    # Written under a temporary name, verified, then renamed: a power cut never leaves a half copy under a real name.
    partial = target.with_name(target.name + ".partial")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a standalone file, no -wal beside it
            if dst.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                raise MigrationError(f"the safety copy {partial} failed its integrity check")
        finally:
            dst.close()
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    finally:
        src.close()
    os.replace(partial, target)
    return target


def needs_upgrade(engine: Engine) -> tuple[bool, str | None]:
    with engine.connect() as conn:
        rev = current_revision(conn)
    return rev != HEAD_REVISION, rev


def upgrade(engine: Engine, *, db_path: Path | None = None, backups_dir: Path | None = None) -> str | None:
    """Upgrade to head if needed. Returns the path of the safety copy made, if any.

    Raises ``StoreProblem`` (TOO_NEW) for a database from a newer app, before copying or changing anything."""
    due, rev = needs_upgrade(engine)
    if not due:
        return None
    if rev is not None and rev not in KNOWN_REVISIONS:
        from center_app.db.health import TOO_NEW, StoreProblem, too_new_message

        raise StoreProblem(TOO_NEW, too_new_message(rev))
    copy: Path | None = None
    if rev is not None and db_path is not None and backups_dir is not None and db_path.exists():
        copy = backup_sqlite_file(db_path, backups_dir, f"before-migrate-{rev}")
        log.info("backed up %s to %s before migrating from %s", db_path, copy, rev)
    from alembic import command

    with engine.connect() as conn:
        command.upgrade(alembic_config(conn), "head")
        conn.commit()
    log.info("database migrated from %s to %s", rev, HEAD_REVISION)
    return str(copy) if copy else None
