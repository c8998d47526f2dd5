"""Notifications: the rows of the app's bell, the rules saying who hears of what, what each
flow's runs looked like lately (failing since, summary sent), and messages held for quiet hours.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "notifications",
        sa.Column("id", sa.String(), nullable=False),
        sa.Column("kind", sa.String(), nullable=False),
        sa.Column("flow_id", sa.String(), nullable=True),
        sa.Column("execution_id", sa.String(), nullable=True),
        sa.Column("step", sa.String(), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("problem", sa.Text(), nullable=True),
        sa.Column("data", sa.Text(), nullable=True),
        sa.Column("bundle_key", sa.String(), nullable=True),
        sa.Column("count", sa.Integer(), nullable=False),
        sa.Column("told", sa.Integer(), nullable=False),
        sa.Column("first_at", sa.DateTime(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.Column("read", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notifications")),
    )
    op.create_index("ix_notifications_at", "notifications", ["at"])
    op.create_index("ix_notifications_read", "notifications", ["read"])
    op.create_index("ix_notifications_bundle_key_at", "notifications", ["bundle_key", "at"])
    op.create_table(
        "notification_rules",
        sa.Column("scope", sa.String(), nullable=False),
        sa.Column("rule", sa.Text(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("scope", name=op.f("pk_notification_rules")),
    )
    op.create_table(
        "notification_flow_state",
        sa.Column("flow_id", sa.String(), nullable=False),
        sa.Column("failures", sa.Integer(), nullable=False),
        sa.Column("failing_since", sa.DateTime(), nullable=True),
        sa.Column("summary_day", sa.String(), nullable=True),
        sa.Column("silence_told_at", sa.DateTime(), nullable=True),
        sa.PrimaryKeyConstraint("flow_id", name=op.f("pk_notification_flow_state")),
    )
    op.create_table(
        "notification_held",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("notification_id", sa.String(), nullable=False),
        sa.Column("channel", sa.Text(), nullable=True),
        sa.Column("language", sa.String(), nullable=False),
        sa.Column("held_at", sa.DateTime(), nullable=False),
        sa.Column("release_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["notification_id"],
            ["notifications.id"],
            name=op.f("fk_notification_held_notification_id_notifications"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_notification_held")),
    )


def downgrade() -> None:
    op.drop_table("notification_held")
    op.drop_table("notification_flow_state")
    op.drop_table("notification_rules")
    op.drop_index("ix_notifications_bundle_key_at", table_name="notifications")
    op.drop_index("ix_notifications_read", table_name="notifications")
    op.drop_index("ix_notifications_at", table_name="notifications")
    op.drop_table("notifications")
