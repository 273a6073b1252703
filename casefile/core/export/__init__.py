"""Exports: what leaves the application (docs/architecture.md, "Exports")."""
