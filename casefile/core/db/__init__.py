"""The database layer of a case: the schema (SQLAlchemy models), its migrations, the
persistent work queue, the audit log and the case lock. Nothing here knows about
search, extraction or any face; see docs/architecture.md."""
