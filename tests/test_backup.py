"""Backups, rotation, inspection and restore — on real SQLite files."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import sqlite3
from pathlib import Path

import pytest
from sqlalchemy import func, select

from center_app.config import DataDir
from center_app.context import Actor, AppContext
from center_app.db import migrate
from center_app.db.models import (
    Activity,
    AttendanceMark,
    AttendanceRegister,
    AuditLog,
    BookCopy,
    BookTitle,
    Child,
    EquipmentItem,
    Loan,
    Volunteer,
)
from center_app.db.session import Database
from center_app.domain.errors import DomainError, PermissionDenied
from center_app.services import backup, maintenance
from center_app.services.backup import (
    BackupCancelled,
    auto_backup_if_due,
    backup_at_exit,
    backup_now,
    inspect_backup,
    list_backups,
    restore,
    rotate,
    select_kept,
)
from center_app.services.backup import common as backup_common

SEEDED = {
    "children": 3,
    "titles": 1,
    "copies": 2,
    "loans": 1,
    "equipment_items": 1,
    "volunteers": 1,
    "activities": 1,
    "attendance_marks": 3,
}


def seed(ctx: AppContext) -> None:
    today = dt.date(2026, 3, 18)
    with ctx.db.session() as s:
        children = [Child(name=name) for name in ("王子涵", "李小红", "张伟")]
        title = BookTitle(title="西游记", author="吴承恩")
        s.add_all([*children, title])  # attendance code "P" comes with the initial migration
        s.flush()
        copies = [BookCopy(title_id=title.id, barcode=f"B000{i}") for i in (1, 2)]
        register = AttendanceRegister(on_date=today)
        s.add_all([*copies, register])
        s.flush()
        s.add(Loan(copy_id=copies[0].id, child_id=children[0].id, due_on=today + dt.timedelta(days=14)))
        s.add(EquipmentItem(name="跳绳", quantity_total=20))
        s.add(Volunteer(name="刘老师"))
        s.add(Activity(title="阅读课", on_date=today))
        s.add_all(AttendanceMark(register_id=register.id, child_id=c.id, code="P") for c in children)


def counts(db: Database) -> dict[str, int]:
    models = {
        "children": Child,
        "titles": BookTitle,
        "copies": BookCopy,
        "loans": Loan,
        "equipment_items": EquipmentItem,
        "volunteers": Volunteer,
        "activities": Activity,
        "attendance_marks": AttendanceMark,
    }
    with db.read() as s:
        return {key: s.scalar(select(func.count()).select_from(model)) for key, model in models.items()}


def audit_actions(db: Database) -> list[str]:
    with db.read() as s:
        return list(s.scalars(select(AuditLog.action).order_by(AuditLog.id)))


def files_in(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir()) if folder.exists() else []


@pytest.fixture
def seeded(ctx: AppContext) -> AppContext:
    seed(ctx)
    return ctx


# --- backing up ------------------------------------------------------------------------------------------------


def test_backup_now_writes_a_verified_self_contained_copy(seeded: AppContext) -> None:
    percents: list[int] = []
    info = backup_now(seeded, progress=percents.append)
    assert info.kind == "manual" and info.kind_label == "手动备份"
    assert info.path.parent == seeded.data_dir.backups
    assert info.path.name.startswith("center-manual-") and info.path.suffix == ".db"
    assert info.size == info.path.stat().st_size > 0
    assert percents[-1] == 100 and percents == sorted(percents)

    summary = inspect_backup(info.path)  # refuses a file that fails SQLite's integrity check
    assert summary.counts == SEEDED
    assert summary.revision == migrate.HEAD_REVISION and summary.is_current_schema
    # A rollback-journal file: reading it (e.g. from a USB stick) leaves nothing beside it.
    assert files_in(seeded.data_dir.backups) == [info.path.name]
    assert "backup" in audit_actions(seeded.db)
    assert list_backups(seeded.data_dir) == [info]


def test_backup_to_a_chosen_folder(seeded: AppContext, tmp_path: Path) -> None:
    usb = tmp_path / "usb"
    usb.mkdir()
    info = backup_now(seeded, usb)
    assert info.path.parent == usb
    assert inspect_backup(info.path).counts == SEEDED
    assert files_in(seeded.data_dir.backups) == []
    with pytest.raises(DomainError, match="找不到目标文件夹"):
        backup_now(seeded, tmp_path / "pulled-out")


def test_backup_during_an_open_write_transaction_is_consistent(seeded: AppContext) -> None:
    other = Database.for_file(seeded.data_dir.db_path)
    writing = other.session()
    session = writing.__enter__()
    session.add(Child(name="未提交"))
    session.flush()  # BEGIN IMMEDIATE: the other connection now holds the write lock, uncommitted

    def commit_when_copied(percent: int) -> None:
        # Called with 100 once the copy is published, before its audit record needs the write lock.
        if percent == 100:
            writing.__exit__(None, None, None)

    try:
        info = backup_now(seeded, progress=commit_when_copied)
    finally:
        other.dispose()
    assert inspect_backup(info.path).counts["children"] == 3  # the snapshot before the uncommitted row
    assert counts(seeded.db)["children"] == 4
    assert "backup" in audit_actions(seeded.db)


def test_two_backups_in_one_second_and_the_later_one_wins_rotation(seeded: AppContext) -> None:
    now = dt.datetime(2026, 3, 18, 17, 30, 0)
    first = backup_at_exit(seeded, now)
    second = backup_at_exit(seeded, now)
    assert first.path.name == "center-20260318-173000.db"
    assert second.path.name == "center-20260318-173000-2.db"
    # Same day: rotation keeps only the newer one.
    assert files_in(seeded.data_dir.backups) == [second.path.name]


def test_failed_verification_deletes_the_copy(seeded: AppContext, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(backup_common, "copy_problems", lambda _path, _required: ["完整性检查未通过：测试"])
    with pytest.raises(DomainError, match="^备份校验失败"):
        backup_now(seeded)
    assert files_in(seeded.data_dir.backups) == []
    assert "backup" not in audit_actions(seeded.db)


@pytest.mark.parametrize("cancel_after_checks", [0, 1, 2])
def test_cancel_leaves_no_file(seeded: AppContext, tmp_path: Path, cancel_after_checks: int) -> None:
    checks = 0

    def cancel() -> bool:
        nonlocal checks
        checks += 1
        return checks > cancel_after_checks

    usb = tmp_path / "usb"
    usb.mkdir()
    with pytest.raises(BackupCancelled) as cancelled:
        backup_now(seeded, usb, cancel=cancel)
    assert cancelled.value.message == "备份已取消。"
    assert files_in(usb) == []
    assert "backup" not in audit_actions(seeded.db)


def test_backup_of_a_missing_database_is_refused(tmp_path: Path) -> None:
    data_dir = DataDir(tmp_path / "fresh").ensure()
    ctx = AppContext(data_dir=data_dir, db=Database.for_file(data_dir.db_path), actor=Actor.command_line())
    try:
        with pytest.raises(DomainError, match="找不到数据库文件"):
            backup_now(ctx)
        assert files_in(data_dir.backups) == []
        assert not data_dir.db_path.exists()  # not created as a side effect
    finally:
        ctx.close()


# --- automatic backups and rotation ------------------------------------------------------------------------------


def test_auto_backup_once_a_day(seeded: AppContext) -> None:
    morning = dt.datetime(2026, 3, 18, 8, 0)
    first = auto_backup_if_due(seeded, morning)
    assert first is not None and first.kind == "auto"
    assert auto_backup_if_due(seeded, morning + dt.timedelta(hours=9)) is None
    later = auto_backup_if_due(seeded, morning + dt.timedelta(days=1, minutes=1))
    assert later is not None
    assert [b.path for b in list_backups(seeded.data_dir)] == [later.path, first.path]
    # Manual backups don't count as automatic ones.
    backup_now(seeded)
    assert auto_backup_if_due(seeded, morning + dt.timedelta(days=3)) is not None


def test_auto_backup_when_the_clock_went_backwards(seeded: AppContext) -> None:
    assert auto_backup_if_due(seeded, dt.datetime(2026, 3, 18, 8, 0)) is not None
    # CMOS battery flat after a power cut: the PC thinks it is 2009. Still back up.
    assert auto_backup_if_due(seeded, dt.datetime(2009, 1, 1, 0, 5)) is not None


NOW = dt.datetime(2026, 3, 18, 12, 0)  # a Wednesday
KEPT_DAYS = {
    # daily: the last 7 days
    *(dt.date(2026, 3, d) for d in range(12, 19)),
    # weekly: newest of this ISO week (the 18th, already daily) and of the three before (Sundays)
    dt.date(2026, 3, 8),
    dt.date(2026, 3, 1),
    # monthly: newest of this month (the 18th) and of the eleven before
    dt.date(2026, 2, 28),
    dt.date(2026, 1, 31),
    dt.date(2025, 12, 31),
    dt.date(2025, 11, 30),
    dt.date(2025, 10, 31),
    dt.date(2025, 9, 30),
    dt.date(2025, 8, 31),
    dt.date(2025, 7, 31),
    dt.date(2025, 6, 30),
    dt.date(2025, 5, 31),
    dt.date(2025, 4, 30),
}


def four_hundred_days() -> list[tuple[str, dt.datetime]]:
    days = [NOW.date() - dt.timedelta(days=i) for i in range(400)]
    return [(f"center-{d:%Y%m%d}-090000.db", dt.datetime.combine(d, dt.time(9, 0))) for d in days]


def test_select_kept_for_400_days_of_daily_backups() -> None:
    files = four_hundred_days()
    kept = select_kept(files, NOW)
    assert len(KEPT_DAYS) == 20
    assert kept == {name for name, t in files if t.date() in KEPT_DAYS}


def test_select_kept_newest_per_day_gaps_and_future_files() -> None:
    files = [
        ("a-morning", dt.datetime(2026, 3, 18, 8)),
        ("a-evening", dt.datetime(2026, 3, 18, 18)),
        ("future", dt.datetime(2031, 1, 1)),  # clock was wrong when this was named
        # A summer closure: only two older days, months apart; both stay among "the last 7 days that have one".
        ("july", dt.datetime(2025, 7, 10)),
        ("june", dt.datetime(2025, 6, 10)),
    ]
    assert select_kept(files, dt.datetime(2026, 3, 18, 20)) == {"a-evening", "future", "july", "june"}
    assert select_kept([], NOW) == set()


def test_rotate_deletes_only_old_automatic_backups(tmp_path: Path) -> None:
    folder = tmp_path / "backups"
    folder.mkdir()
    for name, _t in four_hundred_days():
        (folder / name).write_bytes(b"")
    protected = [
        "center-before-migrate-0001_initial-20240101-120000.db",
        "center-before-restore-20240101-120000.db",
        "center-manual-20240101-120000.db",
        "我的备份.db",
        "center-20241399-120000.db",  # not a real date: not ours to delete
        "notes.txt",
    ]
    for name in protected:
        (folder / name).write_bytes(b"")
    stale = folder / "center-20260101-090000.db.partial"
    stale.write_bytes(b"half")
    old = (NOW - dt.timedelta(days=1)).timestamp()
    os.utime(stale, (old, old))
    fresh = folder / "center-20260318-120000.db.partial"  # a copy being written right now
    fresh.write_bytes(b"")
    os.utime(fresh, (NOW.timestamp(), NOW.timestamp()))

    deleted = rotate(folder, NOW)

    assert len(deleted) == 380 + 1
    expected_autos = {f"center-{d:%Y%m%d}-090000.db" for d in KEPT_DAYS}
    assert set(files_in(folder)) == expected_autos | set(protected) | {fresh.name}
    assert rotate(folder, NOW) == []  # stable


# --- listing and inspecting -------------------------------------------------------------------------------------


def test_list_backups_kinds_dates_and_order(data_dir: DataDir) -> None:
    folder = data_dir.backups
    names = {
        "center-20260318-090000.db": "auto",
        "center-20260318-090000-2.db": "auto",
        "center-manual-20260317-100000.db": "manual",
        "center-before-migrate-0001_initial-20260316-100000.db": "before-migrate",
        "center-before-restore-20260315-100000.db": "before-restore",
        "拷贝.db": "manual",
    }
    for name in names:
        (folder / name).write_bytes(b"x" * 10)
    (folder / "center-20260319-090000.db.partial").write_bytes(b"")
    when = dt.datetime(2026, 3, 1, 7, 0)
    os.utime(folder / "拷贝.db", (when.timestamp(), when.timestamp()))

    listed = list_backups(data_dir)
    assert [b.path.name for b in listed] == [
        "center-20260318-090000-2.db",
        "center-20260318-090000.db",
        "center-manual-20260317-100000.db",
        "center-before-migrate-0001_initial-20260316-100000.db",
        "center-before-restore-20260315-100000.db",
        "拷贝.db",
    ]
    assert {b.path.name: b.kind for b in listed} == names
    assert listed[0].created == dt.datetime(2026, 3, 18, 9, 0)
    assert listed[-1].created == when  # no date in the name: the file's mtime
    assert all(b.size == 10 for b in listed)


def _non_app_db(path: Path) -> None:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE photos (id INTEGER PRIMARY KEY, name TEXT)")
    conn.execute("INSERT INTO photos (name) VALUES ('x')")
    conn.commit()
    conn.close()


def _app_db_without_version(path: Path, good: Path) -> None:
    path.write_bytes(good.read_bytes())
    conn = sqlite3.connect(path)
    conn.execute("DELETE FROM alembic_version")
    conn.commit()
    conn.close()


def _corrupt_pages(path: Path, good: Path) -> None:
    data = bytearray(good.read_bytes())
    page = int.from_bytes(data[16:18], "big")
    data[page : len(data) - page] = b"\xff" * (len(data) - 2 * page)
    path.write_bytes(bytes(data))


INVALID_FILES = {
    "random": (lambda p, _g: p.write_bytes(os.urandom(8192)), "这不是 SQLite 数据库文件"),
    "empty": (lambda p, _g: p.write_bytes(b""), "文件是空的"),
    "non-app sqlite": (lambda p, _g: _non_app_db(p), "这不是本程序的数据库"),
    "truncated": (lambda p, g: p.write_bytes(g.read_bytes()[: g.stat().st_size // 2]), "文件不完整"),
    "corrupted": (_corrupt_pages, "文件已损坏"),
    "no version": (_app_db_without_version, "缺少数据库版本信息"),
    "missing": (lambda _p, _g: None, "找不到文件"),
}


@pytest.mark.parametrize("kind", list(INVALID_FILES))
def test_invalid_files_are_refused_and_nothing_changes(seeded: AppContext, tmp_path: Path, kind: str) -> None:
    make, reason = INVALID_FILES[kind]
    good = backup_now(seeded, tmp_path).path
    bad = tmp_path / "bad.db"
    make(bad, good)
    before = counts(seeded.db)
    backups_before = files_in(seeded.data_dir.backups)

    with pytest.raises(DomainError) as refused:
        inspect_backup(bad)
    assert refused.value.message.startswith("不是有效的备份文件：")
    assert reason in refused.value.message

    with pytest.raises(DomainError, match="^不是有效的备份文件："):
        restore(seeded, bad)
    assert counts(seeded.db) == before
    assert files_in(seeded.data_dir.backups) == backups_before  # no before-restore copy either
    assert not (seeded.data_dir.root / backup.RESTORE_TEMP_NAME).exists()


def test_check_reports_records_pointing_nowhere(seeded: AppContext, tmp_path: Path) -> None:
    """``check`` (services.maintenance) is the one integrity report; a file that passes SQLite's integrity check but
    holds a loan of a child who is gone (foreign keys are off on a plain connection) is reported too."""
    assert maintenance.check(seeded.data_dir).ok
    orphaned = DataDir(tmp_path / "orphaned").ensure()
    shutil.copyfile(backup_now(seeded, tmp_path).path, orphaned.db_path)
    conn = sqlite3.connect(orphaned.db_path)
    conn.execute("UPDATE loan SET child_id = 999")
    conn.commit()
    conn.close()
    report = maintenance.check(orphaned)
    assert report.problems == ["有 1 条记录引用了不存在的记录（表：loan）。"]


# --- restore ------------------------------------------------------------------------------------------------------


def test_restore_round_trip(seeded: AppContext) -> None:
    saved = backup_now(seeded)
    with seeded.db.session() as s:
        s.add(Child(name="新来的"))
        s.delete(s.scalars(select(Volunteer)).one())
    changed = counts(seeded.db)
    assert changed != SEEDED

    percents: list[int] = []
    result = restore(seeded, saved.path, progress=percents.append)

    assert counts(seeded.db) == SEEDED == result.summary.counts
    assert result.migrated_from is None
    assert percents[0] == 0 and percents[-1] == 100 and percents == sorted(percents)
    # The data as it was just before the restore was kept, and is itself a valid backup.
    assert result.safety_copy is not None and result.safety_copy.name.startswith("center-before-restore-")
    assert inspect_backup(result.safety_copy).counts == changed
    assert [b.kind for b in list_backups(seeded.data_dir)].count("before-restore") == 1
    # Audited in the restored database, which the app keeps using.
    assert audit_actions(seeded.db)[-1] == "restore"
    root_files = files_in(seeded.data_dir.root)
    assert backup.RESTORE_TEMP_NAME not in root_files
    with seeded.db.session() as s:
        s.add(Child(name="恢复后"))
    assert counts(seeded.db)["children"] == SEEDED["children"] + 1
    assert maintenance.check(seeded.data_dir).ok


def test_restore_onto_a_new_pc(seeded: AppContext, tmp_path: Path) -> None:
    saved = backup_now(seeded, tmp_path).path
    new_pc = DataDir(tmp_path / "new-pc")
    result = restore(new_pc, saved, actor=Actor.command_line())  # no context to take an actor from
    assert result.safety_copy is None
    db = Database.for_file(new_pc.db_path)
    try:
        assert counts(db) == SEEDED
        assert audit_actions(db)[-1] == "restore"
    finally:
        db.dispose()


def test_restore_refuses_a_backup_from_a_newer_app(seeded: AppContext, tmp_path: Path) -> None:
    future = backup_now(seeded, tmp_path).path
    conn = sqlite3.connect(future)
    conn.execute("UPDATE alembic_version SET version_num = '0099_from_the_future'")
    conn.commit()
    conn.close()
    assert inspect_backup(future).revision == "0099_from_the_future"
    with pytest.raises(DomainError, match="更新版本的程序"):
        restore(seeded, future)
    assert counts(seeded.db) == SEEDED
    assert files_in(seeded.data_dir.backups) == []


def test_restore_refused_while_the_database_is_still_open(seeded: AppContext, tmp_path: Path) -> None:
    saved = backup_now(seeded, tmp_path).path
    with seeded.db.session() as s:
        s.add(Child(name="当前"))
    elsewhere = Database.for_file(seeded.data_dir.db_path)  # e.g. a CLI command left running
    try:
        assert counts(elsewhere)["children"] == 4
        with pytest.raises(DomainError, match="还在被使用"):
            restore(seeded, saved)
        assert counts(elsewhere)["children"] == 4
        assert not (seeded.data_dir.root / backup.RESTORE_TEMP_NAME).exists()
    finally:
        elsewhere.dispose()
    assert counts(seeded.db)["children"] == 4
    # Once the other connection is gone, the same restore works.
    restore(seeded, saved)
    assert counts(seeded.db)["children"] == 3


def test_restore_over_a_damaged_database_keeps_its_raw_bytes(seeded: AppContext, tmp_path: Path) -> None:
    saved = backup_now(seeded, tmp_path).path
    seeded.db.dispose()
    db_path = seeded.data_dir.db_path
    damaged = b"SQLite format 3\x00" + os.urandom(8192)
    db_path.write_bytes(damaged)
    for suffix in ("-wal", "-shm"):
        Path(str(db_path) + suffix).unlink(missing_ok=True)

    result = restore(seeded, saved)

    assert counts(seeded.db) == SEEDED
    assert result.safety_copy is not None and result.safety_copy.read_bytes() == damaged


def _with_revision(path: Path, revision: str) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = ?", (revision,))
    conn.commit()
    conn.close()
    return path


def _downgraded(path: Path, revision: str) -> Path:
    """The backup file as an older app version would have written it: really migrated down to ``revision``."""
    from alembic import command

    db = Database.for_file(path)
    try:
        with db.engine.connect() as conn:
            command.downgrade(migrate.alembic_config(conn), revision)
            conn.commit()
    finally:
        db.dispose()
    return path


def test_restore_of_an_older_backup_runs_the_migrations(seeded: AppContext, tmp_path: Path) -> None:
    oldest = migrate.KNOWN_REVISIONS[0]
    older = _downgraded(backup_now(seeded, tmp_path).path, oldest)
    result = restore(seeded, older)
    assert result.migrated_from == oldest
    with seeded.db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION
    assert counts(seeded.db) == SEEDED
    assert audit_actions(seeded.db)[-1] == "restore"
    # The restored file was upgraded by the real migrations, after a safety copy of it.
    assert list(seeded.data_dir.backups.glob(f"center-before-migrate-{oldest}-*.db"))


def test_restore_reports_a_failed_migration(seeded: AppContext, tmp_path: Path) -> None:
    older = _downgraded(backup_now(seeded, tmp_path).path, migrate.KNOWN_REVISIONS[0])
    with sqlite3.connect(older) as conn:
        # Two accounts differing only in case were allowed before 0002, whose unique index then refuses them.
        conn.execute(
            "INSERT INTO user_account (username, display_name, role, password_hash, active, must_change_password, "
            "failed_attempts, created_at, updated_at) VALUES "
            "('LiFang', '李芳', 'staff', '', 1, 0, 0, '2026-01-01', '2026-01-01'), "
            "('lifang', '李芳', 'staff', '', 1, 0, 0, '2026-01-01', '2026-01-01')"
        )
    with pytest.raises(
        DomainError, match="^备份已恢复，但升级数据库结构失败。恢复前的数据保存在 .*center-before-restore-"
    ):
        restore(seeded, older)


def test_only_the_administrator_backs_up_or_restores(seeded: AppContext, tmp_path: Path) -> None:
    saved = backup_now(seeded, tmp_path).path
    seeded.actor = Actor(username="teacher1", role="teacher")
    with pytest.raises(PermissionDenied):
        backup_now(seeded)
    with pytest.raises(PermissionDenied):
        restore(seeded, saved)
    assert files_in(seeded.data_dir.backups) == []
    # Automatic backups run whoever is signed in.
    assert backup_at_exit(seeded) is not None
