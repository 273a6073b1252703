"""Content-addressed originals: the evidence, byte for byte.

A file is stored once under `originals/<first two hex>/<sha256>`, written to a temp
file, fsynced, renamed into place, and made read-only, so a crash leaves either the
whole original or nothing. Nothing here ever rewrites a stored original.
"""

from __future__ import annotations

import hashlib
import os
import stat
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


def _fsync_dir(path: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class OriginalStore:
    def __init__(self, root: Path) -> None:
        self.root = root

    def path_for(self, sha256: str) -> Path:
        return self.root / sha256[:2] / sha256

    def has(self, sha256: str) -> bool:
        return self.path_for(sha256).is_file()

    def put_file(self, src: Path) -> StoredOriginal:
        """Copy `src` in, hashing while copying, so what is stored is what was hashed."""
        self.root.mkdir(parents=True, exist_ok=True)
        h = hashlib.sha256()
        size = 0
        fd, tmp_name = tempfile.mkstemp(prefix=".incoming-", dir=self.root)
        tmp = Path(tmp_name)
        try:
            with os.fdopen(fd, "wb") as out, open(src, "rb") as inp:
                while chunk := inp.read(CHUNK):
                    h.update(chunk)
                    size += len(chunk)
                    out.write(chunk)
                out.flush()
                os.fsync(out.fileno())
            sha = h.hexdigest()
            final = self.path_for(sha)
            if final.is_file():
                tmp.unlink()
                return StoredOriginal(sha, size, final, already_present=True)
            final.parent.mkdir(exist_ok=True)
            os.chmod(tmp, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
            os.replace(tmp, final)
            _fsync_dir(final.parent)
            return StoredOriginal(sha, size, final, already_present=False)
        except BaseException:
            tmp.unlink(missing_ok=True)
            raise

    def put_bytes(self, data: bytes) -> StoredOriginal:
        fd, tmp_name = tempfile.mkstemp(prefix=".bytes-", dir=self.root)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            return self.put_file(Path(tmp_name))
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
