"""The project's own SVG icons, tinted to the palette so they read in light and dark.

Icons are drawn in `currentColor`; an icon engine substitutes the palette's text colour
and renders the SVG at exactly the size (and device-pixel ratio) Qt asks for, lazily, so
they stay sharp on high-DPI screens and cost nothing at start-up.
"""

from __future__ import annotations

from functools import cache

from PySide6.QtCore import QByteArray, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QIcon, QIconEngine, QImage, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer
from PySide6.QtWidgets import QApplication

from casefile.resources import resources_dir

ICON_DIR = resources_dir() / "icons"


_tint_cache: tuple[int, tuple[str, str]] | None = None


def _tint() -> tuple[str, str]:
    """The text colour, and a faded one (a third of the way to the background).

    Kept per palette (by its cache key): `icon()` runs in every table paint, and a dozen
    calls into Qt per icon add up, each one handing the interpreter to a busy
    background thread and waiting to get it back."""
    global _tint_cache
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        return "#2b3440", "#a0a6ad"
    pal = app.palette()
    key = pal.cacheKey()
    if _tint_cache is not None and _tint_cache[0] == key:
        return _tint_cache[1]
    fg = pal.color(QPalette.ColorRole.WindowText)
    bg = pal.color(QPalette.ColorRole.Window)
    faded = QColor(
        (fg.red() + bg.red() * 2) // 3,
        (fg.green() + bg.green() * 2) // 3,
        (fg.blue() + bg.blue() * 2) // 3,
    )
    _tint_cache = (key, (fg.name(), faded.name()))
    return _tint_cache[1]


class _SvgEngine(QIconEngine):
    def __init__(self, source: str, tint: tuple[str, str]) -> None:
        super().__init__()
        self._source = source
        self._tint = tint
        self._renderers: dict[bool, QSvgRenderer] = {}
        self._cache: dict[tuple[int, int, bool], QPixmap] = {}

    def _renderer(self, disabled: bool) -> QSvgRenderer:
        if disabled not in self._renderers:
            colour = self._tint[1] if disabled else self._tint[0]
            data = QByteArray(self._source.replace("currentColor", colour).encode())
            self._renderers[disabled] = QSvgRenderer(data)
        return self._renderers[disabled]

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        """Item views draw icons through here, every row on every repaint: draw the
        cached pixmap (rendering the SVG each time cost ~40 µs a call) at the device's
        pixel ratio, so it stays sharp on high-DPI screens."""
        device = painter.device()
        ratio = device.devicePixelRatioF() if device is not None else 1.0
        painter.drawPixmap(rect, self.scaledPixmap(rect.size(), mode, state, ratio))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        disabled = mode == QIcon.Mode.Disabled
        key = (size.width(), size.height(), disabled)
        if key not in self._cache:
            image = QImage(size, QImage.Format.Format_ARGB32_Premultiplied)
            image.fill(Qt.GlobalColor.transparent)
            painter = QPainter(image)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            self._renderer(disabled).render(painter, QRectF(0, 0, size.width(), size.height()))
            painter.end()
            self._cache[key] = QPixmap.fromImage(image)
        return self._cache[key]

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pm = self.pixmap(
            QSize(round(size.width() * scale), round(size.height() * scale)), mode, state
        )
        pm.setDevicePixelRatio(scale)
        return pm

    def clone(self) -> QIconEngine:
        return _SvgEngine(self._source, self._tint)


@cache
def _icon(name: str, tint: tuple[str, str]) -> QIcon:
    path = ICON_DIR / f"{name}.svg"
    if not path.is_file():
        return QIcon()
    return QIcon(_SvgEngine(path.read_text(encoding="utf-8"), tint))


def icon(name: str) -> QIcon:
    """The named icon (file stem in resources/icons), tinted for the current palette."""
    return _icon(name, _tint())


@cache
def _kind_icon_name(kind: str) -> str:
    name = f"kind-{kind}"
    return name if (ICON_DIR / f"{name}.svg").is_file() else "kind-other"


def kind_icon(kind: str) -> QIcon:
    return icon(_kind_icon_name(kind))


def app_icon() -> QIcon:
    return icon("casefile")


def pixmap(name: str, size: int = 48, ratio: float = 1.0) -> QPixmap:
    return icon(name).pixmap(QSize(size, size), ratio)
