"""Backing up: "back up now" (to ``backups/`` or a USB stick), the automatic copies at start-up and exit, the
list of backups, and rotation (which automatic copies and safety copies are kept)."""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable, Hashable, Iterable
from pathlib import Path
from typing import TypeVar

from center_app.config import DataDir
from center_app.context import AppContext
from center_app.db import health
from center_app.domain.errors import DomainError
from center_app.domain.permissions import WRITE, require
from center_app.services import audit
from center_app.services.backup.common import (
    AUTO_BACKUP_EVERY,
    AUTO_RE,
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_SAFETY_COPIES,
    KEEP_WEEKLY,
    KIND_AUTO,
    KIND_BEFORE_MIGRATE,
    KIND_BEFORE_RESTORE,
    KIND_MANUAL,
    NAME_RE,
    PARTIAL_SUFFIX,
    STALE_PARTIAL_AGE,
    STAMP_FORMAT,
    BackupInfo,
    Cancel,
    Progress,
    backup_file,
    info_for,
    mtime,
    require_sqlite,
    sort_key,
)
from center_app.services.backup.target import copy_to_backup_folder

log = logging.getLogger(__name__)


T = TypeVar("T", bound=Hashable)


def backup_now(
    ctx: AppContext,
    target_dir: Path | None = None,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
) -> BackupInfo:
    """A manual backup into ``backups/`` or a chosen folder (USB stick). Raises BackupCancelled or DomainError.

    Needs the ``backups`` write permission: a copy of every child's record may leave the building on it.
    """
    require(ctx.actor, "backups", WRITE)
    require_sqlite(ctx.db)
    if target_dir is None:
        folder = ctx.data_dir.backups
        folder.mkdir(parents=True, exist_ok=True)
    else:
        folder = Path(target_dir).resolve()  # the audit log names the absolute folder (a copy of every child)
        # Don't create it: a missing folder usually means the USB stick was pulled out.
        if not folder.is_dir():
            raise DomainError(f"找不到目标文件夹“{folder}”（U 盘是否已拔出？）")
        if not health.folder_is_writable(folder):
            raise DomainError(
                f"“{folder}”是只读的（U 盘的写保护开关是否打开了？），备份没有写入。"
                "请关掉写保护，或换一个 U 盘或文件夹。"
            )
    path = backup_file(
        ctx.data_dir.db_path, folder, KIND_MANUAL, dt.datetime.now(), progress=progress, cancel=cancel
    )
    info = info_for(path)
    if progress is not None:
        progress(100)  # the file is complete and published; the audit below is bookkeeping
    # Its own short transaction after the copy: the copy never waits for it, and a manual copy (possibly carried
    # away on a USB stick, with children's data in it) is on record. A failure here must not hide a good backup.
    try:
        with ctx.db.session() as s:
            audit.record(
                s,
                ctx.actor,
                "backup",
                "database",
                summary=f"手动备份数据库到 {path}",
                changes={"path": [None, str(path)], "size": [None, info.size]},
            )
    except Exception:
        log.exception("backup %s written, but its audit record failed", path)
    return info


def _auto_backup(ctx: AppContext, now: dt.datetime) -> BackupInfo:
    # No permission check: start-up and exit backups run whoever is (or nobody is) signed in.
    require_sqlite(ctx.db)
    ctx.data_dir.backups.mkdir(parents=True, exist_ok=True)
    path = backup_file(ctx.data_dir.db_path, ctx.data_dir.backups, KIND_AUTO, now)
    # Automatic copies stay inside the data folder, so they are not audited (two rows a day of noise).
    log.info("automatic backup written: %s", path)
    info = info_for(path)
    rotate(ctx.data_dir.backups, now)  # never deletes ``path``: it is the newest backup of its day
    # The USB stick too, when one is chosen and plugged in (never raises: the copy above stands).
    copy_to_backup_folder(ctx, path, now)
    return info


def auto_backup_if_due(ctx: AppContext, now: dt.datetime | None = None) -> BackupInfo | None:
    """At start-up: back up if the newest automatic backup is more than a day old (or none exists), then rotate."""
    now = now or dt.datetime.now()
    newest = max((b.created for b in list_backups(ctx.data_dir) if b.kind == KIND_AUTO), default=None)
    # A backup dated in the future means the clock was wrong (CMOS battery after a power cut): back up anyway.
    if newest is not None and now - AUTO_BACKUP_EVERY < newest <= now:
        return None
    return _auto_backup(ctx, now)


def backup_at_exit(ctx: AppContext, now: dt.datetime | None = None) -> BackupInfo:
    """On closing the app: always an automatic backup, then rotate."""
    return _auto_backup(ctx, now or dt.datetime.now())


