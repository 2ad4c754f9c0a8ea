"""The timetable's week grid (课表, issue 12) renders ≤ 200 ms: the 12-week summer programme of ``bench/volunteers``
(12 volunteers, 6 rooms, ~600 occurrences, a few cancelled or moved, two clashes saved with a reason), its busiest
week, in a real ``VolunteersTimetableTab`` shown at the size it has in a 1280×720 window, offscreen, with the bundled
font.

What is timed is what a user waits for after ◀ ▶ or a date: ``tab.set_week(monday)`` (the service's week grid, the
model reset, the rows fitted, the cursor and its line) and then ``processEvents()`` until Qt has painted it. The tab
alternates between the busiest week and the next, so every sample loads a week afresh; also the whole centre of that
week filtered to one volunteer (the filter combo), and the first load of the tab (``refresh``).
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import statistics
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.common import row

TARGET_MS = 200.0
REFERENCE_GUARD = 2_000_000


def _guard_pyside_refcounts() -> None:
    """PySide6 6.12.0 on Python 3.11 drops a reference to None on each call of a Qt method that returns nothing, and
    one to True or False on each ``Signal.emit`` (hundreds a week shown here): a few dozen weeks would run their
    counts down to 0 and abort the process at exit (none_dealloc / bool_dealloc), taking the suites after this one
    with it. References added for good (the process ends with fewer) keep the benchmark alive, as
    ``bench/equipment_stocktake.py`` does for None."""
    import ctypes
    import sys

    from PySide6.QtCore import QObject

    probe = QObject()
    before = sys.getrefcount(None)
    for _ in range(100):
        probe.setObjectName("probe")
    if sys.getrefcount(None) < before - 50:
        for constant in (None, True, False):
            ctypes.c_ssize_t.from_address(id(constant)).value += REFERENCE_GUARD


def _p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(0.95 * (len(ordered) - 1)))]


def run(samples: int = 30) -> list[dict[str, object]]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

    from bench.volunteers import START, _fill
    from center_app.bootstrap import qapplication
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.domain import timetable as tt
    from center_app.services import volunteers as vs
    from center_app.ui.events import DataEvents
    from center_app.ui.i18n import install_font
    from center_app.ui.operations import Operations
    from center_app.ui.pages.volunteers_timetable import VolunteersTimetableTab

    app = qapplication()
    install_font(app)
    _guard_pyside_refcounts()
    work = Path(tempfile.mkdtemp(prefix="bench-volunteers-grid-"))
    try:
        ctx = open_store(DataDir(work / "d"), actor=Actor.command_line())
        programme, occurrences, people, _rooms = _fill(ctx)
        ctx.close()
        ctx = open_store(DataDir(work / "d"), actor=Actor(username="bench", role="staff"))
        held = vs.occurrences_between(ctx, START, START + dt.timedelta(weeks=12), include_cancelled=True)
        per_week = Counter(tt.monday_of(o.start.date()) for o in held)
        busiest, busiest_count = per_week.most_common(1)[0]
        other = busiest + dt.timedelta(weeks=1) if busiest + dt.timedelta(weeks=1) in per_week else START

        host = QWidget()  # a page-like holder: a tab widget in the page area of a 1280×720 window
        layout = QVBoxLayout(host)
        layout.setContentsMargins(16, 10, 16, 10)
        tabs = QTabWidget()
        layout.addWidget(tabs)
        tab = VolunteersTimetableTab(ctx, Operations(ctx, DataEvents().announce))
        tab.today = lambda: busiest
        tabs.addTab(tab, "课表")
        host.resize(1100, 640)
        host.show()
        app.processEvents()

        start = time.perf_counter()
        tab.refresh()
        app.processEvents()
        first = (time.perf_counter() - start) * 1000
        assert tab.programme is not None and tab.programme.id == programme

        def shown(monday: dt.date) -> float:
            begin = time.perf_counter()
            tab.set_week(monday)
            app.processEvents()
            return (time.perf_counter() - begin) * 1000

        shown(other)
        weeks: list[float] = []
        for _ in range(samples):
            weeks.append(shown(busiest))
            shown(other)
        tab.set_week(busiest)
        cells = len(tab.model.grid.cells) if tab.model.grid is not None else 0

        tab.filter_kind.setCurrentIndex(tab.filter_kind.findData("volunteer"))
        app.processEvents()
        filtered: list[float] = []
        for i in range(samples):
            begin = time.perf_counter()
            tab.filter_which.setCurrentIndex(tab.filter_which.findData(people[i % len(people)]))
            app.processEvents()
            filtered.append((time.perf_counter() - begin) * 1000)
        host.close()
        host.deleteLater()
        app.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        app.processEvents()
        ctx.close()
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return [
        row(
            "timetable_week_grid_render_ms",
            _p95(weeks),
            TARGET_MS,
            "ms",
            median=round(statistics.median(weeks), 1),
            worst=round(max(weeks), 1),
            week=busiest.isoformat(),
            occurrences_in_week=busiest_count,
            cells=cells,
            programme_occurrences=occurrences,
            samples=samples,
        ),
        row(
            "timetable_week_grid_filter_ms",
            _p95(filtered),
            TARGET_MS,
            "ms",
            median=round(statistics.median(filtered), 1),
            worst=round(max(filtered), 1),
        ),
        row("timetable_tab_first_load_ms", first, None, "ms"),
    ]


if __name__ == "__main__":
    from bench.common import emit

    emit(run())
