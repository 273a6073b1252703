"""Content-addressed originals: the evidence, byte for byte.

A file is stored once under `originals/<first two hex>/<sha256>`, written to a temp
file, renamed into place and made read-only, so a crash leaves either the whole original
or nothing. Nothing here ever rewrites a good stored original.

Durability: one `put_file` is fsynced (file and folder) before it returns. A bulk import
instead calls `put_file(durable=False)` and then `sync()` once per batch, before the
database transaction that cites those originals commits: a per-file fsync costs ~5 ms
here (two of them were most of the import time), one `syncfs` per batch gives the same
guarantee. Should power fail between a rename and that sync, the blob on disk may be
short; `put_file` re-hashes any blob it finds already present and replaces a bad one.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import stat
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

CHUNK = 1024 * 1024


@dataclass(frozen=True)
class StoredOriginal:
    sha256: str
    size: int
    path: Path
    already_present: bool


def hash_file(path: Path) -> tuple[str, int]:
    h = hashlib.sha256()
    size = 0
    with open(path, "rb") as f:
        while chunk := f.read(CHUNK):
            h.update(chunk)
            size += len(chunk)
    return h.hexdigest(), size


def hash_stored(path: Path) -> str:
    """SHA-256 of a stored original, read without following a link and only if it is a
    plain file: a case folder is untrusted, and a blob that is a link to /dev/zero or a
    FIFO would otherwise hash forever (docs/architecture.md, the case folder)."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    fd = os.open(path, flags)
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(f"{path.name} is not a plain file")
        h = hashlib.sha256()
        with os.fdopen(fd, "rb", closefd=False) as f:
            while chunk := f.read(CHUNK):
                h.update(chunk)
        return h.hexdigest()
    finally:
        os.close(fd)


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _syncfs(path: Path) -> bool:
    """Flush every dirty page of the filesystem holding `path` (Linux); False elsewhere."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)
        fd = os.open(path, os.O_RDONLY)
        try:
            result: int = libc.syncfs(fd)
            return result == 0
        finally:
            os.close(fd)
    except (OSError, AttributeError):
        return False


def _intact(path: Path, sha: str) -> bool:
    try:
        return hash_stored(path) == sha
    except OSError:
        return False


class OriginalStore:
    def __init__(self, root: Path) -> None:
        self.root = root
        self._unsynced: list[Path] = []
        # Folders made (or found) by this store: asking the file system again for each
        # file, twice, was ~0.1 ms of an import's 3 KB note. One removed meanwhile is
        # made again (`_replace`).
        self._folders: set[Path] = set()

    def _folder(self, path: Path, parents: bool = False) -> None:
        if path not in self._folders:
            path.mkdir(parents=parents, exist_ok=True)
            self._folders.add(path)

    def _replace(self, tmp: Path, final: Path) -> None:
        try:
            os.replace(tmp, final)
        except FileNotFoundError:  # its folder was removed since this store made it
            self._folders.clear()
            self._folder(final.parent)
            os.replace(tmp, final)

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def intact(self, sha256: str) -> bool:
        """The stored original is there and still has this hash (re-read in full)."""
        return _intact(self.path_for(sha256), sha256)

    def put_file(self, src: Path, *, durable: bool = True) -> StoredOriginal:
        """Copy `src` in, hashing while copying, so what is stored is what was hashed.
        With durable=False the caller must call `sync()` before relying on it."""
        self._folder(self.root, parents=True)
        h = hashlib.sha256()
        size = 0
        try:
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        except FileNotFoundError:  # the store's folder was removed since: make it again
            self._folders.clear()
            self._folder(self.root, parents=True)
            fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
                while chunk := inp.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                if durable:
                    os.fsync(out.fileno())
            sha = h.hexdigest()
            final = self.path_for(sha)
            if final.is_file() and _intact(final, sha):
                tmp.unlink()
                return StoredOriginal(sha, size, final, already_present=True)
            self._folder(final.parent)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            self._replace(tmp, final)
            if durable:
                _fsync_dir(final.parent)
            else:
                self._unsynced.append(final)
            return StoredOriginal(sha, size, final, already_present=False)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def sync(self) -> None:
        """Make every original stored with durable=False safe on disk."""
        if not self._unsynced:
            return
        if not _syncfs(self.root):
            for path in self._unsynced:
                with open(path, "rb") as f:
                    os.fsync(f.fileno())
            for folder in {p.parent for p in self._unsynced}:
                _fsync_dir(folder)
        self._unsynced.clear()

    def put_bytes(self, data: bytes, *, durable: bool = True) -> StoredOriginal:
        self.root.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=".bytes-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            return self.put_file(Path(tmp_name), durable=durable)
        finally:
            Path(tmp_name).unlink(missing_ok=True)

    def iter_stored(self) -> Iterator[str]:
        if not self.root.is_dir():
            return
        for sub in sorted(self.root.iterdir()):
            if sub.is_dir() and len(sub.name) == 2:
                for f in sorted(sub.iterdir()):
                    yield f.name

    def clean_incoming(self) -> None:
        """Remove temp files left by a crash mid-copy (they were never part of the case)."""
        if self.root.is_dir():
            for leftover in self.root.glob(".incoming-*"):
                leftover.unlink(missing_ok=True)
            for leftover in self.root.glob(".bytes-*"):
                leftover.unlink(missing_ok=True)
