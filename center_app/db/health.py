"""Why a data folder or its database cannot be used — one Chinese sentence that says what to do.

Setup mistakes reach real users as raw exception text otherwise: ``--data-dir`` naming a file, a read-only folder or
USB stick, ``center.db`` being a folder, a database written by a newer version of the app, a damaged file. Each is
found here before SQLAlchemy or Alembic touch the file, and raised as a ``StoreProblem`` (a DomainError: the CLI
prints it, the app shows it). Plain ``sqlite3`` and ``os`` only, so the checks cost nothing at start-up.
"""

from __future__ import annotations

import errno
import sqlite3
import tempfile
from pathlib import Path

from center_app.domain.errors import DomainError

SQLITE_MAGIC = b"SQLite format 3\x00"

FOLDER_MISSING = "folder_missing"
FOLDER_IS_FILE = "folder_is_file"
READ_ONLY = "read_only"
NO_SPACE = "no_space"
DB_IS_FOLDER = "db_is_folder"
DAMAGED = "damaged"
TOO_NEW = "too_new"
UNREADABLE = "unreadable"


class StoreProblem(DomainError):
    """The data folder or its database cannot be used as it is; ``kind`` says which case (one of the constants)."""

    def __init__(self, kind: str, message: str, *, details: str = "") -> None:
        # The OS's or SQLite's own (English) words go to the log, never to the user: ``technical``, not ``details``.
        super().__init__(message)
        self.kind = kind
        self.technical = details


def describe_os_error(exc: OSError, path: Path, *, what: str = "文件夹") -> StoreProblem:
    """An OSError met while creating or writing ``path``, as a sentence that says what to do."""
    code = getattr(exc, "errno", None)
    if isinstance(exc, (FileExistsError, NotADirectoryError)) or code in (errno.EEXIST, errno.ENOTDIR):
        blocker = _first_file_in(path)
        return StoreProblem(
            FOLDER_IS_FILE,
            f"“{blocker}”是一个文件，不是文件夹。请换一个文件夹（--data-dir 后面应写文件夹的路径）。",
            details=str(exc),
        )
    if code == errno.EROFS or isinstance(exc, PermissionError) or code in (errno.EACCES, errno.EPERM):
        return StoreProblem(
            READ_ONLY,
            f"{what}“{path}”是只读的（U 盘写保护，或没有写入权限），无法写入。请换一个可以写入的{what}。",
            details=str(exc),
        )
    if code == errno.ENOSPC:
        return StoreProblem(NO_SPACE, f"“{path}”所在的磁盘已满。请删掉一些文件后再试。", details=str(exc))
    if code == errno.ENOENT:
        return StoreProblem(
            FOLDER_MISSING, f"找不到“{path}”。请检查路径是否写对（U 盘是否已插好？）。", details=str(exc)
        )
    return StoreProblem(UNREADABLE, f"无法使用“{path}”：{exc.strerror or exc}。请换一个{what}。", details=str(exc))


def _first_file_in(path: Path) -> Path:
    """The part of ``path`` that exists as a file (``--data-dir notes.txt/sub`` → ``notes.txt``)."""
    for candidate in [path, *path.parents]:
        if candidate.exists():
            return candidate if candidate.is_file() else path
    return path


def ensure_writable_folder(root: Path, subfolders: tuple[Path, ...] = ()) -> None:
    """Create the data folder (and its subfolders) and prove a file can be written in it."""
    if root.exists() and not root.is_dir():
        raise describe_os_error(FileExistsError(errno.EEXIST, "not a folder", str(root)), root)
    try:
        for folder in (root, *subfolders):
            folder.mkdir(parents=True, exist_ok=True)
        # A read-only USB stick or folder lets mkdir(exist_ok=True) pass; writing a file is the real test.
        with tempfile.TemporaryFile(dir=root):
            pass
    except OSError as exc:
        raise describe_os_error(exc, root) from exc


