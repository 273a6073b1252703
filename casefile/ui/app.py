"""The GUI entry point (`casefile-gui [CASE] [--demo]`).

With no display on Linux (no DISPLAY / WAYLAND_DISPLAY and no QT_QPA_PLATFORM), Qt
would abort with a message about xcb plugins; we say in one line what happened and point
to the command line instead.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import sys
import threading
from collections.abc import Sequence

APP_NAME = "Casefile"
WARM_UP_DELAY_MS = 1500
ORG_NAME = "Casefile"
# The desktop entry's name without ".desktop" (packaging/linux/): Wayland and the
# desktop shells match windows to their launcher and icon by it.
DESKTOP_ID = "org.casefile.Casefile"
# A double-click on a case folder's database opens the case (the folder itself is
# opened by the file manager: packaging/linux/org.casefile.Casefile.mime.xml).
CASE_DATABASE = "case.sqlite"


def _no_display() -> bool:
    if not sys.platform.startswith("linux"):
        return False
    return not any(os.environ.get(k) for k in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"))


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    from casefile.ui.i18n import QT_TRANSLATE_NOOP, translate_early

    def tr(text: str) -> str:  # before the QApplication exists: see translate_early
        return translate_early("app", text)

    description = QT_TRANSLATE_NOOP("app", "Casefile desktop app")
    case_help = QT_TRANSLATE_NOOP(
        "app",
        "a .casefile folder (or its case.sqlite) to open, or a .casezip case archive "
        "to unpack beside it and open",
    )
    demo_help = QT_TRANSLATE_NOOP("app", "open the demo case")
    read_only_help = QT_TRANSLATE_NOOP("app", "open the case read-only")
    parser = argparse.ArgumentParser(prog="casefile-gui", description=tr(description))
    parser.add_argument("case", nargs="?", help=tr(case_help))
    parser.add_argument("--demo", action="store_true", help=tr(demo_help))
    parser.add_argument("--read-only", action="store_true", help=tr(read_only_help))
    args = parser.parse_args(argv)
    if args.case and os.path.basename(os.path.normpath(args.case)) == CASE_DATABASE:
        args.case = os.path.dirname(os.path.abspath(args.case))
    return args


def is_dark(palette: object) -> bool:
    from PySide6.QtGui import QPalette

    assert isinstance(palette, QPalette)
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def apply_dark_palette(app: object) -> None:
    """A calm dark palette for platforms whose native style does not follow the system."""
    from PySide6.QtGui import QColor, QPalette
    from PySide6.QtWidgets import QApplication

    assert isinstance(app, QApplication)
    app.setStyle("Fusion")  # i18n: not shown
    p = QPalette()
    roles = QPalette.ColorRole
    for role, colour in (
        (roles.Window, "#2b2d31"),
        (roles.WindowText, "#e3e5e8"),
        (roles.Base, "#1e1f22"),
        (roles.AlternateBase, "#26282c"),
        (roles.Text, "#e3e5e8"),
        (roles.Button, "#34363b"),
        (roles.ButtonText, "#e3e5e8"),
        (roles.Highlight, "#3d6fb4"),
        (roles.HighlightedText, "#ffffff"),
        (roles.ToolTipBase, "#1e1f22"),
        (roles.ToolTipText, "#e3e5e8"),
        (roles.PlaceholderText, "#8b8f96"),
        (roles.Link, "#7fb0ff"),
        (roles.Mid, "#3c3f45"),
        (roles.Dark, "#1a1b1e"),
    ):
        p.setColor(role, QColor(colour))
    p.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#7b7f86"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.WindowText, QColor("#7b7f86"))
    p.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#7b7f86"))
    app.setPalette(p)


def make_app(argv: Sequence[str] | None = None, dark: bool | None = None) -> object:
    """Create (or reuse) the QApplication with Casefile's names, style and palette."""
    from PySide6.QtCore import QCoreApplication, Qt
    from PySide6.QtGui import QGuiApplication
    from PySide6.QtWidgets import QApplication

    from casefile.ui.pyside_guard import guard_singleton_refcounts

    guard_singleton_refcounts()  # before the first widget: see pyside_guard
    # Background threads hand the GIL back to the event loop every 1 ms instead of 5 ms,
    # which keeps repaints and key presses prompt while an import runs.
    sys.setswitchinterval(0.001)
    existing = QApplication.instance()
    app: QCoreApplication
    if existing is None:
        QGuiApplication.setHighDpiScaleFactorRoundingPolicy(
            Qt.HighDpiScaleFactorRoundingPolicy.PassThrough
        )
        QCoreApplication.setOrganizationName(ORG_NAME)
        QCoreApplication.setApplicationName(APP_NAME)
        QGuiApplication.setDesktopFileName(DESKTOP_ID)
        app = QApplication([sys.argv[0], *(argv or [])])
    else:
        app = existing
    assert isinstance(app, QApplication)
    if dark is None:
        hints = QGuiApplication.styleHints()
        dark = hints.colorScheme() == Qt.ColorScheme.Dark and not is_dark(app.palette())
    if dark:
        apply_dark_palette(app)
    from casefile.ui.icons import app_icon

    app.setWindowIcon(app_icon())
    return app


def install_stored_language(settings: object) -> str:
    """The language chosen in Preferences (or CASEFILE_LANG, or the system's), installed
    before the first window is built; returns it."""
    from casefile.ui import i18n
    from casefile.ui.settings import Settings

    assert isinstance(settings, Settings)
    return i18n.install(i18n.resolve(settings.get(i18n.SETTINGS_KEY, i18n.SYSTEM)))


def _prepare_import() -> None:
    from casefile.core import services

    # Copies of originals that a crashed session opened in other programs: plain
    # copies of evidence must not pile up in the temporary folder.
    services.remove_stale_copies()
    services.prepare_import()


def start_warm_up() -> threading.Thread:
    """Start the extraction workers' fork server (about a second of loading) off the
    UI thread, so the first import neither waits for it nor freezes the window while
    the fork server and its resource tracker are spawned (a spawn holds the GIL)."""
    thread = threading.Thread(target=_prepare_import, name="warm-up", daemon=True)
    thread.start()
    return thread


def main(argv: Sequence[str] | None = None) -> int:
    multiprocessing.freeze_support()  # extraction workers in a frozen (PyInstaller) build
    args = parse_args(sys.argv[1:] if argv is None else argv)
    if _no_display():
        print(
            "casefile-gui: no display found (DISPLAY/WAYLAND_DISPLAY unset); "
            "use the command line instead: casefile --help",
            file=sys.stderr,
        )
        return 2
    app = make_app()
    from PySide6.QtCore import QTimer

    from casefile.ui.settings import Settings

    install_stored_language(Settings())

    from casefile.ui.main_window import MainWindow  # light: the core loads as a case opens

    window = MainWindow()
    window.show()
    # Once the window and the case are up (the fork server would compete with them for
    # the CPU); an import started before then starts the workers itself.
    QTimer.singleShot(WARM_UP_DELAY_MS, start_warm_up)
    if args.demo:
        window.open_demo()
    elif args.case:
        window.open_case(args.case, readonly=args.read_only)
    return int(app.exec())  # type: ignore[attr-defined]


if __name__ == "__main__":
    sys.exit(main())
