"""The use cases: the one API that the CLI, the GUI and the tests call.

Functions take plain values and return frozen DTOs (see `dto.py`); nothing here hands out
an ORM object or a session. Importing this package also wires in the search index.

The import use cases (and the extraction machinery behind them) load on first use: a
face that only opens and reads a case should not pay for them before its first paint.
"""

from typing import TYPE_CHECKING, Any

from casefile.core.services.bulk import (
    BulkEdit,
    SharedMetadata,
    edit_documents,
    restore_documents,
    shared_metadata,
)
from casefile.core.services.cases import close_case, create_case, open_case, overview
from casefile.core.services.documents import (
    add_tag,
    count_documents,
    delete_document,
    document_uids,
    get_document,
    get_page,
    kind_counts,
    list_documents,
    list_tags,
    remove_tag,
    set_tags,
    status_counts,
    summaries_for,
    update_document,
)
from casefile.core.services.dto import (
    AuditHead,
    AuditRecord,
    CaseOverview,
    Changes,
    DocumentDetail,
    DocumentSummary,
    ImportOutcome,
    ImportSummary,
    PageText,
    VerifyProblem,
    VerifyReport,
)
from casefile.core.services.entities import (  # issue 12: entities
    AliasInfo,
    DeletedEntity,
    EntityInfo,
    EntityKind,
    EntityNotFoundError,
    MentionInfo,
    add_alias,
    add_mention,
    create_entity,
    delete_entity,
    edit_entity,
    get_entity,
    list_entities,
    match_pending,
    mentions,
    merge_entities,
    pending_matches,
    reject_mention,
    remove_alias,
    rename_entity,
    restore_entity,
    split_alias,
)
from casefile.core.services.entity_suggestions import (  # issue 12
    Suggestion,
    SuggestionSet,
    accept_suggestion,
    dismiss_suggestion,
    dismissed_suggestions,
    suggest_entities,
)
from casefile.core.services.entity_undo import (  # issue 12: the GUI's undo
    MergedEntities,
    merge_entities_undoably,
    remove_mention,
    snapshot_entity,
    unmerge_entities,
    unreject_mention,
)
from casefile.core.services.entity_views import (  # issue 12: the GUI's reads
    EntityGraph,
    GraphEdge,
    GraphNode,
    PageMention,
    entity_graph,
    page_mentions,
)
from casefile.core.services.integrity import audit_head, audit_log, verify_case
from casefile.core.services.originals import (
    copies_root,
    original_copy,
    original_path,
    remove_session_copies,
    remove_stale_copies,
)
from casefile.core.services.relations import (
    COMMON_LABELS,
    CitationIn,
    CitationInfo,
    RelationInfo,
    add_relation,
    delete_relation,
    list_relations,
)
from casefile.core.services.search import (
    Hit,
    QueryError,
    SavedSearchInfo,
    SearchResults,
    Snippet,
    delete_saved_search,
    ensure_index,
    highlight_spans,
    list_saved_searches,
    reindex,
    rename_saved_search,
    run_saved_search,
    save_search,
    search,
    utf16_spans,
)
from casefile.core.services.suggestions import confirm_suggestions, suggest_again

_LAZY = {"import_paths", "prepare_import", "reextract_document", "reextract_documents"}
# OCR (issue 16) loads the worker machinery too: on first use as well.
_LAZY_OCR = {
    "OcrOutcome",
    "OcrPage",
    "OcrSummary",
    "OcrUnavailableError",
    "check_ocr",
    "ocr_documents",
    "ocr_pages",
    "ocr_waiting",
    "page_regions",
}

if TYPE_CHECKING:
    from casefile.core.services.importing import (
        import_paths,
        prepare_import,
        reextract_document,
        reextract_documents,
    )
    from casefile.core.services.ocr import (
        OcrOutcome,
        OcrPage,
        OcrSummary,
        OcrUnavailableError,
        check_ocr,
        ocr_documents,
        ocr_pages,
        ocr_waiting,
        page_regions,
    )


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        from casefile.core.services import importing

        return getattr(importing, name)
    if name in _LAZY_OCR:
        from casefile.core.services import ocr

        return getattr(ocr, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "COMMON_LABELS",
    "AliasInfo",
    "AuditHead",
    "AuditRecord",
    "BulkEdit",
    "CaseOverview",
    "Changes",
    "CitationIn",
    "CitationInfo",
    "DeletedEntity",
    "DocumentDetail",
    "DocumentSummary",
    "EntityGraph",
    "EntityInfo",
    "EntityKind",
    "EntityNotFoundError",
    "GraphEdge",
    "GraphNode",
    "Hit",
    "ImportOutcome",
    "ImportSummary",
    "MentionInfo",
    "MergedEntities",
    "OcrOutcome",
    "OcrPage",
    "OcrSummary",
    "OcrUnavailableError",
    "PageMention",
    "PageText",
    "QueryError",
    "RelationInfo",
    "SavedSearchInfo",
    "SearchResults",
    "SharedMetadata",
    "Snippet",
    "Suggestion",
    "SuggestionSet",
    "VerifyProblem",
    "VerifyReport",
    "accept_suggestion",
    "add_alias",
    "add_mention",
    "add_relation",
    "add_tag",
    "audit_head",
    "audit_log",
    "check_ocr",
    "close_case",
    "confirm_suggestions",
    "copies_root",
    "count_documents",
    "create_case",
    "create_entity",
    "delete_document",
    "delete_entity",
    "delete_relation",
    "delete_saved_search",
    "dismiss_suggestion",
    "dismissed_suggestions",
    "document_uids",
    "edit_documents",
    "edit_entity",
    "ensure_index",
    "entity_graph",
    "get_document",
    "get_entity",
    "get_page",
    "highlight_spans",
    "import_paths",
    "kind_counts",
    "list_documents",
    "list_entities",
    "list_relations",
    "list_saved_searches",
    "list_tags",
    "match_pending",
    "mentions",
    "merge_entities",
    "merge_entities_undoably",
    "ocr_documents",
    "ocr_pages",
    "ocr_waiting",
    "open_case",
    "original_copy",
    "original_path",
    "overview",
    "page_mentions",
    "page_regions",
    "pending_matches",
    "prepare_import",
    "reextract_document",
    "reextract_documents",
    "reindex",
    "reject_mention",
    "remove_alias",
    "remove_mention",
    "remove_session_copies",
    "remove_stale_copies",
    "remove_tag",
    "rename_entity",
    "rename_saved_search",
    "restore_documents",
    "restore_entity",
    "run_saved_search",
    "save_search",
    "search",
    "set_tags",
    "shared_metadata",
    "snapshot_entity",
    "split_alias",
    "status_counts",
    "suggest_again",
    "suggest_entities",
    "summaries_for",
    "unmerge_entities",
    "unreject_mention",
    "update_document",
    "utf16_spans",
    "verify_case",
]
