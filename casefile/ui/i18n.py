"""The interface language of the widgets (docs/architecture.md, "Languages").

Every sentence a user can see in `casefile/ui` goes through one of three markers, which
`pyside6-lupdate` reads (run by `make translations-update`, see packaging/translations.py):

- `translate("Context", "Text")` - a sentence; the context names the window or panel
  it belongs to (the class, or the module for module-level helpers). Insert values with
  `.format()` and named fields: `translate("Export", "Saved to {path}").format(path=p)`.
- `plural("%n document(s)", "", n)` - a count; Russian has three forms ("1 документ,
  3 документа, 5 документов") and the translation file holds each. lupdate reads it as
  an alias of `tr`, so its context is always "" (the second argument tells apart
  identical English phrases that need different translations).
- `QT_TRANSLATE_NOOP("Context", "Text")` - a constant defined at import time, before
  the language is chosen; translate it where it is shown with `translate(context, it)`.

tests/test_i18n.py fails on a sentence in `casefile/ui` that none of these marks, and on
a marked one the Russian file does not translate. Text that is data (a document title, a
path, a query) is not marked; a literal that is not meant to be read by a user but looks
like a sentence carries the comment `# i18n: not shown` on its line.

Two traps measured on PySide6 6.11 (why not `self.tr`): `self.tr("%n …", "", n)` in a
subclass finds no plural translation (the context is looked up by the runtime class),
and lupdate drops `QCoreApplication.translate(ctx, text, "", n)` plurals whose count is
not a literal.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from casefile.core import i18n as core_i18n
from casefile.resources import resources_dir

SETTINGS_KEY = "ui/language"
SYSTEM = "system"  # the stored choice that follows the system locale
# The Preferences choices, each named in its own language so a user who cannot read the
# current one still finds theirs.
CHOICES = (("en", "English"), ("ru", "Русский"))  # i18n: verbatim

_installed: list[QTranslator] = []


def translate(context: str, text: str, disambiguation: str | None = None) -> str:
    """`text` in the interface language."""
    return QCoreApplication.translate(context, text, disambiguation)


def plural(text: str, disambiguation: str, n: int) -> str:
    """A counted phrase, "%n" replaced by `n`, in the form that fits `n`. English is the
    source language and has no translation file, so its two forms come from the source
    itself: "%n document(s)" reads "1 document", "3 documents"; "%n (entity|entities)"
    reads "1 entity", "3 entities"."""
    found = QCoreApplication.translate("", text, disambiguation or None, n)
    return _ENGLISH_CHOICE.sub(lambda m: _english_form(m, n), found)


# "(s)", "(es)" or "(one|many)" left in an untranslated (English) counted phrase.
_ENGLISH_CHOICE = re.compile(r"\((s|es)\)|\(([^()|]*)\|([^()|]*)\)")


def _english_form(m: re.Match[str], n: int) -> str:
    if m.group(1):
        return "" if n == 1 else m.group(1)
    return m.group(2) if n == 1 else m.group(3)


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Mark `text` for translation in `context` without translating it yet."""
    return text


def translate_early(context: str, text: str) -> str:
    """`text` in the language the environment asks for, before the application (and
    so `install`) exists: the GUI launcher's --help. Mark `text` with QT_TRANSLATE_NOOP."""
    lang = core_i18n.startup_override() or core_i18n.system_language()
    for path in translation_files(lang) if lang != "en" else []:
        translator = QTranslator()
        if translator.load(str(path)):
            found = translator.translate(context, text)
            if found:
                return found
    return text


def translation_files(lang: str) -> list[Path]:
    """Casefile's compiled translation files for `lang`, one per area of the interface."""
    return sorted((resources_dir() / "i18n").glob(f"*_{lang}.qm"))


def resolve(choice: str | None) -> str:
    """The language a stored choice means: "en", "ru", or the system's for "system".
    CASEFILE_LANG, set when Casefile was started, outranks the choice."""
    override = core_i18n.startup_override()
    if override:
        return override
    return chosen(choice)


def chosen(choice: str | None) -> str:
    """The language a choice made in Preferences means now: the user has just chosen,
    so CASEFILE_LANG given at start no longer outranks it (unlike `resolve`)."""
    lang = core_i18n.normalise(choice) if choice and choice != SYSTEM else None
    return lang or system_language()


def system_language() -> str:
    """The language "System" stands for on this computer ("en" where Casefile does not
    speak the system's language)."""
    return core_i18n.system_language(_qt_environ())


def language_name(lang: str) -> str:
    """A language's name in that language ("Русский"), as Preferences lists it."""
    return dict(CHOICES).get(lang, lang)


def _qt_environ() -> dict[str, str]:
    """The environment, with Qt's idea of the system locale last in line (it also knows
    the Windows and macOS settings that have no environment variable)."""
    import os

    env = {k: v for k, v in os.environ.items() if k != core_i18n.ENV_VAR}
    if not any(env.get(v) for v in ("LANGUAGE", "LC_ALL", "LC_MESSAGES", "LANG")):
        env["LANG"] = QLocale.system().name()
    return env


def install(lang: str) -> str:
    """Make `lang` the interface language of this application: Casefile's translations,
    Qt's own (standard buttons, file dialogs), the locale for numbers and dates, and the
    core's language. Widgets built afterwards speak it; the main window rebuilds itself
    after a switch (see ui/language_switch.py). Returns the language installed."""
    app = QCoreApplication.instance()
    chosen = core_i18n.set_language(lang)
    for old in _installed:
        if app is not None:
            app.removeTranslator(old)
    _installed.clear()
    QLocale.setDefault(
        QLocale(QLocale.Language.Russian if chosen == "ru" else QLocale.Language.English)
    )
    if chosen == "en" or app is None:
        return chosen
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    files = [Path(qt_dir) / f"qtbase_{chosen}.qm", *translation_files(chosen)]
    for path in files:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    return chosen


def current() -> str:
    """The interface language now installed."""
    return core_i18n.language()
