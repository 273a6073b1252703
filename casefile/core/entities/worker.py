"""The suggestion worker: one separate process that loads natasha (230-300 MB, ~2 s)
and reads names out of batches of documents (docs/architecture.md, "Entities").

Why a process: the model's memory must never land in the GUI process, and a spawned
process starts clean (no copy of the caller's memory, no Qt state forked). The caller
feeds it batches and can stop between them; each answer carries the worker's peak RSS.
"""

from __future__ import annotations

import functools
import multiprocessing
import re
import resource
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from typing import Any

from casefile.core.entities.suggest import (
    _NER_KIND,
    Find,
    acronyms,
    english_names,
    is_noise,
    latin_in_cyrillic,
    mail_names,
)
from casefile.core.i18n import _
from casefile.core.jobs import JobContext
from casefile.core.runtime.parent_watch import exit_with_parent

_CYR = re.compile(r"[А-Яа-яЁё]")
_LAT = re.compile(r"[A-Za-z]")
_PARAGRAPH = re.compile(r"\n\s*\n|(?<=[.!?])\n")
NER_MAX_CHARS = 100_000  # per paragraph fed to the model at once


@dataclass(frozen=True)
class DocText:
    uid: str
    pages: tuple[str, ...]
    headers: tuple[str, ...] = ()  # e-mail From, To, Cc as written


@functools.cache
def _ner() -> tuple[Any, Any]:
    from natasha import NewsEmbedding, NewsNERTagger, Segmenter

    return Segmenter(), NewsNERTagger(NewsEmbedding())


def _russian(text: str) -> list[Find]:
    from natasha import Doc

    segmenter, tagger = _ner()
    out = []
    for i in range(0, len(text), NER_MAX_CHARS):
        doc = Doc(text[i : i + NER_MAX_CHARS])
        doc.segment(segmenter)
        doc.tag_ner(tagger)
        for span in doc.ner.spans:
            name = " ".join(doc.text[span.start : span.stop].split())
            if not is_noise(name):
                out.append(Find(name, _NER_KIND.get(span.type, "other"), "ner"))
    return out


def names_in(doc: DocText) -> list[Find]:
    """Every rule on one document; paragraphs go to the rules of their script."""
    out: list[Find] = []
    for page in doc.pages:
        russian: list[str] = []
        for para in _PARAGRAPH.split(page):
            cyr = len(_CYR.findall(para))
            if cyr and cyr >= len(_LAT.findall(para)):
                russian.append(para)
                out += latin_in_cyrillic(para)
            else:
                out += english_names(para)
            out += acronyms(para)
        if russian:
            out += _russian("\n\n".join(russian))
    out += mail_names(doc.headers)
    return out


def analyse(batch: Sequence[DocText]) -> tuple[dict[str, list[Find]], float]:
    """Runs in the worker: names per document, and the worker's peak RSS (MB)."""
    found = {d.uid: names_in(d) for d in batch}
    return found, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run(
    batches: Iterator[Sequence[DocText]],
    ctx: JobContext | None = None,
    total: int | None = None,
    on_batch: Callable[[dict[str, list[Find]]], None] | None = None,
    done_before: int = 0,
) -> tuple[dict[str, list[Find]], float, bool]:
    """Feed the batches to one worker process, two in flight; returns the finds, the
    worker's peak RSS in MB and whether every batch was read (False: cancelled).
    `on_batch` gets each batch's finds as they come (the caller keeps them, so a run
    stopped midway resumes); progress counts from `done_before`."""
    finds: dict[str, list[Find]] = {}
    peak = 0.0
    done = done_before
    complete = True
    with ProcessPoolExecutor(
        max_workers=1,
        mp_context=multiprocessing.get_context("spawn"),
        initializer=exit_with_parent,  # a killed app must not leave the model running
    ) as pool:
        pending: list[Future[tuple[dict[str, list[Find]], float]]] = []
        exhausted = False
        while True:
            while not exhausted and len(pending) < 2:
                if ctx is not None and ctx.cancelled:
                    exhausted, complete = True, False
                    break
                batch = next(batches, None)
                if batch is None:
                    exhausted = True
                else:
                    pending.append(pool.submit(analyse, list(batch)))
            if not pending:
                break
            result, rss = pending.pop(0).result()
            finds.update(result)
            if on_batch is not None:
                on_batch(result)
            peak = max(peak, rss)
            done += len(result)
            if ctx is not None:
                ctx.report(done, total, _("Reading names"))
                ctx.safe_point()  # an edit made meanwhile lands now, not at the end
    return finds, round(peak, 1), complete
