"""Headless administration: ``python main.py [--data-dir D] <command>``.

Commands act as the machine's local administrator (whoever can read the data folder can read the database file)
and are audited as ``cli:<os user>``. Exit codes: 0 done, 1 a problem found or input refused, 2 not available.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Callable

from center_app.config import DataDir
from center_app.domain.errors import DomainError

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNAVAILABLE = 2


def say(text: str) -> None:
    print(text, flush=True)


def err(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def _data_dir(args: argparse.Namespace) -> DataDir:
    if getattr(args, "demo", False):
        from center_app.app import _demo_data_dir

        return _demo_data_dir()
    return DataDir.resolve(args.data_dir)


def _open(args: argparse.Namespace):  # noqa: ANN202 - AppContext
    from center_app.context import open_store
    from center_app.logging_setup import setup_logging

    data_dir = _data_dir(args).ensure()
    setup_logging(data_dir.logs)
    return open_store(data_dir)


# --- commands -------------------------------------------------------------------------------------------------


def cmd_stats(args: argparse.Namespace) -> int:
    from center_app.services import overview

    ctx = _open(args)
    try:
        figures = overview.counts(ctx).as_dict()
    finally:
        ctx.close()
    if args.json:
        say(json.dumps(figures, ensure_ascii=False))
    else:
        labels = {
            "titles": "图书品种",
            "copies": "馆藏册数",
            "children": "在册儿童",
            "loans_open": "在借图书",
            "loans_overdue": "逾期未还",
            "equipment_items": "器材种类",
            "volunteers": "志愿者",
            "activities": "活动场次",
            "activities_this_month": "本月活动",
            "attendance_marks": "考勤记录",
            "attendance_today": "今日到场",
        }
        for key, value in figures.items():
            say(f"{labels.get(key, key)}: {value}")
    return EXIT_OK


def cmd_check(args: argparse.Namespace) -> int:
    from center_app.services import maintenance

    data_dir = _data_dir(args)
    report = maintenance.check(data_dir)
    for line in report.lines:
        say(line)
    if report.ok:
        say("检查通过。")
        return EXIT_OK
    for problem in report.problems:
        err(f"问题：{problem}")
    return EXIT_PROBLEM


def cmd_demo_data(args: argparse.Namespace) -> int:
    from center_app.services import demo

    if args.scale < 1 or args.scale > 100:
        err("规模 --scale 应在 1 到 100 之间。")
        return EXIT_PROBLEM
    ctx = _open(args)
    last = [-1]

    def progress(percent: int, message: str) -> None:
        if percent // 10 != last[0] // 10:
            err(f"{percent:3d}% {message}")
        last[0] = percent

    try:
        summary = demo.fill_demo(ctx, scale=args.scale, seed=args.seed, progress=progress)
    finally:
        ctx.close()
    say(f"演示数据已写入 {ctx.data_dir.root}")
    for key, value in vars(summary).items():
        say(f"  {key}: {value}")
    return EXIT_OK


def cmd_selftest(args: argparse.Namespace) -> int:
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from center_app.ui import selftest

    data_dir = _data_dir(args)
    result = selftest.run(data_dir, report=say)
    if result.ok:
        say(f"自检通过：{len(result.passed)} 项。")
        return EXIT_OK
    for name, problem in result.failed:
        err(f"自检失败：{name}：{problem}")
    return EXIT_PROBLEM


def not_yet(name: str) -> Callable[[argparse.Namespace], int]:
    def run(_args: argparse.Namespace) -> int:
        err(f"“{name}”命令暂不可用（not yet available）：它将随对应功能的版本提供。")
        return EXIT_UNAVAILABLE

    return run


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "stats": cmd_stats,
    "check": cmd_check,
    "demo-data": cmd_demo_data,
    "selftest": cmd_selftest,
    "import": not_yet("import"),
    "export": not_yet("export"),
    "report": not_yet("report"),
    "backup": not_yet("backup"),
    "restore": not_yet("restore"),
}


def _fallback_log() -> str:
    """Where the traceback goes when the data folder itself is unusable (never to the console)."""
    import tempfile
    from pathlib import Path

    from center_app.logging_setup import setup_logging

    try:
        return str(setup_logging(Path(tempfile.gettempdir()) / "center-app-logs"))
    except OSError:
        logging.getLogger().addHandler(logging.NullHandler())
        return "logs/center.log"


def run(args: argparse.Namespace) -> int:
    command = COMMANDS[args.command]
    try:
        return command(args)
    except DomainError as exc:
        err(exc.message)
        if exc.details:
            err(exc.details)
        return EXIT_PROBLEM
    except KeyboardInterrupt:
        err("已取消。")
        return EXIT_PROBLEM
    except Exception as exc:  # never a traceback on the console: it goes to the log
        from center_app.logging_setup import configured_paths

        where = configured_paths()[-1] if configured_paths() else _fallback_log()
        log.exception("command %s failed", args.command)
        err(f"命令“{args.command}”失败：{exc.__class__.__name__}: {exc}。详细信息已写入 {where}。")
        return EXIT_PROBLEM
