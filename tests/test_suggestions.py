"""What Casefile filled in itself is recorded as a suggestion until a person confirms
or edits it (issue 10 item 14)."""

from __future__ import annotations

from pathlib import Path

from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import JobContext


def one_file(tmp_path: Path, name: str = "claim-summary.txt") -> Path:
    path = tmp_path / "in" / name
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"{name}: the Claimant says the Respondent sold services.", encoding="utf-8")
    return path


def test_guessed_fields_are_suggestions_and_given_ones_are_not(case: Case, tmp_path: Path) -> None:
    summary = services.import_paths(case, [one_file(tmp_path)], JobContext())
    uid = summary.outcomes[0].document_uid
    assert uid is not None
    assert services.get_document(case, uid).suggested == ("title", "kind")

    given = services.import_paths(
        case, [one_file(tmp_path, "other.txt")], JobContext(), kind="note"
    )
    other = given.outcomes[0].document_uid
    assert other is not None
    assert services.get_document(case, other).suggested == ("title",)


def test_editing_or_confirming_makes_a_field_the_users(case: Case, tmp_path: Path) -> None:
    uid = services.import_paths(case, [one_file(tmp_path)], JobContext()).outcomes[0].document_uid
    assert uid is not None
    kind = services.get_document(case, uid).kind
    assert services.update_document(case, uid, kind=kind).suggested == ("title",)
    detail = services.confirm_suggestions(case, uid)
    assert detail.suggested == ()
    confirmations = [
        r for r in services.audit_log(case, target=uid) if r.action == "confirm_metadata"
    ]
    assert [r.after for r in confirmations] == [
        f'{{"kind": "{kind}"}}',
        '{"title": "claim-summary"}',
    ]
