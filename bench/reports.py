"""The monthly report for the bureau (issue 13) as a whole command, ``main.py --data-dir D report monthly --month
YYYY-MM --out FILE.pdf``: ≤ 2 s for 200 children and 4,000 books; ≤ 5 s at ``demo-data --scale 25``.

The 200-children centre is the scale-1 demo (4,000+ copies, 120 children) with 80 children added, each marked on
every day register the demo has. Both centres are copied first (the command writes its audit entry) and opened
once before timing, so a migration of an older demo folder is not what is measured. Also in-process, for where the
time goes: gathering the figures and drawing the PDF (no target).
"""

from __future__ import annotations

import datetime as dt
import random
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

from bench.common import REPO, demo_folder, median, row, time_command

EXTRA_CHILDREN = 80


def _report_month(db: Path) -> str:
    """The last complete month with day registers (the month before the newest register's month)."""
    with sqlite3.connect(db) as connection:
        (newest,) = connection.execute(
            "SELECT max(on_date) FROM attendance_register WHERE activity_id IS NULL"
        ).fetchone()
    day = dt.date.fromisoformat(newest)
    year, month = divmod(day.year * 12 + day.month - 2, 12)
    return f"{year:04d}-{month + 1:02d}"


def _add_children(folder: Path) -> None:
    """80 more children, each marked on every day register of the centre (8 % absent)."""
    from sqlalchemy import insert, select

    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.db.models import AttendanceMark, AttendanceRegister, Child

    rng = random.Random(13)
    ctx = open_store(DataDir(folder), actor=Actor.command_line())
    try:
        with ctx.db.session() as s:
            registers = list(s.scalars(select(AttendanceRegister.id).where(AttendanceRegister.activity_id.is_(None))))
            for i in range(EXTRA_CHILDREN):
                grade = 1 + i % 6
                child = s.scalar(
                    insert(Child)
                    .values(
                        name=f"测试儿童{i:02d}",
                        name_pinyin=f"ce shi er tong {i:02d}",  # as the roster's save writes it
                        name_initials="cset",
                        gender=rng.choice(("male", "female")),
                        grade=grade,
                        class_name=f"{grade}年级3班",
                        left_behind_type=rng.choice(("both", "father", "mother", "none")),
                        enrolled_on=dt.date(2026, 3, 1),
                    )
                    .returning(Child.id)
                )
                s.execute(
                    insert(AttendanceMark),
                    [{"register_id": r, "child_id": child, "code": "A" if rng.random() < 0.08 else "P"}
                     for r in registers],
                )
    finally:
        ctx.close()


def _centre(scale: int, work: Path) -> Path:
    folder = work / f"scale{scale}"
    shutil.copytree(demo_folder(scale), folder, ignore=shutil.ignore_patterns("*.lock", "backups", "logs"))
    # Open once: a demo folder made by an older version is migrated here, not in the timed runs.
    from center_app.config import DataDir
    from center_app.context import Actor, open_store

    open_store(DataDir(folder), actor=Actor.command_line()).close()
    return folder


def _command(folder: Path, month: str, repeat: int) -> list[float]:
    args = [str(REPO / "main.py"), "--data-dir", str(folder), "report", "monthly", "--month", month,
            "--out", str(folder / "月度工作报告.pdf")]
    time_command(args, 1)  # warm-up: .pyc files and the OS file cache, as a second run on the PC
    return time_command(args, repeat)


def _in_process(folder: Path, month: str) -> tuple[float, float, int]:
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import reports

    ctx = open_store(DataDir(folder), actor=Actor.command_line())
    try:
        year, number = reports.parse_month(month)
        start = time.perf_counter()
        report = reports.monthly_report(ctx, year, number)
        gathered = time.perf_counter()
        written = reports.write_monthly_report_pdf(ctx, report, folder / "in-process.pdf")
        drawn = time.perf_counter()
    finally:
        ctx.close()
    return (gathered - start) * 1000, (drawn - gathered) * 1000, written.pages


def run(repeat: int = 5) -> list[dict[str, object]]:
    work = Path(tempfile.mkdtemp(prefix="bench-reports-"))
    rows = []
    try:
        small = _centre(1, work)
        _add_children(small)
        with sqlite3.connect(small / "center.db") as connection:
            children = connection.execute("SELECT count(*) FROM child WHERE status = 'active'").fetchone()[0]
            copies = connection.execute("SELECT count(*) FROM book_copy").fetchone()[0]
        month = _report_month(small / "center.db")
        times = _command(small, month, repeat)
        gather_ms, pdf_ms, pages = _in_process(small, month)
        rows += [
            row("report_monthly_command_s_200_children", median(times), 2.0, "s", runs=repeat,
                slowest=round(max(times), 3), children=children, copies=copies, month=month, pages=pages),
            row("report_monthly_gather_ms_200_children", gather_ms, None, "ms"),
            row("report_monthly_pdf_ms_200_children", pdf_ms, None, "ms"),
        ]
        large = _centre(25, work)
        month = _report_month(large / "center.db")
        times = _command(large, month, repeat)
        gather_ms, pdf_ms, pages = _in_process(large, month)
        rows += [
            row("report_monthly_command_s_scale25", median(times), 5.0, "s", runs=repeat,
                slowest=round(max(times), 3), month=month, pages=pages),
            row("report_monthly_gather_ms_scale25", gather_ms, None, "ms"),
            row("report_monthly_pdf_ms_scale25", pdf_ms, None, "ms"),
        ]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return rows
