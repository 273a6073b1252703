"""A saved search keeps its transliteration option (Chekhov also finds Чехов), as it
keeps its sort and exact options: run again, it finds what it found when saved.

Revision ID: 0013
Revises: 0012
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("saved_search") as batch:
        batch.add_column(
            sa.Column("translit", sa.Boolean(), nullable=False, server_default=sa.false())
        )


def downgrade() -> None:
    with op.batch_alter_table("saved_search") as batch:
        batch.drop_column("translit")
