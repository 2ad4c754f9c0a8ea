"""The schema comes only from migrations, and the ORM models agree with them."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import inspect

from center_app.config import DataDir
from center_app.context import open_store
from center_app.db import migrate
from center_app.db.models import Base
from center_app.db.session import Database


def test_head_constant_matches_alembic() -> None:
    assert migrate.alembic_head() == migrate.HEAD_REVISION


def test_empty_to_head_creates_every_table(ctx) -> None:
    tables = set(inspect(ctx.db.engine).get_table_names())
    assert set(Base.metadata.tables) <= tables
    with ctx.db.engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.HEAD_REVISION


def test_models_and_migrations_agree(ctx) -> None:
    with ctx.db.engine.connect() as conn:
        mc = MigrationContext.configure(conn, opts={"compare_type": True})
        diff = compare_metadata(mc, Base.metadata)
    assert diff == []


def test_downgrade_to_base_and_up_again(ctx) -> None:
    with ctx.db.engine.connect() as conn:
        command.downgrade(migrate.alembic_config(conn), "base")
        conn.commit()
        assert "child" not in inspect(conn).get_table_names()
        command.upgrade(migrate.alembic_config(conn), "head")
        conn.commit()
        assert "child" in inspect(conn).get_table_names()


def test_seeded_attendance_codes_and_loan_rules(ctx) -> None:
    with ctx.db.engine.connect() as conn:
        codes = dict(conn.exec_driver_sql("SELECT code, label FROM attendance_code").fetchall())
        rules = conn.exec_driver_sql("SELECT count(*) FROM loan_rule").scalar()
    assert codes == {"P": "出勤", "A": "缺勤", "L": "迟到", "E": "请假"}
    assert rules >= 1


def test_reopening_at_head_makes_no_copy(data_dir: DataDir) -> None:
    open_store(data_dir).close()
    again = open_store(data_dir)
    again.close()
    assert again.migrated_from_backup is None
    assert list(data_dir.backups.iterdir()) == []


def test_file_is_copied_aside_before_migrating_and_survives_a_failed_migration(data_dir: DataDir) -> None:
    db = Database.for_file(data_dir.db_path)
    with db.engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001_initial")
        conn.commit()
        conn.exec_driver_sql("INSERT INTO centre (name, address, phone, contact_person, created_at, updated_at) "
                             "VALUES ('古楼村', '', '', '', '2026-01-01', '2026-01-01')")
        # "LiFang" and "lifang" were two accounts under 0001; 0002's case-insensitive unique index refuses them,
        # so the upgrade fails *after* the copy.
        for name in ("LiFang", "lifang"):
            conn.exec_driver_sql(
                "INSERT INTO user_account (username, display_name, role, password_hash, active, "
                "must_change_password, failed_attempts, created_at, updated_at) "
                f"VALUES ('{name}', '李芳', 'staff', '', 1, 0, 0, '2026-01-01', '2026-01-01')"
            )
        conn.commit()
    with pytest.raises(Exception):  # noqa: B017 - the database's own IntegrityError, raised by the migration
        migrate.upgrade(db.engine, db_path=data_dir.db_path, backups_dir=data_dir.backups)
    db.dispose()
    copies = list(data_dir.backups.glob("center-before-migrate-0001_initial-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT name FROM centre").fetchone() == ("古楼村",)
    with sqlite3.connect(data_dir.db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)


def test_a_database_from_a_newer_app_is_refused_before_any_copy(data_dir: DataDir) -> None:
    from center_app.db.health import TOO_NEW, StoreProblem

    open_store(data_dir).close()
    with sqlite3.connect(data_dir.db_path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = 'from_the_future'")
    db = Database.for_file(data_dir.db_path)
    with pytest.raises(StoreProblem) as refused:
        migrate.upgrade(db.engine, db_path=data_dir.db_path, backups_dir=data_dir.backups)
    db.dispose()
    assert refused.value.kind == TOO_NEW
    assert not list(data_dir.backups.glob("*.db"))


def test_upgrade_from_0001_keeps_data_and_copies_the_file_aside(data_dir: DataDir) -> None:
    db = Database.for_file(data_dir.db_path)
    with db.engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0001_initial")
        conn.commit()
        conn.exec_driver_sql("INSERT INTO centre (name, address, phone, contact_person, created_at, updated_at) "
                             "VALUES ('古楼村', '', '', '', '2026-01-01', '2026-01-01')")
        conn.commit()
    db.dispose()
    ctx = open_store(data_dir)  # what start-up does
    try:
        assert ctx.migrated_from_backup is not None
        with ctx.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            assert conn.exec_driver_sql("SELECT name FROM centre").scalar() == "古楼村"
    finally:
        ctx.close()
    copy = Path(ctx.migrated_from_backup)
    assert copy.name.startswith("center-before-migrate-0001_initial-")
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001_initial",)


def test_the_database_allows_one_open_loan_per_copy(ctx) -> None:
    import datetime as dt

    from sqlalchemy.exc import IntegrityError

    from center_app.db.models import BookCopy, BookTitle, Child, Loan

    with ctx.db.session() as s:
        title = BookTitle(title="西游记")
        kid_a, kid_b = Child(name="王子涵"), Child(name="李明")
        s.add_all([title, kid_a, kid_b])
        s.flush()
        copy = BookCopy(title_id=title.id, barcode="T0000001")
        s.add(copy)
        s.flush()
        s.add(Loan(copy_id=copy.id, child_id=kid_a.id, due_on=dt.date(2026, 12, 1)))
        copy_id, kid_b_id = copy.id, kid_b.id
    with pytest.raises(IntegrityError), ctx.db.session() as s:
        s.add(Loan(copy_id=copy_id, child_id=kid_b_id, due_on=dt.date(2026, 12, 1)))
    with ctx.db.session() as s:  # a returned loan does not count
        s.add(Loan(copy_id=copy_id, child_id=kid_b_id, due_on=dt.date(2026, 12, 1),
                   returned_at=dt.datetime(2026, 11, 20)))


def test_usernames_are_unique_regardless_of_case(ctx) -> None:
    from sqlalchemy.exc import IntegrityError

    from center_app.db.models import User

    with ctx.db.session() as s:
        s.add(User(username="LiFang", display_name="李芳", role="staff"))
    with pytest.raises(IntegrityError), ctx.db.session() as s:
        s.add(User(username="lifang", display_name="李芳2", role="staff"))


def test_a_0003_file_with_demo_equipment_upgrades(data_dir: DataDir) -> None:
    """Equipment as the demo generator wrote it under 0003 (categories, retired items, units, loans, incidents,
    a stocktake) comes through 0004 with the values the equipment service uses."""
    db = Database.for_file(data_dir.db_path)
    with db.engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0003_import_file_hash")
        conn.commit()
        stamp = "'2026-09-01 10:00:00'"
        for item_id, name, category, status in (
            (1, "计数跳绳", "sports", "in_use"),
            (2, "旧风琴", "", "retired"),
            (3, "平板电脑", "electronics", "in_use"),
            (4, "不知道", "toys", "in_use"),
        ):
            conn.exec_driver_sql(
                "INSERT INTO equipment_item (id, name, name_pinyin, name_initials, category, tracking, consumable, "
                "barcode, quantity_total, unit, location, batch_id, value_fen, status, notes, created_at, updated_at) "
                f"VALUES ({item_id}, '{name}', '', '', '{category}', "
                f"'{'individual' if item_id == 3 else 'quantity'}', 0, NULL, 20, '个', '器材室A柜', NULL, 1900, "
                f"'{status}', '', {stamp}, {stamp})"
            )
        for unit_id, status in ((1, "on_loan"), (2, "damaged")):
            conn.exec_driver_sql(
                "INSERT INTO equipment_unit (id, item_id, barcode, status, notes, created_at, updated_at) "
                f"VALUES ({unit_id}, 3, 'E{unit_id:06d}', '{status}', '', {stamp}, {stamp})"
            )
        conn.exec_driver_sql(
            "INSERT INTO equipment_loan (id, item_id, unit_id, quantity, borrower_kind, borrower_label, lent_at, "
            f"due_at, returned_at, returned_quantity, notes) VALUES (1, 3, 1, 1, 'volunteer', '周老师', {stamp}, "
            f"{stamp}, NULL, 0, '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO equipment_loan (id, item_id, unit_id, quantity, borrower_kind, borrower_label, lent_at, "
            f"due_at, returned_at, returned_quantity, notes) VALUES (2, 1, NULL, 10, 'class', '三年级', {stamp}, "
            f"{stamp}, {stamp}, 9, '归还时少了1个')"
        )
        for kind in ("lost", "damaged", "stock_in"):
            conn.exec_driver_sql(
                "INSERT INTO equipment_incident (item_id, unit_id, loan_id, kind, quantity, occurred_on, note) "
                f"VALUES (1, NULL, 2, '{kind}', 1, '2026-09-01', '')"
            )
        conn.exec_driver_sql(
            "INSERT INTO stocktake (id, scope, started_at, status, note) VALUES (1, 'equipment', "
            f"{stamp}, 'open', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO stocktake_line (stocktake_id, item_id, expected_qty, counted_qty, note) "
            "VALUES (1, 1, 20, 18, '')"
        )
        conn.commit()
    db.dispose()
    ctx = open_store(data_dir)  # what start-up does
    try:
        with ctx.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            items = conn.exec_driver_sql(
                "SELECT id, category, condition, status, quantity_damaged, quantity_repair, photo_path "
                "FROM equipment_item ORDER BY id"
            ).fetchall()
            assert items == [
                (1, "sports", "good", "in_use", 0, 0, ""),
                (2, "other", "scrapped", "retired", 0, 0, ""),
                (3, "electronics", "good", "in_use", 0, 0, ""),
                (4, "other", "good", "in_use", 0, 0, ""),
            ]
            incidents = dict(conn.exec_driver_sql("SELECT kind, resolved FROM equipment_incident").fetchall())
            assert incidents == {"lost": 1, "damaged": 0, "stock_in": 0}
            line = conn.exec_driver_sql("SELECT barcode, location, counted_at FROM stocktake_line").one()
            assert tuple(line) == ("", "", None)
            assert conn.exec_driver_sql("SELECT filter_kind FROM stocktake").scalar() == "all"
            # One open loan per unit, from now on guaranteed by the database.
            with pytest.raises(Exception):  # noqa: B017 - the database's own IntegrityError
                conn.exec_driver_sql(
                    "INSERT INTO equipment_loan (item_id, unit_id, quantity, borrower_kind, borrower_label, "
                    f"lent_at, returned_quantity, notes) VALUES (3, 1, 1, 'child', '王子涵', {stamp}, 0, '')"
                )
    finally:
        ctx.close()


def test_a_0004_file_with_demo_volunteers_upgrades(data_dir: DataDir) -> None:
    """Volunteers, a programme with a session, an activity held in it, hours and a certificate as the demo wrote
    them under 0004 come through 0005: nothing lost, the activity still points at its session (no table with
    children is rebuilt), the programme gets its kind's periods, the certificate a number and its facts."""
    db = Database.for_file(data_dir.db_path)
    stamp = "'2026-07-01 10:00:00'"
    with db.engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0004_equipment")
        conn.commit()
        conn.exec_driver_sql(
            "INSERT INTO centre (name, address, phone, contact_person, created_at, updated_at) "
            f"VALUES ('古楼村儿童之家', '', '', '', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO volunteer (id, name, name_pinyin, name_initials, gender, phone, organisation, kind, "
            "id_number, subjects, start_on, end_on, active, notes, created_at, updated_at) VALUES (1, '韦小宝', "
            "'', '', 'male', '', '广西师范大学', 'student', '', '阅读', '2026-07-01', '2026-07-28', 1, '', "
            f"{stamp}, {stamp})"
        )
        conn.exec_driver_sql("INSERT INTO room (id, name, capacity) VALUES (1, '阅览室', 30)")
        conn.exec_driver_sql(
            "INSERT INTO timetable (id, name, kind, starts_on, ends_on, created_at, updated_at) VALUES "
            f"(1, '2026年暑期', 'summer', '2026-07-01', '2026-07-28', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO timetable_slot (id, timetable_id, weekday, start_time, end_time, course, kind, room_id, "
            "volunteer_id, target_group) VALUES (1, 1, 3, '08:30:00', '10:00:00', '绘本共读', 'reading', 1, 1, "
            "'1-3年级')"
        )
        conn.exec_driver_sql(
            "INSERT INTO activity (id, title, kind, on_date, start_time, end_time, room_id, slot_id, description, "
            f"outcome, created_at, updated_at) VALUES (1, '绘本共读', 'reading', '2026-07-01', '08:30:00', "
            f"'10:00:00', 1, 1, '', '', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO service_hours (volunteer_id, activity_id, on_date, minutes, description, status, "
            f"created_at, updated_at) VALUES (1, 1, '2026-07-01', 90, '绘本共读', 'approved', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO certificate (volunteer_id, issued_on, period_from, period_to, minutes, "
            "verification_code) VALUES (1, '2026-08-10', '2026-07-01', '2026-07-28', 90, 'GL2026-00001-ABCDEF')"
        )
        conn.commit()
    db.dispose()
    ctx = open_store(data_dir)
    try:
        with ctx.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            assert conn.exec_driver_sql("SELECT slot_id FROM activity").scalar() == 1
            assert conn.exec_driver_sql("SELECT skills, name FROM volunteer").one() == ("", "韦小宝")
            hours = conn.exec_driver_sql("SELECT source, minutes, activity_id FROM service_hours").one()
            assert tuple(hours) == ("planned", 90, 1)
            cert = conn.exec_driver_sql(
                "SELECT number, centre_name, volunteer_name, organisation, minutes FROM certificate"
            ).one()
            assert tuple(cert) == ("2026-0001", "古楼村儿童之家", "韦小宝", "广西师范大学", 90)
            periods = conn.exec_driver_sql(
                "SELECT number, label, start_time FROM timetable_period WHERE timetable_id = 1 ORDER BY number"
            ).fetchall()
            assert [p[0] for p in periods] == [1, 2, 3, 4] and periods[0][1] == "上午一"
            slot = conn.exec_driver_sql("SELECT on_date, override_reason, volunteer_id FROM timetable_slot").one()
            assert tuple(slot) == (None, "", 1)
    finally:
        ctx.close()


