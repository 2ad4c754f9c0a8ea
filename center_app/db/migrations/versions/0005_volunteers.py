"""Volunteers and the timetable: a volunteer's skills; a programme's periods; one-off sessions, helpers beside the
lead, clash overrides and exceptions (one occurrence cancelled or moved); service hours per session occurrence,
signed in and out, with their source and the reviewer's note; certificates that keep the facts they state and
their number; the centre's secrets (the certificates' HMAC key).

Tables with rows referring to them (``volunteer``, ``timetable_slot``) only get plain columns, which SQLite adds in
place: rebuilding them with foreign keys on would run their children's ON DELETE actions (an activity's session,
a volunteer's hours). ``service_hours`` and ``certificate`` have no children and are rebuilt for their new
constraints. Rows written before (the demo's) are kept: each existing programme gets the default periods of its
kind; hours taken at an activity count as the planned time; certificates get a number and the facts they stated
(their old codes are not HMACs, so ``verify`` reports them as not genuine).

Revision ID: 0005_volunteers
Revises: 0004_equipment
Create Date: 2026-12-04 10:00:00.000000
"""

from __future__ import annotations

import datetime as dt

import sqlalchemy as sa
from alembic import op

revision = "0005_volunteers"
down_revision = "0004_equipment"
branch_labels = None
depends_on = None

# The default periods of 0005 (the app's own defaults may change later; these are what existing programmes get).
DEFAULT_PERIODS = {
    "weekly": (
        ("上午一", dt.time(9, 0), dt.time(10, 30)),
        ("上午二", dt.time(10, 40), dt.time(12, 0)),
        ("下午一", dt.time(14, 30), dt.time(16, 0)),
        ("放学后一", dt.time(16, 30), dt.time(17, 30)),
        ("放学后二", dt.time(17, 30), dt.time(18, 20)),
    ),
    "summer": (
        ("上午一", dt.time(8, 30), dt.time(10, 0)),
        ("上午二", dt.time(10, 20), dt.time(11, 40)),
        ("下午一", dt.time(14, 30), dt.time(16, 0)),
        ("下午二", dt.time(16, 20), dt.time(17, 30)),
    ),
}


