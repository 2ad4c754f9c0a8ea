"""One writer per data folder: a lock file held with an OS-level lock.

Two copies of the app (a double click too many on the shared PC, or the app plus a CLI command) writing one
``center.db`` would each keep their own cached state and overwrite each other's work. ``center.lock`` in the data
folder is locked with ``fcntl.flock`` (POSIX) or ``msvcrt.locking`` (Windows). The operating system drops that lock
when the holder's process ends for any reason — crash, SIGKILL, power cut — so a stale lock file never needs
clearing by hand: the file may still name a dead process, but nothing holds its lock.

The file also records who holds it (pid, host, user, start time), so a refusal can say which program to close.
It is never deleted: deleting a locked file lets a waiting process lock the old, unlinked file while a third
locks a new one, and both would believe they hold the lock.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import getpass
import json
import os
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType

from center_app.config import DataDir
from center_app.domain.errors import DomainError, StoreLocked

if sys.platform == "win32":
    import msvcrt
else:
    import fcntl

LOCK_FILENAME = "center.lock"
POLL_SECONDS = 0.1
# Windows byte-range locks are mandatory: a locked byte cannot be read by others. Lock one byte far past the
# holder details so a refused process can still read them.
_WIN_LOCK_OFFSET = 1 << 20
_CONTENDED = {errno.EACCES, errno.EAGAIN, errno.EWOULDBLOCK, errno.EDEADLK}


@dataclass(frozen=True)
class LockHolder:
    pid: int | None
    host: str
    user: str
    started: dt.datetime | None

    def describe(self) -> str:
        parts = []
        if self.host and self.host != socket.gethostname():
            parts.append(f"电脑 {self.host}")
        if self.pid is not None:
            parts.append(f"进程 {self.pid}")
        if self.user:
            parts.append(f"用户 {self.user}")
        if self.started is not None:
            parts.append(f"开始于 {self.started:%Y-%m-%d %H:%M}")
        return "，".join(parts)


def _current_user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no user name on some Windows service accounts
        return "unknown"


def _parse_holder(raw: bytes) -> LockHolder | None:
    try:
        data = json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):  # empty (released, or the holder is writing it right now)
        return None
    if not isinstance(data, dict):
        return None
    started = None
    with contextlib.suppress(ValueError):
        started = dt.datetime.fromisoformat(str(data.get("started", "")))
    pid = data.get("pid")
    return LockHolder(
        pid=pid if isinstance(pid, int) else None,
        host=str(data.get("host", "")),
        user=str(data.get("user", "")),
        started=started,
    )


def _try_lock(fd: int) -> bool:
    """Take the OS lock without blocking; False if another process (or another handle) holds it."""
    try:
        if sys.platform == "win32":
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError as exc:
        if exc.errno in _CONTENDED:
            return False
        # e.g. ENOLCK on a network share that cannot lock: refuse rather than run unprotected.
        raise DomainError(
            "无法锁定数据文件夹（网络共享文件夹可能不支持），请把数据放在本机硬盘上。", details=str(exc)
        ) from exc
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_UN)


def _read_from(fd: int) -> bytes:
    os.lseek(fd, 0, os.SEEK_SET)
    return os.read(fd, 64 * 1024)


class DataFolderLock:
    """``with DataFolderLock(data_dir): …`` — or ``acquire(wait_seconds=…)`` / ``release()``.

    Raises StoreLocked (with a message naming the holder) when another process holds the folder.
    """

    def __init__(self, data_dir: DataDir | Path) -> None:
        root = data_dir.root if isinstance(data_dir, DataDir) else Path(data_dir)
        self.path = root / LOCK_FILENAME
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, wait_seconds: float = 0) -> None:
        """Lock the folder, waiting up to ``wait_seconds`` (polling every 0.1 s) for another holder to let go."""
        if self._fd is not None:
            return  # already ours
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            # No O_TRUNC: the holder's details must survive our attempt. Python file descriptors are not inherited
            # by child processes, so a viewer the app launches cannot keep the lock alive after the app dies.
            fd = os.open(self.path, os.O_RDWR | os.O_CREAT | getattr(os, "O_BINARY", 0), 0o644)
        except OSError as exc:
            raise DomainError(
                f"无法在数据文件夹里创建锁文件 {self.path}（文件夹是否只读？）", details=str(exc)
            ) from exc
        deadline = time.monotonic() + max(0.0, wait_seconds)
        locked = False
        try:
            while not (locked := _try_lock(fd)):
                if time.monotonic() >= deadline:
                    raise self._refusal(_parse_holder(_read_from(fd)))
                time.sleep(POLL_SECONDS)
            self._write_holder(fd)
        except BaseException:
            if locked:  # Windows wants byte locks undone before the close
                with contextlib.suppress(OSError):
                    _unlock(fd)
            os.close(fd)
            raise
        self._fd = fd

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is None:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(fd, 0)  # no stale "held by" details once free
        try:
            _unlock(fd)
        finally:
            os.close(fd)

    def holder(self) -> LockHolder | None:
        """Who the lock file says holds (or last held) the folder."""
        try:
            return _parse_holder(self.path.read_bytes())
        except OSError:
            return None

    def __enter__(self) -> DataFolderLock:
        self.acquire()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.release()

    def _write_holder(self, fd: int) -> None:
        details = {
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "user": _current_user(),
            "started": dt.datetime.now().isoformat(timespec="seconds"),
        }
        os.ftruncate(fd, 0)
        os.lseek(fd, 0, os.SEEK_SET)
        os.write(fd, json.dumps(details, ensure_ascii=False).encode("utf-8"))

    def _refusal(self, holder: LockHolder | None) -> StoreLocked:
        who = holder.describe() if holder else ""
        prefix = f"另一个程序（{who}）" if who else "另一个程序"
        return StoreLocked(
            f"{prefix}正在使用这个数据文件夹。请先关闭它再打开。", details=str(self.path.parent)
        )
