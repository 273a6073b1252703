"""The language Casefile speaks outside the Qt widgets: CLI messages, the sentences the
core hands to either face (errors, import problems, verification), dates in words and
exported reports (docs/architecture.md, "Languages").

The core never imports Qt, so it cannot use the widgets' Qt translation files; it uses
gettext catalogs instead (`resources/i18n/core/<lang>/LC_MESSAGES/<domain>.po`, compiled
to `.mo` by `make translations`). Both faces choose the language once, at start, and the
GUI calls `set_language` again when the user switches in Preferences.

Mark a sentence with `_("…")`, a count with `ngettext("%(n)d document", "%(n)d
documents", n) % {"n": n}` (Russian has three plural forms; the catalog's Plural-Forms
header picks the right one), and a constant defined before the language is known with
`N_("…")`, translated where it is shown with `_(CONSTANT)`. Never shadow `_` with a
throw-away variable in a module that imports it.
"""

from __future__ import annotations

import gettext as _gettext
import os
from collections.abc import Mapping

from casefile.resources import resources_dir

SUPPORTED = ("en", "ru")
# One catalog per domain (packaging/translations.py, CORE_DOMAINS).
DOMAINS = ("core", "export", "cli")
# Set by `set_language` so that worker processes (extraction, OCR, NER) started later
# speak the same language as the process that started them.
ENV_VAR = "CASEFILE_LANG"

_language = "en"
# CASEFILE_LANG as it was when this process started (a user's choice for one run, or a
# parent's handed to a worker), before `set_language` wrote to it.
_STARTUP_OVERRIDE = os.environ.get(ENV_VAR)
_catalog: _gettext.NullTranslations = _gettext.NullTranslations()


def normalise(code: str | None) -> str | None:
    """ "ru_RU.UTF-8", "ru-RU", "RU" -> "ru"; None for a language Casefile does not speak."""
    if not code:
        return None
    base = code.replace("-", "_").split(".")[0].split("_")[0].strip().lower()
    return base if base in SUPPORTED else None


def system_language(environ: Mapping[str, str] | None = None) -> str:
    """The language asked for by `CASEFILE_LANG`, else by the POSIX locale variables in
    gettext's order (LANGUAGE, LC_ALL, LC_MESSAGES, LANG); English when none names a
    language Casefile speaks."""
    env = dict(os.environ if environ is None else environ)
    if environ is None:
        env.pop(ENV_VAR, None)
        if _STARTUP_OVERRIDE:
            env[ENV_VAR] = _STARTUP_OVERRIDE
    for var in (ENV_VAR, "LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG"):
        value = env.get(var)
        if not value:
            continue
        for part in value.split(":"):  # LANGUAGE may list several: "ru:en"
            lang = normalise(part)
            if lang:
                return lang
        if var != "LANGUAGE":
            return "en"  # the first locale variable set decides, as in gettext
    return "en"


def startup_override() -> str | None:
    """The language CASEFILE_LANG asked for when this process started, if any: it
    outranks the stored preference (screenshots and tests use it)."""
    return normalise(_STARTUP_OVERRIDE)


def catalog_dir() -> str:
    return str(resources_dir() / "i18n" / "core")


def set_language(lang: str) -> str:
    """Speak `lang` ("en" or "ru"; anything else falls back to English) from now on, in
    this process and in the worker processes it starts. Returns the language chosen."""
    global _language, _catalog
    chosen = normalise(lang) or "en"
    if chosen == "en":
        _catalog = _gettext.NullTranslations()
    else:
        _catalog = _gettext.NullTranslations()
        for domain in reversed(DOMAINS):  # the first domain is asked first
            found = _gettext.translation(
                domain, localedir=catalog_dir(), languages=[chosen], fallback=True
            )
            found.add_fallback(_catalog)
            _catalog = found
    _language = chosen
    os.environ[ENV_VAR] = chosen
    return chosen


def language() -> str:
    """The language the core speaks now: "en" or "ru"."""
    return _language


def _(text: str) -> str:
    """`text` in the current language (itself where the catalog has no translation)."""
    return _catalog.gettext(text)


def ngettext(singular: str, plural: str, n: int) -> str:
    """The form of a counted phrase that fits `n` in the current language."""
    return _catalog.ngettext(singular, plural, n)


def pgettext(context: str, text: str) -> str:
    """`text` in the current language, told apart from the same English words elsewhere
    by `context` ("May" the month, "May" the verb)."""
    return _catalog.pgettext(context, text)


def N_(text: str) -> str:
    """Mark a constant for translation without translating it yet."""
    return text


def translate_recorded(text: str | None) -> str:
    """A sentence recorded in the case (an import problem, an OCR note) in the current
    language. Sentences are recorded in English so that a case reads the same whoever
    opens it; those in the catalog are shown translated, others as recorded."""
    return _(text) if text else ""


# A process started with CASEFILE_LANG (a worker, or a user's choice) speaks it at once.
if os.environ.get(ENV_VAR):
    set_language(os.environ[ENV_VAR])
