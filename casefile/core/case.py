"""A case folder: create, open, close; one database, one store, one lock.

My Case.casefile/
  case.sqlite   the truth (WAL, foreign keys on)
  originals/    evidence by SHA-256
  index/        derived search index, safe to delete
  .lock         held while a process has the case open for writing
"""

from __future__ import annotations

import errno
import getpass
import json
import os
import sqlite3
import urllib.parse
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Protocol

from sqlalchemy import create_engine, event, select
from sqlalchemy.engine import Engine
from sqlalchemy.orm import Session, sessionmaker

from casefile.core.db import failures, migrate
from casefile.core.db.lock import CaseLock
from casefile.core.db.schema import CaseInfo
from casefile.core.errors import (
    CaseExistsError,
    CasefileError,
    CaseLockedError,
    CaseNotFoundError,
    ReadOnlyCaseError,
    UnsafeCaseError,
)
from casefile.core.i18n import N_, _, os_error
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


# The entries of a case folder Casefile reads or writes. A folder may come from someone
# else (docs/architecture.md, the case folder): none of them may be a link that leads
# out of it, or opening the case would read or overwrite files elsewhere.
_FOLDER_ENTRIES = (
    DB_NAME,
    DB_NAME + "-wal",
    DB_NAME + "-shm",
    DB_NAME + "-journal",
    "originals",
    "index",
    "index.new",
    "index.old",
    "index.parts",  # segments the extraction workers build (core/search/segment_task.py)
)

READ_ONLY_MEDIA = N_(
    "This case is on read-only media (or its files are write-protected): it is open "
    "read-only, so nothing in it can be changed."
)


def check_folder(folder: Path) -> None:
    """Refuse a case folder whose database, originals or index lead outside it."""
    root = folder.resolve()
    for name in _FOLDER_ENTRIES:
        entry = folder / name
        if not entry.is_symlink():
            continue
        target = entry.resolve()
        if target != root and root not in target.parents:
            raise UnsafeCaseError(
                _(
                    "The case folder %(folder)s is not safe to open: its %(name)s is a link "
                    "to %(target)s, outside the case, so Casefile would read or change files "
                    "there. Ask the sender for a copy without links, or replace the link by "
                    "the real file."
                )
                % {"folder": folder, "name": name, "target": os.readlink(entry)}
            )
    originals = folder / "originals"
    if originals.is_dir() and not originals.is_symlink():
        with os.scandir(originals) as entries:  # <= 256 two-letter folders
            for sub in entries:
                if sub.is_symlink():
                    raise UnsafeCaseError(
                        _(
                            "The case folder %(folder)s is not safe to open: "
                            "originals/%(name)s is a link to %(target)s, so Casefile would "
                            "read or store evidence elsewhere. Replace the link by the real "
                            "folder."
                        )
                        % {"folder": folder, "name": sub.name, "target": os.readlink(sub.path)}
                    )
    db = folder / DB_NAME
    if db.exists() and not db.is_file():
        raise UnsafeCaseError(
            _(
                "The case folder %(folder)s is not safe to open: its %(name)s is not a plain "
                "file (a device, pipe or folder)."
            )
            % {"folder": folder, "name": DB_NAME}
        )


def _media_writable(folder: Path) -> bool:
    """False when the case folder or its database cannot be written (read-only media,
    write-protected files); os.access asks the kernel, which also says so for root."""
    db = folder / DB_NAME
    return os.access(folder, os.W_OK) and (not db.exists() or os.access(db, os.W_OK))


def _sqlite_uri(db_path: Path, mode: str) -> str:
    """mode: "rw", "ro" (another process may be writing), or "immutable" (read-only
    media with no write-ahead log to read: SQLite needs no -shm file then)."""
    uri = "file:" + urllib.parse.quote(str(db_path))
    if mode == "ro":
        return uri + "?mode=ro"
    if mode == "immutable":
        return uri + "?mode=ro&immutable=1"
    return uri


# Every commit is one the user is told about ("Done", a saved edit): with WAL, NORMAL
# may lose the last commits on power loss after they were reported; FULL syncs the log at
# each commit (docs/architecture.md, durability; cost measured in tests/perf/bench_import).
SYNCHRONOUS = "FULL"


