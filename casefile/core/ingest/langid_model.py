"""py3langid's model, unpacked once into the user's cache folder and read from there.

The packaged model is a 4.6 MB LZMA file of 68 MB of arrays: unpacking it took 0.65 s of
CPU and reading the arrays 0.25 s more, at every start of the extraction fork server
(each import from the command line, each start of the app), and no worker could start
meanwhile. Unpacked once into `<user cache>/casefile/langid-<version>-<size>-<mtime>/`
as plain `.npy` files, the arrays are read again in a few hundredths of a second.

The cache is only a copy: what it holds is checked against the CRC-32 written beside it
when it was unpacked, and its arrays' types and shapes against what the model needs
(`np.load(allow_pickle=False)`: a hostile file can only fail to load). Anything missing,
damaged or unreadable is unpacked from the package again; a cache folder that cannot be
written is simply not used. Nothing is downloaded, ever.
"""

from __future__ import annotations

import importlib.metadata
import logging
import os
import shutil
import sys
import uuid
import zlib
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

log = logging.getLogger(__name__)

NAMES = ("ptc", "pc", "classes", "nextmove", "nextmove_row", "out_feat")
DIGEST = "crc32"  # the file beside the arrays: the CRC-32 of their contents, in order
Arrays = dict[str, npt.NDArray[Any]]


def user_cache() -> Path:
    """Casefile's folder in the user's cache (derived data only: safe to delete);
    `CASEFILE_CACHE_DIR` puts it elsewhere (the tests use their own)."""
    if os.environ.get("CASEFILE_CACHE_DIR"):
        return Path(os.environ["CASEFILE_CACHE_DIR"])
    if os.name == "nt":
        base = os.environ.get("LOCALAPPDATA") or str(Path.home() / "AppData" / "Local")
    elif sys.platform == "darwin":
        base = str(Path.home() / "Library" / "Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "casefile"


def packaged_file() -> Path:
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    path = Path(MODEL_FILE)
    return path if path.is_absolute() else Path(MODEL_DIR) / path


def cache_folder(packaged: Path) -> Path:
    """Named after the packaged file, so that another py3langid has its own copy."""
    try:
        version = importlib.metadata.version("py3langid")
    except importlib.metadata.PackageNotFoundError:
        version = "unknown"
    st = packaged.stat()
    return user_cache() / f"langid-{version}-{st.st_size}-{st.st_mtime_ns}"


def _valid(a: Arrays) -> bool:
    """The types and shapes py3langid's model has (and `langid_walk` relies on)."""
    ptc, pc, classes, nextmove, row, out = (a[n] for n in NAMES)
    return bool(
        ptc.dtype == np.float16
        and ptc.ndim == 2
        and pc.dtype == np.float32
        and pc.shape == (ptc.shape[1],)
        and classes.dtype.kind == "U"
        and classes.shape == pc.shape
        and nextmove.dtype.kind == "u"
        and nextmove.ndim == 1
        and row.dtype.kind == "u"
        and row.ndim == 1
        and out.dtype.kind == "i"
        and out.shape == row.shape
        and len(nextmove) >= 256
        # every transition stays inside the tables (the walk indexes them with these)
        and int(row.max()) * 256 + 255 < len(nextmove)
        and int(nextmove.max()) < len(row)
    )


def _checksum(arrays: Arrays) -> str:
    """CRC-32 of the arrays' contents: a damaged copy is not read as a model (the cache
    is the user's own folder; this guards against damage, not against its owner)."""
    crc = 0
    for name in NAMES:
        crc = zlib.crc32(np.ascontiguousarray(arrays[name]).reshape(-1).view(np.uint8).data, crc)
    return f"{crc:08x}"


def _read(folder: Path) -> Arrays | None:
    """The cached arrays, or None when they are missing, damaged or not the model's."""
    try:
        arrays = {n: np.load(folder / f"{n}.npy", allow_pickle=False) for n in NAMES}
        if (folder / DIGEST).read_text(encoding="ascii").strip() != _checksum(arrays):
            return None
        return arrays if _valid(arrays) else None
    except (OSError, ValueError, EOFError, UnicodeDecodeError):
        return None


def _arrays(model: tuple[Any, ...]) -> Arrays:
    """py3langid's loaded model as the arrays the cache keeps."""
    ptc, pc, classes, nextmove, row, output = model
    return dict(
        zip(
            NAMES,
            (
                np.asarray(ptc),
                np.asarray(pc),
                np.asarray(classes),
                np.asarray(nextmove),  # a stdlib array: its buffer keeps the item type
                np.asarray(row),
                np.asarray(output, dtype=np.int32),
            ),
            strict=True,
        )
    )


def _store(folder: Path, arrays: Arrays) -> None:
    """Write the copy next to its final name, then rename: a reader sees all or none."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = folder.with_name(f"{folder.name}.tmp-{uuid.uuid4().hex}")
    try:
        tmp.mkdir()
        for name in NAMES:
            np.save(tmp / f"{name}.npy", arrays[name], allow_pickle=False)
        (tmp / DIGEST).write_text(_checksum(arrays), encoding="ascii")
        if folder.exists():
            shutil.rmtree(folder, ignore_errors=True)  # a damaged copy
        tmp.rename(folder)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)  # left only if another process won


def load() -> tuple[Any, ...]:
    """The model as py3langid's `load_model` gives it: (nb_ptc, nb_pc, nb_classes,
    tk_nextmove, tk_row, tk_output)."""
    from py3langid.modelio import _to_array, load_model

    packaged = packaged_file()
    folder = cache_folder(packaged)
    arrays = _read(folder)
    if arrays is None:
        model = tuple(load_model(packaged))  # py3langid's own unpacking
        try:
            _store(folder, _arrays(model))
        except OSError as exc:  # a read-only or full home: unpacked each time, as before
            log.info("language model not cached (%s)", exc)
        return model
    return (
        arrays["ptc"],
        arrays["pc"],
        arrays["classes"].tolist(),
        _to_array(arrays["nextmove"]),
        _to_array(arrays["nextmove_row"]),
        arrays["out_feat"].tolist(),
    )


__all__ = ["load", "user_cache"]
