"""The case archive: a round trip gives the same case (hashes, records, search results);
hostile archives, built here, are refused with one sentence and leave nothing behind."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import stat
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.errors import CaseExistsError, CasefileError
from casefile.core.services.archive import ArchiveError, export_archive, import_archive
from tests.helpers import write_mixed_folder

pytestmark = pytest.mark.slow  # each test imports documents into a new case

QUERIES = ("санкции", "Forrest", "claim OR статья", "kind:court_filing", "tag:Helix")


def _tables(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    try:
        names = [
            r[0]
            for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY 1")
        ]
        return {n: sorted(conn.execute(f'SELECT * FROM "{n}"'), key=repr) for n in names}
    finally:
        conn.close()


def _originals(case_path: Path) -> dict[str, str]:
    out = {}
    for f in (case_path / "originals").rglob("*"):
        if f.is_file():
            out[f.name] = hashlib.sha256(f.read_bytes()).hexdigest()
    return out


def _hits(case: Case) -> list[object]:
    """Each query's matches in date order, and as a set by relevance (an index rebuilt
    from scratch may break ties between equal scores in another order than one grown
    by edits)."""
    out: list[object] = []
    for q in QUERIES:
        out.append([h.uid for h in services.search(case, q, sort="date", limit=50).hits])
        out.append(sorted(h.uid for h in services.search(case, q, limit=50).hits))
    return out


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Path, Path]]:
    """A case with documents, tags, an entity, an event and a saved search, and its
    archive."""
    root = tmp_path_factory.mktemp("archive")
    files = write_mixed_folder(root / "in")
    with services.create_case(root / "Source", title="Форрест v Helix") as case:
        services.import_paths(case, [root / "in"])
        uid = services.document_uids(case)[0]
        services.add_tag(case, uid, "Helix")
        services.update_document(case, uid, kind="court_filing", notes="Заметка")
        services.create_entity(case, "Daniel Forrest", "person", aliases=["Форрест"])
        services.save_search(case, "sanctions", "санкции")
        from casefile.core.services.chronology import add_event

        add_event(case, title="Claim filed", date="2024-03")
        result = export_archive(case, None, root / "Source export")
    assert files and result.path == root / "Source export.casezip"
    yield root / "Source.casefile", result.path


def test_round_trip_gives_the_same_case(source: tuple[Path, Path], tmp_path: Path) -> None:
    case_path, archive = source
    with zipfile.ZipFile(archive) as zf:
        names = zf.namelist()
        manifest = json.loads(zf.read("manifest.json"))
    assert "case.sqlite" in names and not any(n.startswith("index") for n in names)
    assert manifest["format"] == "casefile-archive" and manifest["schema_revision"]

    imported = import_archive(archive, tmp_path / "Copy")
    assert imported.path == tmp_path / "Copy.casefile" and imported.indexed
    assert _originals(imported.path) == _originals(case_path)
    assert _tables(imported.path / "case.sqlite") == _tables(case_path / "case.sqlite")
    with (
        services.open_case(case_path, readonly=True) as a,
        services.open_case(imported.path) as b,
    ):
        assert a.title == b.title == "Форрест v Helix"
        assert _hits(a) == _hits(b)
        assert any(_hits(b))
        report = services.verify_case(b)
        assert report.ok
    assert [p.name for p in tmp_path.iterdir()] == ["Copy.casefile"]


def test_import_refuses_an_existing_case(source: tuple[Path, Path], tmp_path: Path) -> None:
    (tmp_path / "Busy.casefile").mkdir()
    (tmp_path / "Busy.casefile" / "note.txt").write_text("mine")
    with pytest.raises(CaseExistsError):
        import_archive(source[1], tmp_path / "Busy")
    assert (tmp_path / "Busy.casefile" / "note.txt").read_text() == "mine"


# -- hostile archives ------------------------------------------------------------------


def _members(archive: Path) -> dict[str, bytes]:
    with zipfile.ZipFile(archive) as zf:
        return {n: zf.read(n) for n in zf.namelist()}


def _write(path: Path, members: list[tuple[str | zipfile.ZipInfo, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in members:
            zf.writestr(name, data)
    return path


def _with_manifest(members: dict[str, bytes], **change: object) -> bytes:
    manifest = json.loads(members["manifest.json"])
    manifest.update(change)
    return json.dumps(manifest).encode()


def _traversal(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    return [*m.items(), ("../../evil.txt", b"x")]


def _absolute(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    return [*m.items(), ("/tmp/casefile-evil.txt", b"x")]


def _link(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    info = zipfile.ZipInfo("originals/aa/" + "a" * 64)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return [*m.items(), (info, b"/etc/passwd")]


def _duplicate(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    name = next(n for n in m if n.startswith("originals/"))
    return [*m.items(), (name, m[name])]


def _altered(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    name = next(n for n in m if n.startswith("originals/"))
    data = bytearray(m[name])
    data[0] ^= 0xFF
    return [(n, bytes(data) if n == name else d) for n, d in m.items()]


def _bomb(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    zeros = bytes(20 * 2**20)
    sha = hashlib.sha256(zeros).hexdigest()
    name = f"originals/{sha[:2]}/{sha}"
    manifest = json.loads(m["manifest.json"])
    manifest["originals"].append({"name": name, "sha256": sha, "size": len(zeros)})
    rest = [(n, d) for n, d in m.items() if n != "manifest.json"]
    return [*rest, (name, zeros), ("manifest.json", json.dumps(manifest).encode())]


def _oversized(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    name = next(n for n in m if n.startswith("originals/"))
    return [(n, d + b"more" if n == name else d) for n, d in m.items()]


def _not_casefile_db(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    tmp = Path(m["__tmp__"].decode()) / "other.sqlite"
    conn = sqlite3.connect(tmp)
    conn.execute("CREATE TABLE notes (x TEXT)")
    conn.commit()
    conn.close()
    data = tmp.read_bytes()
    manifest = json.loads(m["manifest.json"])
    manifest["database"] = {
        "name": "case.sqlite",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    return [
        ("case.sqlite", data) if n == "case.sqlite" else (n, d)
        for n, d in m.items()
        if n not in ("manifest.json", "__tmp__")
    ] + [("manifest.json", json.dumps(manifest).encode())]


def _trigger(m: dict[str, bytes]) -> list[tuple[str | zipfile.ZipInfo, bytes]]:
    """The case's own database, with a trigger that empties the audit log."""
    tmp = Path(m["__tmp__"].decode()) / "trigger.sqlite"
    tmp.write_bytes(m["case.sqlite"])
    conn = sqlite3.connect(tmp)
    conn.execute("CREATE TRIGGER wipe AFTER INSERT ON document BEGIN DELETE FROM audit; END")
    conn.commit()
    conn.close()
    data = tmp.read_bytes()
    manifest = json.loads(m["manifest.json"])
    manifest["database"] = {
        "name": "case.sqlite",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    rest = [(n, d) for n, d in m.items() if n not in ("case.sqlite", "manifest.json", "__tmp__")]
    return [("case.sqlite", data), *rest, ("manifest.json", json.dumps(manifest).encode())]


HOSTILE: dict[str, tuple[Callable[..., list[tuple[str | zipfile.ZipInfo, bytes]]], str]] = {
    "traversal": (_traversal, "points outside the case folder"),
    "absolute": (_absolute, "has an absolute path"),
    "link": (_link, "is a link"),
    "duplicate": (_duplicate, "appears twice"),
    "altered": (_altered, "does not match the hash in its manifest"),
    "bomb": (_bomb, "would expand"),
    "oversized": (_oversized, "is not the size its manifest says"),
    "not_casefile_db": (_not_casefile_db, "is not a Casefile database"),
    "trigger": (_trigger, "holds triggers or views"),
}


@pytest.mark.filterwarnings("ignore:Duplicate name")
@pytest.mark.parametrize("kind", sorted(HOSTILE))
def test_hostile_archives_are_refused_and_leave_nothing(
    kind: str, source: tuple[Path, Path], tmp_path: Path
) -> None:
    build, words = HOSTILE[kind]
    members = _members(source[1])
    members["__tmp__"] = str(tmp_path).encode()
    entries = build(members)
    entries = [(n, d) for n, d in entries if n != "__tmp__"]
    bad = _write(tmp_path / f"{kind}.casezip", entries)
    cases = tmp_path / "cases"
    cases.mkdir()
    with pytest.raises(ArchiveError) as caught:
        import_archive(bad, cases / "Imported")
    message = str(caught.value)
    assert words in message and message.startswith(f"{kind}.casezip cannot be imported: ")
    assert message.count(". ") == 0 and "Error" not in message  # one sentence, no jargon
    assert list(cases.iterdir()) == []
    assert not (tmp_path.parent / "evil.txt").exists()


def test_not_an_archive(tmp_path: Path) -> None:
    junk = tmp_path / "junk.casezip"
    junk.write_bytes(b"PK\x03\x04 not really a zip")
    with pytest.raises(CasefileError, match="is not a Casefile case archive"):
        import_archive(junk, tmp_path / "X")
    assert [p.name for p in tmp_path.iterdir()] == ["junk.casezip"]


def test_a_case_from_a_newer_casefile_is_refused(source: tuple[Path, Path], tmp_path: Path) -> None:
    members = _members(source[1])
    db = tmp_path / "newer.sqlite"
    db.write_bytes(members["case.sqlite"])
    conn = sqlite3.connect(db)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.commit()
    conn.close()
    data = db.read_bytes()
    manifest = json.loads(members["manifest.json"])
    manifest["database"] = {
        "name": "case.sqlite",
        "sha256": hashlib.sha256(data).hexdigest(),
        "size": len(data),
    }
    rest = [(n, d) for n, d in members.items() if n not in ("case.sqlite", "manifest.json")]
    newer = _write(
        tmp_path / "newer.casezip",
        [("case.sqlite", data), *rest, ("manifest.json", json.dumps(manifest).encode())],
    )
    cases = tmp_path / "cases"
    cases.mkdir()
    with pytest.raises(CasefileError, match="newer version of Casefile"):
        import_archive(newer, cases / "Newer")
    assert list(cases.iterdir()) == []
