"""Where the words of a phrase follow one another, for many candidate documents at
once (for `docsets`; docs/architecture.md, measured facts: querying 100,000 documents).

Each word's positions at the candidates are read a posting block at a time (their
values joined and read as one uint32 array) and keyed (candidate << 32 | position -
word's place in the phrase): a phrase starts where every word has the key, so the
check is a few sorted-array operations for all candidates instead of Python sets per
document.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from whoosh.system import _INT_SIZE

from casefile.core.search.analysis import ScriptPositions
from casefile.core.search.posting_blocks import EMPTY, Ids, as_ids

Mask = np.ndarray[Any, np.dtype[np.bool_]]


def consecutive(words: list[list[Any]], cands: Ids) -> Mask:
    """Which candidates hold the words at consecutive positions (a mask)."""
    mask = np.zeros(len(cands), dtype=bool)
    mask[starts(words, cands) >> KEY_SHIFT] = True
    return mask


KEY_SHIFT = 32  # a start is keyed (candidate index << 32 | position): positions are uint32
POS_MASK = (1 << KEY_SHIFT) - 1


def starts(words: list[list[Any]], cands: Ids) -> Ids:
    """Where the words follow one another, for all candidates at once: sorted keys
    (k << `KEY_SHIFT` | position) of candidate k's start positions, read from each
    word's term readers (its forms; see `_Phrase`). Word i at position q is keyed at
    q - i, so a start holds when every word has its key."""
    keys = EMPTY
    for i, leaves in enumerate(words):
        if i == 0:
            keys = _word_keys(leaves, cands, 0)
        else:  # at the candidates still standing only
            alive = sorted_unique(keys >> KEY_SHIFT)
            got = _word_keys(leaves, cands[alive], i)
            got = (alive[got >> KEY_SHIFT] << KEY_SHIFT) | (got & POS_MASK)
            keys = keys[members(keys, got)]
        if not len(keys):
            break
    return keys


def _word_keys(leaves: list[Any], cands: Ids, shift: int) -> Ids:
    """The keys (see `starts`) of one word's positions at the candidates, less
    `shift`, sorted and unique (a word's forms may share a position)."""
    ks_parts: list[Ids] = []
    pos_parts: list[Ids] = []
    for leaf in leaves:
        ks, values = leaf.values_at(cands)
        if not values:
            continue
        pos, counts = _decode_positions(leaf.m, values)
        ks_parts.append(np.repeat(ks, counts))
        pos_parts.append(pos)
    if not pos_parts:
        return EMPTY
    pos = np.concatenate(pos_parts)
    cand = np.concatenate(ks_parts)
    ok = pos >= shift
    return sorted_unique((cand[ok] << KEY_SHIFT) | (pos[ok] - shift))


def sorted_unique(a: Ids) -> Ids:
    """np.unique by a sort (its hashing is slower on these keys); `a` is not kept."""
    a = np.sort(a)
    if len(a) < 2:
        return a
    keep = np.empty(len(a), dtype=bool)
    keep[0] = True
    np.not_equal(a[1:], a[:-1], out=keep[1:])
    return a[keep]


def members(a: Ids, b: Ids) -> Mask:
    """Which of sorted `a` are in sorted `b` (a mask), by binary search."""
    if not len(b):
        return np.zeros(len(a), dtype=bool)
    i = np.minimum(np.searchsorted(b, a), len(b) - 1)
    held: Mask = b[i] == a
    return held


def _decode_positions(m: Any, values: list[Any]) -> tuple[Ids, Ids]:
    """The positions in several postings' values, concatenated, and how many each
    holds. `ScriptPositions` values are a count then a uint32 array: they are joined
    and read as one array, the counts dropped."""
    fmt = getattr(m, "format", None) or m._format
    if type(fmt) is not ScriptPositions:
        decoded = [fmt.decode_positions(v) for v in values]
        counts = as_ids([len(x) for x in decoded])
        return as_ids([p for x in decoded for p in x]), counts
    words = np.frombuffer(b"".join(values), dtype=np.uint32)
    sizes = as_ids([len(v) for v in values]) // 4  # count word and positions
    keep = np.ones(len(words), dtype=bool)
    keep[np.cumsum(sizes) - sizes] = False
    return words[keep].astype(np.int64), sizes - _INT_SIZE // 4
