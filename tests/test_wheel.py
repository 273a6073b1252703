"""A wheel built from the repository carries its resources: installed into a fresh
virtual environment (no network), `casefile demo` builds the demo case from it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
# What a clean clone holds that a build reads (tests, docs and caches are not needed).
SOURCES = ("casefile", "resources", "pyproject.toml", "setup.py", "README.md", "LICENSE")


def _run(cmd: list[str], cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, f"{cmd} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


@pytest.mark.slow
def test_wheel_installed_in_a_fresh_venv_builds_the_demo_case(tmp_path: Path) -> None:
    src = tmp_path / "src"
    src.mkdir()
    for name in SOURCES:
        path = REPO / name
        if not path.exists():
            continue
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(path, src / name)
    dist = tmp_path / "dist"
    # Offline: the build backend comes from this environment (the test extra pins it).
    _run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
         "--no-index", "--quiet", "-w", str(dist), str(src)],
        cwd=tmp_path,
    )  # fmt: skip
    (wheel,) = dist.glob("casefile-*.whl")

    venv = tmp_path / "venv"
    _run([sys.executable, "-m", "venv", "--without-pip", str(venv)], cwd=tmp_path)
    python = venv / "bin" / "python"
    # The dependencies come from this environment: a venv made from a venv would see the
    # base interpreter's packages with --system-site-packages, so name ours in a .pth
    # (a plain path line: the .pth files in there, an editable casefile's among them,
    # are not run).
    purelib = "import sysconfig; print(sysconfig.get_paths()['purelib'])"
    site = Path(_run([str(python), "-c", purelib], cwd=tmp_path).strip())
    ours = dict.fromkeys(sysconfig.get_paths()[k] for k in ("purelib", "platlib"))
    (site / "_casefile_test_deps.pth").write_text("\n".join(ours) + "\n")
    _run(
        [sys.executable, "-m", "pip", "--python", str(python), "install", "--no-deps",
         "--no-index", "--quiet", str(wheel)],
        cwd=tmp_path,
    )  # fmt: skip

    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "CASEFILE_RESOURCES")}
    where = _run(
        [str(python), "-c",
         "import casefile, casefile.resources as r; d = r.resources_dir(); "
         "print(casefile.__file__); print(d); print((d / 'icons' / 'casefile.svg').is_file())"],
        cwd=tmp_path, env=env,
    ).split("\n")  # fmt: skip
    assert where[0].startswith(str(site)), "casefile was not imported from the wheel"
    assert where[1].startswith(str(site)) and where[2] == "True", where

    case = tmp_path / "Demo"
    out = _run([str(venv / "bin" / "casefile"), "demo", str(case)], cwd=tmp_path, env=env)
    assert "Demo case ready" in out
    listing = _run(
        [str(venv / "bin" / "casefile"), "docs", f"{case}.casefile", "--json"],
        cwd=tmp_path, env=env,
    )  # fmt: skip
    docs = json.loads(listing)
    assert len(docs) == 4 and {d["status"] for d in docs} == {"ok"}
    assert {d["file_type"] for d in docs} == {"html", "pdf", "docx", "text"}
