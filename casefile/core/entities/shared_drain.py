"""A drain shared with the case's matcher process (docs/architecture.md, "Entities"):
worth it only for a large queue and with a core free for the process (`worker_min`,
`core_free`); the process matches units from the back of the queue while this one
writes what it found and matches from the front.
"""

from __future__ import annotations

import os
import pickle
from collections.abc import Sequence
from concurrent.futures import FIRST_COMPLETED, BrokenExecutor, Future, wait

from casefile.core.case import Case
from casefile.core.entities import batch_match
from casefile.core.entities.batch_match import KEY, Cached, Item, Progress, pending_documents
from casefile.core.entities.match_worker import MatcherProcess, Result
from casefile.core.entities.matcher import Matcher

# From this many queued documents a matcher process already running shares the drain
# (below this the drain is over before it helps).
WORKER_MIN = 1000
# From this many a drain starts one. It takes 0.15-0.25 s to start (and ~0.1 s of CPU)
# while one process matches and writes ~7,000 documents a second (2,000 in ~0.3 s):
# below this a drain in one process ends first.
START_MIN = 5000
# Documents per unit of a shared drain (`drain_shared`): ~0.02 s of the process's
# matching, so that the last units end nearly together on both sides.
SHARED_UNIT = 100
FEED = 3  # units queued for the process (it never waits for this one to send more)
AHEAD = 2  # units the process must have left for this one to match a unit itself


def worker_min(case: Case) -> int:
    """The queue from which a drain is shared: `WORKER_MIN` with the case's matcher
    process up, `START_MIN` when the drain would have to start it."""
    proc = case.extensions.get(_PROCESS)
    up = isinstance(proc, MatcherProcess) and not proc.broken
    return WORKER_MIN if up else START_MIN


def core_free() -> bool:
    """Whether a matcher process would have a core of its own: the last minute's load
    average (this process's work included) leaves at least half a core idle. On a busy
    machine two processes cost ~0.25 s more CPU in all than one (start-up, results
    pickled) and finished later (measured at load 3-4 on 2 cores); with a core free
    they finish first. Where the system has no load average, a core is assumed free."""
    try:
        load = os.getloadavg()[0]
    except (AttributeError, OSError):
        return True
    return load < (os.cpu_count() or 1) - 0.5


def drain_shared(
    case: Case, m: Matcher, only: Sequence[str] | None, batch: int, progress: Progress
) -> None:
    """The queue as it stands, split into units of `SHARED_UNIT` documents: the matcher
    process takes them from the back (two in flight), this process matches from the
    front while it waits and writes what the process found as it comes (whole units per
    transaction: a crash leaves each unit done or queued). The process is kept with the
    case (`_process`); the first drain starts it before listing the queue, and until it
    is up the front units are done here, so a drain never waits for it. Units are
    smaller than a batch so that at the end neither side waits long for the other. A
    failed process leaves its units queued for the caller's loop, and the next drain
    starts another."""
    proc = _process(case)
    try:
        proc.load(m, _pickled(case, m))
        with case.read_session() as s:
            items, uid_id = pending_documents(s, only)
        unit = max(1, min(batch, SHARED_UNIT))
        plan = [items[i : i + unit] for i in range(0, len(items), unit)]
        docs = [
            {uid_id[i.document_uid]: i.document_uid for i in p if i.document_uid in uid_id}
            for p in plan
        ]
        _share(case, m, proc, plan, docs, progress)
    except BrokenExecutor:  # the process died (even between drains): its units stay queued
        proc.broken = True
    except BaseException:
        proc.broken = True
        raise
    finally:
        if proc.broken:  # a failed process is not reused: the next drain starts another
            case.extensions.pop(_PROCESS, None)
            proc.close()


_PROCESS = "entities.matcher_process"


def _process(case: Case) -> MatcherProcess:
    """The case's matcher process, started by the first drain that shares its work and
    kept (closed with the case) for the next ones. It is a separate process: the GUI
    process's memory does not grow with it."""
    proc = case.extensions.get(_PROCESS)
    if not isinstance(proc, MatcherProcess):
        proc = MatcherProcess(case.reader_uri())
        case.extensions[_PROCESS] = proc
    return proc


def _share(
    case: Case,
    m: Matcher,
    proc: MatcherProcess,
    plan: list[list[Item]],
    docs: list[dict[int, str]],
    progress: Progress,
) -> None:
    """Feed the process `FEED` units from the back and write what it found as it comes
    (all that is ready, in one transaction); meanwhile match front units here, but only
    while the process has work enough (`AHEAD` units) to stay busy for as long as this
    takes: the last units go to the process, which matches one faster than this process
    matches and writes it, so the drain ends with the process's last unit written."""
    sent: dict[int, Future[Result]] = {}
    front, back = 0, len(plan)

    def busy() -> int:
        return sum(not f.done() for f in sent.values())

    while (front < back or sent) and not progress.cancelled():
        while busy() < FEED and back > front:
            back -= 1
            sent[back] = proc.submit(sorted(docs[back]))
        ready = [k for k, f in sent.items() if f.done()]
        mine = front < back and back - front - 1 + busy() >= AHEAD
        if not ready and not mine:
            wait(sent.values(), return_when=FIRST_COMPLETED)
            ready = [k for k, f in sent.items() if f.done()]
        results: dict[int, Result] = {}
        if ready:
            try:
                results = {k: sent.pop(k).result() for k in ready}
            except Exception:  # the process failed: its units stay queued
                proc.broken = True
                return
        # What the process found and this process's own unit share one transaction:
        # each commit writes again the index pages it touched (~90 of the entity index).
        with case.session() as s:
            written = {
                k: batch_match.write_found(s, plan[k], docs[k], r) for k, r in results.items()
            }
            if mine:
                chars, found = batch_match.match_batch(s, m, plan[front])
        for k, r in results.items():
            progress.add(len(plan[k]), r[0], written[k], by_process=True)
        if mine:
            progress.add(len(plan[front]), chars, found)
            front += 1
    for f in sent.values():  # cancelled: units not started are dropped (they stay queued)
        f.cancel()


def _pickled(case: Case, m: Matcher) -> bytes:
    """The automaton as the matcher process receives it, pickled once per automaton
    (~0.33 MB for 3,000 aliases: its keys; ~5 ms to pickle) and kept with it."""
    cached = case.extensions.get(KEY)
    if isinstance(cached, Cached) and cached.matcher is m:
        if cached.pickled is None:
            cached.pickled = pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL)
        return cached.pickled
    return pickle.dumps(m, protocol=pickle.HIGHEST_PROTOCOL)
