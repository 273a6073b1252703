"""Find every alias of every entity on a page in one pass (docs/architecture.md,
"Entities").

One Aho–Corasick automaton (pyahocorasick) holds every surface form of every alias
(`forms.py`); a page is folded once (lower case, ё→е, same length) and scanned once,
whatever the number of aliases — a regular expression per alias would scan the page
3,000 times. A hit counts only at word boundaries ("MTS" is not in "AMTSX"); a weak
alias's hit counts only when the page has it exactly as written. Overlapping hits keep
the longest ("Amazon Web Services", not "Amazon" inside it). Offsets are the page's own
code points.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import ahocorasick

from casefile.core.entities.forms import fold, surface_forms


@dataclass(frozen=True, slots=True)
class AliasSpec:
    """One alias to find: its id, its entity's id, its text and whether it is weak."""

    alias_id: int
    entity_id: int
    text: str
    weak: bool = False


@dataclass(frozen=True, slots=True)
class Hit:
    alias_id: int
    entity_id: int
    start: int
    end: int


# Per key: (alias_id, entity_id, exact form or None). Exact forms are weak aliases.
_Target = tuple[int, int, str | None]


class Matcher:
    """All aliases of a case, compiled once; `find(text)` scans one page."""

    def __init__(self, aliases: Iterable[AliasSpec]) -> None:
        self._auto = ahocorasick.Automaton()
        keys: dict[str, list[_Target]] = {}
        for a in aliases:
            for form in surface_forms(a.text, weak=a.weak):
                key = fold(form)
                target = (a.alias_id, a.entity_id, form if a.weak else None)
                bucket = keys.setdefault(key, [])
                if target not in bucket:
                    bucket.append(target)
        for key, targets in keys.items():
            self._auto.add_word(key, (len(key), tuple(targets)))
        self.size = len(keys)
        if keys:
            self._auto.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Every alias occurrence on the page, longest first where they overlap."""
        if not self.size or not text:
            return []
        folded = fold(text)
        n = len(folded)
        raw: list[tuple[int, int, tuple[_Target, ...]]] = []
        for last, (length, targets) in self._auto.iter(folded):
            end = last + 1
            start = end - length
            if start > 0 and folded[start - 1].isalnum():
                continue
            if end < n and folded[end].isalnum():
                continue
            raw.append((start, end, targets))
        if not raw:
            return []
        raw.sort(key=lambda r: (r[0], -r[1]))
        hits: list[Hit] = []
        taken_end = -1
        taken: tuple[int, int] | None = None
        for start, end, targets in raw:
            if start < taken_end and (start, end) != taken:
                continue  # inside a longer hit already kept
            kept = False
            for alias_id, entity_id, exact in targets:
                if exact is not None and text[start:end] != exact:
                    continue
                hits.append(Hit(alias_id, entity_id, start, end))
                kept = True
            if kept:
                taken_end, taken = end, (start, end)
        return hits
