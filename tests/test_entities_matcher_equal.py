"""The matcher's fast path finds exactly what the plain automaton pass found (issue 12,
the stored-matching benchmark): same hits, same spans, same longest-first overlap
rule, weak aliases exact. `_reference` below is the matcher as it was before the fast
path (docs/architecture.md, "Entities"), kept here as the oracle."""

from __future__ import annotations

import pickle
import random
import re
from collections.abc import Iterable
from pathlib import Path

import ahocorasick
import pytest

from casefile.core.entities.forms import fold, surface_forms
from casefile.core.entities.matcher import (
    _OTHER_SPACES,
    _OUTSIDE,
    AliasSpec,
    Matcher,
    folded_bytes,
    spaced,
)
from tests.corpus import corpus_dir

_ASCII = bytes(
    b if (48 <= b < 58 or 65 <= b < 91 or 97 <= b < 123 or b >= 128) else 32 for b in range(256)
)


def _old_spaced(folded: str) -> str:
    out = folded.encode("utf-8", "surrogatepass").translate(_ASCII).decode("utf-8", "surrogatepass")
    for ch in _OTHER_SPACES:
        if ch in out:
            out = out.replace(ch, " ")
    return out


class _Reference:
    """The automaton pass and overlap rule exactly as before the fast path."""

    def __init__(self, aliases: Iterable[AliasSpec]) -> None:
        self.auto = ahocorasick.Automaton()
        keys: dict[str, list[tuple[int, int, str | None]]] = {}
        for a in aliases:
            for form in surface_forms(a.text, weak=a.weak):
                key = _old_spaced(fold(form)).strip()
                if not key:
                    continue
                target = (a.alias_id, a.entity_id, form if a.weak else None)
                bucket = keys.setdefault(key, [])
                if target not in bucket:
                    bucket.append(target)
        for key, targets in keys.items():
            self.auto.add_word(f" {key} ", (len(key), tuple(targets)))
        self.size = len(keys)
        if keys:
            self.auto.make_automaton()

    def find(self, text: str) -> list[tuple[int, int, int, int]]:
        if not self.size or not text:
            return []
        raw = [
            (last - 1 - length, last - 1, targets)
            for last, (length, targets) in self.auto.iter(f" {_old_spaced(fold(text))} ")
        ]
        raw.sort(key=lambda r: (r[0], -r[1]))
        hits = []
        taken_start = taken_end = -1
        for start, end, targets in raw:
            if start < taken_end and (start != taken_start or end != taken_end):
                continue
            kept = False
            for alias_id, entity_id, exact in targets:
                if exact is not None and text[start:end] != exact:
                    continue
                hits.append((alias_id, entity_id, start, end))
                kept = True
            if kept:
                taken_start, taken_end = start, end
        return hits


