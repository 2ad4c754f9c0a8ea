"""The backup folder — a USB stick or another disk — that every automatic backup is copied to as well, and the
automatic backups' schedule (what the first-run wizard and the backup tab say in words).

The schedule is the one ``copying`` keeps and the app runs (``app._automatic_backup``): a backup every time the app
is closed, and one a few seconds after it opens when the newest automatic backup is more than ``AUTO_BACKUP_EVERY``
old (or there is none). Each automatic backup is written into ``backups/`` first; when a backup folder is set and
is there and writable at that moment (the USB stick is plugged in), the same verified copy is written into it too,
and that folder's automatic copies are rotated by the same rule. A missing or read-only folder never fails the
backup in ``backups/``: it is logged, and the next automatic backup tries again.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy.orm import Session

from center_app.context import AppContext
from center_app.db import health
from center_app.db.models import Setting
from center_app.domain.errors import DomainError, ValidationError
from center_app.domain.permissions import READ, WRITE, require
from center_app.services.backup.common import (
    AUTO_BACKUP_EVERY,
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_WEEKLY,
    KIND_AUTO,
    backup_file,
)

log = logging.getLogger(__name__)

#: the setting holding the backup folder's absolute path (``settings.SETTING_AREAS``: reading it needs ``backups``)
BACKUP_FOLDER_KEY = "backup_folder"


@dataclass(frozen=True)
class BackupSchedule:
    """When the automatic backups run, and where they go (see the module doc)."""

    #: the next automatic backup: when the app is closed on this day (today)
    next_at_exit: dt.date
    #: the newest automatic backup in ``backups/`` (None: none yet)
    last_automatic: dt.datetime | None
    #: a start-up backs up when the newest automatic backup is older than this
    every: dt.timedelta
    keep_daily: int
    keep_weekly: int
    keep_monthly: int
    #: the backup folder every automatic backup is copied to as well (None: only ``backups/``)
    folder: Path | None
    #: the folder is there and writable now (a USB stick plugged in); False without a folder
    folder_ready: bool


def _stored_folder(s: Session) -> Path | None:
    row = s.get(Setting, BACKUP_FOLDER_KEY)
    if row is None or not row.value:
        return None
    try:
        value = json.loads(row.value)
    except ValueError:
        return None
    return Path(value) if isinstance(value, str) and value else None


def _ready(folder: Path | None) -> bool:
    return folder is not None and folder.is_dir() and health.folder_is_writable(folder)


def get_backup_folder(ctx: AppContext) -> Path | None:
    """The backup folder automatic backups are copied to (None: none chosen)."""
    require(ctx.actor, "backups", READ)
    with ctx.db.read() as s:
        return _stored_folder(s)


def _checked(ctx: AppContext, folder: Path | str) -> Path:
    text = str(folder).strip()
    if not text:
        raise ValidationError("请选择备份文件夹。")
    path = Path(text).expanduser()
    if not path.is_absolute():
        raise ValidationError(f"“{text}”不是完整的文件夹路径，请用“选择文件夹…”选一个。")
    path = path.resolve()
    if not path.is_dir():
        raise ValidationError(f"找不到文件夹“{path}”（U 盘是否已插好？）。")
    if not health.folder_is_writable(path):
        raise ValidationError(
            f"“{path}”是只读的（U 盘的写保护开关是否打开了？），请关掉写保护，或换一个 U 盘或文件夹。"
        )
    data_root = ctx.data_dir.root.resolve()
    if path == data_root or data_root in path.parents:
        raise ValidationError(
            "这是程序的数据文件夹，程序已经在里面自动备份了。请选择 U 盘或另一个磁盘上的文件夹，电脑坏了备份还在。"
        )
    return path


def set_backup_folder(ctx: AppContext, folder: Path | str | None) -> Path | None:
    """Choose the backup folder every automatic backup is copied to as well (None or "": none, only
    ``backups/``). Refused with one sentence when the folder is not there (a USB stick not plugged in), is
    read-only, or lies inside the data folder (a copy on the same disk is lost with it). Audited."""
    require(ctx.actor, "backups", WRITE)
    from center_app.services.settings import write_setting

    path = None if folder is None or not str(folder).strip() else _checked(ctx, folder)
    with ctx.db.session() as s:
        if _stored_folder(s) != path:
            write_setting(s, ctx, BACKUP_FOLDER_KEY, "" if path is None else str(path))
    return path


def backup_schedule(ctx: AppContext, now: dt.datetime | None = None) -> BackupSchedule:
    """When the automatic backups run and where they go (the module doc gives the rule)."""
    require(ctx.actor, "backups", READ)
    from center_app.services.backup.copying import list_backups

    now = now or dt.datetime.now()
    with ctx.db.read() as s:
        folder = _stored_folder(s)
    last = max((b.created for b in list_backups(ctx.data_dir) if b.kind == KIND_AUTO), default=None)
    return BackupSchedule(
        next_at_exit=now.date(),
        last_automatic=last,
        every=AUTO_BACKUP_EVERY,
        keep_daily=KEEP_DAILY,
        keep_weekly=KEEP_WEEKLY,
        keep_monthly=KEEP_MONTHLY,
        folder=folder,
        folder_ready=_ready(folder),
    )


def copy_to_backup_folder(ctx: AppContext, backup: Path, now: dt.datetime) -> Path | None:
    """Inside an automatic backup (no permission check, as the automatic backup itself): copy the verified backup
    just written into the backup folder, and rotate that folder's automatic copies. Returns the copy, or None (no
    folder, or not there now — logged, never raised: the backup in ``backups/`` stands)."""
    from center_app.services.backup.copying import rotate

    try:
        with ctx.db.read() as s:
            folder = _stored_folder(s)
        if folder is None:
            return None
        if not _ready(folder):
            log.warning("backup folder %s is not there or not writable now; copy skipped", folder)
            return None
        copy = backup_file(backup, folder, KIND_AUTO, now)
        rotate(folder, now)
        log.info("automatic backup copied to %s", copy)
        return copy
    except (DomainError, OSError):
        log.warning("could not copy the automatic backup to the backup folder", exc_info=True)
        return None
