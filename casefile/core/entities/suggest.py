"""Names the case does not know yet, found in its texts (docs/architecture.md,
"Entities"): what each rule finds in one document, and how finds are grouped.

Rules, per document (`find_names`, run in the suggestion worker, see `worker.py`):
- Russian text: natasha's NER (PER, ORG, LOC; the model ships in the wheel);
- English text: sequences of capitalised words;
- Latin-script names inside Cyrillic text (brands and products the model misses:
  "Rekognition");
- acronyms in either script ("AWS", "ФСБ");
- e-mail senders and recipients (display names, else addresses).
Noise never comes back: stop words, months, weekdays, pronouns, single letters, and a
single capitalised word seen only at the start of sentences ("However", "Как").
Finds are grouped by a key of the words' dictionary lemmas (Russian) or folded forms
without possessives (English), so "Форреста" and "Форрестом" are one suggestion; then a
name written in both scripts is one suggestion when the two sound alike (`skeleton`:
"Amazon" and "Амазон", "VisionLabs" and "ВижнЛабс").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from casefile.core.entities.forms import _morph, fold

EN_STOP = frozenset(  # a word list reads best as text
    """
    a about above according after all also although among an and annex another any
    article as at because before below between both but by chapter dear dr during
    each every figure first following for from further fw fwd he her here hers him
    his how however i if in into it item its madam many me mine more moreover most
    mr mrs ms much my no nor not note notes of on one onto or other our ours over
    page paragraph part per re second section see she since sir so some subject such
    table than that the their theirs them then there these they third this those
    though three through to two under until upon us v vs we what when where which
    while who whom whose why with within without yes yet you your yours
    """.split()  # noqa: SIM905
)
MONTHS = frozenset(  # a word list reads best as text
    """
    apr april aug august dec december feb february jan january jul july jun june mar
    march may nov november oct october sep sept september август апрель декабрь июль
    июнь май март ноябрь октябрь сентябрь февраль январь
    """.split()  # noqa: SIM905
)
WEEKDAYS = frozenset(  # a word list reads best as text
    """
    friday monday saturday sunday thursday tuesday wednesday воскресенье вторник
    понедельник пятница среда суббота четверг
    """.split()  # noqa: SIM905
)
RU_STOP = frozenset(  # a word list reads best as text
    """
    а без бы в весь во вот все всё вы где да для до его ее ей если еще ещё её же за
    заявить и из или им их к как ко когда который кто ли мы на над не него нет неё
    ни но о об обо он она они оно от писать по под при про с словам со сообщать та
    так также такой там те тот тут ты у уже чей что эта эти это этот я
    """.split()  # noqa: SIM905
)
ROMAN = re.compile(r"^[IVXLCDM]+$")
_SENT_END = re.compile(r"[.!?…:]\s*$|^\s*$")
_CAPS_SEQ = re.compile(
    r"(?<![\w’'])(?:[A-Z][\w’'&.-]*|[A-Z]{2,})(?:[ \t]+(?:[A-Z][\w’'&.-]*|of|de|and|&))*"
)
_LATIN_SEQ = re.compile(r"(?<![\w-])[A-Za-z][A-Za-z0-9&’'.-]*(?:[ \t]+[A-Z][A-Za-z0-9&’'.-]*)*")
_ACRONYM = re.compile(r"(?<!\w)(?:[A-Z]{2,6}|[А-ЯЁ]{2,6})(?!\w)")
_CYR = re.compile(r"[а-яё]", re.I)
_LAT = re.compile(r"[a-z]", re.I)
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")

PER, ORG, LOC, OTHER = "person", "organisation", "place", "other"
_NER_KIND = {"PER": PER, "ORG": ORG, "LOC": LOC}


@dataclass(frozen=True)
class Find:
    """One name found in one document."""

    text: str
    kind: str
    rule: str  # ner, caps, latin, acronym, email
    initial: bool = False  # a single word at the start of a sentence


@dataclass
class Group:
    key: str
    forms: dict[str, int] = field(default_factory=dict)
    kinds: dict[str, int] = field(default_factory=dict)
    rules: set[str] = field(default_factory=set)
    documents: set[str] = field(default_factory=set)
    mid_sentence: bool = False
    also: set[str] = field(default_factory=set)  # keys in another script, merged in


def _strip(word: str) -> str:
    return word.strip(".,;:!?()[]{}\"'«»“”„’-–—")


def _lemma(word: str) -> str:
    """A Russian word's dictionary form (a name reading first); other words folded."""
    w = fold(_strip(word))
    if not _CYR.search(w) or _LAT.search(w):
        return re.sub(r"['’]s$", "", w)
    parses = _morph().parse(w)
    named = [p for p in parses if {"Name", "Surn", "Patr", "Geox", "Orgn"} & p.tag.grammemes]
    # A name is a singular noun far more often than a guess says ("Форрестом" is
    # first guessed as a plural genitive of "форрестома").
    singular = [p for p in parses if p.tag.POS == "NOUN" and p.tag.number == "sing"]
    best = (named or singular or parses)[0]
    return fold(best.normal_form)


