"""Flows that run in the cloud: the switch, where each run happens, step history, and the
connected accounts uploaded for them (encrypted)

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05 05:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0008"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("cloud_run", sa.Boolean(), nullable=False, server_default=sa.false())
        )
    with op.batch_alter_table("executions", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("runs_in", sa.String(length=10), nullable=False, server_default="computer")
        )
        batch_op.add_column(sa.Column("attempts", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("worker", sa.String(length=200), nullable=True))

    op.create_table(
        "execution_steps",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("execution_id", sa.String(length=36), nullable=False),
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("node_name", sa.String(length=500), nullable=False),
        sa.Column("node_type", sa.String(length=200), nullable=False),
        sa.Column("iteration", sa.Integer(), nullable=True),
        sa.Column("attempt", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("port", sa.String(length=200), nullable=True),
        sa.Column("input", sa.Text(), nullable=True),
        sa.Column("output", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("started_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("finished_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["execution_id"], ["executions.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("execution_steps", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_execution_steps_execution_id"), ["execution_id"], unique=False
        )
        batch_op.create_index(batch_op.f("ix_execution_steps_owner_id"), ["owner_id"], unique=False)

    op.create_table(
        "cloud_connections",
        sa.Column("owner_id", sa.String(length=36), nullable=False),
        sa.Column("id", sa.String(length=200), nullable=False),
        sa.Column("connector", sa.String(length=100), nullable=False),
        sa.Column("label", sa.String(length=500), nullable=False),
        sa.Column("key_id", sa.String(length=200), nullable=False),
        sa.Column("wrapped_key", sa.Text(), nullable=False),
        sa.Column("ciphertext", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("updated_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("owner_id", "id"),
    )


def downgrade() -> None:
    op.drop_table("cloud_connections")
    with op.batch_alter_table("execution_steps", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_execution_steps_owner_id"))
        batch_op.drop_index(batch_op.f("ix_execution_steps_execution_id"))
    op.drop_table("execution_steps")
    with op.batch_alter_table("executions", schema=None) as batch_op:
        batch_op.drop_column("worker")
        batch_op.drop_column("attempts")
        batch_op.drop_column("runs_in")
    with op.batch_alter_table("flows", schema=None) as batch_op:
        batch_op.drop_column("cloud_run")
