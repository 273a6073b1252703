"""Originals for viewing: the stored file (read-only QtPdf view) or a temporary copy for
the system viewer, so no other program can ever write to the evidence.

The stored path comes from the case's original store by SHA-256. There is no service for
"where is the original" yet; this module is the one place the UI reaches for it.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from casefile.core.errors import CasefileError

if TYPE_CHECKING:
    from casefile.core.case import Case


def original_path(case: Case, sha256: str) -> Path:
    return Path(case.store.path_for(sha256))


def temporary_copy(case: Case, sha256: str, filename: str) -> Path:
    """Copy the original to a private temp folder under its own name, read-only."""
    src = original_path(case, sha256)
    if not src.is_file():
        raise CasefileError(
            "The original of this document is missing from the case folder. "
            "Run Case → Verify to see which originals are affected."
        )
    folder = Path(tempfile.mkdtemp(prefix="casefile-"))
    safe = "".join(c for c in filename if c not in '/\\:*?"<>|').strip() or "original"
    dest = folder / safe
    shutil.copyfile(src, dest)
    os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP)
    return dest
