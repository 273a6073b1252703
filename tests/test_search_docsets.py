"""Matching by posting blocks (core/search/docsets.py) gives Whoosh's own answers:
the same documents, order, scores, totals, estimates, facets, pages and snippets as
the matcher walked one posting at a time, on the query shapes of a large case."""

from __future__ import annotations

import random
from typing import Any

import pytest
from whoosh import query as wq
from whoosh.matching import binary

from casefile.core import services
from casefile.core.case import Case
from casefile.core.search import docsets, results
from tests.search_fixtures import add_document

VARIANTS: tuple[dict[str, Any], ...] = (
    {},
    {"limit": 3},
    {"sort": "date"},
    {"page": 2, "limit": 5},
    {"filters": {"kind": "note"}},
)
WORDS = " ".join(
    [
        "court courts the of appeal appeals appealed evidence veteran disability claimant",
        "суд суда суде судом судья приговор приговора тюрьма судебный следователь",
        "следователя Нехлюдов Нехлюдова присяжные присяжных",
    ]
).split()

QUERIES = [
    "court",
    "суд",
    "Нехлюдов",
    '"the court"',
    '"судебный следователь"',
    '"the court of appeal"',
    "court приговор",
    "appeal -veteran",
    "(суд OR court) AND evidence",
    "court OR (суд -приговор)",
    "присяжн*",
    "kind:report appeal",
    "date:[2010 TO 2015] суд",
    "evidence AND NOT (court OR суд)",
    '"the court" -appeal',
    'veteran OR "судебный следователь"',
]


@pytest.fixture
def mixed(case: Case) -> Case:
    rng = random.Random(7)
    uids = []
    for i in range(160):
        pages = [" ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 40))) for _ in range(3)]
        if i % 5 == 0:  # phrases of several words, somewhere
            pages[i % 3] += rng.choice([" the court of appeal", " судебный следователь Нехлюдова"])
        uids.append(
            add_document(
                case,
                f"Doc {i} {rng.choice(WORDS)}",
                pages,
                kind=rng.choice(["report", "note", "court_filing"]),
                date=f"{rng.randint(2005, 2020)}-0{rng.randint(1, 9)}",
                sync=i == 159,
            )
        )
    for uid in uids[::9]:  # deleted entries in the segment: Whoosh filters them
        services.delete_document(case, uid)
    return case


def _find_first_fixed(self: binary.AndNotMatcher) -> None:
    """Whoosh's AndNotMatcher skips its first document only when the excluded side
    already stands on it, so "a -b" lists the first document of a although it holds b
    when b's first document comes earlier ("the court" -appeal listed a document with
    "appeal"). The block path answers correctly; the walked reference is fixed here."""
    if self.a.is_active() and self.b.is_active():
        if self.b.id() < self.a.id():
            self.b.skip_to(self.a.id())
        if self.b.is_active() and self.a.id() == self.b.id():
            self._find_next()


def _without_blocks(m: object, reader: object, phrases: object = None) -> object:
    raise docsets.Unsupported("walk the Whoosh way")


def _spans_only(*args: object) -> object:
    raise docsets.Unsupported("pages from Whoosh's spans")


@pytest.mark.slow
@pytest.mark.parametrize("budget", [8, 1200])
def test_block_matching_answers_as_whoosh_does(
    mixed: Case, monkeypatch: pytest.MonkeyPatch, budget: int
) -> None:
    # Unions as Whoosh builds them above 5,000 documents (the shape docsets models);
    # a small budget makes the first page a sample with estimated totals.
    monkeypatch.setattr(wq.Or, "matcher_type", wq.Or.DEFAULT_MATCHER)
    monkeypatch.setattr(results, "MATCH_BUDGET", budget)
    monkeypatch.setattr(binary.AndNotMatcher, "_find_first", _find_first_fixed)
    compiled = []
    real = docsets.compile_matcher
    real_positions = docsets.positions

    def counting(m: object, reader: object, phrases: object = None) -> object:
        node = real(m, reader, phrases)  # type: ignore[arg-type]
        compiled.append(node)
        return node

    estimated = 0
    for q in QUERIES:
        for kw in VARIANTS:
            monkeypatch.setattr(docsets, "compile_matcher", _without_blocks)
            monkeypatch.setattr(docsets, "positions", _spans_only)  # hit pages too
            walked = services.search(mixed, q, **kw)
            monkeypatch.setattr(docsets, "compile_matcher", counting)
            monkeypatch.setattr(docsets, "positions", real_positions)
            before = len(compiled)
            blocks = services.search(mixed, q, **kw)
            # The block path really ran (a bare NOT is Whoosh's InverseMatcher: walked).
            assert len(compiled) > before or "NOT" in q, q
            assert blocks == walked, (q, kw)
            assert walked.total > 0 or kw or "-" in q or "NOT" in q, q
            estimated += walked.total_is_estimate
    assert estimated if budget == 8 else not estimated


def test_phrase_positions_need_consecutive_words(mixed: Case) -> None:
    """A phrase is its words at consecutive positions, never just the AND of them."""
    both = services.search(mixed, "the court", complete=True, limit=200)
    phrase = services.search(mixed, '"the court"', complete=True, limit=200)
    assert 0 < phrase.total < both.total
    assert {h.uid for h in phrase.hits} < {h.uid for h in both.hits}


def test_a_excluded_word_is_never_in_a_result(mixed: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first document of the positive side is checked against the excluded side
    too (Whoosh's own walk lists it; see `_find_first_fixed`)."""
    monkeypatch.setattr(wq.Or, "matcher_type", wq.Or.DEFAULT_MATCHER)
    r = services.search(mixed, '"the court" -appeal', complete=True, limit=200)
    every = services.search(mixed, "appeal", complete=True, limit=200)
    assert not {h.uid for h in r.hits} & {h.uid for h in every.hits}


def test_a_phrase_of_many_word_forms_lists_only_the_pages_holding_the_phrase(
    case: Case,
) -> None:
    """ "судебный следователь" stands for every indexed form of each word (here 13 x 10
    = 130 phrases): its hit pages are where the words follow one another, never a page
    holding only one of them (as when the forms were placed word by word)."""
    adjective = (
        "судебный судебного судебному судебным судебном судебная судебной судебную "
        "судебное судебные судебных судебными судебною"
    )
    noun = (
        "следователь следователя следователю следователем следователе следователи "
        "следователей следователям следователями следователях"
    )
    add_document(case, "Every form", [adjective, noun], sync=False)
    add_document(
        case,
        "The phrase once",
        ["допрос вёл судебного следователя помощник", "судебного заседания не было"],
    )
    found = services.search(case, '"судебный следователь"')
    assert [h.title for h in found.hits] == ["The phrase once"]
    assert [p for p in found.hits[0].pages if p > 0] == [1]
