"""The CLI contract: commands, options, exit codes, ``stats --json`` keys."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from center_app.app import main

REPO = Path(__file__).resolve().parent.parent
STATS_KEYS = {"titles", "copies", "children", "loans_open", "equipment_items", "equipment_out", "volunteers",
              "activities", "attendance_marks"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120, cwd=REPO)


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("import", "export", "report", "backup", "restore", "check", "stats", "selftest", "demo-data",
                    "verify"):
        assert command in out
    assert "--data-dir" in out and "--quit-when-ready" in out and "--demo" in out


def new_centre(folder: Path | str) -> Path:
    """A data folder opened (and migrated) once, as a first start of the app leaves it."""
    from center_app.config import DataDir
    from center_app.context import Actor, open_store

    open_store(DataDir(Path(folder)), actor=Actor.command_line()).close()
    return Path(folder)


def test_stats_json_on_a_new_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """stats only reads: an empty folder has every figure 0 and stays empty; a new centre's figures are 0 too."""
    (tmp_path / "d").mkdir()
    assert main(["--data-dir", str(tmp_path / "d"), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= STATS_KEYS
    assert all(v == 0 for v in figures.values())
    assert list((tmp_path / "d").iterdir()) == []
    new_centre(tmp_path / "e")
    assert main(["--data-dir", str(tmp_path / "e"), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= STATS_KEYS and all(isinstance(v, int) for v in figures.values())


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CENTER_APP_DATA_DIR", str(tmp_path / "env-dir"))
    new_centre(tmp_path / "env-dir")
    assert main(["stats"]) == 0
    assert "图书品种" in capsys.readouterr().out


def test_check_passes_on_a_sound_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(new_centre(tmp_path / "d"))
    assert main(["--data-dir", folder, "check"]) == 0
    assert "检查通过" in capsys.readouterr().out


def test_check_fails_on_a_missing_or_damaged_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "none"), "check"]) == 1
    assert "不存在" in capsys.readouterr().err
    assert not (tmp_path / "none" / "center.db").exists()  # check never creates a store
    damaged = tmp_path / "bad"
    damaged.mkdir()
    (damaged / "center.db").write_bytes(b"SQLite format 3\x00" + os.urandom(5000))
    assert main(["--data-dir", str(damaged), "check"]) == 1
    assert "问题" in capsys.readouterr().err


def test_check_reports_a_schema_behind_the_app(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import sqlite3

    folder = tmp_path / "d"
    new_centre(folder)
    with sqlite3.connect(folder / "center.db") as conn:
        conn.execute("DELETE FROM alembic_version")
    assert main(["--data-dir", str(folder), "check"]) == 1
    assert "尚未初始化" in capsys.readouterr().err


def test_selftest_as_a_subprocess(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path / "d"), "selftest")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "自检通过" in result.stdout
    for page in ("overviewPage", "catalogPage", "deskPage", "settingsPage"):
        assert page in result.stdout


def test_quit_when_ready_exits_zero(tmp_path: Path) -> None:
    result = run_cli("--data-dir", str(tmp_path / "d"), "--quit-when-ready")
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "d" / "logs" / "center.log").exists()


def test_unexpected_error_gives_a_message_not_a_traceback(tmp_path: Path) -> None:
    blocker = tmp_path / "file-not-folder"
    blocker.write_text("x")
    result = run_cli("--data-dir", str(blocker / "sub"), "backup")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Errno" not in result.stderr
    assert "是一个文件，不是文件夹" in result.stderr


