"""Flags on an event from the sources it rests on. An event is only as good as its
citations: no citation, a single source document, only weak material (source graded
E or F, or information graded 5 or 6 on the Admiralty scale), a quote no longer found.
See docs/architecture.md (chronology)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from casefile.core.vocabulary import EventFlag, InfoGrade, SourceGrade

NO_SOURCE = EventFlag.NO_SOURCE
SINGLE_SOURCE = EventFlag.SINGLE_SOURCE
WEAK_SOURCES = EventFlag.WEAK_SOURCES
LOST_QUOTE = EventFlag.LOST_QUOTE
FLAGS = tuple(EventFlag)

WEAK_SOURCE_GRADES = frozenset({SourceGrade.E, SourceGrade.F})
WEAK_INFO_GRADES = frozenset({InfoGrade.IMPROBABLE, InfoGrade.CANNOT_BE_JUDGED})


@dataclass(frozen=True)
class Support:
    """What one citation brings: its document, the document's source grade (A–F), the
    citation's information grade (1–6), and whether its quote is lost."""

    document_uid: str
    source_grade: str | None
    info_grade: int | None
    lost: bool = False

    @property
    def weak(self) -> bool:
        return (self.source_grade or "").upper() in WEAK_SOURCE_GRADES or (
            self.info_grade in WEAK_INFO_GRADES
        )


def flags_for(supports: Iterable[Support]) -> tuple[EventFlag, ...]:
    items = list(supports)
    if not items:
        return (NO_SOURCE,)
    found: list[EventFlag] = []
    if len({s.document_uid for s in items}) == 1:
        found.append(SINGLE_SOURCE)
    if all(s.weak for s in items):
        found.append(WEAK_SOURCES)
    if any(s.lost for s in items):
        found.append(LOST_QUOTE)
    return tuple(found)
