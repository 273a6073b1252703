"""The `.lock` that keeps a second writer out of a case.

An OS advisory lock (flock / msvcrt) on `.lock`, held for as long as the case is open,
so a crashed or killed process releases it by itself and no stale lock ever needs
cleaning. The file's content names the holder so the refusal can say who it is.
"""

from __future__ import annotations

import getpass
import json
import os
import socket
import sys
from datetime import UTC, datetime
from pathlib import Path
from typing import IO

from casefile.core.errors import CaseLockedError

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
    who = holder.get("user") or "someone"
    host = holder.get("host") or "another computer"
    pid = holder.get("pid")
    since = holder.get("since")
    text = f"{who} on {host}"
    if pid:
        text += f" (process {pid}"
        text += f", since {since})" if since else ")"
    return text


def read_holder(lock_path: Path) -> dict[str, object]:
    try:
        data = json.loads(lock_path.read_text(encoding="utf-8") or "{}")
        return data if isinstance(data, dict) else {}
    except (OSError, ValueError):
        return {}


class CaseLock:
    def __init__(self, case_dir: Path) -> None:
        self.path = case_dir / ".lock"
        self._file: IO[str] | None = None

    def acquire(self) -> None:
        f = open(self.path, "a+", encoding="utf-8")  # noqa: SIM115 - held until release()
        if not _try_lock(f):
            f.close()
            holder = read_holder(self.path)
            raise CaseLockedError(
                f"This case is already open for writing by {describe_holder(holder)}. "
                "Close it there first, or open a copy of the case.",
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
