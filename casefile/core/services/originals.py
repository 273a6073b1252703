"""Handing originals to the outside world without ever exposing the evidence itself.

The viewer may read the stored file; anything given to another program (the system PDF
viewer, a file manager) is a read-only temporary copy, so no other program can write
to what is in the case.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path

from sqlalchemy import select

from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.errors import CasefileError, DocumentNotFoundError

_UNSAFE = '/\\:*?"<>|\x00'


def original_path(case: Case, uid: str) -> Path:
    """The stored original of a document (read-only; for viewing in-process only)."""
    with case.read_session() as s:
        row = s.execute(select(Document.sha256, Document.title).where(Document.uid == uid)).first()
    if row is None:
        raise DocumentNotFoundError(f"There is no document {uid} in this case.")
    path = case.store.path_for(row.sha256)
    if not path.is_file():
        raise CasefileError(
            f"The original of “{row.title}” is missing from the case folder. "
            "Run Verify to see which originals are affected."
        )
    return path


def original_copy(case: Case, uid: str) -> Path:
    """A read-only copy of the original under its own file name, in a private temporary
    folder: what to give the system viewer."""
    src = original_path(case, uid)
    with case.read_session() as s:
        name = s.scalar(select(Document.original_filename).where(Document.uid == uid)) or ""
    safe = "".join(c for c in name if c not in _UNSAFE).strip() or "original"
    folder = Path(tempfile.mkdtemp(prefix="casefile-"))
    dest = folder / safe
    shutil.copyfile(src, dest)
    os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP)
    return dest
