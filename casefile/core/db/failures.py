"""SQLite failures a user can meet, turned into one sentence with what to do.

A damaged `case.sqlite` ("file is not a database", "database disk image is malformed"),
a full disk ("database or disk is full") and read-only media ("attempt to write a
readonly database") are facts about the user's disk, not bugs: every statement the
case's engine runs passes through `install`'s hook, so the CLI and the GUI get a
`CasefileError` whose message they can show as it is (docs/architecture.md, errors).
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine

from casefile.core.errors import (
    CaseDamagedError,
    CasefileError,
    DiskFullError,
    InvalidValueError,
    ReadOnlyCaseError,
)
from casefile.core.i18n import _

# SQLite primary result codes (https://sqlite.org/rescode.html).
SQLITE_READONLY, SQLITE_CORRUPT, SQLITE_FULL, SQLITE_NOTADB = 8, 11, 13, 26


def latest_backup(db_path: Path) -> Path | None:
    """The newest copy made before an upgrade (`case.sqlite.bak-<rev>-<time>`)."""
    try:
        found = sorted(db_path.parent.glob(db_path.name + ".bak-*"), key=lambda p: p.name)
    except OSError:
        return None
    return found[-1] if found else None


def damaged(db_path: Path) -> CaseDamagedError:
    backup = latest_backup(db_path)
    if backup is not None:
        message = _(
            "The case database %(db)s is damaged and cannot be read; restore it from the "
            "copy made at the last upgrade, %(backup)s (copy it over %(name)s), or from your "
            "own backup. The originals in originals/ are not affected."
        )
    else:
        message = _(
            "The case database %(db)s is damaged and cannot be read; restore %(name)s from "
            "your own backup (the case folder holds no copy from an upgrade). The originals "
            "in originals/ are not affected."
        )
    return CaseDamagedError(message % {"db": db_path, "backup": backup, "name": db_path.name})


def disk_full(db_path: Path) -> DiskFullError:
    return DiskFullError(
        _(
            "The disk holding the case %(folder)s is full, so the last change was not saved "
            "and nothing already in the case was lost; free some space and try again."
        )
        % {"folder": db_path.parent}
    )


def read_only(db_path: Path) -> ReadOnlyCaseError:
    return ReadOnlyCaseError(
        _(
            "The case %(folder)s cannot be changed: it is on read-only media or its files "
            "are write-protected; copy the case folder to a writable disk to change it."
        )
        % {"folder": db_path.parent}
    )


def _code(exc: BaseException) -> int | None:
    code = getattr(exc, "sqlite_errorcode", None)
    if isinstance(code, int):
        return code & 0xFF
    text = str(exc).lower()
    if "file is not a database" in text:
        return SQLITE_NOTADB
    if "malformed" in text:
        return SQLITE_CORRUPT
    if "database or disk is full" in text:
        return SQLITE_FULL
    if "readonly database" in text:
        return SQLITE_READONLY
    return None


def not_text(exc: UnicodeEncodeError) -> InvalidValueError:
    """A lone surrogate (a damaged paste, or a command-line argument in another encoding)
    cannot be stored: SQLite takes UTF-8 only. Said as such, nothing is written."""
    bad = exc.object[exc.start : exc.end] if isinstance(exc.object, str) else ""
    around = exc.object[max(0, exc.start - 20) : exc.start] if isinstance(exc.object, str) else ""
    return InvalidValueError(
        _(
            "This text holds a character that is not valid text (%(code)s, after “%(before)s”), "
            "as left by a damaged paste or a command-line argument in another encoding; "
            "nothing was saved. Type the text again."
        )
        % {"code": ", ".join(f"U+{ord(c):04X}" for c in bad), "before": around}
    )


def translate(exc: BaseException, db_path: Path) -> CasefileError | None:
    """The user's sentence for a SQLite failure, or None when it is not one of these."""
    orig = getattr(exc, "orig", None) or exc
    if isinstance(orig, UnicodeEncodeError):
        return not_text(orig)
    if isinstance(orig, OSError) and getattr(orig, "errno", None) == 28:  # ENOSPC
        return disk_full(db_path)
    if not isinstance(orig, sqlite3.Error):
        return None
    code = _code(orig)
    if code in (SQLITE_CORRUPT, SQLITE_NOTADB):
        return damaged(db_path)
    if code == SQLITE_FULL:
        return disk_full(db_path)
    if code == SQLITE_READONLY:
        return read_only(db_path)
    return None


def install(engine: Engine, db_path: Path) -> None:
    """Every statement the engine runs (and every connection it opens) reports these
    failures as `CasefileError`s."""

    @event.listens_for(engine, "handle_error")
    def _translate(ctx):  # type: ignore[no-untyped-def]
        return translate(ctx.original_exception, db_path)
