"""Text, CSV, HTML: the charset must be right, or a Russian file is unsearchable."""

from __future__ import annotations

from pathlib import Path

import pytest

from casefile.core.ingest.charset import decode_bytes
from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.types import FileType, Status
from tests.corpus import corpus_dir

RU_ENCODINGS = ("windows-1251", "KOI8-R", "IBM866", "MacCyrillic")


def test_the_four_legacy_cyrillic_files_decode_to_the_same_russian_text() -> None:
    ru = corpus_dir() / "ru"
    results = {enc: extract_file(str(ru / f"ude_1_{enc}.txt")) for enc in RU_ENCODINGS}
    texts = {enc: ex.pages[0] for enc, ex in results.items()}
    assert len(set(texts.values())) == 1, {e: t[:60] for e, t in texts.items()}
    text = texts["windows-1251"]
    for word in ("гимназии", "учеников", "математика", "латынь"):
        assert word in text
    assert {ex.encoding for ex in results.values()} == {
        "windows-1251",
        "koi8-r",
        "ibm866",
        "mac-cyrillic",
    }
    assert all(ex.languages == ["ru"] for ex in results.values())


@pytest.mark.parametrize("encoding", ["cp1251", "koi8-r", "cp866", "mac-cyrillic", "iso-8859-5"])
def test_generated_cyrillic_in_each_legacy_encoding(encoding: str) -> None:
    sentence = "Суд признал договор недействительным, а компания обжаловала решение."
    text, _ = decode_bytes(sentence.encode(encoding))
    assert text == sentence


def test_western_legacy_encodings_and_utf16_without_bom() -> None:
    corpus = corpus_dir()
    finnish = extract_file(str(corpus / "txt" / "ude_6_latin1_finnish.txt"))
    assert "elämään" in finnish.pages[0] and finnish.encoding == "iso-8859-1"
    quotes = extract_file(str(corpus / "txt" / "github_bug_9_cp1252.txt"))
    assert "“The names Bod, James Bond.”" in quotes.pages[0]
    for name in ("nobom-utf16le.txt", "nobom-utf16be.txt"):
        ex = extract_file(str(corpus / "txt" / name))
        assert ex.status == Status.OK and ex.pages[0].startswith("DateTime,Bid,Ask")
        assert "\x00" not in ex.pages[0]
    bom = extract_file(str(corpus / "txt" / "ude_4_utf-8-sig.txt"))
    assert not bom.pages[0].startswith("\ufeff") and "コンソール" in bom.pages[0]
    euc = extract_file(str(corpus / "txt" / "non-utf8.txt"))
    assert "テキストファイル" in euc.pages[0]


def test_csv_and_markdown_are_text(tmp_path: Path) -> None:
    csv = tmp_path / "ledger.csv"
    csv.write_text("date,payer,amount\n2024-06-07,Helix Cloud,1000\n", encoding="utf-8")
    md = tmp_path / "notes.md"
    md.write_text("# Notes\n\n* Forrest met the vendor in Cyprus.\n", encoding="utf-8")
    for path in (csv, md):
        ex = extract_file(str(path))
        assert (ex.file_type, ex.status) == (FileType.TEXT, Status.OK)
    assert "Helix Cloud" in extract_file(str(csv)).pages[0]


def test_empty_files_say_so() -> None:
    corpus = corpus_dir()
    for rel in ("txt/unknown-encoding.txt", "pdf-hostile/empty.pdf", "html/SRR000001;NCG;CV.html"):
        ex = extract_file(str(corpus / rel))
        assert ex.status == Status.EMPTY and ex.reason == "The file is empty (0 bytes)."


def test_html_without_charset_in_three_cyrillic_encodings() -> None:
    corpus = corpus_dir()
    texts = set()
    for enc in ("windows-1251", "KOI8-R", "ISO-8859-5"):
        ex = extract_file(str(corpus / "ru" / f"chromium_{enc}_no_charset.html"))
        assert ex.file_type == FileType.HTML and ex.status == Status.OK
        assert "РИА Новости" in ex.pages[0] and "<" not in ex.pages[0]
        assert ex.languages == ["ru"]
        texts.add(ex.pages[0])
    assert len(texts) == 1


def test_html_visible_text_only(tmp_path: Path) -> None:
    corpus = corpus_dir()
    tx = extract_file(str(corpus / "html" / "01-18-00277-CR.html"))
    assert tx.title == "Case Detail"
    assert "__VIEWSTATE" not in tx.pages[0] and "function(" not in tx.pages[0]
    utf16 = extract_file(str(corpus / "html" / "plane1-utf-16le.html"))
    assert utf16.file_type == FileType.HTML and utf16.encoding == "utf-16-le"
    assert utf16.title == "Unicode Plane 1 Example Using UTF-16"
    assert "𐌓𐌀𐌔𐌍𐌀" in utf16.pages[0]
    latin = extract_file(str(corpus / "html" / "selctee0047_2005-07-20.html"))
    assert latin.encoding == "windows-1252" and "Select Committee" in latin.pages[0]
    blank = tmp_path / "blank.html"
    blank.write_text("<html><head><script>x()</script></head><body> </body></html>")
    ex = extract_file(str(blank))
    assert ex.status == Status.EMPTY and ex.reason


