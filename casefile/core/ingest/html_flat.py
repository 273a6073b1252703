"""Visible text of HTML nested too deeply for a tree.

libxml2 stops building its tree 256 elements deep and, in recovery mode, silently drops
everything after that point: a page behind 300 nested `<b>` tags, or a generated page of
100,000 nested `<div>`s, came out with its text cut off (or "empty") and marked ok.
This reader never builds a tree: the standard library's tokenizer streams start tags,
end tags and text, and we keep the text that a browser would show (not script, style,
form state…), with a line break at block boundaries. Depth costs nothing here, so no
text is lost at any depth; only the layout finer than blocks is (see
docs/architecture.md, ingest).
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_HIDDEN = {"script", "style", "noscript", "template", "head", "textarea", "select", "button"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source"}
_BLOCK = {
    "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "fieldset",
    "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
    "hr", "li", "main", "nav", "ol", "p", "pre", "section", "table", "td", "th", "tr", "ul",
}  # fmt: skip
_SPACES = re.compile(r"[ \t\f\v\r\u00a0]+")
_BLANK_LINES = re.compile(r"\n\s*\n\s*")


class _FlatText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden = 0  # depth inside elements whose content is never shown
        self.in_title = False
        self.title: list[str] = []
        self.depth = 0
        self.max_depth = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _VOID:
            self.depth += 1
            self.max_depth = max(self.max_depth, self.depth)
        if tag == "title":
            self.in_title = True
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag not in _VOID:
            self.depth = max(0, self.depth - 1)
        if tag == "title":
            self.in_title = False
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        elif not self.hidden:
            self.parts.append(data)


def flat_html_text(markup: str) -> tuple[str, str | None, int]:
    """(visible text, <title>, deepest nesting) of `markup`, at any depth."""
    parser = _FlatText()
    parser.feed(markup)
    parser.close()
    text = _SPACES.sub(" ", "".join(parser.parts))
    text = _BLANK_LINES.sub("\n\n", "\n".join(line.strip() for line in text.split("\n")))
    title = " ".join("".join(parser.title).split()) or None
    return text.strip(), title, parser.max_depth
