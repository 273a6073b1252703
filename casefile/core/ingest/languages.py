"""Which languages a document is written in, most used first.

Investigators' documents are often bilingual (a Russian article quoting an English
filing), and one `classify(whole_text)` call names only the majority language. So we
classify paragraph-sized chunks, weight each by its letters, and keep every language
that covers a real share of the text. The py3langid model (~2 MB pickle) loads once per
process, on first use, so workers that never see text never pay for it.
"""

from __future__ import annotations

import re
import threading
from collections import Counter
from typing import Any

MIN_SHARE = 0.15  # a language must cover this share of the classified letters
MIN_CONFIDENCE = 0.5  # chunk-level probability below which the chunk is not counted
_CHUNK_CHARS = 300
_MAX_CHUNKS = 240  # long books: an even sample is as good as every chunk
_MIN_LETTERS = 25
_MIN_LETTERS_SHORT = 12
_MAX_SAMPLE = 200_000

_lock = threading.Lock()
_identifier: Any = None
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
_PARAGRAPH = re.compile(r"\n\s*\n")
_SENTENCE = re.compile(r"(?<=[.!?…])\s+|\n")


def _model() -> Any:
    global _identifier
    with _lock:
        if _identifier is None:
            from py3langid.langid import MODEL_FILE, LanguageIdentifier

            _identifier = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
        return _identifier


def _script(sentence: str) -> str:
    cyrillic = len(_CYRILLIC.findall(sentence))
    return "cyrillic" if cyrillic * 2 > len(_LETTER.findall(sentence)) else "other"


def _chunks(text: str) -> list[str]:
    """Sentence runs of about _CHUNK_CHARS that never cross a paragraph or a switch
    between Cyrillic and other scripts, so one chunk rarely mixes two languages."""
    chunks: list[str] = []
    for para in _PARAGRAPH.split(text):
        current, current_script = "", ""
        for sentence in _SENTENCE.split(para):
            script = _script(sentence)
            if current and (
                len(current) + len(sentence) > _CHUNK_CHARS or script != current_script
            ):
                chunks.append(current)
                current = ""
            current = f"{current} {sentence}" if current else sentence
            current_script = script
        if current:
            chunks.append(current)
    return chunks


def detect_languages(text: str) -> list[str]:
    """ISO 639-1 codes covering at least MIN_SHARE of the text, most frequent first."""
    if len(text) > _MAX_SAMPLE:  # a long book: even slices of it are enough
        step = len(text) // 20
        text = "\n\n".join(text[i * step : i * step + _MAX_SAMPLE // 20] for i in range(20))
    chunks = [c for c in _chunks(text) if len(_LETTER.findall(c)) >= _MIN_LETTERS]
    if not chunks and len(_LETTER.findall(text)) >= _MIN_LETTERS_SHORT:
        chunks = [text]  # a short note: one guess for the whole of it
    if not chunks:
        return []
    if len(chunks) > _MAX_CHUNKS:
        step = len(chunks) / _MAX_CHUNKS
        chunks = [chunks[int(i * step)] for i in range(_MAX_CHUNKS)]
    model = _model()
    weights: Counter[str] = Counter()
    for chunk in chunks:
        lang, prob = model.classify(chunk)
        if prob >= MIN_CONFIDENCE and len(lang) == 2:  # not "zxx" (no linguistic content)
            weights[lang] += len(_LETTER.findall(chunk))
    total = sum(weights.values())
    if not total:
        return []
    return [lang for lang, w in weights.most_common() if w / total >= MIN_SHARE]
