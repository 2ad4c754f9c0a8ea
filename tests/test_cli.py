"""The CLI contract: commands, options, exit codes, ``stats --json`` keys."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from center_app.app import main

REPO = Path(__file__).resolve().parent.parent
STATS_KEYS = {"titles", "copies", "children", "loans_open", "equipment_items", "volunteers", "activities",
              "attendance_marks"}


def run_cli(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONIOENCODING="utf-8")
    return subprocess.run([sys.executable, str(REPO / "main.py"), *args], capture_output=True, text=True,
                          encoding="utf-8", env=env, timeout=120, cwd=REPO)


def test_help_lists_every_command(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--help"])
    assert exit_info.value.code == 0
    out = capsys.readouterr().out
    for command in ("import", "export", "report", "backup", "restore", "check", "stats", "selftest", "demo-data"):
        assert command in out
    assert "--data-dir" in out and "--quit-when-ready" in out and "--demo" in out


def test_stats_json_on_a_new_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path / "d"), "stats", "--json"]) == 0
    figures = json.loads(capsys.readouterr().out)
    assert set(figures) >= STATS_KEYS
    assert all(isinstance(v, int) for v in figures.values())
    assert (tmp_path / "d" / "center.db").is_file()


def test_data_dir_from_environment(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setenv("CENTER_APP_DATA_DIR", str(tmp_path / "env-dir"))
    assert main(["stats"]) == 0
    assert "图书品种" in capsys.readouterr().out
    assert (tmp_path / "env-dir" / "center.db").is_file()


def test_check_passes_on_a_sound_store(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = str(tmp_path / "d")
    assert main(["--data-dir", folder, "stats"]) == 0
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
    assert main(["--data-dir", str(folder), "stats"]) == 0
    with sqlite3.connect(folder / "center.db") as conn:
        conn.execute("DELETE FROM alembic_version")
    assert main(["--data-dir", str(folder), "check"]) == 1
    assert "尚未初始化" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["import", "books", "x.xlsx"], ["export", "books", "x.xlsx"],
                                  ["report", "monthly"]])
def test_later_commands_say_not_yet_available(tmp_path: Path, argv: list[str],
                                              capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--data-dir", str(tmp_path), *argv]) == 2
    assert "not yet available" in capsys.readouterr().err


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
    result = run_cli("--data-dir", str(blocker / "sub"), "stats")
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert "失败" in result.stderr
