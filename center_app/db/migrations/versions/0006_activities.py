"""Activities: the timetable occurrence an activity was held as (``slot_date`` beside ``slot_id``, one activity per
occurrence); photos with their size, who added them, and the children in them (``activity_photo_child``, checked
or not); a child's photo consent.

``activity`` and ``child`` have rows referring to them (registers, loans, hours; guardians, marks…), so they only
get plain columns, which SQLite adds in place, and an index — rebuilding them with foreign keys on would run their
children's ON DELETE actions. ``activity_photo`` has no children yet and gets its columns the same way.

Rows written before are kept: an activity recorded for a timetable session was held on the day it was planned
(that is how the demo and the roll call wrote them), so its ``slot_date`` is its ``on_date``; when two activities
claim one occurrence, the first keeps it. No child has a photo consent until staff record one (a photo of a child
is never printed on an assumption), and no existing photo counts as checked.

Revision ID: 0006_activities
Revises: 0005_volunteers
Create Date: 2026-12-05 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0006_activities"
down_revision = "0005_volunteers"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("child", schema=None) as batch_op:
        # A literal default ("0", not sa.false()): an expression would make batch mode rebuild the table.
        batch_op.add_column(sa.Column("photo_consent", sa.Boolean(), nullable=False, server_default="0"))

    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.add_column(sa.Column("slot_date", sa.Date(), nullable=True))
    op.execute(
        "UPDATE activity SET slot_date = on_date WHERE slot_id IS NOT NULL AND id = "
        "(SELECT min(a.id) FROM activity a WHERE a.slot_id = activity.slot_id AND a.on_date = activity.on_date)"
    )
    with op.batch_alter_table("activity", schema=None) as batch_op:
        batch_op.create_index(
            "uq_activity_occurrence",
            ["slot_id", "slot_date"],
            unique=True,
            sqlite_where=sa.text("slot_id IS NOT NULL AND slot_date IS NOT NULL"),
            postgresql_where=sa.text("slot_id IS NOT NULL AND slot_date IS NOT NULL"),
        )

    # activity_photo has no rows referring to it yet: rebuilt for its new foreign key.
    with op.batch_alter_table("activity_photo", schema=None, recreate="always") as batch_op:
        batch_op.add_column(sa.Column("width", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("height", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("children_checked", sa.Boolean(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("added_by", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("added_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_activity_photo_added_by_user_account"),
            "user_account",
            ["added_by"],
            ["id"],
            ondelete="SET NULL",
        )

    op.create_table(
        "activity_photo_child",
        sa.Column("photo_id", sa.Integer(), nullable=False),
        sa.Column("child_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["child_id"],
            ["child.id"],
            name=op.f("fk_activity_photo_child_child_id_child"),
            ondelete="CASCADE",
        ),
        sa.ForeignKeyConstraint(
            ["photo_id"],
            ["activity_photo.id"],
            name=op.f("fk_activity_photo_child_photo_id_activity_photo"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("photo_id", "child_id", name=op.f("pk_activity_photo_child")),
    )
    with op.batch_alter_table("activity_photo_child", schema=None) as batch_op:
        batch_op.create_index("ix_activity_photo_child_child_id", ["child_id"], unique=False)


def downgrade() -> None:
    # Plain columns go with ALTER TABLE DROP COLUMN (SQLite 3.35+), never a rebuild (see 0005). A downgrade is for
    # development, never a user's path.
    op.drop_table("activity_photo_child")
    with op.batch_alter_table("activity_photo", schema=None, recreate="always") as batch_op:
        batch_op.drop_constraint(batch_op.f("fk_activity_photo_added_by_user_account"), type_="foreignkey")
        batch_op.drop_column("added_at")
        batch_op.drop_column("added_by")
        batch_op.drop_column("children_checked")
        batch_op.drop_column("height")
        batch_op.drop_column("width")
    op.drop_index("uq_activity_occurrence", table_name="activity")
    op.drop_column("activity", "slot_date")
    op.drop_column("child", "photo_consent")
