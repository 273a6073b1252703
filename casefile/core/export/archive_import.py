"""Unpack a `.casezip` into a NEW case folder, trusting nothing in it.

An archive comes from someone else and is input like any other (docs/architecture.md,
the case folder). Before anything is written it is refused, with one sentence, if it
holds a member outside the names an archive has (`manifest.json`, `case.sqlite`,
`originals/ab/<sha256>`: so no path traversal, no absolute path), a link or a device,
a name twice, an encrypted member, a member larger than the manifest says or bigger
than a compressed size could honestly give (a zip bomb), or more than the disk can take.
While unpacking, every member is hashed and checked against the manifest, and the
database must be a Casefile database this version can open (migrated if older).

Nothing half-made: the case is built in a hidden folder beside the target and renamed
into place only when complete; any refusal or failure removes it.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import re
import shutil
import sqlite3
import stat
import tempfile
import urllib.parse
import zipfile
from pathlib import Path
from typing import Any

from casefile.core.case import DB_NAME, SUFFIX, Case
from casefile.core.errors import CaseExistsError, CasefileError
from casefile.core.export.archive import FORMAT, FORMAT_VERSION, MANIFEST
from casefile.core.i18n import _, ngettext
from casefile.core.jobs import JobContext
from casefile.core.originals import _fsync_dir, _syncfs

CHUNK = 1024 * 1024
MAX_MEMBERS = 2_000_000
MAX_MANIFEST = 256 * 1024 * 1024
# Deflate gives at most ~1,032:1; a case database deflates ~5:1, text originals ~10:1.
# A member above 1 MB claiming more than 200:1 is a zip bomb, not a case.
MAX_RATIO = 200
RATIO_FLOOR = 1024 * 1024
_ORIGINAL = re.compile(r"originals/([0-9a-f]{2})/([0-9a-f]{64})")
_NEEDED_TABLES = {"alembic_version", "case_info", "document", "page", "audit"}


class ArchiveError(CasefileError):
    """An archive Casefile will not import: the message says why."""


def _refuse(archive: Path, why: str) -> ArchiveError:
    return ArchiveError(
        _("%(file)s cannot be imported: %(why)s.") % {"file": archive.name, "why": why}
    )


def _kind(info: zipfile.ZipInfo) -> int:
    return (info.external_attr >> 16) & 0o170000


def check_members(archive: Path, infos: list[zipfile.ZipInfo]) -> dict[str, zipfile.ZipInfo]:
    """The archive's files by name, or a refusal naming the first wrong member."""
    if len(infos) > MAX_MEMBERS:
        raise _refuse(
            archive, _("it holds %(n)s members, more than any case") % {"n": f"{len(infos):,}"}
        )
    files: dict[str, zipfile.ZipInfo] = {}
    for info in infos:
        name = info.filename
        shown = name[:80]
        if name.startswith(("/", "\\")) or re.match(r"[A-Za-z]:", name):
            raise _refuse(
                archive, _("the member “%(member)s” has an absolute path") % {"member": shown}
            )
        if "\\" in name or any(p in ("", ".", "..") for p in name.rstrip("/").split("/")):
            raise _refuse(
                archive,
                _("the member “%(member)s” points outside the case folder") % {"member": shown},
            )
        kind = _kind(info)
        if kind == stat.S_IFLNK:
            raise _refuse(archive, _("the member “%(member)s” is a link") % {"member": shown})
        if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
            raise _refuse(
                archive, _("the member “%(member)s” is not a plain file") % {"member": shown}
            )
        if info.flag_bits & 0x1:
            raise _refuse(archive, _("the member “%(member)s” is encrypted") % {"member": shown})
        if info.is_dir():
            if name.rstrip("/") not in ("originals",) and not re.fullmatch(
                r"originals/[0-9a-f]{2}/?", name
            ):
                raise _refuse(
                    archive,
                    _("the folder “%(member)s” does not belong in a case archive")
                    % {"member": shown},
                )
            continue
        if name in files:
            raise _refuse(archive, _("the name “%(member)s” appears twice") % {"member": shown})
        if name not in (MANIFEST, DB_NAME):
            m = _ORIGINAL.fullmatch(name)
            if not m or m.group(2)[:2] != m.group(1):
                raise _refuse(
                    archive,
                    _("the member “%(member)s” does not belong in a case archive")
                    % {"member": shown},
                )
        if info.file_size > RATIO_FLOOR and (
            info.compress_size == 0 or info.file_size / info.compress_size > MAX_RATIO
        ):
            raise _refuse(
                archive,
                _(
                    "the member “%(member)s” would expand %(size)s bytes from %(packed)s "
                    "(an archive built to fill the disk)"
                )
                % {
                    "member": shown,
                    "size": f"{info.file_size:,}",
                    "packed": f"{info.compress_size:,}",
                },
            )
        files[name] = info
    for needed in (MANIFEST, DB_NAME):
        if needed not in files:
            raise _refuse(
                archive,
                _("it has no %(file)s, so it is not a Casefile case archive") % {"file": needed},
            )
    return files