def upgrade() -> None:
    with op.batch_alter_table("volunteer", schema=None) as batch_op:
        batch_op.add_column(sa.Column("skills", sa.String(length=200), nullable=False, server_default=""))

    op.create_table(
        "timetable_period",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("timetable_id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("label", sa.String(length=20), nullable=False),
        sa.Column("start_time", sa.Time(), nullable=False),
        sa.Column("end_time", sa.Time(), nullable=False),
        sa.ForeignKeyConstraint(
            ["timetable_id"],
            ["timetable.id"],
            name=op.f("fk_timetable_period_timetable_id_timetable"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timetable_period")),
        sa.UniqueConstraint("timetable_id", "number", name="uq_timetable_period_number"),
    )
    with op.batch_alter_table("timetable_period", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timetable_period_timetable_id"), ["timetable_id"], unique=False)

    with op.batch_alter_table("timetable_slot", schema=None) as batch_op:
        batch_op.add_column(sa.Column("on_date", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("override_reason", sa.Text(), nullable=False, server_default=""))

    op.create_table(
        "timetable_slot_volunteer",
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("volunteer_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["timetable_slot.id"],
            name=op.f("fk_timetable_slot_volunteer_slot_id_timetable_slot"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["volunteer_id"],
            ["volunteer.id"],
            name=op.f("fk_timetable_slot_volunteer_volunteer_id_volunteer"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("slot_id", "volunteer_id", name=op.f("pk_timetable_slot_volunteer")),
    )
    with op.batch_alter_table("timetable_slot_volunteer", schema=None) as batch_op:
        batch_op.create_index("ix_timetable_slot_volunteer_volunteer_id", ["volunteer_id"], unique=False)

    op.create_table(
        "timetable_exception",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("slot_id", sa.Integer(), nullable=False),
        sa.Column("on_date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("new_date", sa.Date(), nullable=True),
        sa.Column("new_start", sa.Time(), nullable=True),
        sa.Column("new_end", sa.Time(), nullable=True),
        sa.Column("new_room_id", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=400), nullable=False),
        sa.Column("override_reason", sa.Text(), nullable=False),
        sa.Column("created_by", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["created_by"],
            ["user_account.id"],
            name=op.f("fk_timetable_exception_created_by_user_account"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["new_room_id"],
            ["room.id"],
            name=op.f("fk_timetable_exception_new_room_id_room"),
            ondelete="SET NULL",
        ),
        sa.ForeignKeyConstraint(
            ["slot_id"],
            ["timetable_slot.id"],
            name=op.f("fk_timetable_exception_slot_id_timetable_slot"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_timetable_exception")),
        sa.UniqueConstraint("slot_id", "on_date", name="uq_timetable_exception_slot_date"),
    )
    with op.batch_alter_table("timetable_exception", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_timetable_exception_slot_id"), ["slot_id"], unique=False)

    with op.batch_alter_table("service_hours", schema=None) as batch_op:
        batch_op.add_column(sa.Column("slot_id", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("slot_date", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("source", sa.String(length=20), nullable=False, server_default="manual")
        )
        batch_op.add_column(sa.Column("signed_in_at", sa.DateTime(), nullable=True))
        batch_op.add_column(sa.Column("signed_out_at", sa.DateTime(), nullable=True))
        batch_op.add_column(
            sa.Column("review_note", sa.String(length=400), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("recorded_by", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_service_hours_slot_id_timetable_slot"),
            "timetable_slot",
            ["slot_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_foreign_key(
            batch_op.f("fk_service_hours_recorded_by_user_account"),
            "user_account",
            ["recorded_by"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_service_hours_slot_id"), ["slot_id"], unique=False)
        batch_op.create_index(
            "uq_service_hours_occurrence",
            ["volunteer_id", "slot_id", "slot_date"],
            unique=True,
            sqlite_where=sa.text("slot_id IS NOT NULL"),
            postgresql_where=sa.text("slot_id IS NOT NULL"),
        )
    hours = sa.table("service_hours", sa.column("activity_id", sa.Integer), sa.column("source", sa.String))
    op.execute(hours.update().where(hours.c.activity_id.is_not(None)).values(source="planned"))

    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.add_column(sa.Column("number", sa.String(length=20), nullable=True))
        batch_op.add_column(
            sa.Column("centre_name", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("volunteer_name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(
            sa.Column("organisation", sa.String(length=200), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("sessions", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("summary", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("issued_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("issued_at", sa.DateTime(), nullable=True))
    _fill_certificates()
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.alter_column("number", existing_type=sa.String(length=20), nullable=False)
        batch_op.create_unique_constraint(batch_op.f("uq_certificate_number"), ["number"])
        batch_op.create_foreign_key(
            batch_op.f("fk_certificate_issued_by_user_account"),
            "user_account",
            ["issued_by"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "centre_secret",
        sa.Column("name", sa.String(length=40), nullable=False),
        sa.Column("value", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("name", name=op.f("pk_centre_secret")),
    )
    _default_periods()


def _fill_certificates() -> None:
    conn = op.get_bind()
    centre = conn.execute(sa.text("SELECT name FROM centre ORDER BY id LIMIT 1")).scalar() or ""
    rows = conn.execute(
        sa.text(
            "SELECT c.id, c.issued_on, v.name, v.organisation FROM certificate c "
            "JOIN volunteer v ON v.id = c.volunteer_id ORDER BY c.issued_on, c.id"
        )
    ).fetchall()
    per_year: dict[str, int] = {}
    for cert_id, issued_on, name, organisation in rows:
        year = str(issued_on)[:4]
        per_year[year] = per_year.get(year, 0) + 1
        conn.execute(
            sa.text(
                "UPDATE certificate SET number = :number, centre_name = :centre, volunteer_name = :name, "
                "organisation = :organisation WHERE id = :id"
            ),
            {
                "number": f"{year}-{per_year[year]:04d}",
                "centre": centre,
                "name": name or "",
                "organisation": organisation or "",
                "id": cert_id,
            },
        )


def _default_periods() -> None:
    conn = op.get_bind()
    period = sa.table(
        "timetable_period",
        sa.column("timetable_id", sa.Integer),
        sa.column("number", sa.Integer),
        sa.column("label", sa.String),
        sa.column("start_time", sa.Time),
        sa.column("end_time", sa.Time),
    )
    rows = []
    for timetable_id, kind in conn.execute(sa.text("SELECT id, kind FROM timetable ORDER BY id")).fetchall():
        for number, (label, start, end) in enumerate(DEFAULT_PERIODS.get(kind, DEFAULT_PERIODS["weekly"]), 1):
            rows.append(
                {
                    "timetable_id": timetable_id,
                    "number": number,
                    "label": label,
                    "start_time": start,
                    "end_time": end,
                }
            )
    if rows:
        op.bulk_insert(period, rows)


def downgrade() -> None:
    # Plain columns go with ALTER TABLE DROP COLUMN (SQLite 3.35+), never a rebuild: rebuilding volunteer would delete
    # every volunteer's hours and availability (ON DELETE CASCADE). A downgrade is for development, never a user's path.
    op.drop_table("centre_secret")
    with op.batch_alter_table("certificate", schema=None) as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_certificate_issued_by_user_account"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("uq_certificate_number"), type_="unique")
        batch_op.drop_column("issued_at")
        batch_op.drop_column("issued_by")
        batch_op.drop_column("summary")
        batch_op.drop_column("sessions")
        batch_op.drop_column("organisation")
        batch_op.drop_column("volunteer_name")
        batch_op.drop_column("centre_name")
        batch_op.drop_column("number")
    with op.batch_alter_table("service_hours", schema=None) as batch_op:
        batch_op.drop_index("uq_service_hours_occurrence")
        batch_op.drop_index(batch_op.f("ix_service_hours_slot_id"))
        batch_op.drop_constraint(batch_op.f("fk_service_hours_recorded_by_user_account"), type_="foreignkey")
        batch_op.drop_constraint(batch_op.f("fk_service_hours_slot_id_timetable_slot"), type_="foreignkey")
        batch_op.drop_column("recorded_by")
        batch_op.drop_column("review_note")
        batch_op.drop_column("signed_out_at")
        batch_op.drop_column("signed_in_at")
        batch_op.drop_column("source")
        batch_op.drop_column("slot_date")
        batch_op.drop_column("slot_id")
    op.drop_table("timetable_exception")
    op.drop_table("timetable_slot_volunteer")
    op.drop_column("timetable_slot", "override_reason")
    op.drop_column("timetable_slot", "on_date")
    op.drop_table("timetable_period")
    op.drop_column("volunteer", "skills")
