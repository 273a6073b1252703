"""OCR: what was recognised on a page, with its provenance, confidence and word boxes
(page_ocr); the page's own text before OCR is kept beside it. A partial index finds the
pages waiting for OCR.

Revision ID: 0011
Revises: 0014
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0014"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "page_ocr",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("layer_text", sa.Text(), nullable=True),
        sa.Column("confidence", sa.Float(), nullable=True),
        sa.Column("engine", sa.String(length=32), nullable=False),
        sa.Column("engine_version", sa.String(length=32), nullable=False),
        sa.Column("languages", sa.String(length=64), nullable=False),
        sa.Column("language_data", sa.Text(), nullable=True),
        sa.Column("dpi", sa.Integer(), nullable=False),
        sa.Column("boxes", sa.Text(), nullable=True),
        sa.Column("error", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("document_id", "page"),
    )
    op.create_index(
        "ix_page_needs_ocr", "page", ["document_id"], sqlite_where=sa.text("needs_ocr = 1")
    )


def downgrade() -> None:
    op.drop_index("ix_page_needs_ocr", "page")
    op.drop_table("page_ocr")
