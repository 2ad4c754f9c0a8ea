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
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

from center_app.config import DataDir
from center_app.domain.errors import DomainError

if TYPE_CHECKING:  # imported lazily at run time (_open): the CLI starts fast
    from center_app.context import AppContext

log = logging.getLogger(__name__)

EXIT_OK = 0
EXIT_PROBLEM = 1
EXIT_UNAVAILABLE = 2


def say(text: str) -> None:
    _write(sys.stdout, text + "\n")


def err(text: str) -> None:
    _write(sys.stderr, text + "\n")


def _write(stream: Any, text: str) -> None:
    """Write to the console, and never fail for it: output is for a person (or ``| head -3``). A closed pipe must
    not decide what a command does — least of all roll back an import whose progress line it cut off."""
    try:
        stream.write(text)
        stream.flush()
    except OSError:  # BrokenPipeError (the reader went away), EIO/ENOSPC on a redirected console
        _silence(stream)
    except ValueError:  # "I/O operation on closed file"; anything else (an encoding error) is a real bug
        if not getattr(stream, "closed", False):
            raise


def _silence(stream: Any) -> None:
    """Point a stream whose reader went away at the null device, so later writes (and Python's flush at exit)
    pass quietly instead of raising BrokenPipeError again."""
    import os

    try:
        fd = stream.fileno()
        null = os.open(os.devnull, os.O_WRONLY)
    except (OSError, ValueError, AttributeError):
        return
    try:
        os.dup2(null, fd)
    except OSError:
        pass
    finally:
        os.close(null)


def _data_dir(args: argparse.Namespace) -> DataDir:
    if getattr(args, "demo", False):
        from center_app.bootstrap import demo_data_dir

        return demo_data_dir()
    return DataDir.resolve(args.data_dir)


LOCK_WAIT_SECONDS = 5.0


def _open(args: argparse.Namespace) -> AppContext:
    """Open the store as the command line. Writing commands take the data-folder lock first, waiting briefly
    for the app or another command to finish; the lock is released when the process ends."""
    from center_app.context import Actor, open_store

    data_dir = _data_dir(args)
    _lock(data_dir)  # StoreLocked says who holds it → exit 1
    return open_store(data_dir, actor=Actor.command_line())  # the CLI says who it is: never a default


_held_locks: list[object] = []


def _lock(data_dir: DataDir) -> None:
    """Take the data folder's lock (wait briefly), creating the folder if needed; released at exit."""
    from center_app.db import health
    from center_app.db.lock import DataFolderLock
    from center_app.logging_setup import setup_logging

    health.ensure_writable_folder(data_dir.root, (data_dir.backups, data_dir.logs))
    setup_logging(data_dir.logs)
    holder = DataFolderLock(data_dir)
    holder.acquire(wait_seconds=LOCK_WAIT_SECONDS)
    _held_locks.append(holder)


class ProgressLine:
    """A one-line progress indicator on stderr (a terminal shows it updating in place)."""

    def __init__(self, label: str) -> None:
        self.label = label
        self.last = -1

    def __call__(self, percent: int, *_: object) -> None:
        percent = max(0, min(100, int(percent)))
        if percent == self.last:
            return
        self.last = percent
        end = "\n" if percent >= 100 else ""
        try:
            tty = sys.stderr.isatty()
        except (OSError, ValueError):
            return
        if tty:
            _write(sys.stderr, f"\r{self.label} {percent:3d}%{end}")
        elif percent % 25 == 0:
            _write(sys.stderr, f"{self.label} {percent:3d}%\n")


# --- commands -------------------------------------------------------------------------------------------------


def cmd_stats(args: argparse.Namespace) -> int:
    """Only reads: no lock (the app may have the folder open), no migration, nothing created — a mistyped path
    is an error, not a new empty centre; a folder without a database yet has all figures 0."""
    from center_app.context import Actor, open_store_for_reading
    from center_app.services import overview

    ctx = open_store_for_reading(_data_dir(args), actor=Actor.command_line())
    if ctx is None:
        figures = overview.zero_counts().as_dict()
    else:
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
            "equipment_out": "借出器材（件）",
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
    for line in report.details:
        err(f"  SQLite：{line}")
    return EXIT_PROBLEM