def _aliases(texts: list[str], count: int) -> list[AliasSpec]:
    """Names of the texts themselves (capitalised words, pairs of them, which overlap
    each other), their all-capital words as weak aliases (and some as plain ones too,
    so a weak and a plain alias share a form), and a few entities with two aliases."""
    from tests.perf.bench_entities import make_aliases

    rng = random.Random(5)
    names = make_aliases(texts, count, dense=True)
    specs = [AliasSpec(i, i // 3, a, w) for i, (a, w) in enumerate(names)]
    caps = sorted({w for t in texts for w in re.findall(r"\b[A-ZА-Я]{2,5}\b", t)})
    for w in rng.sample(caps, min(len(caps), 60)):
        specs.append(AliasSpec(len(specs), len(specs) // 3, w, True))
        if rng.random() < 0.5:
            specs.append(AliasSpec(len(specs), len(specs) // 3, w, False))
    return specs


def _same(specs: list[AliasSpec], texts: Iterable[str]) -> int:
    new, old = Matcher(specs), _Reference(specs)
    rng = random.Random(7)
    n = 0
    for text in texts:
        want = old.find(text)
        got = [tuple(h) for h in new.find(text)]
        assert got == want, text[:80]
        assert new.hits(text) == got
        # The drain's rows: all of them, and with some spans tagged or rejected.
        assert new.rows(text, 7, 3, set()) == _reference_rows(want, 7, 3, set())
        spans = [(e, 3, st, en) for _a, e, st, en in want]
        skip = set(rng.sample(spans, len(spans) // 4))
        assert new.rows(text, 7, 3, set(skip)) == _reference_rows(want, 7, 3, skip)
        n += len(got)
    return n


def _reference_rows(
    hits: list[tuple[int, int, int, int]], doc_id: int, page: int, skip: set[tuple[int, ...]]
) -> list[tuple[int, ...]]:
    """The drain's filter over the hits as it was (`match_worker.Found.page` before
    `Matcher.rows`): a span tagged or rejected is left out, one row per entity and span."""
    skip = set(skip)
    rows = []
    for alias_id, entity_id, start, end in hits:
        span = (entity_id, page, start, end)
        if span in skip:
            continue
        skip.add(span)
        rows.append((entity_id, doc_id, page, start, end, alias_id))
    return rows


def test_hostile_pages_give_the_same_hits_and_rows() -> None:
    specs = [
        AliasSpec(1, 1, "Amazon"),
        AliasSpec(2, 2, "Amazon Web Services"),
        AliasSpec(3, 2, "Web Services"),
        AliasSpec(4, 3, "AWS", weak=True),
        AliasSpec(5, 3, "aws"),
        AliasSpec(6, 4, "Чарльз Форрест"),
        AliasSpec(7, 4, "Форрест"),
        AliasSpec(8, 5, "Ёлкин"),
        AliasSpec(9, 6, "İstanbul"),
        AliasSpec(10, 7, "Сбер"),
        AliasSpec(11, 8, "Сбер"),
        AliasSpec(12, 9, "MTS", weak=True),
        AliasSpec(13, 7, "Сбер"),  # two aliases of one entity, one form
        AliasSpec(14, 9, "Mts"),  # a plain alias sharing a weak one's form
        # Forms with characters outside the byte pass's code page (matcher.folded_bytes)
        AliasSpec(15, 10, "Société Générale"),
        AliasSpec(16, 11, "Zürich"),
        AliasSpec(17, 12, "Σωκράτης"),
        AliasSpec(18, 13, "Générale Amazon"),  # overlaps a form inside the code page
        AliasSpec(19, 14, "kelvin"),
        AliasSpec(20, 15, "Zur\ufffdich"),  # U+FFFD shares its byte with the rest outside
    ]
    marks = [" "] * 30 + list(_OTHER_SPACES) + list(" \n\t.,;:!?()[]{}\"'-_/\\\u2009\u2011")
    words = ["Amazon", "Web", "Services", "AWS", "aws", "Aws", "Чарльза", "Форреста", "Ёлкина"]
    words += ["елкин", "İstanbul", "Сбере", "MTS", "AMTSX", "\ud800", "™", "x", "Форрестом"]
    foreign = ["Société", "SOCIÉTÉ", "Générale", "Zürich", "ZÜRICH", "Σωκράτης", "ΣΩΚΡΆΤΗΣ"]
    foreign += [
        "\u212aelvin",
        "Kelvin",
        "\ufffd",
        "façade",
        "Zur\U0001f600ich",
        "Zur\ufffdich",
        "Soci\u00e9t\u00e9s",
    ]
    rng = random.Random(11)
    pages = [
        "".join(rng.choice(words) + rng.choice(marks) * rng.randrange(1, 3) for _ in range(200))
        for _ in range(300)
    ]
    # Pages with one to three runs of characters outside the code page, and with many
    # (French prose: the rest of the page is folded as text at once).
    for n in (1, 2, 3):
        pages += [p + "".join(" " + rng.choice(foreign) for _ in range(n)) for p in pages[:60]]
    for n in (1, 40):
        pick = words * 5 + foreign * n
        pages += [
            "".join(rng.choice(pick) + rng.choice(marks) * rng.randrange(1, 3) for _ in range(200))
            for _ in range(40)
        ]
    assert _same(specs, pages) > 1000
    # Without forms outside the code page, their pages go through the byte pass alone.
    assert _same(specs[:14], pages) > 1000
    assert _same([*specs[:14], specs[-1]], pages) > 1000  # U+FFFD: the only one outside


def test_folded_bytes_are_the_folded_text_one_byte_a_character() -> None:
    """The byte pass's page (`folded_bytes`) is `spaced(fold(text))` character for
    character: the code page's byte, or `_OUTSIDE` for a character outside it; runs
    of such characters, few or many on a page, and all text characters in between."""
    rng = random.Random(4)
    alphabet = list(_OTHER_SPACES) + list(
        "aZ09 \n\t.,-_ёЁяЯİıß?\ud800\u2003\U0001f600™éÉΣσς\u212a\ufffd"
    )
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 60)))
        want = bytearray()
        for ch in spaced(fold(text)):
            try:
                want += ch.encode("cp1251")
            except UnicodeEncodeError:
                want += _OUTSIDE
        assert folded_bytes(text) == bytes(want), text


def test_a_matcher_pickles_as_its_keys() -> None:
    """The matcher process gets the automaton pickled (match_worker): the copy finds the
    same, forms outside the code page included."""
    specs = [AliasSpec(1, 1, "Amazon"), AliasSpec(2, 2, "Société"), AliasSpec(3, 3, "AWS", True)]
    m = Matcher(specs)
    copy = pickle.loads(pickle.dumps(m))
    text = "AWS, aws, Amazon's SOCIÉTÉ; Société."
    assert copy.find(text) == m.find(text) and len(m.find(text)) == 4


def test_the_fast_spacing_is_the_old_one() -> None:
    rng = random.Random(2)
    alphabet = list(_OTHER_SPACES) + list("aZ09 \n\t.,-_ёЁяİ\ud800\u2003\U0001f600™")
    for _ in range(500):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
        assert spaced(text) == _old_spaced(text)


@pytest.mark.slow
def test_generated_and_real_corpus_give_the_same_hits() -> None:
    corpus = corpus_dir()
    from tests.perf.gen_corpus import documents

    generated = [str(d["text"]) for d in documents(400)]
    real: list[str] = []
    for path in sorted(Path(corpus).rglob("*")):
        if path.suffix.lower() in {".txt", ".html", ".eml", ".md"}:
            data = path.read_bytes()
            real.append(data.decode("utf-8", "replace"))
            real.append(data.decode("cp1251", "replace"))
    assert _same(_aliases(generated, 1500), generated) > 2000
    assert _same(_aliases(real, 1500), real) > 2000
