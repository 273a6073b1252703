"""Hard-wrapped text (a PDF's or an e-mail's fixed-width lines) read as paragraphs.

Shown as extracted, such text wraps twice in the viewer: once at the file's width and
again at the pane's, leaving ragged half-lines. `reflow` joins the lines of a paragraph
by turning their line breaks into spaces. It changes no other character and keeps the
length, so search hits (character offsets into the page text) still land on their
words. Short lines (verse, lists, addresses, headings) are left as they are."""

from __future__ import annotations

import re

_LIST_ITEM = re.compile(r"^\s*(?:[-•*–—·]|\d{1,3}[.)]|[a-zA-Zа-яА-Я][.)])\s")
MIN_WIDTH = 30  # below this, lines are short by design, not wrapped
FULL = 0.6  # a line this close to the usual width was broken by the wrapping


def reflow(text: str) -> str:
    lines = text.split("\n")
    lengths = sorted(len(line.rstrip()) for line in lines if line.strip())
    if len(lengths) < 3:
        return text
    width = lengths[int(len(lengths) * 0.9) - 1 if len(lengths) >= 10 else -1]
    if width < MIN_WIDTH:
        return text
    out = []
    for i, line in enumerate(lines[:-1]):
        following = lines[i + 1]
        joins = (
            line.strip()
            and following.strip()
            and len(line.rstrip()) >= FULL * width
            and not _LIST_ITEM.match(following)
        )
        out.append(line + (" " if joins else "\n"))
    out.append(lines[-1])
    return "".join(out)
