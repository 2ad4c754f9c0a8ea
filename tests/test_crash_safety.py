"""Power cuts: kill the app process (SIGKILL) mid-write many times; committed work survives, nothing half-done.

Each kill is followed by `check` (integrity, foreign keys, schema) and a comparison of what the process
acknowledged with what the database holds.
"""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.services import maintenance, overview, settings

REPO = Path(__file__).resolve().parent.parent
WORKER = REPO / "tests" / "crash_worker.py"

pytestmark = [pytest.mark.slow, pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL is POSIX")]


def start(data_dir: DataDir, *args: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen([sys.executable, str(WORKER), str(data_dir.root), *args], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True, cwd=REPO)
    assert proc.stdout is not None
    assert proc.stdout.readline().strip() == "ready"
    return proc


def kill_after(proc: subprocess.Popen[str], seconds: float) -> list[str]:
    time.sleep(seconds)
    os.kill(proc.pid, signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out.splitlines()


def test_burst_of_single_writes_survives_repeated_kills(data_dir: DataDir) -> None:
    rng = random.Random(7)
    open_store(data_dir).close()
    acknowledged: set[int] = set()
    kills = 0
    for _ in range(20):
        proc = start(data_dir, "burst", "100000")
        lines = kill_after(proc, rng.uniform(0.05, 0.6))
        kills += 1
        acknowledged |= {int(line.split()[1]) for line in lines if line.startswith("ok ")}
        assert maintenance.check(data_dir).ok, maintenance.check(data_dir).problems
        ctx = open_store(data_dir, actor=Actor.command_line())
        try:
            next_i = settings.get_setting(ctx, "crash_next", 0)
            present = {i for i in range(next_i + 5) if settings.get_setting(ctx, f"crash_{i}") == i}
        finally:
            ctx.close()
        # every acknowledged operation is there; what is there is exactly 0..next-1 (both writes of an operation
        # or neither; at most the one in flight committed without its acknowledgement being read)
        assert acknowledged <= present
        assert present == set(range(next_i))
        assert len(present) - len(acknowledged) <= kills
    assert kills == 20 and len(acknowledged) > 100, (kills, len(acknowledged))
    print(f"burst: {kills} kills, {len(acknowledged)} acknowledged operations all present")


def test_long_transaction_is_all_or_nothing_under_kills(data_dir: DataDir) -> None:
    rng = random.Random(11)
    open_store(data_dir).close()
    outcomes = []
    for attempt in range(6):
        proc = start(data_dir, "long")
        assert proc.stdout is not None
        if attempt < 5:
            # Kill at a random point of the fill, measured by its own progress (not by the clock, so a fast
            # machine cannot finish before the kill).
            stop_at = rng.randint(5, 95)
            lines = []
            for line in proc.stdout:
                lines.append(line.strip())
                if line.startswith("progress ") and int(line.split()[1]) >= stop_at:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            proc.communicate(timeout=30)
        else:  # the last run is left to finish: the same fill, uninterrupted, completes
            lines = proc.communicate(timeout=300)[0].splitlines()
        finished = "done" in lines
        assert maintenance.check(data_dir).ok
        ctx = open_store(data_dir, actor=Actor.command_line())
        try:
            figures = overview.counts(ctx)
        finally:
            ctx.close()
        if finished:
            assert figures.copies >= 4000 and figures.children >= 100
            outcomes.append("complete")
            break
        assert figures.copies == 0 and figures.children == 0 and figures.titles == 0, figures
        outcomes.append("nothing")
    assert outcomes == ["nothing"] * 5 + ["complete"]


def test_book_import_killed_midway_leaves_nothing_or_everything(data_dir: DataDir, tmp_path: Path) -> None:
    """The CLI's `import books` of a 4,000-row donation list, killed at random moments."""
    from openpyxl import Workbook

    source = tmp_path / "捐赠清单.xlsx"
    book = Workbook(write_only=True)
    sheet = book.create_sheet("清单")
    sheet.append(["某某公益基金会捐赠图书清单"])
    sheet.append([])
    sheet.append(["序号", "书名", "作者", "出版社", "数量"])
    for i in range(1, 4001):
        sheet.append([i, f"测试图书第{i}册", f"作者{i % 97}", "少年儿童出版社", 1 + i % 2])
    book.save(source)
    open_store(data_dir).close()
    rng = random.Random(5)
    outcomes = []
    env = dict(os.environ, PYTHONIOENCODING="utf-8")
    # Kill points by the command's own progress lines (stderr), so a fast machine cannot outrun the kill:
    # while reading the file, and while writing the one transaction.
    stages = ["读取中 100%", "导入中  25%", "导入中  50%", "导入中  75%"]
    rng.shuffle(stages)
    for attempt in range(5):
        proc = subprocess.Popen([sys.executable, str(REPO / "main.py"), "--data-dir", str(data_dir.root), "import",
                                 "books", str(source)], cwd=REPO, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.PIPE, text=True)
        assert proc.stderr is not None
        if attempt < 4:
            for line in proc.stderr:
                if line.strip() == stages[attempt]:
                    os.kill(proc.pid, signal.SIGKILL)
                    break
            lines = proc.communicate(timeout=60)[0].splitlines()
        else:
            lines = proc.communicate(timeout=300)[0].splitlines()
        assert maintenance.check(data_dir).ok
        ctx = open_store(data_dir, actor=Actor.command_line())
        try:
            figures = overview.counts(ctx)
        finally:
            ctx.close()
        if any(line.startswith("已导入") for line in lines):
            assert (figures.titles, figures.copies) == (4000, 6000)
            outcomes.append("complete")
            break
        assert (figures.titles, figures.copies) == (0, 0), figures
        outcomes.append("nothing")
    assert outcomes[-1] == "complete" and "nothing" in outcomes
