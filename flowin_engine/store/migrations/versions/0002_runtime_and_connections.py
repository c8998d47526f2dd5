"""The runtime's inbox, trigger state, seen items and parked executions; connected accounts.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-25
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "inbox",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("flow_id", sa.String(), nullable=False),
        sa.Column("source", sa.String(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.Column("status", sa.String(), nullable=False),
        sa.Column("received_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_inbox")),
    )
    op.create_index("ix_inbox_status_received_at", "inbox", ["status", "received_at"])
    op.create_table(
        "trigger_state",
        sa.Column("flow_id", sa.String(), nullable=False),
        sa.Column("node_id", sa.String(), nullable=False),
        sa.Column("key", sa.String(), nullable=False),
        sa.Column("value", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("flow_id", "node_id", "key", name=op.f("pk_trigger_state")),
    )
    op.create_table(
        "seen_items",
        sa.Column("flow_id", sa.String(), nullable=False),
        sa.Column("node_id", sa.String(), nullable=False),
        sa.Column("item_key", sa.String(), nullable=False),
        sa.Column("seen_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("flow_id", "node_id", "item_key", name=op.f("pk_seen_items")),
    )
    op.create_table(
        "wakeups",
        sa.Column("execution_id", sa.String(), nullable=False),
        sa.Column("node_id", sa.String(), nullable=False),
        sa.Column("wake_at", sa.DateTime(), nullable=False),
        sa.Column("state", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(
            ["execution_id"],
            ["executions.id"],
            name=op.f("fk_wakeups_execution_id_executions"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("execution_id", "node_id", name=op.f("pk_wakeups")),
    )
    op.create_index("ix_wakeups_wake_at", "wakeups", ["wake_at"])
    op.create_table(
        "connections",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("connector", sa.String(), nullable=False),
        sa.Column("label", sa.String(), nullable=False),
        sa.Column("details", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("last_tested_at", sa.DateTime(), nullable=True),
        sa.Column("last_test_ok", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_connections")),
    )
    op.create_index("ix_connections_connector", "connections", ["connector"])


def downgrade() -> None:
    op.drop_index("ix_connections_connector", table_name="connections")
    op.drop_table("connections")
    op.drop_index("ix_wakeups_wake_at", table_name="wakeups")
    op.drop_table("wakeups")
    op.drop_table("seen_items")
    op.drop_table("trigger_state")
    op.drop_index("ix_inbox_status_received_at", table_name="inbox")
    op.drop_table("inbox")
