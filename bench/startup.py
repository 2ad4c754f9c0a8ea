"""Cold start to a ready window on a demo centre (issue 2): ≤ 1.0 s and ≤ 4× a bare PySide6 window."""

from __future__ import annotations

from bench.common import REPO, demo_folder, median, row, time_command


def run(repeat: int = 7) -> list[dict[str, object]]:
    folder = demo_folder(1)
    app_args = [str(REPO / "main.py"), "--data-dir", str(folder), "--quit-when-ready"]
    bare_args = [str(REPO / "bench" / "bare_window.py")]
    complete_args = [str(REPO / "bench" / "complete_window.py"), str(folder)]
    time_command(app_args, 1)  # warm the OS file cache and .pyc files once, as a second start on the PC would
    time_command(bare_args, 1)
    app_times, bare_times, complete_times = [], [], []
    for _ in range(repeat):  # interleaved so all see the same machine load
        app_times += time_command(app_args, 1)
        bare_times += time_command(bare_args, 1)
        complete_times += time_command(complete_args, 1)
    app_s, bare_s = median(app_times), median(bare_times)
    return [
        row("startup_ready_s", app_s, 1.0, "s", runs=repeat, min=round(min(app_times), 4)),
        # the overview's charts and warnings, filled just after "ready"
        row("startup_complete_s", median(complete_times), None, "s", runs=repeat),
        row("startup_bare_window_s", bare_s, None, "s", runs=repeat),
        row("startup_ratio_vs_bare", app_s / bare_s, 4.0, "x"),
    ]
