"""Casefile: an offline case-file manager for investigators."""

from casefile.version import __version__

__all__ = ["__version__"]
