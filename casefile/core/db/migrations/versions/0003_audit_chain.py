"""Tamper-evident audit log: every entry sealed into a hash chain.

Adds `prev_hash` and `hash` to `audit` and seals the entries already there, oldest
first, exactly as `casefile.core.db.audit` seals new ones. The chain can only vouch for
the log from this upgrade on: entries written before it are sealed as they are found.

Revision ID: 0003
Revises: 0002
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

from casefile.core.db.audit import entry_hash

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.add_column(sa.Column("prev_hash", sa.String(length=64), nullable=True))
        batch.add_column(sa.Column("hash", sa.String(length=64), nullable=True))
    audit = sa.table(
        "audit",
        sa.column("id", sa.Integer),
        sa.column("at", sa.DateTime),
        sa.column("actor", sa.String),
        sa.column("action", sa.String),
        sa.column("target", sa.String),
        sa.column("before", sa.Text),
        sa.column("after", sa.Text),
        sa.column("prev_hash", sa.String),
        sa.column("hash", sa.String),
    )
    conn = op.get_bind()
    rows = conn.execute(
        sa.select(
            audit.c.id,
            audit.c.at,
            audit.c.actor,
            audit.c.action,
            audit.c.target,
            audit.c.before,
            audit.c.after,
        ).order_by(audit.c.id)
    ).all()
    prev = None
    updates = []
    for r in rows:
        h = entry_hash(r.id, prev, r.at, r.actor, r.action, r.target, r.before, r.after)
        updates.append({"rid": r.id, "p": prev, "h": h})
        prev = h
    if updates:
        conn.execute(
            audit.update()
            .where(audit.c.id == sa.bindparam("rid"))
            .values(prev_hash=sa.bindparam("p"), hash=sa.bindparam("h")),
            updates,
        )


def downgrade() -> None:
    with op.batch_alter_table("audit") as batch:
        batch.drop_column("hash")
        batch.drop_column("prev_hash")
