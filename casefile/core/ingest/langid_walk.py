"""py3langid's classification with its byte walk done by numpy: the same answers.

py3langid finds a text's features (byte n-grams) by walking an Aho-Corasick automaton
one byte at a time in Python (`visit_counts`): ~1 ms for a 500-character sample, the
largest single cost of extracting a short note (docs/architecture.md, measured facts).

The walk is sequential, but its state after any byte depends on the last few bytes
only: an Aho-Corasick state is the longest suffix of the text read so far that is a
node of the automaton's trie, and no node is deeper than the longest n-gram
(`_depth`, 6 bytes in py3langid's model). So the state after byte i is the one
reached by walking the `depth` bytes ending at i from the root, and all those walks
run side by side: `depth` numpy steps over the whole sample instead of one Python step
per byte. Features are then counted in the order py3langid's `Counter` sees them first,
and scored by py3langid's own code path, so the floating-point sums, hence the
languages and their probabilities, are exactly its own.

`FastIdentifier.classify` checks itself against py3langid at start-up and falls back
to py3langid's walk if its model ever looks different (another version's layout).
"""

from __future__ import annotations

import logging
import math
from typing import Any

import numpy as np
import numpy.typing as npt
from py3langid.langid import RAW_FLOOR, visit_counts

log = logging.getLogger(__name__)

_CHECK_TEXTS = (
    "Суд признал обвиняемого виновным и назначил наказание.",
    "The court of appeal dismissed the claim of the veteran.",
    "Der Angeklagte wurde freigesprochen. Le tribunal a rejeté la demande.",
    "ÀÉÎÕÜ 12345 !!! ёЁ ⅷ ﬁ 🙂 z",
    "",
)
_BFS_CHUNK = 4096  # states expanded per numpy call when measuring the automaton


def _depth(nextmove: npt.NDArray[np.uint32], rowbase: npt.NDArray[np.intp]) -> int:
    """The deepest state of the automaton: its distance from the root (breadth-first,
    all 256 bytes of a frontier at once). In a complete Aho-Corasick automaton a
    state's distance from the root is the length of its trie node's string."""
    seen = np.zeros(len(rowbase), dtype=bool)
    seen[0] = True
    frontier = np.array([0], dtype=np.intp)
    depth = 0
    every_byte = np.arange(256, dtype=np.intp)
    while True:
        reached = np.zeros(len(rowbase), dtype=bool)
        for i in range(0, len(frontier), _BFS_CHUNK):
            rows = rowbase[frontier[i : i + _BFS_CHUNK]]
            reached[nextmove[(rows[:, None] + every_byte).ravel()]] = True
        reached &= ~seen
        if not reached.any():
            return depth
        seen |= reached
        frontier = np.flatnonzero(reached)
        depth += 1


class FastIdentifier:
    """Wraps a py3langid `LanguageIdentifier`; `classify` gives its answers."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self._fast = False
        try:
            self._nextmove = np.frombuffer(model.tk_nextmove, dtype=np.uint32)
            self._rowbase = np.asarray(model._rowbase, dtype=np.intp)
            self._output = np.asarray(model.tk_output, dtype=np.intp)
            if self._output.ndim != 1 or len(self._output) != len(self._rowbase):
                raise ValueError("unexpected automaton layout")
            self._depth = _depth(self._nextmove, self._rowbase)
            self._fast = all(self._classify(t) == model.classify(t) for t in _CHECK_TEXTS)
        except Exception as exc:  # another py3langid layout: its own walk, unchanged
            log.info("language detection without the vectorised walk: %s", exc)
            self._fast = False
        if not self._fast:
            log.info("language detection uses py3langid's own walk")

    @property
    def vectorised(self) -> bool:
        return self._fast

    def classify(self, text: str) -> tuple[str, float]:
        if not self._fast:
            result: tuple[str, float] = self.model.classify(text)
            return result
        return self._classify(text)

    def visit_counts(self, data: bytes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]:
        """py3langid's `visit_counts` as (feature ids, counts), in first-seen order."""
        b = np.frombuffer(data, dtype=np.uint8).astype(np.intp)
        n = len(b)
        state = np.zeros(n, dtype=np.intp)
        nextmove, rowbase = self._nextmove, self._rowbase
        for k in range(self._depth):
            lo = self._depth - 1 - k  # the state at i has read bytes i-lo .. so far
            if lo >= n:
                continue
            state[lo:] = nextmove[rowbase[state[lo:]] + b[: n - lo]]
        feats = self._output[state]
        feats = feats[feats >= 0]
        if not len(feats):
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)
        ids, first, counts = np.unique(feats, return_index=True, return_counts=True)
        order = np.argsort(first, kind="stable")
        return ids[order].astype(np.intp), counts[order].astype(np.float32)

    def _classify(self, text: str) -> tuple[str, float]:
        """py3langid's `classify` (`_decide` and `_raw_score`), the walk replaced."""
        m = self.model
        data = m._encode(text)
        idx, counts = self.visit_counts(data)
        if len(idx):
            scores = np.log1p(counts) @ m.nb_ptc[idx] + m.nb_pc
        else:
            fill = 0.0 if m._norm_probs else RAW_FLOOR  # featureless input, as py3langid
            scores = np.full(len(m.nb_classes), fill, dtype=np.float32)
        if m._norm_probs:
            scores *= 1.0 / math.sqrt(len(data) or 1)
            np.exp(scores - scores.max(), out=scores)
            scores /= scores.sum()
        for i, j in m._alias_pairs:
            if m._norm_probs:
                scores[i] += scores[j]
                scores[j] = 0.0
            else:
                scores[i] = max(scores[i], scores[j])
                scores[j] = RAW_FLOOR
        i = int(scores.argmax())
        conf = float(scores[i])
        if m.min_confidence is not None and conf < m.min_confidence:
            return "und", conf
        return str(m.nb_classes[i]), conf


def slow_visit_counts(model: Any, data: bytes) -> dict[int, int] | None:
    """py3langid's own walk (for tests that compare the two)."""
    counts: dict[int, int] | None = visit_counts(
        model.tk_nextmove, model._rowbase, model.tk_output, data
    )
    return counts


__all__ = ["FastIdentifier", "slow_visit_counts"]
