"""The demo case: four short documents written for Casefile, imported through the same
services a user's import goes through, then given the metadata an investigator would."""

from __future__ import annotations

import shutil
from pathlib import Path

from casefile.core import services
from casefile.core.case import DB_NAME, SUFFIX, Case
from casefile.core.errors import CaseExistsError
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
                f"There is already a case at {folder}. Use --force to rebuild the demo there."
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
        _add_cast(case, {name: str(by_name[name].document_uid) for name in DEMO_DOCUMENTS})
        return case.path