def _folder_was_chosen(args: argparse.Namespace) -> bool:
    """The data folder came from --data-dir, CENTER_APP_DATA_DIR or --demo, not the user's default (real) one."""
    import os

    from center_app.config import ENV_DATA_DIR

    return bool(getattr(args, "demo", False) or args.data_dir or os.environ.get(ENV_DATA_DIR))


def cmd_demo_data(args: argparse.Namespace) -> int:
    from center_app import demo

    if args.scale < 1 or args.scale > 100:
        err("规模 --scale 应在 1 到 100 之间。")
        return EXIT_PROBLEM
    if not _folder_was_chosen(args) and not args.yes:
        err(
            f"没有指定数据文件夹，演示数据会写进本机正式使用的数据文件夹：{_data_dir(args).root}\n"
            "演示数据文件夹会自动以演示管理员身份登录，不适合存放真实的儿童信息。"
            "请用 --data-dir 指定一个新的空文件夹；确实要写进这个默认文件夹，请加上 --yes。"
        )
        return EXIT_PROBLEM
    ctx = _open(args)
    last = [-1]

    def progress(percent: int, message: str) -> None:
        if percent // 10 != last[0] // 10:
            err(f"{percent:3d}% {message}")
        last[0] = percent

    try:
        from center_app.services import accounts

        accounts.refuse_if_has_accounts(ctx)  # before writing anything: a real centre's folder stays as it is
        summary = demo.fill_demo(ctx, scale=args.scale, seed=args.seed, progress=progress)
        accounts.ensure_demo_admin(ctx)  # the folder now opens signed in as the demo administrator
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


def cmd_backup(args: argparse.Namespace) -> int:
    from pathlib import Path

    from center_app.services import backup

    ctx = _open(args)
    try:
        target = Path(args.to).expanduser() if args.to else None  # missing or read-only: the service says so
        info = backup.backup_now(ctx, target, progress=ProgressLine("备份中"))
    finally:
        ctx.close()
    say(str(info.path))
    return EXIT_OK


def cmd_restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from center_app.domain.actor import Actor
    from center_app.services import backup

    source = Path(args.file).expanduser()
    if not source.is_file():
        err(f"找不到备份文件：{source}")
        return EXIT_PROBLEM
    summary = backup.inspect_backup(source)  # DomainError → exit 1 with the reason
    say(f"备份文件：{summary.path}")
    say(f"备份时间：{summary.created:%Y-%m-%d %H:%M}　中心：{summary.centre_name or '（未填写）'}")
    for key, value in summary.counts.items():
        say(f"  {backup.COUNT_LABELS.get(key, key)}：{value}")
    if not args.yes:
        err("恢复会用这个备份替换当前的数据（当前数据会先另存一份）。确认请加上 --yes 再运行。")
        return EXIT_PROBLEM
    # Takes the lock (the app must not be open during a restore) but never opens or migrates the current
    # database: a restore must work precisely when that file is damaged.
    data_dir = _data_dir(args)
    _lock(data_dir)
    result = backup.restore(data_dir, source, progress=ProgressLine("恢复中"), actor=Actor.command_line())
    if result.safety_copy:
        say(f"恢复前的数据已另存为：{result.safety_copy}")
    say("恢复完成。")
    return EXIT_OK


