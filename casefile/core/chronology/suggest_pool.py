"""Date suggestion for many documents in a worker process, so natasha (0.2 s to load,
~40 MB of dictionaries) and its CPU stay out of the process that paints the window.
See docs/architecture.md (chronology)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor

from casefile.core.chronology.suggest_dates import DateSuggestion, suggest_dates


def _work(batch: list[tuple[str, str | None]]) -> list[list[DateSuggestion]]:
    return [suggest_dates(text, reference) for text, reference in batch]


def suggest_many(
    items: Sequence[tuple[str, str | None]], workers: int = 1, batch: int = 50
) -> list[list[DateSuggestion]]:
    """Suggestions for each (text, document date), in order, computed in `workers`
    spawned processes (spawn: safe beside Qt's threads, and the same on every OS)."""
    if not items:
        return []
    batches = [list(items[i : i + batch]) for i in range(0, len(items), batch)]
    ctx = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx) as pool:
        results: list[list[DateSuggestion]] = []
        for part in pool.map(_work, batches):
            results.extend(part)
    return results
