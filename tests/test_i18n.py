"""Every sentence a user can read is marked for translation and translated into Russian;
the compiled files that ship are those the sources give (docs/architecture.md,
"Languages"; the markers are described in casefile/ui/i18n.py and casefile/core/i18n.py).
"""

from __future__ import annotations

import ast
import importlib.util
import re
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_spec = importlib.util.spec_from_file_location("translations", ROOT / "packaging/translations.py")
assert _spec and _spec.loader
translations = importlib.util.module_from_spec(_spec)
sys.modules["translations"] = translations
_spec.loader.exec_module(translations)

UI_FILES = sorted((ROOT / "casefile/ui").rglob("*.py"))
MARKERS = {"translate", "plural", "QT_TRANSLATE_NOOP"}
# Calls whose string arguments a user never reads: names, keys, styles, log lines.
NOT_SHOWN_CALLS = {
    "setObjectName",
    "objectName",
    "findChild",
    "findChildren",
    "setProperty",
    "property",
    "value",
    "setValue",
    "get",
    "set",
    "getattr",
    "setattr",
    "hasattr",
    "Signal",
    "Slot",
    "QSettings",
    "debug",
    "info",
    "warning",
    "error",
    "exception",
    "critical",
    "log",
    "fromTheme",
    "isinstance",
    "setStyleSheet",
    "QFont",
    "QColor",
    "startswith",
    "endswith",
    "split",
    "rsplit",
    "replace",
    "strip",
    "join",
    "compile",
    "match",
    "search",
    "sub",
    "fullmatch",
    "open",
    "Path",
    "getenv",
    "environ",
    "QUrl",
    "fromLocalFile",
    "QKeySequence",
    "setShortcut",
    "QRegularExpression",
    "format_exc",
    "encode",
    "decode",
    "mimeData",
    "hasFormat",
    "setData",
    "data",
    "QMimeData",
    "setAccessibleIdentifier",
    "startTimer",
    "getLogger",
    "TypeVar",
    "cast",
    "NewType",
    "setFamily",
    "setFamilies",
    "QIcon",
    "QPixmap",
    "icon",
    "app_icon",
    "standard_icon",
    "setFont",
    "register",
    "bool",
    "int",
    "float",
    "lower",
    "upper",
    "casefold",
    "glob",
    "rglob",
    "exists",
    "as_posix",
    "with_suffix",
    "name",
    "suffix",
    "setDefaultSuffix",
    "setNameFilter",
    "setNameFilters",
    "print",
    "RuntimeError",
    "ValueError",
    "TypeError",
    "KeyError",
    "AssertionError",
    "NotImplementedError",
    "warn",
}
# Words that read the same in both languages.
VERBATIM = {"Casefile", "Qt", "PySide6", "Python", "EDTF", "OCR", "PDF", "DOCX", "CSV", "OK"}
_WORD = re.compile(r"[^\W\d_]{2,}")
_SHORTCUT = re.compile(r"((Ctrl|Shift|Alt|Meta)\+)+\S+|F\d{1,2}")
_TAG = re.compile(r"<[^>]*>|&[a-z]+;|\{[^{}]*\}|%\w|%n|%\d")


def is_sentence(text: str) -> bool:
    """A literal a user would read: two letters or more in a word, once tags, entities
    and format fields are gone, and either several words or a capitalised word. Single
    lower-case tokens (keys, object names, mime types) are not."""
    if _SHORTCUT.fullmatch(text.strip()):
        return False  # a key sequence: "Ctrl+Shift+I"
    plain = _TAG.sub(" ", text)
    words = [w for w in _WORD.findall(plain) if w not in VERBATIM]
    if not words:
        return False
    if re.search(r"[а-яё]", plain, re.I):
        return True
    stripped = plain.strip().lstrip("&")
    if re.fullmatch(r"[\w.:/\-+#*?=]+", stripped) and not re.match(r"[A-Z][a-z]", stripped):
        return False  # one technical token: "text/plain", "ui/language", "doc_uid"
    return " " in stripped or bool(re.match(r"[A-Z][a-z]", stripped))


def _call_name(node: ast.Call) -> str:
    f = node.func
    if isinstance(f, ast.Name):
        return f.id
    if isinstance(f, ast.Attribute):
        return f.attr
    return ""


