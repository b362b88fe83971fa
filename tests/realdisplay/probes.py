"""What a person sees on the real display, measured from the screen itself.

Shared by every real-display test: does a window fit the screen, is the focused widget on screen and
not clipped by a scroll area, and can its focus be seen (WCAG 2.2: 2.4.7 focus visible, 1.4.11 a
focus indicator of at least 3:1 against what was there before). Pixels come from the X server
(``QScreen.grabWindow``), not from Qt's own rendering, so clipping and overlap show as they would.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage
from PySide6.QtWidgets import QAbstractScrollArea, QApplication, QWidget

FOCUS_MARGIN = 4  # px around a widget where an outline or ring may be drawn


def show_settled(qtbot, window: QWidget) -> None:
    """Show ``window`` and wait until the window manager has placed it and given it focus: until
    then Qt's idea of where it is (and so every global coordinate) is stale."""
    window.show()
    qtbot.waitExposed(window)
    last = None
    for _ in range(40):
        qtbot.wait(25)
        now = window.frameGeometry()
        if now == last:
            break
        last = now
    window.activateWindow()
    window.raise_()
    qtbot.waitActive(window)


def screen_rect() -> QRect:
    """The area windows may use (the whole screen under Openbox without panels)."""
    return QGuiApplication.primaryScreen().availableGeometry()


def global_rect(widget: QWidget) -> QRect:
    return QRect(widget.mapToGlobal(QPoint(0, 0)), widget.size())


def fit_problems(window: QWidget) -> list[str]:
    """Why ``window`` (frame included) does not fit the screen; empty when it does."""
    screen = screen_rect()
    frame = window.frameGeometry()
    problems = []
    if frame.width() > screen.width() or frame.height() > screen.height():
        problems.append(
            f"{type(window).__name__} is {frame.width()}x{frame.height()}, "
            f"the screen {screen.width()}x{screen.height()}"
        )
    elif not screen.contains(frame):
        problems.append(f"{type(window).__name__} at {frame.x()},{frame.y()} runs off the screen")
    return problems


def visible_part(widget: QWidget) -> QRect:
    """The part of ``widget`` a person can see: clipped by every parent (scroll areas included) and
    by the screen, in global coordinates. Empty when hidden or scrolled away."""
    if not widget.isVisible():
        return QRect()
    local = widget.visibleRegion().boundingRect()
    if local.isEmpty():
        return QRect()
    rect = QRect(widget.mapToGlobal(local.topLeft()), local.size())
    return rect.intersected(screen_rect())


def fully_visible(widget: QWidget, slack: int = 1) -> bool:
    """True when all of ``widget`` (less ``slack`` px) is on screen and inside its scroll areas."""
    whole = global_rect(widget).adjusted(slack, slack, -slack, -slack)
    return visible_part(widget).contains(whole)


def grab(rect: QRect) -> QImage:
    """The screen's pixels in ``rect`` (global coordinates), as the X server has them."""
    QApplication.processEvents()
    screen = QGuiApplication.primaryScreen()
    return screen.grabWindow(0, rect.x(), rect.y(), rect.width(), rect.height()).toImage()


