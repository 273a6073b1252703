"""The query language: words, "phrases", AND / OR / NOT, -word, (groups), field:value,
date:2023-02 and date:[2020 TO 2022], prefix wildcards (санкц*), and an exact mode.

Whoosh's QueryParser does the parsing (with PlusMinus and a date plugin); two things are
ours. First, `query_check.py` checks the string before Whoosh sees it and names the
first problem in one sentence. Second, words in text fields are stemmed and
expanded against the index vocabulary (see `analysis.py`): "санкции" becomes every
indexed form of the stem "санкц", "sold" stays itself, "selling" finds "sell", "sells".
In exact mode a word matches only its own (case-folded) form.

Dates match by containment: a document dated 2023-02 (Feb 1 to Feb 28) is inside
date:2023 and date:[2020 TO 2023], but not inside date:2023-02-10; an undated document
is never inside a date range.
"""

from __future__ import annotations

import re
from typing import Any

from whoosh import query as wq
from whoosh.qparser import QueryParser, plugins, syntax
from whoosh.qparser.syntax import AndGroup

from casefile.core.i18n import _
from casefile.core.search import morph, translit
from casefile.core.search.analysis import iter_words, stem, stem_prefix
from casefile.core.search.index import TEXT_FIELDS, build_schema
from casefile.core.search.query_check import (
    FIELDS,
    QueryError,
    check,
    colons_as_text,
    date_bounds,
    resolve_kind,
)
from casefile.core.words import fold

__all__ = ["FIELDS", "QueryError", "check", "date_bounds", "parse", "resolve_kind"]

DEFAULT_FIELDS = ("text", "head", "notes")
# Russian words by dictionary lemma (see `morph`); False: Snowball alone (as before).
USE_LEMMAS = True
EXACT_FORM_BOOST = 2.0  # the form the user typed, above its other forms ("Gates", "gate")
DAY_MIN, DAY_MAX = 1, 99_991_231
MAX_SCAN = 20_000  # vocabulary terms examined to expand one word


# -- Whoosh parsing --------------------------------------------------------------------
_SCHEMA = build_schema()


class DateNode(syntax.SyntaxNode):  # type: ignore[misc]
    def __init__(self, text: str) -> None:
        self.text = text

    def r(self) -> str:
        return f"date:{self.text}"

    def query(self, parser: Any) -> wq.Query:
        lo, hi = date_bounds(self.text)
        # Explicit bounds: Whoosh mishandles an open end on an unsigned numeric field.
        return wq.And(
            [
                wq.NumericRange("date_lo", lo or DAY_MIN, DAY_MAX),
                wq.NumericRange("date_hi", DAY_MIN, hi or DAY_MAX),
            ]
        )


class DatePlugin(plugins.TaggingPlugin):  # type: ignore[misc]
    priority = -10  # before fields (0) and groups see "date:" and the brackets
    expr = r"(?i)date:(?P<text>\[[^\]]*\]|[^\s()]+)"

    def create(self, parser: Any, match: Any) -> DateNode:
        return DateNode(match.group("text"))


class NestedPlusMinusPlugin(plugins.PlusMinusPlugin):  # type: ignore[misc]
    """+word and -word inside brackets too. Whoosh sorts them out in the outermost group
    only, so "court OR (tribunal -appeal)" failed with a bare "Minus".

    And only at the start of a word: a hyphen inside one ("face-recognition", "Ростов-
    на-Дону") joins its parts, as the index's tokenizer sees them, instead of excluding
    the second half."""

    def __init__(self) -> None:
        super().__init__(plusexpr=r"(?<![^\s(])\+", minusexpr=r"(?<![^\s(])-")

    def do_plusminus(self, parser: Any, group: Any) -> Any:
        for i, node in enumerate(group):
            if isinstance(node, syntax.GroupNode):
                group[i] = self.do_plusminus(parser, node)
        return super().do_plusminus(parser, group)


