"""A case folder: create, open, close; one database, one store, one lock.

My Case.casefile/
  case.sqlite   the truth (WAL, foreign keys on)
  originals/    evidence by SHA-256
  index/        derived search index, safe to delete
  .lock         held while a process has the case open for writing
"""

from __future__ import annotations

import getpass
import json
import os
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from casefile.core.db import migrate
from casefile.core.db.lock import CaseLock
from casefile.core.db.schema import CaseInfo
from casefile.core.errors import CaseExistsError, CasefileError, CaseNotFoundError
from casefile.core.originals import OriginalStore

DB_NAME = "case.sqlite"
SUFFIX = ".casefile"


class Extension(Protocol):
    """Derived data the services hang off an open case (the search index): kept in
    `Case.extensions` and closed with the case (docs/architecture.md, "Wiring")."""

    def close(self) -> None: ...


def _json_text(value: object) -> str:
    """JSON columns hold readable text: Cyrillic stays Cyrillic, not \\u escapes."""
    return json.dumps(value, ensure_ascii=False)


def _make_engine(db_path: Path, readonly: bool) -> Engine:
    url = f"sqlite:///file:{db_path}?mode=ro&uri=true" if readonly else f"sqlite:///{db_path}"
    engine = create_engine(
        url,
        connect_args={"timeout": 30, "check_same_thread": False},
        json_serializer=_json_text,
    )

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute("PRAGMA synchronous=NORMAL")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    return engine


class Case:
    """An open case. Use `Case.create` / `Case.open`, and `close()` (or `with`)."""

    def __init__(self, path: Path, engine: Engine, lock: CaseLock | None) -> None:
        self.path = path
        self.engine = engine
        self._lock = lock
        self._sessions = sessionmaker(engine, expire_on_commit=False)
        self.store = OriginalStore(path / "originals")
        self.readonly = lock is None
        self.extensions: dict[str, Extension] = {}  # derived data (the search index)
        self.migration_backup: Path | None = None
        # True while a bulk job (an import) writes and indexes its own backlog in large
        # commits; meanwhile a small write indexes only what it touched (services.sync).
        self.indexing_in_bulk = False

    # -- life cycle ---------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], title: str | None = None) -> Case:
        folder = Path(path)
        if folder.suffix != SUFFIX and not folder.exists():
            folder = folder.with_name(folder.name + SUFFIX)
        if (folder / DB_NAME).exists():
            raise CaseExistsError(f"There is already a case at {folder}. Open it instead.")
        if folder.exists() and any(folder.iterdir()):
            raise CaseExistsError(
                f"The folder {folder} is not empty. Choose a new folder for the case."
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "originals").mkdir(exist_ok=True)
        except OSError as exc:
            raise CasefileError(
                f"Cannot create the case folder {folder}: {exc.strerror or exc}."
            ) from exc
        case = cls._open_folder(folder, readonly=False, fresh=True)
        with case.session() as s:
            now = datetime.now(UTC).isoformat(timespec="seconds")
            s.add(CaseInfo(key="title", value=title or folder.stem))
            s.add(CaseInfo(key="created_at", value=now))
            s.add(CaseInfo(key="created_by", value=getpass.getuser()))
        return case

    @classmethod
    def open(cls, path: str | os.PathLike[str], *, readonly: bool = False) -> Case:
        folder = Path(path)
        if not (folder / DB_NAME).is_file():
            alt = folder.with_name(folder.name + SUFFIX)
            if (alt / DB_NAME).is_file():
                folder = alt
            elif folder.exists():
                raise CaseNotFoundError(
                    f"{folder} is not a Casefile case (it has no {DB_NAME}). "
                    "Choose a .casefile folder, or create a new case with 'casefile new'."
                )
            else:
                raise CaseNotFoundError(f"There is no case at {folder}.")
        return cls._open_folder(folder, readonly=readonly, fresh=False)

    @classmethod
    def _open_folder(cls, folder: Path, *, readonly: bool, fresh: bool) -> Case:
        lock = None
        if not readonly:
            lock = CaseLock(folder)
            lock.acquire()
        try:
            db_path = folder / DB_NAME
            engine = _make_engine(db_path, readonly)
            backup = None
            if readonly:
                if migrate.stamped_revision(engine) != migrate.HEAD_REVISION:
                    raise CasefileError(
                        "This case needs an upgrade before it can be read; "
                        "open it normally (not read-only) once."
                    )
            else:
                backup = migrate.upgrade(engine, db_path, fresh=fresh)
            case = cls(folder, engine, lock)
            case.migration_backup = backup
            if not readonly:
                case.store.clean_incoming()
            return case
        except BaseException:
            if lock is not None:
                lock.release()
            raise

    def close(self) -> None:
        try:
            while self.extensions:
                _key, extension = self.extensions.popitem()
                extension.close()
        finally:
            self.engine.dispose()
            if self._lock is not None:
                self._lock.release()
                self._lock = None

    def __enter__(self) -> Case:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- data access -----------------------------------------------------------------
    @property
    def index_dir(self) -> Path:
        return self.path / "index"

    @contextmanager
    def session(self) -> Iterator[Session]:
        """One unit of work: committed when the block ends, rolled back on any error."""
        if self.readonly:
            with self._sessions() as s:
                yield s
            return
        with self._sessions.begin() as s:
            yield s

    def read_session(self) -> Session:
        return self._sessions()

    def info(self) -> dict[str, str]:
        with self.read_session() as s:
            return {row.key: row.value for row in s.scalars(select(CaseInfo))}

    @property
    def title(self) -> str:
        return self.info().get("title", self.path.stem)
