"""One version source (issue 15 item 4): pyproject.toml's `version`, the same in
`casefile --version`, in a wheel's metadata and in a frozen bundle."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib
from pathlib import Path

import pytest

import casefile
from casefile import version
from casefile.cli import main

REPO = Path(__file__).resolve().parent.parent
PYPROJECT_VERSION = tomllib.loads((REPO / "pyproject.toml").read_text())["project"]["version"]


def test_the_package_version_is_pyprojects() -> None:
    assert casefile.__version__ == PYPROJECT_VERSION


def test_casefile_version_prints_the_package_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as done:
        main(["--version"])
    assert done.value.code == 0
    assert capsys.readouterr().out.strip() == f"casefile {PYPROJECT_VERSION}"


def test_the_casefile_command_prints_it_too() -> None:
    out = subprocess.run(
        [sys.executable, "-m", "casefile.cli", "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    ).stdout
    assert out.strip() == f"casefile {PYPROJECT_VERSION}"


def _package(tmp_path: Path, pyproject: str | None) -> Path:
    here = tmp_path / "casefile"
    here.mkdir(parents=True)
    if pyproject is not None:
        (tmp_path / "pyproject.toml").write_text(pyproject)
    return here


def test_a_source_tree_reads_its_own_pyproject(tmp_path: Path) -> None:
    here = _package(tmp_path, '[project]\nname = "casefile"\nversion = "9.8.7"\n')
    assert version.package_version(here) == "9.8.7"


def test_another_projects_pyproject_is_not_ours(tmp_path: Path) -> None:
    # An installed wheel can sit beside any pyproject.toml (a project's own venv):
    # then the installed metadata speaks, not that file.
    here = _package(tmp_path, '[project]\nname = "other"\nversion = "9.8.7"\n')
    assert version.package_version(here) != "9.8.7"
    here2 = _package(tmp_path / "b", "not [toml")
    assert version.package_version(here2) != "9.8.7"


def test_a_frozen_bundle_reads_the_version_file_it_carries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    here = _package(tmp_path, None)
    (here / "VERSION").write_text("4.5.6\n")
    monkeypatch.setattr(version, "_from_metadata", lambda: None)
    assert version.package_version(here) == version.UNKNOWN  # not frozen: the file is ignored
    monkeypatch.setattr(sys, "frozen", True, raising=False)
    assert version.package_version(here) == "4.5.6"
    (here / "VERSION").unlink()
    assert version.package_version(here) == version.UNKNOWN


def test_a_worker_importing_casefile_does_not_read_the_version() -> None:
    """Every spawned worker imports `casefile`; reading the version (importlib.metadata,
    ~50 ms) waits until something asks for it."""
    code = (
        "import sys, casefile.core.entities.match_worker, casefile.version as v;"
        "print('importlib.metadata' in sys.modules, v._version.cache_info().currsize)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
        cwd=REPO,
        env={**os.environ, "PYTHONPATH": str(REPO)},
    ).stdout
    assert out.split() == ["False", "0"]
