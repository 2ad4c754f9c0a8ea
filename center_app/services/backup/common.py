"""What the backup modules share: file names and kinds, the backups' types, and the SQLite copy that every
backup and restore goes through (online backup API → ``.partial`` → verified → ``os.replace``)."""

from __future__ import annotations

import datetime as dt
import logging
import os
import re
import sqlite3
import struct
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from center_app.db import health, migrate
from center_app.db.session import BUSY_TIMEOUT_MS, Database
from center_app.domain.errors import DomainError

log = logging.getLogger(__name__)

Progress = Callable[[int], None]  # percent 0–100
Cancel = Callable[[], bool]  # True = stop now (e.g. ``threading.Event().is_set``)


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
PREFIXES = {
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

AUTO_RE = re.compile(r"^center-(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.db$")
NAME_RE = re.compile(
    r"^center-(?:(?P<kind>manual|before-restore|before-migrate(?:-.+?)?)-)?"
    r"(?P<stamp>\d{8}-\d{6})(?:-(?P<seq>\d+))?\.db$"
)

# One backup or restore at a time per process (start-up backup in a worker thread vs. a manual one).
OPERATION_LOCK = threading.RLock()


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


# --- file names ----------------------------------------------------------------------------------------------


def parse_name(name: str) -> tuple[str, dt.datetime, int] | None:
    """(kind, time, sequence) of a backup file name of ours, or None."""
    m = NAME_RE.match(name)
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


def mtime(path: Path) -> dt.datetime:
    return dt.datetime.fromtimestamp(path.stat().st_mtime)


def info_for(path: Path) -> BackupInfo:
    parsed = parse_name(path.name)
    size = path.stat().st_size
    if parsed is None:
        # Someone put a .db file here by hand: show it, date it by mtime, never rotate it away.
        return BackupInfo(path, mtime(path), size, KIND_MANUAL)
    kind, created, _seq = parsed
    return BackupInfo(path, created, size, kind)


def sort_key(info: BackupInfo) -> tuple[dt.datetime, int, str]:
    parsed = parse_name(info.path.name)
    return info.created, parsed[2] if parsed else 0, info.path.name


def unique_target(folder: Path, prefix: str, when: dt.datetime) -> Path:
    stamp = when.strftime(STAMP_FORMAT)
    target = folder / f"{prefix}-{stamp}.db"
    n = 1
    while target.exists() or partial(target).exists():
        n += 1
        target = folder / f"{prefix}-{stamp}-{n}.db"
    return target


def partial(target: Path) -> Path:
    return target.with_name(target.name + PARTIAL_SUFFIX)


def discard(path: Path) -> None:
    """Remove a (temp) database and any journal beside it — a stale hot journal would be replayed into a new file."""
    for suffix in ("", "-journal", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


# --- low-level SQLite helpers --------------------------------------------------------------------------------


def header_problem(path: Path) -> str | None:
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


def open_ro(path: Path) -> sqlite3.Connection:
    """Open a file read-only, never leaving -wal/-shm beside a backup (see ``health.read_only_uri``), and never
    failing on a damaged file's text."""
    return health.open_read_only(path, timeout=BUSY_SECONDS)


def describe_sqlite_error(exc: BaseException) -> str:
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


def integrity_problems(conn: sqlite3.Connection, limit: int = 20) -> list[str]:
    rows = [r[0] for r in conn.execute(f"PRAGMA integrity_check({limit})").fetchall()]
    return [] if rows == ["ok"] else [str(r) for r in rows]


def tables_of(conn: sqlite3.Connection) -> set[str]:
    return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}


def revision_of(conn: sqlite3.Connection) -> str | None:
    row = conn.execute("SELECT version_num FROM alembic_version LIMIT 1").fetchone()
    return row[0] if row and row[0] else None


def fsync_file(path: Path) -> None:
    with path.open("rb+") as f:
        os.fsync(f.fileno())


def fsync_dir(folder: Path) -> None:
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


def copy_sqlite(
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


def copy_problems(path: Path, required: Iterable[str]) -> list[str]:
    """What is wrong with a freshly written copy (empty list = good)."""
    try:
        conn = open_ro(path)
    except (sqlite3.Error, OSError) as exc:
        return [describe_sqlite_error(exc)]
    try:
        problems = integrity_problems(conn)
        if problems:
            return ["完整性检查未通过：" + "；".join(problems[:3])]
        missing = [t for t in required if t not in tables_of(conn)]
        if missing:
            return ["缺少数据表 " + "、".join(missing)]
        if revision_of(conn) is None:
            return ["缺少数据库版本信息"]
        return []
    except sqlite3.Error as exc:
        return [describe_sqlite_error(exc)]
    finally:
        conn.close()


def write_verified_copy(
    open_source: Callable[[], sqlite3.Connection],
    tmp: Path,
    *,
    required: Iterable[str],
    progress: Progress | None,
    cancel: Cancel | None,
    span: tuple[int, int],
) -> None:
    """Copy into ``tmp`` and verify it; on any failure ``tmp`` is removed and DomainError raised."""
    discard(tmp)
    try:
        source = open_source()
        try:
            copy_sqlite(source, tmp, progress=progress, cancel=cancel, span=span)
        finally:
            source.close()
        problems = copy_problems(tmp, required)
        if problems:
            raise DomainError("备份校验失败，已删除这份不完整的副本：" + "；".join(problems))
        fsync_file(tmp)
    except BackupCancelled:
        discard(tmp)
        raise
    except DomainError:
        discard(tmp)
        raise
    except (sqlite3.Error, OSError) as exc:
        discard(tmp)
        raise DomainError(f"备份失败：{describe_sqlite_error(exc)}", details=str(exc)) from exc
    except BaseException:
        discard(tmp)
        raise


def open_live(db_path: Path) -> Callable[[], sqlite3.Connection]:
    def opener() -> sqlite3.Connection:
        if not db_path.exists():
            raise DomainError(f"找不到数据库文件 {db_path}。")
        return sqlite3.connect(db_path, timeout=BUSY_SECONDS)

    return opener


def backup_file(
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
    with OPERATION_LOCK:
        target = unique_target(folder, PREFIXES[kind], when)
        tmp = partial(target)
        write_verified_copy(
            open_live(db_path),
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
            discard(tmp)
            raise DomainError(f"备份失败：{describe_sqlite_error(exc)}", details=str(exc)) from exc
        except BaseException:
            discard(tmp)
            raise
        fsync_dir(folder)
        return target


def require_sqlite(db: Database) -> None:
    if not db.is_sqlite:
        raise DomainError("只有 SQLite 数据库可以在程序里备份；服务器数据库请用服务器自己的备份工具。")
