"""Build and update Casefile's translations (docs/architecture.md, "Languages").

    python packaging/translations.py update   # sources -> .ts / .po (new sentences)
    python packaging/translations.py build    # .ts -> .qm, .po -> .mo (what ships)

`make translations-update` and `make translations` run these. The widgets' sentences
(casefile/ui) are read by pyside6-lupdate into one Qt translation file per area of the
interface, so that people translating different areas never edit the same file; the
app loads every `resources/i18n/*_<lang>.qm`. The core's and the command line's
sentences (casefile/core, casefile/cli) are read by Babel into gettext catalogs, one per
domain, under `resources/i18n/core/<lang>/LC_MESSAGES/`.

The compiled files are committed beside their sources, so a checkout runs without a
build step; tests/test_i18n.py fails when one is older than its source.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
I18N = ROOT / "resources" / "i18n"
LANGUAGES = ("ru",)  # English is the source language and needs no file

# Every module of casefile/ui belongs to exactly one area (tests/test_i18n.py checks).
UI_AREAS: dict[str, tuple[str, ...]] = {
    "ui_entities": ("casefile/ui/entities/*.py",),
    "ui_chronology": ("casefile/ui/chronology/*.py",),
    "ui_documents": (
        "casefile/ui/viewer*.py",
        "casefile/ui/page_overlay.py",
        "casefile/ui/search_*.py",
        "casefile/ui/hit_delegate.py",
        "casefile/ui/metadata_*.py",
        "casefile/ui/document_*.py",
        "casefile/ui/linked_documents.py",
        "casefile/ui/status_banner.py",
        "casefile/ui/suggestions.py",
        "casefile/ui/undo_commands.py",
        "casefile/ui/bulk_edit.py",
        "casefile/ui/dialogs/export*.py",
        "casefile/ui/dialogs/reports.py",
    ),
    "ui_shell": (
        "casefile/ui/*.py",
        "casefile/ui/dialogs/*.py",
    ),
}
# lupdate reads `plural(text, disambiguation, n)` as it reads `tr`.
LUPDATE_OPTIONS = ("-tr-function-alias", "tr+=plural", "-locations", "relative", "-no-obsolete")

# gettext domains, each owned by one translator; a file matched by an earlier domain is
# not in a later one (as with UI_AREAS).
CORE_DOMAINS: dict[str, tuple[str, ...]] = {
    "export": (
        "casefile/core/export/**/*.py",
        "casefile/core/services/export*.py",
        "casefile/core/services/bundle*.py",
        "casefile/core/services/archive.py",
        "casefile/core/date_words.py",
    ),
    "core": ("casefile/core/**/*.py",),
    "cli": ("casefile/cli/*.py", "casefile/demo.py"),
}
BABEL_KEYWORDS = {
    "_": None,
    "N_": None,
    "ngettext": (1, 2),
    "pgettext": ((1, "c"), 2),
    "NP_": ((1, "c"), 2),
}


def ui_area_files() -> dict[str, list[Path]]:
    """Each area's modules; a module matched by an earlier area is not in a later one."""
    taken: set[Path] = set()
    out: dict[str, list[Path]] = {}
    for area, patterns in UI_AREAS.items():
        files = sorted({p for pat in patterns for p in ROOT.glob(pat)} - taken)
        taken.update(files)
        out[area] = files
    return out


def ts_path(area: str, lang: str) -> Path:
    return I18N / f"{area}_{lang}.ts"


def po_path(domain: str, lang: str) -> Path:
    return I18N / "core" / lang / "LC_MESSAGES" / f"{domain}.po"


def _tool(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    return str(exe) if exe.exists() else name


def lupdate(files: list[Path], ts: Path) -> str:
    """Add the sentences of `files` to `ts` (created if missing); returns lupdate's report."""
    ts.parent.mkdir(parents=True, exist_ok=True)
    rel = [str(f.relative_to(ROOT)) for f in files]
    out = subprocess.run(
        [_tool("pyside6-lupdate"), *LUPDATE_OPTIONS, *rel, "-ts", str(ts)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return out.stdout + out.stderr


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run(
        [_tool("pyside6-lrelease"), "-silent", "-nounfinished", str(ts), "-qm", str(qm)],
        check=True,
    )


def domain_files() -> dict[str, list[Path]]:
    taken: set[Path] = set()
    out: dict[str, list[Path]] = {}
    for domain, patterns in CORE_DOMAINS.items():
        files = sorted({p for pat in patterns for p in ROOT.glob(pat)} - taken)
        taken.update(files)
        out[domain] = files
    return out


def extract_catalog(domain: str):  # type: ignore[no-untyped-def]
    """The domain's sentences as a Babel catalog (the .pot, in memory)."""
    from babel.messages.catalog import Catalog
    from babel.messages.extract import extract_from_file

    catalog = Catalog(project="Casefile", domain=domain, charset="utf-8")
    for path in domain_files()[domain]:
        filename = str(path.relative_to(ROOT))
        for lineno, message, comments, context in extract_from_file(
            "python", path, keywords=BABEL_KEYWORDS
        ):
            catalog.add(
                message, None, [(filename, lineno)], auto_comments=comments, context=context
            )
    return catalog


def read_po(path: Path):  # type: ignore[no-untyped-def]
    from babel.messages.pofile import read_po as _read

    with path.open("rb") as fh:
        return _read(fh)


def mo_bytes(po: Path) -> bytes:
    from io import BytesIO

    from babel.messages.mofile import write_mo

    buf = BytesIO()
    write_mo(buf, read_po(po))
    return buf.getvalue()


def update() -> None:
    for area, files in ui_area_files().items():
        for lang in LANGUAGES:
            print(f"{area} ({lang}):", lupdate(files, ts_path(area, lang)).strip())
    from babel.messages.catalog import Catalog
    from babel.messages.pofile import write_po

    for domain in CORE_DOMAINS:
        template = extract_catalog(domain)
        for lang in LANGUAGES:
            path = po_path(domain, lang)
            if path.exists():
                catalog = read_po(path)
            else:
                catalog = Catalog(locale=lang, domain=domain, project="Casefile")
            catalog.update(template, no_fuzzy_matching=True)
            catalog.fuzzy = False  # a fuzzy header is left out of the .mo, Plural-Forms too
            catalog.project, catalog.version = "Casefile", ""
            path.parent.mkdir(parents=True, exist_ok=True)
            with path.open("wb") as fh:
                write_po(fh, catalog, width=100, omit_header=False, ignore_obsolete=True)
            todo = sum(1 for m in catalog if m.id and not m.string)
            print(f"{domain} ({lang}): {len(catalog)} sentences, {todo} untranslated")


def build() -> None:
    for area in UI_AREAS:
        for lang in LANGUAGES:
            ts = ts_path(area, lang)
            if ts.exists():
                lrelease(ts, ts.with_suffix(".qm"))
    for domain in CORE_DOMAINS:
        for lang in LANGUAGES:
            po = po_path(domain, lang)
            if po.exists():
                po.with_suffix(".mo").write_bytes(mo_bytes(po))


def compiled_qm(ts: Path) -> bytes:
    """What `build` would write for `ts` (tests compare it with the committed file)."""
    with tempfile.TemporaryDirectory() as tmp:
        qm = Path(tmp) / "out.qm"
        lrelease(ts, qm)
        return qm.read_bytes()


if __name__ == "__main__":
    commands = {"update": update, "build": build}
    if len(sys.argv) != 2 or sys.argv[1] not in commands:
        sys.exit("usage: translations.py update|build")
    commands[sys.argv[1]]()
