"""Entities, their aliases, their mentions, relations with citations, and dismissed
suggestions (issue 12).

Revision ID: 0009
Revises: 0005
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0009"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "entity",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column("kind", sa.String(32), nullable=False),
        sa.Column("name", sa.Text(), nullable=False),
        sa.Column("notes", sa.Text()),
        sa.Column("reliability_source", sa.String(1)),
        sa.Column("reliability_info", sa.Integer()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_table(
        "entity_alias",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entity_id",
            sa.Integer(),
            sa.ForeignKey("entity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("weak", sa.Boolean(), nullable=False),
        sa.Column("former", sa.Boolean(), nullable=False),
        sa.UniqueConstraint("entity_id", "text"),
    )
    op.create_index("ix_entity_alias_entity_id", "entity_alias", ["entity_id"])
    op.create_table(
        "mention",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "entity_id",
            sa.Integer(),
            sa.ForeignKey("entity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=False),
        sa.Column("end", sa.Integer(), nullable=False),
        sa.Column("alias_id", sa.Integer(), sa.ForeignKey("entity_alias.id", ondelete="SET NULL")),
        sa.Column("manual", sa.Boolean(), nullable=False),
        sa.Column("rejected", sa.Boolean(), nullable=False),
    )
    op.create_index("ix_mention_document", "mention", ["document_id", "page"])
    op.create_index("ix_mention_entity_id", "mention", ["entity_id"])
    op.create_table(
        "relation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column("uid", sa.String(32), nullable=False, unique=True),
        sa.Column(
            "source_id",
            sa.Integer(),
            sa.ForeignKey("entity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "target_id",
            sa.Integer(),
            sa.ForeignKey("entity.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("label", sa.Text(), nullable=False),
        sa.Column("date", sa.String(64)),
        sa.Column("notes", sa.Text()),
        sa.Column("created_at", sa.DateTime(), nullable=False),
    )
    op.create_index("ix_relation_source_id", "relation", ["source_id"])
    op.create_index("ix_relation_target_id", "relation", ["target_id"])
    op.create_table(
        "relation_citation",
        sa.Column("id", sa.Integer(), primary_key=True),
        sa.Column(
            "relation_id",
            sa.Integer(),
            sa.ForeignKey("relation.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column(
            "document_id",
            sa.Integer(),
            sa.ForeignKey("document.id", ondelete="CASCADE"),
            nullable=False,
        ),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("start", sa.Integer()),
        sa.Column("end", sa.Integer()),
        sa.Column("quote", sa.Text()),
    )
    op.create_index("ix_relation_citation_relation_id", "relation_citation", ["relation_id"])
    op.create_index("ix_relation_citation_document_id", "relation_citation", ["document_id"])
    op.create_table(
        "suggestion_dismissal",
        sa.Column("key", sa.String(200), primary_key=True),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
    )


def downgrade() -> None:
    for table in ("suggestion_dismissal", "relation_citation", "relation", "mention"):
        op.drop_table(table)
    op.drop_table("entity_alias")
    op.drop_table("entity")
