"""The ru/en analyzer: Unicode words, case folding (ё→е, stress marks dropped), and a
stemmer chosen per word by its script — Cyrillic with Russian Snowball, Latin with
English Snowball, each cached.

Whoosh pickles the schema, analyzer and format included, into the index: this module
path and the class names below must never change, or an existing index will no longer
open (bump `casefile.core.search.index.FORMAT_VERSION` when the *behaviour* changes; the
index is then rebuilt with progress).

Where stemming happens, and why: the index holds folded *surface forms*; a query word is
stemmed and expanded to every form in the index's vocabulary with the same stem (as
Recoll/Xapian do). Measured on 2,000 mixed ru/en documents, indexing stems *and* exact
forms (needed for exact mode and for prefix wildcards) cost 2.4x the time of either one;
indexing forms only gives all three — stemmed search, exact search, true prefix
wildcards — from one posting list per form, at a small price per query word (a sorted
prefix scan of the vocabulary, cached per index generation).

Indexing speed is dominated by Python per word, so the index path is one `findall` on
text folded once, with no Token objects (`ScriptPositions.word_values`).
"""

from __future__ import annotations

import re
from array import array
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from itertools import compress, count, repeat
from typing import Any

import numpy as np
import numpy.typing as npt
import Stemmer
from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE
from whoosh.system import pack_uint as _pack_uint

from casefile.core.words import (  # the word splitting itself (a base module: see there)
    HASHED_WORDS,
    fold,
    fold_page,
    page_words,
    words_of_folded,
)

pack_uint: Callable[[int], bytes] = _pack_uint  # whoosh is untyped; this is its type

_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
_STEMMERS = {"ru": Stemmer.Stemmer("russian"), "en": Stemmer.Stemmer("english")}
_CACHE_MAX = 500_000
_stem_cache: dict[str, str] = {}
PAGE_GAP = 100  # positions left empty between pages: a phrase never spans a page break


def apostrophe_parts(folded: str) -> list[str]:
    """Extra terms indexed for a word with an apostrophe: the base of a possessive
    ("macy's" -> "macy") and the part after it ("o'brien" -> "brien"), so both are
    found by typing them (also in exact mode)."""
    head, _sep, tail = folded.partition("'")
    out = []
    if tail == "s" and head:
        out.append(head)
    elif len(tail) >= 2:
        out.append(tail.replace("'", ""))
    return out


def stem(folded: str) -> str:
    """The stem of an already folded word, by its script; cached."""
    s = _stem_cache.get(folded)
    if s is not None:
        return s
    if _CYRILLIC.search(folded):
        s = _STEMMERS["ru"].stemWord(folded)
    elif _LATIN.search(folded):
        s = _STEMMERS["en"].stemWord(folded)
    else:
        s = folded
    if len(_stem_cache) >= _CACHE_MAX:
        _stem_cache.clear()
    _stem_cache[folded] = s
    return s


def iter_words(text: str) -> Iterator[tuple[int, int, str]]:
    """(start, end, folded word) for every word of `text`; offsets index `text` (the
    text as stored: normalisation happens per word, see `fold`)."""
    for m in HASHED_WORDS.finditer(text.replace("_", "#")):
        w = m.group(0)
        yield m.start(), m.end(), (w.lower() if w.isascii() and "-" not in w else fold(w))


def stem_prefix(stemmed: str) -> str:
    """A prefix shared by every word with this stem (English turns a final y into i:
    "company" -> "compani"), so the vocabulary can be scanned for the stem's forms."""
    return stemmed[:-1] if stemmed.endswith("i") and len(stemmed) > 1 else stemmed


class ScriptTokenizer(Tokenizer):  # type: ignore[misc]
    """The whole analyzer in one tokenizer: folded words, with positions and offsets.
    (Stemming is applied to query words by `casefile.core.search.query`.)"""

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self)

    def __hash__(self) -> int:
        return hash(type(self).__name__)

    def __call__(
        self,
        value: str,
        positions: bool = False,
        chars: bool = False,
        keeporiginal: bool = False,
        removestops: bool = True,
        start_pos: int = 0,
        start_char: int = 0,
        tokenize: bool = True,
        mode: str = "",
        **kwargs: Any,
    ) -> Iterator[Token]:
        t = Token(positions, chars, removestops=removestops, mode=mode, **kwargs)
        words = iter_words(value) if tokenize else [(0, len(value), fold(value))]
        for pos, (start, end, w) in enumerate(words):
            t.text = w
            t.boost = 1.0
            t.stopped = False
            if positions:
                t.pos = start_pos + pos
            if chars:
                t.startchar = start_char + start
                t.endchar = start_char + end
            if keeporiginal:
                t.original = value[start:end]
            yield t


def term_positions(text: str) -> dict[str, array[int]]:
    """Index-time terms of one short text (a title, a name) with their positions, word
    by word: for a few words this costs less than `paged_terms`'s arrays."""
    poses: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
    for pos, w in enumerate(page_words(text)):
        poses[w].append(pos)
        if "'" in w:
            for part in apostrophe_parts(w):
                poses[part].append(pos)
    return poses


