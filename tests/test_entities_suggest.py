"""Entity suggestions on a small mixed-language case (issue 12): the real names come
back grouped across inflections and ranked by documents; the noise never does; known
and dismissed names are left out; the model runs in another process."""

from __future__ import annotations

import json
import sys

import pytest
from sqlalchemy import update

from casefile.core import services
from casefile.core.case import Case
from casefile.core.db.schema import Document
from casefile.core.entities import suggest
from tests.search_fixtures import add_document

RU1 = (
    "В феврале Amazon могла тайно продавать доступ к Rekognition компании VisionLabs, "
    "сообщает Эхо. Как сообщает Reuters, Чарльз Форрест из Нидерландов заявил об этом. "
    "Он добавил, что сделку одобрила Мария Иванова."
)
RU2 = (
    "По словам Форреста, VisionLabs работала с ФСБ. В понедельник Марию Иванову вызвали "
    "в суд. Как сообщает Коммерсант, Amazon отказалась от комментариев."
)
EN1 = (
    "However, Amazon Web Services denied the claim. In March, Charles Forrest told the "
    "BBC that AWS had sold Rekognition to VisionLabs. The company said it would appeal. "
    "On Monday the European Commission opened a probe. I was there. A letter followed."
)
MAIL = "Please see the attached note about the contract.\n\nRegards"
NOISE = {
    "в феврале",
    "как сообщает",
    "however",
    "in march",
    "march",
    "monday",
    "on monday",
    "the",
    "the company",
    "он",
    "в понедельник",
    "i",
    "a",
    "a letter",
    "regards",
    "please",
    "сообщает",
    "феврале",
    "понедельник",
}


@pytest.fixture
def mixed(case: Case) -> Case:
    add_document(case, "Эхо", [RU1], sync=False)
    add_document(case, "Коммерсант", [RU2], sync=False)
    add_document(case, "Claim", [EN1], sync=False)
    uid = add_document(case, "Mail", [MAIL], sync=False)
    with case.session() as s:
        s.execute(
            update(Document)
            .where(Document.uid == uid)
            .values(
                extra=json.dumps(
                    {
                        "from": '"Charles Forrest" <cforrest@example.org>',
                        "to": "legal@visionlabs.example",
                    }
                )
            )
        )
    return case


def test_noise_rules_alone() -> None:
    for text in ("В феврале", "Как сообщает", "However", "March", "Monday", "Он", "A"):
        assert suggest.is_noise(text), text
    for text in ("VisionLabs", "Чарльз Форрест", "ФСБ", "European Commission"):
        assert not suggest.is_noise(text), text
    assert suggest.key_of("Марию Иванову") == suggest.key_of("Мария Иванова")
    assert suggest.key_of("Форреста") == suggest.key_of("Форрестом") == "форрест"


@pytest.mark.slow  # starts the worker and loads the NER model (~2-6 s)
def test_suggestions_real_names_no_noise_known_and_dismissed_left_out(mixed: Case) -> None:
    services.create_entity(mixed, "Amazon", "organisation")
    result = services.suggest_entities(mixed)
    assert "natasha" not in sys.modules  # the model ran in the worker, not here
    assert result.complete and result.documents_read == 4
    assert result.worker_peak_rss_mb > 100
    by_name = {x.name: x for x in result.suggestions}
    folded = {x.name.casefold() for x in result.suggestions}
    for name in (
        "VisionLabs",
        "Rekognition",
        "Мария Иванова",
        "Charles Forrest",
        "ФСБ",
        "AWS",
        "BBC",
        "European Commission",
        "Reuters",
        "Amazon Web Services",
    ):
        assert name in by_name, (name, sorted(by_name))
    assert not folded & NOISE, folded & NOISE
    assert "Amazon" not in by_name  # the case knows it
    ranked = [x.name for x in result.suggestions]
    assert set(ranked[:2]) == {"VisionLabs", "Charles Forrest"}  # 3 documents each
    assert by_name["VisionLabs"].documents == 3
    assert set(by_name["Мария Иванова"].forms) == {"Мария Иванова", "Марию Иванову"}
    assert by_name["Мария Иванова"].kind == "person"
    assert "cforrest@example.org" not in by_name  # the sender has a display name
    # One person in both scripts: the Russian article, the claim, the e-mail's sender.
    assert by_name["Charles Forrest"].documents == 3
    assert "Чарльз Форрест" in by_name["Charles Forrest"].forms

    services.dismiss_suggestion(mixed, result, "Reuters")
    person = services.accept_suggestion(mixed, result, "Мария Иванова")
    assert person.kind == "person" and person.mentions == 2
    again = {x.name for x in services.suggest_entities(mixed).suggestions}
    assert "Reuters" not in again and "Мария Иванова" not in again
    assert "VisionLabs" in again


def test_a_name_in_both_scripts_is_one_suggestion() -> None:
    from casefile.core.entities.suggest import ORG, OTHER, PER, Find, group, skeleton

    finds = {
        "ru1": [Find("Амазон", ORG, "ner"), Find("ВижнЛабс", ORG, "ner")],
        "ru2": [Find("Амазона", ORG, "ner"), Find("Мария", PER, "ner")],
        "en1": [Find("Amazon", ORG, "caps"), Find("VisionLabs", OTHER, "caps")],
        "en2": [Find("Amazon's", ORG, "caps"), Find("Maria", PER, "caps")],
        "en3": [Find("Gazprom", ORG, "caps"), Find("Газель", ORG, "ner")],
    }
    groups = {g.key: g for g in group(finds, set(), set())}
    amazon = groups["amazon"]
    assert set(amazon.forms) == {"Amazon", "Amazon's", "Амазон", "Амазона"}
    assert amazon.documents == {"ru1", "ru2", "en1", "en2"} and "амазон" in amazon.also
    assert "амазон" not in groups
    assert set(groups["visionlabs"].forms) == {"VisionLabs", "ВижнЛабс"}
    # Too short to tell ("mr"), and names that only look alike, stay apart.
    assert "мария" in groups and "maria" in groups
    assert "газель" in groups and "gazprom" in groups
    assert skeleton("Майкрософт") == skeleton("Microsoft")
    assert skeleton("Моцарт") != skeleton("Gazprom")

    # A dismissal in one script holds in the other.
    assert "amazon" not in {g.key for g in group(finds, set(), {"амазон"})}
