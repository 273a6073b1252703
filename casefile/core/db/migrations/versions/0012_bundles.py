"""What each court bundle was: when it was made, its file, and where every document
landed (section, volume, first and last page, and for a typeset document the page on
which each of its text pages begins), so a report can cite "B/123".

Revision ID: 0012
Revises: 0011
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0012"
down_revision: str | None = "0011"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "bundle",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("made_at", sa.DateTime(), nullable=False),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("path", sa.Text(), nullable=False),
        sa.Column("page_style", sa.String(length=16), nullable=False),
        sa.Column("volumes", sa.Integer(), nullable=False),
        sa.Column("pages", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_table(
        "bundle_document",
        sa.Column("bundle_id", sa.Integer(), nullable=False),
        sa.Column("document_uid", sa.String(length=32), nullable=False),
        sa.Column("section", sa.String(length=8), nullable=False),
        sa.Column("volume", sa.Integer(), nullable=False),
        sa.Column("first_page", sa.Integer(), nullable=False),
        sa.Column("last_page", sa.Integer(), nullable=False),
        sa.Column("first_label", sa.String(length=16), nullable=False),
        sa.Column("last_label", sa.String(length=16), nullable=False),
        sa.Column("reproduction", sa.String(length=16), nullable=False),
        sa.Column("page_starts", sa.Text(), nullable=True),
        sa.ForeignKeyConstraint(["bundle_id"], ["bundle.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("bundle_id", "document_uid"),
    )


def downgrade() -> None:
    op.drop_table("bundle_document")
    op.drop_table("bundle")
