"""Turn bytes of unknown encoding into text: the one decoder shared by text, HTML and sniffing.

Order matters, cheapest and surest first: a byte-order mark; strict UTF-8 (almost every
modern file); UTF-16 without a BOM, recognised by its NUL pattern; then the legacy
8-bit code pages. For those, statistical detectors are weak on short texts and on the
Cyrillic family (charset-normalizer calls IBM866 "cp1125" and Latin-1 Finnish
"hp_roman8"), so we first try the Cyrillic and Western code pages ourselves and keep a
decoding only when its words *look like words* (one script per word, normal
capitalisation). Only then do we ask charset-normalizer (CJK, Greek, Central European…).
"""

from __future__ import annotations

import codecs
import re

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: it starts with the same bytes
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Python codec name -> the name we record (what a user would recognise).
_CYRILLIC = {
    "cp1251": "windows-1251",
    "koi8_r": "koi8-r",
    "cp866": "ibm866",
    "mac_cyrillic": "mac-cyrillic",
    "iso8859_5": "iso-8859-5",
}
_WORD = re.compile(r"[^\W\d_]+")
_RU_WORD = re.compile(r"[А-ЯЁ]?[а-яё]+|[А-ЯЁ]+")
_LATIN_WORD = re.compile(r"[A-Za-zÀ-ÖØ-öø-ÿŒœŠšŽžŸ]+")
_LATIN_WORD_SHAPE = re.compile(r"[A-ZÀ-ÖØ-Þ]?[a-zß-öø-ÿœšž]+|[A-ZÀ-ÖØ-ÞŒŠŽŸ]+")
_TYPOGRAPHY = set("“”‘’–—…•€«»°±§©®™·¨´¸¼½¾¿¡×÷ªº²³µ¶¹£¥¢¤\u00a0")
# Commonest Russian letters, for breaking ties between two plausible Cyrillic decodings.
_RU_FREQUENT = set("оеаинтсрвлкмдпуяыь")


def bom_encoding(data: bytes) -> tuple[str, int] | None:
    """(codec, BOM length) when the data starts with a Unicode byte-order mark."""
    for bom, name in _BOMS:
        if data.startswith(bom):
            return name, len(bom)
    return None


