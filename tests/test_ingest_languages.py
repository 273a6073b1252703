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


def test_features_are_counted_as_py3langid_counts_them() -> None:
    """The same features, counts and first-seen order as py3langid's own walk: the
    order fixes the floating-point sums, hence the probabilities."""
    ident = _model()
    for text in _texts():
        data = ident.model._encode(text)
        ids, counts = ident.visit_counts(data)
        slow = langid_walk.slow_visit_counts(ident.model, data) or {}
        assert list(zip(ids.tolist(), counts.tolist(), strict=True)) == list(slow.items())


def test_rows_widened_once_are_the_models_rows() -> None:
    """A fresh identifier widens each row it meets once and keeps it: the second
    classification of a text reads kept rows and still gives py3langid's answer."""
    ident = FastIdentifier(_model().model)
    text = "Суд признал обвиняемого виновным. The court dismissed the appeal."
    kept = int(ident._row_done.sum())
    assert ident.classify(text) == ident.model.classify(text)
    assert ident._row_done.sum() > kept
    done = ident._row_done.nonzero()[0]
    assert (ident._wide_rows[done] == ident.model.nb_ptc[done].astype("float32")).all()
    assert ident.classify(text) == ident.model.classify(text)


def test_letters_counted_from_characters_match_the_text_and_stay_bounded(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The remembered letter verdicts give the regex's counts, and a text of very many
    distinct characters does not grow the memory past its cap."""
    from casefile.core.ingest import languages
    from casefile.core.ingest.garbled import character_counts

    monkeypatch.setattr(languages, "_is_letter", {})
    monkeypatch.setattr(languages, "_MAX_KNOWN", 100)
    text = "".join(chr(c) for c in range(0x20, 0x800) if not 0xD800 <= c < 0xE000)
    text += " Суд court 12 ½ ² _ ё"
    counted = languages._samples_by_script(text, character_counts(text))
    assert counted == languages._samples_by_script(text)
    assert len(languages._is_letter) == 100
    assert languages._samples_by_script(text, character_counts(text)) == counted
