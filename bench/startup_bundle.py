"""Start-up of the packaged app (issue 14): the bundle's ``CenterApp --quit-when-ready`` on the demo centre, next to
the source checkout's ``python main.py --quit-when-ready`` — the measurement of bench/startup.py — warm and cold.

Warm: after a warm-up run of each, the two interleaved (the same machine load for both); median of ``--repeat``.
Cold: the page cache dropped before every run (``sync; echo 3 > /proc/sys/vm/drop_caches``, root on Linux only),
so every file — Python, Qt, the fonts, the database — is read from the disk, as at the first start after switching
the PC on. Where that is not permitted the cold rows are left out and a row says why.

    python -m bench.startup_bundle [--bundle dist/CenterApp] [--repeat 7] [--cold-repeat 5]

Without ``--bundle`` it builds one with ``installer.spec`` into ``bench/results/bundle/`` (a minute or more).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

from bench.common import REPO, demo_folder, emit, env, median, row

EXE = ".exe" if sys.platform == "win32" else ""


def build(where: Path) -> Path:
    subprocess.run(
        [sys.executable, "-m", "PyInstaller", str(REPO / "installer.spec"), "--noconfirm",
         "--distpath", str(where / "dist"), "--workpath", str(where / "build")],
        check=True, cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )  # fmt: skip
    return where / "dist" / "CenterApp"


def folder_mib(folder: Path) -> float:
    return sum(p.stat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20


def timed(args: list[str], before: Callable[[], None] | None = None) -> float:
    if before is not None:
        before()
    start = time.perf_counter()
    subprocess.run(
        args, check=True, env=env(), cwd=REPO, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    return time.perf_counter() - start


def drop_page_cache() -> str | None:
    """Empty the OS page cache; returns why not, if it cannot."""
    if not sys.platform.startswith("linux"):
        return "dropping the page cache is done here only on Linux"
    try:
        os.sync()
        with open("/proc/sys/vm/drop_caches", "w") as control:
            control.write("3\n")
    except OSError as exc:
        return f"not permitted to drop the page cache ({exc.__class__.__name__}: {exc.strerror or exc}); run as root"
    return None


def _drop() -> None:
    reason = drop_page_cache()
    if reason:
        raise OSError(reason)


def run(bundle: Path | None = None, repeat: int = 7, cold_repeat: int = 5) -> list[dict[str, object]]:
    bundle = bundle or build(REPO / "bench" / "results" / "bundle")
    folder = demo_folder(1)
    source_args = [sys.executable, str(REPO / "main.py"), "--data-dir", str(folder), "--quit-when-ready"]
    bundle_args = [str(bundle / f"CenterApp{EXE}"), "--data-dir", str(folder), "--quit-when-ready"]

    timed(source_args)  # warm the OS file cache and the .pyc files once, as a second start on the PC would
    timed(bundle_args)
    source_warm, bundle_warm = [], []
    for _ in range(repeat):  # interleaved, so both see the same machine load
        source_warm.append(timed(source_args))
        bundle_warm.append(timed(bundle_args))
    rows = [
        row(
            "startup_bundle_ready_warm_s",
            median(bundle_warm),
            1.0,
            "s",
            runs=repeat,
            min=round(min(bundle_warm), 4),
        ),
        row(
            "startup_source_ready_warm_s",
            median(source_warm),
            1.0,
            "s",
            runs=repeat,
            min=round(min(source_warm), 4),
        ),
        row("startup_bundle_vs_source_warm", median(bundle_warm) / median(source_warm), None, "x"),
    ]

    reason = drop_page_cache()
    if reason is None:
        source_cold, bundle_cold = [], []
        for _ in range(cold_repeat):
            source_cold.append(timed(source_args, before=_drop))
            bundle_cold.append(timed(bundle_args, before=_drop))
        rows += [
            row("startup_bundle_ready_cold_s", median(bundle_cold), None, "s", runs=cold_repeat,
                min=round(min(bundle_cold), 4)),
            row("startup_source_ready_cold_s", median(source_cold), None, "s", runs=cold_repeat,
                min=round(min(source_cold), 4)),
        ]  # fmt: skip
    else:
        rows.append({"name": "startup_bundle_ready_cold_s", "value": None, "target": None, "unit": "s",
                     "skipped": reason})  # fmt: skip
    rows.append(row("bundle_size_mib", folder_mib(bundle), 150, "MiB", platform=sys.platform))
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup_bundle")
    parser.add_argument("--bundle", type=Path, help="a built dist/CenterApp folder (default: build one)")
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--cold-repeat", type=int, default=5)
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args()
    emit(run(args.bundle, args.repeat, args.cold_repeat), as_json=args.json)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
