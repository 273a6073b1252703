"""Opening and closing cases for the faces."""

from __future__ import annotations

from pathlib import Path

from casefile.core.case import Case
from casefile.core.services.documents import count_documents, status_counts
from casefile.core.services.dto import CaseOverview
from casefile.core.services.wiring import case_opened


def _wired(case: Case) -> Case:
    try:
        case_opened(case)
    except BaseException:
        case.close()  # releases the lock: a failed open leaves nothing held
        raise
    return case


def create_case(path: str | Path, title: str | None = None) -> Case:
    return _wired(Case.create(path, title))


def open_case(path: str | Path, *, readonly: bool = False) -> Case:
    return _wired(Case.open(path, readonly=readonly))


def close_case(case: Case) -> None:
    case.close()


def overview(case: Case) -> CaseOverview:
    return CaseOverview(
        path=str(case.path),
        title=case.title,
        document_count=count_documents(case),
        status_counts=status_counts(case),
    )
