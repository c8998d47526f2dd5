"""The steps of a run that ended well, written by the webhook path, kept in the run's own row
(one JSON text) rather than as rows of ``steps``: one row a run instead of one and one a step.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-06
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable: SQLite adds it without copying the table, however long the history.
    op.add_column("executions", sa.Column("packed_steps", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("executions", schema=None) as batch_op:
        batch_op.drop_column("packed_steps")
