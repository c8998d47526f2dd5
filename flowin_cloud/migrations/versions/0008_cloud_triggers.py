"""Cloud triggers: the outbox of runs, schedules' and polling triggers' state, ticks, seen items

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-05 05:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def _owner_column() -> sa.Column:
    return sa.Column("owner_id", sa.String(length=36), nullable=False)


def _owner_key() -> sa.ForeignKeyConstraint:
    return sa.ForeignKeyConstraint(["owner_id"], ["users.id"], ondelete="CASCADE")


def upgrade() -> None:
    op.create_table(
        "run_jobs",
        sa.Column("id", sa.String(length=36), nullable=False),
        _owner_column(),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("payload", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("sent_at", sa.DateTime(timezone=True), nullable=True),
        _owner_key(),
        sa.PrimaryKeyConstraint("id"),
    )
    with op.batch_alter_table("run_jobs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_run_jobs_owner_id"), ["owner_id"], unique=False)
        batch_op.create_index(
            "ix_run_jobs_waiting",
            ["created_at"],
            unique=False,
            postgresql_where=sa.text("sent_at IS NULL"),
            sqlite_where=sa.text("sent_at IS NULL"),
        )

    op.create_table(
        "cloud_triggers",
        _owner_column(),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("flow_revision", sa.Integer(), nullable=False),
        sa.Column("settings", sa.Text(), nullable=False),
        sa.Column("next_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("last_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("cursor", sa.Text(), nullable=True),
        sa.Column("polled", sa.Boolean(), nullable=False),
        _owner_key(),
        sa.PrimaryKeyConstraint("owner_id", "flow_id", "node_id"),
    )
    with op.batch_alter_table("cloud_triggers", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_cloud_triggers_next_at"), ["next_at"], unique=False)

    op.create_table(
        "schedule_ticks",
        _owner_column(),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("planned_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("job_id", sa.String(length=36), nullable=False),
        _owner_key(),
        sa.PrimaryKeyConstraint("owner_id", "flow_id", "node_id", "planned_at"),
    )

    op.create_table(
        "polled_items",
        _owner_column(),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("item_key", sa.String(length=500), nullable=False),
        sa.Column("seen_at", sa.DateTime(timezone=True), nullable=False),
        _owner_key(),
        sa.PrimaryKeyConstraint("owner_id", "flow_id", "node_id", "item_key"),
    )


def downgrade() -> None:
    op.drop_table("polled_items")
    op.drop_table("schedule_ticks")
    with op.batch_alter_table("cloud_triggers", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_cloud_triggers_next_at"))
    op.drop_table("cloud_triggers")
    with op.batch_alter_table("run_jobs", schema=None) as batch_op:
        batch_op.drop_index("ix_run_jobs_waiting")
        batch_op.drop_index(batch_op.f("ix_run_jobs_owner_id"))
    op.drop_table("run_jobs")
