"""Editing documents through the services: validation, audit, ordering, deletion."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.errors import InvalidValueError


@pytest.fixture
def uids(case: Case, tmp_path: Path) -> list[str]:
    paths = []
    for name in ("a", "b", "c"):
        p = tmp_path / f"{name}.txt"
        p.write_text(f"note {name}", encoding="utf-8")
        paths.append(p)
    summary = services.import_paths(case, paths)
    return [o.document_uid or "" for o in summary.outcomes]


def test_date_order_puts_undated_documents_last_both_ways(case: Case, uids: list[str]) -> None:
    a, b, c = uids
    services.update_document(case, a, date="2024-06")
    services.update_document(case, c, date="2023-02-14")
    assert services.document_uids(case, sort="date") == [c, a, b]
    assert services.document_uids(case, sort="date", descending=True) == [a, c, b]
    listed = [d.uid for d in services.list_documents(case, sort="date")]
    assert listed == [c, a, b]


def test_edits_are_validated_with_readable_messages(case: Case, uids: list[str]) -> None:
    uid = uids[0]
    with pytest.raises(InvalidValueError, match="not a date Casefile understands"):
        services.update_document(case, uid, date="2024-13-40")
    with pytest.raises(InvalidValueError, match=r"A \(completely reliable\)"):
        services.update_document(case, uid, reliability_source="Z")
    with pytest.raises(InvalidValueError, match=r"1 \(confirmed\)"):
        services.update_document(case, uid, reliability_info=9)
    with pytest.raises(InvalidValueError, match="not a document kind"):
        services.update_document(case, uid, kind="gossip")
    with pytest.raises(InvalidValueError, match="needs a title"):
        services.update_document(case, uid, title="  ")
    # Nothing half-written: the document is as it was.
    detail = services.get_document(case, uid)
    assert (detail.date, detail.reliability_source, detail.kind) == (None, None, "other")


def test_a_month_date_keeps_its_bounds(case: Case, uids: list[str]) -> None:
    d = services.update_document(case, uids[0], date="2023-02")
    assert (d.date, d.date_lower, d.date_upper) == ("2023-02", "2023-02-01", "2023-02-28")
    d = services.update_document(case, uids[0], date="")
    assert (d.date, d.date_lower, d.date_upper) == (None, None, None)


def test_edits_are_audited_with_before_and_after(case: Case, uids: list[str]) -> None:
    uid = uids[0]
    services.update_document(case, uid, title="Claim summary", reliability_source="b")
    services.update_document(case, uid, title="Claim summary")  # no change: no entry
    edits = [e for e in services.audit_log(case, target=uid) if e.action == "edit_document"]
    assert len(edits) == 1
    assert json.loads(edits[0].before or "{}")["title"] == "a"
    assert json.loads(edits[0].after or "{}") == {
        "title": "Claim summary",
        "reliability_source": "B",
    }


def test_tags_are_shared_and_counted(case: Case, uids: list[str]) -> None:
    services.set_tags(case, uids[0], ["OkoVision", "press"])
    services.add_tag(case, uids[1], "OkoVision")
    assert services.list_tags(case) == [("OkoVision", 2), ("press", 1)]
    services.remove_tag(case, uids[0], "OkoVision")
    assert services.list_tags(case) == [("OkoVision", 1), ("press", 1)]
    assert [d.uid for d in services.list_documents(case, tag="OkoVision")] == [uids[1]]
    services.remove_tag(case, uids[0], "press")  # its last document: no longer listed
    assert services.list_tags(case) == [("OkoVision", 1)]


def test_delete_keeps_the_original_and_records_what_went(case: Case, uids: list[str]) -> None:
    uid = uids[0]
    sha = services.get_document(case, uid).sha256
    services.delete_document(case, uid)
    assert uid not in services.document_uids(case)
    assert case.store.path_for(sha).is_file()  # evidence is never destroyed by a click
    entry = next(e for e in services.audit_log(case) if e.action == "delete_document")
    assert json.loads(entry.before or "{}")["title"] == "a"


def test_original_copy_is_read_only_and_named_like_the_original(
    case: Case, uids: list[str]
) -> None:
    copy = services.original_copy(case, uids[1])
    assert copy.name == "b.txt"
    assert copy.read_text(encoding="utf-8") == "note b"
    assert not copy.stat().st_mode & 0o222
    assert copy.parent != services.original_path(case, uids[1]).parent


def test_document_extra_is_stored_as_the_same_readable_json_text(
    case: Case, tmp_path: Path
) -> None:
    """The `extra` column is SQLAlchemy JSON now; its stored text must stay what the hand
    `json.dumps(…, ensure_ascii=False)` wrote, so cases made before read the same."""
    folder = tmp_path / "Показания"
    folder.mkdir()
    note = folder / "заметка.txt"
    note.write_text("Встреча в Лимасоле.", encoding="utf-8")
    uid = services.import_paths(case, [note]).outcomes[0].document_uid or ""
    with case.read_session() as s:
        (raw,) = (
            s.connection().exec_driver_sql("SELECT extra FROM document WHERE uid = ?", (uid,)).one()
        )
    assert raw == json.dumps({"imported_from": str(note)}, ensure_ascii=False)
    assert "Показания" in raw
    assert services.get_document(case, uid).extra == {"imported_from": str(note)}
