"""The services behind the first-run wizard: the centre's address with the administrator, the backup folder every
automatic backup is copied to (a USB stick) and the schedule, and the demo centre in a folder of its own."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import replace
from pathlib import Path

import pytest
from sqlalchemy import func, select

from center_app.config import DataDir
from center_app.context import Actor, AppContext, open_store
from center_app.db.models import AuditLog, BookCopy, Child, User
from center_app.domain.errors import PermissionDenied, ValidationError
from center_app.services import accounts, backup, demo_folder, settings

PASSWORD = "guloucun8"


def count(ctx: AppContext, model: type) -> int:
    with ctx.db.read() as s:
        return int(s.scalar(select(func.count()).select_from(model)) or 0)


@pytest.fixture
def admin(nobody_ctx: AppContext) -> AppContext:
    """The centre just set up by the wizard: its administrator acting."""
    actor = accounts.set_up_centre(nobody_ctx, "lifang", "李芳", PASSWORD, centre_name="古楼村儿童之家")
    return replace(nobody_ctx, actor=actor)


# --- the centre with the administrator ---------------------------------------------------------------------------


def test_set_up_centre_saves_the_address_with_the_administrator(nobody_ctx: AppContext) -> None:
    accounts.set_up_centre(
        nobody_ctx, "lifang", "李芳", PASSWORD, centre_name="古楼村儿童之家", address="古楼村小学"
    )
    centre = settings.get_centre(nobody_ctx)
    assert (centre.name, centre.address) == ("古楼村儿童之家", "古楼村小学")


def test_a_bad_address_refuses_the_whole_set_up(nobody_ctx: AppContext) -> None:
    with pytest.raises(ValidationError, match="地址"):
        accounts.set_up_centre(
            nobody_ctx, "lifang", "李芳", PASSWORD, centre_name="古楼村", address="长" * 401
        )
    assert (count(nobody_ctx, User), count(nobody_ctx, AuditLog)) == (0, 0)


# --- the backup folder and the schedule ---------------------------------------------------------------------------


def test_the_backup_folder_is_saved_audited_and_cleared(admin: AppContext, tmp_path: Path) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    assert backup.get_backup_folder(admin) is None
    assert backup.set_backup_folder(admin, str(stick)) == stick.resolve()
    assert backup.get_backup_folder(admin) == stick.resolve()
    with admin.db.read() as s:
        entry = s.scalars(select(AuditLog).where(AuditLog.entity_id == backup.BACKUP_FOLDER_KEY)).one()
        assert entry.actor == "lifang"
    assert backup.set_backup_folder(admin, None) is None
    assert backup.get_backup_folder(admin) is None


def test_a_backup_folder_that_cannot_hold_backups_is_refused(admin: AppContext, tmp_path: Path) -> None:
    with pytest.raises(ValidationError, match="找不到文件夹"):
        backup.set_backup_folder(admin, tmp_path / "拔出的U盘")
    with pytest.raises(ValidationError, match="数据文件夹"):
        backup.set_backup_folder(admin, admin.data_dir.backups)
    with pytest.raises(ValidationError, match="完整的文件夹路径"):
        backup.set_backup_folder(admin, "U盘")
    if os.name == "posix" and os.geteuid() != 0:
        locked = tmp_path / "写保护"
        locked.mkdir()
        locked.chmod(0o500)
        try:
            with pytest.raises(ValidationError, match="只读"):
                backup.set_backup_folder(admin, locked)
        finally:
            locked.chmod(0o700)
    assert backup.get_backup_folder(admin) is None


def test_only_an_administrator_chooses_the_backup_folder(admin: AppContext, tmp_path: Path) -> None:
    with pytest.raises(PermissionDenied):
        backup.set_backup_folder(replace(admin, actor=Actor.nobody()), tmp_path)
    with pytest.raises(PermissionDenied):
        backup.backup_schedule(replace(admin, actor=Actor.nobody()))


def test_the_schedule_says_when_and_where(admin: AppContext, tmp_path: Path) -> None:
    now = dt.datetime(2026, 11, 29, 16, 30)
    schedule = backup.backup_schedule(admin, now)
    assert schedule.next_at_exit == dt.date(2026, 11, 29)
    assert (schedule.folder, schedule.folder_ready, schedule.last_automatic) == (None, False, None)
    assert (schedule.keep_daily, schedule.keep_weekly, schedule.keep_monthly) == (7, 4, 12)
    assert schedule.every == dt.timedelta(days=1)
    stick = tmp_path / "U盘"
    stick.mkdir()
    backup.set_backup_folder(admin, stick)
    backup.backup_at_exit(admin, now)
    schedule = backup.backup_schedule(admin, now)
    assert (schedule.folder, schedule.folder_ready) == (stick.resolve(), True)
    assert schedule.last_automatic == now
    stick.rename(tmp_path / "拔出")
    assert not backup.backup_schedule(admin, now).folder_ready


def test_automatic_backups_are_copied_to_the_backup_folder_while_it_is_there(
    admin: AppContext, tmp_path: Path
) -> None:
    stick = tmp_path / "U盘"
    stick.mkdir()
    backup.set_backup_folder(admin, stick)
    first = backup.backup_at_exit(admin, dt.datetime(2026, 11, 29, 17, 0))
    copies = sorted(p.name for p in stick.iterdir())
    assert copies == [first.path.name]
    assert backup.inspect_backup(stick / first.path.name).centre_name == "古楼村儿童之家"

    # The stick pulled out: the backup on this PC is written all the same, nothing raised.
    stick.rename(tmp_path / "拔出")
    second = backup.auto_backup_if_due(admin, dt.datetime(2026, 12, 1, 8, 0))
    assert second is not None and second.path.exists()

    # Plugged in again: copied, and the stick's automatic copies rotated by the same rule.
    (tmp_path / "拔出").rename(stick)
    for day in range(2, 20):
        backup.backup_at_exit(admin, dt.datetime(2026, 12, day, 17, 0))
    on_stick = [p for p in stick.iterdir() if p.suffix == ".db"]
    assert 7 <= len(on_stick) <= 7 + 4 + 12
    assert not any(p.name.endswith(".partial") for p in stick.iterdir())


# --- the demo centre in a folder of its own ---------------------------------------------------------------------


def test_the_demo_goes_into_a_folder_of_its_own(admin: AppContext) -> None:
    made = demo_folder.create_demo_folder(admin)
    assert made.created and made.root == admin.data_dir.root.parent / "data-demo"
    assert made.root != admin.data_dir.root
    # This centre: no demo data, no demo flag, its own administrator only.
    assert (count(admin, Child), count(admin, BookCopy)) == (0, 0)
    assert not accounts.is_demo_folder(admin)
    with admin.db.read() as s:
        assert s.scalars(select(AuditLog).where(AuditLog.entity == "demo")).one().actor == "lifang"
    # The demo folder signs its demo administrator in by itself.
    demo = open_store(DataDir(made.root))
    try:
        assert accounts.is_demo_folder(demo) and count(demo, Child) >= 100
        assert accounts.demo_sign_in(demo) is not None
    finally:
        demo.close()
    # Asked again: the same demo, as it is.
    again = demo_folder.create_demo_folder(admin)
    assert (again.root, again.created) == (made.root, False)


def test_a_folder_of_that_name_holding_anything_else_is_left_alone(admin: AppContext) -> None:
    taken = demo_folder.demo_folder_for(admin.data_dir)
    other = open_store(taken, actor=Actor.command_line())
    try:
        accounts.create_first_admin(other, "zhang", "张老师", PASSWORD)
    finally:
        other.close()
    made = demo_folder.create_demo_folder(admin)
    assert made.root == demo_folder.demo_folder_for(admin.data_dir, 2).root
    other = open_store(taken)
    try:
        assert not accounts.is_demo_folder(other) and count(other, Child) == 0
    finally:
        other.close()


def test_only_an_administrator_makes_a_demo_folder(admin: AppContext) -> None:
    with pytest.raises(PermissionDenied):
        demo_folder.create_demo_folder(replace(admin, actor=Actor.nobody()))
    assert not demo_folder.demo_folder_for(admin.data_dir).root.exists()
