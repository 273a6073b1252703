"""Render the app icon (resources/icons/casefile.svg) to PNG at the freedesktop sizes,
into packaging/linux/icons/hicolor/ (committed; run again when the SVG changes):

    QT_QPA_PLATFORM=offscreen python packaging/linux/render_icons.py

The 256 px PNG is also the Windows and macOS icon (PyInstaller converts it).
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

HERE = Path(__file__).resolve().parent
SOURCE = HERE.parent.parent / "resources" / "icons" / "casefile.svg"
ICON_NAME = "org.casefile.Casefile"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)


def render(svg: Path, size: int) -> QImage:
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg} is not a valid SVG")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter, QRectF(0, 0, size, size))
    painter.end()
    return image


def main(out: Path = HERE / "icons" / "hicolor") -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    for size in SIZES:
        folder = out / f"{size}x{size}" / "apps"
        folder.mkdir(parents=True, exist_ok=True)
        if not render(SOURCE, size).save(str(folder / f"{ICON_NAME}.png")):
            raise SystemExit(f"could not write the {size} px icon")
    scalable = out / "scalable" / "apps"
    scalable.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(SOURCE, scalable / f"{ICON_NAME}.svg")
    return 0


if __name__ == "__main__":
    sys.exit(main())
