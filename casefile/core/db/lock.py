"""The `.lock` that keeps a second writer out of a case.

An OS advisory lock (flock / msvcrt) on `.lock`, held for as long as the case is open,
so a crashed or killed process releases it by itself and no stale lock ever needs
cleaning. The file's content names the holder so the refusal can say who it is.

A case folder may come from someone else, so `.lock` is untrusted: it is opened without
following a link (O_NOFOLLOW) and must be a plain file with no other name (a hard link),
or Casefile would truncate whatever file it points at (docs/architecture.md, the case
folder).
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import stat
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from casefile.core.errors import CaseLockedError, UnsafeCaseError
from casefile.core.i18n import _

if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(f: IO[str]) -> bool:
        try:
            msvcrt.locking(f.fileno(), msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(f: IO[str]) -> None:
        f.seek(0)
        msvcrt.locking(f.fileno(), msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(f: IO[str]) -> bool:
        try:
            fcntl.flock(f.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(f: IO[str]) -> None:
        fcntl.flock(f.fileno(), fcntl.LOCK_UN)


def describe_holder(holder: dict[str, object]) -> str:
    """Who holds the case, in the current language: "anna on lab-pc (process 4242,
    since 2026-11-27T10:00:00+00:00)"."""
    values = {
        "who": holder.get("user") or _("someone"),
        "host": holder.get("host") or _("another computer"),
        "pid": holder.get("pid"),
        "since": holder.get("since"),
    }
    if values["pid"] and values["since"]:
        return _("%(who)s on %(host)s (process %(pid)s, since %(since)s)") % values
    if values["pid"]:
        return _("%(who)s on %(host)s (process %(pid)s)") % values
    return _("%(who)s on %(host)s") % values


def read_holder(lock_path: Path) -> dict[str, object]:
    try:
        with _open_lock_file(lock_path, create=False) as f:
            data = json.loads(f.read(64 * 1024) or "{}")
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError, UnsafeCaseError):
        return {}


_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)
_NONBLOCK = getattr(os, "O_NONBLOCK", 0)


def _unsafe(lock_path: Path, what: str) -> UnsafeCaseError:
    return UnsafeCaseError(
        _(
            "The case folder %(folder)s is not safe to open: its .lock is %(what)s, and "
            "Casefile would overwrite whatever it leads to. If you received this case from "
            "someone else, delete .lock from the case folder and open it again."
        )
        % {"folder": lock_path.parent, "what": what}
    )


def _open_lock_file(lock_path: Path, *, create: bool) -> IO[str]:
    """`.lock` opened for reading and writing, never through a link, never a FIFO,
    device or a file that also has another name (a hard link to someone's document)."""
    flags = os.O_RDWR | _NOFOLLOW | _NONBLOCK | getattr(os, "O_CLOEXEC", 0)
    if create:
        flags |= os.O_CREAT
    try:
        fd = os.open(lock_path, flags, 0o644)
    except IsADirectoryError as exc:
        raise _unsafe(lock_path, _("a folder")) from exc
    except OSError as exc:
        if lock_path.is_symlink():  # ELOOP on Linux, EMLINK on some BSDs
            what = _("a link to %(target)s") % {"target": os.readlink(lock_path)}
            raise _unsafe(lock_path, what) from exc
        raise
    try:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise _unsafe(lock_path, _("not a plain file (a device, pipe or folder)"))
        if st.st_nlink > 1:
            raise _unsafe(lock_path, _("another name of a file elsewhere (a hard link)"))
        if _NONBLOCK and hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return open(fd, "r+", encoding="utf-8", closefd=True)
    except BaseException:
        os.close(fd)
        raise


class CaseLock:
    def __init__(self, case_dir: Path) -> None:
        self.path = case_dir / ".lock"
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        f = _open_lock_file(self.path, create=True)  # held until release()
        if not _try_lock(f):
            holder = read_holder(self.path)
            f.close()
            raise CaseLockedError(
                _(
                    "This case is already open for writing by %(holder)s. Close it there "
                    "first, or open a copy of the case."
                )
                % {"holder": describe_holder(holder)},
                holder,
            )
        f.seek(0)
        f.truncate()
        json.dump(
            {
                "pid": os.getpid(),
                "host": socket.gethostname(),
                "user": getpass.getuser(),
                "app": "Casefile",
                "since": datetime.now(UTC).isoformat(timespec="seconds"),
            },
            f,
        )
        f.flush()
        self._file = f

    def release(self) -> None:
        if self._file is None:
            return
        try:
            self._file.seek(0)
            self._file.truncate()
            self._file.flush()
            _unlock(self._file)
        finally:
            self._file.close()
            self._file = None
