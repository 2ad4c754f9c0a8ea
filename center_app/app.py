"""Composition root: parse the command line, open the centre's store, then either run a CLI command or the window.

Start-up is counted on an old PC: heavy modules (Alembic, pypinyin, ReportLab, openpyxl) are imported only when
first used, and pages other than the first are built on first visit.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from center_app.bootstrap import demo_data_dir, qapplication
from center_app.config import DataDir

if TYPE_CHECKING:
    from center_app.context import AppContext
    from center_app.db.lock import DataFolderLock
    from center_app.domain.actor import Actor
    from center_app.ui.main_window import MainWindow

log = logging.getLogger(__name__)

COMMANDS = {
    "import": "从 Excel/CSV 导入（图书、儿童、器材、志愿者）",
    "export": "导出到 Excel/CSV",
    "report": "生成 PDF 报表",
    "backup": "立即备份数据",
    "restore": "从备份恢复",
    "check": "检查数据库完整性和版本",
    "stats": "显示中心的统计数字",
    "selftest": "自检：打开数据库和主窗口，逐页访问",
    "demo-data": "在数据文件夹中生成演示数据",
    "verify": "核验志愿服务证明上的核验码",
}


class _VersionAction(argparse.Action):
    """``--version``: the package's version (center_app/version.py), looked up only when asked."""

    def __init__(
        self, option_strings: list[str], dest: str = argparse.SUPPRESS, help: str | None = None
    ) -> None:
        super().__init__(option_strings, dest=dest, default=argparse.SUPPRESS, nargs=0, help=help)

    def __call__(self, parser: argparse.ArgumentParser, *_args: object, **_kwargs: object) -> None:
        from center_app.version import version

        print(f"center-app {version()}", flush=True)
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="center-app",
        description="乡村儿童之家管理系统 — 不带命令时打开程序窗口。 (Without a command, opens the app window.)",
    )
    parser.add_argument(
        "--data-dir", metavar="DIR", help="数据文件夹（默认：用户数据目录，或环境变量 CENTER_APP_DATA_DIR）"
    )
    parser.add_argument("--demo", action="store_true", help="打开一个临时演示中心（不碰真实数据）")
    parser.add_argument(
        "--quit-when-ready",
        action="store_true",
        help="打开主窗口，等第一页填好数据后退出（用于测速和安装包冒烟测试）",
    )
    parser.add_argument("--version", action=_VersionAction, help="显示版本号后退出")
    sub = parser.add_subparsers(dest="command", metavar="<command>", title="commands")

    p = sub.add_parser("import", help=COMMANDS["import"])
    p.add_argument("kind", choices=["books", "children", "equipment", "volunteers"])
    p.add_argument("file")
    p.add_argument("--dry-run", action="store_true", help="只检查，不写入")
    p.add_argument("--skip-invalid", action="store_true", help="跳过有问题的行，导入其余行")
    p.add_argument("--again", action="store_true", help="books、equipment：这个文件已导入过，仍要再导入一次")
    p = sub.add_parser("export", help=COMMANDS["export"])
    p.add_argument("kind", choices=["books", "children", "equipment", "volunteers", "attendance"])
    p.add_argument("file", help="FILE.xlsx 或 FILE.csv（UTF-8 带 BOM，Excel 可直接打开）")
    p.add_argument(
        "--anonymise", action="store_true", help="把儿童姓名换成 儿童A、儿童B…，并去掉可识别的信息"
    )
    p.add_argument("--yes", action="store_true", help="确认导出儿童的个人信息（会记入审计日志）")
    p.add_argument("--month", metavar="YYYY-MM", help="attendance：哪个月的考勤表（默认本月）")
    p.add_argument("--class", dest="class_name", metavar="班级", help="attendance：只导出一个班")
    p = sub.add_parser("report", help=COMMANDS["report"])
    add_report_parsers(p)
    p = sub.add_parser("backup", help=COMMANDS["backup"])
    p.add_argument("--to", metavar="DIR", help="备份到这个文件夹（如 U 盘）")
    p = sub.add_parser("restore", help=COMMANDS["restore"])
    p.add_argument("file")
    p.add_argument("--yes", action="store_true", help="确认覆盖当前数据（会先备份当前数据）")
    sub.add_parser("check", help=COMMANDS["check"])
    p = sub.add_parser("stats", help=COMMANDS["stats"])
    p.add_argument("--json", action="store_true", help="输出一个 JSON 对象")
    sub.add_parser("selftest", help=COMMANDS["selftest"])
    p = sub.add_parser("verify", help=COMMANDS["verify"])
    p.add_argument("code", nargs="+", metavar="CODE", help="证书上的核验码，如 7KQ2-M9XD-4HTR")
    p = sub.add_parser("demo-data", help=COMMANDS["demo-data"])
    p.add_argument("--scale", type=int, default=1, help="规模：1 约 4,000 册；25 约 100,000 册和十年的记录")
    p.add_argument("--seed", type=int, default=20261129)
    p.add_argument("--yes", action="store_true", help="确认写进默认（正式使用的）数据文件夹")
    return parser


