"""Alias forms and one-pass matching (issue 12: inflections, possessives, weak aliases,
word boundaries)."""

from __future__ import annotations

import pytest

from casefile.core.entities.forms import fold, surface_forms
from casefile.core.entities.matcher import AliasSpec, Matcher


def found(aliases: list[AliasSpec], text: str) -> list[tuple[int, str]]:
    return [(h.alias_id, text[h.start : h.end]) for h in Matcher(aliases).find(text)]


@pytest.mark.parametrize(
    "alias, forms",
    [
        ("Форрест", {"форрест", "форреста", "форресту", "форрестом", "форресте"}),
        ("Иванова", {"иванова", "ивановой", "иванову"}),
        ("Иванов", {"иванов", "иванова", "иванову", "ивановым", "иванове"}),
        (
            "Чарльз Форрест",
            {
                "чарльз форрест",
                "чарльза форреста",
                "чарльзу форресту",
                "чарльзом форрестом",
                "чарльзе форресте",
            },
        ),
        ("Мария Иванова", {"мария иванова", "марии ивановой", "марию иванову", "марией ивановой"}),
        ("Министерство юстиции", {"министерства юстиции", "министерством юстиции"}),
        ("Москва", {"москва", "москвы", "москве", "москву", "москвой"}),
    ],
)
def test_russian_aliases_expand_to_all_cases(alias: str, forms: set[str]) -> None:
    assert forms <= surface_forms(alias)


def test_female_surname_inflects_as_female_and_genitive_words_stay() -> None:
    assert "иванову" in surface_forms("Иванова")
    assert "ивановым" not in surface_forms("Иванова")
    assert "министерства юстиций" not in surface_forms("Министерство юстиции")


def test_english_possessives_and_plurals() -> None:
    forms = surface_forms("Amazon")
    assert {"amazon", "amazon's", "amazon’s", "amazons"} <= forms
    assert "aws's" in surface_forms("AWS")


def test_fold_keeps_offsets() -> None:
    text = "İstanbul Ёлка ẞ"
    assert len(fold(text)) == len(text)
    assert fold("Ёж") == "еж"


def test_inflected_mentions_found_on_a_page() -> None:
    text = "Чарльза Форреста видели с Форрестом и Ивановой; Форресту писали. Амазон и Amazon's."
    hits = found(
        [
            AliasSpec(1, 1, "Чарльз Форрест"),
            AliasSpec(2, 1, "Форрест"),
            AliasSpec(3, 2, "Иванова"),
            AliasSpec(4, 3, "Amazon"),
        ],
        text,
    )
    assert hits == [
        (1, "Чарльза Форреста"),
        (2, "Форрестом"),
        (3, "Ивановой"),
        (2, "Форресту"),
        (4, "Amazon's"),
    ]


def test_word_boundaries_and_weak_aliases_exact() -> None:
    text = "AMTSX, MTS, mts, Mts. Амазонка. ФорреСТ"
    hits = found([AliasSpec(1, 1, "MTS", weak=True), AliasSpec(2, 2, "Форрест")], text)
    assert hits == [(1, "MTS"), (2, "ФорреСТ")]


def test_longest_overlap_wins_and_offsets_are_code_points() -> None:
    text = "ẞ İ 😀 Amazon Web Services and Amazon"
    hits = Matcher([AliasSpec(1, 1, "Amazon"), AliasSpec(2, 2, "Amazon Web Services")]).find(text)
    assert [(h.alias_id, text[h.start : h.end]) for h in hits] == [
        (2, "Amazon Web Services"),
        (1, "Amazon"),
    ]


def test_ambiguous_alias_reports_every_entity() -> None:
    hits = Matcher([AliasSpec(1, 1, "Сбер"), AliasSpec(2, 2, "Сбер")]).find("в Сбере")
    assert {h.entity_id for h in hits} == {1, 2}


def test_a_long_document_is_matched_in_bounded_pieces(case) -> None:  # type: ignore[no-untyped-def]
    """Thousands of pages and more mentions than one write holds: every one is stored."""
    from casefile.core import services
    from casefile.core.db import work_queue
    from tests.search_fixtures import add_document

    pages = ["Форрест и Форреста. " * 5] * 2100  # 10 mentions a page: 21,000 in all
    uid = add_document(case, "long", pages, sync=False)
    services.create_entity(case, "Форрест", "person")
    with case.session() as s:
        work_queue.enqueue(s, [uid], kind=work_queue.MATCH)
    services.match_pending(case)
    assert services.get_entity(case, "Форрест").mentions == 21_000
