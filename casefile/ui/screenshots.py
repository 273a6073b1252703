"""`python -m casefile.ui.screenshots OUT_DIR [--lang ru]`: render the main views of the
demo case to PNG files (offscreen `grab()`, no X server needed) for the README, the user
guide (docs/guide/, one set per language) and for review.

Run with QT_QPA_PLATFORM=offscreen. Each picture waits for the background work it
depends on (the table load, a search, QtPdf's asynchronous render) before grabbing.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication, QWidget

from casefile.ui.app import apply_dark_palette, make_app
from casefile.ui.settings import Settings

if TYPE_CHECKING:
    from casefile.ui.main_window import MainWindow

SIZE = (1360, 820)


def _wait(cond: Callable[[], bool], timeout: float = 30.0, settle: float = 0.3) -> None:
    app = QApplication.instance()
    assert app is not None
    end = time.monotonic() + timeout
    while time.monotonic() < end and not cond():
        app.processEvents()
        time.sleep(0.01)
    end = time.monotonic() + settle
    while time.monotonic() < end:
        app.processEvents()
        time.sleep(0.01)


def _save(widget: QWidget, out: Path, name: str) -> Path:
    path = out / f"{name}.png"
    widget.grab().save(str(path))
    print(path)
    return path


def render(out: Path, work: Path) -> list[Path]:
    from casefile.demo import build_demo_case
    from casefile.ui.main_window import MainWindow

    out.mkdir(parents=True, exist_ok=True)
    demo = build_demo_case(work / "Demo case.casefile", overwrite=True)  # i18n: not shown
    settings = Settings(QSettings(str(work / "settings.ini"), QSettings.Format.IniFormat))
    settings.add_recent(demo)
    shots: list[Path] = []

    win = MainWindow(settings)
    win.resize(*SIZE)
    win.show()
    _wait(lambda: True)
    shots.append(_save(win, out, "01-start-page"))

    win.open_case(str(demo))
    _wait(lambda: win.case_view is not None and win.case_view.model.rowCount() > 0)
    view = win.case_view
    assert view is not None
    summaries = [view.model.summary(r) for r in range(view.model.rowCount())]
    ru_row = next(r for r, s in enumerate(summaries) if s is not None and "ru" in s.languages)
    view.table.selectRow(ru_row)
    _wait(lambda: view.current_uid is not None)
    shots.append(_save(win, out, "02-documents"))

    if view.search_panel is not None and getattr(view.search_panel, "available", False):
        win.search_field.setText("санкции OR sanctions")  # i18n: verbatim
        win.search.run_search()
        panel = view.search_panel
        _wait(lambda: panel.results.count() > 0)
        panel.results.setCurrentRow(0)
        _wait(lambda: True)
        shots.append(_save(win, out, "03-search"))
        win.search.show_all_documents()
        _wait(lambda: view.model.rowCount() == 4)

    summaries = [view.model.summary(r) for r in range(view.model.rowCount())]
    pdf_row = next(r for r, s in enumerate(summaries) if s is not None and s.file_type == "pdf")
    view.table.selectRow(pdf_row)
    _wait(lambda: True)
    view.viewer.show_original()
    _wait(lambda: False, timeout=1.5)  # QtPdf renders asynchronously
    shots.append(_save(win, out, "04-original-pdf"))
    view.viewer.show_text()
    shots += _entity_shots(win, out)
    shots.append(_chronology_shot(win, out))

    samples = work / "incoming"
    samples.mkdir(exist_ok=True)
    (samples / "note-from-source.txt").write_text(
        "Источник сообщил, что OkoVision продолжает получать доступ "
        "к API Helix Cloud.\n",  # i18n: verbatim
        encoding="utf-8",
    )
    (samples / "broken.pdf").write_bytes(b"%PDF-1.7\n% truncated on purpose\n")
    from casefile.demo import demo_sources

    job = win.import_paths([str(samples), str(demo_sources()[0])])  # one is a duplicate
    _wait(lambda: job is not None and not job.running and hasattr(win, "last_import_summary"))
    dialog = win.last_import_summary
    dialog.resize(760, 300)
    _wait(lambda: True)
    shots.append(_save(dialog, out, "05-import-summary"))
    dialog.close()

    apply_dark_palette(QApplication.instance())
    win.close()
    dark = MainWindow(settings)
    dark.resize(*SIZE)
    dark.show()
    dark.open_case(str(demo))
    _wait(lambda: dark.case_view is not None and dark.case_view.model.rowCount() > 0)
    dark_view = dark.case_view
    assert dark_view is not None
    dark_view.table.selectRow(ru_row)
    _wait(lambda: dark_view.current_uid is not None)
    shots.append(_save(dark, out, "06-dark"))
    dark.close()
    return shots


def _entity_shots(win: MainWindow, out: Path) -> list[Path]:
    """An entity's page with a mention opened in the viewer; the network (issue 12)."""
    gui, view = win.entities, win.case_view
    assert view is not None
    gui.show("entities")
    _wait(lambda: bool(gui.panel.entities))
    oko = next(e for e in gui.panel.entities if e.name == "OkoVision LLC")
    gui.panel.open_entity(oko.uid)
    page = gui.panel.page
    _wait(lambda: page.info is not None and page.mention_tree.topLevelItemCount() > 0)
    tree = page.mention_tree
    groups = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    article = next(g for g in groups if g is not None and "Хеликс" in g.text(0))
    first = article.child(0)
    assert first is not None
    page.mention_tree.open_item(first)
    _wait(lambda: bool(gui.mentions.mentions))
    shots = [_save(win, out, "07-entities")]
    gui.show("entities:network")
    _wait(lambda: bool(gui.panel.network.nodes))
    shots.append(_save(win, out, "08-network"))
    win.search.show_all_documents()
    return shots


def _chronology_shot(win: MainWindow, out: Path) -> Path:
    """The chronology table with its timeline, an event selected (issue 13)."""
    view = win.case_view
    assert view is not None
    view.chronology_gui.show()
    chronology = view.chronology
    _wait(lambda: chronology.model.rowCount() > 0)
    chronology.table.selectRow(0)
    _wait(lambda: True)
    path = _save(win, out, "09-chronology")
    win.search.show_all_documents()
    return path


def main(argv: list[str] | None = None) -> int:
    import argparse

    from casefile.ui import i18n

    parser = argparse.ArgumentParser(prog="python -m casefile.ui.screenshots")  # i18n: not shown
    parser.add_argument("out", nargs="?", default="docs/screenshots")
    parser.add_argument("--lang", choices=[code for code, _name in i18n.CHOICES], default="en")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    out = Path(args.out)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    make_app(dark=False)
    i18n.install(args.lang)
    with tempfile.TemporaryDirectory(prefix="casefile-shots-") as tmp:
        render(out, Path(tmp))
    return 0


if __name__ == "__main__":
    sys.exit(main())
