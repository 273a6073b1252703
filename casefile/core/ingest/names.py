"""File names as the user's disk has them, recorded losslessly.

On POSIX a file name is bytes; Python hands names that are not valid UTF-8 to us with
the bad bytes as lone surrogates (PEP 383). SQLite, JSON and a terminal all refuse
those, and one such name used to roll back the whole batch it was in. So every name
and path we record is turned into text that *shows* the bad bytes (`\\xff`), and the
exact bytes are kept beside it as hex, so nothing is lost and a later tool can find
the very file again (see docs/architecture.md, ingest).
"""

from __future__ import annotations

import os


def is_clean(text: str) -> bool:
    """True when `text` encodes as UTF-8 (no surrogate-escaped bytes in it)."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown(text: str | os.PathLike[str]) -> str:
    """Text safe to store and print: bytes that are not UTF-8 appear as `\\xNN`."""
    value = os.fspath(text)
    if is_clean(value):
        return value
    return _raw(value).decode("utf-8", errors="backslashreplace")


def raw_hex(text: str | os.PathLike[str]) -> str | None:
    """The exact bytes of a name that is not UTF-8, as hex; None for a clean name."""
    value = os.fspath(text)
    if is_clean(value):
        return None
    return _raw(value).hex()


def _raw(value: str) -> bytes:
    try:
        return os.fsencode(value)  # the bytes the file system gave us
    except UnicodeEncodeError:  # a surrogate that did not come from a file name
        return value.encode("utf-8", errors="surrogatepass")
