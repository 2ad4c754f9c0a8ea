"""Backups and restore of the centre's SQLite file (no Qt here; the UI runs these in a worker thread).

Every copy goes through SQLite's online backup API, which reads one consistent snapshot even while the app has the
database open in WAL mode. Copies are written to ``<name>.partial`` first, checked (``PRAGMA integrity_check`` and
an ``alembic_version`` row) and only then renamed with ``os.replace``, so a power cut never leaves a half file under
a real backup name.

File names in ``backups/`` (local time, ``-2``, ``-3``… if two are taken in one second):

* ``center-YYYYMMDD-HHMMSS.db`` — automatic (start-up, exit); the only files rotation ever deletes;
* ``center-manual-YYYYMMDD-HHMMSS.db`` — "back up now"; kept until the user deletes them;
* ``center-before-migrate-<rev>-YYYYMMDD-HHMMSS.db`` / ``center-before-restore-YYYYMMDD-HHMMSS.db`` — safety copies.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import os
import re
import shutil
import sqlite3
import struct
import threading
from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select

from center_app.config import DataDir
from center_app.context import Actor, AppContext
from center_app.db import health, migrate
from center_app.db.models import User
from center_app.db.session import BUSY_TIMEOUT_MS, Database
from center_app.domain.errors import DomainError
from center_app.domain.permissions import require
from center_app.services import audit

log = logging.getLogger(__name__)

Progress = Callable[[int], None]  # percent 0–100
Cancel = Callable[[], bool]  # True = stop now (e.g. ``threading.Event().is_set``)
T = TypeVar("T", bound=Hashable)

KIND_AUTO = "auto"
KIND_MANUAL = "manual"
KIND_BEFORE_MIGRATE = "before-migrate"
KIND_BEFORE_RESTORE = "before-restore"
KIND_LABELS = {
    KIND_AUTO: "自动备份",
    KIND_MANUAL: "手动备份",
    KIND_BEFORE_MIGRATE: "升级前备份",
    KIND_BEFORE_RESTORE: "恢复前备份",
}
_PREFIXES = {
    KIND_AUTO: "center",
    KIND_MANUAL: "center-manual",
    KIND_BEFORE_RESTORE: "center-before-restore",
}

STAMP_FORMAT = "%Y%m%d-%H%M%S"
PARTIAL_SUFFIX = ".partial"
RESTORE_TEMP_NAME = "center.db.restore-partial"

AUTO_BACKUP_EVERY = dt.timedelta(days=1)
KEEP_DAILY = 7
KEEP_WEEKLY = 4
KEEP_MONTHLY = 12
# Safety copies (before a restore, before a schema upgrade) kept per kind: the newest few are what anyone would go
# back to; without a limit, every restore or failed upgrade attempt adds a full copy of the database for ever.
KEEP_SAFETY_COPIES = 5
# A .partial file this old is a leftover of a power cut, not a copy in progress.
STALE_PARTIAL_AGE = dt.timedelta(hours=1)

# What makes a file "a database of this app" (checked on backups before they are offered for restore).
REQUIRED_TABLES = ("alembic_version", "child", "book_copy")
# Record counts shown before a restore: key -> table.
COUNTED_TABLES = {
    "children": "child",
    "titles": "book_title",
    "copies": "book_copy",
    "loans": "loan",
    "equipment_items": "equipment_item",
    "volunteers": "volunteer",
    "activities": "activity",
    "attendance_marks": "attendance_mark",
}
COUNT_LABELS = {
    "children": "儿童",
    "titles": "图书品种",
    "copies": "图书册数",
    "loans": "借阅记录",
    "equipment_items": "器材",
    "volunteers": "志愿者",
    "activities": "活动",
    "attendance_marks": "考勤记录",
}

_SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_SECONDS = BUSY_TIMEOUT_MS / 1000
# Pages copied per backup step: small enough to report progress and notice a cancel, large enough to be quick.
_PROGRESS_STEPS = 50
_MIN_STEP_PAGES = 32

_AUTO_RE = re.compile(r"^center-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.db$")
_NAME_RE = re.compile(
    r"^center-(?:(?P<kind>manual|before-restore|before-migrate(?:-.+?)?)-)?"
    r"(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.db$"
)

# One backup or restore at a time per process (start-up backup in a worker thread vs. a manual one).
_OPERATION_LOCK = threading.RLock()


class BackupCancelled(DomainError):
    """The user pressed Cancel; no file was left behind."""

    def __init__(self) -> None:
        super().__init__("备份已取消。")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: dt.datetime
    size: int
    kind: str  # auto | manual | before-migrate | before-restore

    @property
    def kind_label(self) -> str:
        return KIND_LABELS.get(self.kind, self.kind)


@dataclass(frozen=True)
class BackupSummary:
    path: Path
    created: dt.datetime
    size: int
    revision: str
    counts: dict[str, int] = field(default_factory=dict)
    centre_name: str = ""

    @property
    def is_current_schema(self) -> bool:
        return self.revision == migrate.HEAD_REVISION


@dataclass(frozen=True)
class RestoreResult:
    restored_from: Path
    summary: BackupSummary
    safety_copy: Path | None  # the data as it was before the restore (None if there was no database yet)
    migrated_from: str | None  # the backup's schema revision, if it had to be upgraded
    audit_carried: int | None = 0  # audit rows newer than the backup kept; None: the current file was unreadable


# --- file names --------------------------------------------------------------------------------------------------


def _parse_name(name: str) -> tuple[str, dt.datetime, int] | None:
    """(kind, time, sequence) of a backup file name of ours, or None."""
    m = _NAME_RE.match(name)
    if not m:
        return None
    try:
        created = dt.datetime.strptime(m["stamp"], STAMP_FORMAT)
    except ValueError:  # 20261399-…: not one of ours after all
        return None
    raw_kind = m["kind"]
    if raw_kind is None:
        kind = KIND_AUTO
    elif raw_kind.startswith(KIND_BEFORE_MIGRATE):
        kind = KIND_BEFORE_MIGRATE
    else:
        kind = raw_kind
    return kind, created, int(m["seq"] or 1)


def _mtime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def _info_for(path: Path) -> BackupInfo:
    parsed = _parse_name(path.name)
    size = path.stat().st_size
    if parsed is None:
        # Someone put a .db file here by hand: show it, date it by mtime, never rotate it away.
        return BackupInfo(path, _mtime(path), size, KIND_MANUAL)
    kind, created, _seq = parsed
    return BackupInfo(path, created, size, kind)


def _sort_key(info: BackupInfo) -> tuple[dt.datetime, int, str]:
    parsed = _parse_name(info.path.name)
    return info.created, parsed[2] if parsed else 0, info.path.name


def _unique_target(folder: Path, prefix: str, when: dt.datetime) -> Path:
    stamp = when.strftime(STAMP_FORMAT)
    target = folder / f"{prefix}-{stamp}.db"
    n = 1
    while target.exists() or _partial(target).exists():
        n += 1
        target = folder / f"{prefix}-{stamp}-{n}.db"
    return target


def _partial(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


def _discard(path: Path) -> None:
    """Remove a (temp) database and any journal beside it — a stale hot journal would be replayed into a new file."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# --- low-level SQLite helpers -------------------------------------------------------------------------------------


