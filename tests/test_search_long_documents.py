"""A document of many pages is indexed from pages streamed out of the database, not from
its whole text held in memory (issue 8 item 8; docs/architecture.md, measured facts):
the streamed path must index exactly what the loaded path does."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.search import doc_source

PARAGRAPH = "Облачный провайдер Helix Cloud продавал сервисы компании OkoVision.\n\n"


def _long_text(tmp_path: Path) -> Path:
    chapters = [f"Chapter {i}. " + PARAGRAPH * 60 for i in range(40)]
    chapters[33] += "The comptroller signed the Zanzibar memorandum.\n\n"
    path = tmp_path / "long.txt"
    path.write_text("".join(chapters), encoding="utf-8")
    return path


@pytest.mark.parametrize("stream_above", [10_000, 2])
def test_a_streamed_document_is_indexed_like_a_loaded_one(
    case: Case, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stream_above: int
) -> None:
    monkeypatch.setattr(doc_source, "STREAM_PAGES", stream_above)
    uid = services.import_paths(case, [_long_text(tmp_path)]).outcomes[0].document_uid or ""
    doc = services.get_document(case, uid)
    assert doc.page_count > 2
    with case.read_session() as s:
        snap = doc_source.snapshots(s, [s.scalar(select(Document).where(Document.uid == uid))])[0]
    assert (snap.pages is None) == (stream_above == 2)  # which path this run takes
    page = next(
        n
        for n in range(1, doc.page_count + 1)
        if "Zanzibar" in services.get_page(case, uid, n).text
    )
    for _ in range(2):  # as imported, then after a full rebuild
        res = services.search(case, '"Zanzibar memorandum" comptroller')
        assert [h.uid for h in res.hits] == [uid]
        assert res.hits[0].pages == (page,)
        assert services.search(case, "OkoVision -Zanzibar").total == 0
        services.reindex(case)
