"""Bring a case database to the current schema, safely.

Before any migration runs, the database is copied aside (`case.sqlite.bak-<rev>-<time>`)
with SQLite's backup API, so a failed upgrade never costs the user their case. A case
stamped with a revision this version does not know was written by a newer Casefile and
is refused rather than guessed at.
"""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.core.errors import CaseTooNewError
from casefile.core.i18n import _

if TYPE_CHECKING:  # alembic is imported when a case opens, not when Casefile starts
    from alembic.config import Config
    from sqlalchemy.engine import Engine

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
# The newest migration shipped (a test checks it against alembic's own head). A case
# already at this revision opens without importing alembic at all: alembic and its
# dialect modules take ~0.15 s to import, most of the time to open a current case.
HEAD_REVISION = "0013"


def _config() -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    return cfg


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(_config()).get_current_head()
    assert head is not None
    return head


def stamped_revision(engine: Engine) -> str | None:
    """The revision recorded in the case, read directly (None for a new database)."""
    from sqlalchemy import text
    from sqlalchemy.exc import OperationalError

    with engine.connect() as conn:
        try:
            return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
        except OperationalError:  # no such table: never migrated
            return None


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _backup(db_path: Path, rev: str | None) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%S")
    target = db_path.with_name(f"{db_path.name}.bak-{rev or 'empty'}-{stamp}")
    src = sqlite3.connect(db_path)
    try:
        dst = sqlite3.connect(target)
        with dst:
            src.backup(dst)
        dst.close()
    finally:
        src.close()
    return target


def upgrade(engine: Engine, db_path: Path, *, fresh: bool = False) -> Path | None:
    """Migrate to head; returns the backup path when one was made."""
    if stamped_revision(engine) == HEAD_REVISION:
        return None
    from alembic import command
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(_config())
    current = current_revision(engine)
    head = head_revision()
    if current == head:
        return None
    if current is not None:
        try:
            script.get_revision(current)
        except Exception as exc:  # alembic raises several kinds for an unknown id
            raise CaseTooNewError(
                _(
                    "This case was saved by a newer version of Casefile (database version "
                    "%(version)s). Update Casefile to open it; the case has not been changed."
                )
                % {"version": current}
            ) from exc
    backup = None if fresh or current is None else _backup(db_path, current)
    cfg = _config()
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "head")
    return backup
