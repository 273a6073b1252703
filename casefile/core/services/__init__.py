"""The use cases: the one API that the CLI, the GUI and the tests call.

Functions take plain values and return frozen DTOs (see `dto.py`); nothing here hands out
an ORM object or a session. Importing this package also wires in the search index.
"""

from casefile.core.services.cases import close_case, create_case, open_case, overview
from casefile.core.services.documents import (
    add_tag,
    count_documents,
    delete_document,
    document_uids,
    get_document,
    get_page,
    list_documents,
    list_tags,
    remove_tag,
    set_tags,
    status_counts,
    summaries_for,
    update_document,
)
from casefile.core.services.dto import (
    AuditRecord,
    CaseOverview,
    DocumentDetail,
    DocumentSummary,
    ImportOutcome,
    ImportSummary,
    PageText,
    VerifyProblem,
    VerifyReport,
)
from casefile.core.services.importing import import_paths, prepare_import, reextract_document
from casefile.core.services.integrity import audit_log, verify_case
from casefile.core.services.originals import original_copy, original_path
from casefile.core.services.search import (
    Hit,
    QueryError,
    SavedSearchInfo,
    SearchResults,
    Snippet,
    delete_saved_search,
    ensure_index,
    list_saved_searches,
    reindex,
    run_saved_search,
    save_search,
    search,
)

__all__ = [
    "AuditRecord",
    "CaseOverview",
    "DocumentDetail",
    "DocumentSummary",
    "Hit",
    "ImportOutcome",
    "ImportSummary",
    "PageText",
    "QueryError",
    "SavedSearchInfo",
    "SearchResults",
    "Snippet",
    "VerifyProblem",
    "VerifyReport",
    "add_tag",
    "audit_log",
    "close_case",
    "count_documents",
    "create_case",
    "delete_document",
    "delete_saved_search",
    "document_uids",
    "ensure_index",
    "get_document",
    "get_page",
    "import_paths",
    "list_documents",
    "list_saved_searches",
    "list_tags",
    "open_case",
    "original_copy",
    "original_path",
    "overview",
    "prepare_import",
    "reextract_document",
    "reindex",
    "remove_tag",
    "run_saved_search",
    "save_search",
    "search",
    "set_tags",
    "status_counts",
    "summaries_for",
    "update_document",
    "verify_case",
]
