"""Look and feel: every menu action reachable by keyboard, icons present and tinted for
the palette, the dark palette, and `make screenshots` producing non-empty pictures."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPalette
from PySide6.QtWidgets import QApplication

from casefile.ui.icons import ICON_DIR, icon


def test_every_menu_action_has_a_shortcut_or_mnemonic(window) -> None:
    for menu_action in window.menuBar().actions():
        assert "&" in menu_action.text(), menu_action.text()
        for action in menu_action.menu().actions():
            if action.isSeparator() or action.menu() is not None:
                continue
            assert "&" in action.text() or not action.shortcut().isEmpty(), action.text()


def test_icons_exist_and_render_sharp_at_high_dpi(window) -> None:
    names = [p.stem for p in ICON_DIR.glob("*.svg")]
    assert len(names) >= 30
    for name in names:
        pm = icon(name).pixmap(QSize(24, 24), 2.0)
        assert pm.width() == 48, name  # rendered for the device pixel ratio, not scaled
        image = pm.toImage()
        assert any(image.pixelColor(x, y).alpha() for x in range(48) for y in range(48)), name


def test_dark_palette_tints_icons_light(window) -> None:
    from casefile.ui.app import apply_dark_palette, is_dark

    app = QApplication.instance()
    saved = app.palette()
    try:
        apply_dark_palette(app)
        assert is_dark(app.palette())
        image: QImage = icon("search").pixmap(QSize(32, 32), 1.0).toImage()
        inked = [
            image.pixelColor(x, y)
            for x in range(32)
            for y in range(32)
            if image.pixelColor(x, y).alpha() > 200
        ]
        assert inked and min(c.lightness() for c in inked) > 128  # light ink on dark
    finally:
        app.setPalette(saved)
    assert app.palette().color(QPalette.ColorRole.Window) != QColor("#2b2d31")


def test_screenshots_render_every_view(tmp_path: Path, window) -> None:
    from casefile.ui.screenshots import render

    window.close()
    app = QApplication.instance()
    saved = app.palette()
    try:
        shots = render(tmp_path / "shots", tmp_path / "work")
    finally:
        app.setPalette(saved)
    assert len(shots) >= 5
    for shot in shots:
        image = QImage(str(shot))
        assert image.width() >= 700 and image.height() >= 280, shot
        colours = {
            image.pixel(x, y)
            for x in range(0, image.width(), 37)
            for y in range(0, image.height(), 37)
        }
        assert len(colours) > 4, f"{shot.name} looks empty"
