"""A step's input data or output that is the run's trigger data (a webhook's body: the
trigger's input and output, the next step's input) is kept once, in the run's row, and the
step's row says so instead of holding another copy of it.

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05
"""

from __future__ import annotations

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    # Nullable columns: SQLite adds them without copying the table, however long the history.
    op.add_column("steps", sa.Column("input_data_is_trigger", sa.Integer(), nullable=True))
    op.add_column("steps", sa.Column("output_is_trigger", sa.Integer(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("steps", schema=None) as batch_op:
        batch_op.drop_column("output_is_trigger")
        batch_op.drop_column("input_data_is_trigger")
