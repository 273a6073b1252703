"""Notice when the extraction pool itself breaks (docs/architecture.md, "Ingest").

A worker that dies on a hostile file is the file's failure: pebble reports it on that
file's task. But when workers die outside any task (they cannot start: memory refused,
a damaged installation, the system killing them as they start), pebble marks the whole
pool broken and never settles the tasks it had accepted: whoever waits on them would
wait for ever. A watcher thread looks at the pool a few times a second and, once it is
broken, hands the extraction pool's outstanding tasks an error the user can read.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from pebble import ProcessPool

from casefile.core.errors import ExtractionUnavailableError
from casefile.core.i18n import _

POLL_S = 0.25


def unavailable() -> ExtractionUnavailableError:
    return ExtractionUnavailableError(
        _(
            "Casefile could not start the helper processes that read files, so the import "
            "stopped. The files imported so far are kept: close other programs (or restart "
            "the computer) and import again; files already in the case are not imported twice."
        )
    )


def watch(pool: ProcessPool, on_broken: Callable[[], None], stop: threading.Event) -> None:
    """Call `on_broken` once if `pool` breaks before `stop` is set (the pool closed)."""

    def run() -> None:
        while not stop.wait(POLL_S):
            if not pool.active:
                if not stop.is_set():
                    on_broken()
                return

    threading.Thread(target=run, name="extraction-watch", daemon=True).start()
