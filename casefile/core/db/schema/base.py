"""The declarative base every table of the case database is mapped on, and the clock
its timestamps use (naive UTC, as the database has always stored them).

Its own module so that each group of tables (documents, entities, chronology…) can
import it without importing one another (docs/architecture.md, layers: no cycles).
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy.orm import DeclarativeBase


def utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


class Base(DeclarativeBase):
    pass
