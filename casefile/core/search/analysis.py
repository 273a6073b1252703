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
import unicodedata
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

pack_uint: Callable[[int], bytes] = _pack_uint  # whoosh is untyped; this is its type

# Characters a typesetter leaves inside a word: soft hyphen, zero-width space/joiners,
# word joiner, BOM. They join the letters around them.
_INVISIBLE = "\u00ad\u200b\u200c\u200d\u2060\ufeff"
# A hyphen at the end of a line followed by a letter on the next: the word was hyphenated
# by the layout ("inhabi-\ntants"), and is joined.
_LINE_HYPHEN = r"-[ \t]*\r?\n[ \t]*(?=[^\W\d_])"


# A word: letters and digits, with combining marks, typesetters' joiners and line-end
# hyphenations inside it, and parts after apostrophes ("o'brien"). Written as runs of
# letters between those rarer pieces, not one alternation per character: the same
# matches (tests/test_search_analysis.py) in half the time, which was most of the
# analysis of a page. `_WORDS` is the same pattern with `\w` for `[^\W_]`, for a text
# whose underscores were replaced by "#" first (same length, so same offsets; not a
# space, which a line-end hyphenation may take in).
def _word_pattern(letter: str) -> str:
    inside = r"[\u0300-\u036f]|[" + _INVISIBLE + r"]+(?=" + letter + r")|" + _LINE_HYPHEN
    return letter + r"+(?:(?:" + inside + r")" + letter + r"*)*(?:['’]" + letter + r"+)*"


WORD_RE = re.compile(_word_pattern(r"[^\W_]"))
_WORDS = re.compile(_word_pattern(r"\w"))
_JOINERS = re.compile(r"[" + _INVISIBLE + r"]|-[ \t]*\r?\n[ \t]*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_STEMMERS = {"ru": Stemmer.Stemmer("russian"), "en": Stemmer.Stemmer("english")}
_CACHE_MAX = 500_000
_stem_cache: dict[str, str] = {}
PAGE_GAP = 100  # positions left empty between pages: a phrase never spans a page break


def fold(word: str) -> str:
    """Fold one word the way the index does: compatibility forms (NFKC: ligatures such
    as "ﬁ", full-width letters), case (`casefold`: ß matches ss), ё→е, no stress marks,
    no soft hyphens or zero-width characters, a line-end hyphenation joined."""
    if not word.isascii():
        word = unicodedata.normalize("NFKC", word)
    w = word.casefold()
    if not w.isascii():
        w = w.replace("ё", "е").replace("’", "'")
        if _COMBINING.search(w):  # stress marks (NFKC composed what it could)
            w = _COMBINING.sub("", w)
    if "-" in w or not w.isascii():
        w = _JOINERS.sub("", w)
    return w


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
    for m in _WORDS.finditer(text.replace("_", "#")):
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


_CHUNK = 32 * 1024


def _findall_words(text: str) -> list[str]:
    """WORD_RE.findall in slices cut at whitespace: one C call over a 1.5 MB novel holds
    the GIL for ~50 ms, long enough to freeze the GUI's event loop while it indexes."""
    text = text.replace("_", "#")  # `_WORDS` is WORD_RE where "_" is "#" (see there)
    if len(text) <= _CHUNK:
        return _WORDS.findall(text)
    words: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + _CHUNK, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        words.extend(_WORDS.findall(text, start, end))
        start = end
    return words


_NEEDS_FOLD = re.compile(r"[-\u0300-\u036f" + _INVISIBLE + r"]")
_PAGE_NEEDS_FOLD = re.compile(r"[\u0300-\u036f" + _INVISIBLE + r"]|-[ \t]*\r?\n")


def _fold_page(text: str) -> str:
    if text.isascii():
        return text.lower()
    low = unicodedata.normalize("NFKC", text).casefold()
    return low.replace("ё", "е").replace("’", "'")


def _words_of_folded(low: str) -> list[str]:
    words = _findall_words(low)
    if _PAGE_NEEDS_FOLD.search(low):  # a mark, a joiner or a line-end hyphenation
        words = [fold(w) if _NEEDS_FOLD.search(w) else w for w in words]
    return words


def page_words(text: str) -> list[str]:
    """The folded words of one page, in order (the index path: the page is normalised
    in C, per-word Python only for words with marks, joiners or a line-end hyphen).
    Gives the same words as `fold` over `iter_words`."""
    return _words_of_folded(_fold_page(text))


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
        low = _fold_page(text)
        words = _words_of_folded(low)
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