def select_kept(files_with_times: Iterable[tuple[T, dt.datetime]], now: dt.datetime) -> set[T]:
    """Which automatic backups to keep: the newest of each of the last 7 days that have one, of the last 4 ISO weeks
    that have one and of the last 12 months that have one (the three overlap).

    Counting days/weeks/months *that have a backup* (not calendar days before ``now``) means a summer closure or a
    clock set years ahead never deletes every backup. Files dated after ``now`` are kept: the clock is wrong and
    nothing sensible can be said about them.
    """
    items = list(files_with_times)
    kept = {f for f, t in items if t > now}
    # Equal times (two backups in one second): the later in the input counts as the newer.
    dated = [(t, i, f) for i, (f, t) in enumerate(items) if t <= now]
    newest_first = [(f, t) for t, _i, f in sorted(dated, key=lambda x: (x[0], x[1]), reverse=True)]
    buckets: tuple[tuple[Callable[[dt.datetime], object], int], ...] = (
        (lambda t: t.date(), KEEP_DAILY),
        (lambda t: t.isocalendar()[:2], KEEP_WEEKLY),
        (lambda t: (t.year, t.month), KEEP_MONTHLY),
    )
    for bucket_of, count in buckets:
        seen: set[object] = set()
        for f, t in newest_first:
            bucket = bucket_of(t)
            if bucket in seen:
                continue  # an older backup of a bucket already represented
            if len(seen) == count:
                break
            seen.add(bucket)
            kept.add(f)
    return kept


def prune_safety_copies(backups_dir: Path, keep: int = KEEP_SAFETY_COPIES) -> list[Path]:
    """Keep the newest ``keep`` before-restore and the newest ``keep`` before-migrate copies; delete older ones."""
    if not backups_dir.is_dir():
        return []
    by_kind: dict[str, list[tuple[tuple[dt.datetime, int], Path]]] = {}
    for path in backups_dir.iterdir():
        m = NAME_RE.match(path.name)
        if not m or not path.is_file() or not m["kind"] or m["kind"] == "manual":
            continue
        kind = KIND_BEFORE_RESTORE if m["kind"] == "before-restore" else KIND_BEFORE_MIGRATE
        try:
            created = dt.datetime.strptime(m["stamp"], STAMP_FORMAT)
        except ValueError:
            continue
        by_kind.setdefault(kind, []).append(((created, int(m["seq"] or 1)), path))
    deleted: list[Path] = []
    for items in by_kind.values():
        items.sort(reverse=True)
        for _key, path in items[keep:]:
            try:
                path.unlink()
                Path(str(path) + "-wal").unlink(missing_ok=True)
                deleted.append(path)
            except OSError:
                log.warning("could not delete old safety copy %s", path, exc_info=True)
    return deleted


def rotate(backups_dir: Path, now: dt.datetime | None = None) -> list[Path]:
    """Delete automatic backups no longer needed (see ``select_kept``) and stale ``.partial`` leftovers.

    Only ``center-YYYYMMDD-HHMMSS[-N].db`` files are candidates, plus safety copies beyond the newest
    ``KEEP_SAFETY_COPIES`` of each kind; manual backups and unknown files are never touched. Returns the deleted
    paths.
    """
    now = now or dt.datetime.now()
    if not backups_dir.is_dir():
        return []
    autos: list[tuple[Path, dt.datetime, int]] = []
    for path in backups_dir.iterdir():
        m = AUTO_RE.match(path.name)
        if not m or not path.is_file():
            continue
        try:
            created = dt.datetime.strptime(m["stamp"], STAMP_FORMAT)
        except ValueError:
            continue
        autos.append((path, created, int(m["seq"] or 1)))
    # Sorted so that of two backups in one second, the "-2" one counts as the newer.
    autos.sort(key=lambda item: (item[1], item[2]))
    kept = select_kept(((path, created) for path, created, _seq in autos), now)
    deleted: list[Path] = []
    for path, _created, _seq in autos:
        if path in kept:
            continue
        try:
            path.unlink()
            deleted.append(path)
        except OSError:  # open in another program on Windows: try again next time
            log.warning("could not delete old backup %s", path, exc_info=True)
    for path in backups_dir.iterdir():
        if PARTIAL_SUFFIX in path.name and path.is_file():
            try:
                if now - mtime(path) > STALE_PARTIAL_AGE:
                    path.unlink()
                    deleted.append(path)
            except OSError:
                pass
    deleted += prune_safety_copies(backups_dir)
    if deleted:
        log.info("rotation deleted %d old backup files", len(deleted))
    return deleted


def list_backups(data_dir: DataDir) -> list[BackupInfo]:
    """The ``.db`` files in ``backups/``, newest first."""
    folder = data_dir.backups
    if not folder.is_dir():
        return []
    infos = []
    for path in folder.iterdir():
        if path.suffix == ".db" and path.is_file():
            try:
                infos.append(info_for(path))
            except OSError:  # deleted meanwhile
                continue
    return sorted(infos, key=sort_key, reverse=True)
