"""Editing many documents at once: all or none, audited per document, undone exactly."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.errors import InvalidValueError
from casefile.core.jobs import JobContext
from tests.helpers import write_text_files


def three_docs(case: Case, tmp_path: Path) -> list[str]:
    services.import_paths(case, write_text_files(tmp_path / "in", 3, 400), JobContext())
    uids = [d.uid for d in services.list_documents(case, sort="title")]
    services.update_document(case, uids[0], kind="report", reliability_source="C")
    services.update_document(case, uids[1], kind="article", source="Эхо")
    services.set_tags(case, uids[0], ["keep", "shared"])
    services.set_tags(case, uids[1], ["shared"])
    return uids


def test_bulk_edit_applies_to_all_and_restores_each_documents_own_values(
    case: Case, tmp_path: Path
) -> None:
    uids = three_docs(case, tmp_path)
    kinds = [services.get_document(case, u).kind for u in uids]
    assert kinds[:2] == ["report", "article"]
    shared = services.shared_metadata(case, uids)
    assert shared.count == 3 and "kind" in shared.mixed and "source" in shared.mixed
    assert shared.common_tags == () and shared.some_tags == ("keep", "shared")

    result = services.edit_documents(
        case, uids, {"kind": "court_filing", "reliability_info": 2}, add_tags=["Helix"],
        remove_tags=["shared"],
    )  # fmt: skip
    assert len(result.details) == 3
    docs = [services.get_document(case, u) for u in uids]
    assert {d.kind for d in docs} == {"court_filing"}
    assert {d.reliability_info for d in docs} == {2}
    assert [d.tags for d in docs] == [("Helix", "keep"), ("Helix",), ("Helix",)]
    audited = [r.target for r in services.audit_log(case) if r.action == "edit_document"]
    assert set(uids) <= set(audited)
    assert services.search(case, "tag:Helix").total == 3
    shared = services.shared_metadata(case, uids)
    assert shared.values["kind"] == "court_filing" and shared.common_tags == ("Helix",)

    services.restore_documents(case, result.before)
    docs = [services.get_document(case, u) for u in uids]
    assert [d.kind for d in docs] == kinds
    assert [d.reliability_info for d in docs] == [None, None, None]
    assert [d.reliability_source for d in docs] == ["C", None, None]
    assert [d.tags for d in docs] == [("keep", "shared"), ("shared",), ()]
    assert services.search(case, "tag:Helix").total == 0


def test_a_bad_value_changes_no_document(case: Case, tmp_path: Path) -> None:
    uids = three_docs(case, tmp_path)
    kinds = [services.get_document(case, u).kind for u in uids]
    with pytest.raises(InvalidValueError):
        services.edit_documents(case, uids, {"kind": "novel"})
    with pytest.raises(InvalidValueError, match="belongs to one document"):
        services.edit_documents(case, uids, {"title": "Same title for all"})
    assert [services.get_document(case, u).kind for u in uids] == kinds