def _header_problem(path: Path) -> str | None:
    """Why ``path`` cannot be a whole SQLite file, judged from its size and 100-byte header alone."""
    if not path.exists():
        return f"找不到文件 {path}"
    if not path.is_file():
        return "这不是一个文件"
    size = path.stat().st_size
    if size == 0:
        return "文件是空的"
    with path.open("rb") as f:
        header = f.read(100)
    if len(header) < 100 or not header.startswith(_SQLITE_MAGIC):
        return "这不是 SQLite 数据库文件"
    page_size = struct.unpack(">H", header[16:18])[0]
    page_size = 65536 if page_size == 1 else page_size
    change_counter, page_count = struct.unpack(">II", header[24:32])
    valid_for = struct.unpack(">I", header[92:96])[0]
    # The in-header size is trustworthy when "version-valid-for" matches the change counter. Without a -wal beside
    # it, a file shorter than that was cut off (USB stick pulled out during copying).
    if (
        page_count
        and valid_for == change_counter
        and not Path(str(path) + "-wal").exists()
        and size < page_count * page_size
    ):
        return "文件不完整（可能是复制时中断了）"
    return None


def _open_ro(path: Path) -> sqlite3.Connection:
    """Open a file read-only, never leaving -wal/-shm beside a backup (see ``health.read_only_uri``), and never
    failing on a damaged file's text."""
    return health.open_read_only(path, timeout=BUSY_SECONDS)