# The reports of ``report <kind>``: each a sub-command of its own with its options (``--out FILE.pdf`` always,
# ``--xlsx FILE`` for the tables). cli.REPORTS runs each; a kind listed here but not there is "not yet available".
REPORTS = {
    "activity": "单次活动报告（一次活动的详情、出勤名单、照片、反思、签名栏）",
    "monthly": "月度工作报告（报民政局）",
    "donor": "捐赠方报告",
    "programme": "学期/暑期项目总结",
}


def add_report_parsers(parser: argparse.ArgumentParser) -> None:
    """``report activity --id N --out FILE.pdf [--xlsx FILE]`` and the other reports beside it."""
    kinds = parser.add_subparsers(dest="report", metavar="<report>", title="reports", required=True)
    r = kinds.add_parser("activity", help=REPORTS["activity"])
    r.add_argument("--id", dest="activity_id", type=int, required=True, metavar="N", help="活动编号")
    r.add_argument("--out", required=True, metavar="FILE.pdf", help="写到这个 PDF 文件")
    r.add_argument("--xlsx", metavar="FILE.xlsx", help="同时把表格（志愿者、出勤、器材）导出到 Excel")
    r = kinds.add_parser("monthly", help=REPORTS["monthly"])
    r.add_argument("--month", required=True, metavar="YYYY-MM", help="哪个月，如 2026-11")
    _report_files(r, "全部表格（儿童、出勤、活动、借阅、器材、志愿服务、回访）")
    r = kinds.add_parser("donor", help=REPORTS["donor"])
    r.add_argument("--donor", required=True, metavar="NAME", help="捐赠方名称（或名称中的几个字）")
    _report_period(r)
    _report_files(r, "捐赠的图书、器材和它们的使用情况")
    r = kinds.add_parser("programme", help=REPORTS["programme"])
    _report_period(r)
    _report_files(r, "全部表格")


