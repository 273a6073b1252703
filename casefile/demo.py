"""The demo case: four short documents written for Casefile, imported through the same
services a user's import goes through, then given the metadata an investigator would."""

from __future__ import annotations

import shutil
from pathlib import Path

from casefile.core import services
from casefile.core.case import DB_NAME, SUFFIX
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
        return case.path