def luminance(color: QColor) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * channel(color.red()) + 0.7152 * channel(color.green()) + 0.0722 * channel(color.blue())


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""
    la, lb = sorted((luminance(a), luminance(b)), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _strong_changes(before: QImage, after: QImage) -> int:
    """How many pixels changed between the grabs by at least 3:1 (compared as raw 32-bit words,
    so only changed pixels are measured)."""
    width, height = min(before.width(), after.width()), min(before.height(), after.height())
    a = before.convertToFormat(QImage.Format.Format_RGB32).copy(0, 0, width, height)
    b = after.convertToFormat(QImage.Format.Format_RGB32).copy(0, 0, width, height)
    old_words, new_words = memoryview(a.constBits()).cast("I"), memoryview(b.constBits()).cast("I")
    cache: dict[tuple[int, int], bool] = {}
    strong = 0
    for old, new in zip(old_words, new_words, strict=True):
        if old == new:
            continue
        pair = (old, new)
        if pair not in cache:
            cache[pair] = contrast(QColor.fromRgb(old), QColor.fromRgb(new)) >= 3.0
        strong += cache[pair]
    return strong


@dataclass
class FocusChange:
    """How focusing a widget changed the pixels around it."""

    pixels_at_3_to_1: int  # pixels whose focused colour is at least 3:1 against the unfocused one
    perimeter: int  # the widget's perimeter in px: a 1 px outline all round has this many pixels

    @property
    def visible(self) -> bool:
        """At least as many 3:1 pixels as a 1 px outline all round the widget would have."""
        return self.pixels_at_3_to_1 >= self.perimeter


def focus_change(widget: QWidget, settle=None) -> FocusChange:
    """Grab the screen around ``widget`` without focus and with keyboard focus, and measure the
    indicator. ``settle`` (e.g. ``qtbot.wait``) lets the X server repaint between the grabs."""
    settle = settle or (lambda ms: QApplication.processEvents())
    area = global_rect(widget).adjusted(-FOCUS_MARGIN, -FOCUS_MARGIN, FOCUS_MARGIN, FOCUS_MARGIN)
    widget.window().setFocus()
    if widget.hasFocus():
        widget.clearFocus()
    settle(80)
    before = grab(area)
    from PySide6.QtCore import Qt

    widget.setFocus(Qt.FocusReason.TabFocusReason)
    settle(80)
    after = grab(area)
    strong = _strong_changes(before, after)
    return FocusChange(strong, 2 * (widget.width() + widget.height()))


def in_front(qtbot, window: QWidget, server, timeout: int = 3000) -> bool:
    """True once ``window`` is mapped, exposed, active and the X server's active window (what the
    window manager says is in front), within ``timeout`` ms."""
    import subprocess

    def check() -> bool:
        handle = window.windowHandle()
        if handle is None or not handle.isExposed() or not window.isActiveWindow():
            return False
        active = subprocess.run(
            ["xdotool", "getactivewindow"], env=server.env(), capture_output=True, text=True
        ).stdout.strip()
        return active.isdigit() and int(active) == int(window.winId())

    try:
        qtbot.waitUntil(check, timeout=timeout)
    except AssertionError:
        return False
    return True


def tab_problems(qtbot, window, stop, limit: int = 40) -> list[str]:
    """Press Tab (as Qt key events) from the focused widget until ``stop`` or ``limit``; return
    each stop that was not fully visible or had no focus indicator of 3:1."""
    problems = []
    seen = set()
    for _ in range(limit):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        qtbot.wait(20)
        widget = QApplication.focusWidget()
        if widget is None or widget is stop or id(widget) in seen:
            break
        seen.add(id(widget))
        name = widget.accessibleName() or type(widget).__name__
        if not fully_visible(widget):
            problems.append(f"{name}: not fully on screen ({visible_part(widget)} of {global_rect(widget)})")
            continue
        change = focus_change(widget, qtbot.wait)
        if not change.visible:
            problems.append(f"{name}: focus indicator {change}")
        widget.setFocus(Qt.FocusReason.TabFocusReason)
    return problems


def error_link_problems(qtbot, summary) -> list[str]:
    """Activate each link of an error summary in turn; the problems where the field it focuses is
    not fully on screen or shows no focus indicator of 3:1."""
    problems = []
    for index in range(len(summary.links)):
        link = summary.links[index]
        qtbot.mouseClick(link, Qt.MouseButton.LeftButton)
        qtbot.wait(30)
        field = QApplication.focusWidget()
        if field is None or field is link or not fully_visible(field):
            problems.append(f"{link.text()}: the field is not on screen")
        elif not focus_change(field, qtbot.wait).visible:
            problems.append(f"{link.text()}: no visible focus")
    return problems


def _layout_widgets(layout) -> list[QWidget]:
    """The widgets a layout (and the layouts inside it) places."""
    found = []
    for index in range(layout.count()):
        item = layout.itemAt(index)
        if item.widget() is not None:
            found.append(item.widget())
        elif item.layout() is not None:
            found += _layout_widgets(item.layout())
    return found


def _text_problem(widget: QWidget) -> str | None:
    """Why ``widget``'s text does not fit it (None when it does): a label's plain text measured with
    its font metrics against its contents rectangle, a word-wrapped or rich-text label by the height
    it needs at its width, a button by the size its style needs for its text."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QLineEdit, QToolButton

    if isinstance(widget, QLabel):
        text = widget.text()
        if not text or widget.pixmap() is not None and not widget.pixmap().isNull():
            return None
        room = widget.contentsRect()
        indent = max(widget.indent(), 0) + widget.margin() * 2
        if widget.wordWrap() or widget.textFormat() == Qt.TextFormat.RichText or "<" in text:
            if widget.wordWrap():
                needed = widget.heightForWidth(widget.width())
                if needed > widget.height():
                    return f"needs {needed} px of height, has {widget.height()}"
                return None
            hint = widget.sizeHint()
            if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 1:
                return f"needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
            return None
        metrics = widget.fontMetrics()
        lines = text.replace("&&", "&").split("\n")
        if widget.buddy() is not None:  # a mnemonic's & is not drawn
            lines = [line.replace("&", "", 1) for line in lines]
        wide = max(metrics.horizontalAdvance(line) for line in lines) + indent
        tall = metrics.height() * len(lines)
        if wide > room.width() + 1 or tall > room.height() + 1:
            return f"needs {wide}x{tall}, has {room.width()}x{room.height()}"
        return None
    if isinstance(widget, QToolButton) and isinstance(widget.parentWidget(), QLineEdit):
        # A line edit's action: drawn as its icon alone, whatever its text (the accessible name).
        return "an action with no icon: nothing shows it" if widget.icon().isNull() else None
    if isinstance(widget, QAbstractButton) and widget.text():
        hint = widget.sizeHint()
        if hint.width() > widget.width() + 1 or hint.height() > widget.height() + 2:
            return f"needs {hint.width()}x{hint.height()}, has {widget.width()}x{widget.height()}"
    return None


def clipping_problems(root: QWidget) -> list[str]:
    """Every visible label or button under ``root`` whose text is cut by its own size, and every
    two widgets a layout places side by side that overlap (a layout squeezed below what its widgets
    need draws them over each other). Scrolled-away parts do not count: a scroll area shows them."""
    from PySide6.QtWidgets import QAbstractButton, QLabel

    problems = []
    widgets = [root, *root.findChildren(QWidget)]
    for widget in widgets:
        if not widget.isVisible() or widget.window() is not root.window():
            continue
        name = widget.objectName()
        if name.startswith("qt_"):
            continue  # Qt's own parts (scroll bars' containers, a tab bar's scroll buttons)
        if isinstance(widget, QLabel | QAbstractButton):
            problem = _text_problem(widget)
            if problem:
                text = widget.text().replace("\n", " ")
                problems.append(f"{type(widget).__name__} {text[:60]!r}: {problem}")
        squeezed = _squeezed(widget)
        if squeezed:
            problems.append(f"{_describe(widget)}: {squeezed}")
        layout = widget.layout()
        if layout is None:
            continue
        placed = [w for w in _layout_widgets(layout) if w.isVisible() and w.parentWidget() is widget]
        for i, first in enumerate(placed):
            for second in placed[i + 1 :]:
                if first.geometry().intersects(second.geometry()):
                    problems.append(
                        f"{_describe(first)} overlaps {_describe(second)} in {type(widget).__name__}"
                    )
    return problems


def _squeezed(widget: QWidget) -> str | None:
    """An input, or a group laid out by its own layout, given less height than its layout's minimum:
    its parts are cut off at its edge (each part, at its own full size, looks fine)."""
    from PySide6.QtWidgets import QAbstractSpinBox, QComboBox, QLineEdit

    if not (isinstance(widget, QLineEdit | QComboBox | QAbstractSpinBox) or widget.layout() is not None):
        return None
    if isinstance(widget.parentWidget(), QAbstractScrollArea):
        return None  # a scroll area's body: it scrolls
    # A few pixels short is a frame drawn a little tighter (a date box's own editor, styled inputs);
    # a squeezed group loses whole rows (the Partners page lost 14 and 32 px).
    need = widget.minimumSizeHint().height()
    if need > 0 and widget.height() < need - 4:
        return f"squeezed to {widget.height()} px of the {need} px it needs"
    return None


def _describe(widget: QWidget) -> str:
    text = getattr(widget, "text", None)
    shown = text() if callable(text) else widget.objectName()
    return f"{type(widget).__name__} {str(shown)[:40]!r}"
