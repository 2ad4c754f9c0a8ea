"""Looking at a database file without changing it: is it a good backup of this app (and what does it hold), and the
newest good backup. (The ``check`` command's report on the centre's own file is ``services.maintenance.check``.)"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from center_app.config import DataDir
from center_app.domain.errors import DomainError
from center_app.services.backup.common import (
    COUNTED_TABLES,
    KIND_BEFORE_RESTORE,
    REQUIRED_TABLES,
    BackupSummary,
    describe_sqlite_error,
    header_problem,
    integrity_problems,
    mtime,
    open_ro,
    parse_name,
    revision_of,
    tables_of,
)
from center_app.services.backup.copying import list_backups


def _invalid(reason: str, details: str = "") -> DomainError:
    return DomainError(f"不是有效的备份文件：{reason}", details=details)


def inspect_backup(path: Path) -> BackupSummary:
    """Open a backup read-only and describe it; DomainError("不是有效的备份文件：…") if it is not a good one."""
    path = Path(path).resolve()  # shown, and recorded by a restore, with its folder
    reason = header_problem(path)
    if reason:
        raise _invalid(reason, str(path))
    try:
        conn = open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        raise _invalid(describe_sqlite_error(exc), str(exc)) from exc
    try:
        problems = integrity_problems(conn)
        if problems:
            raise _invalid("文件已损坏（完整性检查未通过）", "\n".join(problems))
        tables = tables_of(conn)
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise _invalid("这不是本程序的数据库（缺少数据表 " + "、".join(missing) + "）")
        revision = revision_of(conn)
        if revision is None:
            raise _invalid("缺少数据库版本信息")
        counts = {
            key: (conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0] if table in tables else 0)
            for key, table in COUNTED_TABLES.items()
        }
        centre_name = ""
        if "centre" in tables:
            row = conn.execute("SELECT name FROM centre ORDER BY id LIMIT 1").fetchone()
            centre_name = row[0] if row else ""
    except sqlite3.Error as exc:
        raise _invalid(describe_sqlite_error(exc), str(exc)) from exc
    finally:
        conn.close()
    parsed = parse_name(path.name)
    created = parsed[1] if parsed else mtime(path)
    return BackupSummary(
        path=path,
        created=created,
        size=path.stat().st_size,
        revision=revision,
        counts=counts,
        centre_name=centre_name or "",
    )


def newest_verified_backup(data_dir: DataDir) -> BackupSummary | None:
    """The newest automatic, manual or before-upgrade backup that passes ``inspect_backup`` (None if none does).

    Offered at start-up when ``center.db`` is damaged, so it takes a DataDir, not a signed-in context: nobody can
    sign in to a damaged database, and whoever can start the app on this PC account can read these files anyway.
    Before-restore copies are left out: one of them may be the damaged file itself."""
    for info in list_backups(data_dir):
        if info.kind == KIND_BEFORE_RESTORE:
            continue
        try:
            return inspect_backup(info.path)
        except DomainError:
            continue
    return None