def test_check_changes_nothing(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    new_centre(folder)
    before = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert main(["--data-dir", str(folder), "check"]) == 0
    after = {p.name: p.read_bytes() for p in folder.iterdir() if p.is_file()}
    assert before == after


def test_backup_and_restore_round_trip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import settings

    folder = tmp_path / "d"
    usb = tmp_path / "usb"
    usb.mkdir()
    new_centre(folder)
    ctx = open_store(DataDir(folder), actor=Actor.command_line())
    settings.save_centre(ctx, settings.CentreInfo("备份前的名字"))
    ctx.close()
    capsys.readouterr()
    assert main(["--data-dir", str(folder), "backup", "--to", str(usb)]) == 0
    written = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert written.parent == usb and written.is_file()

    ctx = open_store(DataDir(folder), actor=Actor.command_line())
    settings.save_centre(ctx, settings.CentreInfo("备份后改的名字"))
    ctx.close()
    assert main(["--data-dir", str(folder), "restore", str(written)]) == 1  # needs --yes
    assert "--yes" in capsys.readouterr().err
    assert main(["--data-dir", str(folder), "restore", str(written), "--yes"]) == 0
    assert "恢复完成" in capsys.readouterr().out
    ctx = open_store(DataDir(folder))
    assert settings.get_centre(ctx).name == "备份前的名字"
    ctx.close()
    assert list((folder / "backups").glob("center-before-restore-*.db"))


def test_restore_refuses_a_file_that_is_not_a_backup(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bogus = tmp_path / "photo.db"
    bogus.write_bytes(os.urandom(4096))
    assert main(["--data-dir", str(tmp_path / "d"), "restore", str(bogus), "--yes"]) == 1
    assert "不是有效的备份文件" in capsys.readouterr().err


def test_backup_to_a_missing_folder_is_refused(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "backup", "--to", str(tmp_path / "no-usb")]) == 1
    assert "U 盘" in capsys.readouterr().err


def test_a_second_program_on_the_folder_is_told_who_holds_it(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    holder = subprocess.Popen(
        [sys.executable, "-c",
         "import sys, time; from pathlib import Path; from center_app.db.lock import DataFolderLock;"
         "from center_app.config import DataDir;"
         f"lock = DataFolderLock(DataDir(Path({str(folder)!r})).ensure()); lock.acquire(); print('held', flush=True);"
         "time.sleep(60)"],
        stdout=subprocess.PIPE, text=True, cwd=REPO)
    try:
        assert holder.stdout.readline().strip() == "held"
        result = run_cli("--data-dir", str(folder), "backup")
        assert result.returncode == 1
        assert f"进程 {holder.pid}" in result.stderr and "正在使用这个数据文件夹" in result.stderr
    finally:
        holder.kill()
        holder.wait()
    assert run_cli("--data-dir", str(folder), "backup").returncode == 0  # stale lock after a crash: no problem


def test_a_second_copy_of_the_app_is_refused_clearly(tmp_path: Path) -> None:
    folder = tmp_path / "d"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    first = subprocess.Popen([sys.executable, str(REPO / "main.py"), "--data-dir", str(folder)], env=env, cwd=REPO,
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = 60
        import time

        start = time.monotonic()
        while not (folder / "center.lock").exists() or not (folder / "center.db").exists():
            assert time.monotonic() - start < deadline and first.poll() is None
            time.sleep(0.1)
        time.sleep(0.5)
        second = run_cli("--data-dir", str(folder), "--quit-when-ready")
        assert second.returncode == 1
        assert "正在使用这个数据文件夹" in second.stderr and f"进程 {first.pid}" in second.stderr
    finally:
        first.kill()
        first.wait()
    assert run_cli("--data-dir", str(folder), "--quit-when-ready").returncode == 0  # the killed one's lock is stale


SAMPLES = REPO / "tests" / "data"  # copies of the donation lists in shared/samples, kept with the tests


def test_import_books_is_all_or_nothing_by_default(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    sample = str(SAMPLES / "donation_sample.xlsx")
    assert main(["--data-dir", folder, "import", "books", sample]) == 1
    captured = capsys.readouterr()
    assert "第10行: ISBN 9787034131642 校验位错误" in captured.err
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["titles"] == 0  # nothing partial
    assert main(["--data-dir", folder, "import", "books", sample, "--dry-run"]) == 1
    assert main(["--data-dir", folder, "import", "books", sample, "--skip-invalid"]) == 0
    assert "跳过了有问题的行：第10行" in capsys.readouterr().out
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["titles"] == 29 and figures["copies"] == 39
    export = tmp_path / "books.csv"
    assert main(["--data-dir", folder, "export", "books", str(export)]) == 0
    assert export.read_bytes().startswith(b"\xef\xbb\xbf")
    assert export.read_text(encoding="utf-8-sig").count("\nT00000") == 39


def test_import_gbk_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "import", "books", str(SAMPLES / "donation_sample_gbk.csv")]) == 0
    assert "新书目 10 种" in capsys.readouterr().out


def test_import_refuses_a_missing_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "import", "books", str(tmp_path / "nope.xlsx")]) == 1
    assert "找不到文件" in capsys.readouterr().err


