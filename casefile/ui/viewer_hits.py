"""Where the search's words are on the page the viewer shows, and how they are painted.

Finding them uses the search's own analyzer (services.highlight_spans), so what is
highlighted is what was found; a long page is analysed on a reader thread, so typing
never stalls on it. The viewer (ui/viewer.py) keeps which hit is current and moves
between them; this module only finds and colours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QColor, QTextCharFormat

from casefile.core import services
from casefile.ui.runner import Runner

HIT = QColor("#ffe066")
CURRENT_HIT = QColor("#ff9f1a")
# Pages longer than this have their hits found on a reader thread: the analyzer costs
# about 2-3 ms per 20 KB, and a 1 MB page of an e-mail archive must not stall typing.
SYNC_HIGHLIGHT_CHARS = 20_000

Spans = tuple[tuple[int, int], ...]


def find_hits(
    runner: Runner,
    query: str,
    text: str,
    exact: bool,
    translit: bool,
    on_done: Callable[[Spans], None],
) -> None:
    """Call `on_done` with the spans (code points) of `query`'s words in `text`: at
    once for a short page, from the reader pool for a long one."""
    if len(text) <= SYNC_HIGHLIGHT_CHARS:
        on_done(services.highlight_spans(query, text, exact=exact, translit=translit))
    else:
        runner.read(
            services.highlight_spans, query, text, exact=exact, translit=translit, on_done=on_done
        )


def style_hit(fmt: QTextCharFormat, current: bool) -> None:
    """A hit's yellow; the current one's orange."""
    fmt.setBackground(CURRENT_HIT if current else HIT)
    fmt.setForeground(QColor("black"))
