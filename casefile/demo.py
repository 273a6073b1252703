"""The demo case: four short documents written for Casefile, imported through the same
services a user's import goes through, then given the metadata an investigator would."""

from __future__ import annotations

import shutil
from pathlib import Path

from casefile.core import services
from casefile.core.case import DB_NAME, SUFFIX, Case
from casefile.core.errors import CaseExistsError
from casefile.core.i18n import _
from casefile.core.vocabulary import DocumentKind
from casefile.resources import resources_dir

DEMO_TITLE = "Cloud face recognition (demo)"

# file name -> metadata the case team would set after import
DEMO_DOCUMENTS: dict[str, dict[str, object]] = {
    "eho-severa-2024-06-07.html": {
        "kind": DocumentKind.ARTICLE,
        "date": "2024-06-07",
        "source": "Эхо Севера",
        "reliability_source": "C",
        "reliability_info": 3,
        "tags": ["Helix Cloud", "OkoVision", "press"],
    },
    "forrest-v-helix-claim-summary.pdf": {
        "kind": DocumentKind.COURT_FILING,
        "date": "2024-06-06",
        "source": "Employment Tribunals (London Central)",
        "reliability_source": "A",
        "reliability_info": 2,
        "tags": ["Helix Cloud", "whistleblower"],
    },
    "open-supply-watch-written-evidence.docx": {
        "kind": DocumentKind.PARLIAMENTARY_SUBMISSION,
        "date": "2024-05",
        "source": "Foreign Affairs Committee",
        "reliability_source": "B",
        "reliability_info": 2,
        "tags": ["OkoVision", "Tarn Data"],
    },
    "okovision-designation-summary.txt": {
        "title": "Summary of designation — OkoVision LLC",
        "kind": DocumentKind.REPORT,
        "date": "2023-02-14",
        "source": "Sanctions notice (summary by the case team)",
        "reliability_source": "A",
        "reliability_info": 1,
        "tags": ["OkoVision", "sanctions"],
    },
}


ART, CLAIM = "eho-severa-2024-06-07.html", "forrest-v-helix-claim-summary.pdf"
OSW, DESIG = "open-supply-watch-written-evidence.docx", "okovision-designation-summary.txt"

# The chronology: (EDTF date, title, entities, tags, citations (file, page, quote, grade)).
DEMO_EVENTS: list[tuple[str, str, list[str], list[str], list[tuple[str, int, str, int]]]] = [
    (
        "2019-03/2024-03-15",
        "Daniel Forrest employed by Helix Cloud as a senior billing analyst",
        ["Daniel Forrest", "Helix Cloud"],
        ["whistleblower"],
        [(CLAIM, 1, "employed by the Respondent as a senior billing analyst from March 2019", 2)],
    ),
    (
        "2023-01",
        "Tarn Data Solutions Ltd incorporated in Cyprus",
        ["Tarn Data"],
        ["Tarn Data"],
        [(OSW, 1, "Tarn Data Solutions Ltd, was incorporated in January 2023", 3)],
    ),
    (
        "2023-02-14",
        "OkoVision LLC designated under sanctions",
        ["OkoVision"],
        ["sanctions"],
        [
            (DESIG, 1, "Date of designation: 2023-02-14", 1),
            (CLAIM, 1, "designated under sanctions on 14 February 2023", 2),
            (ART, 1, "который в феврале 2023 года попал под санкции", 3),
        ],
    ),
    (
        "2023-21",
        "Tarn Data Solutions becomes a customer of Helix Cloud",
        ["Tarn Data", "Helix Cloud"],
        ["Tarn Data"],
        [
            (ART, 1, "с весны 2023 года клиентом Helix Cloud значилась кипрская компания", 3),
            (OSW, 1, "Spring 2023 Tarn Data Solutions opens an account with Helix Cloud", 3),
        ],
    ),
    (
        "2023-11",
        "Forrest notices OkoVision engineers behind the Tarn Data account",
        ["Daniel Forrest", "OkoVision", "Tarn Data"],
        ["whistleblower"],
        [(CLAIM, 1, "In November 2023 the Claimant noticed that a customer account", 2)],
    ),
    (
        "2024-03-15",
        "Forrest dismissed by Helix Cloud",
        ["Daniel Forrest", "Helix Cloud"],
        ["whistleblower"],
        [(CLAIM, 1, "until his dismissal on 15 March 2024", 2)],
    ),
    (
        "2024-04~",
        "Tarn Data account reportedly closed",
        ["Tarn Data", "Helix Cloud"],
        [],
        [(OSW, 1, "April 2024 Account reportedly closed", 4)],
    ),
    (
        "2024-05",
        "Open Supply Watch submits written evidence to the Foreign Affairs Committee",
        ["Open Supply Watch"],
        ["parliament"],
        [
            (ART, 1, "В мае этого года в парламентский комитет поступили письменные показания", 3),
            (OSW, 1, "Written evidence submitted by Open Supply Watch (SEN0042)", 2),
        ],
    ),
    (
        "2024-06-07",
        "Эхо Севера publishes its investigation",
        ["Helix Cloud", "OkoVision"],
        ["press"],
        [(ART, 1, "Эхо Севера · Расследования · 7 июня 2024 года", 3)],
    ),
]

