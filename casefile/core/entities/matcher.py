"""Find every alias of every entity on a page in one pass (docs/architecture.md,
"Entities").

One Aho–Corasick automaton (pyahocorasick) holds every surface form of every alias
(`forms.py`); a page is folded once (lower case, ё→е, same length) and scanned once,
whatever the number of aliases — a regular expression per alias would scan the page
3,000 times. A hit counts only at word boundaries ("MTS" is not in "AMTSX"); a weak
alias's hit counts only when the page has it exactly as written. Overlapping hits keep
the longest ("Amazon Web Services", not "Amazon" inside it). Offsets are the page's own
code points.

Speed: most raw hits of a plain automaton are inside longer words ("ross" in
"across"), and each costs a Python step. So punctuation and spacing become spaces
(a byte table over the UTF-8 text and a few `str.replace`s, both in C, length kept), the
text is put between two spaces, and every key starts and ends with a space: the
automaton itself then only reports whole words (no Python step per false hit), and the
form's words may be separated by any one space, line break or punctuation mark
("Amazon\nWeb Services"). A mark not in the table (rare ones such as "™") is not a
boundary.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import NamedTuple

import ahocorasick

from casefile.core.entities.forms import fold, surface_forms


class AliasSpec(NamedTuple):
    """One alias to find: its id, its entity's id, its text and whether it is weak. A
    named tuple, not a dataclass: the matcher process imports this module, and
    `dataclasses` (with `inspect`) would add ~10 ms to its start."""

    alias_id: int
    entity_id: int
    text: str
    weak: bool = False


class Hit(NamedTuple):
    alias_id: int
    entity_id: int
    start: int
    end: int


_ASCII = bytes(
    b if (48 <= b < 58 or 65 <= b < 91 or 97 <= b < 123 or b >= 128) else 32 for b in range(256)
)
_OTHER_SPACES = "«»—–‑“”„‘’‚‹›\xa0\u2009\u202f\u200b…№§™®©•·′″"


def spaced(folded: str) -> str:
    """Folded text with every ASCII non-alphanumeric and common typographic mark as a
    space, same length (UTF-8 bytes of ASCII stay single code points)."""
    out = folded.encode("utf-8", "surrogatepass").translate(_ASCII).decode("utf-8", "surrogatepass")
    for ch in _OTHER_SPACES:  # one-character `in` is a memchr: faster than bytes here
        if ch in out:
            out = out.replace(ch, " ")
    return out


# Per key: (alias_id, entity_id, exact form or None). Exact forms are weak aliases.
_Target = tuple[int, int, str | None]


def _plain(targets: list[_Target]) -> bool:
    return len(targets) == 1 and targets[0][2] is None


class Matcher:
    """All aliases of a case, compiled once; `find(text)` scans one page."""

    def __init__(self, aliases: Iterable[AliasSpec]) -> None:
        self._auto = ahocorasick.Automaton()
        keys: dict[str, list[_Target]] = {}
        for a in aliases:
            for form in surface_forms(a.text, weak=a.weak):
                key = spaced(fold(form)).strip()
                if not key:
                    continue
                target = (a.alias_id, a.entity_id, form if a.weak else None)
                bucket = keys.setdefault(key, [])
                if target not in bucket:
                    bucket.append(target)
        for key, targets in keys.items():
            # The third item is the key's one plain target (alias, entity), if that is
            # all it has (nearly every key): `rows` then needs no check per hit.
            single = (targets[0][0], targets[0][1]) if _plain(targets) else None
            self._auto.add_word(f" {key} ", (len(key) + 1, tuple(targets), single))
        self.size = len(keys)
        if keys:
            self._auto.make_automaton()

    def find(self, text: str) -> list[Hit]:
        """Every alias occurrence on the page, longest first where they overlap."""
        return [Hit(*h) for h in self.hits(text)]

    def hits(self, text: str) -> list[tuple[int, int, int, int]]:
        """`find` as plain (alias_id, entity_id, start, end) tuples: a drain makes tens
        of thousands."""
        hits: list[tuple[int, int, int, int]] = []
        taken_end = -1
        for start, negative_end, targets, _single in self._raw(text):
            end = -negative_end
            if start < taken_end:
                continue  # inside a longer hit already kept (one span has one key)
            kept = False
            for alias_id, entity_id, exact in targets:
                if exact is not None and text[start:end] != exact:
                    continue
                hits.append((alias_id, entity_id, start, end))
                kept = True
            if kept:
                taken_end = end
        return hits

    def rows(
        self, text: str, doc_id: int, page: int, skip: set[tuple[int, int, int, int]]
    ) -> list[tuple[int, int, int, int, int, int]]:
        """The page's hits as mention rows (entity, document, page, start, end, alias):
        `hits` and the drain's filter in one loop (a drain makes tens of thousands).
        A span in `skip` (entity, page, start, end: tagged or rejected by the user) is
        left out, and so is a second alias of one entity at one span (two aliases,
        one form); the first one counts."""
        rows: list[tuple[int, int, int, int, int, int]] = []
        taken_end = -1
        for start, negative_end, targets, single in self._raw(text):
            end = -negative_end
            if start < taken_end:
                continue
            if single is not None:  # one plain target: always kept
                taken_end = end
                if not skip or (single[1], page, start, end) not in skip:
                    rows.append((single[1], doc_id, page, start, end, single[0]))
                continue
            seen: set[int] = set()
            for alias_id, entity_id, exact in targets:
                if exact is not None and text[start:end] != exact:
                    continue
                taken_end = end
                if entity_id in seen or (skip and (entity_id, page, start, end) in skip):
                    continue
                seen.add(entity_id)
                rows.append((entity_id, doc_id, page, start, end, alias_id))
        return rows

    def _raw(self, text: str) -> list[tuple[int, int, tuple[_Target, ...], tuple[int, int] | None]]:
        """Every whole-word key on the page as (start, -end, targets, single), by start
        and longest first."""
        if not self.size or not text:
            return []
        # Keys and text are framed by spaces: every hit is whole words. In the padded
        # text a hit's closing space sits at index end + 1, and the stored length is
        # the key's plus one, so start = last - length. The end is kept negated: a
        # plain tuple sort then puts each start's longest hit first.
        padded = f" {spaced(fold(text))} "
        raw = [
            (last - length, 1 - last, targets, single)
            for last, (length, targets, single) in self._auto.iter(padded)
        ]
        if len(raw) > 1:
            raw.sort()  # (start, -end) never ties: one span, one key
        return raw