def _make_engine(db_path: Path, readonly: bool, mode: str | None = None) -> Engine:
    mode = mode or ("ro" if readonly else "rw")
    uri = _sqlite_uri(db_path, mode)

    def connect() -> sqlite3.Connection:
        try:
            return sqlite3.connect(uri, uri=True, timeout=30, check_same_thread=False)
        except sqlite3.Error as exc:
            raise failures.translate(exc, db_path) or exc from exc

    # The URL only picks the dialect and the pool (a file: a QueuePool); `connect` opens
    # the database itself, so the path needs no escaping for SQLAlchemy's URL parser.
    engine = create_engine(f"sqlite:///{db_path.name}", creator=connect, json_serializer=_json_text)

    @event.listens_for(engine, "connect")
    def _pragmas(dbapi_conn, _record):  # type: ignore[no-untyped-def]
        cur = dbapi_conn.cursor()
        if not readonly:
            cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA synchronous={SYNCHRONOUS}")
        cur.execute("PRAGMA busy_timeout=30000")
        cur.close()

    failures.install(engine, db_path)
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
        # Why the case is read-only when the user did not ask for it (read-only media).
        self.readonly_reason: str | None = None
        self.extensions: dict[str, Extension] = {}  # derived data (the search index)
        self.migration_backup: Path | None = None
        # True while a bulk job (an import) writes and indexes its own backlog in large
        # commits; meanwhile a small write indexes only what it touched (services.sync).
        self.indexing_in_bulk = False
        # Each imported page's words as an extraction worker split them, from the
        # import's write to its index sync, so the index need not split them again:
        # uid -> {page number: (hash of the page text, the words joined by spaces)}
        # (`core/ingest/page_words.py`; the index checks the hash against the text).
        self.split_pages: dict[str, dict[int, tuple[int, str]]] = {}

    # -- life cycle ---------------------------------------------------------------
    @classmethod
    def create(cls, path: str | os.PathLike[str], title: str | None = None) -> Case:
        folder = Path(path)
        if folder.suffix != SUFFIX and not folder.exists():
            folder = folder.with_name(folder.name + SUFFIX)
        if (folder / DB_NAME).exists():
            raise CaseExistsError(
                _("There is already a case at %(folder)s. Open it instead.") % {"folder": folder}
            )
        if folder.exists() and any(folder.iterdir()):
            raise CaseExistsError(
                _("The folder %(folder)s is not empty. Choose a new folder for the case.")
                % {"folder": folder}
            )
        try:
            folder.mkdir(parents=True, exist_ok=True)
            (folder / "originals").mkdir(exist_ok=True)
        except OSError as exc:
            raise CasefileError(
                _("Cannot create the case folder %(folder)s: %(error)s.")
                % {"folder": folder, "error": os_error(exc)}
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
                    _(
                        "%(folder)s is not a Casefile case (it has no %(name)s). Choose a "
                        ".casefile folder, or create a new case with 'casefile new'."
                    )
                    % {"folder": folder, "name": DB_NAME}
                )
            else:
                raise CaseNotFoundError(_("There is no case at %(folder)s.") % {"folder": folder})
        return cls._open_folder(folder, readonly=readonly, fresh=False)

    @classmethod
    def _open_folder(cls, folder: Path, *, readonly: bool, fresh: bool) -> Case:
        check_folder(folder)
        db_path = folder / DB_NAME
        lock = None
        media_ro = not fresh and not _media_writable(folder)
        if not readonly and not media_ro:
            lock = CaseLock(folder)
            try:
                lock.acquire()
            except OSError as exc:
                if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM) or fresh:
                    raise
                lock, media_ro = None, True  # the probe said writable; the media did not
        if media_ro:
            readonly = True
        try:
            mode = "rw" if not readonly else "ro"
            if media_ro:
                wal = folder / (DB_NAME + "-wal")
                # A write-ahead log left on the media holds committed changes: read it
                # (SQLite can, when its -shm file is there too); otherwise nothing else
                # can be writing, and immutable needs no -shm file.
                has_log = wal.is_file() and wal.stat().st_size > 0
                mode = "ro" if has_log and (folder / (DB_NAME + "-shm")).is_file() else "immutable"
            engine = _make_engine(db_path, readonly, mode)
            backup = None
            if readonly:
                stamped = migrate.stamped_revision(engine)
                if stamped != migrate.HEAD_REVISION and not media_ro:
                    # Read-only by choice, on a writable disk: upgrade once (with its
                    # backup) unless another Casefile holds the case, then read.
                    engine.dispose()
                    with suppress(CaseLockedError):
                        cls._open_folder(folder, readonly=False, fresh=False).close()
                    engine = _make_engine(db_path, readonly, mode)
                    stamped = migrate.stamped_revision(engine)
                if stamped != migrate.HEAD_REVISION:
                    engine.dispose()
                    raise CasefileError(
                        _(
                            "This case was saved by an older Casefile and needs an upgrade, "
                            "which read-only media does not allow; copy the case folder to a "
                            "writable disk and open it there."
                        )
                        if media_ro
                        else _(
                            "This case needs an upgrade before it can be read; "
                            "open it normally (not read-only) once."
                        )
                    )
            else:
                backup = migrate.upgrade(engine, db_path, fresh=fresh)
            case = cls(folder, engine, lock)
            case.migration_backup = backup
            if media_ro:
                case.readonly_reason = _(READ_ONLY_MEDIA)
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

    def require_writable(self) -> None:
        """Refuse a change up front, with the reason, when the case is open read-only."""
        if not self.readonly:
            return
        if self.readonly_reason:
            raise failures.read_only(self.path / DB_NAME)
        raise ReadOnlyCaseError(
            _(
                "This case is open read-only, so it cannot be changed; close it elsewhere and "
                "open it normally to change it."
            )
        )

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

    def reader_uri(self) -> str:
        """The database as a read-only SQLite URI, for a helper process that reads
        committed text (`core/entities/match_worker.py`) and never writes."""
        return _sqlite_uri(self.path / DB_NAME, "ro")

    def info(self) -> dict[str, str]:
        with self.read_session() as s:
            return {row.key: row.value for row in s.scalars(select(CaseInfo))}

    @property
    def title(self) -> str:
        return self.info().get("title", self.path.stem)