def _describe_sqlite_error(exc: BaseException) -> str:
    text = str(exc).lower()
    if "not a database" in text or "file is encrypted" in text:
        return "这不是 SQLite 数据库文件"
    if "malformed" in text or "corrupt" in text:
        return "文件已损坏"
    if "disk is full" in text or getattr(exc, "errno", None) == 28:
        return "磁盘空间不足"
    if isinstance(exc, PermissionError) or "readonly" in text or "permission" in text:
        return "没有写入权限（文件夹或U盘是否只读？）"
    if "unable to open" in text or isinstance(exc, FileNotFoundError):
        return "无法打开文件（U盘是否已拔出？）"
    return f"读写出错（{exc}）"


def _integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({limit})").fetchall()]
    return [] if rows == ["ok"] else [str(r) for r in rows]


def _tables(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def _revision(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
    return row[0] if row and row[0] else None


def _fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def _fsync_dir(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder this way (NTFS journals renames).
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def _copy_sqlite(
    source: sqlite3.Connection,
    dest_path: Path,
    *,
    progress: Progress | None,
    cancel: Cancel | None,
    span: tuple[int, int],
) -> None:
    """Online-backup ``source`` into a new file at ``dest_path``, reporting ``span`` percent as pages are copied."""
    lo, hi = span
    page_count = source.execute("PRAGMA page_count").fetchone()[0] or 1
    step_pages = max(_MIN_STEP_PAGES, -(-page_count // _PROGRESS_STEPS))

    def on_step(_status: int, remaining: int, total: int) -> None:
        # Raising here makes sqlite3 finish (abort) the backup and re-raise.
        if cancel is not None and cancel():
            raise BackupCancelled()
        if progress is not None and total > 0:
            progress(lo + (hi - lo) * (total - remaining) // total)

    if cancel is not None and cancel():
        raise BackupCancelled()
    dest = sqlite3.connect(dest_path)
    try:
        source.backup(dest, pages=step_pages, progress=on_step)
        # The copy inherits WAL mode from the live file; a rollback-journal file is self-contained, so opening a
        # backup later (on another PC, from a USB stick) never needs or leaves -wal/-shm files beside it.
        dest.execute("PRAGMA journal_mode=DELETE")
    finally:
        dest.close()


def _copy_problems(path: Path, required: Iterable[str]) -> list[str]:
    """What is wrong with a freshly written copy (empty list = good)."""
    try:
        conn = _open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        return [_describe_sqlite_error(exc)]
    try:
        problems = _integrity_problems(conn)
        if problems:
            return ["完整性检查未通过：" + "；".join(problems[:3])]
        missing = [t for t in required if t not in _tables(conn)]
        if missing:
            return ["缺少数据表 " + "、".join(missing)]
        if _revision(conn) is None:
            return ["缺少数据库版本信息"]
        return []
    except sqlite3.Error as exc:
        return [_describe_sqlite_error(exc)]
    finally:
        conn.close()


def _write_verified_copy(
    open_source: Callable[[], sqlite3.Connection],
    tmp: Path,
    *,
    required: Iterable[str],
    progress: Progress | None,
    cancel: Cancel | None,
    span: tuple[int, int],
) -> None:
    """Copy into ``tmp`` and verify it; on any failure ``tmp`` is removed and DomainError raised."""
    _discard(tmp)
    try:
        source = open_source()
        try:
            _copy_sqlite(source, tmp, progress=progress, cancel=cancel, span=span)
        finally:
            source.close()
        problems = _copy_problems(tmp, required)
        if problems:
            raise DomainError("备份校验失败，已删除这份不完整的副本：" + "；".join(problems))
        _fsync_file(tmp)
    except BackupCancelled:
        _discard(tmp)
        raise
    except DomainError:
        _discard(tmp)
        raise
    except (sqlite3.Error, OSError) as exc:
        _discard(tmp)
        raise DomainError(f"备份失败：{_describe_sqlite_error(exc)}", details=str(exc)) from exc
    except BaseException:
        _discard(tmp)
        raise


def _open_live(db_path: Path) -> Callable[[], sqlite3.Connection]:
    def opener() -> sqlite3.Connection:
        if not db_path.exists():
            raise DomainError(f"找不到数据库文件 {db_path}。")
        return sqlite3.connect(db_path, timeout=BUSY_SECONDS)

    return opener


def _backup_file(
    db_path: Path,
    folder: Path,
    kind: str,
    when: dt.datetime,
    *,
    progress: Progress | None = None,
    cancel: Cancel | None = None,
    span: tuple[int, int] = (0, 95),
) -> Path:
    """Write a verified copy of ``db_path`` into ``folder`` under a fresh name of ``kind``; return its path."""
    with _OPERATION_LOCK:
        target = _unique_target(folder, _PREFIXES[kind], when)
        tmp = _partial(target)
        _write_verified_copy(
            _open_live(db_path),
            tmp,
            required=("alembic_version",),
            progress=progress,
            cancel=cancel,
            span=span,
        )
        try:
            if cancel is not None and cancel():
                raise BackupCancelled()
            os.replace(tmp, target)
        except OSError as exc:
            _discard(tmp)
            raise DomainError(f"备份失败：{_describe_sqlite_error(exc)}", details=str(exc)) from exc
        except BaseException:
            _discard(tmp)
            raise
        _fsync_dir(folder)
        return target


def _require_sqlite(ctx: AppContext) -> None:
    if not ctx.db.is_sqlite:
        raise DomainError("只有 SQLite 数据库可以在程序里备份；服务器数据库请用服务器自己的备份工具。")


# --- public API: backing up ---------------------------------------------------------------------------------------


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
    require(ctx.actor, "backups", "write")
    _require_sqlite(ctx)
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
    path = _backup_file(
        ctx.data_dir.db_path, folder, KIND_MANUAL, dt.datetime.now(), progress=progress, cancel=cancel
    )
    info = _info_for(path)
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
    _require_sqlite(ctx)
    ctx.data_dir.backups.mkdir(parents=True, exist_ok=True)
    path = _backup_file(ctx.data_dir.db_path, ctx.data_dir.backups, KIND_AUTO, now)
    # Automatic copies stay inside the data folder, so they are not audited (two rows a day of noise).
    log.info("automatic backup written: %s", path)
    info = _info_for(path)
    rotate(ctx.data_dir.backups, now)  # never deletes ``path``: it is the newest backup of its day
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


# --- rotation -----------------------------------------------------------------------------------------------------


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
        m = _NAME_RE.match(path.name)
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
        m = _AUTO_RE.match(path.name)
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
                if now - _mtime(path) > STALE_PARTIAL_AGE:
                    path.unlink()
                    deleted.append(path)
            except OSError:
                pass
    deleted += prune_safety_copies(backups_dir)
    if deleted:
        log.info("rotation deleted %d old backup files", len(deleted))
    return deleted


# --- listing, inspecting, checking ------------------------------------------------------------------------------


def list_backups(data_dir: DataDir) -> list[BackupInfo]:
    """The ``.db`` files in ``backups/``, newest first."""
    folder = data_dir.backups
    if not folder.is_dir():
        return []
    infos = []
    for path in folder.iterdir():
        if path.suffix == ".db" and path.is_file():
            try:
                infos.append(_info_for(path))
            except OSError:  # deleted meanwhile
                continue
    return sorted(infos, key=_sort_key, reverse=True)


def _invalid(reason: str, details: str = "") -> DomainError:
    return DomainError(f"不是有效的备份文件：{reason}", details=details)


def inspect_backup(path: Path) -> BackupSummary:
    """Open a backup read-only and describe it; DomainError("不是有效的备份文件：…") if it is not a good one."""
    path = Path(path).resolve()  # shown, and recorded by a restore, with its folder
    reason = _header_problem(path)
    if reason:
        raise _invalid(reason, str(path))
    try:
        conn = _open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        raise _invalid(_describe_sqlite_error(exc), str(exc)) from exc
    try:
        problems = _integrity_problems(conn)
        if problems:
            raise _invalid("文件已损坏（完整性检查未通过）", "\n".join(problems))
        tables = _tables(conn)
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise _invalid("这不是本程序的数据库（缺少数据表 " + "、".join(missing) + "）")
        revision = _revision(conn)
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
        raise _invalid(_describe_sqlite_error(exc), str(exc)) from exc
    finally:
        conn.close()
    parsed = _parse_name(path.name)
    created = parsed[1] if parsed else _mtime(path)
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


def verify_integrity(path: Path) -> list[str]:
    """Problems with a database file, for ``check`` (empty list = healthy): SQLite's integrity check, foreign keys
    pointing nowhere, a missing schema version. Opens the file read-only."""
    path = Path(path)
    reason = _header_problem(path)
    if reason:
        return [reason]
    try:
        conn = _open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        return [_describe_sqlite_error(exc)]
    try:
        problems = [f"完整性检查：{p}" for p in _integrity_problems(conn)]
        if problems:
            return problems  # the rest would only repeat the damage
        broken: dict[str, int] = {}
        for table, _rowid, parent, _fk in conn.execute("PRAGMA foreign_key_check"):
            key = f"{table} → {parent}"
            broken[key] = broken.get(key, 0) + 1
        problems += [f"外键：{key} 有 {n} 条记录指向不存在的数据" for key, n in sorted(broken.items())]
        if "alembic_version" not in _tables(conn) or _revision(conn) is None:
            problems.append("缺少数据库版本信息（alembic_version）")
        return problems
    except sqlite3.Error as exc:
        return [_describe_sqlite_error(exc)]
    finally:
        conn.close()


# --- restore ------------------------------------------------------------------------------------------------------


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
        return _backup_file(
            db_path, data_dir.backups, KIND_BEFORE_RESTORE, now, progress=progress, span=(0, 45)
        )
    except BackupCancelled:
        raise
    except DomainError as exc:
        # A damaged database is the usual reason to restore, so don't refuse: keep its raw bytes (with any -wal,
        # under the matching name so SQLite replays it when the copy is opened) instead of a verified copy.
        log.warning("verified copy before restore failed (%s); keeping a raw copy", exc.message)
        target = _unique_target(data_dir.backups, _PREFIXES[KIND_BEFORE_RESTORE], now)
        tmp = _partial(target)
        wal = Path(str(db_path) + "-wal")
        tmp_wal = Path(str(target) + "-wal" + PARTIAL_SUFFIX)
        try:
            shutil.copyfile(db_path, tmp)
            _fsync_file(tmp)
            if wal.exists():
                shutil.copyfile(wal, tmp_wal)
                _fsync_file(tmp_wal)
                os.replace(tmp_wal, Path(str(target) + "-wal"))
            os.replace(tmp, target)
        except OSError as copy_exc:
            _discard(tmp)
            tmp_wal.unlink(missing_ok=True)
            Path(str(target) + "-wal").unlink(missing_ok=True)
            raise DomainError(
                f"无法先保存当前数据，已取消恢复：{_describe_sqlite_error(copy_exc)}", details=str(copy_exc)
            ) from copy_exc
        _fsync_dir(data_dir.backups)
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
        require(acting, "backups", "write")
        _require_sqlite(ctx_or_data_dir)
    else:
        ctx, data_dir = None, ctx_or_data_dir
        acting = actor if actor is not None else Actor.nobody()
        require(acting, "backups", "write")
    db_path = data_dir.db_path

    def report(percent: int) -> None:
        if progress is not None:
            progress(percent)

    with _OPERATION_LOCK:
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
        _write_verified_copy(
            lambda: _open_ro(backup_file),
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
            _discard(tmp)
            raise DomainError(
                "数据库文件被另一个程序占用，无法恢复。请关闭其他程序后再试。当前数据没有改动。",
                details=str(exc),
            ) from exc
        except BaseException:
            _discard(tmp)
            raise
        _fsync_dir(data_dir.root)
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
        src = _open_ro(current)
        src.text_factory = lambda raw: raw.decode("utf-8", errors="replace")
        try:
            dst = sqlite3.connect(restored)
            try:
                newest = dst.execute("SELECT max(at) FROM audit_log").fetchone()[0]
                cols = ", ".join(_AUDIT_COLUMNS)
                rows = src.execute(
                    f"SELECT {cols} FROM audit_log WHERE ? IS NULL OR at > ? ORDER BY at, id", (newest, newest)
                ).fetchall()
                with dst:  # one transaction: all carried or none
                    dst.executemany(
                        f"INSERT INTO audit_log ({cols}) VALUES ({', '.join('?' * len(_AUDIT_COLUMNS))})", rows
                    )
            finally:
                dst.close()
        finally:
            src.close()
    except sqlite3.Error:
        log.warning("could not carry audit rows from %s into the restored data", current, exc_info=True)
        return None
    _fsync_file(restored)
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
