"""Where the OCR engine's language data is, whether the languages asked for are there,
and what exactly was used (its provenance, stored with every recognised page).

Tesseract reads one `<lang>.traineddata` file per language. There is no Russian data
on PyPI: on Debian and Ubuntu it comes from the packages `tesseract-ocr-rus` and
`tesseract-ocr-eng`; a frozen bundle carries its own copy in `tessdata/`. When
something is missing, the user is told in one sentence what to install or where to put
the files, and everything else in Casefile keeps working.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from casefile.core.errors import CasefileError
from casefile.core.i18n import N_, _, pgettext

DEFAULT_LANGS = "rus+eng"
_NAMES = {
    "rus": N_("Russian"),
    "eng": N_("English"),
    "ukr": N_("Ukrainian"),
    "deu": N_("German"),
    "fra": N_("French"),
    "bel": N_("Belarusian"),
    "kaz": N_("Kazakh"),
    "osd": N_("orientation"),
}
_LANG = re.compile(r"^[a-z]{3}(?:_[a-z]+)?$")


class OcrUnavailableError(CasefileError):
    """The OCR engine or its language data is not installed: the message says what to
    install. Nothing else in Casefile depends on OCR."""


def _candidates() -> list[Path]:
    """Standard places of tessdata, most specific first: a frozen bundle's own copy,
    Debian/Ubuntu (tesseract 5 and 4), Fedora, Homebrew, MacPorts, Windows installers."""
    places: list[Path] = []
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        places.append(Path(bundle) / "tessdata")
    places += [
        Path("/usr/share/tesseract-ocr/5/tessdata"),
        Path("/usr/share/tesseract-ocr/4.00/tessdata"),
        Path("/usr/share/tessdata"),
        Path("/usr/local/share/tessdata"),
        Path("/opt/homebrew/share/tessdata"),
        Path("/opt/local/share/tessdata"),
    ]
    for env in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA"):
        base = os.environ.get(env)
        if base:
            places += [
                Path(base) / "Tesseract-OCR" / "tessdata",
                Path(base) / "Programs" / "Tesseract-OCR" / "tessdata",
            ]
    return places


def tessdata_dirs() -> list[Path]:
    """Where to look. TESSDATA_PREFIX, when set, is the only place (tesseract's own rule:
    the user has said where the data is)."""
    prefix = os.environ.get("TESSDATA_PREFIX")
    if prefix:
        path = Path(prefix)
        return [path / "tessdata" if (path / "tessdata").is_dir() else path]
    return _candidates()


def split_langs(langs: str) -> list[str]:
    parts = [p.strip() for p in langs.replace(",", "+").split("+") if p.strip()]
    if not parts or not all(_LANG.match(p) for p in parts):
        raise OcrUnavailableError(
            _("“%(langs)s” is not a list of OCR languages; write them like rus+eng.")
            % {"langs": langs}
        )
    return list(dict.fromkeys(parts))


def engine_installed() -> bool:
    try:
        return importlib.util.find_spec("tesserocr") is not None
    except (ImportError, ValueError):  # e.g. a module set to None to hide it
        return False


def _missing_sentence(missing: list[str], where: list[Path]) -> str:
    names = pgettext("joins two or more language names", " and ").join(
        _(_NAMES[m]) if m in _NAMES else m for m in missing
    )
    packages = " ".join(f"tesseract-ocr-{m.replace('_', '-')}" for m in missing)
    files = ", ".join(f"{m}.traineddata" for m in missing)
    folder = where[0] if where else Path("tessdata")
    return _(
        "The %(names)s language data for OCR is not installed: install it with "
        "“sudo apt install %(packages)s” (Debian, Ubuntu), or put %(files)s into %(folder)s."
    ) % {"names": names, "packages": packages, "files": files, "folder": folder}


def find_tessdata(langs: str = DEFAULT_LANGS) -> Path:
    """The folder holding every language of `langs`; raises OcrUnavailableError saying
    what to install when the engine or any language is missing."""
    if not engine_installed():
        raise OcrUnavailableError(
            _(
                "The OCR engine is not installed: install the Python package tesserocr "
                "(“pip install tesserocr”) into Casefile's environment, with the language "
                "data from the Debian packages tesseract-ocr-rus and tesseract-ocr-eng."
            )
        )
    wanted = split_langs(langs)
    dirs = tessdata_dirs()
    best: tuple[int, Path] | None = None
    for folder in dirs:
        have = sum((folder / f"{lang}.traineddata").is_file() for lang in wanted)
        if have == len(wanted):
            return folder
        if have and (best is None or have > best[0]):
            best = (have, folder)
    partial = best[1] if best else None
    missing = [w for w in wanted if partial is None or not (partial / f"{w}.traineddata").is_file()]
    raise OcrUnavailableError(_missing_sentence(missing, [partial] if partial else dirs))


@dataclass(frozen=True)
class LanguageData:
    """What recognised a page, stored with it: the folder, and per language the file's
    SHA-256 (the data's exact version) and the Debian package version where known."""

    folder: str
    langs: str
    files: dict[str, str]  # lang -> "sha256:<hex>[ deb:<version>]"


@lru_cache(maxsize=8)
def _file_digest(path: str, size: int, mtime: float) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as fh:
        while chunk := fh.read(1 << 20):
            h.update(chunk)
    return h.hexdigest()


def _debian_versions() -> dict[str, str]:
    """Versions of installed tesseract-ocr-* packages, from dpkg's status file."""
    found: dict[str, str] = {}
    try:
        text = Path("/var/lib/dpkg/status").read_text(encoding="utf-8", errors="replace")
    except OSError:
        return found
    for stanza in text.split("\n\n"):
        if "Package: tesseract-ocr-" not in stanza:
            continue
        name = re.search(r"^Package: tesseract-ocr-(\S+)$", stanza, re.M)
        version = re.search(r"^Version: (\S+)$", stanza, re.M)
        if name and version:
            found[name.group(1)] = version.group(1)
    return found


def language_data(langs: str = DEFAULT_LANGS) -> LanguageData:
    """Provenance of the language data `langs` would be recognised with."""
    folder = find_tessdata(langs)
    debian = _debian_versions() if str(folder).startswith("/usr/share/tesseract-ocr") else {}
    files: dict[str, str] = {}
    for lang in split_langs(langs):
        path = folder / f"{lang}.traineddata"
        st = path.stat()
        entry = f"sha256:{_file_digest(str(path), st.st_size, st.st_mtime)}"
        if lang in debian:
            entry += f" deb:{debian[lang]}"
        files[lang] = entry
    return LanguageData(str(folder), "+".join(split_langs(langs)), files)