def test_languages_of_a_bilingual_document(tmp_path: Path) -> None:
    from tests.helpers import EN_CLAIM, RU_ARTICLE

    path = tmp_path / "bilingual.txt"
    path.write_text((RU_ARTICLE + "\n\n") * 3 + (EN_CLAIM + "\n\n") * 2, encoding="utf-8")
    assert extract_file(str(path)).languages == ["ru", "en"]
    path.write_text(RU_ARTICLE + " " + EN_CLAIM, encoding="utf-8")  # one paragraph, two
    assert sorted(extract_file(str(path)).languages) == ["en", "ru"]  # about equal shares


def test_letter_counts_from_shared_character_counts_match_the_text_passes() -> None:
    """Extraction counts a text's characters once for the garbled-text check and the
    language detection (issue 11 item 10); the letter and Cyrillic counts taken from
    those counts are the ones the two regex passes over the text gave, including
    Cyrillic signs that are not letters and numbers that are (², Ⅻ)."""
    from collections import Counter

    from casefile.core.ingest.languages import _samples_by_script, detect_languages
    from tests.helpers import EN_CLAIM, RU_ARTICLE

    odd = " ҂1000 а\u0483б Ⅻ x² _под_черк 42 ё"
    for text in (RU_ARTICLE + odd, EN_CLAIM + odd, RU_ARTICLE + EN_CLAIM * 2 + odd, odd):
        assert _samples_by_script(text, Counter(text)) == _samples_by_script(text)
        assert detect_languages(text, Counter(text)) == detect_languages(text)


def test_a_russian_note_is_classified_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """One classifier call per script present: a Russian note with digits and
    punctuation is one call; Russian quoting English is two."""
    from casefile.core.ingest import languages
    from tests.helpers import EN_CLAIM, RU_ARTICLE

    model = languages._model()
    calls: list[str] = []

    class Counting:
        def classify(self, sample: str) -> tuple[str, float]:
            calls.append(sample)
            return model.classify(sample)  # type: ignore[no-any-return]

    monkeypatch.setattr(languages, "_model", Counting)
    path = tmp_path / "ru.txt"
    path.write_text(RU_ARTICLE + " 12.03.2014, №5 — 1 000 000 ₽.", encoding="utf-8")
    assert extract_file(str(path)).languages == ["ru"]
    assert len(calls) == 1
    path.write_text(RU_ARTICLE + "\n\n" + EN_CLAIM, encoding="utf-8")
    assert sorted(extract_file(str(path)).languages) == ["en", "ru"]
    assert len(calls) == 3


@pytest.mark.parametrize("seed", range(6))
def test_few_byte_values_counts_as_before(seed: int) -> None:
    """The UTF-16 lane test counts byte values in one numpy pass; its answer is the
    `Counter` definition's, at the 90% boundary too."""
    import random
    from collections import Counter

    from casefile.core.ingest.charset import _few_values

    rng = random.Random(seed)
    lanes = [b"", b"\x04", bytes(rng.randrange(256) for _ in range(2048))]
    for n_other in (0, 203, 204, 205, 400):  # 2048 bytes: 90% is 1843.2
        two = [4] * 1200 + [0] * (2048 - 1200 - n_other)
        lane = bytes(two + [rng.randrange(5, 256) for _ in range(n_other)])
        lanes.append(bytes(rng.sample(lane, len(lane))))
    for lane in lanes:
        expected = sum(n for _, n in Counter(lane).most_common(2)) >= 0.9 * len(lane)
        assert _few_values(lane) is expected


def test_a_short_note_is_decoded_once_and_a_longer_one_whole(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Sniffing decodes a short note whole; the extraction takes that text instead of
    reading and decoding the file again. A note just at or past the sniffed head's size
    is still read to its last line."""
    from casefile.core.ingest import extract_text, sniff

    calls: list[int] = []

    def counted(data: bytes, declared: str | None = None) -> tuple[str, str]:
        calls.append(len(data))
        return decode_bytes(data, declared)

    monkeypatch.setattr(sniff, "decode_bytes", counted)
    monkeypatch.setattr(extract_text, "decode_bytes", counted)
    short = tmp_path / "short.txt"
    short.write_bytes("Суд признал\r\nthe claim — ёлка\n".encode("cp1251", "replace") * 40)
    ex = extract_file(str(short))
    assert ex.status == Status.OK and ex.encoding == "windows-1251"
    assert ex.pages == ["Суд признал\nthe claim — ёлка\n" * 40]
    assert len(calls) == 1
    line = "Нехлюдов вошёл в залу суда.\n".encode()
    for size in (sniff.HEAD_BYTES - 1, sniff.HEAD_BYTES, sniff.HEAD_BYTES + 1):
        whole = (size - 1) // len(line)
        # Whole lines, dots up to the size, and a last byte that tells a cut text apart.
        body = line * whole + b"." * (size - 1 - whole * len(line)) + b"!"
        note = tmp_path / f"note{size}.txt"
        note.write_bytes(body)
        ex = extract_file(str(note))
        text = "".join(ex.pages)
        assert text.endswith("!") and len(text.encode()) == size, size