# The case's cast: (name, kind, aliases, weak aliases). Aliases in both scripts, as the
# documents write them; inflected Russian forms are found from these.
DEMO_ENTITIES: list[tuple[str, str, list[str], list[str]]] = [
    ("Daniel Forrest", "person", ["Дэниел Форрест", "Forrest", "Форрест"], []),
    (
        "Helix Cloud Services Ltd",
        "organisation",
        ["Helix Cloud Services", "Helix Cloud", "Хеликс Клауд"],
        [],
    ),
    (
        "OkoVision LLC",
        "organisation",
        ["OkoVision", "Oko Vision", "OkoVision Technologies", "ОкоВижн"],
        [],
    ),
    ("Tarn Data Solutions Ltd", "organisation", ["Tarn Data Solutions", "Tarn Data"], []),
    ("Open Supply Watch", "organisation", [], []),
    ("Эхо Севера", "organisation", ["Echo Severa"], []),
    ("Foreign Affairs Committee", "public_body", ["парламентский комитет"], []),
    (
        "Employment Tribunals (London Central)",
        "public_body",
        ["Employment Tribunals", "трудовой трибунал"],
        [],
    ),
    ("Cyprus", "place", ["Кипр"], []),
    ("Novosibirsk", "place", ["Новосибирск"], []),
]

# (source, label, target, EDTF date, (document file, page, quoted words) or None)
DEMO_RELATIONS: list[tuple[str, str, str, str | None, tuple[str, int, str] | None]] = [
    (
        "Helix Cloud Services Ltd",
        "employs",
        "Daniel Forrest",
        "2019-03/2024-03-15",
        ("forrest-v-helix-claim-summary.pdf", 1, "employed by the Respondent"),
    ),
    (
        "Daniel Forrest",
        "claim against",
        "Helix Cloud Services Ltd",
        "2024-06-06",
        ("forrest-v-helix-claim-summary.pdf", 1, "Claim number: 2207731/2024"),
    ),
    (
        "Helix Cloud Services Ltd",
        "supplied",
        "Tarn Data Solutions Ltd",
        "2023/2024-04",
        ("forrest-v-helix-claim-summary.pdf", 1, "paid for large volumes"),
    ),
    (
        "Tarn Data Solutions Ltd",
        "supplied (alleged)",
        "OkoVision LLC",
        "2023/2024",
        ("eho-severa-2024-06-07.html", 1, "фактически доступ передавался инженерам OkoVision"),
    ),
    ("Tarn Data Solutions Ltd", "registered in", "Cyprus", "2023-01", None),
    ("OkoVision LLC", "based in", "Novosibirsk", None, None),
    (
        "Open Supply Watch",
        "submitted evidence to",
        "Foreign Affairs Committee",
        "2024-05",
        ("open-supply-watch-written-evidence.docx", 1, "We submit this evidence"),
    ),
]


def _add_cast(case: Case, uids: dict[str, str]) -> None:
    """The demo's entities and their relations, each relation citing where it is said."""
    for name, kind, aliases, weak in DEMO_ENTITIES:
        services.create_entity(case, name, kind, aliases=aliases, weak_aliases=weak)
    for source, label, target, date, cite in DEMO_RELATIONS:
        citations = []
        if cite is not None:
            file, page, quote = cite
            start = services.get_page(case, uids[file], page).text.find(quote)
            if start >= 0:  # the span of the quote; else (wrapped lines) the words
                citations.append(services.CitationIn(uids[file], page, start, start + len(quote)))
            else:
                citations.append(services.CitationIn(uids[file], page, quote=quote))
        services.add_relation(case, source, target, label, date=date, citations=citations)


def demo_sources() -> list[Path]:
    folder = resources_dir() / "demo"
    return [folder / name for name in DEMO_DOCUMENTS]


def build_demo_case(path: Path, overwrite: bool = False) -> Path:
    folder = path if path.suffix == SUFFIX else path.with_name(path.name + SUFFIX)
    if (folder / DB_NAME).exists():
        if not overwrite:
            raise CaseExistsError(
                _(
                    "There is already a case at {folder}. Use --force to rebuild the demo there."
                ).format(folder=folder)
            )
        shutil.rmtree(folder)
    with services.create_case(folder, DEMO_TITLE) as case:
        summary = services.import_paths(case, demo_sources())
        by_name = {Path(o.path).name: o for o in summary.outcomes}
        for name, meta in DEMO_DOCUMENTS.items():
            outcome = by_name[name]
            assert outcome.document_uid, f"demo document {name} did not import: {outcome.reason}"
            fields = {k: v for k, v in meta.items() if k != "tags"}
            services.update_document(case, outcome.document_uid, **fields)
            tags = meta["tags"]
            assert isinstance(tags, list)
            services.set_tags(case, outcome.document_uid, tags)
        _build_chronology(case, {name: str(o.document_uid) for name, o in by_name.items()})
        _add_cast(case, {name: str(by_name[name].document_uid) for name in DEMO_DOCUMENTS})
        return case.path


def _build_chronology(case: Case, uids: dict[str, str]) -> None:
    from casefile.core.services import chronology
    from casefile.core.services.chronology_dto import CitationSpec

    for date, title, entities, tags, cites in DEMO_EVENTS:
        chronology.add_event(
            case,
            title=title,
            date=date,
            entities=entities,
            tags=tags,
            citations=[
                CitationSpec(uids[f], page, quote, grade) for f, page, quote, grade in cites
            ],
        )
