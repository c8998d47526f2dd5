"""Sign-in details: when each sign-in began, its app (User-Agent) and client address

Revision ID: 0007
Revises: 0006
Create Date: 2026-12-05 00:10:00.000000
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
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.add_column(sa.Column("signed_in_at", sa.DateTime(timezone=True), nullable=True))
        batch_op.add_column(sa.Column("user_agent", sa.String(length=300), nullable=True))
        batch_op.add_column(sa.Column("ip_address", sa.String(length=45), nullable=True))
    # A sign-in made before began with its family's first token still kept.
    op.execute(
        "UPDATE refresh_tokens SET signed_in_at = (SELECT MIN(first.created_at) "
        "FROM refresh_tokens AS first WHERE first.family_id = refresh_tokens.family_id)"
    )
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.alter_column(
            "signed_in_at", existing_type=sa.DateTime(timezone=True), nullable=False
        )


def downgrade() -> None:
    with op.batch_alter_table("refresh_tokens", schema=None) as batch_op:
        batch_op.drop_column("ip_address")
        batch_op.drop_column("user_agent")
        batch_op.drop_column("signed_in_at")
