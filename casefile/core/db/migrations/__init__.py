"""Alembic migrations for the case database, shipped inside the package."""
