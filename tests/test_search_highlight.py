"""highlight_spans: the spans the GUI marks on a page, by the index's own analyzer."""

from __future__ import annotations

import time

from casefile.core.services import highlight_spans

TEXT = (
    "Система распознавания лиц VisionLabs попала под санкции. "
    "The company was sanctioned; Sanctions apply to the FRONT company. "
    "Ёлки и елка. Designated entities, designation notice."
)


def marked(query: str, text: str = TEXT, **kw: bool) -> list[str]:
    return [text[s:e] for s, e in highlight_spans(query, text, **kw)]


def test_inflections_by_script() -> None:
    assert marked("распознавание") == ["распознавания"]
    assert marked("санкция") == ["санкции"]
    assert marked("sanction") == ["sanctioned", "Sanctions"]
    assert marked("ёлка") == ["Ёлки", "елка"]  # ё folds to е, then stems


def test_exact_mode_matches_folded_forms_only() -> None:
    assert marked("sanction", exact=True) == []
    assert marked("sanctions", exact=True) == ["Sanctions"]
    assert marked("елка", exact=True) == ["елка"]


def test_not_terms_fields_and_operators_mark_nothing() -> None:
    assert marked("company NOT sanction") == ["company", "company"]
    assert marked("company -санкции") == ["company", "company"]
    assert marked("kind:note title:front AND лиц") == ["лиц"]
    assert marked("(front OR лицо) AND NOT (designation OR apply)") == ["лиц", "FRONT"]


def test_phrases_and_wildcards() -> None:
    assert marked('"front company"') == ["company", "FRONT", "company"]
    assert marked("design*") == ["Designated", "designation"]
    assert marked("санкц*") == ["санкции"]
    assert marked("comp?ny") == ["company", "company"]


def test_unparseable_or_empty_marks_nothing() -> None:
    assert highlight_spans('"unclosed', TEXT) == ()
    assert highlight_spans("", TEXT) == ()
    assert highlight_spans("company", "") == ()


def test_a_large_page_is_cheap() -> None:
    page = (TEXT + " ") * 100  # ≈ 20 KB
    highlight_spans("sanction распознавание", page)
    t0 = time.perf_counter()
    got = highlight_spans("sanction распознавание", page)
    assert time.perf_counter() - t0 < 0.05
    assert len(got) == 300


def test_result_snippets_mark_what_was_asked_for_and_nothing_else(case) -> None:  # type: ignore[no-untyped-def]
    from casefile.core.services import search
    from tests.search_fixtures import add_document

    add_document(
        case,
        "Ruling",
        ["The court heard Reuters and dismissed the appeal of the vessel."],
        source="Reuters",
    )

    def snippet_marks(query: str) -> list[str]:
        (hit,) = search(case, query).hits
        snip = hit.snippets[0]
        return [snip.text[s:e] for s, e in snip.spans]

    assert snippet_marks("court OR (tribunal -appeal)") == ["court"]  # excluded: unmarked
    assert snippet_marks("source:Reuters vessel") == ["vessel"]  # a filter marks nothing
    assert snippet_marks("dismiss*") == ["dismissed"]


def test_typesetting_artefacts_and_possessives_highlight() -> None:
    text = "The oﬃcer went to Macy's with O'Brien; inhabi-\ntants."
    assert marked("officer", text) == ["oﬃcer"]
    assert marked("macy", text, exact=True) == ["Macy's"]
    assert marked("brien", text) == ["O'Brien"]
    assert marked("inhabitants", text) == ["inhabi-\ntants"]


def test_translit_marks_the_other_scripts_spellings_found() -> None:
    """The viewer's highlight with "Also match transliterations" on (issue 11 item 9):
    the page's own spellings in the other script, in any case form, and nothing more."""
    from casefile.core import services

    text = "Антон Чехов родился в Таганроге. Пьесы Чехова. Газпрома нет. Tchekhov, Chekhov."
    marked = [text[a:b] for a, b in services.highlight_spans("Chekhov", text, translit=True)]
    assert marked == ["Чехов", "Чехова", "Chekhov"]
    assert [text[a:b] for a, b in services.highlight_spans("Chekhov", text)] == ["Chekhov"]
    back = [text[a:b] for a, b in services.highlight_spans("Чехов", text, translit=True)]
    assert back == ["Чехов", "Чехова", "Chekhov"]  # as search: the schemes of `translit`
