"""Render the app's icon (resources/icons/hervest.svg, also the window icon) to the PNG, ICO
and ICNS files the builds and the Linux desktop entry use.

Run after changing the SVG (the outputs are committed, so a Windows or macOS build machine
needs nothing but PyInstaller): python packaging/make_icons.py"""

from __future__ import annotations

import io
import os
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PIL import Image
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parent / "icons"
SOURCE = Path(__file__).resolve().parent.parent / "resources" / "icons" / "hervest.svg"


def render(svg: Path, size: int) -> Image.Image:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    QSvgRenderer(str(svg)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return Image.open(io.BytesIO(bytes(data))).convert("RGBA")


def main() -> None:
    _app = QGuiApplication([])
    big = render(SOURCE, 1024)
    big.resize((256, 256), Image.LANCZOS).save(ICONS / "hervest.png")
    big.save(ICONS / "hervest.ico", sizes=[(s, s) for s in (16, 24, 32, 48, 64, 128, 256)])
    big.save(ICONS / "hervest.icns")


if __name__ == "__main__":
    main()
