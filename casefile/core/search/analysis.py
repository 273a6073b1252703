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
from collections.abc import Callable, Iterator
from typing import Any

import Stemmer
from whoosh.analysis import Token, Tokenizer
from whoosh.formats import Positions
from whoosh.system import _INT_SIZE
from whoosh.system import pack_uint as _pack_uint

pack_uint: Callable[[int], bytes] = _pack_uint  # whoosh is untyped; this is its type

WORD_RE = re.compile(r"[^\W_](?:[^\W_]|[\u0300-\u036f])*(?:['’][^\W_]+)*")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")
_COMBINING = re.compile(r"[\u0300-\u036f]")
_STEMMERS = {"ru": Stemmer.Stemmer("russian"), "en": Stemmer.Stemmer("english")}
_CACHE_MAX = 500_000
_stem_cache: dict[str, str] = {}


def fold(word: str) -> str:
    """Case-fold one word the way the index does (lower case, ё→е, no stress marks)."""
    w = word.lower().replace("ё", "е")
    if _COMBINING.search(w):
        w = _COMBINING.sub("", unicodedata.normalize("NFC", w))
    return w.replace("’", "'")


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
    """(start, end, folded word) for every word of `text`; offsets index `text`."""
    lowered = text.lower()
    aligned = len(lowered) == len(text)  # lower() of a few letters changes length
    src = lowered if aligned else text
    for m in WORD_RE.finditer(src):
        w = m.group(0)
        if not aligned:
            w = w.lower()
        if "ё" in w or "’" in w or _COMBINING.search(w):
            w = fold(w)
        yield m.start(), m.end(), w


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


_NEEDS_FOLD = re.compile(r"[ё’\u0300-\u036f]")


_CHUNK = 32 * 1024


def _findall_words(text: str) -> list[str]:
    """WORD_RE.findall in slices cut at whitespace: one C call over a 1.5 MB novel holds
    the GIL for ~50 ms, long enough to freeze the GUI's event loop while it indexes."""
    if len(text) <= _CHUNK:
        return WORD_RE.findall(text)
    words: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + _CHUNK, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            cut = max(cut, text.rfind("\n", start, end))
            end = cut + 1 if cut > start else end
        words.extend(WORD_RE.findall(text, start, end))
        start = end
    return words


def term_positions(text: str) -> dict[str, list[int]]:
    """Index-time terms of `text` (folded words) with their positions."""
    lowered = text.lower()
    words = _findall_words(lowered)
    if any(_NEEDS_FOLD.search(lowered, i, i + _CHUNK) for i in range(0, len(lowered), _CHUNK)):
        words = [fold(w) for w in words]
    poses: defaultdict[str, list[int]] = defaultdict(list)
    for pos, w in enumerate(words):
        poses[w].append(pos)
    return poses


class ScriptPositions(Positions):  # type: ignore[misc]
    """Positions with a fast index path for `ScriptTokenizer` (no Token objects) and
    positions stored as a uint32 array rather than a pickled list (faster both ways)."""

    def word_values(self, value: Any, analyzer: Any, **kwargs: Any) -> Iterator[Any]:
        if not isinstance(value, str) or not isinstance(analyzer, ScriptTokenizer):
            yield from super().word_values(value, analyzer, **kwargs)
            return
        fb = self.field_boost
        for w, poslist in term_positions(value).items():
            n = len(poslist)
            yield (w, n, n * fb, pack_uint(n) + array("I", poslist).tobytes())

    def encode(self, poslist: list[int]) -> bytes:
        return pack_uint(len(poslist)) + array("I", poslist).tobytes()

    def decode_positions(self, valuestring: bytes) -> list[int]:
        a = array("I")
        a.frombytes(valuestring[_INT_SIZE:])
        return a.tolist()
