"""The webhook relay: public addresses (hooks), the requests kept for the computer (events),
and whether an account's computer is connected (presence)

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05 05:30:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "relay_hooks",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("wait_for_answer", sa.Boolean(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("token_sealed", sa.String(length=500), nullable=False),
        sa.Column("token_hash", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("rotated_at", sa.DateTime(timezone=True), nullable=True),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("token_hash"),
        sa.UniqueConstraint("user_id", "flow_id", "node_id"),
    )
    op.create_index("ix_relay_hooks_user_id", "relay_hooks", ["user_id"])
    op.create_table(
        "relay_events",
        sa.Column(
            "seq",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=True,
            nullable=False,
        ),
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("hook_id", sa.String(length=36), nullable=False),
        sa.Column("flow_id", sa.String(length=200), nullable=False),
        sa.Column("node_id", sa.String(length=200), nullable=False),
        sa.Column("method", sa.String(length=20), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("query", sa.Text(), nullable=True),
        sa.Column("headers", sa.Text(), nullable=True),
        sa.Column("body", sa.LargeBinary(), nullable=True),
        sa.Column("url", sa.Text(), nullable=True),
        sa.Column("body_bytes", sa.Integer(), nullable=False),
        sa.Column("received_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("delivered_at", sa.DateTime(timezone=True), nullable=True),
        sa.Column("awaiting_answer", sa.Boolean(), nullable=False),
        sa.Column("answer_status", sa.Integer(), nullable=True),
        sa.Column("answer_headers", sa.Text(), nullable=True),
        sa.Column("answer_body", sa.LargeBinary(), nullable=True),
        sa.ForeignKeyConstraint(["hook_id"], ["relay_hooks.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("seq"),
        sa.UniqueConstraint("id"),
    )
    op.create_index("ix_relay_events_hook_id", "relay_events", ["hook_id"])
    op.create_index("ix_relay_events_received_at", "relay_events", ["received_at"])
    op.create_index("ix_relay_events_waiting", "relay_events", ["user_id", "delivered_at", "seq"])
    op.create_table(
        "relay_presence",
        sa.Column("user_id", sa.String(length=36), nullable=False),
        sa.Column("connected_until", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(["user_id"], ["users.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("user_id"),
    )


def downgrade() -> None:
    op.drop_table("relay_presence")
    op.drop_index("ix_relay_events_waiting", table_name="relay_events")
    op.drop_index("ix_relay_events_received_at", table_name="relay_events")
    op.drop_index("ix_relay_events_hook_id", table_name="relay_events")
    op.drop_table("relay_events")
    op.drop_index("ix_relay_hooks_user_id", table_name="relay_hooks")
    op.drop_table("relay_hooks")
