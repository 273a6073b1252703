"""The Whoosh codec for case indexes. Like the analyzer, it is pickled into every
segment: never move or rename this module or the class.

Measured on 2,000 mixed documents, 200-document commits (docs/architecture.md, measured
facts): zlib on every posting block cost ~25% of indexing time (index 39 MB -> 50 MB
without it), and per-posting length statistics (only an optimisation for block-max
scoring) read the length column once per posting. Both are off here.
"""

from __future__ import annotations

from whoosh.codec.whoosh3 import W3Codec


class CasefileCodec(W3Codec):  # type: ignore[misc]
    length_stats = False

    def __init__(self) -> None:
        super().__init__(blocklimit=128, compression=0, inlinelimit=1)
