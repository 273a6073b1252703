"""A segment of an import's documents, built in an extraction worker (docs/architecture.md,
"How a change reaches the index").

The importing process stores, writes and indexes every document one after another, and
once the workers have extracted every file they sit idle while it indexes the rest
alone: on 2,000 notes that was the last ~2.5 s, with one core unused. So every other
document goes to a worker, which indexes a few hundred of them into a segment of its
own, in a folder of its own (`index.parts/`, where no commit of the live index deletes
its files); its task waits behind the extractions handed out before it, so it mostly
runs when the workers would otherwise idle. The import's commit moves that segment's
file into the index and lists it with its own segment, in one table of contents; a
task no worker has begun by then is taken back (`staged_writes.py`). Whatever fails
there (a worker killed, out of time), those documents' work items are still queued,
and the sync that follows indexes them in the importing process.

Only whoosh and the index modules are imported here (no database): the worker has them
loaded in ~0.1 s.
"""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from casefile.core.search import index as ixmod
from casefile.core.search.entry import Split, add_entry

WRITER_MB = 96  # as the importing process's writer (indexer.WRITER_MB)

# One document as a worker indexes it: its fields, its pages (number, text) and the
# words the extraction split from them, if any.
Payload = tuple[dict[str, Any], list[tuple[int, str]], Split | None]


def build_segment(parts_dir: str, docs: Sequence[Payload]) -> tuple[Any, str]:
    """Index `docs` into a new segment under `parts_dir`; returns the segment (Whoosh's
    object, which pickles) and the path of its one file."""
    folder = Path(parts_dir) / uuid.uuid4().hex
    folder.parent.mkdir(exist_ok=True)
    ix = ixmod.create(folder)
    writer = ixmod.writer(ix, WRITER_MB)
    try:
        for fields, pages, split in docs:
            add_entry(writer, fields, pages, split)
        segment = writer._finalize_segment()  # no table of contents: the import's commit
    except BaseException:
        writer.cancel()
        shutil.rmtree(folder, ignore_errors=True)
        raise
    writer._finish()
    return segment, str(folder / segment_file(segment))


def segment_file(segment: Any) -> str:
    """The name of a compound segment's one file (Whoosh's `Segment.make_filename`)."""
    name: str = segment.make_filename(segment.COMPOUND_EXT)
    return name


def move_in(segment: Any, path: str, index_dir: Path) -> Any:
    """Move a built segment's file into the index folder (the same file system, so one
    rename) and remove the folder it was built in; returns the segment."""
    source = Path(path)
    if not segment.is_compound() or source.name != segment_file(segment):
        raise ValueError("a worker's segment is not one compound file")
    os.replace(source, index_dir / source.name)
    shutil.rmtree(source.parent, ignore_errors=True)
    return segment