def cmd_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    target = Path(args.file).expanduser()
    if target.suffix.lower() not in (".xlsx", ".csv"):
        err("请给出 .xlsx 或 .csv 文件名。")
        return EXIT_PROBLEM
    if not target.parent.is_dir():
        err(f"文件夹不存在：{target.parent}")
        return EXIT_PROBLEM
    if args.kind == "children":
        from center_app.services import roster

        if not args.yes:
            err(
                "花名册包含儿童的个人信息，导出会记入审计日志。确认请加上 --yes（对外提供请再加 --anonymise）。"
            )
            return EXIT_PROBLEM
        ctx = _open(args)
        try:
            result = roster.export_children(
                ctx,
                target,
                confirmed=True,
                anonymise=args.anonymise,
                progress=lambda done, total: ProgressLine("导出中")(100 * done // max(total, 1)),
            )
        finally:
            ctx.close()
        say(f"已导出 {result.rows} 名儿童到 {result.path}")
        return EXIT_OK
    if args.kind == "books":
        from center_app.services import book_import

        ctx = _open(args)
        try:
            bar = ProgressLine("导出中")
            n = book_import.export_books(
                ctx, target, progress=lambda done, total: bar(100 * done // max(total, 1))
            )
        finally:
            ctx.close()
        say(f"已导出 {n} 册图书到 {target}")
        return EXIT_OK
    if args.kind == "attendance":
        return _export_attendance(args, target)
    if args.kind == "equipment":
        from center_app.services import equipment

        ctx = _open(args)
        try:
            bar = ProgressLine("导出中")
            n = equipment.export_equipment(
                ctx, target, progress=lambda done, total: bar(100 * done // max(total, 1))
            )
        finally:
            ctx.close()
        say(f"已导出 {n} 种器材到 {target}")
        return EXIT_OK
    if args.kind == "volunteers":
        return _export_volunteers(args, target)
    return not_yet(f"export {args.kind}")(args)


def _export_volunteers(args: argparse.Namespace, target: Path) -> int:
    """Every volunteer with the import's columns (a list edited in Excel imports back); audited (phones)."""
    from center_app.services import volunteers

    ctx = _open(args)
    try:
        bar = ProgressLine("导出中")
        n = volunteers.export_volunteers(
            ctx, target, progress=lambda done, total: bar(100 * done // max(total, 1))
        )
    finally:
        ctx.close()
    say(f"已导出 {n} 名志愿者到 {target}")
    return EXIT_OK


def _export_attendance(args: argparse.Namespace, target: Path) -> int:
    """The monthly register (children × days) as .xlsx — children's names: needs --yes, and is audited."""
    import datetime as dt

    from center_app.services import attendance

    if target.suffix.lower() != ".xlsx":
        err("考勤表请导出为 .xlsx 文件。")
        return EXIT_PROBLEM
    if not args.yes:
        err("考勤表包含儿童的姓名，导出会记入审计日志。确认请加上 --yes。")
        return EXIT_PROBLEM
    today = dt.date.today()
    try:
        year, month = (int(part) for part in (args.month or f"{today.year}-{today.month}").split("-"))
        dt.date(year, month, 1)
    except ValueError:
        err(f"月份应写成 YYYY-MM，例如 {today.year}-{today.month:02d}。")
        return EXIT_PROBLEM
    ctx = _open(args)
    try:
        register = attendance.monthly_register(ctx, year, month, class_name=args.class_name)
        attendance.export_monthly_register_xlsx(ctx, register, target)
    finally:
        ctx.close()
    say(f"已导出 {year}年{month}月 考勤表（{len(register.rows)} 名儿童）到 {target}")
    return EXIT_OK


def cmd_import(args: argparse.Namespace) -> int:
    """Default all-or-nothing: any bad row → nothing written, every 第N行 problem listed, exit 1."""
    from pathlib import Path

    source = Path(args.file).expanduser()
    if not source.is_file():
        err(f"找不到文件：{source}")
        return EXIT_PROBLEM
    if args.kind == "children":
        return _import_children(args, source)
    if args.kind == "books":
        from center_app.services import book_import

        return _run_import(
            args,
            source,
            book_import,
            lambda p: [
                f"{source.name}：{p.preview.summary()}",
                f"新书目 {p.new_titles} 种，已有书目加册 {p.matched_titles} 种，共 {p.copies} 册",
            ],
            lambda r: (
                [
                    f"已导入：新书目 {r.titles_created} 种，加册 {r.titles_matched} 种，共 {r.copies_created} 册。"
                ]
                + ([f"新条码：{r.barcodes[0]} … {r.barcodes[-1]}（请打印书标）"] if r.barcodes else [])
            ),
            # The same list twice registers every copy twice: refused unless --again says it is meant.
            same_file=lambda p: book_import.already_imported(p.earlier) if p.earlier is not None else None,
        )
    if args.kind == "equipment":
        return _import_equipment(args, source)
    if args.kind == "volunteers":
        return _import_volunteers(args, source)
    return not_yet(f"import {args.kind}")(args)


def _import_volunteers(args: argparse.Namespace, source: Path) -> int:
    """A team's list: people already registered are updated (never registered twice), so no --again."""
    from center_app.services.volunteers import transfer

    return _run_import(
        args,
        source,
        transfer,
        lambda p: [f"{source.name}：{p.summary()}"],
        lambda r: [f"已导入：新增 {r.created} 名志愿者，更新 {r.updated} 名，未变 {r.unchanged} 名。"],
    )


def cmd_verify(args: argparse.Namespace) -> int:
    """Is a service-hour certificate genuine? Only reads (no lock: the app may be open). Exit 0 genuine, 1 not
    (or unknown, or no data here)."""
    from center_app.context import Actor, open_store_for_reading
    from center_app.services import volunteers

    code = "".join(args.code)
    ctx = open_store_for_reading(_data_dir(args), actor=Actor.command_line())
    if ctx is None:
        err("这个数据文件夹里还没有数据，无法核验证书。请用 --data-dir 指定中心的数据文件夹。")
        return EXIT_PROBLEM
    try:
        result = volunteers.verify_certificate(ctx, code)
    finally:
        ctx.close()
    first, *facts = result.lines()
    say(first)
    for line in facts:
        say(f"  {line}")
    return EXIT_OK if result.genuine else EXIT_PROBLEM


def _import_equipment(args: argparse.Namespace, source: Path) -> int:
    from center_app.services import equipment

    return _run_import(
        args,
        source,
        equipment,
        lambda p: [f"{source.name}：{p.preview.summary()}", f"器材 {p.items} 种，共 {p.pieces} 件"],
        lambda r: (
            [f"已导入：器材 {r.items_created} 种，共 {r.pieces} 件。"]
            + ([f"器材编号：{r.barcodes[0]} … {r.barcodes[-1]}（请打印器材标签）"] if r.barcodes else [])
        ),
        # The same list twice registers every item twice: refused unless --again says it is meant.
        same_file=lambda p: equipment.already_imported(p.earlier) if p.earlier is not None else None,
        what="每件器材",
    )


def _import_children(args: argparse.Namespace, source: Path) -> int:
    from center_app.services import children_import

    return _run_import(
        args,
        source,
        children_import,
        lambda p: [f"{source.name}：{p.summary()}"],
        lambda r: [f"已导入：新增 {r.created} 名，更新 {r.updated} 名，未变 {r.unchanged} 名。"],
    )


def _run_import(
    args: argparse.Namespace,
    source: Path,
    service: ModuleType,  # an import service module: preview_import / run_import
    describe_preview: Callable[[Any], list[str]],
    describe_result: Callable[[Any], list[str]],
    same_file: Callable[[Any], str | None] | None = None,
    what: str = "每一册",
) -> int:
    """The one import flow for every kind: preview (the sheet read, the columns not recognised, notices such as
    merged cells), list every 第N行 problem, then all-or-nothing unless --skip-invalid; --dry-run stops after the
    preview. ``same_file(preview)``: for kinds where importing the same file twice doubles things, the sentence
    saying when it was imported before — then it is refused unless --again."""
    again = bool(getattr(args, "again", False))
    ctx = _open(args)
    try:
        reading = ProgressLine("读取中")
        preview = service.preview_import(ctx, source, progress=lambda d, t: reading(100 * d // max(t, 1)))
        for line in describe_preview(preview):
            say(line)
        read = preview.preview
        if read.sheet_name:
            say(f"读取的工作表：“{read.sheet_name}”，表头在第{read.header_row}行")
        else:
            say(f"表头在第{read.header_row}行")
        if read.ignored_columns:
            say(f"未识别的列（没有导入）：{'、'.join(read.ignored_columns)}")
        for line in preview.problems:
            err(line)
        for line in preview.warnings:
            say(f"注意：{line}")
        earlier = same_file(preview) if same_file is not None else None
        if earlier and (again or args.dry_run):
            say(
                f"注意：“{source.name}”{earlier}"
                + ("按 --again 再导入一次。" if again else "正式导入需要加 --again。")
            )
        if args.dry_run:
            say("只是检查（--dry-run），没有写入。")
            return EXIT_OK if preview.ok else EXIT_PROBLEM
        if earlier and not again:
            err(
                f"“{source.name}”{earlier}再导入一次会把{what}再登记一遍，所以没有导入。"
                "如果确实又收到了同样的一批书，请加上 --again 再运行。"
            )
            return EXIT_PROBLEM
        if not preview.ok and not args.skip_invalid:
            err("文件中有问题，没有导入任何数据。请改正后重新导入，或加 --skip-invalid 只导入没有问题的行。")
            return EXIT_PROBLEM
        writing = ProgressLine("导入中")
        result = service.run_import(
            ctx,
            source,
            skip_invalid=args.skip_invalid,
            preview=preview,
            progress=lambda d, t: writing(100 * d // max(t, 1)),
            **({"again": again} if same_file is not None else {}),
        )
    finally:
        ctx.close()
    lines = describe_result(result)
    say(lines[0])
    if result.skipped_rows:
        say(f"跳过了有问题的行：{', '.join(f'第{n}行' for n in result.skipped_rows)}")
    for line in lines[1:]:
        say(line)
    return EXIT_OK


# --- reports: ``report <kind> ... --out FILE.pdf [--xlsx FILE]`` (app.add_report_parsers) ------------------------


def cmd_report(args: argparse.Namespace) -> int:
    """One report, by its sub-command: exit 0 written, 1 refused (a Chinese sentence), 2 not available yet."""
    command = REPORTS.get(args.report)
    if command is None:
        return not_yet(f"report {args.report}")(args)
    return command(args)


def _pdf_target(text: str) -> Path:
    target = Path(text)
    if target.suffix.lower() != ".pdf":
        raise DomainError(f"报表要写成 PDF 文件，请用 .pdf 结尾的文件名（现在是“{target.name}”）。")
    if target.is_dir():
        raise DomainError(f"“{target}”是一个文件夹，请写出 PDF 文件的名字，如 活动报告.pdf。")
    return target


def _xlsx_target(text: str | None) -> Path | None:
    if not text:
        return None
    target = Path(text)
    if target.suffix.lower() != ".xlsx":
        raise DomainError(f"表格要写成 Excel 文件，请用 .xlsx 结尾的文件名（现在是“{target.name}”）。")
    return target


def _report_activity(args: argparse.Namespace) -> int:
    """``report activity --id N --out FILE.pdf [--xlsx FILE.xlsx]``: the single-activity report (单次活动报告)."""
    from center_app.services import activities

    pdf, xlsx = _pdf_target(args.out), _xlsx_target(args.xlsx)
    ctx = _open(args)
    try:
        written = activities.write_activity_report(ctx, args.activity_id, pdf)
        say(f"已生成活动报告：{written.path}（{written.pages} 页）")
        if written.photos_left_out:
            say(f"有 {written.photos_left_out} 张照片里有未获拍照同意的儿童，没有印在报告里。")
        if xlsx is not None:
            rows = activities.export_activity_xlsx(ctx, args.activity_id, xlsx)
            say(f"已导出表格：{xlsx}（{rows} 行）")
    finally:
        ctx.close()
    return EXIT_OK


def _report_date(text: str, which: str) -> Any:
    from center_app.domain.cells import CellError, Date

    try:
        return Date()(text)
    except CellError as exc:
        raise DomainError(f"{which}{exc.message}。") from None


def _report_written(
    kind: str, args: argparse.Namespace, write_pdf: Any, export_xlsx: Any, gather: Any
) -> int:
    """The shared walk of ``report monthly|donor|programme``: check the file names, open the store, gather the
    figures once, write the PDF and (with ``--xlsx``) the tables."""
    pdf, xlsx = _pdf_target(args.out), _xlsx_target(args.xlsx)
    ctx = _open(args)
    try:
        report = gather(ctx)
        written = write_pdf(ctx, report, pdf)
        say(f"已生成{kind}：{written.path}（{written.pages} 页）")
        if xlsx is not None:
            rows = export_xlsx(ctx, report, xlsx)
            say(f"已导出表格：{xlsx}（{rows} 行）")
    finally:
        ctx.close()
    return EXIT_OK


def _report_monthly(args: argparse.Namespace) -> int:
    """``report monthly --month YYYY-MM --out FILE.pdf [--xlsx FILE.xlsx]``: the monthly report for the bureau."""
    from center_app.services import reports

    year, month = reports.parse_month(args.month)
    return _report_written(
        "月度工作报告",
        args,
        reports.write_monthly_report_pdf,
        reports.export_monthly_report_xlsx,
        lambda ctx: reports.monthly_report(ctx, year, month),
    )


def _report_donor(args: argparse.Namespace) -> int:
    """``report donor --donor NAME --from DATE --to DATE --out FILE.pdf [--xlsx FILE.xlsx]``."""
    from center_app.services import reports

    first, last = _report_date(args.first, "开始日期"), _report_date(args.last, "结束日期")
    return _report_written(
        "捐赠方报告",
        args,
        reports.write_donor_report_pdf,
        reports.export_donor_report_xlsx,
        lambda ctx: reports.donor_report(ctx, args.donor, first, last),
    )


def _report_programme(args: argparse.Namespace) -> int:
    """``report programme --from DATE --to DATE --out FILE.pdf [--xlsx FILE.xlsx]``: a term or summer summary."""
    from center_app.services import reports

    first, last = _report_date(args.first, "开始日期"), _report_date(args.last, "结束日期")
    return _report_written(
        "项目总结",
        args,
        reports.write_programme_report_pdf,
        reports.export_programme_report_xlsx,
        lambda ctx: reports.programme_report(ctx, first, last),
    )


REPORTS: dict[str, Callable[[argparse.Namespace], int]] = {
    "activity": _report_activity,
    "monthly": _report_monthly,
    "donor": _report_donor,
    "programme": _report_programme,
}


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
    "import": cmd_import,
    "export": cmd_export,
    "report": cmd_report,
    "backup": cmd_backup,
    "restore": cmd_restore,
    "verify": cmd_verify,
}


def _fallback_log() -> str:
    """Where the traceback goes when the data folder itself is unusable (never to the console)."""
    from center_app.logging_setup import ensure_some_log

    return str(ensure_some_log() or "logs/center.log")


def run(args: argparse.Namespace) -> int:
    command = COMMANDS[args.command]
    try:
        return _run(command, args)
    finally:
        while _held_locks:
            _held_locks.pop().release()  # type: ignore[attr-defined]


def _run(command: Callable[[argparse.Namespace], int], args: argparse.Namespace) -> int:
    try:
        return command(args)
    except DomainError as exc:
        if getattr(exc, "technical", ""):
            from center_app.logging_setup import configured_paths

            if not configured_paths():  # a read-only command: never a log line on the console
                _fallback_log()
            log.warning("%s (%s)", exc.message, exc.technical)  # type: ignore[attr-defined]
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
