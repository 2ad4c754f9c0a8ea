"""The schema comes only from migrations, and the ORM models agree with them."""

from __future__ import annotations

import sqlite3

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
    ctx = open_store(data_dir)
    with ctx.db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO centre (name, address, phone, contact_person, created_at, updated_at) "
                             "VALUES ('古楼村', '', '', '', '2026-01-01', '2026-01-01')")
        # Pretend the file comes from a version this app does not know: the upgrade must fail *after* the copy.
        conn.exec_driver_sql("UPDATE alembic_version SET version_num = 'from_the_future'")
    ctx.close()
    db = Database.for_file(data_dir.db_path)
    with pytest.raises(Exception):  # noqa: B017 - Alembic's own error type for an unknown revision
        migrate.upgrade(db.engine, db_path=data_dir.db_path, backups_dir=data_dir.backups)
    db.dispose()
    copies = list(data_dir.backups.glob("center-before-migrate-from_the_future-*.db"))
    assert len(copies) == 1
    with sqlite3.connect(copies[0]) as conn:
        assert conn.execute("SELECT name FROM centre").fetchone() == ("古楼村",)
    with sqlite3.connect(data_dir.db_path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("from_the_future",)
