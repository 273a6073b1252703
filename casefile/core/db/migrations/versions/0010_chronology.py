"""The chronology and where a document's date came from: document.date_source;
events (EDTF date, bounds, sort key), their tags, entities and relations by uid,
citations (document, page, quote, offsets, grade), dismissed date suggestions.

Revision ID: 0010
Revises: 0009
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0010"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("document") as batch:
        batch.add_column(sa.Column("date_source", sa.String(length=16), nullable=True))
    op.create_table(
        "event",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("uid", sa.String(length=32), nullable=False),
        sa.Column("date", sa.String(length=64), nullable=True),
        sa.Column("date_lower", sa.String(length=10), nullable=True),
        sa.Column("date_upper", sa.String(length=10), nullable=True),
        sa.Column("sort_key", sa.String(length=16), nullable=True),
        sa.Column("title", sa.Text(), nullable=False),
        sa.Column("description", sa.Text(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("uid"),
    )
    op.create_index("ix_event_order", "event", ["sort_key", "id"])
    op.create_table(
        "event_tag",
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("tag_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["tag_id"], ["tag.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("event_id", "tag_id"),
    )
    op.create_table(
        "event_entity",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("entity_uid", sa.String(length=32), nullable=True),
        sa.Column("relation_uid", sa.String(length=32), nullable=True),
        sa.Column("name", sa.Text(), nullable=False),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id"),
        sa.UniqueConstraint("event_id", "name"),
    )
    op.create_index("ix_event_entity_entity_uid", "event_entity", ["entity_uid"])
    op.create_index("ix_event_entity_relation_uid", "event_entity", ["relation_uid"])
    op.create_table(
        "event_citation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("document_id", sa.Integer(), nullable=True),
        sa.Column("document_uid", sa.String(length=32), nullable=False),
        sa.Column("page", sa.Integer(), nullable=False),
        sa.Column("quote", sa.Text(), nullable=False),
        sa.Column("start", sa.Integer(), nullable=True),
        sa.Column("end", sa.Integer(), nullable=True),
        sa.Column("lost", sa.Boolean(), nullable=False),
        sa.Column("grade", sa.Integer(), nullable=True),
        sa.ForeignKeyConstraint(["event_id"], ["event.id"], ondelete="CASCADE"),
        sa.ForeignKeyConstraint(["document_id"], ["document.id"], ondelete="SET NULL"),
        sa.PrimaryKeyConstraint("id"),
    )
    op.create_index("ix_event_citation_event_id", "event_citation", ["event_id"])
    op.create_index("ix_event_citation_document_id", "event_citation", ["document_id"])
    op.create_table(
        "date_dismissal",
        sa.Column("document_uid", sa.String(length=32), nullable=False),
        sa.Column("key", sa.String(length=40), nullable=False),
        sa.Column("at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("document_uid", "key"),
    )


def downgrade() -> None:
    op.drop_table("date_dismissal")
    op.drop_index("ix_event_citation_document_id", table_name="event_citation")
    op.drop_index("ix_event_citation_event_id", table_name="event_citation")
    op.drop_table("event_citation")
    op.drop_index("ix_event_entity_relation_uid", table_name="event_entity")
    op.drop_index("ix_event_entity_entity_uid", table_name="event_entity")
    op.drop_table("event_entity")
    op.drop_table("event_tag")
    op.drop_index("ix_event_order", table_name="event")
    op.drop_table("event")
    with op.batch_alter_table("document") as batch:
        batch.drop_column("date_source")