def key_of(text: str) -> str:
    return " ".join(_lemma(w) for w in text.split() if _strip(w))


def is_noise(text: str) -> bool:
    words = [fold(_strip(w)) for w in text.split()]
    words = [w for w in words if w]
    if not words or len("".join(words)) < 2:
        return True
    if len(words) == 1 and len(words[0]) < 2:
        return True
    lemmas = [_lemma(w) for w in words]
    if any(w in MONTHS or w in WEEKDAYS for w in lemmas + words):
        return True
    stop = EN_STOP | RU_STOP
    if all(w in stop or lm in stop for w, lm in zip(words, lemmas, strict=True)):
        return True
    return words[0] in stop or lemmas[0] in stop


def _trim(words: list[str]) -> list[list[str]]:
    """Split a capitalised run at stop words, months and weekdays ("In February
    Amazon" -> ["Amazon"]); connector words stay only inside a name."""
    runs: list[list[str]] = [[]]
    for w in words:
        f = fold(_strip(w))
        if f in EN_STOP or f in MONTHS or f in WEEKDAYS:
            if f in {"of", "and", "de"} and runs[-1]:
                runs[-1].append(w)
            else:
                runs.append([])
        else:
            runs[-1].append(w)
    out = []
    for r in runs:
        while r and fold(_strip(r[-1])) in {"of", "and", "de", "&"}:
            r.pop()
        if r:
            out.append(r)
    return out


def _sentence_initial(text: str, start: int) -> bool:
    return bool(_SENT_END.search(text[max(0, start - 3) : start])) or start == 0


def english_names(text: str) -> list[Find]:
    out = []
    for m in _CAPS_SEQ.finditer(text):
        words = m.group(0).split()
        offset = m.start()
        first = True
        for run in _trim(words):
            name = _strip(" ".join(run))
            if not name or is_noise(name):
                first = False
                continue
            initial = first and len(run) == 1 and _sentence_initial(text, offset)
            kind = (
                ORG if re.search(r"\b(Inc|Ltd|LLC|Corp|Company|Bank|Group|plc)\b", name) else OTHER
            )
            out.append(Find(name, kind, "caps", initial))
            first = False
    return out


def latin_in_cyrillic(text: str) -> list[Find]:
    out = []
    for m in _LATIN_SEQ.finditer(text):
        name = _strip(m.group(0))
        if not name or not name[0].isupper() or is_noise(name):
            continue
        out.append(Find(name, OTHER, "latin"))
    return out


def acronyms(text: str) -> list[Find]:
    out = []
    for m in _ACRONYM.finditer(text):
        a = m.group(0)
        if ROMAN.match(a) or is_noise(a):
            continue
        out.append(Find(a, ORG, "acronym"))
    return out


def mail_names(headers: Iterable[str]) -> list[Find]:
    from email.utils import getaddresses

    out = []
    for name, addr in getaddresses([h for h in headers if h]):
        name = " ".join(name.replace('"', " ").split())
        if name and not _EMAIL.fullmatch(name) and not is_noise(name):
            out.append(Find(name, PER, "email"))
        elif addr and "@" in addr:
            out.append(Find(addr.lower(), OTHER, "email"))
    return out


