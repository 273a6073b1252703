"""Storing originals during an import (core/originals.py; issue 11 item 10): the store
remembers the folders it made instead of asking the file system twice per file, and a
folder removed meanwhile is made again, so the next original is still kept."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from casefile.core.originals import OriginalStore


def _files(folder: Path, n: int) -> list[Path]:
    folder.mkdir()
    paths = []
    for i in range(n):
        p = folder / f"f{i}.txt"
        p.write_text(f"original number {i}\n" * 3, encoding="utf-8")
        paths.append(p)
    return paths


def test_folders_are_made_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    store = OriginalStore(tmp_path / "case" / "originals")
    paths = _files(tmp_path / "in", 60)
    made: list[Path] = []
    mkdir = Path.mkdir

    def counted(self: Path, *args: object, **kwargs: object) -> None:
        made.append(self)
        mkdir(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "mkdir", counted)
    stored = [store.put_file(p, durable=False) for p in paths]
    store.sync()
    folders = {s.path.parent for s in stored}
    # The store's folder once (twice with its parent made first), each subfolder once.
    assert made.count(store.root) <= 2
    assert sorted(m for m in made if m.parent == store.root) == sorted(folders)
    for p, s in zip(paths, stored, strict=True):
        assert s.path.read_bytes() == p.read_bytes()
        assert s.sha256 == hashlib.sha256(p.read_bytes()).hexdigest()


def test_a_folder_removed_meanwhile_is_made_again(tmp_path: Path) -> None:
    store = OriginalStore(tmp_path / "originals")
    first, second, third = _files(tmp_path / "in", 3)
    kept = store.put_file(first)
    # Someone removes the subfolder, then the whole store, between two files.
    same_folder = kept.path.parent
    shutil.rmtree(same_folder)
    again = store.put_file(first)
    assert again.path.read_bytes() == first.read_bytes()
    shutil.rmtree(tmp_path / "originals")
    for p in (second, third):
        s = store.put_file(p)
        assert s.path.read_bytes() == p.read_bytes()
