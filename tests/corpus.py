"""Where the shared corpus of real and hostile documents is (see its SOURCES.md).

Tests that need it call `corpus_dir()`: from $CASEFILE_CORPUS, else `<repo>/../shared/
corpus`. A developer without the corpus gets a skip; CI (CI=true) must have it, so
there a missing corpus fails instead of silently testing nothing.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent


def corpus_dir() -> Path:
    configured = os.environ.get("CASEFILE_CORPUS")
    path = Path(configured) if configured else REPO.parent / "shared" / "corpus"
    if not path.is_dir():
        message = f"corpus not found at {path} (set CASEFILE_CORPUS)"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    return path


@pytest.fixture
def corpus() -> Path:
    return corpus_dir()


def nonspace(text: str) -> int:
    return len("".join(text.split()))
