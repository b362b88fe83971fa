"""Paint the one-page impact summary (``reports.impact_summary.SummaryPage``) as PNG or PDF.

Qt draws it (QPainter on a QImage, or QPdfWriter for A4 PDF): Qt already ships with the app, so no
charting package is needed. The command line imports this lazily; with no display it uses Qt's
offscreen platform.
"""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QImage, QPageSize, QPainter, QPdfWriter, QPen

from pace_desktop.errors import UsageError
from pace_desktop.reports.impact_summary import SummaryPage
from pace_desktop.ui import i18n

WIDTH, HEIGHT = 1600, 1131  # A4 landscape proportions
COLOURS = ["#1d70b8", "#00703c", "#f47738", "#d4351c", "#4c2c92", "#505a5f"]
INK = QColor("#0b0c0c")
GRID = QColor("#b1b4b6")


def _app() -> QGuiApplication:
    """The running application, or a new one (a QApplication, so that widgets can follow in the
    same process, as in the test run)."""
    app = QGuiApplication.instance()
    if app is None:
        from PySide6.QtWidgets import QApplication

        if not os.environ.get("DISPLAY") and not os.environ.get("WAYLAND_DISPLAY"):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication([])
    return app  # type: ignore[return-value]


def _font(p: QPainter, size: float, bold: bool = False) -> None:
    f = QFont("Sans Serif")
    f.setPixelSize(round(size))
    f.setBold(bold)
    p.setFont(f)


def paint(p: QPainter, page: SummaryPage) -> None:
    """Draw the page into a WIDTH × HEIGHT area."""
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.fillRect(QRectF(0, 0, WIDTH, HEIGHT), QColor("white"))
    p.setPen(INK)
    _font(p, 44, True)
    p.drawText(QPointF(60, 90), page.title)
    _font(p, 20)
    p.drawText(
        QPointF(60, 125),
        QCoreApplication.translate("ImpactPage", "PACE impact summary, produced {date}").format(
            date=page.produced
        ),
    )
    p.fillRect(QRectF(60, 140, WIDTH - 120, 6), QColor("#1d70b8"))
    # Left: the headline figures.
    y = 200
    for label, value in page.facts:
        _font(p, 22)
        p.drawText(QRectF(60, y - 26, 430, 34), Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, label)
        _font(p, 26, True)
        p.drawText(QRectF(490, y - 28, 160, 36), Qt.AlignmentFlag.AlignRight, value)
        p.setPen(QPen(GRID, 1))
        p.drawLine(QPointF(60, y + 14), QPointF(650, y + 14))
        p.setPen(INK)
        y += 60
    _curves(p, page, QRectF(760, 190, 780, 520))
    _bars(p, page, QRectF(60, y + 20, 590, 200))
    _font(p, 19)
    top = max(y + 260, 800)
    for note in page.notes:
        rect = QRectF(60, top, WIDTH - 120, 70)
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextWordWrap, note)
        top += 60


def _curves(p: QPainter, page: SummaryPage, box: QRectF) -> None:
    _font(p, 24, True)
    p.drawText(
        QPointF(box.left(), box.top() - 10),
        QCoreApplication.translate("ImpactPage", "Share back in work, by months after leaving"),
    )
    plot = box.adjusted(70, 20, -10, -60)
    _font(p, 17)
    p.setPen(QPen(GRID, 1))
    for i in range(0, 11, 2):
        yy = plot.bottom() - plot.height() * i / 10
        p.drawLine(QPointF(plot.left(), yy), QPointF(plot.right(), yy))
        p.setPen(INK)
        p.drawText(
            QRectF(plot.left() - 70, yy - 12, 60, 24), Qt.AlignmentFlag.AlignRight, i18n.percent(i / 10)
        )
        p.setPen(QPen(GRID, 1))
    max_month = 24
    for m in range(0, max_month + 1, 3):
        xx = plot.left() + plot.width() * m / max_month
        p.setPen(INK)
        p.drawText(QRectF(xx - 20, plot.bottom() + 6, 40, 24), Qt.AlignmentFlag.AlignCenter, i18n.number(m))
    p.drawText(
        QRectF(plot.left(), plot.bottom() + 30, plot.width(), 24),
        Qt.AlignmentFlag.AlignCenter,
        QCoreApplication.translate("ImpactPage", "months after leaving"),
    )
    legend_y = box.bottom() + 20
    for i, (label, points) in enumerate(page.curves[: len(COLOURS)]):
        colour = QColor(COLOURS[i])
        p.setPen(QPen(colour, 4 if i == 0 else 3))
        months = sorted(points)
        prev = None
        for m in months:  # a step line: flat until the next month's estimate
            x = plot.left() + plot.width() * m / max_month
            y = plot.bottom() - plot.height() * points[m]
            if prev is not None:
                p.drawLine(QPointF(prev[0], prev[1]), QPointF(x, prev[1]))
                p.drawLine(QPointF(x, prev[1]), QPointF(x, y))
            prev = (x, y)
        lx = box.left() + 70 + (i % 3) * 240
        ly = legend_y + (i // 3) * 30
        p.drawLine(QPointF(lx, ly), QPointF(lx + 30, ly))
        p.setPen(INK)
        p.drawText(QPointF(lx + 40, ly + 6), label)


def _bars(p: QPainter, page: SummaryPage, box: QRectF) -> None:
    _font(p, 22, True)
    p.setPen(INK)
    p.drawText(
        QPointF(box.left(), box.top()),
        QCoreApplication.translate("ImpactPage", "Sustained work (of those known)"),
    )
    _font(p, 19)
    y = box.top() + 20
    for label, value in page.bars:
        p.drawText(QRectF(box.left(), y, 250, 36), Qt.AlignmentFlag.AlignVCenter, label)
        width = (box.width() - 350) * (value or 0)
        p.fillRect(QRectF(box.left() + 260, y + 4, width, 28), QColor("#00703c"))
        p.drawText(
            QRectF(box.left() + 270 + width, y, 80, 36),
            Qt.AlignmentFlag.AlignVCenter,
            "*" if value is None else i18n.percent(value),
        )
        y += 46


def render(page: SummaryPage, out: Path | str) -> Path:
    """Write the page to ``out`` (.png or .pdf), replacing it only once it is complete."""
    from pace_desktop.store.atomic import write_atomic

    out = Path(out)
    suffix = out.suffix.lower()
    if suffix not in (".png", ".pdf"):
        raise UsageError("Give the summary a file name ending in .png or .pdf.")
    if not out.parent.is_dir():
        raise UsageError("The folder for the summary does not exist.")
    _app()
    if suffix == ".png":
        image = QImage(WIDTH, HEIGHT, QImage.Format.Format_RGB32)
        painter = QPainter(image)
        try:
            paint(painter, page)
        finally:
            painter.end()
        from PySide6.QtCore import QBuffer, QByteArray, QIODevice

        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        image.save(buffer, "PNG")
        write_atomic(out, bytes(data.data()))
        return out
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setPageSize(QPageSize(QPageSize.PageSizeId.A4))
    from PySide6.QtGui import QPageLayout

    writer.setPageOrientation(QPageLayout.Orientation.Landscape)
    writer.setResolution(150)
    painter = QPainter(writer)
    try:
        scale = min(painter.viewport().width() / WIDTH, painter.viewport().height() / HEIGHT)
        painter.scale(scale, scale)
        paint(painter, page)
    finally:
        painter.end()
    buffer.close()
    write_atomic(out, bytes(data.data()))
    return out
