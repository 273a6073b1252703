"""Alembic environment: always run on a connection handed in by `casefile.core.db.migrate`,
never from a URL in a config file, because a case database can live anywhere."""

from alembic import context

from casefile.core.db.schema import Base

connection = context.config.attributes["connection"]
context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,  # SQLite cannot ALTER most things; batch mode copies tables
)
with context.begin_transaction():
    context.run_migrations()
