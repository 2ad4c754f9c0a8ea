"""Imported files by content hash: the same donation list (or roster) is recognised when it is imported again.

Revision ID: 0003_import_file_hash
Revises: 0002_integrity_indexes
Create Date: 2026-12-01 10:00:00.000000
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0003_import_file_hash"
down_revision = "0002_integrity_indexes"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "imported_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("sha256", sa.String(length=64), nullable=False),
        sa.Column("file_name", sa.String(length=400), nullable=False),
        sa.Column("imported_at", sa.DateTime(), nullable=False),
        sa.Column("rows", sa.Integer(), nullable=False),
        sa.Column("items", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=120), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_imported_file")),
    )
    with op.batch_alter_table("imported_file", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_imported_file_sha256"), ["sha256"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("imported_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_imported_file_sha256"))
    op.drop_table("imported_file")
