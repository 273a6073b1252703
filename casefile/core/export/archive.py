"""A whole case in one `.casezip`: its database, its originals and a manifest.

    manifest.json          format, versions, the case's title, every member's SHA-256
    case.sqlite            a consistent snapshot (SQLite's backup API), deflated
    originals/ab/ab12…     each original byte for byte, stored (already compressed)

The index is not in it: it is derived, and rebuilt when the archive is imported
(docs/architecture.md, the case folder). The snapshot is taken with SQLite's backup
API, so an export made while the case is being written is still one consistent state;
the originals it lists are those its documents cite. Every original is hashed as it is
copied into the archive: an altered one stops the export (an archive vouches for its
contents), a missing one is listed as missing, as in the case itself. Reading an
archive back is `archive_import.py`.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import sqlite3
import stat
import tempfile
import urllib.parse
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from casefile import __version__
from casefile.core.case import DB_NAME, Case
from casefile.core.errors import CasefileError
from casefile.core.export.base import ExportResult, atomic_output
from casefile.core.export.labels import number
from casefile.core.i18n import _, ngettext, os_error
from casefile.core.jobs import JobContext

FORMAT = "casefile-archive"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
SUFFIX = ".casezip"
CHUNK = 1024 * 1024


@dataclass(frozen=True)
class ArchiveOptions:
    """Nothing to choose yet: an archive holds the whole case."""


def snapshot(db_path: Path, dest: Path) -> None:
    """A consistent copy of a live database (WAL and all), page by page."""
    src = sqlite3.connect("file:" + urllib.parse.quote(str(db_path)) + "?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(dest)
        try:
            with dst:
                src.backup(dst, pages=4096)
            # The copy stands alone: no write-ahead log beside it in the archive.
            dst.execute("PRAGMA journal_mode=DELETE")
        finally:
            dst.close()
    finally:
        src.close()


def _facts(db: Path) -> tuple[str | None, str, list[str]]:
    """Schema revision, case title and the originals the snapshot's documents cite."""
    conn = sqlite3.connect(db)
    try:
        rev = conn.execute("SELECT version_num FROM alembic_version").fetchone()
        title = conn.execute("SELECT value FROM case_info WHERE key = 'title'").fetchone()
        shas = [r[0] for r in conn.execute("SELECT DISTINCT sha256 FROM document ORDER BY 1")]
    finally:
        conn.close()
    return (rev[0] if rev else None), (title[0] if title else ""), shas


def _copy_in(zf: zipfile.ZipFile, name: str, src: Path, compress: int) -> tuple[str, int]:
    """Stream `src` into the archive as `name`, hashing what is written."""
    info = zipfile.ZipInfo(name, date_time=datetime.now().timetuple()[:6])
    info.compress_type = compress
    # Level 1: the database deflates to ~30 % in a sixth of level 6's time (an export
    # should take about as long as copying the case's files).
    info._compresslevel = 1 if compress == zipfile.ZIP_DEFLATED else None  # type: ignore[attr-defined]
    info.external_attr = (stat.S_IFREG | 0o444) << 16
    h = hashlib.sha256()
    size = 0
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0)
    fd = os.open(src, flags)
    with os.fdopen(fd, "rb") as inp:
        if not stat.S_ISREG(os.fstat(inp.fileno()).st_mode):
            raise OSError(_("%(file)s is not a plain file") % {"file": src.name})
        with zf.open(info, "w", force_zip64=True) as out:
            while chunk := inp.read(CHUNK):
                h.update(chunk)
                size += len(chunk)
                out.write(chunk)
    return h.hexdigest(), size


class ArchiveExporter:
    kind = "archive"

    def export(
        self, data: object, options: ArchiveOptions, out: Path, job: JobContext
    ) -> ExportResult:
        if not isinstance(data, Case):
            raise TypeError("the archive exporter takes an open Case")
        return write_archive(data, Path(out), job)


def write_archive(case: Case, out: Path, job: JobContext) -> ExportResult:
    if out.suffix != SUFFIX:
        out = out.with_name(out.name + SUFFIX)
    if out.resolve().is_relative_to(case.path.resolve()):
        raise CasefileError(
            _("An archive cannot be written inside the case folder itself; choose another folder.")
        )
    job.report(0, None, _("Taking a snapshot of the database"))
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, name = tempfile.mkstemp(prefix=f".{out.name}.", suffix=".sqlite", dir=out.parent)
    os.close(fd)
    db = Path(name)
    try:
        snapshot(case.path / DB_NAME, db)
        revision, title, shas = _facts(db)
        originals: list[dict[str, Any]] = []
        missing: list[str] = []
        with (
            atomic_output(out, suffix=".part") as tmp,
            zipfile.ZipFile(tmp, "w", allowZip64=True) as zf,
        ):
            db_sha, db_size = _copy_in(zf, DB_NAME, db, zipfile.ZIP_DEFLATED)
            total = len(shas)
            for n, sha in enumerate(shas, start=1):
                job.raise_if_cancelled()
                job.report(
                    n - 1, total, _("Original %(n)d of %(total)d") % {"n": n, "total": total}
                )
                src = case.store.path_for(sha)
                if not src.is_file() and not src.is_symlink():
                    missing.append(sha)
                    continue
                member = f"originals/{sha[:2]}/{sha}"
                try:
                    actual, size = _copy_in(zf, member, src, zipfile.ZIP_STORED)
                except OSError as exc:
                    raise CasefileError(
                        _(
                            "The original %(sha)s… cannot be read (%(why)s); run Verify, "
                            "restore it, then export again."
                        )
                        % {"sha": sha[:16], "why": os_error(exc)}
                    ) from exc
                if actual != sha:
                    raise CasefileError(
                        _(
                            "The original %(sha)s… has changed since it was imported, so the "
                            "archive would not be true to the case; run Verify, restore it "
                            "from a backup, then export again."
                        )
                        % {"sha": sha[:16]}
                    )
                originals.append({"name": member, "sha256": sha, "size": size})
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "casefile_version": __version__,
                "schema_revision": revision,
                "created_at": datetime.now(UTC).isoformat(timespec="seconds"),
                "case_title": title,
                "database": {"name": DB_NAME, "sha256": db_sha, "size": db_size},
                "originals": originals,
                "missing_originals": missing,
                "documents": len(shas),
            }
            zf.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=1))
            job.report(total, total, _("Finishing"))
    finally:
        with contextlib.suppress(OSError):
            db.unlink()
    summary = ngettext(
        "The case was archived with %(n)s original to %(file)s.",
        "The case was archived with %(n)s originals to %(file)s.",
        len(originals),
    ) % {"n": number(len(originals)), "file": out.name}
    if missing:
        summary += " " + ngettext(
            "%(n)s original was already missing from the case and is not in the archive.",
            "%(n)s originals were already missing from the case and are not in the archive.",
            len(missing),
        ) % {"n": number(len(missing))}
    return ExportResult(path=out, summary=summary, files=(out,))