class CaseParser(QueryParser):  # type: ignore[misc]
    """Whoosh's parser, with text words stemmed and expanded against `reader`'s
    vocabulary (or exact), kinds resolved, and prefix wildcards on folded forms."""

    def __init__(
        self,
        reader: Any,
        exact: bool = False,
        cache: dict[Any, Any] | None = None,
        translit: bool = False,
    ):
        super().__init__(None, _SCHEMA, group=AndGroup)
        self.translit = translit
        self.add_plugin(plugins.MultifieldPlugin(list(DEFAULT_FIELDS)))
        self.reader = reader
        self.exact = exact
        self.cache = cache if cache is not None else {}
        self.remove_plugin_class(plugins.SingleQuotePlugin)
        self.remove_plugin_class(plugins.RangePlugin)
        self.add_plugin(NestedPlusMinusPlugin())
        self.add_plugin(DatePlugin())
        self.phraseclass = self._phrase

    def forms(self, field: str, word: str) -> list[str]:
        """Indexed forms a query word stands for in `field` (the word itself in exact
        mode), the typed form first. Never empty: an unknown word stays itself and
        simply matches nothing. With `translit`, also the forms of its spellings in the
        other script (see `translit`)."""
        w = fold(word)
        if self.exact:
            return [w]
        key = (field, w, USE_LEMMAS, self.translit)
        got = self.cache.get(key)
        if got is None:
            got = self._expand(field, w)
            if self.translit:
                for other in self._other_script(field, w):
                    got += [t for t in [other, *self._expand(field, other)] if t not in got]
                got = [t for t in got if t == w or (field, t) in self.reader]
            got = [w] + [t for t in got if t != w]  # the typed form first (see `_any`)
            self.cache[key] = got
        return got

    def _expand(self, field: str, w: str) -> list[str]:
        """Indexed forms of `w`: by dictionary lemma (Russian), else by Snowball stem."""
        got: list[str] = []
        known = False
        if USE_LEMMAS and morph.applies(w):
            lex, known = morph.lexeme(w)
            got = sorted(f for f in lex if (field, f) in self.reader)
        if not known:  # not a dictionary word: Snowball's forms as well
            got += [t for t in self._same_stem(field, w) if t not in got]
        return got

    def _other_script(self, field: str, w: str) -> list[str]:
        latin = translit.to_latin(w)
        if latin:
            return latin

        def has_prefix(p: str) -> bool:
            key = ("prefix", field, p)
            got = self.cache.get(key)
            if got is None:
                got = self.cache[key] = next(iter(self.reader.expand_prefix(field, p)), None)
            return got is not None

        return [
            c
            for c in translit.to_cyrillic(w, has_prefix)
            if (field, c) in self.reader or translit.known_word(c)
        ]

    def _same_stem(self, field: str, w: str) -> list[str]:
        """Indexed forms with the same Snowball stem as `w` (a sorted prefix scan)."""
        s = stem(w)
        out = []
        for n, raw in enumerate(self.reader.expand_prefix(field, stem_prefix(s))):
            if n >= MAX_SCAN:
                break
            t = raw.decode() if isinstance(raw, bytes) else raw
            if stem(t) == s:
                out.append(t)
        return out

    def _words(self, field: str, text: str) -> list[list[str]]:
        return [self.forms(field, w) for _s, _e, w in iter_words(text)]

    def _any(self, field: str, forms: list[str], boost: float = 1.0) -> wq.Query:
        """Any of a word's forms; the first (the form typed) counts more."""
        if len(forms) == 1:
            return wq.Term(field, forms[0], boost=boost)
        terms = [wq.Term(field, forms[0], boost=EXACT_FORM_BOOST)]
        return wq.Or(terms + [wq.Term(field, f) for f in forms[1:]], boost=boost)

    def _phrase(
        self,
        field: str,
        words: list[str],
        slop: int = 1,
        boost: float = 1.0,
        char_ranges: Any = None,
    ) -> wq.Query:
        if field not in TEXT_FIELDS:
            return wq.Term(field, " ".join(words).lower(), boost=boost)
        groups = [self.forms(field, w) for w in words]
        if not groups:
            return wq.NullQuery
        if len(groups) == 1:
            return self._any(field, groups[0], boost)
        if all(len(g) == 1 for g in groups):
            return wq.Phrase(field, [g[0] for g in groups], slop=slop, boost=boost)
        return wq.Sequence([self._any(field, g) for g in groups], slop=slop, boost=boost)

    def term_query(
        self,
        fieldname: str,
        text: str,
        termclass: Any,
        boost: float = 1.0,
        tokenize: bool = True,
        removestops: bool = True,
    ) -> wq.Query | None:
        if fieldname in TEXT_FIELDS:
            if termclass in (wq.Prefix, wq.Wildcard):
                pattern = fold(text)
                if (
                    termclass is wq.Wildcard
                    and pattern.endswith("*")
                    and "*" not in pattern[:-1]
                    and "?" not in pattern
                ):
                    return wq.Prefix(fieldname, pattern[:-1], boost=boost)
                return termclass(fieldname, pattern, boost=boost)
            groups = self._words(fieldname, text)
            if not groups:
                return None
            if len(groups) == 1:
                return self._any(fieldname, groups[0], boost)
            # "face-recognition" typed as one word: its parts in sequence.
            return wq.Sequence([self._any(fieldname, g) for g in groups], boost=boost)
        if fieldname == "kind":
            return wq.Term("kind", resolve_kind(text), boost=boost)
        if fieldname in ("tag", "lang", "entity"):
            return termclass(fieldname, text.strip().lower(), boost=boost)
        return super().term_query(fieldname, text, termclass, boost, tokenize, removestops)


def parse(
    qs: str,
    reader: Any,
    *,
    exact: bool = False,
    cache: dict[Any, Any] | None = None,
    allow_empty: bool = False,
    translit: bool = False,
) -> wq.Query:
    """The Whoosh query for `qs`; QueryError with a readable message if it is broken.
    With `allow_empty` (facet filters chosen, nothing typed) a blank query matches all."""
    if allow_empty and not qs.strip():
        return wq.Every()
    check(qs)
    normalized = colons_as_text(re.sub(r"(?i)\blanguage:", "lang:", qs))
    parser = CaseParser(reader, exact, cache, translit)
    try:
        q = parser.parse(normalized)
    except QueryError:
        raise
    except Exception as exc:  # Whoosh's own complaints, in one sentence
        raise QueryError(
            _("Cannot understand this query: %(error)s") % {"error": exc}, qs, None
        ) from exc
    if q is wq.NullQuery or isinstance(q, wq.NullQuery.__class__):
        raise QueryError(_("This query has no words to search for."), qs, 0)
    return q