def _report_period(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--from", dest="first", required=True, metavar="DATE", help="开始日期，如 2026-07-13")
    parser.add_argument("--to", dest="last", required=True, metavar="DATE", help="结束日期，如 2026-08-07")


def _report_files(parser: argparse.ArgumentParser, tables: str) -> None:
    parser.add_argument("--out", required=True, metavar="FILE.pdf", help="写到这个 PDF 文件")
    parser.add_argument("--xlsx", metavar="FILE.xlsx", help=f"同时把表格导出到 Excel：{tables}")


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(sys.argv[1:] if argv is None else argv)
    if args.command:
        from center_app import cli

        return cli.run(args)
    return run_gui(args)


# --- the window -----------------------------------------------------------------------------------------------


def prepare_window(data_dir: DataDir, *, actor: Actor | None = None, fill_demo: bool = False) -> MainWindow:
    """Open the store, set up language and font, and build the main window (not shown)."""
    from center_app.context import open_store
    from center_app.logging_setup import setup_logging
    from center_app.services import settings

    data_dir.ensure()
    setup_logging(data_dir.logs)
    # The store first: SQLAlchemy imports ~30 % faster before PySide6 installs its import hook.
    from center_app.domain.actor import Actor
    from center_app.services import accounts

    ctx = open_store(data_dir, actor=Actor.nobody())
    if fill_demo:
        from center_app import demo

        demo.fill_demo(ctx)
        accounts.ensure_demo_admin(ctx)  # the window's gate signs it in (a folder with only the demo in it)
    if actor is not None:
        ctx.actor = actor
    language = settings.get_language(ctx)

    from center_app.ui import i18n
    from center_app.ui.errors import install_excepthook
    from center_app.ui.main_window import MainWindow

    app = qapplication()
    i18n.install_font(app)
    i18n.install_language(app, language)
    install_excepthook(data_dir.logs)
    window = MainWindow(ctx)
    window.destroyed.connect(lambda *_: ctx.close())
    return window


def open_main_window(data_dir: str | os.PathLike[str] | DataDir, user: str | None = None) -> MainWindow:
    """Open the real main window in-process on ``data_dir`` (for tests and tools); it is shown.

    ``user``: the username of an existing account to sign in without a password. Without it the window starts as
    the app does: a folder holding only demo data signs its demo administrator in, otherwise the first-run wizard
    or the login screen is shown. Creates the QApplication if needed; does not take the data-folder lock."""
    folder = data_dir if isinstance(data_dir, DataDir) else DataDir.resolve(data_dir)
    actor = None
    if user:
        from center_app.context import open_store
        from center_app.services import accounts

        ctx = open_store(folder.ensure())
        try:
            actor = accounts.sign_in_as(ctx, user)
        finally:
            ctx.close()
    window = prepare_window(folder, actor=actor)
    window.show()
    window.raise_()
    window.activateWindow()  # keyboard shortcuts (Ctrl+1…9, Ctrl+L) go to the active window
    return window


def _automatic_backup(ctx: AppContext, *, at_exit: bool) -> None:
    """Daily backup a few seconds after start-up, and one at exit. A failure is logged, never shown as a crash."""
    from center_app.services import backup

    try:
        if at_exit:
            backup.backup_at_exit(ctx)
        else:
            backup.auto_backup_if_due(ctx)
    except Exception:
        log.exception("automatic backup failed")


def _show_fatal(exc: BaseException, data_dir: DataDir) -> None:
    """Tell the user, in Chinese, why the app cannot start (a seam tests replace: the dialog is modal)."""
    from center_app.ui.errors import show_fatal

    show_fatal(exc, data_dir.logs)


def _ask_recovery(db_path: Path, summary: object) -> tuple[str, Path | None]:
    """Show the recovery dialog (a seam tests replace): the user's choice and, for another folder, which one."""
    from center_app.ui.dialogs.store_recovery import StoreRecoveryDialog

    dialog = StoreRecoveryDialog(db_path, summary)  # type: ignore[arg-type]
    dialog.exec()
    return dialog.choice, dialog.folder


def _recover(data_dir: DataDir) -> DataDir | None:
    """``center.db`` is damaged: offer the newest verified backup or another folder. The folder to try next, or
    None to give up. The caller holds the folder's lock; the damaged bytes are kept by the restore."""
    from center_app.domain.errors import DomainError
    from center_app.services import backup
    from center_app.ui.dialogs.store_recovery import OTHER_FOLDER, RESTORE

    summary = backup.newest_verified_backup(data_dir)
    choice, folder = _ask_recovery(data_dir.db_path, summary)
    if choice == RESTORE and summary is not None:
        from center_app.domain.actor import Actor

        try:
            # Nobody can sign in to a damaged database: the person at this PC account restores, as the command
            # line does (whoever can start the app here can read the data folder's files anyway).
            backup.restore(data_dir, summary.path, actor=Actor.command_line())
        except DomainError as exc:
            log.warning("restore at start-up failed: %s", exc.message)
            _show_fatal(exc, data_dir)
            return None
        return data_dir
    if choice == OTHER_FOLDER and folder is not None:
        return DataDir.resolve(folder)
    return None


def start_window(args: argparse.Namespace) -> tuple[MainWindow, DataDir, DataFolderLock] | None:
    """Lock the data folder and build the main window; on a damaged database offer a backup or another folder.

    Returns (window, data folder, its lock) or None after telling the user, in Chinese, why it cannot start."""
    from center_app.context import store_problem_for
    from center_app.db import health
    from center_app.db.lock import DataFolderLock
    from center_app.logging_setup import ensure_some_log

    data_dir = demo_data_dir() if args.demo else DataDir.resolve(args.data_dir)
    while True:
        lock = DataFolderLock(data_dir)
        try:
            health.ensure_writable_folder(data_dir.root, (data_dir.backups, data_dir.logs, data_dir.exports))
            lock.acquire()  # a second copy of the app on this folder is told who has it, and refused
            return prepare_window(data_dir, fill_demo=args.demo), data_dir, lock
        except Exception as exc:  # say so in Chinese; the traceback goes to the log
            ensure_some_log()
            log.exception("start-up failed")
            problem = store_problem_for(exc, data_dir)
            shown = problem or exc
            print(getattr(shown, "message", "") or "无法打开中心的数据。", file=sys.stderr, flush=True)
            if args.quit_when_ready:  # a smoke test or benchmark must not wait on a dialog
                lock.release()
                return None
            qapplication()
            if problem is not None and problem.kind == health.DAMAGED:
                next_dir = _recover(data_dir)
                lock.release()
                if next_dir is None:
                    return None
                data_dir = next_dir
                continue
            lock.release()
            _show_fatal(shown, data_dir)
            return None


def run_gui(args: argparse.Namespace) -> int:
    started = start_window(args)
    if started is None:
        return 1
    window, data_dir, lock = started

    from PySide6.QtCore import QTimer

    app = qapplication()
    ctx = window.ctx
    if args.quit_when_ready:
        # Benchmarks and smoke tests: no automatic backups, which would be measured with the start-up.
        window.ready.connect(app.quit)
    else:
        QTimer.singleShot(3000, lambda: _automatic_backup(ctx, at_exit=False))
    from center_app.ui.window_geometry import show_main_window

    show_main_window(window, data_dir)  # maximized on a 1366×768 screen, else where it was last closed
    code = app.exec()
    if not args.quit_when_ready and not args.demo:
        _automatic_backup(ctx, at_exit=True)
    # Delete the window while the QApplication still exists: Qt objects left to Python's interpreter shutdown
    # can crash it on the way out.
    from PySide6.QtCore import QEvent

    window.deleteLater()
    app.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    ctx.close()
    lock.release()
    if args.demo:
        import shutil

        shutil.rmtree(data_dir.root, ignore_errors=True)
    return code
