"""Setup mistakes and damaged databases get one Chinese sentence that says what to do — never an exception's text.

Every tmp_path here already holds Chinese, a space, "#", "%" and "'" (tests/conftest.py)."""

from __future__ import annotations

import errno
import os
import sqlite3
import tempfile
from pathlib import Path

import pytest

from center_app.app import main
from center_app.config import DataDir
from center_app.context import Actor, open_store
from center_app.db import health, migrate
from center_app.services import audit_query, backup, settings

AWKWARD = "张老师 的中心 #1 100%'s"


def _make_store(folder: Path) -> DataDir:
    data_dir = DataDir(folder)
    open_store(data_dir, actor=Actor.command_line()).close()
    return data_dir


def _damage_pages(db: Path) -> None:
    """Overwrite stretches of every tenth page (the header stays a valid SQLite header)."""
    size = db.stat().st_size
    with db.open("r+b") as f:
        for offset in range(8192, size, 40960):
            f.seek(offset)
            f.write(os.urandom(3000))


@pytest.fixture
def read_only(monkeypatch: pytest.MonkeyPatch):
    """Make folders read-only as a write-protected USB stick is (EROFS). Tests run as root, where chmod does not
    stop writes, so the folder's first write — a temporary file — is refused for the folders given."""
    blocked: list[Path] = []
    real = tempfile.TemporaryFile

    def temporary_file(*args, **kwargs):
        folder = Path(kwargs.get("dir") or ".").resolve()
        if any(folder == b or b in folder.parents for b in blocked):
            raise OSError(errno.EROFS, "Read-only file system", str(folder))
        return real(*args, **kwargs)

    monkeypatch.setattr(health.tempfile, "TemporaryFile", temporary_file)
    return lambda folder: blocked.append(Path(folder).resolve())


def test_every_tmp_path_holds_chinese_and_awkward_characters(tmp_path: Path) -> None:
    assert AWKWARD in str(tmp_path)


