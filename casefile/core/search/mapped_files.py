"""Read an index segment's files where they lie in the memory-mapped segment, instead
of a private copy of each (docs/architecture.md, "How a change reaches the index").

Whoosh keeps a segment's files (postings, term table, columns) in one compound file,
mapped into memory, and hands each out as a `BufferFile`: a view of the mapping plus an
`io.BytesIO(view)` for sequential reads. `BytesIO` copies what it is given, so opening
a searcher copied the whole postings file into the process: 143 MB for a 20,000-document
case, about 0.7 GB at 100,000, on top of the mapped pages the copy had to read. A case
of that size held gigabytes for as long as it was open, and a rebuild (which opens the
old index to reconcile first) peaked at 1.8 GB.

`ViewReader` is the file object Whoosh reads sequentially, over the view itself: reads
copy only the bytes asked for, and pages the searches never touch are never read.
"""

from __future__ import annotations

import io
from typing import Any

from whoosh.filedb import structfile

# Small files keep `BytesIO` (a C object, and its copy costs nothing worth saving).
COPY_BELOW = 64 * 1024


class ViewReader(io.RawIOBase):
    """A read-only, seekable binary file over a buffer, without copying it."""

    def __init__(self, buf: Any) -> None:
        super().__init__()
        self._view = memoryview(buf).cast("B")
        self._pos = 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            pos = offset
        elif whence == io.SEEK_CUR:
            pos = self._pos + offset
        elif whence == io.SEEK_END:
            pos = len(self._view) + offset
        else:
            raise ValueError(f"invalid whence ({whence})")  # i18n: not shown
        if pos < 0:
            raise ValueError("negative seek position")  # i18n: not shown
        self._pos = pos
        return pos

    def read(self, size: int | None = -1) -> bytes:
        start = self._pos
        end = len(self._view) if size is None or size < 0 else min(start + size, len(self._view))
        if end <= start:
            return b""
        self._pos = end
        return self._view[start:end].tobytes()

    def readinto(self, b: Any) -> int:
        data = self.read(len(memoryview(b)))
        memoryview(b).cast("B")[: len(data)] = data
        return len(data)

    def readline(self, size: int | None = -1) -> bytes:
        view, start = self._view, self._pos
        limit = len(view) if size is None or size < 0 else min(start + size, len(view))
        end = start
        while end < limit:  # pickled headers only: lines are short
            end += 1
            if view[end - 1] == 10:
                break
        self._pos = end
        return view[start:end].tobytes()

    def close(self) -> None:
        # Not `release()`: Whoosh's storage closes the mapping itself, and tolerates
        # views still alive (its own `BufferFile`s hold them too).
        self._view = memoryview(b"")
        super().close()


def _buffer_file_init(
    self: structfile.BufferFile, buf: Any, name: str | None = None, onclose: Any = None
) -> None:
    self._buf = buf
    self._name = name
    self.file = io.BytesIO(buf) if len(buf) < COPY_BELOW else ViewReader(buf)
    self.onclose = onclose
    self.is_real = False
    self.is_closed = False


def install() -> None:
    """Make every `BufferFile` read its view in place (idempotent)."""
    structfile.BufferFile.__init__ = _buffer_file_init
