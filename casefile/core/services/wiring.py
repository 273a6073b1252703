"""The one place where derived data is wired to a case (docs/architecture.md, "Wiring").

The case itself knows nothing of the search index: `open_case` and `create_case` call
`case_opened`, which attaches the index and repairs drift left by a crash between a
database commit and an index commit; the index is closed with the case (it lives in
`case.extensions`). Every write then calls `services.sync.sync_index`. A new kind of
derived data (say, an entity mention index) is attached here, and nowhere else.
"""

from __future__ import annotations

from casefile.core.case import Case
from casefile.core.entities import matching
from casefile.core.search import indexer
from casefile.core.search.case_index import attach


def case_opened(case: Case) -> None:
    """Attach the derived data of a case that has just been opened or created. A missing
    or outdated index is rebuilt by the first sync or `ensure_index`, not here. Entity
    matching a crash interrupted is finished first (its queue survived the crash), so
    the index reconciled next holds the documents' entities."""
    if not case.readonly:
        matching.drain(case)
    si = attach(case)
    if not case.readonly and si.usable:
        indexer.reconcile(case, None)
