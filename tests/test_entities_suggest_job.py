"""The suggestion job holds the GUI's writer thread while the worker reads: an edit
made meanwhile must land between two batches, not after the last one."""

from __future__ import annotations

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.jobs import JobContext, Progress
from casefile.core.services import entity_suggestions
from tests.search_fixtures import add_document


@pytest.mark.slow  # starts the worker and loads the NER model (~2-6 s)
def test_an_edit_lands_between_suggestion_batches(case: Case, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    for i in range(3):
        add_document(case, f"memo {i}", [f"Charles Forrest met the BBC on day {i}."])
    monkeypatch.setattr(entity_suggestions, "BATCH", 1)
    landed: list[int] = []
    ctx: JobContext

    def progress(p: Progress) -> None:
        if p.done == 1:  # the user tags something while the first batch is back
            ctx.run_between(lambda: landed.append(ctx.snapshot().done))

    ctx = JobContext(on_progress=progress)
    result = services.suggest_entities(case, ctx)
    assert result.complete and result.documents_read == 3
    assert landed == [1]  # ran at the safe point after batch 1, while batches remained
