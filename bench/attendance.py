"""Attendance targets (issue 5), on 200 children with a year of day registers (Mon–Sat) behind them:
saving a roll call of 200 ≤ 100 ms; the monthly register 200 × 31 days ≤ 300 ms; the early-warning scan over a
year of marks ≤ 200 ms."""

from __future__ import annotations

import datetime as dt
import random
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import row

D = dt.date


def _ms(action: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def run() -> list[dict[str, object]]:
    from sqlalchemy import insert, select

    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.db.models import AttendanceMark, AttendanceRegister, Child
    from center_app.services import attendance as att
    from center_app.services import early_warning
    from center_app.services.attendance import MarkInput

    work = Path(tempfile.mkdtemp(prefix="bench-attendance-"))
    try:
        ctx = open_store(DataDir(work / "d"), actor=Actor.command_line())
        rng = random.Random(7)
        with ctx.db.session() as s:
            s.execute(insert(Child), [{"name": f"儿童{i:03d}", "class_name": f"{1 + i % 6}年级{1 + i % 2}班",
                                       "grade": 1 + i % 6, "enrolled_on": D(2025, 9, 1)} for i in range(200)])
            kids = list(s.scalars(select(Child.id)))
            absent_p = {k: rng.choice((0.02, 0.05, 0.1, 0.3)) for k in kids}
            day = D(2025, 11, 1)
            while day <= D(2026, 10, 31):
                if day.isoweekday() != 7:
                    register = AttendanceRegister(on_date=day)
                    s.add(register)
                    s.flush()
                    s.execute(insert(AttendanceMark), [
                        {"register_id": register.id, "child_id": k, "code": "A" if rng.random() < absent_p[k] else "P"}
                        for k in kids])
                day += dt.timedelta(days=1)
        saves = []
        for d in range(2, 8):
            on = D(2026, 11, d)
            saves += _ms(lambda on=on: att.save_marks(ctx, on, None, [MarkInput(k, "P") for k in kids]), 1)
        # 31 columns: the worst case, every day of October open.
        att.save_attendance_settings(ctx, att.AttendanceSettings(open_weekdays=(1, 2, 3, 4, 5, 6, 7)))
        monthly = _ms(lambda: att.monthly_register(ctx, 2026, 10), 6)
        att.save_attendance_settings(ctx, att.AttendanceSettings())
        scan = _ms(lambda: early_warning.scan(ctx, today=D(2026, 11, 7)), 6)
        ctx.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row("roll_call_save_200_children_ms", statistics.median(saves), 100.0, "ms", worst=round(max(saves), 1)),
        row("monthly_register_200x31_ms", statistics.median(monthly), 300.0, "ms", worst=round(max(monthly), 1)),
        row("early_warning_scan_year_200_children_ms", statistics.median(scan), 200.0, "ms",
            worst=round(max(scan), 1)),
    ]