def check_readable_folder(root: Path) -> None:
    """For commands that only read: the folder must exist (a mistyped path is never created)."""
    if not root.exists():
        raise StoreProblem(
            FOLDER_MISSING, f"数据文件夹“{root}”不存在。请检查 --data-dir 的路径是否写对。"
        )
    if not root.is_dir():
        raise describe_os_error(FileExistsError(errno.EEXIST, "not a folder", str(root)), root)


def damaged_message(db_path: Path) -> str:
    return (
        f"数据库文件“{db_path}”已损坏，无法打开。请从备份恢复"
        "（打开程序时选择“从备份恢复”，或运行 restore 命令），损坏的文件会先另存一份。"
    )


def too_new_message(revision: str) -> str:
    return (
        f"这份数据来自更新版本的程序（数据库版本 {revision}），本程序无法打开它。"
        "请安装最新版本的程序后再打开，数据没有被改动。"
    )


def header_problem(db_path: Path) -> str | None:
    """Why ``db_path`` (which exists) is not a usable SQLite file, judged from its first bytes; None if it may be."""
    if db_path.is_dir():
        return "folder"
    try:
        with db_path.open("rb") as f:
            head = f.read(len(SQLITE_MAGIC))
    except OSError:
        return "unreadable"
    if not head:
        return None  # an empty file is a new database to SQLite
    return None if head == SQLITE_MAGIC else "not_sqlite"


def check_db_file(db_path: Path) -> None:
    """Refuse a ``center.db`` that is a folder or not a SQLite file at all, before anything opens it."""
    if not db_path.exists():
        return
    problem = header_problem(db_path)
    if problem == "folder":
        raise StoreProblem(
            DB_IS_FOLDER,
            f"“{db_path}”是一个文件夹，不是数据库文件。请把这个文件夹移走或改名，然后再打开程序。",
        )
    if problem == "unreadable":
        raise StoreProblem(UNREADABLE, f"无法读取数据库文件“{db_path}”。请检查文件的权限。")
    if problem == "not_sqlite":
        raise StoreProblem(DAMAGED, damaged_message(db_path))


def is_damage(exc: BaseException) -> bool:
    """Is this database error the file's fault (damaged, not a database) rather than a bug or a busy file?"""
    text = str(exc).lower()
    return any(
        word in text for word in ("malformed", "not a database", "file is encrypted", "corrupt", "disk image")
    )


def is_read_only(exc: BaseException) -> bool:
    text = str(exc).lower()
    return "readonly" in text or "read-only" in text or "unable to open database file" in text


def tolerant_text(raw: bytes) -> str:
    """SQLite's messages about a damaged file may quote its damaged bytes: never fail on decoding them."""
    return raw.decode("utf-8", errors="replace")


def read_only_uri(db_path: Path) -> str:
    """A ``file:`` URI opening ``db_path`` read-only (Chinese, "#", "%", "?" percent-encoded by ``as_uri``).

    A WAL-mode file with no -wal beside it is opened ``immutable``: nobody has it open (the last connection removes
    -wal), and reading it — a backup on a USB stick, ``check``, ``stats`` — then never leaves -wal/-shm files."""
    uri = db_path.resolve().as_uri() + "?mode=ro"
    try:
        with db_path.open("rb") as f:
            header = f.read(20)
    except OSError:
        return uri
    if header[18:20] == b"\x02\x02" and not Path(str(db_path) + "-wal").exists():
        uri += "&immutable=1"
    return uri


def open_read_only(db_path: Path, *, timeout: float = 5.0) -> sqlite3.Connection:
    """A read-only connection whose text never raises UnicodeDecodeError (damaged files hold any bytes)."""
    conn = sqlite3.connect(read_only_uri(db_path), uri=True, timeout=timeout)
    conn.text_factory = tolerant_text
    return conn


def folder_is_writable(root: Path) -> bool:
    try:
        with tempfile.TemporaryFile(dir=root):
            return True
    except OSError:
        return False