def group(finds: dict[str, list[Find]], known: set[str], dismissed: set[str]) -> list[Group]:
    """Group finds by key across documents, then across scripts (Amazon, Амазон: see
    `skeleton`); leave out what the case knows or dismissed (under any of the merged
    keys), and single words seen only at the start of sentences."""
    groups: dict[str, Group] = {}
    for doc, fs in finds.items():
        for f in fs:
            key = key_of(f.text)
            if not key or key in known or fold(f.text) in known:
                continue
            g = groups.setdefault(key, Group(key))
            g.forms[f.text] = g.forms.get(f.text, 0) + 1
            g.kinds[f.kind] = g.kinds.get(f.kind, 0) + 1
            g.rules.add(f.rule)
            g.documents.add(doc)
            g.mid_sentence = g.mid_sentence or not f.initial
    merged = _across_scripts(list(groups.values()))
    out = [
        g
        for g in merged
        if (g.mid_sentence or len(g.key.split()) > 1) and not ({g.key, *g.also} & dismissed)
    ]
    out.sort(key=lambda g: (-len(g.documents), g.key))
    return out


# Latin spellings that sound alike, made alike (after anyascii's romanisation of the
# Cyrillic): digraphs first, then single letters; vowels and doubled letters go.
_SOUNDS = (
    ("dzh", "j"), ("shch", "s"), ("sch", "s"), ("kh", "h"), ("zh", "s"), ("sh", "s"),
    ("ch", "č"), ("ph", "f"), ("th", "t"), ("ck", "k"), ("ts", "c"), ("tz", "c"),
    ("x", "ks"), ("c", "k"), ("q", "k"), ("w", "v"), ("z", "s"),
)  # fmt: skip
_SILENT_H = re.compile(r"(?<=.)h")  # John/Джон, Sarah/Сара: an h inside a word is mute
_VOWELS = re.compile(r"[aeiouy'’`]+")
_DOUBLE = re.compile(r"(.)\1+")
MIN_SKELETON = 3  # letters: shorter names ("Мария"/"Maria", "mr") are too easily alike


def skeleton(text: str) -> str:
    """A name's consonants as they sound in Latin script, so that a Russian spelling of
    a Latin name meets the original: Амазон/Amazon "msn", Майкрософт/Microsoft
    "mkrsft", ВижнЛабс/VisionLabs "vsnlbs", Хеликс Клауд/Helix Cloud "hlks kld",
    Джон/John "jn" (anyascii romanises; the table makes spellings that sound alike
    equal)."""
    from anyascii import anyascii

    words = []
    for word in anyascii(text).lower().split():
        w = re.sub(r"[^a-z'’]", "", word)
        for a, b in _SOUNDS:
            w = w.replace(a, b)
        w = _SILENT_H.sub("", w)
        words.append(_DOUBLE.sub(r"\1", _VOWELS.sub("", w)))
    return " ".join(w for w in words if w)


def _across_scripts(groups: list[Group]) -> list[Group]:
    """Fold a Cyrillic-keyed group into a Latin-keyed one with the same skeleton (or
    the other way round): one suggestion for a name written in both scripts."""
    latin: dict[str, Group] = {}
    for g in groups:
        if not _CYR.search(g.key):
            sk = skeleton(g.key)
            if len(sk.replace(" ", "")) >= MIN_SKELETON:
                latin.setdefault(sk, g)
    out = []
    for g in groups:
        twin = latin.get(skeleton(g.key)) if _CYR.search(g.key) else None
        if twin is None:
            out.append(g)
            continue
        for form, n in g.forms.items():
            twin.forms[form] = twin.forms.get(form, 0) + n
        for kind, n in g.kinds.items():
            twin.kinds[kind] = twin.kinds.get(kind, 0) + n
        twin.rules |= g.rules
        twin.documents |= g.documents
        twin.mid_sentence = twin.mid_sentence or g.mid_sentence
        twin.also.add(g.key)
    return out


def _nominative(text: str) -> bool:
    """Every Cyrillic word of `text` can be a nominative ("Мария Иванова", not
    "Марию Иванову")."""
    for w in text.split():
        w = _strip(w)
        if _CYR.search(w) and not any(p.tag.case == "nomn" for p in _morph().parse(w)):
            return False
    return True


def display(g: Group) -> str:
    """The form to name a suggestion by: a nominative if one was seen, the most
    frequent among those."""
    nominative = [f for f in g.forms if _nominative(f)]
    pool = nominative or list(g.forms)
    return max(pool, key=lambda f: (g.forms[f], f[:1].isupper(), -len(f)))


def kind_of(g: Group) -> str:
    specific = {k: n for k, n in g.kinds.items() if k != OTHER}
    return max(specific, key=lambda k: specific[k]) if specific else OTHER
