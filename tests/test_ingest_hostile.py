"""Hostile content (issue 8 items 7 and 16): nothing is dropped in silence, and an
import in which a file failed says so in its exit code. Inputs are built here."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

from casefile.core.ingest.extract import extract_file
from casefile.core.ingest.types import Status

CLI = [sys.executable, "-m", "casefile.cli"]


def _page(tmp_path: Path, name: str, markup: str) -> Path:
    path = tmp_path / name
    path.write_text(markup, encoding="utf-8")
    return path


def test_text_behind_deeply_nested_tags_is_kept(tmp_path: Path) -> None:
    nest = "<b>" * 300 + "deep words" + "</b>" * 300
    page = _page(
        tmp_path,
        "deep.html",
        "<html><head><title>Deep</title><script>var hidden = 1;</script></head><body>"
        f"<p>First paragraph.</p>{nest}<p>Everything after the nest.</p></body></html>",
    )
    ex = extract_file(str(page))
    assert ex.status == Status.OK
    assert "First paragraph." in ex.pages[0]
    assert "deep words" in ex.pages[0]
    assert "Everything after the nest." in ex.pages[0]
    assert "hidden" not in ex.pages[0]
    assert ex.title == "Deep"
    assert "302 levels deep" in ex.metadata["note"]  # html, body and 300 <b>


def test_a_hundred_thousand_nested_divs_say_what_happened(tmp_path: Path) -> None:
    n = 100_000
    full = _page(
        tmp_path,
        "divs.html",
        "<html><body>" + "<div>" * n + "the claim is here" + "</div>" * n + "</body></html>",
    )
    ex = extract_file(str(full))
    assert ex.status == Status.OK and "the claim is here" in ex.pages[0]
    assert "levels deep" in ex.metadata["note"]

    hollow = _page(tmp_path, "hollow.html", "<html><body>" + "<div>" * n + "</body></html>")
    ex = extract_file(str(hollow))
    assert ex.status == Status.EMPTY
    assert "100,00" in (ex.reason or "") and "levels deep" in (ex.reason or "")


def test_an_import_in_which_a_file_failed_exits_3(tmp_path: Path) -> None:
    case = tmp_path / "C.casefile"
    assert subprocess.run([*CLI, "new", str(case)], capture_output=True).returncode == 0
    bomb = tmp_path / "bomb.docx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("[Content_Types].xml", "<Types/>")
        zf.writestr("word/document.xml", b" " * (70 * 1024 * 1024))  # 70 MB from ~70 KB
    good = tmp_path / "note.txt"
    good.write_text("an ordinary note", encoding="utf-8")
    result = subprocess.run(
        [*CLI, "import", str(case), str(bomb), str(good)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert "zip bomb" in result.stdout
    assert result.returncode == 3, result.stdout