def test_import_children_from_a_roster(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    roster = tmp_path / "花名册.xlsx"
    book = Workbook()
    sheet = book.active
    sheet.append(["古楼村小学 2026年秋季 留守儿童花名册"])
    sheet.append(["姓名", "性别", "出生日期", "班级", "留守类型", "监护人", "监护人电话"])
    sheet.append(["王子涵", "男", "2017年3月2日", "三年级2班", "父母均外出", "王奶奶（祖母）", "13812345678"])
    sheet.append(["李明", "男", "2019.9.1", "一年级1班", "非留守", "李爸爸（父亲）", "1381234"])
    book.save(roster)
    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "import", "children", str(roster)]) == 1
    assert "第4行" in capsys.readouterr().err  # the short phone number
    assert main(["--data-dir", folder, "import", "children", str(roster), "--skip-invalid"]) == 0
    assert "新增 1 名" in capsys.readouterr().out
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["children"] == 1


def test_export_the_monthly_attendance_register(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "demo-data"]) == 0
    target = tmp_path / "考勤.xlsx"
    assert main(["--data-dir", folder, "export", "attendance", str(target)]) == 1  # personal data: --yes
    assert not target.exists()
    month = dt.date.today().strftime("%Y-%m")
    assert main(["--data-dir", folder, "export", "attendance", str(target), "--month", month, "--yes"]) == 0
    assert "考勤表" in capsys.readouterr().out
    sheet = load_workbook(target, read_only=True).active
    assert sum(1 for _ in sheet.iter_rows()) > 100  # the demo centre's children
    assert main(["--data-dir", folder, "export", "attendance", str(target), "--month", "2026-13", "--yes"]) == 1


def test_the_app_exits_cleanly_after_every_page_was_built(tmp_path: Path) -> None:
    """A regression test: Qt objects left to interpreter shutdown crashed the process (exit code -11)."""
    script = (
        "import sys\n"
        "from center_app import app as A\n"
        "original = A.prepare_window\n"
        "def prepare(*args, **kwargs):\n"
        "    window = original(*args, **kwargs)\n"
        "    window.ready.connect(lambda: [window.show_row(r) for r in range(len(window.specs))])\n"
        "    return window\n"
        "A.prepare_window = prepare\n"
        f"sys.exit(A.main(['--data-dir', {str(tmp_path / 'd')!r}, '--demo', '--quit-when-ready']))\n"
    )
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=env, cwd=REPO,
                            timeout=180)
    assert result.returncode == 0, (result.returncode, result.stderr[-2000:])


# --- imports that say what they did, and a closed pipe that decides nothing ---------------------------------------


def donation_list(path: Path) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.title = "今年"
    sheet.append(["书名", "作者", "数量", "捐赠方", "经手人"])
    sheet.append(["小马过河", "彭文席", 2, "县图书馆", "王老师"])
    sheet.append(["西游记", "吴承恩", 1, None, None])
    sheet.append(["水浒传", "施耐庵", 1, None, None])
    sheet.merge_cells("D2:D4")
    hidden = book.create_sheet("去年")
    hidden.append(["书名", "数量"])
    hidden.append(["旧书", 40])
    hidden.sheet_state = "hidden"
    book.save(path)
    return path


def test_import_books_says_what_it_read_and_refuses_the_same_file_without_again(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = str(tmp_path / "d")
    source = str(donation_list(tmp_path / "捐赠.xlsx"))
    assert main(["--data-dir", folder, "import", "books", source]) == 0
    out = capsys.readouterr().out
    assert "读取的工作表：“今年”，表头在第1行" in out
    assert "未识别的列（没有导入）：经手人" in out
    assert "注意：第2–4行的“捐赠方”是合并单元格，已按合并的值填入每一行" in out
    assert "工作表“去年”（隐藏）也有内容，没有读取" in out
    assert "共 4 册" in out

    assert main(["--data-dir", folder, "import", "books", source, "--dry-run"]) == 0
    assert "正式导入需要加 --again" in capsys.readouterr().out
    assert main(["--data-dir", folder, "import", "books", source]) == 1
    refused = capsys.readouterr().err
    today = dt.date.today().isoformat()
    assert f"“捐赠.xlsx”已在 {today} " in refused and "导入过（3 行，4 册）" in refused and "--again" in refused
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 4  # not doubled

    assert main(["--data-dir", folder, "import", "books", source, "--again"]) == 0
    assert "按 --again 再导入一次" in capsys.readouterr().out
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 8


def test_import_children_twice_only_notes_it(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import Workbook

    roster = tmp_path / "花名册.xlsx"
    book = Workbook()
    book.active.append(["姓名", "性别", "班级"])
    book.active.append(["王子涵", "男", "三年级2班"])
    book.save(roster)
    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "import", "children", str(roster)]) == 0
    capsys.readouterr()
    assert main(["--data-dir", folder, "import", "children", str(roster)]) == 0  # an update, never a duplicate
    out = capsys.readouterr().out
    assert "注意：这个文件已在" in out and "再导入不会重复登记儿童" in out and "未变 1 名" in out


