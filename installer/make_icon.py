"""Make the Windows .ico and macOS .icns app icons from resources/icons, with Qt (no Pillow needed).

``python installer/make_icon.py OUT_DIR`` writes OUT_DIR/pace-desktop.ico and OUT_DIR/pace-desktop.icns.
The SVG is drawn afresh at each size, so the small icons stay sharp; the 256-pixel PNG is the
fallback. The spec runs this in its own process, so Qt never starts inside PyInstaller.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt  # noqa: E402 - platform first
from PySide6.QtGui import QGuiApplication, QImage, QImageWriter, QPainter  # noqa: E402

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 128, 256)  # Windows picks one per DPI and place
ICNS_SIZE = 512  # macOS scales down from the largest image in the file


def render(size: int, icons: Path = ICONS) -> QImage:
    """The app icon as a size×size ARGB image, from the SVG when there is one."""
    svg = icons / "pace-desktop.svg"
    if svg.exists():
        from PySide6.QtSvg import QSvgRenderer

        image = QImage(size, size, QImage.Format.Format_ARGB32)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        QSvgRenderer(str(svg)).render(painter)
        painter.end()
        return image
    png = QImage(str(icons / "pace-desktop.png"))
    if png.isNull():
        raise SystemExit(f"no app icon in {icons}: pace-desktop.svg or pace-desktop.png")
    return png.scaled(QSize(size, size), Qt.AspectRatioMode.KeepAspectRatio,
                      Qt.TransformationMode.SmoothTransformation)


def png_bytes(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    if not image.save(buffer, "PNG"):
        raise SystemExit("Qt could not encode a PNG")
    return bytes(data.data())


def ico_bytes(images: dict[int, bytes]) -> bytes:
    """An .ico holding one PNG per size (the layout Windows has read since Vista, as Pillow writes)."""
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset + len(blobs))
        blobs += png
    return header + entries + blobs


def make(out_dir: Path, icons: Path = ICONS) -> tuple[Path, Path | None]:
    """Write the .ico (always) and the .icns (when Qt's icns plugin is present); return their paths."""
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QPainter on QImage needs one
    out_dir.mkdir(parents=True, exist_ok=True)
    ico = out_dir / "pace-desktop.ico"
    ico.write_bytes(ico_bytes({size: png_bytes(render(size, icons)) for size in ICO_SIZES}))
    icns: Path | None = out_dir / "pace-desktop.icns"
    writer = QImageWriter(str(icns), b"icns")
    if not writer.write(render(ICNS_SIZE, icons)):
        icns = None  # only the macOS build needs it, and there the plugin ships with PySide6
    return ico, icns


if __name__ == "__main__":
    if len(sys.argv) != 2:
        raise SystemExit("usage: python installer/make_icon.py OUT_DIR")
    for path in make(Path(sys.argv[1])):
        if path is not None:
            print(path)
