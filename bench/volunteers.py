"""Volunteers targets (issue 12): the clash check of a 12-week summer timetable — 12 volunteers, 6 rooms, 50 weekly
sessions and a few one-off ones, ~600 occurrences, a few cancelled or moved, two clashes saved with a reason —
≤ 100 ms; ``verify`` ≤ 1 s as a whole command (a fresh Python process, bytecode cached as in the installed app).

Rows: the pure check (expand + sweep), the service's whole check of the programme (load from the database, expand,
sweep, name), saving one more session (what placing a session waits for), and the week grid's data.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from bench.common import REPO, row

if TYPE_CHECKING:
    from center_app.context import AppContext

D = dt.date
START = D(2026, 7, 6)  # a Monday
END = START + dt.timedelta(weeks=12) - dt.timedelta(days=1)
BLOCKS = (("08:30", "10:00"), ("10:20", "11:40"), ("14:30", "16:00"), ("16:20", "17:30"))


def _ms(action: Callable[[], object], repeat: int) -> list[float]:
    out = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        out.append((time.perf_counter() - start) * 1000)
    return out


def _fill(ctx: AppContext) -> tuple[int, int, list[int], list[int]]:
    """The summer programme through the service (each save clash-checked); returns (programme, occurrences,
    volunteers, rooms)."""
    from center_app.services import volunteers as vs
    from center_app.services.volunteers import SessionInput, VolunteerInput

    programme = vs.create_programme(ctx, "2026年暑期支教", "summer", START, END)
    people = [
        vs.create_volunteer(
            ctx,
            VolunteerInput(
                f"志愿者{i:02d}", organisation="广西师范大学", availability="周一至周五 08:00-18:00"
            ),
        ).id
        for i in range(12)
    ]
    rooms = [vs.save_room(ctx, None, f"教室{i}").id for i in range(6)]
    n = 0
    for weekday in range(1, 6):
        for b, (start, end) in enumerate(BLOCKS):
            for k in range(3 if b < 2 else 2):  # 50 weekly sessions: distinct volunteers and rooms in a block
                lead = people[(weekday * 3 + b * 5 + k * 4) % 12]
                helper = people[(weekday * 3 + b * 5 + k * 4 + 1) % 12]
                vs.save_session(
                    ctx,
                    SessionInput(
                        programme.id,
                        f"课{n}",
                        start,
                        end,
                        weekday=weekday,
                        volunteer_ids=(lead, helper) if k == 0 else (lead,),
                        room_id=rooms[(b + k * 2) % 6],
                    ),
                )
                n += 1
    sessions = vs.list_sessions(ctx, programme.id)
    for i, s in enumerate(sessions[:6]):  # a few exceptions: cancelled and moved occurrences
        day = START + dt.timedelta(days=s.weekday - 1 + 7 * (i + 1))
        if i % 2:
            vs.cancel_occurrence(ctx, s.id, day, "台风")
        else:
            vs.move_occurrence(ctx, s.id, day, new_start="19:00", new_end="20:00")
    for i in range(2):  # two clashes saved with a reason
        vs.save_session(
            ctx,
            SessionInput(
                programme.id,
                f"加课{i}",
                "09:00",
                "10:30",
                weekday=1 + i,
                volunteer_ids=(people[0],),
                room_id=rooms[5],
            ),
            override_reason="合班",
        )
    for i in range(10):  # one-off sessions
        vs.save_session(
            ctx,
            SessionInput(
                programme.id,
                f"活动{i}",
                "19:30",
                "21:00",
                on_date=START + dt.timedelta(days=7 * i + 5),
                volunteer_ids=(people[i],),
                room_id=rooms[i % 6],
            ),
        )
    occurrences = len(vs.occurrences_between(ctx, START, END, include_cancelled=True))
    return programme.id, occurrences, people, rooms


def run() -> list[dict[str, object]]:
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.domain import timetable as tt
    from center_app.services import volunteers as vs
    from center_app.services.volunteers import SessionInput
    from center_app.services.volunteers.schedule import load_schedule

    work = Path(tempfile.mkdtemp(prefix="bench-volunteers-"))
    try:
        ctx = open_store(DataDir(work / "d"), actor=Actor.command_line())
        programme, occurrences, people, rooms = _fill(ctx)
        with ctx.db.read() as s:
            schedule = load_schedule(s, programme_ids=[programme])
        pure = _ms(lambda: tt.find_clashes(schedule.occurrences()), 20)
        clashes = tt.find_clashes(schedule.occurrences())
        service = _ms(lambda: vs.programme_clashes(ctx, programme), 10)
        candidate = SessionInput(
            programme, "新课", "16:20", "17:30", weekday=5, volunteer_ids=(people[3],), room_id=rooms[4]
        )
        check = _ms(lambda: vs.check_session(ctx, candidate), 10)
        grid = _ms(lambda: vs.week_grid(ctx, programme, START + dt.timedelta(weeks=3)), 10)
        code = _certificate(ctx, programme, people[0])
        ctx.close()
        verify = _verify(work / "d", code)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "timetable_clash_check_pure_ms",
            statistics.median(pure),
            100.0,
            "ms",
            occurrences=occurrences,
            sessions=62,
            clashes=len(clashes),
            worst=round(max(pure), 1),
        ),
        row(
            "timetable_clash_check_service_ms",
            statistics.median(service),
            100.0,
            "ms",
            occurrences=occurrences,
            worst=round(max(service), 1),
        ),
        row(
            "timetable_check_one_session_ms",
            statistics.median(check),
            100.0,
            "ms",
            worst=round(max(check), 1),
        ),
        row("timetable_week_grid_data_ms", statistics.median(grid), None, "ms", worst=round(max(grid), 1)),
        row("verify_command_s", statistics.median(verify), 1.0, "s", worst=round(max(verify), 2)),
    ]


def _certificate(ctx: AppContext, programme: int, volunteer: int) -> str:
    from center_app.services import volunteers as vs

    sessions = [
        s for s in vs.list_sessions(ctx, programme) if volunteer in s.volunteer_ids and s.on_date is None
    ]
    ids = []
    for s in sessions[:5]:
        day = START + dt.timedelta(days=s.weekday - 1)
        ids += [r.id for r in vs.confirm_planned(ctx, s.id, day, [volunteer], now=dt.datetime(2026, 12, 1))]
    vs.approve_hours(ctx, ids)
    return vs.issue_certificate(ctx, volunteer, START, END, issued_on=D(2026, 12, 1)).code


def _verify(folder: Path, code: str, repeat: int = 7) -> list[float]:
    """Wall-clock seconds of ``main.py verify CODE``, with bytecode written (the installed app has it): one
    warm-up run, then ``repeat`` timed ones."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env.update(QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    command = [sys.executable, str(REPO / "main.py"), "--data-dir", str(folder), "verify", code]
    subprocess.run(command, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(command, check=True, env=env, cwd=REPO, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times
