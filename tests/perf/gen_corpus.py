"""Deterministic generated documents made from the shared corpus's real texts: Russian
prose (Tolstoy, Chekhov, news) and English court records, mixed ~3 KB per document, so
benchmarks measure real vocabulary rather than one repeated sentence."""

from __future__ import annotations

import os
import random
import re
from collections.abc import Iterator
from pathlib import Path

RU_FILES = [
    "ru/Воскресение.txt",
    "ru/Злоумышленник.txt",
    "ru/Хамелеон.txt",
    "ru/Смерть чиновника.txt",
    "ru/Праведный судья.txt",
    "ru/bsnlp_nord_stream_file_1.txt",
    "ru/bsnlp_nord_stream_file_7.txt",
]
EN_FILES = ["txt/bva_subexample_1.txt", "txt/jpml_1.txt"]
EN_HTML = [
    "html/ny_current_template.html",
    "html/dcd_1.html",
    "html/nysd_2.html",
    "html/09-8612.htm",
    "html/01-18-00277-CR.html",
    "html/va_example.html",
    "html/selctee0047_2005-07-20.html",
    "html/govposts0026_2005-06-28.html",
]
KINDS = [
    "court_filing",
    "article",
    "parliamentary_submission",
    "correspondence",
    "report",
    "note",
    "other",
]


def corpus_dir() -> Path:
    env = os.environ.get("CASEFILE_CORPUS")
    return Path(env) if env else Path(__file__).resolve().parents[3] / "shared" / "corpus"


def _sentences(text: str) -> list[str]:
    text = re.sub(r"\s+", " ", text)
    return [s.strip() for s in re.split(r"(?<=[.!?])\s+", text) if len(s.strip()) > 20]


def load_pools(corpus: Path) -> tuple[list[str], list[str]]:
    import html_text

    ru: list[str] = []
    for f in RU_FILES:
        ru += _sentences((corpus / f).read_text(encoding="utf-8", errors="replace"))
    en: list[str] = []
    for f in EN_FILES:
        en += _sentences((corpus / f).read_text(encoding="utf-8", errors="replace"))
    for f in EN_HTML:
        raw = (corpus / f).read_bytes().decode("utf-8", errors="replace")
        en += _sentences(html_text.extract_text(raw))
    return ru, en


def documents(
    count: int, size: int = 3000, seed: int = 7, corpus: Path | None = None
) -> Iterator[dict[str, object]]:
    """`count` documents: title, text (~size chars, 1/3 Russian, 1/3 English, 1/3
    mixed), kind, date (EDTF, some month- or year-precision), languages."""
    ru, en = load_pools(corpus or corpus_dir())
    rng = random.Random(seed)
    for i in range(count):
        mode = i % 3
        parts: list[str] = []
        n = 0
        while n < size:
            pool = ru if mode == 0 or (mode == 2 and rng.random() < 0.5) else en
            j = rng.randrange(len(pool))
            s = pool[j]
            parts.append(s)
            n += len(s) + 1
        text = " ".join(parts)[:size]
        langs = ["ru"] if mode == 0 else ["en"] if mode == 1 else ["ru", "en"]
        year = 2000 + rng.randrange(25)
        r = rng.random()
        date = (
            f"{year}"
            if r < 0.2
            else f"{year}-{rng.randrange(1, 13):02d}"
            if r < 0.5
            else f"{year}-{rng.randrange(1, 13):02d}-{rng.randrange(1, 29):02d}"
        )
        yield {
            "i": i,
            "title": f"Document {i}: " + " ".join(text.split()[:6]),
            "text": text,
            "kind": KINDS[i % len(KINDS)],
            "date": date,
            "languages": ",".join(langs),
        }