def read_manifest(archive: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo) -> dict[str, Any]:
    if info.file_size > MAX_MANIFEST:
        raise _refuse(archive, _("its manifest is far larger than any case's"))
    try:
        manifest = json.loads(zf.read(info).decode("utf-8"))
    except (ValueError, UnicodeDecodeError, zipfile.BadZipFile) as exc:
        raise _refuse(archive, _("its manifest cannot be read")) from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        raise _refuse(archive, _("it is not a Casefile case archive"))
    if not isinstance(manifest.get("format_version"), int) or (
        manifest["format_version"] > FORMAT_VERSION
    ):
        raise ArchiveError(
            _("%(file)s was made by a newer Casefile; update Casefile to import it.")
            % {"file": archive.name}
        )
    return manifest


def _expected(
    archive: Path, manifest: dict[str, Any], files: dict[str, zipfile.ZipInfo]
) -> dict[str, tuple[str, int]]:
    """Name -> (sha256, size) for every member but the manifest, which must match the
    members exactly."""
    try:
        db = manifest["database"]
        expected = {DB_NAME: (str(db["sha256"]), int(db["size"]))}
        for entry in manifest["originals"]:
            name = str(entry["name"])
            if name in expected:
                raise _refuse(
                    archive, _("its manifest lists “%(member)s” twice") % {"member": name[:80]}
                )
            expected[name] = (str(entry["sha256"]), int(entry["size"]))
    except (KeyError, TypeError, ValueError) as exc:
        raise _refuse(archive, _("its manifest is incomplete")) from exc
    members = set(files) - {MANIFEST}
    if members != set(expected):
        odd = sorted(members ^ set(expected))[0]
        raise _refuse(
            archive,
            _("“%(member)s” is not both in the manifest and in the archive") % {"member": odd[:80]},
        )
    for name, (sha, size) in expected.items():
        if name != DB_NAME and not name.endswith("/" + sha):
            raise _refuse(
                archive,
                _("the manifest's hash of “%(member)s” is not its name") % {"member": name[:80]},
            )
        if files[name].file_size != size:
            raise _refuse(
                archive,
                _("the member “%(member)s” is not the size its manifest says")
                % {"member": name[:80]},
            )
    return expected


def _extract(
    archive: Path, zf: zipfile.ZipFile, info: zipfile.ZipInfo, dest: Path, sha: str, size: int
) -> None:
    h = hashlib.sha256()
    written = 0
    with zf.open(info) as src, open(dest, "xb") as out:
        while chunk := src.read(CHUNK):
            written += len(chunk)
            if written > size:
                raise _refuse(
                    archive,
                    _("the member “%(member)s” is larger than declared")
                    % {"member": info.filename[:80]},
                )
            h.update(chunk)
            out.write(chunk)
    if written != size or h.hexdigest() != sha:
        raise _refuse(
            archive,
            _(
                "the member “%(member)s” does not match the hash in its manifest (it was "
                "altered or damaged)"
            )
            % {"member": info.filename[:80]},
        )


def _ro(db: Path) -> str:
    return "file:" + urllib.parse.quote(str(db)) + "?mode=ro"


def _check_database(archive: Path, db: Path) -> None:
    with open(db, "rb") as fh:
        if fh.read(16) != b"SQLite format 3\x00":
            raise _refuse(archive, _("its case.sqlite is not a Casefile database"))
    try:
        conn = sqlite3.connect(_ro(db), uri=True)
        try:
            tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
            code = conn.execute(
                "SELECT count(*) FROM sqlite_master WHERE type IN ('trigger', 'view')"
            ).fetchone()[0]
            ok = conn.execute("PRAGMA quick_check").fetchone()
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise _refuse(archive, _("its case.sqlite is not a Casefile database")) from exc
    if not _NEEDED_TABLES.issubset(tables):
        raise _refuse(archive, _("its case.sqlite is not a Casefile database"))
    if code:
        # Casefile's schema has none: a trigger would run its own SQL whenever Casefile
        # writes to the case (rewrite the audit log, delete documents).
        raise _refuse(archive, _("its case.sqlite holds triggers or views no Casefile case has"))
    if not ok or ok[0] != "ok":
        raise _refuse(archive, _("its case.sqlite is damaged"))


