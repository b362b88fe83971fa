"""A white card centred on a page (unlock, first run, office set-up), sized so wrapped text always has
room, and scrolling when the page is shorter than the card (a small screen, an error summary)."""

from __future__ import annotations

from PySide6.QtWidgets import QFrame, QHBoxLayout, QScrollArea, QSizePolicy, QVBoxLayout, QWidget

from pace_desktop.ui.widgets.fit import make_scrollable


def centred_card(owner: QWidget, *, width: int) -> tuple[QFrame, QVBoxLayout]:
    """A card ``width`` pixels wide (less on a narrow window) in the middle of ``owner``.

    Placed between stretches rather than with an alignment flag: an aligned widget only ever gets
    its size hint, which ignores how tall wrapped labels become, so the last rows would be cut off.
    """
    card = QFrame()
    card.setObjectName("card")
    card.setMaximumWidth(width)
    card.setMinimumWidth(min(width, 480))
    card.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
    inner = QVBoxLayout(card)
    inner.setContentsMargins(32, 24, 32, 24)
    inner.setSpacing(14)
    row = QHBoxLayout()
    row.addStretch(1)
    row.addWidget(card, 8)
    row.addStretch(1)
    body = QWidget()
    outer = QVBoxLayout(body)
    outer.setContentsMargins(24, 24, 24, 24)
    outer.addStretch(1)
    outer.addLayout(row)
    outer.addStretch(2)
    # Squeezed into a short window (1280x720, or 1366x768 at 125%, with an error summary shown) the
    # card's rows were cut; in a scroll area it keeps the height its wrapped text needs.
    area = QScrollArea()
    make_scrollable(area, body)
    page = QVBoxLayout(owner)
    page.setContentsMargins(0, 0, 0, 0)
    page.addWidget(area)
    return card, inner
