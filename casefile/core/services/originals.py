"""Handing originals to the outside world without ever exposing the evidence itself.

The viewer may read the stored file; anything given to another program (the system PDF
viewer, a file manager) is a read-only temporary copy, so no other program can write
to what is in the case.

Those copies are plain copies of evidence, so they do not outlive the session: they
live in one private folder per user (`copies_root()`, e.g.
/tmp/casefile-open-originals-<user>/<process id>-…/), removed when the process exits,
and a session that crashed is cleaned up by the next one (`remove_stale_copies`).
"""

from __future__ import annotations

import atexit
import getpass
import os
import shutil
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.errors import CasefileError, DocumentNotFoundError
from casefile.core.i18n import _

_UNSAFE = '/\\:*?"<>|\x00'


def original_path(case: Case, uid: str) -> Path:
    """The stored original of a document (read-only; for viewing in-process only)."""
    with case.read_session() as s:
        row = s.execute(select(Document.sha256, Document.title).where(Document.uid == uid)).first()
    if row is None:
        raise DocumentNotFoundError(_("There is no document %(uid)s in this case.") % {"uid": uid})
    path = case.store.path_for(row.sha256)
    if not path.is_file():
        raise CasefileError(
            _(
                "The original of “%(title)s” is missing from the case folder. Run Verify to "
                "see which originals are affected."
            )
            % {"title": row.title}
        )
    return path


def copies_root() -> Path:
    """The per-user folder that holds the copies of originals opened in other programs."""
    try:
        user = getpass.getuser()
    except Exception:  # no user name in some sandboxes
        user = str(os.getuid()) if hasattr(os, "getuid") else "user"
    safe = "".join(c for c in user if c.isalnum() or c in "-_") or "user"
    return Path(tempfile.gettempdir()) / f"casefile-open-originals-{safe}"


def _private_root() -> Path:
    """`copies_root()`, made private to this user; never a folder or link someone else
    planted there (then a fresh private temporary folder is used instead)."""
    root = copies_root()
    try:
        root.mkdir(mode=0o700, exist_ok=True)
        st = os.lstat(root)
        own = not hasattr(os, "getuid") or st.st_uid == os.getuid()
        if stat.S_ISDIR(st.st_mode) and own:
            return root
    except OSError:
        pass
    return Path(tempfile.mkdtemp(prefix="casefile-open-originals-"))


_session_folders: list[Path] = []


def original_copy(case: Case, uid: str) -> Path:
    """A read-only copy of the original under its own file name, in a folder of this
    session's copies: what to give the system viewer. Removed when the process exits."""
    src = original_path(case, uid)
    with case.read_session() as s:
        name = s.scalar(select(Document.original_filename).where(Document.uid == uid)) or ""
    safe = "".join(c for c in name if c not in _UNSAFE).strip() or "original"
    if not _session_folders:
        remove_stale_copies()
        atexit.register(remove_session_copies)
    folder = Path(tempfile.mkdtemp(prefix=f"{os.getpid()}-", dir=_private_root()))
    _session_folders.append(folder)
    dest = folder / safe
    shutil.copyfile(src, dest)
    os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP)
    return dest


def _remove(folder: Path) -> bool:
    """Delete a folder of copies (they are read-only); False if something stayed (on
    Windows a file another program still has open cannot be deleted)."""

    def make_writable_and_retry(func: Callable[[str], object], path: str, _exc: object) -> None:
        os.chmod(path, stat.S_IWRITE)
        func(path)

    try:
        if sys.version_info >= (3, 12):
            shutil.rmtree(folder, onexc=make_writable_and_retry)
        else:
            shutil.rmtree(folder, onerror=make_writable_and_retry)
    except OSError:
        return False
    return not folder.exists()


def remove_session_copies() -> int:
    """Remove the copies this process made (at exit). Returns how many folders went."""
    removed = sum(1 for f in _session_folders if _remove(f))
    _session_folders.clear()
    return removed


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        handle = kernel32.OpenProcess(0x1000, False, pid)  # QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        code = ctypes.c_ulong()
        kernel32.GetExitCodeProcess(handle, ctypes.byref(code))
        kernel32.CloseHandle(handle)
        return code.value == 259  # STILL_ACTIVE
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except OSError:
        return True  # exists, belongs to someone else
    return True


def remove_stale_copies() -> int:
    """Remove copies left by sessions that ended without cleaning up (a crash, a kill).
    Returns how many folders went."""
    root = copies_root()
    if not root.is_dir() or root.is_symlink():
        return 0
    removed = 0
    for folder in root.iterdir():
        pid_text = folder.name.split("-", 1)[0]
        if folder.is_dir() and pid_text.isdigit() and not _alive(int(pid_text)):
            removed += _remove(folder)
    return removed
