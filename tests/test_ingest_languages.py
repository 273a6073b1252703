"""Language detection's byte walk in numpy (core/ingest/langid_walk.py; issue 11 item
10) gives py3langid's own answers, bit for bit, and proves each walk it uses."""

from __future__ import annotations

import random

import pytest

from casefile.core.ingest import langid_walk
from casefile.core.ingest.langid_walk import FastIdentifier
from casefile.core.ingest.languages import _model, detect_languages

_WORDS = [
    "суд",
    "приговор",
    "Нехлюдов",
    "court",
    "appeal",
    "veteran",
    "Gericht",
    "tribunal",
    "ёлка",
    "ﬁnal",
    "🙂",
    "12,5",
    "Ⅻ",
    "naïve",
    "中文",
    "\u0301",
]


def _texts() -> list[str]:
    rng = random.Random(3)
    texts = ["", " ", "a", "я", "!!!", "Ё" * 3]
    for _ in range(300):
        texts.append(" ".join(rng.choice(_WORDS) for _ in range(rng.randrange(1, 120))))
    for _ in range(50):  # arbitrary code points, surrogates excepted
        texts.append(
            "".join(
                chr(rng.choice([rng.randrange(32, 0x250), rng.randrange(0x400, 0x530)]))
                for _ in range(rng.randrange(1, 300))
            )
        )
    return texts


def test_the_numpy_walk_gives_py3langids_answers() -> None:
    ident = _model()
    assert isinstance(ident, FastIdentifier) and ident.vectorised
    model = ident.model
    for text in _texts():
        assert ident.classify(text) == model.classify(text), repr(text[:50])
    assert ident.slow_walks == 0


def test_a_walk_it_cannot_prove_is_left_to_py3langid(monkeypatch: pytest.MonkeyPatch) -> None:
    """With a window shorter than the trie is deep the states come out wrong; the check
    sees it and py3langid walks those texts itself, so the answers stay the same."""
    ident = FastIdentifier(_model().model)
    monkeypatch.setattr(langid_walk, "WINDOW", 2)
    texts = _texts()[6:60]
    assert [ident.classify(t) for t in texts] == [ident.model.classify(t) for t in texts]
    assert ident.slow_walks > 0


def test_bilingual_text_names_both_languages() -> None:
    ru = "Суд признал обвиняемого виновным и назначил наказание в виде лишения свободы. " * 3
    en = "The court of appeal dismissed the claim brought by the veteran last year. " * 3
    assert detect_languages(ru + en) in (["ru", "en"], ["en", "ru"])