@pytest.mark.parametrize("name", ["数据中心", "a?b#c%20d", "100% 张老师's #1"])
def test_stats_and_store_under_awkward_names_stay_inside_the_folder(
    tmp_path: Path, name: str, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / name
    data_dir = _make_store(folder)
    assert data_dir.db_path.is_file()  # center.db inside the folder, not beside it at a cut-off "a"
    assert sorted(p.name for p in tmp_path.iterdir()) == [name]
    assert main(["--data-dir", str(folder), "stats", "--json"]) == 0
    assert main(["--data-dir", str(folder), "backup"]) == 0
    written = Path(capsys.readouterr().out.strip().splitlines()[-1])
    assert written.parent == folder.resolve() / "backups"
    assert main(["--data-dir", str(folder), "check"]) == 0


def test_migration_runs_under_an_awkward_path(tmp_path: Path) -> None:
    """Alembic's configparser must never see the percent-encoded path (ValueError: invalid interpolation)."""
    from alembic import command

    from center_app.db.session import Database

    data_dir = _make_store(tmp_path / "旧数据 100%")
    db = Database.for_file(data_dir.db_path)
    with db.engine.connect() as conn:
        command.downgrade(migrate.alembic_config(conn), "0001_initial")
        conn.commit()
    db.dispose()
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        assert ctx.migrated_from_backup and Path(ctx.migrated_from_backup).is_file()
    finally:
        ctx.close()


def test_data_dir_that_is_a_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "笔记.txt"
    blocker.write_text("x")
    for argv in (["stats"], ["backup"], ["import", "books", str(blocker)]):
        assert main(["--data-dir", str(blocker), *argv]) == 1
        message = capsys.readouterr().err
        assert "是一个文件，不是文件夹" in message
        assert "Errno" not in message and "Traceback" not in message


def test_stats_and_check_create_nothing_for_a_mistyped_path(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    typo = tmp_path / "数据中兴"
    assert main(["--data-dir", str(typo), "stats"]) == 1
    assert "不存在" in capsys.readouterr().err
    assert main(["--data-dir", str(typo), "check"]) == 1
    assert not typo.exists()


def test_stats_on_an_empty_folder_reads_zeros_and_writes_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "空"
    folder.mkdir()
    assert main(["--data-dir", str(folder), "stats", "--json"]) == 0
    assert '"children": 0' in capsys.readouterr().out
    assert list(folder.iterdir()) == []


def test_stats_reads_a_read_only_folder_without_writing(tmp_path: Path, read_only,
                                                        capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _make_store(tmp_path / "只读")
    before = sorted(p.name for p in data_dir.root.rglob("*"))
    read_only(data_dir.root)
    assert main(["--data-dir", str(data_dir.root), "stats", "--json"]) == 0
    assert '"children": 0' in capsys.readouterr().out
    after = sorted(p.name for p in data_dir.root.rglob("*"))
    # No lock, no log, no folder; SQLite's own -wal/-shm only where it can write them (a real read-only folder
    # is read without them).
    assert set(after) - set(before) <= {"center.db-wal", "center.db-shm"}


def test_writing_commands_on_a_read_only_folder(tmp_path: Path, read_only,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _make_store(tmp_path / "只读")
    read_only(data_dir.root)
    assert main(["--data-dir", str(data_dir.root), "backup"]) == 1
    message = capsys.readouterr().err
    assert "只读" in message and "Errno" not in message
    with pytest.raises(health.StoreProblem) as refused:
        open_store(data_dir, actor=Actor.command_line())
    assert refused.value.kind == health.READ_ONLY


def test_backup_to_a_read_only_usb_stick(tmp_path: Path, read_only,
                                         capsys: pytest.CaptureFixture[str]) -> None:
    data_dir = _make_store(tmp_path / "中心")
    usb = tmp_path / "U盘 (E:)"
    usb.mkdir()
    read_only(usb)
    assert main(["--data-dir", str(data_dir.root), "backup", "--to", str(usb)]) == 1
    message = capsys.readouterr().err
    assert "只读" in message and "写保护" in message
    assert list(usb.iterdir()) == []


def test_center_db_that_is_a_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    folder = tmp_path / "d"
    (folder / "center.db").mkdir(parents=True)
    assert main(["--data-dir", str(folder), "backup"]) == 1
    assert "是一个文件夹，不是数据库文件" in capsys.readouterr().err
    assert main(["--data-dir", str(folder), "stats"]) == 1
    assert "是一个文件夹" in capsys.readouterr().err


def test_a_database_from_a_newer_app_is_refused_without_copies(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data_dir = _make_store(tmp_path / "d")
    with sqlite3.connect(data_dir.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    for _attempt in range(3):
        with pytest.raises(health.StoreProblem) as refused:
            open_store(data_dir, actor=Actor.command_line())
        assert refused.value.kind == health.TOO_NEW
        assert "更新版本" in refused.value.message
    assert list(data_dir.backups.iterdir()) == []  # no before-migrate copy per attempt
    assert main(["--data-dir", str(data_dir.root), "check"]) == 1
    output = capsys.readouterr()
    assert "更新版本" in output.err and "自动升级" not in output.out + output.err
    assert main(["--data-dir", str(data_dir.root), "stats"]) == 1
    assert "更新版本" in capsys.readouterr().err


def test_known_revisions_are_alembics() -> None:
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(migrate.alembic_config())
    assert list(migrate.KNOWN_REVISIONS) == [r.revision for r in reversed(list(script.walk_revisions()))]
    assert migrate.KNOWN_REVISIONS[-1] == migrate.HEAD_REVISION


@pytest.mark.parametrize("damage", ["random bytes", "damaged pages"])
def test_check_reports_damage_in_chinese(tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]) -> None:
    from tests.demo_store import small_centre

    data_dir = small_centre(tmp_path / "d")
    if damage == "random bytes":
        data_dir.db_path.write_bytes(os.urandom(40_000))
    else:
        _damage_pages(data_dir.db_path)
    assert main(["--data-dir", str(data_dir.root), "check"]) == 1
    output = capsys.readouterr()
    assert "已损坏" in output.err and "从备份恢复" in output.err
    assert "Traceback" not in output.err and "UnicodeDecodeError" not in output.err


def test_check_survives_integrity_text_that_is_not_utf8(tmp_path: Path) -> None:
    """SQLite's integrity-check lines can quote damaged bytes; reading them must never raise."""
    conn = health.open_read_only(_make_store(tmp_path / "d").db_path)
    try:
        assert conn.execute("SELECT CAST(x'E5BCA0FF' AS TEXT)").fetchone()[0].startswith("张")
    finally:
        conn.close()


@pytest.mark.parametrize("damage", ["random bytes", "damaged pages"])
def test_restore_works_when_the_current_file_is_damaged(
    tmp_path: Path, damage: str, capsys: pytest.CaptureFixture[str]
) -> None:
    from tests.demo_store import small_centre

    data_dir = small_centre(tmp_path / "d")
    good = tmp_path / "U盘" / "好的备份.db"
    good.parent.mkdir()
    assert main(["--data-dir", str(data_dir.root), "backup", "--to", str(good.parent)]) == 0
    written = Path(capsys.readouterr().out.strip().splitlines()[-1])
    written.rename(good)
    if damage == "random bytes":
        data_dir.db_path.write_bytes(os.urandom(40_000))
    else:
        _damage_pages(data_dir.db_path)
    damaged_bytes = data_dir.db_path.read_bytes()
    assert main(["--data-dir", str(data_dir.root), "restore", str(good), "--yes"]) == 0
    assert "恢复完成" in capsys.readouterr().out
    assert main(["--data-dir", str(data_dir.root), "check"]) == 0
    kept = [p for p in data_dir.backups.iterdir() if p.name.startswith("center-before-restore")]
    assert len(kept) == 1 and kept[0].read_bytes() == damaged_bytes  # the damaged file was kept aside, whole


def test_audit_rows_written_after_a_backup_survive_restoring_it(tmp_path: Path) -> None:
    data_dir = _make_store(tmp_path / "d")
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        first = backup.backup_now(ctx)
        settings.save_centre(ctx, settings.CentreInfo("备份之后改的名字"))  # an audited change after the backup
    finally:
        ctx.close()
    result = backup.restore(data_dir, first.path, actor=Actor.command_line())
    assert result.audit_carried and result.audit_carried >= 1
    ctx = open_store(data_dir, actor=Actor.command_line())
    try:
        rows = audit_query.query(ctx, limit=200).rows
        assert any("备份之后改的名字" in r.summary + str(r.changes) for r in rows), [r.summary for r in rows]
        assert any(r.action == "restore" and "已保留" in r.summary for r in rows)  # says how many were carried
        assert settings.get_centre(ctx).name != "备份之后改的名字"  # the data itself is the backup's
    finally:
        ctx.close()


def test_safety_copies_are_rotated(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for day in range(1, 10):
        (folder / f"center-before-restore-202611{day:02d}-120000.db").write_bytes(b"x")
        (folder / f"center-before-migrate-0001_initial-202611{day:02d}-120000.db").write_bytes(b"x")
    (folder / "center-manual-20261101-120000.db").write_bytes(b"x")
    backup.prune_safety_copies(folder)
    names = sorted(p.name for p in folder.iterdir())
    assert len([n for n in names if "before-restore" in n]) == backup.KEEP_SAFETY_COPIES
    assert len([n for n in names if "before-migrate" in n]) == backup.KEEP_SAFETY_COPIES
    assert "center-before-restore-20261109-120000.db" in names  # the newest stay
    assert "center-manual-20261101-120000.db" in names  # manual copies are never touched
