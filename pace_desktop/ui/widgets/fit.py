"""Sizing windows to the screen they open on: never taller or wider than the space a person has.

The smallest supported screens are 1280x720 at 100% and 1366x768 at 125% (README). A window asks
for its preferred size and gets at most the screen's available area less room for the window
manager's frame and title bar; the content scrolls inside, so Save, Close and the status line stay
in view.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect, QSize, Qt, QTimer
from PySide6.QtGui import QGuiApplication, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QScrollBar,
    QWidget,
)

FRAME = (12, 48)  # width and height a window manager's border and title bar may take


def make_scrollable(area: QScrollArea, body: QWidget) -> None:
    """Put ``body`` in ``area`` without a frame or a grey backdrop: the tab's white shows through.

    ``area`` must not hold a widget yet (its viewport is replaced, and what it held with it)."""
    # The viewport is made here, without a backdrop, rather than read back with area.viewport():
    # the first widget Qt hands to Python makes PySide6 build the enum classes of every widget
    # class it might be (66 of them, about 10 ms before the unlock screen could be painted).
    viewport = QWidget()
    viewport.setObjectName("qt_scrollarea_viewport")  # the name Qt gives its own
    viewport.setAutoFillBackground(False)
    area.setViewport(viewport)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    # Not a Tab stop of its own: focus goes straight to the inputs, and the area scrolls to them.
    area.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    area.setWidget(body)
    body.setAutoFillBackground(False)


def fit_to_screen(window: QWidget, width: int, height: int) -> None:
    """Resize ``window`` to ``width`` x ``height``, or to the screen's available area if smaller."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    room_w, room_h = area.width() - FRAME[0], area.height() - FRAME[1]
    window.setMinimumSize(min(window.minimumWidth(), room_w), min(window.minimumHeight(), room_h))
    window.resize(min(width, room_w), min(height, room_h))


def cap_to_screen(window: QWidget) -> None:
    """Never let ``window`` grow past the screen (e.g. when an error summary appears): its content
    scrolls instead, so the buttons below stay in view."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    window.setMaximumSize(area.width() - FRAME[0], area.height() - FRAME[1])


def grow_on_screen(window: QWidget) -> None:
    """``adjustSize`` for a window already shown (a line arrived after it was placed), then move it
    back inside the screen's available area if it grew past an edge: a window grows right and down
    from where it stands, and on a small screen (1366x768 at 125%) its buttons would end up below
    the screen's edge."""
    frame, inner = window.frameGeometry(), window.geometry()  # as placed: the frame's margins
    if frame == inner and window.isVisible():
        # Not framed yet (a busy machine: the window manager has not answered): leave room for the
        # border and title bar it will add, or the title bar would land above the screen's top edge.
        left, top = FRAME[0] // 2, FRAME[1] - FRAME[0] // 2
        frame = QRect(inner.topLeft() - QPoint(left, top), inner.size() + QSize(*FRAME))
    window.adjustSize()
    if not window.isVisible():
        return
    # The new size, as adjustSize chose it (the window manager reports the new frame only later).
    size = window.sizeHint().expandedTo(window.minimumSize()).boundedTo(window.maximumSize())
    size = size.expandedTo(window.size())
    grown = QRect(frame.topLeft(), size + (frame.size() - inner.size()))
    screen = window.screen() or QGuiApplication.primaryScreen()
    area = screen.availableGeometry()
    dx = max(area.left() - grown.left(), min(0, area.right() - grown.right()))
    dy = max(area.top() - grown.top(), min(0, area.bottom() - grown.bottom()))
    if dx or dy:
        window.move(window.pos() + QPoint(dx, dy))


def scroll_into_view(
    widget: QWidget, margin: int = 16, *, name: QWidget | None = None, settle: bool = False
) -> None:
    """Scroll every scroll area around ``widget`` so all of it, and ``margin`` px round it for its
    focus edge, is in view, moving as little as possible.

    ``name`` is the visible text that names the widget (its label, or a page's heading): it comes into
    view too when both fit. ``settle`` first lays out what is still queued (a page shown a moment ago,
    or restyled for larger text), so the positions are the ones a person will see. The one way the
    app brings a control into view: focus changes, error-summary links and the kiosk's pages.
    """
    if settle:
        QApplication.sendPostedEvents(None, QEvent.Type.LayoutRequest)
    ancestor = widget.parentWidget()
    while ancestor is not None:
        body = ancestor.widget() if isinstance(ancestor, QScrollArea) else None
        if isinstance(ancestor, QScrollArea) and body is not None and body.isAncestorOf(widget):
            # Not ensureWidgetVisible: for a text box it only brings the cursor into view.
            corner = widget.mapTo(body, QPoint(0, 0))
            low, high = corner.y() - margin, corner.y() + widget.height() + margin
            if name is not None and body.isAncestorOf(name):
                name_top = name.mapTo(body, QPoint(0, 0)).y() - margin
                if high - name_top <= ancestor.viewport().height():
                    low = min(low, name_top)
            _bring(ancestor.verticalScrollBar(), ancestor.viewport().height(), low, high)
            _bring(
                ancestor.horizontalScrollBar(),
                ancestor.viewport().width(),
                corner.x() - margin,
                corner.x() + widget.width() + margin,
            )
        ancestor = ancestor.parentWidget()


