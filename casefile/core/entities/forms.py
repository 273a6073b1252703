"""The surface forms an alias is found under (docs/architecture.md, "Entities").

A Russian text names "Чарльз Форрест" as "Чарльза Форреста", "Форрестом"…; an English
one writes "Amazon's". Matching is one automaton pass over folded text (`matcher.py`),
so every form an alias may take is listed here once, when the alias changes, instead of
lemmatising every word of every page.

- Folding is case folding plus ё→е, one code point to one code point, so an offset in
  the folded text is the same offset in the page.
- Russian words expand to their six cases with pymorphy3. A bare "Форрест" first reads
  as a verb, so readings tagged as names (Name, Surn, Patr, Geox, Orgn) and nominative
  readings win; a female surname ("Иванова") keeps its female reading (→ "Ивановой").
  In a multi-word alias every word of a person's name inflects ("Чарльза Форреста");
  in other names the adjectives and the head noun inflect and the words after it stay
  as written ("Министерства юстиции", not "Министерства юстиций").
- A Cyrillic word the dictionary does not know gets a short, guarded set of endings.
- Latin-script aliases get English possessives and plurals ("Amazon's", "AWS's").
- Weak aliases (acronyms, short forms) are found only exactly as written, case and all.
"""

from __future__ import annotations

import functools
import re
from typing import Any

CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")
NAME_TAGS = ("Name", "Surn", "Patr", "Geox", "Orgn")
PERSON_TAGS = ("Name", "Surn", "Patr")
_CYRILLIC = re.compile(r"[а-яё]", re.IGNORECASE)
_LATIN = re.compile(r"[a-z]", re.IGNORECASE)
_WORD = re.compile(r"\S+")
APOSTROPHES = ("'", "’")


def fold(text: str) -> str:
    """Lower case and ё→е with the length kept (offsets stay the page's own)."""
    low = text.lower()
    if len(low) != len(text):  # "İ" lowers to two code points: fold char by char
        low = "".join(c if len(lc := c.lower()) != 1 else lc for c in text)
    return low.replace("ё", "е")


@functools.cache
def _morph() -> Any:
    import pymorphy3

    return pymorphy3.MorphAnalyzer()


def _is_cyrillic(word: str) -> bool:
    return bool(_CYRILLIC.search(word)) and not _LATIN.search(word)


def _best_parse(word: str) -> Any | None:
    """The reading the alias most likely means: a nominative, a name if there is one."""
    morph = _morph()
    if not morph.word_is_known(word.lower()):
        return None
    parses = [p for p in morph.parse(word) if p.tag.POS in {"NOUN", "ADJF", "PRTF"}]
    if not parses:
        return None

    def rank(p: Any) -> tuple[int, int, float]:
        tag = p.tag
        named = any(t in tag for t in NAME_TAGS)
        return (1 if tag.case == "nomn" else 0, 1 if named else 0, p.score)

    best = max(parses, key=rank)
    if best.tag.case != "nomn":
        return None  # an oblique form typed as an alias: leave it as written
    return best


def _guarded(word: str, female: bool = False) -> dict[str, set[str]]:
    """Case endings for a Cyrillic word the dictionary does not know (a foreign name):
    the regular noun declensions only, so a guess never reaches another common word.
    A woman's surname ending in a consonant does not decline (Анна Ковальчук)."""
    w = word.lower()
    stem, last = w[:-1], w[-1]
    if female and last in "бвгджзклмнпрстфхцчшщ":
        return {c: {w} for c in CASES}
    table: dict[str, tuple[str, ...]]
    if last == "а":
        table = {
            "gent": ("ы", "и"),
            "datv": ("е",),
            "accs": ("у",),
            "ablt": ("ой", "ою"),
            "loct": ("е",),
        }
    elif last == "я":
        table = {
            "gent": ("и",),
            "datv": ("е", "и"),
            "accs": ("ю",),
            "ablt": ("ей", "ею"),
            "loct": ("е", "и"),
        }
    elif last == "й":
        table = {"gent": ("я",), "datv": ("ю",), "accs": ("я",), "ablt": ("ем",), "loct": ("е",)}
    elif last == "ь":
        table = {
            "gent": ("я", "и"),
            "datv": ("ю", "и"),
            "accs": ("я",),
            "ablt": ("ем", "ью"),
            "loct": ("е", "и"),
        }
    elif last in "бвгджзклмнпрстфхцчшщ":
        ablt = "ем" if last in "жшчщц" else "ом"
        stem = w
        table = {"gent": ("а",), "datv": ("у",), "accs": ("", "а"), "ablt": (ablt,), "loct": ("е",)}
    else:
        return {c: {w} for c in CASES}  # ends in a vowel that does not decline (Сочи)
    out = {c: {stem + e for e in table.get(c, ())} for c in CASES}
    out["nomn"] = {w}
    return out


