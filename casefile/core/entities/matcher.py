"""Find every alias of every entity on a page in one pass (docs/architecture.md,
"Entities").

One Aho–Corasick automaton holds every surface form of every alias
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

Faster still (about half the matching's time): a page is folded and spaced to one byte
per code point (`folded_bytes`: Windows-1251 holds every Latin and Cyrillic letter a
Russian or English case uses, so the folding and spacing are one byte table) and
scanned by a compiled automaton over bytes (ahocorasick-rs); offsets stay the page's
code points. A character outside that code page becomes a byte no form contains (the
page's rest from there is folded as text, once); forms that hold such characters
("Société", "İstanbul") are matched on those pages only, by pyahocorasick over the
folded text as before, and their hits join the others before the overlap rule.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterable
from typing import Any, NamedTuple

import ahocorasick
import ahocorasick_rs

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


# One byte per code point: every letter of a Russian or English case is in Windows-1251.
# Its one unassigned byte, 0x98, stands for U+FFFD (what a decoder leaves for bytes it
# could not read: common in extracted text) and for every character outside it.
_CHARS = bytes(range(256)).decode("cp1251", "replace")  # 0x98: U+FFFD
_ENCODING = codecs.charmap_build(_CHARS)
_OUTSIDE = b"\x98"
_ERRORS = "casefile.entities.outside"


def _encode(text: str, errors: str) -> bytes:
    return codecs.charmap_encode(text, errors, _ENCODING)[0]


def _byte_table() -> bytes:
    """Each byte to the byte of its character folded and spaced (one code point to one:
    `fold` and `spaced` themselves, applied to each character); `_OUTSIDE` stays."""
    table = bytearray(range(256))
    for b, ch in enumerate(_CHARS):
        if bytes([b]) != _OUTSIDE:
            table[b] = _encode(spaced(fold(ch)), "strict")[0]
    return bytes(table)


_TABLE = _byte_table()


def _outside(exc: UnicodeError) -> tuple[bytes, int]:
    """The encoding error handler, for a run of characters outside the code page: the
    run folded and spaced as text, then each character still outside as `_OUTSIDE`
    ("K" Kelvin sign becomes "k", a thin space a space). Case is per character (Greek's
    final sigma aside, which stays outside either way), so this is what folding the
    whole page gives. A page with many runs (French) has its rest done in one call."""
    if not isinstance(exc, UnicodeEncodeError):
        raise exc
    text = exc.object
    _runs[0] += 1
    stop = len(text) if _runs[0] > _MAX_RUNS else exc.end
    folded = spaced(fold(text[exc.start : stop]))  # "?" is a boundary: a space by now
    return _encode(folded, "replace").replace(b"?", _OUTSIDE), stop


# Runs outside the code page on the page being folded (`folded_bytes`): a hint for
# speed only (either way gives the same bytes), so threads folding at once may share it.
_runs = [0]
_MAX_RUNS = 8
codecs.register_error(_ERRORS, _outside)


def folded_bytes(text: str) -> bytes:
    """`spaced(fold(text))` as one byte per code point (`_TABLE` is idempotent on what
    `_outside` folded already), a character outside the code page as `_OUTSIDE`."""
    _runs[0] = 0
    return _encode(text, _ERRORS).translate(_TABLE)


# Per key: (alias_id, entity_id, exact form or None). Exact forms are weak aliases.
_Target = tuple[int, int, str | None]
# Per key: its targets, and the one plain (alias, entity) if that is all it has
# (nearly every key): `rows` then needs no check per hit.
_Value = tuple[tuple[_Target, ...], tuple[int, int] | None]


def _plain(targets: list[_Target]) -> bool:
    return len(targets) == 1 and targets[0][2] is None


class Matcher:
    """All aliases of a case, compiled once; `find(text)` scans one page. It pickles
    as its keys (the matcher process compiles them again: ~10 ms)."""

    def __init__(self, aliases: Iterable[AliasSpec]) -> None:
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
        self._keys: list[bytes] = []
        self._values: list[_Value] = []
        foreign: ahocorasick.Automaton | None = None
        for key, targets in keys.items():
            value = (tuple(targets), (targets[0][0], targets[0][1]) if _plain(targets) else None)
            try:
                encoded = _encode(key, "strict")
            except UnicodeEncodeError:
                encoded = _OUTSIDE
            if _OUTSIDE not in encoded:
                self._keys.append(b" " + encoded + b" ")
                self._values.append(value)
            else:  # a character outside the code page (or U+FFFD, which shares its byte)
                if foreign is None:
                    foreign = ahocorasick.Automaton()
                foreign.add_word(f" {key} ", (len(key) + 1, value))
        if foreign is not None:
            foreign.make_automaton()
        self._foreign = foreign
        self.size = len(keys)
        self._compile()

    def _compile(self) -> None:
        self._auto = ahocorasick_rs.BytesAhoCorasick(self._keys) if self._keys else None

    def __getstate__(self) -> dict[str, Any]:
        return {
            "keys": self._keys,
            "values": self._values,
            "foreign": self._foreign,
            "size": self.size,
        }

    def __setstate__(self, state: dict[str, Any]) -> None:
        self._keys, self._values = state["keys"], state["values"]
        self._foreign, self.size = state["foreign"], state["size"]
        self._compile()

    def find(self, text: str) -> list[Hit]:
        """Every alias occurrence on the page, longest first where they overlap."""
        return [Hit(*h) for h in self.hits(text)]

    def hits(self, text: str) -> list[tuple[int, int, int, int]]:
        """`find` as plain (alias_id, entity_id, start, end) tuples: a drain makes tens
        of thousands."""
        hits: list[tuple[int, int, int, int]] = []
        taken_end = -1
        for start, negative_end, (targets, _single) in self._raw(text):
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
        for start, negative_end, (targets, single) in self._raw(text):
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

    def _raw(self, text: str) -> list[tuple[int, int, _Value]]:
        """Every whole-word key on the page as (start, -end, value), by start and
        longest first."""
        if not self.size or not text:
            return []
        # Keys and text are framed by spaces: every hit is whole words. A hit [s, e) of
        # the padded text is the page's [s, e - 2) (the opening space is the page's
        # s - 1, the closing one e - 2). The end is kept negated: a plain tuple sort then
        # puts each start's longest hit first.
        data = b" " + folded_bytes(text) + b" "
        values = self._values
        raw = (
            [
                (s, 2 - e, values[i])
                for i, s, e in self._auto.find_matches_as_indexes(data, overlapping=True)
            ]
            if self._auto is not None
            else []
        )
        if self._foreign is not None and _OUTSIDE in data:
            # In the padded text a hit's closing space sits at index `last`, and the
            # stored length is the key's plus one, so start = last - length.
            raw += [
                (last - length, 1 - last, value)
                for last, (length, value) in self._foreign.iter(f" {spaced(fold(text))} ")
            ]
        if len(raw) > 1:
            raw.sort()  # (start, -end) never ties: one span, one key
        return raw
