"""The case's stored values are called the same by every face: one table of words
(`casefile.core.labels`) that the window, the entity views, the CLI (in Russian) and the
exported reports all read (docs/architecture.md, "Vocabulary").

Before it, each face had its own table and its own catalog entries, and they had drifted
apart: a public body was "Государственный орган" in the document window, "Орган власти"
in the entity views and "орган власти" in the CLI; an event whose quote was lost was
"Цитата утрачена" in the chronology, "Цитата утеряна" in the export options and "Quote
no longer found" in the report.
"""

from __future__ import annotations

import ast
from collections.abc import Callable, Iterator
from enum import Enum
from pathlib import Path

import pytest

from casefile.cli import labels as cli_labels
from casefile.core import i18n
from casefile.core import labels as words
from casefile.core.export import model as export_model
from casefile.core.export import report_docx
from casefile.core.vocabulary import DocumentKind, DocumentStatus, EntityKind, EventFlag
from casefile.ui import labels as ui_labels
from casefile.ui.chronology import model as chronology_model
from casefile.ui.entities import kinds as ui_kinds

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def russian() -> Iterator[None]:
    i18n.set_language("ru")
    yield
    i18n.set_language("en")


@pytest.mark.parametrize(
    ("table", "enum"), words.TABLES, ids=lambda x: getattr(x, "context", getattr(x, "__name__", ""))
)
def test_every_value_has_a_word_translated_into_russian(
    table: words.Words[object], enum: type[Enum], russian: None
) -> None:
    assert set(table) == set(enum), f"{table.context}: values without a word"
    untranslated = [table.english[v] for v in enum if table[v] == table.english[v]]
    # A word whose NP_ context differs from its table's is not found in the catalog.
    assert not untranslated, f"{table.context}: no Russian for {untranslated}"


def _faces(
    enum: type[Enum],
) -> list[tuple[str, Callable[[str], str]]]:
    """Each face's way of naming a value of `enum`, as the face calls it."""
    if enum is DocumentKind:
        return [
            ("window", ui_labels.kind_label),
            ("CLI", cli_labels.document_kind),
            ("report", report_docx.document_kind),
        ]
    if enum is DocumentStatus:
        return [("window", ui_labels.status_label), ("CLI", cli_labels.document_status)]
    if enum is EntityKind:
        return [
            ("entity views", ui_kinds.label),
            ("CLI", cli_labels.entity_kind),
            ("report", report_docx.entity_kind),
        ]
    return [
        ("CLI", cli_labels.event_flag),
        ("report", report_docx.flag),
        ("export scope", export_model.flag_words),
        ("chronology tooltip", lambda v: chronology_model.flag_words(v)[1].split(":")[0]),
    ]


@pytest.mark.parametrize("enum", [DocumentKind, DocumentStatus, EntityKind, EventFlag])
def test_the_faces_call_each_value_by_the_same_russian_word(
    enum: type[Enum], russian: None
) -> None:
    for member in enum:
        value = str(member.value)
        said = {face: name(value) for face, name in _faces(enum)}
        assert len(set(said.values())) == 1, f"{value} is called differently: {said}"
        assert next(iter(said.values())) != value, f"{value} has no Russian word"


def test_the_chronology_says_in_short_what_the_table_says_in_full(russian: None) -> None:
    assert list(chronology_model.FLAG_WORDS) == list(EventFlag)
    short, tip = chronology_model.flag_words(EventFlag.LOST_QUOTE)
    assert (short, tip.split(":")[0]) == ("Цитата утрачена", "Цитата утрачена")
    assert chronology_model.flag_words(EventFlag.WEAK_SOURCES)[0] == "Слабые"


def test_the_cli_prints_the_values_themselves_in_english() -> None:
    # What --kind, --status and --flag take, so a listing can be pasted back as a filter.
    assert cli_labels.document_kind("court_filing") == "court_filing"
    assert cli_labels.event_flag("lost_quote") == "lost_quote"
    assert ui_labels.kind_label("court_filing") == "Court filing"
    assert report_docx.flag("lost_quote") == "Lost quote"


def test_a_value_no_table_holds_is_shown_as_words(russian: None) -> None:
    # A case written by a newer Casefile may hold a kind this one does not know.
    assert ui_labels.kind_label("witness_statement") == "Witness statement"
    assert ui_kinds.label("vessel") == "Vessel"


def _marked_literals(path: Path) -> Iterator[str]:
    markers = {"translate", "QT_TRANSLATE_NOOP", "N_", "_", "pgettext", "NP_"}
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) in markers:
            for arg in node.args:
                if isinstance(arg, ast.Constant) and isinstance(arg.value, str):
                    yield arg.value


def test_no_face_keeps_a_second_table_of_these_words() -> None:
    """The longer words of the table (a short one like "Other" or "Report" may well mean
    something else elsewhere) are marked for translation in core/labels.py only."""
    table_words = {
        w
        for table in words.__dict__.values()
        if isinstance(table, words.Words)
        for w in table.english.values()
        if " " in w
    }
    found = []
    for path in sorted((ROOT / "casefile").rglob("*.py")):
        if path == ROOT / "casefile/core/labels.py":
            continue
        found += [
            f"{path.relative_to(ROOT)}: {w!r}" for w in _marked_literals(path) if w in table_words
        ]
    assert not found, found
