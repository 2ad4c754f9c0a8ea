"""The equipment room: conditions and piece counts of items, low-stock thresholds, photos and acquisition dates;
one open loan per unit; the incident log's reporter, borrower, action and resolution;
stocktakes limited to a location or a category, with per-line scans that survive a crash.

New NOT NULL columns carry a server default, so the rows an older version wrote (the demo's equipment) get a value;
the categories and conditions those rows hold are brought to the values the equipment service uses.

Revision ID: 0004_equipment
Revises: 0003_import_file_hash
Create Date: 2026-12-03 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004_equipment"
down_revision = "0003_import_file_hash"
branch_labels = None
depends_on = None

CATEGORIES = ("sports", "music", "art", "games", "electronics", "reading", "other")


def upgrade() -> None:
    with op.batch_alter_table("equipment_item", schema=None) as batch_op:
        batch_op.add_column(sa.Column("quantity_damaged", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("quantity_repair", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("low_stock", sa.Integer(), nullable=True))
        batch_op.add_column(sa.Column("acquired_on", sa.Date(), nullable=True))
        batch_op.add_column(
            sa.Column("condition", sa.String(length=20), nullable=False, server_default="good")
        )
        batch_op.add_column(sa.Column("photo_path", sa.String(length=400), nullable=False, server_default=""))
        batch_op.create_index(batch_op.f("ix_equipment_item_location"), ["location"], unique=False)

    # equipment_loan and stocktake have children (incidents, stocktake lines): a batch rebuild would drop the old
    # table, and with foreign keys on, SQLite runs the children's ON DELETE actions (lines gone, incidents' loan_id
    # NULL). So nothing here rebuilds them: only indexes and plain columns, which SQLite adds in place. (Who took a
    # loan back, or applied a stocktake, is in the audit log.)
    with op.batch_alter_table("equipment_loan", schema=None) as batch_op:
        batch_op.create_index(
            "uq_equipment_loan_one_open_per_unit",
            ["unit_id"],
            unique=True,
            sqlite_where=sa.text("returned_at IS NULL AND unit_id IS NOT NULL"),
            postgresql_where=sa.text("returned_at IS NULL AND unit_id IS NOT NULL"),
        )

    with op.batch_alter_table("stocktake", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("filter_kind", sa.String(length=20), nullable=False, server_default="all")
        )
        batch_op.add_column(
            sa.Column("filter_value", sa.String(length=60), nullable=False, server_default="")
        )
        batch_op.create_index(batch_op.f("ix_stocktake_status"), ["status"], unique=False)

    with op.batch_alter_table("stocktake_line", schema=None) as batch_op:
        batch_op.add_column(sa.Column("barcode", sa.String(length=40), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("location", sa.String(length=60), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("counted_at", sa.DateTime(), nullable=True))
        batch_op.create_index("ix_stocktake_line_item", ["stocktake_id", "item_id"], unique=False)
        batch_op.create_index("ix_stocktake_line_unit", ["stocktake_id", "unit_id"], unique=False)

    with op.batch_alter_table("equipment_incident", schema=None) as batch_op:
        batch_op.add_column(sa.Column("stocktake_id", sa.Integer(), nullable=True))
        batch_op.add_column(
            sa.Column("reported_by", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("borrower", sa.String(length=100), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("action", sa.Text(), nullable=False, server_default=""))
        batch_op.add_column(sa.Column("resolved", sa.Boolean(), nullable=False, server_default=sa.false()))
        batch_op.add_column(sa.Column("resolved_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("recorded_at", sa.DateTime(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_equipment_incident_stocktake_id_stocktake"),
            "stocktake",
            ["stocktake_id"],
            ["id"],
            ondelete="SET NULL",
        )
        batch_op.create_index(batch_op.f("ix_equipment_incident_loan_id"), ["loan_id"], unique=False)

    # Rows written before: categories the service knows, the condition of retired items, and the loss and damage
    # recorded then counted as handled (their pieces already left quantity_total).
    item = sa.table(
        "equipment_item",
        sa.column("category", sa.String),
        sa.column("status", sa.String),
        sa.column("condition", sa.String),
    )
    op.execute(item.update().where(item.c.category.not_in(CATEGORIES)).values(category="other"))
    op.execute(item.update().where(item.c.status == "retired").values(condition="scrapped"))
    incident = sa.table("equipment_incident", sa.column("kind", sa.String), sa.column("resolved", sa.Boolean))
    op.execute(incident.update().where(incident.c.kind.in_(("lost", "repaired"))).values(resolved=True))


def downgrade() -> None:
    # Dropping columns rebuilds the tables: on SQLite with foreign keys on, rebuilding ``stocktake`` deletes its lines
    # (ON DELETE CASCADE). A downgrade is for development, never a user's path.
    with op.batch_alter_table("equipment_incident", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipment_incident_loan_id"))
        batch_op.drop_constraint(
            batch_op.f("fk_equipment_incident_stocktake_id_stocktake"), type_="foreignkey"
        )
        batch_op.drop_column("recorded_at")
        batch_op.drop_column("resolved_on")
        batch_op.drop_column("resolved")
        batch_op.drop_column("action")
        batch_op.drop_column("borrower")
        batch_op.drop_column("reported_by")
        batch_op.drop_column("stocktake_id")

    with op.batch_alter_table("stocktake_line", schema=None) as batch_op:
        batch_op.drop_index("ix_stocktake_line_unit")
        batch_op.drop_index("ix_stocktake_line_item")
        batch_op.drop_column("counted_at")
        batch_op.drop_column("location")
        batch_op.drop_column("barcode")

    with op.batch_alter_table("stocktake", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_stocktake_status"))
        batch_op.drop_column("filter_value")
        batch_op.drop_column("filter_kind")

    with op.batch_alter_table("equipment_loan", schema=None) as batch_op:
        batch_op.drop_index(
            "uq_equipment_loan_one_open_per_unit",
            sqlite_where=sa.text("returned_at IS NULL AND unit_id IS NOT NULL"),
            postgresql_where=sa.text("returned_at IS NULL AND unit_id IS NOT NULL"),
        )

    with op.batch_alter_table("equipment_item", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_equipment_item_location"))
        batch_op.drop_column("photo_path")
        batch_op.drop_column("condition")
        batch_op.drop_column("acquired_on")
        batch_op.drop_column("low_stock")
        batch_op.drop_column("quantity_repair")
        batch_op.drop_column("quantity_damaged")
