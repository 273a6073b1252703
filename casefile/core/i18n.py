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
`N_("…")`, translated where it is shown with `_(CONSTANT)` (`NP_(context, "…")` and
`pgettext(context, CONSTANT)` for one that needs a context). Never shadow `_` with a
throw-away variable in a module that imports it.
"""

from __future__ import annotations

import functools
import gettext as _gettext
import os
import re
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
    _templates.cache_clear()
    _recorded.cache_clear()
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


# What the operating system says of a failed file operation (`OSError.strerror`, in
# English whatever the locale): in the catalog, so both faces show it translated, and
# a recorded sentence holding one (an import problem) reads translated too.
OS_ERRORS = (
    N_("No such file or directory"),
    N_("Permission denied"),
    N_("Operation not permitted"),
    N_("No space left on device"),
    N_("Read-only file system"),
    N_("Is a directory"),
    N_("Not a directory"),
    N_("File exists"),
    N_("Directory not empty"),
    N_("File name too long"),
    N_("Disk quota exceeded"),
    N_("Input/output error"),
)


def os_error(exc: OSError) -> str:
    """What the operating system said of `exc`, in the current language where the
    catalog has it ("Доступ запрещён"), else as the system wrote it."""
    return _(exc.strerror) if exc.strerror else str(exc)


def grouped(n: int) -> str:
    """`n` with its thousands grouped as the current language writes them: 12,345 in
    English, 12\u00a0345 in Russian (a no-break space, as Qt's Russian locale does)."""
    text = f"{n:,}"
    return text.replace(",", "\u00a0") if _language == "ru" else text


# A number recorded with English grouping (12,000): said the current language's way.
_EN_GROUPED = re.compile(r"-?\d{1,3}(?:,\d{3})+")


def NP_(context: str, text: str) -> str:
    """Mark a constant for translation in `context` without translating it yet;
    translate it where it is shown with `pgettext(context, CONSTANT)` (the tables of
    `casefile.core.labels` do)."""
    del context  # read by Babel (packaging/translations.py, BABEL_KEYWORDS)
    return text


# A placeholder in a catalog sentence: %(name)s / %(n)d (gettext style) or {name} /
# {depth:,} (str.format style).
_PLACEHOLDER = re.compile(
    r"%\((?P<p>\w+)\)[-#0 +]*\d*(?:\.\d+)?(?P<conv>[sdifgr])|\{(?P<b>\w+)(?::[^{}]*)?\}"
)
# Where a recorded text made of several sentences may be cut: after a full stop (or a
# closing bracket or quote after one) and a space.
_SENTENCE_END = re.compile(r"(?<=[.!?…])[)”»\"]?(?= )")
_MIN_LITERAL = 8  # a template must have this much fixed text to be matched at all


def _slot_pattern(match: re.Match[str]) -> str:
    name = match.group("p") or match.group("b")
    if match.group("conv") in {"d", "i"}:
        return rf"(?P<{name}>-?[\d,. ]+?)"
    return rf"(?P<{name}>.+?)"


@functools.lru_cache(maxsize=4)
def _templates(lang: str) -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """(pattern, English template, translated template) for every catalog sentence with
    placeholders, the longest fixed text first (the most specific template wins)."""
    del lang  # the cache key: one list per language
    found: list[tuple[int, re.Pattern[str], str, str]] = []
    seen: set[str] = set()
    translations: _gettext.NullTranslations | None = _catalog
    while translations is not None:
        entries = getattr(translations, "_catalog", {})  # GNUTranslations' msgid -> msgstr
        for msgid, msgstr in entries.items():
            if not isinstance(msgid, str) or not msgid or msgid in seen:
                continue  # the header, plural forms (tuple keys), repeats
            seen.add(msgid)
            if "\x04" in msgid or not _PLACEHOLDER.search(msgid):
                continue  # a pgettext context, or a fixed sentence (looked up directly)
            literal = len(_PLACEHOLDER.sub("", msgid))
            names = [m.group("p") or m.group("b") for m in _PLACEHOLDER.finditer(msgid)]
            if literal < _MIN_LITERAL or len(set(names)) != len(names):
                continue
            pattern = ""
            pos = 0
            for m in _PLACEHOLDER.finditer(msgid):
                pattern += re.escape(msgid[pos : m.start()]) + _slot_pattern(m)
                pos = m.end()
            pattern += re.escape(msgid[pos:])
            found.append((literal, re.compile(pattern, re.S), msgid, msgstr))
        translations = getattr(translations, "_fallback", None)
    found.sort(key=lambda item: -item[0])
    return tuple((pattern, msgid, msgstr) for _literal, pattern, msgid, msgstr in found)


def _one_sentence(text: str, depth: int) -> str | None:
    """`text` translated when the catalog holds it, as it is or as a template whose
    slots (a file name, a count, a nested sentence) it fills; None otherwise."""
    translated = _catalog.gettext(text)
    if translated != text:
        return translated
    for pattern, _msgid, msgstr in _templates(_language):
        found = pattern.fullmatch(text)
        if found is None:
            continue
        values = found.groupdict()
        if depth < 3:  # a slot may hold a recorded sentence or phrase of its own
            values = {k: _slot(v, depth + 1) for k, v in values.items()}
        values = {
            k: grouped(int(v.replace(",", ""))) if _EN_GROUPED.fullmatch(v) else v
            for k, v in values.items()
        }

        def fill(slot: re.Match[str], values: dict[str, str] = values) -> str:
            return values.get(slot.group("p") or slot.group("b") or "", slot.group(0))

        return _PLACEHOLDER.sub(fill, msgstr)
    return None


def _slot(value: str, depth: int) -> str:
    """A template's recorded value, translated when it is a catalog phrase or sentence
    (also one whose full stop was dropped to append a detail), else as recorded."""
    whole = _recorded(value, depth)
    if whole is not None:
        return whole
    if value and value[-1] not in ".!?…":
        sentence = _recorded(value + ".", depth)
        if sentence is not None and sentence.endswith("."):
            return sentence[:-1]
    return value


@functools.lru_cache(maxsize=4096)  # cleared by set_language
def _recorded(text: str, depth: int = 0) -> str | None:
    """The whole of `text` translated, sentence by sentence if need be; None if some
    part of it is not in the catalog."""
    whole = _one_sentence(text, depth)
    if whole is not None:
        return whole
    cuts = [m.end() for m in _SENTENCE_END.finditer(text)]
    if not cuts or len(cuts) > 12:
        return None
    # The first cut after which both halves translate (a note made of two notes).
    for cut in cuts:
        head = _recorded(text[:cut], depth)
        if head is None:
            continue
        tail = _recorded(text[cut + 1 :], depth)
        if tail is not None:
            return f"{head} {tail}"
    return None


def translate_recorded(text: str | None) -> str:
    """A sentence recorded in the case (an import problem, an OCR note) in the current
    language.

    Sentences are recorded in English so that a case reads the same whoever opens it
    (docs/architecture.md, "Languages"); they are marked with `N_` where they are made,
    so the catalog holds them. A fixed sentence is looked up as it is. A sentence with
    a variable part is recorded from a catalog template (`%(name)s`, `%(n)d` or
    `{name}` slots) and recognised here by matching the recorded text against the
    catalog's templates: the translated template gets the recorded values, each of
    which is itself translated when it is a catalog phrase or sentence ("a Word
    document", a nested OCR error). A note made of several recorded sentences, joined
    by a space, is translated sentence by sentence. Anything not recognised (a case
    written by an older version, a user's own words) is shown as recorded.
    """
    if not text:
        return ""
    if _language == "en":
        return text
    return _recorded(text) or text


# A process started with CASEFILE_LANG (a worker, or a user's choice) speaks it at once.
if os.environ.get(ENV_VAR):
    set_language(os.environ[ENV_VAR])