def test_a_0005_file_with_demo_activities_upgrades(data_dir: DataDir) -> None:
    """Activities as the demo wrote them under 0005 — one held as a timetable session (twice, by mistake), one
    without, a photo — and children come through 0006: the session's activity gets the occurrence's date (the first
    of the two keeps it), the photo is kept but not counted as checked, no child has a photo consent yet."""
    db = Database.for_file(data_dir.db_path)
    stamp = "'2026-07-01 10:00:00'"
    with db.engine.connect() as conn:
        command.upgrade(migrate.alembic_config(conn), "0005_volunteers")
        conn.commit()
        conn.exec_driver_sql(
            "INSERT INTO child (id, name, name_pinyin, name_initials, gender, class_name, school, village, address, "
            "left_behind_type, father_work_city, father_phone, mother_work_city, mother_phone, health_notes, "
            "allergy_notes, special_attention, photo_path, status, notes, created_at, updated_at) VALUES (1, '王子涵', "
            "'', '', 'male', '三年级2班', '', '', '', 'both', '', '', '', '', '', '', 0, '', 'active', '', "
            f"{stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO timetable (id, name, kind, starts_on, ends_on, created_at, updated_at) VALUES "
            f"(1, '2026年暑期', 'summer', '2026-07-01', '2026-07-28', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO timetable_slot (id, timetable_id, weekday, start_time, end_time, course, kind, target_group, "
            "override_reason) VALUES (1, 1, 3, '08:30:00', '10:00:00', '绘本共读', 'reading', '1-3年级', '')"
        )
        for activity_id, slot in ((1, "1"), (2, "1"), (3, "NULL")):
            conn.exec_driver_sql(
                "INSERT INTO activity (id, title, kind, on_date, start_time, end_time, slot_id, description, outcome, "
                f"created_at, updated_at) VALUES ({activity_id}, '绘本共读', 'reading', '2026-07-01', '08:30:00', "
                f"'10:00:00', {slot}, '', '孩子们很喜欢', {stamp}, {stamp})"
            )
        conn.exec_driver_sql(
            "INSERT INTO attendance_register (id, on_date, activity_id, note, created_at, updated_at) VALUES "
            f"(1, '2026-07-01', 1, '', {stamp}, {stamp})"
        )
        conn.exec_driver_sql(
            "INSERT INTO attendance_mark (register_id, child_id, code, version, marked_at, picked_up_by, note) "
            f"VALUES (1, 1, 'P', 1, {stamp}, '', '')"
        )
        conn.exec_driver_sql(
            "INSERT INTO activity_photo (id, activity_id, path, caption) VALUES (1, 1, 'photos/1.jpg', '共读')"
        )
        conn.commit()
    db.dispose()
    ctx = open_store(data_dir)
    try:
        with ctx.db.engine.connect() as conn:
            assert migrate.current_revision(conn) == migrate.HEAD_REVISION
            activities = conn.exec_driver_sql("SELECT id, slot_id, slot_date, outcome FROM activity ORDER BY id").all()
            assert [tuple(a) for a in activities] == [
                (1, 1, "2026-07-01", "孩子们很喜欢"),
                (2, 1, None, "孩子们很喜欢"),
                (3, None, None, "孩子们很喜欢"),
            ]
            photo = conn.exec_driver_sql(
                "SELECT activity_id, path, caption, width, children_checked, added_by FROM activity_photo"
            ).one()
            assert tuple(photo) == (1, "photos/1.jpg", "共读", 0, 0, None)
            assert conn.exec_driver_sql("SELECT photo_consent, name FROM child").one() == (0, "王子涵")
            # Nothing that refers to an activity or a child was lost on the way (no table with children rebuilt).
            assert conn.exec_driver_sql("SELECT count(*) FROM attendance_mark").scalar() == 1
            assert conn.exec_driver_sql("SELECT activity_id FROM attendance_register").scalar() == 1
    finally:
        ctx.close()
