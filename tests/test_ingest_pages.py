"""Long texts become pages of a sensible size (issue 10 item 14), and a long text's
pages stream through the importer and the index without being held whole (issue 8
item 8). Texts are built here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.paging import MAX_CHARS, split_pages

PARAGRAPH = (
    "Облачный провайдер Helix Cloud мог продавать сервисы распознавания лиц компании "
    "OkoVision. The Claimant says the Respondent sold face-recognition services.\n"
)


def test_a_long_text_is_cut_into_pages_at_paragraph_breaks(case: Case, tmp_path: Path) -> None:
    novel = "".join(f"Chapter line {i}. {PARAGRAPH}\n" for i in range(2500))  # ~0.5 MB
    path = tmp_path / "novel.txt"
    path.write_text(novel, encoding="utf-8")
    summary = services.import_paths(case, [path])
    doc = services.get_document(case, summary.outcomes[0].document_uid or "")
    assert doc.page_count > 100  # not one page of half a megabyte
    pages = [services.get_page(case, doc.uid, n).text for n in range(1, doc.page_count + 1)]
    assert "".join(pages) == novel  # nothing lost, nothing added
    assert all(len(p) <= MAX_CHARS for p in pages)
    assert all(p.endswith("\n\n") for p in pages[:-1])  # cut between paragraphs
    hits = services.search(case, '"Chapter line 2222"', limit=5)
    page = next(n for n, text in enumerate(pages, 1) if "Chapter line 2222." in text)
    assert hits.hits[0].uid == doc.uid and hits.hits[0].pages == (page,)  # a citable page


def test_a_single_line_has_pages_cut_at_spaces() -> None:
    line = "word " * 30000
    pages = list(split_pages([line[i : i + 9999] for i in range(0, len(line), 9999)]))
    assert "".join(pages) == line
    assert all(p.endswith(" ") and len(p) <= MAX_CHARS for p in pages)
    assert list(split_pages(["x" * 12000])) == ["x" * 4000] * 3  # no space at all


def test_a_short_text_stays_one_page(tmp_path: Path) -> None:
    path = tmp_path / "memo.txt"
    path.write_text(PARAGRAPH * 10, encoding="utf-8")
    assert len(extract_file(str(path)).pages) == 1


_CHILD = r"""
import json, resource, sys
from casefile.core import services
case = services.create_case(sys.argv[1])
summary = services.import_paths(case, [sys.argv[2]], timeout_s=600)
rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # import and indexing
count = services.search(case, "OkoVision", limit=1).total
uid = summary.outcomes[0].document_uid
pages = services.get_document(case, uid).page_count
case.close()
print(json.dumps({"rss_mb": rss_mb, "pages": pages, "found": count}))
"""


def _peak_import(tmp_path: Path, megabytes: int) -> dict[str, float]:
    source = tmp_path / f"line-{megabytes}.txt"
    block = (PARAGRAPH.replace("\n", " ") * 100).encode()
    with open(source, "wb") as fh:
        for n in range(megabytes * 1024 * 1024 // len(block) + 1):
            fh.write(b"[%d] " % n + block)  # one line, no newline anywhere
    result = subprocess.run(
        [sys.executable, "-c", _CHILD, str(tmp_path / f"case-{megabytes}"), str(source)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    data: dict[str, float] = json.loads(result.stdout.strip().splitlines()[-1])
    return data


@pytest.mark.slow
def test_main_process_memory_does_not_grow_with_a_single_line_text(tmp_path: Path) -> None:
    """Peak RSS of the importing process (import and indexing) for a 4 MB and a 24 MB
    single-line text: before, it grew ~18 MB per MB of input (a 20 MB line: 443 MB, a
    200 MB one: 3.7 GB); now the bigger file may cost little more than the smaller."""
    small = _peak_import(tmp_path, 4)
    big = _peak_import(tmp_path, 24)
    assert big["rss_mb"] - small["rss_mb"] < 40, (small, big)  # 20 MB more input
    assert big["pages"] > 5 * small["pages"] > 0
    assert big["found"] >= 1
