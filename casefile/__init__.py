"""Casefile: an offline case-file manager for investigators."""

__all__ = ["__version__"]


def __getattr__(name: str) -> str:
    """`casefile.__version__`, read on first use (see `casefile.version`): importing
    the package (every worker process does) does not pay for reading it."""
    if name == "__version__":
        from casefile.version import _version

        return _version()
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