def utf16_without_bom(data: bytes) -> str | None:
    """'utf-16-le' / 'utf-16-be' for UTF-16 text without a byte-order mark.

    Latin-heavy UTF-16 has NULs on every other byte. Text in another script has few:
    Cyrillic's high bytes are 0x04 (and its low bytes are ASCII, so it even passes as
    UTF-8 full of control characters). There, one byte lane holds almost only the
    script's block and 0x00 while the other varies, and the decoding reads as words."""
    sample = data[:4096]
    if len(sample) < 4:
        return None
    sample = sample[: len(sample) // 2 * 2]
    even = sample[0::2]
    odd = sample[1::2]
    if odd.count(0) > 0.4 * len(odd) and even.count(0) < 0.05 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.4 * len(even) and odd.count(0) < 0.05 * len(odd):
        return "utf-16-be"
    for codec, high, low in (("utf-16-le", odd, even), ("utf-16-be", even, odd)):
        if (
            _few_values(high)
            and not _few_values(low)
            and _reads_as_words(sample.decode(codec, errors="replace"))
        ):
            return codec
    return None


def _few_values(lane: bytes) -> bool:
    """True when two byte values make up nine tenths of `lane` (UTF-16 high bytes of text
    in one script: its Unicode block, and 0x00 for spaces, digits and punctuation)."""
    # One C pass counting all 256 byte values: a `count` per distinct value rescanned the
    # lane up to 256 times, and `Counter` (a dict update per byte) was still ~0.7 ms of
    # every text file's extraction (this runs up to four times per file).
    import numpy as np  # loaded with the language model in workers; not for every face

    counts = np.bincount(np.frombuffer(lane, dtype=np.uint8), minlength=256)
    counts.sort()
    return int(counts[-1]) + int(counts[-2]) >= 0.9 * len(lane)


def _reads_as_words(text: str) -> bool:
    """Mostly letters and spaces, no control characters: prose, not a binary table."""
    if not text or looks_binary(text):
        return False
    wordy = sum(1 for ch in text if ch.isalpha() or ch.isspace())
    return wordy >= 0.7 * len(text)


def _cyrillic_score(text: str) -> tuple[float, int]:
    """(share of non-ASCII characters sitting in well-formed Russian words, frequent letters)."""
    high = sum(1 for ch in text if ord(ch) > 127)
    if not high:
        return 0.0, 0
    good = 0
    frequent = 0
    letters: set[str] = set()
    for word in _WORD.findall(text):
        if not any(ord(ch) > 127 for ch in word):
            continue
        if _RU_WORD.fullmatch(word):
            good += len(word)
            frequent += sum(1 for ch in word.lower() if ch in _RU_FREQUENT)
            letters.update(word.lower())
    # Real Russian uses many letters, mostly the common ones; "§§" read as "зз" does not.
    if len(letters) < 6 or frequent < 0.35 * good:
        return 0.0, 0
    return good / high, frequent


def _western_score(text: str) -> float:
    """Share of non-ASCII characters that are letters in well-formed Latin words or
    ordinary typographic marks (curly quotes, dashes, NBSP)."""
    high = [ch for ch in text if ord(ch) > 127]
    if not high:
        return 1.0
    good = sum(1 for ch in high if ch in _TYPOGRAPHY)
    for word in _WORD.findall(text):
        if any(ord(ch) > 127 for ch in word) and (
            _LATIN_WORD.fullmatch(word) and _LATIN_WORD_SHAPE.fullmatch(word)
        ):
            good += sum(1 for ch in word if ord(ch) > 127)
    return good / len(high)


def _legacy_8bit(data: bytes) -> tuple[str, str] | None:
    """Best Cyrillic or Western code page whose decoding reads as real words, if any."""
    sample = data[:200_000]
    best: tuple[float, int, str] | None = None
    for codec in _CYRILLIC:
        try:
            text = sample.decode(codec)
        except UnicodeDecodeError:
            continue
        share, frequent = _cyrillic_score(text)
        if share >= 0.85 and (best is None or (share, frequent) > best[:2]):
            best = (share, frequent, codec)
    if best is not None:
        codec = best[2]
        return data.decode(codec, errors="replace"), _CYRILLIC[codec]
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if _western_score(text) >= 0.9:
        if any(0x80 <= b <= 0x9F for b in data):
            return text, "windows-1252"
        return data.decode("latin-1"), "iso-8859-1"
    return None


def decode_bytes(data: bytes, declared: str | None = None) -> tuple[str, str]:
    """Decode `data`; returns (text, encoding name). Never raises: at worst, characters
    that no encoding explains become U+FFFD. `declared` (an HTML meta charset) is trusted
    when the bytes agree with it."""
    found = bom_encoding(data)
    if found:
        name, size = found
        return data[size:].decode(name, errors="replace"), name
    if declared:
        codec = _python_codec(declared)
        if codec:
            try:
                return data.decode(codec), declared.lower()
            except UnicodeDecodeError:
                pass
    utf16 = utf16_without_bom(data)  # before UTF-8: ASCII in UTF-16 is valid UTF-8
    if utf16:
        return data.decode(utf16, errors="replace"), utf16
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        # A multi-byte character cut at the end of a sample is still UTF-8.
        if exc.start >= len(data) - 3 and exc.reason == "unexpected end of data":
            return data.decode("utf-8", errors="ignore"), "utf-8"
    legacy = _legacy_8bit(data)
    if legacy:
        return legacy
    from charset_normalizer import from_bytes

    match = from_bytes(data[:500_000]).best()
    if match is not None and match.encoding:
        return data.decode(match.encoding, errors="replace"), match.encoding.replace("_", "-")
    return data.decode("cp1252", errors="replace"), "windows-1252"


def _python_codec(label: str) -> str | None:
    try:
        return codecs.lookup(label.strip().strip("'\"")).name
    except LookupError:
        return None


_ALLOWED_CONTROLS = "\t\n\r\f\v\x1a\x1b"
_CONTROLS = "".join(re.escape(chr(c)) for c in range(32) if chr(c) not in _ALLOWED_CONTROLS)
_BAD_CHARS = re.compile(f"[{_CONTROLS}\ufffd]")


def looks_binary(text: str) -> bool:
    """True when decoded 'text' is really binary: control characters or replacement
    characters in more than a few percent of it. (A regex, not a Python loop: this runs
    on every text file.)"""
    if not text:
        return False
    bad = len(_BAD_CHARS.findall(text))
    return bad > max(2, 0.05 * len(text))
