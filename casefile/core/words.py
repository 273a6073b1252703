"""The words of a text as the search index reads them: Unicode words, folded (NFKC,
case folding, ё→е, no stress marks), with typesetters' joiners and line-end
hyphenations taken out.

A base module, below both `core/ingest` and `core/search`: the index splits a page
with these functions (`core/search/analysis.py`, which adds stemming and Whoosh's
side), and an extraction worker, which already holds the page, splits it with the same
ones so that the importing process need not (docs/architecture.md, "Ingest").
"""

from __future__ import annotations

import re
import unicodedata

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
# analysis of a page. `HASHED_WORDS` is the same pattern with `\w` for `[^\W_]`, for a text
# whose underscores were replaced by "#" first (same length, so same offsets; not a
# space, which a line-end hyphenation may take in).
def _word_pattern(letter: str) -> str:
    inside = r"[\u0300-\u036f]|[" + _INVISIBLE + r"]+(?=" + letter + r")|" + _LINE_HYPHEN
    return letter + r"+(?:(?:" + inside + r")" + letter + r"*)*(?:['’]" + letter + r"+)*"


WORD_RE = re.compile(_word_pattern(r"[^\W_]"))
HASHED_WORDS = re.compile(_word_pattern(r"\w"))
_JOINERS = re.compile(r"[" + _INVISIBLE + r"]|-[ \t]*\r?\n[ \t]*")
_COMBINING = re.compile(r"[\u0300-\u036f]")


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


_CHUNK = 32 * 1024


def _findall_words(text: str) -> list[str]:
    """WORD_RE.findall in slices cut at whitespace: one C call over a 1.5 MB novel holds
    the GIL for ~50 ms, long enough to freeze the GUI's event loop while it indexes."""
    text = text.replace("_", "#")  # `HASHED_WORDS` is WORD_RE where "_" is "#" (see there)
    if len(text) <= _CHUNK:
        return HASHED_WORDS.findall(text)
    words: list[str] = []
    start = 0
    while start < len(text):
        end = min(start + _CHUNK, len(text))
        if end < len(text):
            cut = text.rfind(" ", start, end)
            end = cut + 1 if cut > start else end
        words.extend(HASHED_WORDS.findall(text, start, end))
        start = end
    return words


_NEEDS_FOLD = re.compile(r"[-\u0300-\u036f" + _INVISIBLE + r"]")
_PAGE_NEEDS_FOLD = re.compile(r"[\u0300-\u036f" + _INVISIBLE + r"]|-[ \t]*\r?\n")


def fold_page(text: str) -> str:
    if text.isascii():
        return text.lower()
    low = unicodedata.normalize("NFKC", text).casefold()
    return low.replace("ё", "е").replace("’", "'")


def words_of_folded(low: str) -> list[str]:
    words = _findall_words(low)
    if _PAGE_NEEDS_FOLD.search(low):  # a mark, a joiner or a line-end hyphenation
        words = [fold(w) if _NEEDS_FOLD.search(w) else w for w in words]
    return words


def page_words(text: str) -> list[str]:
    """The folded words of one page, in order (the index path: the page is normalised
    in C, per-word Python only for words with marks, joiners or a line-end hyphen).
    Gives the same words as `fold` over `iter_words`."""
    return words_of_folded(fold_page(text))
