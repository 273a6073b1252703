"""What every exporter shares: one small interface, one way to write a file safely.

Each exporter (DOCX report, CSV, PDF court bundle, case archive) is one module of
`core/export/` behind `Exporter`, run as a job (`core.jobs.JobContext`: progress and
Cancel), whatever face started it. `core/export` is a sibling of `core/entities` and
`core/chronology` and may not import them (docs/architecture.md, "Layers"): the service
(`services/exports.py`) reads the case through the other services and hands an exporter
plain values; the exporter only lays them out.

An export is never half-written where the user looks for it: it is written beside its
destination under a temporary name and moved into place only when complete
(`atomic_output`). A cancelled or failed export leaves nothing behind.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol, TypeVar

from casefile.core.jobs import JobContext

Options = TypeVar("Options", contravariant=True)


@dataclass(frozen=True)
class ExportResult:
    """What an export made: the file (or folder) to open, every file written (a bundle
    split into volumes writes several) and one sentence for the user."""

    path: Path
    summary: str
    files: tuple[Path, ...] = field(default_factory=tuple)


class Exporter(Protocol[Options]):
    """One kind of export. `data` is the plain-value content the service gathered;
    `options` the user's choices. Calls `job.report`/`job.raise_if_cancelled` as it goes
    and writes through `atomic_output`."""

    kind: str  # "report", "csv", "bundle", "archive": the CLI's word for it

    def export(
        self, data: object, options: Options, out: Path, job: JobContext
    ) -> ExportResult: ...


@contextlib.contextmanager
def atomic_output(dest: Path, *, suffix: str = "") -> Iterator[Path]:
    """Yield a temporary path beside `dest`; on success it replaces `dest` in one rename
    (same folder, so same file system), on any exception (including `Cancelled`) it is
    removed and `dest` is untouched."""
    dest = Path(dest)
    dest.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{dest.name}.", suffix=suffix or ".part", dir=dest.parent)
    os.close(fd)
    tmp = Path(name)
    try:
        yield tmp
        os.replace(tmp, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
