"""Writes say what they changed, as one value (issue 9 item 5): the faces update what
they show from it instead of listening for one kind of news per kind of thing."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import Changes


def _two_notes(case: Case, tmp_path: Path) -> list[str]:
    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(2):
        (folder / f"n{i}.txt").write_text(f"Note {i} on the Helix Cloud contract.\n")
    summary = services.import_paths(case, [folder])
    added = summary.changes.added
    assert len(added) == 2 and not summary.changes.removed
    return sorted(added)


def test_import_delete_and_saved_searches_return_what_changed(case: Case, tmp_path: Path) -> None:
    a, b = _two_notes(case, tmp_path)
    gone = services.delete_document(case, a)
    assert gone.removed == {a} and gone.membership and not gone.edited
    services.save_search(case, "Helix", "Helix")
    renamed = services.rename_saved_search(case, "Helix", "Helix contract")
    assert renamed.saved_searches and not renamed.membership
    assert [s.name for s in services.list_saved_searches(case)] == ["Helix contract"]
    renamed_entry = [e for e in services.audit_log(case) if e.action == "rename_saved_search"]
    assert len(renamed_entry) == 1 and renamed_entry[0].target == "Helix"
    assert services.delete_saved_search(case, "Helix contract").saved_searches
    assert services.document_uids(case) == [b]


def test_changes_combine_and_keep_the_latest_state_of_each_document(
    case: Case, tmp_path: Path
) -> None:
    a, b = _two_notes(case, tmp_path)
    first = Changes.edit(services.update_document(case, a, title="First"))
    second = Changes.edit(services.update_document(case, a, title="Second"), tags=True)
    both = first | second | Changes(removed=frozenset([b]))
    assert [d.title for d in both.edited] == ["Second"]
    assert both.detail(a) is not None and both.detail(a).title == "Second"
    assert both.tags and both.removed == {b} and both.detail(b) is None
