"""What a parsed query asks *for*: the one walk over it that both the viewer's
highlighting (`highlight`) and the result snippets (`snippets`) use."""

from __future__ import annotations

from dataclasses import dataclass

from whoosh import query as wq

HIGHLIGHT_FIELDS = ("text", "head")  # a filter such as source: marks nothing in the text


@dataclass(frozen=True)
class AskedFor:
    """The page-text terms a parsed query asks *for*: words (folded, or already expanded
    to indexed forms), prefixes and wildcard clauses. Terms after NOT or - are left
    out: a page is never highlighted for what the user excluded."""

    words: frozenset[str]
    prefixes: tuple[str, ...]
    wildcards: tuple[wq.Wildcard, ...]
    # `entity:` terms asked for (an entity's uid or a folded alias): their mentions are
    # the "hits" on a page, found by the service in the case's mention table.
    entities: frozenset[str] = frozenset()


def asked_for(q: wq.Query) -> AskedFor:
    """The one walk over a parsed query that both the viewer's highlighting and the
    result snippets use (see `highlight` and `snippets`)."""
    words: set[str] = set()
    prefixes: list[str] = []
    wildcards: list[wq.Wildcard] = []
    entities: set[str] = set()

    def walk(node: wq.Query) -> None:
        if isinstance(node, wq.Not):
            return
        if isinstance(node, wq.AndNot):
            walk(node.a)
            return
        in_text = getattr(node, "fieldname", None) in HIGHLIGHT_FIELDS
        if isinstance(node, wq.Prefix):
            if in_text and node.text not in prefixes:
                prefixes.append(node.text)
        elif isinstance(node, wq.Wildcard):
            if in_text and all(w.text != node.text for w in wildcards):
                wildcards.append(node)
        elif isinstance(node, wq.Term):
            if in_text and isinstance(node.text, str):
                words.add(node.text)
            elif node.fieldname == "entity" and isinstance(node.text, str):
                entities.add(node.text)
        elif isinstance(node, wq.Phrase):
            if in_text:
                words.update(node.words)
        else:
            for child in node.children():
                walk(child)

    walk(q)
    return AskedFor(frozenset(words), tuple(prefixes), tuple(wildcards), frozenset(entities))
