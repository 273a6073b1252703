"""Date suggestion for many documents in a worker process, so natasha (0.2-0.7 s to
load, its dictionaries, ~13 s of CPU per MB where it runs) stays out of the process that
paints the window. A `SuggestPool` is kept for a session's bulk work; `suggest_many`
starts one for a single batch. See docs/architecture.md (chronology)."""

from __future__ import annotations

import multiprocessing
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from types import TracebackType

from casefile.core.chronology.suggest_dates import DateSuggestion, suggest_dates

Item = tuple[str, str | None]  # (text, the document's own date)


def _warm() -> bool:
    from casefile.core.chronology.suggest_dates import _extractor

    _extractor()
    return True


def _work(batch: list[Item]) -> list[list[DateSuggestion]]:
    return [suggest_dates(text, reference) for text, reference in batch]


class SuggestPool:
    """Worker processes (spawned: safe beside Qt's threads, the same on every OS) with
    natasha loaded, for as many `suggest` calls as a session makes."""

    def __init__(self, workers: int = 1) -> None:
        ctx = multiprocessing.get_context("spawn")
        self._pool = ProcessPoolExecutor(max_workers=max(1, workers), mp_context=ctx)
        self._workers = max(1, workers)

    def warm(self) -> None:
        """Start the workers and load natasha now rather than on the first batch."""
        list(self._pool.map(_warm_one, range(self._workers)))

    def suggest(self, items: Sequence[Item], batch: int = 200) -> list[list[DateSuggestion]]:
        """Suggestions for each (text, document date), in order."""
        batches = [list(items[i : i + batch]) for i in range(0, len(items), batch)]
        results: list[list[DateSuggestion]] = []
        for part in self._pool.map(_work, batches):
            results.extend(part)
        return results

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)

    def __enter__(self) -> SuggestPool:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def _warm_one(_: int) -> bool:
    """One warm-up per worker (a module-level function: spawned workers import it)."""
    return _warm()


def suggest_many(items: Sequence[Item], workers: int = 1) -> list[list[DateSuggestion]]:
    """Suggestions for each (text, document date), in order, from a pool started for
    this call alone."""
    if not items:
        return []
    with SuggestPool(workers) as pool:
        return pool.suggest(items)