class ClosedPipe(io.StringIO):
    """A console whose reader went away (``… 2>&1 | head -3`` after three lines)."""

    def write(self, text: str) -> int:
        raise BrokenPipeError(32, "Broken pipe")

    def fileno(self) -> int:
        raise io.UnsupportedOperation("fileno")


def test_a_closed_pipe_never_rolls_an_import_back(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    source = str(donation_list(tmp_path / "捐赠.xlsx"))
    with monkeypatch.context() as m:
        m.setattr(sys, "stdout", ClosedPipe())
        m.setattr(sys, "stderr", ClosedPipe())
        # The progress line ("导入中 100%") is written inside the import's transaction.
        assert main(["--data-dir", folder, "import", "books", source]) == 0
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 4


def test_import_piped_into_a_reader_that_quits_at_once(tmp_path: Path) -> None:
    """``import books F 2>&1 | head -0``: every write fails with EPIPE; the import is still made, exit 0."""
    folder = str(tmp_path / "d")
    source = str(donation_list(tmp_path / "捐赠.xlsx"))
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    process = subprocess.Popen(
        [sys.executable, str(REPO / "main.py"), "--data-dir", folder, "import", "books", source],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env=env, cwd=REPO,
    )
    assert process.stdout is not None
    process.stdout.close()  # the reader is gone before the first line
    assert process.wait(timeout=120) == 0
    result = run_cli("--data-dir", folder, "stats", "--json")
    assert json.loads(result.stdout)["copies"] == 4


def test_demo_data_refuses_the_default_data_folder_without_yes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    """Without --data-dir or CENTER_APP_DATA_DIR the folder is the user's real one: a demo there signs in by itself."""
    import platformdirs

    from center_app.config import ENV_DATA_DIR

    default = tmp_path / "user-data"
    monkeypatch.delenv(ENV_DATA_DIR)
    monkeypatch.setattr(platformdirs, "user_data_dir", lambda *_args, **_kwargs: str(default))
    assert main(["demo-data"]) == 1
    err = capsys.readouterr().err
    assert "默认" in err and "--data-dir" in err and "--yes" in err and default.name in err
    assert not (default / "center.db").exists()  # nothing written, not even an empty store
    assert main(["demo-data", "--yes"]) == 0
    assert str(default) in capsys.readouterr().out
    # A folder chosen by the environment variable is a choice too — but one with accounts is refused, untouched.
    chosen = tmp_path / "env"
    monkeypatch.setenv(ENV_DATA_DIR, str(chosen))
    from center_app.config import DataDir
    from center_app.context import open_store
    from center_app.services import accounts

    ctx = open_store(DataDir(chosen).ensure())
    accounts.create_first_admin(ctx, "lifang", "李芳", "guLou-2026")
    ctx.close()
    assert main(["demo-data"]) == 1
    assert "已有账号" in capsys.readouterr().err
    assert main(["--data-dir", str(chosen), "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["copies"] == 0  # refused before anything was written


def test_import_equipment_is_all_or_nothing_and_export_reads_back(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A donor's GBK list with a title row and two bad rows, then a real-shape xlsx list; export; stats."""
    folder = str(tmp_path / "d")
    gbk = str(SAMPLES / "equipment_donation_sample_gbk.csv")
    assert main(["--data-dir", folder, "import", "equipment", gbk]) == 1
    err = capsys.readouterr().err
    assert "第4行: “数量”不是有效的整数（三十）" in err and "第7行: 器材类别“家具”不认识" in err
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["equipment_items"] == 0  # nothing partial
    assert main(["--data-dir", folder, "import", "equipment", gbk, "--skip-invalid"]) == 0
    out = capsys.readouterr().out
    assert "已导入：器材 4 种，共 49 件。" in out and "跳过了有问题的行：第4行, 第7行" in out

    xlsx = str(SAMPLES / "equipment_donation_sample.xlsx")
    assert main(["--data-dir", folder, "import", "equipment", xlsx]) == 0
    out = capsys.readouterr().out
    assert "表头在第3行" in out and "器材 10 种，共 131 件" in out and "请打印器材标签" in out
    assert main(["--data-dir", folder, "import", "equipment", xlsx]) == 1
    assert "再导入一次会把每件器材再登记一遍" in capsys.readouterr().err
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert figures["equipment_items"] == 14 and figures["equipment_out"] == 0

    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import equipment

    ctx = open_store(DataDir(Path(folder)), actor=Actor.command_line())
    try:
        rope = next(r for r in equipment.list_items(ctx, "篮球"))
        equipment.lend(ctx, rope.id, equipment.Borrower.group("三年级体育课"), 6)
    finally:
        ctx.close()
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["equipment_out"] == 6

    for name in ("器材.xlsx", "器材.csv"):
        target = tmp_path / name
        assert main(["--data-dir", folder, "export", "equipment", str(target)]) == 0
        assert "已导出 14 种器材" in capsys.readouterr().out
    text = (tmp_path / "器材.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("名称,类别,数量,单位,存放位置,状况,逐件编号,编号")
    assert "篮球（7号）,体育,10,个,器材室A柜,完好,否,E" in text and ",4,6,0,0" in text
    # the export is the import's shape: it reads back with every row valid
    from center_app.importing import read_table

    again = read_table(tmp_path / "器材.xlsx", equipment.SCHEMA)
    assert again.ok and len(again.rows) == 14


def test_import_and_export_volunteers(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(new_centre(tmp_path / "d"))
    data = Path(__file__).parent / "data"
    bad = str(data / "volunteers_bad_rows_gbk.csv")
    assert main(["--data-dir", folder, "import", "volunteers", bad]) == 1
    err = capsys.readouterr().err
    assert "第4行" in err and "第7行" in err and "没有导入任何数据" in err
    assert main(["--data-dir", folder, "stats", "--json"]) == 0
    assert json.loads(capsys.readouterr().out)["volunteers"] == 0
    team = str(data / "volunteers_team.xlsx")
    assert main(["--data-dir", folder, "import", "volunteers", team, "--dry-run"]) == 0
    assert "将新增 5 名志愿者" in capsys.readouterr().out
    assert main(["--data-dir", folder, "import", "volunteers", team]) == 0
    assert "已导入：新增 5 名志愿者" in capsys.readouterr().out
    assert main(["--data-dir", folder, "import", "volunteers", team]) == 0  # again: updates, never twice
    assert "新增 0 名志愿者，更新 0 名，未变 5 名" in capsys.readouterr().out
    for name in ("志愿者.xlsx", "志愿者.csv"):
        assert main(["--data-dir", folder, "export", "volunteers", str(tmp_path / name)]) == 0
        assert "已导出 5 名志愿者" in capsys.readouterr().out
    text = (tmp_path / "志愿者.csv").read_text(encoding="utf-8-sig")
    assert text.startswith("姓名,性别,电话,单位/学校,类别,任教科目,特长,服务开始,服务结束,空闲时间,备注")
    assert "韦小宝,男,13812345678,广西师范大学,其他,语文、阅读,书法,2026-07-06,2026-07-31" in text


def _certificate(folder: str) -> str:
    """A centre with one certificate of 90 approved minutes; returns its code."""
    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.services import volunteers as vs

    ctx = open_store(DataDir(Path(folder)), actor=Actor.command_line())
    try:
        monday = dt.date(2026, 7, 6)
        programme = vs.create_programme(ctx, "暑期", "summer", monday, dt.date(2026, 7, 31))
        vid = vs.create_volunteer(ctx, vs.VolunteerInput("韦小宝", organisation="广西师范大学")).id
        session = vs.save_session(
            ctx, vs.SessionInput(programme.id, "绘本共读", "08:30", "10:00", weekday=1, volunteer_ids=(vid,))
        ).session.id
        rows = vs.confirm_planned(ctx, session, monday, now=dt.datetime(2026, 7, 6, 12))
        vs.approve_hours(ctx, [r.id for r in rows])
        return vs.issue_certificate(ctx, vid, monday, dt.date(2026, 7, 31), issued_on=dt.date(2026, 8, 3)).code
    finally:
        ctx.close()


def test_verify_a_certificate(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(new_centre(tmp_path / "d"))
    code = _certificate(folder)
    assert main(["--data-dir", folder, "verify", code]) == 0
    out = capsys.readouterr().out
    assert out.startswith("真实有效") and "志愿者：韦小宝（广西师范大学）" in out and "服务时长：1 小时 30 分钟，共 1 次" in out
    assert main(["--data-dir", folder, "verify", *code.lower().split("-")]) == 0  # typed in three groups
    capsys.readouterr()
    forged = ("0" if code[0] != "0" else "1") + code[1:]
    assert main(["--data-dir", folder, "verify", forged]) == 1
    assert "不是真实的证书" in capsys.readouterr().out
    assert main(["--data-dir", folder, "verify", "12345"]) == 1
    assert "12 位" in capsys.readouterr().out
    assert main(["--data-dir", str(tmp_path / "nowhere"), "verify", code]) == 1
    assert "不存在" in capsys.readouterr().err
    (tmp_path / "empty").mkdir()
    assert main(["--data-dir", str(tmp_path / "empty"), "verify", code]) == 1
    assert "还没有数据" in capsys.readouterr().err


def test_verify_as_a_whole_command(tmp_path: Path) -> None:
    folder = str(new_centre(tmp_path / "d"))
    code = _certificate(folder)
    done = run_cli("--data-dir", folder, "verify", code)
    assert done.returncode == 0 and "真实有效" in done.stdout and "Traceback" not in done.stderr
    done = run_cli("--data-dir", folder, "verify", "ABCD-EFGH-JKMN")
    assert done.returncode == 1 and "不是真实的证书" in done.stdout


def test_report_activity_writes_the_pdf_and_the_tables(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    from center_app.config import DataDir
    from center_app.context import Actor, open_store
    from center_app.domain.activities import ActivityInput
    from center_app.domain.children import ChildInput
    from center_app.services import activities, attendance, children

    folder = tmp_path / "中心 数据"
    ctx = open_store(DataDir(folder), actor=Actor.command_line())
    try:
        held = dt.date.today() - dt.timedelta(days=1)
        activity = activities.create_activity(ctx, ActivityInput("剪纸手工课", held, kind="美术")).id
        kid = children.create_child(ctx, ChildInput("王子涵", class_name="三年级2班")).id
        attendance.save_marks(ctx, held, activity, [attendance.MarkInput(kid, "P")])
    finally:
        ctx.close()
    pdf, xlsx = tmp_path / "报表" / "活动 报告.pdf", tmp_path / "报表" / "活动.xlsx"
    code = main(["--data-dir", str(folder), "report", "activity", "--id", str(activity), "--out", str(pdf),
                 "--xlsx", str(xlsx)])
    out = capsys.readouterr().out
    assert code == 0, out
    assert "已生成活动报告" in out and "1 页" in out and "已导出表格" in out
    text = PdfReader(str(pdf)).pages[0].extract_text()
    assert "剪纸手工课" in text and "王子涵" in text and xlsx.is_file()

    assert main(["--data-dir", str(folder), "report", "activity", "--id", "999", "--out", str(pdf)]) == 1
    assert "找不到这次活动" in capsys.readouterr().err
    assert main(["--data-dir", str(folder), "report", "activity", "--id", str(activity), "--out",
                 str(tmp_path / "报告.txt")]) == 1
    assert "PDF" in capsys.readouterr().err


# --- report monthly / donor / programme (issue 13) ------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo centre (as of tests.reports.demo_centre.DEMO_TODAY) in a folder of its own."""
    from tests.reports.demo_centre import demo_centre

    folder = tmp_path_factory.mktemp("cli-reports") / "古楼村 数据"
    demo_centre(folder).close()
    return folder


def test_report_monthly_writes_the_pdf_and_the_tables(demo_folder: Path, tmp_path: Path,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook
    from pypdf import PdfReader

    pdf, xlsx = tmp_path / "报表" / "2026年11月 月报.pdf", tmp_path / "报表" / "月报.xlsx"
    code = main(["--data-dir", str(demo_folder), "report", "monthly", "--month", "2026-11", "--out", str(pdf),
                 "--xlsx", str(xlsx)])
    out = capsys.readouterr().out
    assert code == 0, out
    pages = len(PdfReader(str(pdf)).pages)
    assert f"已生成月度工作报告：{pdf}（{pages} 页）" in out and f"已导出表格：{xlsx}" in out
    assert "2026年11月 月度工作报告" in PdfReader(str(pdf)).pages[0].extract_text()
    assert load_workbook(xlsx).sheetnames[0] == "概况"


def test_report_donor_and_programme(demo_folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    from pypdf import PdfReader

    pdf = tmp_path / "捐赠.pdf"
    code = main(["--data-dir", str(demo_folder), "report", "donor", "--donor", "深圳市春晖公益基金会",
                 "--from", "2026-09-01", "--to", "2026年11月30日", "--out", str(pdf)])
    assert code == 0, capsys.readouterr().err
    assert "已生成捐赠方报告" in capsys.readouterr().out
    assert "深圳市春晖公益基金会" in PdfReader(str(pdf)).pages[0].extract_text()
    pdf = tmp_path / "暑期.pdf"
    code = main(["--data-dir", str(demo_folder), "report", "programme", "--from", "2026-7-13", "--to", "2026-8-7",
                 "--out", str(pdf), "--xlsx", str(tmp_path / "暑期.xlsx")])
    assert code == 0, capsys.readouterr().err
    assert "已生成项目总结" in capsys.readouterr().out
    assert "暑期夏令营 项目总结" in PdfReader(str(pdf)).pages[0].extract_text()


@pytest.mark.parametrize(
    ("argv", "said"),
    [
        (["monthly", "--month", "2026-13"], "月份“2026-13”看不懂，请写成 年-月，如 2026-11。"),
        (["monthly", "--month", "2099-01"], "2099年1月1日还没有到，没有可以统计的数字。"),
        (["donor", "--donor", "深圳", "--from", "2026-9-1", "--to", "2026-11-30"], "请写出完整的名称"),
        (["donor", "--donor", "不存在的基金会", "--from", "2026-9-1", "--to", "2026-11-30"],
         "找不到捐赠方“不存在的基金会”"),
        (["programme", "--from", "2026-9-31", "--to", "2026-11-30"], "开始日期不是有效日期（2026-9-31）"),
        (["programme", "--from", "2026-11-30", "--to", "2026-9-1"], "结束日期不能早于开始日期。"),
    ],
)
def test_report_refusals_exit_1_with_a_chinese_sentence(demo_folder: Path, tmp_path: Path, argv: list[str],
                                                        said: str, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "报告.pdf"
    assert main(["--data-dir", str(demo_folder), "report", *argv, "--out", str(out)]) == 1
    assert said in capsys.readouterr().err
    assert not out.exists()


@pytest.mark.parametrize("kind", ["monthly", "donor", "programme"])
def test_report_files_must_be_pdf_and_xlsx(demo_folder: Path, tmp_path: Path, kind: str,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    args = {"monthly": ["--month", "2026-11"], "donor": ["--donor", "陈建华", "--from", "2026-9-1", "--to",
                                                        "2026-11-30"], "programme": ["--from", "2026-9-1", "--to",
                                                                                     "2026-11-30"]}[kind]
    assert main(["--data-dir", str(demo_folder), "report", kind, *args, "--out", str(tmp_path / "r.doc")]) == 1
    assert "请用 .pdf 结尾的文件名" in capsys.readouterr().err
    assert main(["--data-dir", str(demo_folder), "report", kind, *args, "--out", str(tmp_path / "r.pdf"),
                 "--xlsx", str(tmp_path / "r.csv")]) == 1
    assert "请用 .xlsx 结尾的文件名" in capsys.readouterr().err
    with pytest.raises(SystemExit) as missing:  # argparse: a required option left out
        main(["--data-dir", str(demo_folder), "report", kind, "--out", str(tmp_path / "r.pdf")])
    assert missing.value.code == 2


def test_report_monthly_as_a_whole_command(demo_folder: Path, tmp_path: Path) -> None:
    pdf = tmp_path / "月报.pdf"
    done = run_cli("--data-dir", str(demo_folder), "report", "monthly", "--month", "2026-11", "--out", str(pdf))
    assert done.returncode == 0, done.stderr
    assert "已生成月度工作报告" in done.stdout and "Traceback" not in done.stderr and pdf.is_file()
    done = run_cli("--data-dir", str(demo_folder), "report", "monthly", "--month", "2026-13", "--out", str(pdf))
    assert done.returncode == 1 and "看不懂" in done.stderr and "Traceback" not in done.stderr
