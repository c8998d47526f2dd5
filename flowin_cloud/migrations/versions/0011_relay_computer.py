"""Each public address remembers the computer (its sign-in) that switched its trigger on last,
so two computers of one account neither run a request twice nor switch off each other's
addresses

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05 06:40:00.000000
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0010"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("relay_hooks") as table:
        table.add_column(sa.Column("computer", sa.String(length=36), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("relay_hooks") as table:
        table.drop_column("computer")
