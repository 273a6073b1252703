"""The language model unpacked into the user's cache (core/ingest/langid_model.py) is
py3langid's packaged model exactly; a missing, damaged or foreign copy is unpacked
again, and a cache folder that cannot be written changes nothing but the time."""

from __future__ import annotations

import lzma
from pathlib import Path
from typing import Any

import numpy as np
import pytest
from py3langid.modelio import load_model

from casefile.core.ingest import langid_model


def _same(a: tuple[Any, ...], b: tuple[Any, ...]) -> bool:
    return all(
        np.array_equal(np.asarray(x), np.asarray(y)) and np.asarray(x).dtype == np.asarray(y).dtype
        for x, y in zip(a, b, strict=True)
    )


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(tmp_path / "cache"))
    return langid_model.cache_folder(langid_model.packaged_file())


@pytest.fixture(scope="module")
def packaged() -> tuple[Any, ...]:
    return tuple(load_model(langid_model.packaged_file()))


def _no_unpacking(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*_args: object, **_kwargs: object) -> None:
        raise AssertionError("unpacked the packaged model again")

    monkeypatch.setattr(lzma, "open", refuse)


def test_the_cached_model_is_the_packaged_one(
    cache: Path, packaged: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    assert _same(langid_model.load(), packaged)  # unpacked, and kept
    assert (cache / langid_model.DIGEST).is_file()
    _no_unpacking(monkeypatch)
    assert _same(langid_model.load(), packaged)  # read from the cache


def _truncate(folder: Path) -> None:
    path = folder / "nextmove.npy"
    path.write_bytes(path.read_bytes()[:1000])


def _flip_a_byte(folder: Path) -> None:
    path = folder / "ptc.npy"
    data = bytearray(path.read_bytes())
    data[len(data) // 2] ^= 0x40
    path.write_bytes(bytes(data))


def _pickled(folder: Path) -> None:
    np.save(folder / "pc.npy", np.array([{"not": "numbers"}], dtype=object), allow_pickle=True)


def _no_checksum(folder: Path) -> None:
    (folder / langid_model.DIGEST).unlink()


def _foreign_arrays(folder: Path) -> None:
    """Well-formed arrays with a matching checksum, but not a model's shapes (a row
    pointing outside the transition table)."""
    arrays = {n: np.load(folder / f"{n}.npy") for n in langid_model.NAMES}
    arrays["nextmove_row"] = arrays["nextmove_row"].copy()
    arrays["nextmove_row"][0] = np.iinfo(arrays["nextmove_row"].dtype).max
    np.save(folder / "nextmove_row.npy", arrays["nextmove_row"])
    (folder / langid_model.DIGEST).write_text(langid_model._checksum(arrays))


@pytest.mark.slow
@pytest.mark.parametrize(
    "damage", [_truncate, _flip_a_byte, _pickled, _no_checksum, _foreign_arrays]
)
def test_a_damaged_copy_is_unpacked_again(
    cache: Path, packaged: tuple[Any, ...], damage: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    langid_model.load()
    damage(cache)
    assert langid_model._read(cache) is None  # not taken for the model
    assert _same(langid_model.load(), packaged)  # the package's, again
    _no_unpacking(monkeypatch)
    assert _same(langid_model.load(), packaged)  # and the copy repaired


def test_a_cache_folder_that_cannot_be_written_changes_nothing(
    tmp_path: Path, packaged: tuple[Any, ...], monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "not a folder"
    blocker.write_text("a file where the cache folder should be")
    monkeypatch.setenv("CASEFILE_CACHE_DIR", str(blocker / "cache"))
    assert _same(langid_model.load(), packaged)
    assert _same(langid_model.load(), packaged)