class Analyzed(tuple):  # type: ignore[type-arg]
    """A field value analysed in advance (`paged_terms`): the indexer needs the page
    starts as well as the postings, so the text is tokenized once, here. A tuple
    because Whoosh accepts only strings and sequences as field values.

    Held as arrays, not a dict of words: entry k says the term numbered `ids[k]` in
    `table` (term -> number, numbered from 0 in insertion order) is at `positions[k]`
    (apostrophe parts come last, at their word's position; `ordered` is False then).
    The table is the document's own, or the posting pool's (`CaseWriter.term_table`),
    which saves looking each term up twice. The pool groups and sorts them with numpy
    (`posting_columns.py`): a Python step per word and per posting was most of
    indexing time. `terms` gives Whoosh's form (word -> ascending positions)."""

    table: dict[str, int]
    ids: npt.NDArray[np.uint32]
    positions: npt.NDArray[np.uint32]
    ordered: bool

    @classmethod
    def of(
        cls,
        table: dict[str, int],
        ids: npt.NDArray[np.uint32],
        positions: npt.NDArray[np.uint32],
        ordered: bool = True,
    ) -> Analyzed:
        obj = cls()
        obj.table, obj.ids, obj.positions, obj.ordered = table, ids, positions, ordered
        return obj

    @property
    def terms(self) -> dict[str, array[int]]:
        order = np.argsort(self.positions, kind="stable")
        out: defaultdict[str, array[int]] = defaultdict(lambda: array("I"))
        vocab = list(self.table)  # numbered in insertion order
        for i, pos in zip(self.ids[order].tolist(), self.positions[order].tolist(), strict=True):
            out[vocab[i]].append(pos)
        return dict(out)


class SplitPage(str):
    """A page given to `paged_terms` as its words (`casefile.core.words.page_words`)
    joined by spaces, as an extraction worker split it during an import (a word never
    holds a space, and an apostrophe is in the words exactly when an apostrophe part
    can be), instead of its text."""


def paged_terms(
    pages: Iterable[str], table: dict[str, int] | None = None
) -> tuple[Analyzed, list[int]]:
    """Index-time terms of a document's pages, one position space for the whole
    document with `PAGE_GAP` empty positions between pages; and the first position of
    each page (a hit's page is found from its position, see `results`). Each word costs
    one dictionary lookup, in C (`map`), in `table` if given (new terms are added to it);
    the page's text is dropped once read, so a streamed document holds 8 bytes a word,
    not its text (issue 8 item 8)."""
    local: dict[str, int] = {} if table is None else table
    ids: list[npt.NDArray[np.uint32]] = []
    poses: list[npt.NDArray[np.uint32]] = []
    parts: list[tuple[str, int]] = []  # apostrophe parts: (term, position)
    starts: list[int] = []
    base = 0
    for text in pages:
        starts.append(base)
        if isinstance(text, SplitPage):  # split already (see there)
            low: str = text
            words = text.split(" ") if text else []
        else:
            low = fold_page(text)
            words = words_of_folded(low)
        n = len(words)
        if n:
            new = set(words).difference(local)
            if new:
                local.update(zip(new, range(len(local), len(local) + len(new)), strict=True))
            ids.append(np.fromiter(map(local.__getitem__, words), dtype=np.uint32, count=n))
            poses.append(np.arange(base, base + n, dtype=np.uint32))
            if "'" in low:  # which words hold one, asked in C (`compress`)
                marked = compress(count(base), map(str.__contains__, words, repeat("'")))
                parts += [
                    (part, pos) for pos in marked for part in apostrophe_parts(words[pos - base])
                ]
        base += n + PAGE_GAP
    if parts:
        for part, _pos in parts:
            local.setdefault(part, len(local))
        ids.append(np.fromiter((local[p] for p, _pos in parts), np.uint32, len(parts)))
        poses.append(np.fromiter((pos for _p, pos in parts), np.uint32, len(parts)))
    if not ids:
        empty = np.empty(0, dtype=np.uint32)
        return Analyzed.of(local, empty, empty), starts
    if len(ids) == 1:
        return Analyzed.of(local, ids[0], poses[0]), starts
    return Analyzed.of(local, np.concatenate(ids), np.concatenate(poses), not parts), starts


class ScriptPositions(Positions):  # type: ignore[misc]
    """Positions with a fast index path for `ScriptTokenizer` (no Token objects) and
    positions stored as a uint32 array rather than a pickled list (faster both ways)."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        if not isinstance(value, (str, Analyzed)) or not isinstance(analyzer, ScriptTokenizer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        terms = value.terms if isinstance(value, Analyzed) else term_positions(value)
        for w, poslist in terms.items():
            n = len(poslist)
            yield (w, n, n * fb, pack_uint(n) + poslist.tobytes())

    def encode(self, poslist: list[int]) -> bytes:
        return pack_uint(len(poslist)) + array("I", poslist).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        a = array("I")
        a.frombytes(valuestring[_INT_SIZE:])
        return a.tolist()
