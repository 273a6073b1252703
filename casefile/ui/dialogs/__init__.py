"""Dialogs: small, modeless where possible, so tests and users are never trapped."""