def _word_cases(
    word: str, parse: Any | None, animacy: str = "inan", female: bool = False
) -> dict[str, set[str]]:
    """The word's forms by case (all cases share one set for an unknown word); an
    adjective's accusative follows its noun's animacy."""
    if parse is None:
        if _is_cyrillic(word) and len(word) > 2:
            return _guarded(word, female)
        return {c: {word.lower()} for c in CASES}
    lexeme = parse.lexeme  # once per word: `inflect` would fetch it for every case
    out: dict[str, set[str]] = {}
    for case in CASES:
        found = {word.lower()} if case == "nomn" else set()
        wanted = [{case}]
        if case == "accs" and parse.tag.POS != "NOUN" and parse.tag.gender == "masc":
            wanted = [{case, animacy}]
        if case == "loct":
            wanted.append({"loc2"})
        if case == "gent":
            wanted.append({"gen2"})
        for want in wanted:
            f = _inflect(parse, lexeme, want)
            if f is not None:
                found.add(f.word)
        out[case] = found or {word.lower()}
    return out


def _inflect(parse: Any, lexeme: list[Any], required: set[str]) -> Any | None:
    """pymorphy3's own choice of the form of `lexeme` closest to `parse` with the
    `required` grammemes (MorphAnalyzer._inflect), on a lexeme fetched once."""
    possible = [f for f in lexeme if required <= f.tag.grammemes]
    if not possible:
        fixed = parse.tag.fix_rare_cases(required)
        possible = [f for f in lexeme if fixed <= f.tag.grammemes]
    if not possible:
        return None
    grammemes = parse.tag.updated_grammemes(required)

    def similarity(f: Any) -> float:
        g = f.tag.grammemes
        return len(grammemes & g) - 0.1 * len(grammemes ^ g)

    return max(possible, key=similarity)


def russian_forms(alias: str) -> set[str]:
    """Every case form of a Cyrillic alias, each word agreeing in case (folded)."""
    words = alias.split()
    if not words:
        return set()
    parses = [_best_parse(w) if _is_cyrillic(w) else None for w in words]
    # A person's name: some word is a first name, surname or patronymic and the others
    # are names too (or unknown to the dictionary, as foreign surnames often are).
    person = any(p is not None and any(t in p.tag for t in PERSON_TAGS) for p in parses) and all(
        p is None or (p.tag.POS == "NOUN" and any(t in p.tag for t in NAME_TAGS)) for p in parses
    )
    nouns = [p for p in parses if p is not None and p.tag.POS == "NOUN"]
    animacy = "anim" if nouns and nouns[0].tag.animacy == "anim" else "inan"
    female = person and any(p is not None and p.tag.gender == "femn" for p in parses)
    inflect: list[bool] = []
    head_seen = False
    for w, p in zip(words, parses, strict=True):
        if person:
            inflect.append(True)
        elif head_seen:
            inflect.append(False)
        elif p is None:
            # An unknown Cyrillic word inflects only as a one-word alias or as the head
            # ("ООО Ромашка" is written as is; "Форрест" alone declines).
            is_head = _is_cyrillic(w) and len(words) == 1
            inflect.append(is_head)
            head_seen = head_seen or is_head
        else:
            inflect.append(True)
            head_seen = p.tag.POS == "NOUN"
    per_word = [
        _word_cases(w, p, animacy, female) if inflect[i] else {c: {w.lower()} for c in CASES}
        for i, (w, p) in enumerate(zip(words, parses, strict=True))
    ]
    forms: set[str] = set()
    for case in CASES:
        combos = [""]
        for wc in per_word:
            combos = [f"{c} {x}".strip() for c in combos for x in sorted(wc[case])]
            if len(combos) > 64:  # a pathological alias: keep the forms found so far
                break
        forms.update(combos)
    return {fold(f) for f in forms}


def english_forms(alias: str) -> set[str]:
    """An alias with English possessives and plurals ("Amazon's", "AWS'", "Amazons")."""
    base = fold(alias)
    forms = {base}
    for ap in APOSTROPHES:
        forms.add(base + ap + "s")
        if base.endswith("s"):
            forms.add(base + ap)
    if base[-1:].isalpha() and not base.endswith("s"):
        forms.add(base + ("es" if base.endswith(("x", "z", "ch", "sh")) else "s"))
    return forms


def weak_forms(alias: str) -> set[str]:
    """A weak alias as written, and its possessive; matched case-sensitively."""
    forms = {alias}
    for ap in APOSTROPHES:
        forms.add(alias + ap + "s")
    return forms


@functools.lru_cache(maxsize=65536)
def _surface_forms(alias: str, weak: bool) -> frozenset[str]:
    return frozenset(_compute_forms(alias, weak=weak))


def surface_forms(alias: str, *, weak: bool = False) -> set[str]:
    """The folded forms (or, for a weak alias, the exact forms) to find `alias` under.
    Cached: rebuilding the automaton after one alias changed expands only that one."""
    return set(_surface_forms(alias, weak))


def _compute_forms(alias: str, *, weak: bool = False) -> set[str]:
    alias = " ".join(alias.split())
    if not alias:
        return set()
    if weak:
        return weak_forms(alias)
    if _is_cyrillic(alias.replace(" ", "")) or (
        _CYRILLIC.search(alias) and _CYRILLIC.search(alias.split()[-1])
    ):
        return russian_forms(alias)
    if _LATIN.search(alias):
        return english_forms(alias)
    return {fold(alias)}


def alias_words(alias: str) -> list[str]:
    """The alias's words, for asking the search index which documents may hold it."""
    return [w for w in re.findall(r"\w+", fold(alias)) if w]
