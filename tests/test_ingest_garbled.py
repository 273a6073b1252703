"""Text that extracts as garbage is flagged, with a reason, and kept (issue 10 item 14)."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.core import services
from casefile.core.case import Case
from casefile.core.ingest.garbled import character_counts, garbled_reason
from tests.corpus import corpus_dir

LOOKALIKE = (  # an OCR layer that read a Russian tax form as Latin look-alikes
    "Hanorosas AeKnapai...IVIs no Hanory, ynnal.IVIBaeMoMy B CBS'I3VI C npVIMeHeHVIeM "
    "ynpo~eHHOH CVICTeMbl HoMep KoppeKn1pOBKH H8norosbiH nepHOA (KoA) 0T48THbiH rO,[I "
    "npe,[ICT8BflH8TCH B H8nOrOBbiH opr8H HanoronnaTenbll.l1K OCHOBHOH rocyAapcTBeHHbll1 "
) * 3
REAL = (
    "The Claimant, Daniel Forrest, says the Respondent sold cloud face-recognition "
    "services to OkoVision through a front company in Cyprus; the invoices of HelixCloud "
    "Ltd and the iPhone app's logs show the payments. "
) * 5


def test_character_counts_are_counters_counts() -> None:
    """The checks count characters with numpy (`character_counts`); what they count must
    be exactly what `Counter` counted, hostile characters included: lone surrogates from
    a damaged text layer, characters outside the BMP, NULs, an empty text."""
    from collections import Counter

    texts = [
        "",
        "a",
        LOOKALIKE,
        REAL + "Облачный провайдер «Helix Cloud» — ёЁ\u00a0\u200b",
        "\x00\x01 \ud800 lone \udfff surrogates \ud83d",
        "emoji 🙂🙂 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 \U0010ffff",
        "ﬁ ß İ ǅ" * 3,
    ]
    for text in texts:
        counts = character_counts(text)
        assert counts == Counter(text)
        assert all(type(k) is str and type(v) is int for k, v in counts.items())


def test_garbage_is_told_apart_from_real_text() -> None:
    assert "Latin look-alikes" in (garbled_reason(LOOKALIKE) or "")
    assert "OCR may help" in (garbled_reason(LOOKALIKE) or "")
    assert "one letter repeated" in (garbled_reason("Agaaaaa AAAA Aaabaaab aab " * 30) or "")
    assert "control characters" in (garbled_reason("3HQČåQt\x03SURVWĜHGN\\\x03QD\x03~þ") or "")
    boxes = "□□□ □□□□ □□ " * 20
    assert "boxes" in (garbled_reason(boxes, "text") or "")
    mixed = "".join(chr(c) for c in (0x0377, 0x0E32, 0x0BA4, 0x0DAF, 0x04B0, 0x0550, 0x0C86))
    assert "unrelated scripts" in (garbled_reason(mixed * 10) or "")
    for real in (REAL, "Облачный провайдер Helix Cloud мог продавать сервисы " * 20):
        assert garbled_reason(real) is None
    japanese = "この universalchardet アプリケーションは、AppWizard によって作成されました。" * 5
    assert garbled_reason(japanese, "text") is None


def test_a_garbled_pdf_is_flagged_not_imported_as_fine(case: Case, tmp_path: Path) -> None:
    corpus = corpus_dir()
    # kampo.pdf was garbled too while pypdf read PDF text; PDFium reads its Japanese
    # (see test_kampo_reads_as_japanese_now).
    paths = [corpus / "ru" / "issue12963.pdf"]
    summary = services.import_paths(case, paths)
    for outcome in summary.outcomes:
        assert outcome.status == "garbled", outcome
        assert "looks garbled" in (outcome.reason or "")
        doc = services.get_document(case, outcome.document_uid or "")
        assert doc.page_count and services.get_page(case, doc.uid, 1).text.strip()  # kept
    assert services.list_documents(case, status="garbled")


def test_kampo_reads_as_japanese_now(case: Case) -> None:
    """Its CID fonts without a usable ToUnicode gave pypdf mojibake; PDFium (which
    `extract_pdf` now uses) gives the gazette's words, so it is not flagged."""
    summary = services.import_paths(case, [corpus_dir() / "pdf" / "kampo.pdf"])
    assert summary.outcomes[0].status == "ok"
    text = services.get_page(case, summary.outcomes[0].document_uid or "", 1).text
    assert "歩行者" in "".join(text.split())


@pytest.mark.parametrize("name", ["pdf/two columns.pdf", "ru/cyrillic.docx", "html/nysd_2.html"])
def test_real_documents_are_not_flagged(case: Case, name: str) -> None:
    summary = services.import_paths(case, [corpus_dir() / name])
    assert summary.outcomes[0].status == "ok"


def test_the_check_looks_up_each_distinct_letter_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every extraction runs this check: asking each *letter's* Unicode script (2,000
    letters a note) was most of an import worker's time; the answer only needs each
    distinct letter's, weighted by its count (issue 11 item 10)."""
    from casefile.core.ingest import garbled

    seen: list[str] = []
    real_script = garbled._script

    def counting(ch: str) -> str:
        seen.append(ch)
        return real_script(ch)

    monkeypatch.setattr(garbled, "_script", counting)
    text = REAL * 20  # ~4,000 letters, ~30 distinct
    assert garbled_reason(text) is None
    assert len(seen) == len({ch for ch in text if ch.isalpha()})
    mixed = "".join(chr(c) for c in (0x0377, 0x0E32, 0x0BA4, 0x0DAF, 0x04B0, 0x0550, 0x0C86))
    assert "unrelated scripts" in (garbled_reason(mixed * 10) or "")
