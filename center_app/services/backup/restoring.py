"""Restoring a backup over the centre's database: validate, keep a safety copy, copy in and verify, replace,
upgrade if older, and keep the audit rows newer than the backup (see ``restore``)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select

from center_app.config import DataDir
from center_app.context import AppContext
from center_app.db import migrate
from center_app.db.models import User
from center_app.db.session import Database
from center_app.domain.actor import Actor
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, require
from center_app.services import audit
from center_app.services.backup.checking import inspect_backup
from center_app.services.backup.common import (
    BUSY_SECONDS,
    KIND_BEFORE_RESTORE,
    OPERATION_LOCK,
    PARTIAL_SUFFIX,
    PREFIXES,
    REQUIRED_TABLES,
    RESTORE_TEMP_NAME,
    BackupCancelled,
    BackupSummary,
    Progress,
    backup_file,
    describe_sqlite_error,
    discard,
    fsync_dir,
    fsync_file,
    open_ro,
    partial,
    require_sqlite,
    unique_target,
    write_verified_copy,
)
from center_app.services.backup.copying import prune_safety_copies

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    summary: BackupSummary
    safety_copy: Path | None  # the data as it was before the restore (None if there was no database yet)
    migrated_from: str | None  # the backup's schema revision, if it had to be upgraded
    audit_carried: int | None = (
        0  # audit rows newer than the backup kept; None: the current file was unreadable
    )


def _known_revisions() -> set[str]:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    return {rev.revision for rev in script.walk_revisions()}


def _safety_copy(data_dir: DataDir, progress: Progress | None) -> Path | None:
    """Copy the current database aside as ``center-before-restore-…``; None if there is none yet."""
    db_path = data_dir.db_path
    if not db_path.exists():
        return None
    data_dir.backups.mkdir(parents=True, exist_ok=True)
    now = dt.datetime.now()
    try:
        return backup_file(
            db_path, data_dir.backups, KIND_BEFORE_RESTORE, now, progress=progress, span=(0, 45)
        )
    except BackupCancelled:
        raise
    except DomainError as exc:
        # A damaged database is the usual reason to restore, so don't refuse: keep its raw bytes (with any -wal,
        # under the matching name so SQLite replays it when the copy is opened) instead of a verified copy.
        log.warning("verified copy before restore failed (%s); keeping a raw copy", exc.message)
        target = unique_target(data_dir.backups, PREFIXES[KIND_BEFORE_RESTORE], now)
        tmp = partial(target)
        wal = Path(str(db_path) + "-wal")
        tmp_wal = Path(str(target) + "-wal" + PARTIAL_SUFFIX)
        try:
            shutil.copyfile(db_path, tmp)
            fsync_file(tmp)
            if wal.exists():
                shutil.copyfile(wal, tmp_wal)
                fsync_file(tmp_wal)
                os.replace(tmp_wal, Path(str(target) + "-wal"))
            os.replace(tmp, target)
        except OSError as copy_exc:
            discard(tmp)
            tmp_wal.unlink(missing_ok=True)
            Path(str(target) + "-wal").unlink(missing_ok=True)
            raise DomainError(
                f"无法先保存当前数据，已取消恢复：{describe_sqlite_error(copy_exc)}", details=str(copy_exc)
            ) from copy_exc
        fsync_dir(data_dir.backups)
        return target


def _retire_wal(db_path: Path) -> None:
    """Fold the WAL into ``db_path`` and remove -wal/-shm, which must not survive to be replayed into the restored
    file. Raises DomainError (leaving the database whole) if another connection still has it open."""
    wal, shm = Path(str(db_path) + "-wal"), Path(str(db_path) + "-shm")
    if not db_path.exists():
        return
    damaged = False
    try:
        conn = sqlite3.connect(db_path, timeout=BUSY_SECONDS)
        try:
            busy = conn.execute("PRAGMA wal_checkpoint(TRUNCATE)").fetchone()[0]
        finally:
            conn.close()
        # The last connection to close a WAL database removes -wal itself; if it is still there, someone (another
        # window, a session left open, the CLI) still has the file open and would write into the replaced file.
        in_use = bool(busy) or wal.exists()
    except sqlite3.DatabaseError:
        # The current file is damaged; its raw bytes (and -wal) are already saved, so it may simply be replaced.
        damaged, in_use = True, False
    if in_use:
        raise DomainError(
            "数据库还在被使用（可能是另一个窗口或命令行程序），请关闭后再恢复。当前数据没有改动。"
        )
    try:
        for leftover in (wal, shm):
            leftover.unlink(missing_ok=True)
    except OSError as exc:
        raise DomainError(
            "数据库文件被另一个程序占用，无法恢复。请关闭其他程序后再试。当前数据没有改动。", details=str(exc)
        ) from exc
    if damaged:
        log.warning("replacing a damaged database file %s", db_path)


def restore(
    ctx_or_data_dir: AppContext | DataDir,
    backup_file: Path,
    *,
    progress: Progress | None = None,
    actor: Actor | None = None,
) -> RestoreResult:
    """Replace the centre's database with ``backup_file``.

    Order matters for power cuts: validate → copy the current data aside → copy the backup into a temp file beside
    ``center.db`` and verify it → close connections, fold and remove the WAL → ``os.replace`` → migrate if the
    backup is older → audit in the restored database. Until the replace, the current database is untouched.
    With an AppContext the caller must have closed every session; afterwards ``ctx.db`` opens the restored file
    (cached data in the UI is stale, and the signed-in user may not exist in the restored data). Needs the
    ``backups`` write permission: the context's actor, or with a bare DataDir (a folder whose database may be
    unreadable, so no context can be opened) the ``actor`` given — the command line passes ``Actor.command_line()``;
    without one the restore is refused, never run as an administrator nobody named.
    """
    backup_file = Path(backup_file)
    if isinstance(ctx_or_data_dir, AppContext):
        ctx: AppContext | None = ctx_or_data_dir
        data_dir = ctx_or_data_dir.data_dir
        acting = ctx_or_data_dir.actor
        require(acting, "backups", WRITE)
        require_sqlite(ctx_or_data_dir.db)
    else:
        ctx, data_dir = None, ctx_or_data_dir
        acting = actor if actor is not None else Actor.nobody()
        require(acting, "backups", WRITE)
    db_path = data_dir.db_path

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    with OPERATION_LOCK:
        summary = inspect_backup(backup_file)
        if db_path.exists() and backup_file.resolve() == db_path.resolve():
            raise DomainError("不能用正在使用的数据库文件恢复它自己，请选择 backups 文件夹里的备份。")
        if summary.revision != migrate.HEAD_REVISION and summary.revision not in _known_revisions():
            raise DomainError(
                f"这个备份来自更新版本的程序（数据库版本 {summary.revision}），本程序只支持到 "
                f"{migrate.HEAD_REVISION}。请先安装新版本的程序再恢复。"
            )
        report(0)
        data_dir.ensure()
        safety = _safety_copy(data_dir, progress)
        report(45)

        tmp = data_dir.root / RESTORE_TEMP_NAME
        write_verified_copy(
            lambda: open_ro(backup_file),
            tmp,
            required=REQUIRED_TABLES,
            progress=progress,
            cancel=None,
            span=(45, 90),
        )
        carried = _carry_audit(db_path, tmp)
        try:
            if ctx is not None:
                ctx.db.dispose()  # pooled connections would keep the old file (and its WAL) open
            _retire_wal(db_path)
            os.replace(tmp, db_path)
        except OSError as exc:  # Windows: another program still has center.db open
            discard(tmp)
            raise DomainError(
                "数据库文件被另一个程序占用，无法恢复。请关闭其他程序后再试。当前数据没有改动。",
                details=str(exc),
            ) from exc
        except BaseException:
            discard(tmp)
            raise
        fsync_dir(data_dir.root)
        log.info("restored %s from %s (safety copy %s)", db_path, backup_file, safety)
        report(92)

        db = ctx.db if ctx is not None else Database.for_file(db_path)
        try:
            migrated_from = None
            if summary.revision != migrate.HEAD_REVISION:
                try:
                    migrate.upgrade(db.engine, db_path=db_path, backups_dir=data_dir.backups)
                except Exception as exc:
                    raise DomainError(
                        "备份已恢复，但升级数据库结构失败。恢复前的数据保存在 "
                        f"{safety or '（无）'}，请联系技术支持。",
                        details=str(exc),
                    ) from exc
                migrated_from = summary.revision
            _audit_restore(db, acting, summary, safety, carried)
        finally:
            if ctx is None:
                db.dispose()
        report(100)
        prune_safety_copies(data_dir.backups)
        return RestoreResult(backup_file, summary, safety, migrated_from, carried)


_AUDIT_COLUMNS = ("at", "actor", "action", "entity", "entity_id", "summary", "changes")


def _carry_audit(current: Path, restored: Path) -> int | None:
    """Copy the audit rows the current database holds that are newer than the backup's newest into the restored
    copy (not yet live), so "export children, then restore an older backup" never erases the record of the export.

    The user id is dropped (that account may not exist in the backup); the name in ``actor`` stays. Returns how
    many rows were carried, or None when the current file could not be read (it is damaged: its bytes are kept in
    the before-restore copy, audit log included)."""
    if not current.exists():
        return 0
    try:
        src = open_ro(current)
        src.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
        try:
            dst = sqlite3.connect(restored)
            try:
                newest = dst.execute("SELECT max(at) FROM audit_log").fetchone()[0]
                cols = ", ".join(_AUDIT_COLUMNS)
                rows = src.execute(
                    f"SELECT {cols} FROM audit_log WHERE ? IS NULL OR at > ? ORDER BY at, id",
                    (newest, newest),
                ).fetchall()
                with dst:  # one transaction: all carried or none
                    dst.executemany(
                        f"INSERT INTO audit_log ({cols}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})",
                        rows,
                    )
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        log.warning("could not carry audit rows from %s into the restored data", current, exc_info=True)
        return None
    fsync_file(restored)
    return len(rows)


def _audit_restore(
    db: Database, actor: Actor, summary: BackupSummary, safety: Path | None, carried: int | None = 0
) -> None:
    try:
        with db.session() as s:
            # The signed-in user may not exist in older data; the user name is still recorded.
            if (
                actor.user_id is not None
                and s.scalar(select(User.id).where(User.id == actor.user_id)) is None
            ):
                actor = dataclasses.replace(actor, user_id=None)
            audit.record(
                s,
                actor,
                "restore",
                "database",
                summary=(
                    f"从备份恢复数据库：{summary.path.name}（备份时间 {summary.created:%Y-%m-%d %H:%M}）；"
                    f"恢复前的数据保存为 {safety.name if safety else '（无）'}；"
                    + (
                        f"备份之后的 {carried} 条审计记录已保留"
                        if carried is not None
                        else "当前数据已损坏，备份之后的审计记录只保存在恢复前的副本中"
                    )
                ),
                changes={"from": [None, str(summary.path)], "safety_copy": [None, str(safety or "")]},
            )
    except Exception:
        log.exception("database restored, but its audit record failed")