def case_folder(target: Path) -> Path:
    """The folder a new case at `target` gets (…/Name.casefile), as `Case.create` names it."""
    return target if target.suffix == SUFFIX else target.with_name(target.name + SUFFIX)


def unpack(archive: Path, target: Path, job: JobContext) -> Path:
    """Build the case of `archive` at `target` (a new folder); answers its path."""
    folder = case_folder(Path(target))
    if folder.exists() and (not folder.is_dir() or any(folder.iterdir())):
        raise CaseExistsError(
            _("There is already something at %(folder)s; choose a new folder for the case.")
            % {"folder": folder}
        )
    try:
        zf = zipfile.ZipFile(archive)
    except (zipfile.BadZipFile, OSError) as exc:
        raise ArchiveError(
            _("%(file)s is not a Casefile case archive (it cannot be read as one).")
            % {"file": Path(archive).name}
        ) from exc
    archive = Path(archive)
    with zf:
        files = check_members(archive, zf.infolist())
        manifest = read_manifest(archive, zf, files[MANIFEST])
        expected = _expected(archive, manifest, files)
        folder.parent.mkdir(parents=True, exist_ok=True)
        need = sum(size for _sha, size in expected.values())
        if need > shutil.disk_usage(folder.parent).free:
            raise ArchiveError(
                _(
                    "%(file)s needs %(mb)s MB and the disk has less free space; free some "
                    "space or choose another disk."
                )
                % {"file": archive.name, "mb": f"{need / 2**20:,.0f}"}
            )
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.importing-", dir=folder.parent))
        try:
            missing = {str(x) for x in manifest.get("missing_originals") or []}
            _build(archive, zf, files, expected, tmp, missing, job)
            if folder.exists():
                folder.rmdir()  # an empty folder the user chose
            os.rename(tmp, folder)
            _fsync_dir(folder.parent)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
    return folder


def _build(
    archive: Path,
    zf: zipfile.ZipFile,
    files: dict[str, zipfile.ZipInfo],
    expected: dict[str, tuple[str, int]],
    tmp: Path,
    missing: set[str],
    job: JobContext,
) -> None:
    total = len(expected)
    db_sha, db_size = expected[DB_NAME]
    job.report(0, total, _("Database"))
    _extract(archive, zf, files[DB_NAME], tmp / DB_NAME, db_sha, db_size)
    _check_database(archive, tmp / DB_NAME)
    originals = tmp / "originals"
    originals.mkdir()
    shards: set[str] = set()
    done = 1
    for name, (sha, size) in expected.items():
        if name == DB_NAME:
            continue
        job.raise_if_cancelled()
        job.report(done, total, _("Original %(n)d of %(total)d") % {"n": done, "total": total - 1})
        dest = originals / sha[:2] / sha
        if sha[:2] not in shards:
            dest.parent.mkdir()
            shards.add(sha[:2])
        _extract(archive, zf, files[name], dest, sha, size)
        os.chmod(dest, stat.S_IRUSR | stat.S_IRGRP | stat.S_IROTH)
        done += 1
    _check_originals(archive, tmp, expected, missing)
    if not _syncfs(tmp):
        for path in tmp.rglob("*"):
            if path.is_file():
                with open(path, "rb") as fh:
                    os.fsync(fh.fileno())
    # Open it once where it is: a database from an older Casefile is migrated now, and
    # one from a newer Casefile is refused, before the case appears at its place.
    job.report(total, total, _("Checking the case"))
    with contextlib.closing(Case.open(tmp)):
        pass
    with contextlib.suppress(OSError):
        (tmp / ".lock").unlink()


def _check_originals(
    archive: Path, tmp: Path, expected: dict[str, tuple[str, int]], missing: set[str]
) -> None:
    """Every document's original is in the archive, or the manifest says it was already
    missing from the case when it was archived (as `verify` would have said there)."""
    present = {sha for name, (sha, _size) in expected.items() if name != DB_NAME}
    conn = sqlite3.connect(_ro(tmp / DB_NAME), uri=True)
    try:
        cited = {r[0] for r in conn.execute("SELECT sha256 FROM document")}
    except sqlite3.Error as exc:
        raise _refuse(archive, _("its case.sqlite is not a Casefile database")) from exc
    finally:
        conn.close()
    absent = cited - present - missing
    if absent:
        raise _refuse(
            archive,
            ngettext(
                "%(n)d original its documents cite is not in it",
                "%(n)d originals its documents cite are not in it",
                len(absent),
            )
            % {"n": len(absent)},
        )
