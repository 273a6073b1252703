"""py3langid's classification with its byte walk done by numpy: the same answers.

py3langid finds a text's features (byte n-grams) by walking an Aho-Corasick automaton
one byte at a time in Python (`visit_counts`), the larger half of classifying a
500-character sample.

The walk is sequential, but its state after any byte depends on the last few bytes
only: an Aho-Corasick state is the longest suffix of the text read so far that is a
node of the automaton's trie, and py3langid's trie is no deeper than `WINDOW` bytes.
So the state after byte i is the one reached by walking the `WINDOW` bytes ending at i
from the root, and all those walks run side by side: `WINDOW` numpy steps over the
whole sample instead of one Python step per byte. The result is then *checked*: the
states are the walk's own exactly when each follows from the one before by the
automaton's transition (one more numpy step), and a text that fails the check (a model
with a deeper trie) is walked by py3langid itself. Features are counted in the order
py3langid's `Counter` sees them first and scored by py3langid's own expressions (the
float16 rows widened to float32 before the product rather than by it), so the
floating-point sums, hence the languages and their probabilities, are its own: bit for
bit on the 2,146 corpus and generated files and in tests/test_ingest_languages.py.
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
WINDOW = 6  # bytes: the depth of py3langid's trie (its model's longest n-gram)


class FastIdentifier:
    """Wraps a py3langid `LanguageIdentifier`; `classify` gives its answers."""

    def __init__(self, model: Any) -> None:
        self.model = model
        self._fast = False
        self.slow_walks = 0  # texts the numpy walk could not prove (see the docstring)
        try:
            self._nextmove = np.asarray(model.tk_nextmove)  # a view of its array
            self._rowbase = np.asarray(model._rowbase, dtype=np.intp)
            self._output = np.asarray(model.tk_output, dtype=np.intp)
            # The model's float16 rows, as bit patterns, and every float16's float32
            # value (exact): rows are widened by a table lookup (see `_classify`).
            ptc = np.asarray(model.nb_ptc)
            if ptc.dtype != np.float16:
                raise ValueError("unexpected model rows")
            self._ptc_bits = ptc.view(np.uint16)
            every_half = np.arange(1 << 16, dtype=np.uint32).astype(np.uint16)
            self._widened = every_half.view(np.float16).astype(np.float32)
            # Rows widened so far, kept (see `_rows`). np.zeros is calloc'd: a page of
            # this 57 MB array takes memory only once a row on it is written.
            self._wide_rows = np.zeros(ptc.shape, dtype=np.float32)
            self._row_done = np.zeros(ptc.shape[0], dtype=np.bool_)
            if self._output.ndim != 1 or len(self._output) != len(self._rowbase):
                raise ValueError("unexpected automaton layout")
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
        nextmove, rowbase = self._nextmove, self._rowbase
        state = np.zeros(n, dtype=np.intp)
        for k in range(WINDOW):
            lo = WINDOW - 1 - k  # the walk ending at byte i reads byte i - lo now
            if lo < n:
                state[lo:] = nextmove[rowbase[state[lo:]] + b[: n - lo]]
        # The proof: every state is the transition from the one before (the root first).
        if n and not (
            state[0] == nextmove[rowbase[0] + b[0]]
            and np.array_equal(nextmove[rowbase[state[:-1]] + b[1:]], state[1:])
        ):
            return self._walked(data)
        feats = self._output[state]
        feats = feats[feats >= 0]
        if not len(feats):
            return np.empty(0, dtype=np.intp), np.empty(0, dtype=np.float32)
        # np.unique's sort and grouping without its wrappers (a third of its time on
        # a sample): the groups of equal ids, then put back in first-seen order.
        order = feats.argsort(kind="stable")
        ordered = feats[order]
        starts = np.flatnonzero(np.concatenate(([True], ordered[1:] != ordered[:-1])))
        counts = np.diff(starts, append=len(ordered))
        seen = order[starts].argsort()
        return ordered[starts][seen], counts[seen].astype(np.float32)

    def _walked(self, data: bytes) -> tuple[npt.NDArray[np.intp], npt.NDArray[np.float32]]:
        self.slow_walks += 1
        visits = slow_visit_counts(self.model, data) or {}
        ids = np.fromiter(visits.keys(), dtype=np.intp, count=len(visits))
        return ids, np.fromiter(visits.values(), dtype=np.float32, count=len(visits))

    def _rows(self, idx: npt.NDArray[np.intp]) -> npt.NDArray[np.float32]:
        """The model's rows `idx` as float32, each widened once per process: the common
        features recur in every text, and widening was half of a classification. Two
        threads may widen one row together; they write the same values."""
        new = idx[~self._row_done[idx]]
        if len(new):
            self._wide_rows[new] = np.take(self._widened, np.take(self._ptc_bits, new, axis=0))
            self._row_done[new] = True
        return np.take(self._wide_rows, idx, axis=0)

    def _classify(self, text: str) -> tuple[str, float]:
        """py3langid's `classify` (`_decide` and `_raw_score`), the walk replaced."""
        m = self.model
        data = m._encode(text)
        idx, counts = self.visit_counts(data)
        if len(idx):
            # The model's rows are float16, which numpy's matmul widens to float32 itself
            # (0.4 ms a sample); widening just these rows first is 0.1 ms, same sums, and
            # looking each one's float32 up in a table of all 65,536 half the time again
            # (numpy converts float16 one element at a time in software).
            rows = self._rows(idx)
            scores = np.log1p(counts) @ rows + m.nb_pc
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
