"""Which metadata fields Casefile filled in itself (a kind guess, a date from the file's
properties, a title from its name): shown as suggestions until a person confirms them.

Comma-separated field names; NULL (every document of an older case) means nothing is
marked, since what was guessed then is no longer known.

Revision ID: 0005
Revises: 0003
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0005"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("suggested_fields", sa.Text(), nullable=True))


def downgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.drop_column("suggested_fields")
