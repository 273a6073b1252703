"""Where a suggested name stands, shown under the suggestion queue's list
(ui/entities/suggestion_queue.py): a few passages from the documents holding one of its
forms (read on the reader pool), which rules found it, and which entity it sounds like.

Kept apart from the queue so that the reading and the wording of this explanation are
in one place, and the queue is about reviewing."""

from __future__ import annotations

from casefile.core import services
from casefile.core.case import Case
from casefile.core.services import Suggestion
from casefile.ui.entities.suggestion_table import found_by
from casefile.ui.i18n import translate

EXAMPLES = 3


def examples(case: Case, suggestion: Suggestion) -> list[tuple[str, str]]:
    """(document title, passage) for the first documents holding one of its forms."""
    forms = " OR ".join(f'"{f}"' for f in suggestion.forms[:4]) or f'"{suggestion.name}"'
    try:
        found = services.search(case, forms, exact=True, limit=EXAMPLES, with_facets=False)
    except Exception:
        return []
    out = []
    for hit in found.hits:
        text = " … ".join(s.text for s in hit.snippets[:1]) if hit.snippets else ""
        out.append((str(hit.title), text))
    return out


def describe(x: Suggestion, found: list[tuple[str, str]]) -> str:
    """The text under the list: what it sounds like, what found it, the passages."""
    lines = [translate("SuggestionQueue", "Found by: {rules}.").format(rules=found_by(x.rules))]
    if x.like is not None:
        lines.insert(
            0,
            translate(
                "SuggestionQueue",
                "Sounds like {name}, which the case knows: Accept as Alias Of… (M) adds it there.",
            ).format(name=x.like[1]),
        )
    lines += [f"\n{title}\n    {text}" for title, text in found]
    return "\n".join(lines)