def unmarked_sentences(path: Path) -> list[str]:
    """The sentences in `path` that no translation marker holds, as "line: text"."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    tree = ast.parse(source)
    parents: dict[int, ast.AST] = {}
    for node in ast.walk(tree):
        for child in ast.iter_child_nodes(node):
            parents[id(child)] = node
    docstrings = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                docstrings.add(id(body[0].value))

    def exempt(node: ast.AST) -> bool:
        child: ast.AST = node
        parent = parents.get(id(child))
        while parent is not None:
            if isinstance(parent, ast.Call):
                name = _call_name(parent)
                if name in MARKERS or name in NOT_SHOWN_CALLS:
                    return True
            if isinstance(parent, ast.Compare):
                return True  # `if kind == "Person"`: compared, not shown
            if isinstance(parent, ast.Subscript) and child is parent.slice:
                return True  # a key
            if isinstance(parent, ast.Dict) and any(child is k for k in parent.keys):
                return True
            if isinstance(parent, ast.keyword) and parent.arg in {"objectName", "name"}:
                return True
            if isinstance(parent, ast.stmt):
                return False
            child, parent = parent, parents.get(id(parent))
        return False

    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.Constant) or not isinstance(node.value, str):
            continue
        if id(node) in docstrings or not is_sentence(node.value) or exempt(node):
            continue
        line = lines[node.lineno - 1]
        end = lines[(node.end_lineno or node.lineno) - 1]
        if "i18n: not shown" in line or "i18n: not shown" in end:
            continue
        if "i18n: verbatim" in line or "i18n: verbatim" in end:
            continue
        found.append(f"{node.lineno}: {node.value!r}")
    return found


@pytest.mark.parametrize("path", UI_FILES, ids=lambda p: str(p.relative_to(ROOT / "casefile/ui")))
def test_every_sentence_in_the_interface_is_marked(path: Path) -> None:
    missing = unmarked_sentences(path)
    assert not missing, (
        f"{path.relative_to(ROOT)} shows sentences not marked for translation "
        f"(casefile/ui/i18n.py says how): {missing}"
    )


def test_the_scanner_tells_sentences_from_keys(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from casefile.ui.i18n import translate, plural\n"
        "def f(w, settings, n):\n"
        '    w.setWindowTitle("Import Files")\n'
        '    w.setText(translate("Ctx", "Find in case"))\n'
        '    w.setObjectName("searchBox")\n'
        '    settings.value("ui/language")\n'
        '    w.setToolTip(f"{n} documents found")\n'
        '    w.setText(plural("%n page(s)", "", n))\n'
        '    label = "Shown as is"  # i18n: verbatim\n',
        encoding="utf-8",
    )
    missing = unmarked_sentences(sample)
    assert missing == ["3: 'Import Files'", "7: ' documents found'"]


def marked_in_sources(files: list[Path]) -> set[tuple[str, str]]:
    """(context, text) of every `translate`/`QT_TRANSLATE_NOOP` and ("", text) of every
    `plural` call with literal arguments: what the translation file must hold."""
    out = set()
    for path in files:
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            name, args = _call_name(node), node.args
            lit = [a.value if isinstance(a, ast.Constant) else None for a in args]
            if name in {"translate", "QT_TRANSLATE_NOOP"} and len(lit) >= 2:
                if isinstance(lit[0], str) and isinstance(lit[1], str):
                    out.add((lit[0], lit[1]))
            elif name == "plural" and lit and isinstance(lit[0], str):
                out.add(("", lit[0]))
    return out


def read_ts(path: Path) -> dict[tuple[str, str], ET.Element]:
    messages = {}
    for context in ET.parse(path).getroot().iter("context"):
        cname = context.findtext("name") or ""
        for message in context.iter("message"):
            messages[(cname, message.findtext("source") or "")] = message
    return messages


AREAS = translations.ui_area_files()


def test_every_module_of_the_interface_belongs_to_one_area() -> None:
    listed = [p for files in AREAS.values() for p in files]
    assert sorted(listed) == UI_FILES


@pytest.mark.parametrize("area", sorted(AREAS))
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_marked_sentence_is_translated(area: str, lang: str) -> None:
    ts = translations.ts_path(area, lang)
    wanted = marked_in_sources(AREAS[area])
    held = read_ts(ts) if ts.exists() else {}
    missing = sorted(wanted - held.keys())
    assert not missing, (
        f"{ts.name} lacks {len(missing)} marked sentences; run `make translations-update`, "
        f"translate them, then `make translations`: {missing[:10]}"
    )
    unfinished, wrong_plurals = [], []
    for key in sorted(wanted):
        msg = held[key]
        tr = msg.find("translation")
        assert tr is not None
        forms = [f.text or "" for f in tr.iter("numerusform")]
        if tr.get("type") in {"unfinished", "vanished", "obsolete"}:
            unfinished.append(key)
        elif msg.get("numerus") == "yes":
            if len(forms) != 3 or not all("%n" in f or "%Ln" in f for f in forms):
                wrong_plurals.append(key)
        elif not (tr.text or "").strip():
            unfinished.append(key)
    assert not unfinished, f"{ts.name}: not translated yet: {unfinished[:10]}"
    assert not wrong_plurals, f"{ts.name}: Russian needs three forms with %n: {wrong_plurals}"


@pytest.mark.parametrize("area", sorted(AREAS))
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_the_compiled_translation_is_up_to_date(area: str, lang: str) -> None:
    ts = translations.ts_path(area, lang)
    if not read_ts(ts) if ts.exists() else True:
        pytest.skip(f"{ts.name} has no sentences yet")
    qm = ts.with_suffix(".qm")
    assert qm.exists() and qm.read_bytes() == translations.compiled_qm(ts), (
        f"{qm.name} is older than {ts.name}: run `make translations`"
    )


@pytest.mark.parametrize("domain", sorted(translations.CORE_DOMAINS))
@pytest.mark.parametrize("lang", translations.LANGUAGES)
def test_every_core_and_command_line_sentence_is_translated(domain: str, lang: str) -> None:
    po = translations.po_path(domain, lang)
    template = translations.extract_catalog(domain)
    catalog = translations.read_po(po)
    assert catalog.num_plurals == 3
    missing, unfinished = [], []
    for message in template:
        if not message.id:
            continue
        held = catalog.get(message.id, context=message.context)
        if held is None:
            missing.append(message.id)
        elif isinstance(held.string, tuple | list):
            if len(held.string) != 3 or not all(held.string):
                unfinished.append(message.id)
        elif not held.string:
            unfinished.append(message.id)
    assert not missing, f"{po.name} lacks (make translations-update): {missing[:10]}"
    assert not unfinished, f"{po.name}: not translated yet: {unfinished[:10]}"
    mo = po.with_suffix(".mo")
    assert mo.exists() and mo.read_bytes() == translations.mo_bytes(po), (
        f"{mo.name} is older than {po.name}: run `make translations`"
    )
