"""Backups and restore of the centre's SQLite file (no Qt here; the UI runs these in a worker thread).

The package's modules: ``copying`` (back up now, the automatic copies, the list, rotation), ``checking`` (is a
file a good backup, the newest good one), ``restoring`` (restore), ``target`` (the backup folder — a USB stick —
every automatic backup is copied to as well, and the schedule); ``common`` holds the
names, types and the SQLite copy they share. This ``__init__`` re-exports the public API (``backup.backup_now``).

Every copy goes through SQLite's online backup API, which reads one consistent snapshot even while the app has the
database open in WAL mode. Copies are written to ``<name>.partial`` first, checked (``PRAGMA integrity_check`` and
an ``alembic_version`` row) and only then renamed with ``os.replace``, so a power cut never leaves a half file under
a real backup name.

File names in ``backups/`` (local time, ``-2``, ``-3``… if two are taken in one second):

* ``center-YYYYMMDD-HHMMSS.db`` — automatic (start-up, exit); the only files rotation ever deletes;
* ``center-manual-YYYYMMDD-HHMMSS.db`` — "back up now"; kept until the user deletes them;
* ``center-before-migrate-<rev>-YYYYMMDD-HHMMSS.db`` / ``center-before-restore-YYYYMMDD-HHMMSS.db`` — safety copies.
"""

from center_app.services.backup.checking import inspect_backup, newest_verified_backup
from center_app.services.backup.common import (
    AUTO_BACKUP_EVERY,
    COUNT_LABELS,
    COUNTED_TABLES,
    KEEP_DAILY,
    KEEP_MONTHLY,
    KEEP_SAFETY_COPIES,
    KEEP_WEEKLY,
    KIND_AUTO,
    KIND_BEFORE_MIGRATE,
    KIND_BEFORE_RESTORE,
    KIND_LABELS,
    KIND_MANUAL,
    PARTIAL_SUFFIX,
    REQUIRED_TABLES,
    RESTORE_TEMP_NAME,
    STAMP_FORMAT,
    BackupCancelled,
    BackupInfo,
    BackupSummary,
    Cancel,
    Progress,
)
from center_app.services.backup.copying import (
    auto_backup_if_due,
    backup_at_exit,
    backup_now,
    list_backups,
    prune_safety_copies,
    rotate,
    select_kept,
)
from center_app.services.backup.restoring import RestoreResult, restore
from center_app.services.backup.target import (
    BACKUP_FOLDER_KEY,
    BackupSchedule,
    backup_schedule,
    get_backup_folder,
    set_backup_folder,
)

__all__ = [
    "AUTO_BACKUP_EVERY",
    "BACKUP_FOLDER_KEY",
    "COUNTED_TABLES",
    "COUNT_LABELS",
    "KEEP_DAILY",
    "KEEP_MONTHLY",
    "KEEP_SAFETY_COPIES",
    "KEEP_WEEKLY",
    "KIND_AUTO",
    "KIND_BEFORE_MIGRATE",
    "KIND_BEFORE_RESTORE",
    "KIND_LABELS",
    "KIND_MANUAL",
    "PARTIAL_SUFFIX",
    "REQUIRED_TABLES",
    "RESTORE_TEMP_NAME",
    "STAMP_FORMAT",
    "BackupCancelled",
    "BackupInfo",
    "BackupSchedule",
    "BackupSummary",
    "Cancel",
    "Progress",
    "RestoreResult",
    "auto_backup_if_due",
    "backup_at_exit",
    "backup_now",
    "backup_schedule",
    "get_backup_folder",
    "inspect_backup",
    "list_backups",
    "newest_verified_backup",
    "prune_safety_copies",
    "restore",
    "rotate",
    "select_kept",
    "set_backup_folder",
]
