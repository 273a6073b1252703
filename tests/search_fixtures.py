"""Search test fixtures: documents written straight into a case's database (as the
importer would, work item included), so search tests do not depend on extraction."""

from __future__ import annotations

import hashlib
import itertools
import uuid
from collections.abc import Sequence

from sqlalchemy import select

from casefile.core import dates
from casefile.core.case import Case
from casefile.core.db import work_queue
from casefile.core.db.schema import Document, Page, Tag
from casefile.core.jobs import JobContext
from casefile.core.services.sync import sync_index

_counter = itertools.count()


def add_document(
    case: Case,
    title: str,
    pages: Sequence[str],
    *,
    kind: str = "other",
    date: str | None = None,
    source: str | None = None,
    languages: str | None = None,
    tags: Sequence[str] = (),
    sync: bool = True,
) -> str:
    uid = uuid.uuid4().hex
    parsed = dates.parse(date) if date else None
    with case.session() as s:
        tag_rows = []
        for name in tags:
            t = s.scalar(select(Tag).where(Tag.name == name))
            if t is None:
                t = Tag(name=name)
                s.add(t)
            tag_rows.append(t)
        doc = Document(
            uid=uid,
            title=title,
            kind=kind,
            date=parsed.text if parsed else None,
            date_lower=parsed.lower if parsed else None,
            date_upper=parsed.upper if parsed else None,
            source=source,
            languages=languages,
            sha256=hashlib.sha256(f"{uid}{next(_counter)}".encode()).hexdigest(),
            size=sum(len(p) for p in pages),
            original_filename=f"{title}.txt",
            file_type="txt",
            importer_version="test",
            status="ok",
            page_count=len(pages),
            pages=[Page(number=i, text=t) for i, t in enumerate(pages, start=1)],
        )
        doc.tags = tag_rows
        s.add(doc)
        work_queue.enqueue(s, [uid])
    if sync:
        sync_index(case)
    return uid


class ProgressRecorder(JobContext):
    """A job context that keeps every total reported: a rebuild's progress, as a bar
    would show it."""

    def __init__(self) -> None:
        super().__init__()
        self.totals: list[int | None] = []

    def report(self, done: int, total: int | None = None, label: str | None = None) -> None:
        self.totals.append(total)
        super().report(done, total, label)
