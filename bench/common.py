"""Shared helpers for benchmarks: timing subprocesses, demo data folders, JSON rows."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent


def row(name: str, value: float, target: float | None, unit: str, **extra: object) -> dict[str, object]:
    data: dict[str, object] = {"name": name, "value": round(value, 4), "target": target, "unit": unit}
    data.update(extra)
    return data


def emit(rows: list[dict[str, object]], as_json: bool = True) -> None:
    for r in rows:
        if as_json:
            print(json.dumps(r, ensure_ascii=False), flush=True)
        else:
            target = "" if r["target"] is None else f" (target {r['target']} {r['unit']})"
            print(f"{r['name']}: {r['value']} {r['unit']}{target}", flush=True)


def env() -> dict[str, str]:
    return dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"), PYTHONIOENCODING="utf-8")


def time_command(args: list[str], repeat: int) -> list[float]:
    """Wall-clock seconds of each run of a fresh Python process (what a user waits for)."""
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run([sys.executable, *args], check=True, env=env(), cwd=REPO, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return times


def median(values: list[float]) -> float:
    return statistics.median(values)


def demo_folder(scale: int = 1) -> Path:
    """A demo centre kept between runs under bench/results/ (filling it is not what is measured)."""
    folder = REPO / "bench" / "results" / f"demo-scale{scale}"
    if not (folder / "center.db").exists():
        subprocess.run([sys.executable, str(REPO / "main.py"), "--data-dir", str(folder), "demo-data", "--scale",
                        str(scale)], check=True, env=env(), cwd=REPO, stdout=subprocess.DEVNULL)
    return folder
