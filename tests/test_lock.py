"""The data-folder lock, against a real second process."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

import center_app
from center_app.config import DataDir
from center_app.db.lock import LOCK_FILENAME, DataFolderLock
from center_app.domain.errors import StoreLocked

REPO_ROOT = Path(center_app.__file__).resolve().parent.parent

# argv: data folder, seconds to hold before releasing (negative: hold until killed).
HOLDER_SCRIPT = """
import sys, time
from pathlib import Path
from center_app.db.lock import DataFolderLock
lock = DataFolderLock(Path(sys.argv[1]))
lock.acquire()
print("locked", flush=True)
hold = float(sys.argv[2])
if hold >= 0:
    time.sleep(hold)
    lock.release()
    print("released", flush=True)
time.sleep(120)
"""


@pytest.fixture
def spawn(tmp_path: Path) -> Iterator:
    """Start a child python that takes the lock; waits until it says it holds it. Children are killed afterwards."""
    children: list[subprocess.Popen[str]] = []

    def start(root: Path, hold: float = -1) -> subprocess.Popen[str]:
        env = dict(os.environ, PYTHONPATH=str(REPO_ROOT))
        proc = subprocess.Popen(
            [sys.executable, "-c", HOLDER_SCRIPT, str(root), str(hold)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env,
        )
        children.append(proc)
        line = proc.stdout.readline().strip() if proc.stdout else ""
        if line != "locked":
            proc.kill()
            _out, err = proc.communicate(timeout=10)
            pytest.fail(f"lock holder did not start: {line!r} {err}")
        return proc

    yield start
    for proc in children:
        if proc.poll() is None:
            proc.kill()
        proc.communicate(timeout=10)


def test_acquire_release_and_reacquire(data_dir: DataDir) -> None:
    lock = DataFolderLock(data_dir)
    lock.acquire()
    assert lock.held
    details = json.loads((data_dir.root / LOCK_FILENAME).read_text("utf-8"))
    assert details["pid"] == os.getpid()
    assert {"host", "user", "started"} <= details.keys()
    lock.release()
    assert not lock.held
    # The file stays (deleting a lock file is racy) but no longer names a holder.
    assert (data_dir.root / LOCK_FILENAME).read_bytes() == b""
    lock.acquire()
    assert lock.held
    lock.release()
    lock.release()  # harmless twice


def test_context_manager_and_second_holder_in_same_process(data_dir: DataDir) -> None:
    with DataFolderLock(data_dir) as lock:
        assert lock.held
        with pytest.raises(StoreLocked, match=f"进程 {os.getpid()}"):
            DataFolderLock(data_dir).acquire()
    with DataFolderLock(data_dir):
        pass


def test_creates_missing_folder(tmp_path: Path) -> None:
    with DataFolderLock(tmp_path / "new" / "folder") as lock:
        assert lock.path.exists()


def test_refused_while_another_process_holds_it(data_dir: DataDir, spawn) -> None:
    child = spawn(data_dir.root)
    lock = DataFolderLock(data_dir)
    with pytest.raises(StoreLocked) as refused:
        lock.acquire()
    message = refused.value.message
    assert message.startswith("另一个程序（")
    assert f"进程 {child.pid}" in message
    assert "用户 " in message and "开始于 " in message
    assert message.endswith("正在使用这个数据文件夹。请先关闭它再打开。")
    holder = lock.holder()
    assert holder is not None and holder.pid == child.pid
    assert not lock.held


def test_killed_holder_releases_at_once(data_dir: DataDir, spawn) -> None:
    child = spawn(data_dir.root)
    lock = DataFolderLock(data_dir)
    with pytest.raises(StoreLocked):
        lock.acquire()
    child.kill()  # SIGKILL: no clean-up code runs, as in a crash or power cut
    child.wait(timeout=10)
    lock.acquire()  # no wait: the OS dropped the dead process's lock
    assert lock.held
    assert lock.holder() is not None and lock.holder().pid == os.getpid()
    lock.release()


def test_wait_seconds_waits_for_the_other_to_release(data_dir: DataDir, spawn) -> None:
    spawn(data_dir.root, hold=0.6)
    lock = DataFolderLock(data_dir)
    started = time.monotonic()
    lock.acquire(wait_seconds=15)
    assert lock.held
    assert time.monotonic() - started >= 0.2  # it really had to wait
    lock.release()


def test_wait_seconds_gives_up_after_the_wait(data_dir: DataDir, spawn) -> None:
    spawn(data_dir.root)
    started = time.monotonic()
    with pytest.raises(StoreLocked):
        DataFolderLock(data_dir).acquire(wait_seconds=0.5)
    assert time.monotonic() - started >= 0.5


def test_unreadable_holder_details_still_refuse_clearly(data_dir: DataDir) -> None:
    with DataFolderLock(data_dir):
        (data_dir.root / LOCK_FILENAME).write_bytes(b"\x00garbage")
        with pytest.raises(StoreLocked, match="^另一个程序正在使用这个数据文件夹。请先关闭它再打开。$"):
            DataFolderLock(data_dir).acquire()