def _bring(bar: QScrollBar, span: int, low: int, high: int) -> None:
    """Move ``bar`` as little as possible so ``low``..``high`` is in its ``span``; when it cannot all
    be, its start is (a tall box shows where it begins)."""
    if low < bar.value():
        bar.setValue(low)
    elif high > bar.value() + span:
        bar.setValue(min(low, high - span))


def keep_focus_in_view(app: QApplication) -> None:
    """Wherever focus goes (Tab, a shortcut, an error link), the focused widget is scrolled into
    view: typing never goes into a box nobody can see (WCAG 2.4.11, focus not obscured)."""
    if not app.property("paceFocusInView"):
        app.setProperty("paceFocusInView", True)
        app.focusChanged.connect(lambda _old, new: scroll_into_view(new) if new is not None else None)


class ScrollBody(QScrollArea):
    """A dialog's body that scrolls only when the screen is too short for it: it asks for all the
    height its content needs at its width (wrapped text included), where a plain scroll area asks
    for a fixed few lines. With ``cap_to_screen`` on the dialog its buttons, outside the body, stay
    in view."""

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_scrollable(self, body)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt API
        body = self.widget()
        if body is None:
            return super().sizeHint()
        hint = body.sizeHint()
        width = max(hint.width(), self.viewport().width() if self.isVisible() else 0)
        height = body.heightForWidth(width) if body.hasHeightForWidth() else hint.height()
        frame = 2 * self.frameWidth()
        return QSize(hint.width() + frame, max(height, hint.height()) + frame)


class PageScroll(QScrollArea):
    """A page that fills its window when it fits and scrolls when it does not.

    A resizable scroll area would squeeze its page to the page's minimum size, which takes a wrapped
    label as one line (its text then cut), or, for a page with wrapped text, give every table its
    preferred height (the page then scrolls on a screen it fitted). Here the page gets the view's
    height, or its minimum height, then grows only as far as its wrapped labels need.
    """

    def __init__(self, body: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        make_scrollable(self, body)
        self.setWidgetResizable(False)
        self._fitting = False
        body.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if watched is self.widget() and event.type() == QEvent.Type.LayoutRequest:
            QTimer.singleShot(0, self, self.fit_page)  # once laid out anew; dropped if the page is gone
        return False

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self.fit_page()

    def fit_page(self) -> None:
        body = self.widget()
        if body is None or self._fitting:
            return
        self._fitting = True
        try:
            view, least = self.viewport().size(), body.minimumSizeHint()
            width, height = max(view.width(), least.width()), max(view.height(), least.height())
            for _ in range(8):
                if body.size() != QSize(width, height):
                    body.resize(width, height)
                if body.layout() is not None:
                    body.layout().activate()
                short = _text_short_of_height(body)
                if short == 0:
                    break
                height += short
        finally:
            self._fitting = False


_SQUEEZABLE = (QLabel, QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox)


def _text_short_of_height(body: QWidget) -> int:
    """How many pixels the most squeezed label, button, input or laid-out group in ``body`` lacks
    (0: none is cut): a word-wrapped label needs its height for its width, any other its minimum
    height (a group: its layout's). Those inside a scroll area of their own scroll there."""
    short = 0
    for widget in body.findChildren(QWidget):
        squeezable = isinstance(widget, _SQUEEZABLE) or widget.layout() is not None
        if not squeezable or not widget.isVisibleTo(body):
            continue
        parent = widget.parentWidget()
        while parent is not None and parent is not body and not isinstance(parent, QAbstractScrollArea):
            parent = parent.parentWidget()
        if parent is not body:
            continue
        if isinstance(widget, QLabel) and widget.wordWrap():
            needed = widget.heightForWidth(widget.width())
        else:
            needed = widget.minimumSizeHint().height()
        short = max(short, needed - widget.height())
    return short
