"""Kiosk mode: a full-screen window where members of the public register themselves, one at a time.

The window cannot be closed or left without an adviser's passphrase; it hides the adviser's own
windows while it runs; and whenever a registration is sent, abandoned or left idle, it wipes every
field (text, undo history, the clipboard) and starts again at the welcome page, so nobody sees the
person before.
"""

from __future__ import annotations

import math
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QClipboard, QCloseEvent, QGuiApplication, QKeyEvent, QResizeEvent
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from pace_desktop.errors import PaceError, WrongPassphrase
from pace_desktop.languages import SOURCE_LANGUAGE
from pace_desktop.records.models import Event
from pace_desktop.registration.kiosk.flow import KioskFlow
from pace_desktop.registration.kiosk.mode import ExitGuard, check_exit, record_start
from pace_desktop.registration.kiosk.saving import submit
from pace_desktop.ui.kiosk import i18n
from pace_desktop.ui.kiosk.check_answers import CheckAnswersPage
from pace_desktop.ui.kiosk.exit_page import ExitPage
from pace_desktop.ui.kiosk.notices import (
    ClearConfirmPage,
    DeclinedPage,
    StillTherePage,
    ThankYouPage,
    button,
)
from pace_desktop.ui.kiosk.pages import (
    COLUMN_WIDTH,
    KioskPage,
    QuestionPage,
    build_page,
    ktr,
    label,
)
from pace_desktop.ui.session import Session
from pace_desktop.ui.style import guard_wheel_after_first_paint, stylesheet

THANKS_SECONDS = 20  # the thank-you and "not registered" pages return to welcome on their own
_MODS = (
    Qt.KeyboardModifier.ControlModifier
    | Qt.KeyboardModifier.AltModifier
    | Qt.KeyboardModifier.ShiftModifier
    | Qt.KeyboardModifier.MetaModifier
)
_CTRL = Qt.KeyboardModifier.ControlModifier
_ALT = Qt.KeyboardModifier.AltModifier
_SHIFT = Qt.KeyboardModifier.ShiftModifier
_META = Qt.KeyboardModifier.MetaModifier
_ACTIVITY = {
    QEvent.Type.KeyPress,
    QEvent.Type.MouseButtonPress,
    QEvent.Type.TouchBegin,
    QEvent.Type.Wheel,
    QEvent.Type.MouseMove,
}
EXIT_SHORTCUT = "Ctrl+Shift+L"
_PAGE_KEYS = (Qt.Key.Key_PageUp, Qt.Key.Key_PageDown)
RECLAIM_MS = 150  # after losing activation, the kiosk takes the screen back this soon


def _is_exit_shortcut(key: int, mods: Qt.KeyboardModifier) -> bool:
    return key == Qt.Key.Key_L and mods == (_CTRL | _SHIFT)


def _is_blocked(key: int, mods: Qt.KeyboardModifier) -> bool:
    """Keys that close, hide, minimise or leave a window, or toggle full screen."""
    if key in (Qt.Key.Key_Escape, Qt.Key.Key_F11, Qt.Key.Key_Close, Qt.Key.Key_Back):
        return True
    if key == Qt.Key.Key_F4 and mods & (_ALT | _CTRL):
        return True
    if key == Qt.Key.Key_Space and mods & _ALT:  # the Windows window menu (Close, Minimise)
        return True
    if mods & _META:
        # Super+key is the desktop's (Show desktop, switch window): it never types into a field,
        # even when the window manager lets the key through after acting on it.
        return True
    if mods & _CTRL:
        # Quit, close window, minimise, hide (macOS), new window, print, open: none belong here.
        return key in (
            Qt.Key.Key_Q,
            Qt.Key.Key_W,
            Qt.Key.Key_M,
            Qt.Key.Key_H,
            Qt.Key.Key_N,
            Qt.Key.Key_P,
            Qt.Key.Key_O,
            Qt.Key.Key_F4,
            Qt.Key.Key_Tab,
        )
    return False


class KioskWindow(QWidget):
    """Self-registration for one event.

    ``start()`` shows it full screen; ``exited`` fires after an adviser leaves with a right
    passphrase (auto-lock is resumed by then).
    """

    exited = Signal()

    def __init__(
        self,
        session: Session,
        event: Event,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
        tick_ms: int = 1000,
        translations: Path | None = None,
    ) -> None:
        flags = Qt.WindowType.Window | Qt.WindowType.FramelessWindowHint | Qt.WindowType.WindowStaysOnTopHint
        super().__init__(parent, flags)
        self.session = session
        self.pace_event = event
        self.clock = clock
        self.flow = KioskFlow(event)
        self.guard = ExitGuard(clock=clock)
        self.idle_seconds = 90
        self.countdown_seconds = 30
        self._running = False
        self._may_close = False
        self._sending = False
        self._snapshot: dict[str, Any] = {}
        self._translator: Any = None
        self._language = SOURCE_LANGUAGE  # the language this person reads: their consents record it
        self._translations = translations  # folder of .qm files; None: resources/i18n
        # English plural forms ("1 second", "2 seconds") for as long as the kiosk exists
        self._plurals = i18n.install(SOURCE_LANGUAGE)
        self.destroyed.connect(lambda *_a, t=self._plurals: i18n.remove(t))
        self._hidden: list[QWidget] = []
        self._pages: dict[str, QuestionPage] = {}
        self._return_to: QWidget | None = None
        self._countdown_from: float | None = None
        self._last_activity = clock()

        self.setObjectName("kioskWindow")
        self.setProperty("contrast", "normal")
        self.setProperty("textsize", "normal")
        self.setWindowTitle(self.tr("PACE registration"))
        self.setStyleSheet(stylesheet("kiosk.qss"))
        self._build()
        self._timer = QTimer(self)
        self._timer.setInterval(tick_ms)
        self._timer.timeout.connect(self.check_idle)
        session.locked.connect(self._store_locked)
        guard_wheel_after_first_paint(self)  # a kiosk shown on its own (tests, screenshots) too

    # -- layout -----------------------------------------------------------------------------------
    def _build(self) -> None:
        header = QFrame()
        header.setObjectName("kioskHeader")
        top = QHBoxLayout(header)
        top.setContentsMargins(32, 12, 24, 12)
        top.setSpacing(16)
        self.title = label("", "kioskTitle")
        top.addWidget(self.title, 1)
        self.contrast_button = self._toggle()
        self.contrast_button.toggled.connect(lambda on: self._set_look("contrast", on))
        self.text_button = self._toggle()
        self.text_button.toggled.connect(lambda on: self._set_look("textsize", on))
        top.addWidget(self.contrast_button)
        top.addWidget(self.text_button)
        # Discreet on purpose: advisers know it is there (and the shortcut); the public need not.
        # Still a control like any other: Tab reaches it and its focus shows (WCAG 2.1.1, 2.4.7).
        self.adviser_button = QPushButton()
        self.adviser_button.setObjectName("kioskAdviser")
        self.adviser_button.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.adviser_button.setAutoDefault(False)
        self.adviser_button.clicked.connect(self.request_exit)
        top.addWidget(self.adviser_button)

        self.stack = QStackedWidget()
        self.flow_stack = QStackedWidget()
        self.stack.addWidget(self.flow_stack)
        self._overlays: list[QWidget] = []

        self.nav = QFrame()
        self.nav.setObjectName("kioskNav")
        outer = QHBoxLayout(self.nav)
        outer.setContentsMargins(32, 14, 32, 14)
        column = self._nav_column = QWidget()
        column.setMaximumWidth(COLUMN_WIDTH)
        self._nav_rows = QVBoxLayout(column)
        self._nav_rows.setContentsMargins(0, 0, 0, 0)
        self._nav_rows.setSpacing(8)
        bar = self._nav_bar = QHBoxLayout()
        bar.setSpacing(16)
        self._nav_rows.addLayout(bar)
        outer.addStretch(1)
        outer.addWidget(column, 100)
        outer.addStretch(1)
        self.back_button = button("", primary=False)
        self.back_button.clicked.connect(self.go_back)
        self.next_button = button("", primary=True)
        self.next_button.clicked.connect(self.go_next)
        self.clear_button = button("", primary=False)
        self.clear_button.setObjectName("kioskQuiet")
        self.clear_button.clicked.connect(self._ask_clear)
        bar.addWidget(self.back_button)
        bar.addWidget(self.next_button)
        bar.addStretch(1)
        bar.addWidget(self.clear_button)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.nav)
        self._retranslate()

    def _retranslate(self) -> None:
        """Words in the chosen language: the window's own, and fresh notice pages."""
        self.setWindowTitle(self.tr("PACE registration"))
        self.title.setText(self.tr("PACE: help when your job is at risk"))
        self.contrast_button.setText(self.tr("High contrast"))
        self.contrast_button.setAccessibleDescription(
            self.tr("Show white text on black, with yellow outlines")
        )
        self.text_button.setText(self.tr("Larger text"))
        self.text_button.setAccessibleDescription(self.tr("Make all the text larger"))
        self.adviser_button.setText(self.tr("Adviser"))
        self.adviser_button.setAccessibleName(self.tr("Adviser: leave kiosk mode"))
        self.adviser_button.setToolTip(
            self.tr("Advisers: leave kiosk mode ({keys})").format(keys=EXIT_SHORTCUT)
        )
        self.back_button.setText(self.tr("Back"))
        self.next_button.setText(self.tr("Continue"))
        self.clear_button.setText(self.tr("Clear my answers"))
        self._fit_nav()
        self._build_overlays()

    def _fit_nav(self) -> None:
        """Back, Continue and Clear on one row when their words fit the window (the row may grow
        past the page's column for that); else "Clear my answers" goes on a row of its own below,
        rather than every button being squeezed and its words cut (Gaelic in larger text)."""
        margins = self.nav.layout().contentsMargins()
        room = self.width() - margins.left() - margins.right()
        shown = [b for b in (self.back_button, self.next_button, self.clear_button) if not b.isHidden()]
        needed = sum(b.sizeHint().width() for b in shown) + self._nav_bar.spacing() * (len(shown) - 1)
        one_row = needed <= room
        on_bar = self._nav_bar.indexOf(self.clear_button) >= 0
        if one_row and not on_bar:
            self._nav_rows.removeWidget(self.clear_button)
            self._nav_bar.addWidget(self.clear_button)
        elif not one_row and on_bar:
            self._nav_bar.removeWidget(self.clear_button)
            self._nav_rows.addWidget(self.clear_button, 0, Qt.AlignmentFlag.AlignLeft)
        self._nav_column.setMaximumWidth(max(COLUMN_WIDTH, min(needed, room)))

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt API
        super().resizeEvent(event)
        self._fit_nav()

    def _build_overlays(self) -> None:
        for old in self._overlays:
            self.stack.removeWidget(old)
            old.deleteLater()
        self.thanks = ThankYouPage()
        self.thanks.finished.connect(self.reset)
        self.declined = DeclinedPage()
        self.declined.finished.connect(self.reset)
        self.still_there = StillTherePage()
        self.still_there.carry_on.connect(self._carry_on)
        self.still_there.clear_now.connect(self.reset)
        self.clear_confirm = ClearConfirmPage()
        self.clear_confirm.confirmed.connect(self.reset)
        self.clear_confirm.cancelled.connect(self._back_from_overlay)
        self.exit_page = ExitPage()
        self.exit_page.submitted.connect(self._exit_submitted)
        self.exit_page.cancelled.connect(self._back_from_overlay)
        self._overlays = [self.thanks, self.declined, self.still_there, self.clear_confirm, self.exit_page]
        for widget in self._overlays:
            self.stack.addWidget(widget)

    def _toggle(self) -> QPushButton:
        toggle = QPushButton()
        toggle.setObjectName("kioskToggle")
        toggle.setCheckable(True)
        toggle.setCursor(Qt.CursorShape.PointingHandCursor)
        return toggle

    def _set_look(self, prop: str, on: bool) -> None:
        self.setProperty(prop, ("high" if prop == "contrast" else "large") if on else "normal")
        # Setting the sheet again re-polishes every child, so the property selectors apply at once.
        self.setStyleSheet("")
        self.setStyleSheet(stylesheet("kiosk.qss"))
        self._fit_nav()

    # -- start and stop ---------------------------------------------------------------------------
    def start(self) -> None:
        """Full screen, the adviser's windows hidden, auto-lock suspended, the welcome page."""
        self.session.suspend_autolock(True)
        app = QApplication.instance()
        self._hidden = [
            w
            for w in QApplication.topLevelWidgets()
            if w is not self and w.isVisible() and not w.isAncestorOf(self)
        ]
        for widget in self._hidden:
            widget.hide()
        if app is not None:
            app.installEventFilter(self)
        self._running = True
        self.reset()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()
        self._timer.start()
        store, event = self.session.store, self.pace_event

        def begin(_progress: Any) -> tuple[int, int]:
            record_start(store, event)
            return (store.int_setting("kiosk_idle_seconds"), store.int_setting("kiosk_countdown_seconds"))

        self.session.worker.submit(begin, on_done=self._settings_loaded, on_error=lambda _e: None)

    def _settings_loaded(self, values: tuple[int, int]) -> None:
        idle, countdown = values
        self.idle_seconds = idle if idle > 0 else 90
        self.countdown_seconds = countdown if countdown > 0 else 30

    def stop(self) -> None:
        """Leave kiosk mode: wipe everything, give the adviser their windows back, close."""
        self._running = False
        self._timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)
        self.reset()
        self.exit_page.wipe()
        if self.session.is_unlocked:
            self.session.suspend_autolock(False)
        for widget in self._hidden:
            try:
                widget.show()
            except RuntimeError:  # deleted while hidden
                continue
        self._hidden = []
        self._may_close = True
        self.close()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt API
        # The window's close button, Alt+F4 and the window manager all end up here: only an
        # adviser's passphrase lets the kiosk close.
        if self._may_close:
            event.accept()
        else:
            event.ignore()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt API
        # Minimised, or taken out of full screen by the window manager (a "restore" shortcut, a
        # title-bar double-click): straight back to full screen, so the desktop never shows.
        if (
            event.type() == QEvent.Type.WindowStateChange
            and self._running
            and (
                self.windowState() & Qt.WindowState.WindowMinimized
                or not self.windowState() & Qt.WindowState.WindowFullScreen
            )
        ):
            QTimer.singleShot(0, self, self._back_to_full_screen)
        if event.type() == QEvent.Type.ActivationChange and self._running and not self.isActiveWindow():
            QTimer.singleShot(RECLAIM_MS, self, self._reclaim)
        super().changeEvent(event)

    def _reclaim(self) -> None:
        """Back in front after the window manager hid or covered the kiosk (Show desktop, another
        virtual desktop): a person's answers are never left on a window nobody can see."""
        if not self._running or self.isActiveWindow() or QApplication.activeWindow() is not None:
            return  # in front, or one of the app's own windows has the focus: not the desktop
        handle = self.windowHandle()
        if handle is not None and not handle.isExposed():
            # Unmapped by the window manager (Show desktop, a desktop switch): map it again, which
            # puts it on the desktop in view; raise and activate alone leave it on the old one.
            self.hide()
        self.showFullScreen()
        self.raise_()
        self.activateWindow()

    def _back_to_full_screen(self) -> None:
        if self._running and (self.isMinimized() or not self.isFullScreen()):
            self.showFullScreen()

    def _store_locked(self) -> None:
        if self._running:
            self.stop()

    # -- keys and activity ------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        if not self._running:
            return False
        kind = event.type()
        if kind in _ACTIVITY:
            self._last_activity = self.clock()
        if kind == QEvent.Type.FocusIn and isinstance(watched, QWidget):
            page = self.current_page()
            if isinstance(page, KioskPage) and page.isAncestorOf(watched):
                page.bring_into_view(watched)
        keys = (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress)
        if kind in keys and isinstance(event, QKeyEvent):
            key = event.key()
            mods = event.modifiers() & _MODS
            if kind == QEvent.Type.KeyPress and key in _PAGE_KEYS and not mods:
                return self._page_keys(key)
            if _is_exit_shortcut(key, mods) or _is_blocked(key, mods):
                event.accept()
                if kind == QEvent.Type.KeyPress and _is_exit_shortcut(key, mods):
                    self.request_exit()
                return True
            # Only where the key first lands: an unhandled key travels on to each parent, and a
            # second look there could press whatever button the focus has moved to meanwhile.
            if (
                kind == QEvent.Type.KeyPress
                and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
                and not mods & (_CTRL | _ALT | _META)
                and watched is QApplication.focusWidget()
            ):
                return self._enter_pressed()
        return False

    def _page_keys(self, key: int) -> bool:
        """Page Up and Page Down scroll the page (its scroll area takes no focus of its own)."""
        page = self.current_page()
        if not isinstance(page, KioskPage):
            return False
        bar = page.scroll.verticalScrollBar()
        bar.setValue(bar.value() + (bar.pageStep() if key == Qt.Key.Key_PageDown else -bar.pageStep()))
        return True

    def _enter_pressed(self) -> bool:
        """Enter presses the focused button, or otherwise answers the page (GOV.UK forms submit)."""
        focus = QApplication.focusWidget()
        if focus is None or not self.isAncestorOf(focus):
            return False
        if isinstance(focus, QPushButton) and focus.isEnabled():
            focus.click()
            return True
        if self.stack.currentWidget() is self.flow_stack:
            self.go_next()
            return True
        return False  # the exit page's passphrase box handles its own Enter

    # -- moving through the pages -----------------------------------------------------------------
    def _page_widget(self, key: str) -> QuestionPage:
        """Pages are built when first shown and destroyed on reset, so none outlives a person."""
        if key not in self._pages:
            page = self.flow.page_named(key)
            widget: QuestionPage
            if key == "check":
                widget = CheckAnswersPage(page, self.pace_event, self._language)
                widget.change_requested.connect(self._change)
            else:
                languages = i18n.available_languages(self._translations)
                widget = build_page(page, self.pace_event, languages, self._language)
                if key == "welcome":
                    widget.language_chosen.connect(self._choose_language)  # type: ignore[attr-defined]
            self._pages[key] = widget
            self.flow_stack.addWidget(widget)
        return self._pages[key]

    def current_page(self) -> QWidget:
        """The page on screen (a QuestionPage while registering)."""
        current = self.stack.currentWidget()
        return self.flow_stack.currentWidget() if current is self.flow_stack else current

    def _show_flow_page(self, *, load: bool = False) -> None:
        key = self.flow.page.key
        page = self._page_widget(key)
        if load:
            page.load(self.flow.answers)
        if isinstance(page, CheckAnswersPage):
            page.show_answers(self.flow)
        page.scroll.verticalScrollBar().setValue(0)
        self.flow_stack.setCurrentWidget(page)
        self._show(self.flow_stack)
        first, last = key == "welcome", key == "check"
        self.back_button.setVisible(not first)
        self.clear_button.setVisible(not first)
        self.next_button.setText(
            self.tr("Start now") if first else self.tr("Accept and send") if last else self.tr("Continue")
        )
        self._fit_nav()
        self._chain_tabs(page)
        if not page.focus_start():
            # Nothing to answer here (welcome, privacy notice, check your answers): start on the
            # button that moves on, whose focus shows; Enter does what it did before.
            self.next_button.setFocus()
        focus = self.focusWidget()
        if focus is not None:  # already focused (Qt moves focus as pages change): no FocusIn comes
            page.bring_into_view(focus)

    def _show(self, widget: QWidget) -> None:
        self.stack.setCurrentWidget(widget)
        self.nav.setVisible(widget is self.flow_stack)
        self.next_button.setEnabled(not self._sending)
        if widget is not self.flow_stack and isinstance(widget, KioskPage):
            widget.focus_start()
            self._chain_tabs(widget, nav=False)

    def _chain_tabs(self, page: QWidget, *, nav: bool = True) -> None:
        """Tab visits the page's inputs, then Continue, Back, Clear (when shown), the display
        toggles and the Adviser button."""
        inside = []
        widget = page.nextInFocusChain()
        while widget is not page and page.isAncestorOf(widget):
            if widget.focusPolicy() & Qt.FocusPolicy.TabFocus:
                inside.append(widget)
            widget = widget.nextInFocusChain()
        buttons = [self.next_button, self.back_button, self.clear_button] if nav else []
        chain = [*inside, *buttons, self.contrast_button, self.text_button, self.adviser_button]
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)

    def go_next(self) -> None:
        if self.stack.currentWidget() is not self.flow_stack or self._sending:
            return
        page = self._page_widget(self.flow.page.key)
        if self.flow.page.key == "check":
            self._send()
            return
        errors = self.flow.advance(page.values(), ktr)
        if errors:
            page.show_errors(errors)
            return
        page.clear_errors()
        if self.flow.state == "declined":
            self._wipe_pages()
            self._show(self.declined)
            return
        self._show_flow_page()

    def go_back(self) -> None:
        if self.stack.currentWidget() is not self.flow_stack or self._sending:
            return
        if self.flow.state != "active":
            return
        self.flow.back()
        self._show_flow_page()

    def _change(self, key: str) -> None:
        self.flow.change(key)
        self._show_flow_page(load=True)

    def _ask_clear(self) -> None:
        self._return_to = self.current_page()
        self._show(self.clear_confirm)

    def _back_from_overlay(self) -> None:
        self.exit_page.wipe()
        target = self._return_to
        self._return_to = None
        if target is None or target is self.flow_stack or self.flow_stack.isAncestorOf(target):
            self._show_flow_page()
        else:
            self._show(target)

    # -- sending ----------------------------------------------------------------------------------
    def _send(self) -> None:
        problem = self.flow.first_invalid(ktr)
        if problem is not None:
            key, errors = problem
            self.flow.change(key)
            self._show_flow_page(load=True)
            self._page_widget(key).show_errors(errors)
            return
        self._snapshot = dict(self.flow.answers)
        self._sending = True
        self.next_button.setEnabled(False)
        store, event, answers = self.session.store, self.pace_event, self._snapshot
        language = self._language
        self.session.worker.submit(
            lambda _p: submit(store, event, answers, language), on_done=self._sent, on_error=self._send_failed
        )

    def _sent(self, _result: object = None) -> None:
        self._sending = False
        self._snapshot.clear()
        self.flow.sent()
        self._wipe_pages()
        self._clear_clipboard()
        self._show(self.thanks)

    def _send_failed(self, exc: BaseException) -> None:
        self._sending = False
        self._snapshot.clear()
        self.next_button.setEnabled(True)
        page = self._page_widget("check")
        message = self.tr("Your registration could not be sent. Please ask an adviser for help.")
        page.summary.show_problems([(message, None)])
        page.summary.setFocus()

    # -- privacy between people -------------------------------------------------------------------
    def reset(self) -> None:
        """Forget the person: every answer and page, the clipboard, language and display choice."""
        self.flow.reset()
        self._snapshot.clear()
        self._wipe_pages()
        for page in (self.still_there, self.clear_confirm):
            page.wipe()
        self._language = SOURCE_LANGUAGE
        if self._translator is not None:
            i18n.remove(self._translator)
            self._translator = None
            self._retranslate()
        for toggle in (self.contrast_button, self.text_button):
            toggle.setChecked(False)
        self._clear_clipboard()
        self._return_to = None
        self._countdown_from = None
        self._last_activity = self.clock()
        self._show_flow_page()

    def _wipe_pages(self) -> None:
        for page in self._pages.values():
            page.wipe()
            self.flow_stack.removeWidget(page)
            page.deleteLater()
        self._pages = {}

    @staticmethod
    def _clear_clipboard() -> None:
        clipboard = QGuiApplication.clipboard()
        if clipboard is None:
            return
        clipboard.clear(QClipboard.Mode.Clipboard)
        if clipboard.supportsSelection():
            clipboard.clear(QClipboard.Mode.Selection)

    def _choose_language(self, code: str) -> None:
        if self._translator is not None:
            i18n.remove(self._translator)
        self._translator = i18n.install(code, self._translations)
        self._language = code if self._translator is not None else SOURCE_LANGUAGE
        self._retranslate()
        self._wipe_pages()
        self._show_flow_page()

    def _is_blank(self) -> bool:
        return (
            self.stack.currentWidget() is self.flow_stack and self.flow.index == 0 and not self.flow.answers
        )

    def check_idle(self) -> None:
        """Each tick: warn after ``idle_seconds`` of inactivity, clear after the countdown."""
        if not self._running:
            return
        now = self.clock()
        current = self.stack.currentWidget()
        if current is self.still_there and self._countdown_from is not None:
            left = self.countdown_seconds - (now - self._countdown_from)
            if left <= 0:
                self.reset()
            else:
                self.still_there.set_seconds(math.ceil(left))
            return
        idle = now - self._last_activity
        if current in (self.thanks, self.declined):
            if idle >= THANKS_SECONDS:
                self.reset()
            return
        if idle < self.idle_seconds:
            return
        if self._is_blank():
            # Nothing typed: no warning needed, but the next person starts with the usual display.
            if (
                self._translator is not None
                or self.contrast_button.isChecked()
                or self.text_button.isChecked()
            ):
                self.reset()
            return
        self._return_to = self.current_page() if current is not self.exit_page else None
        self.exit_page.wipe()
        self._countdown_from = now
        self.still_there.set_seconds(self.countdown_seconds)
        self._show(self.still_there)

    def _carry_on(self) -> None:
        self._countdown_from = None
        self._last_activity = self.clock()
        self._back_from_overlay()

    # -- leaving kiosk mode -----------------------------------------------------------------------
    def request_exit(self) -> None:
        if not self._running or self.stack.currentWidget() is self.exit_page:
            return
        if self.stack.currentWidget() is not self.still_there:
            self._return_to = self.current_page()
        self.exit_page.wipe()
        self._show(self.exit_page)

    def _exit_submitted(self, passphrase: str) -> None:
        wait = self.guard.wait_seconds()
        if wait > 0:
            self.exit_page.show_error(
                self.tr("Too many wrong passphrases: wait %n seconds, then try again.", "", math.ceil(wait))
            )
            return
        self.exit_page.busy(True)
        store, event = self.session.store, self.pace_event
        self.session.worker.submit(
            lambda _p: check_exit(store, event, passphrase),
            on_done=self._exit_allowed,
            on_error=self._exit_refused,
        )

    def _exit_allowed(self, _adviser: object) -> None:
        self.guard.succeeded()
        self.stop()
        self.exited.emit()

    def _exit_refused(self, exc: BaseException) -> None:
        self.exit_page.busy(False)
        if isinstance(exc, WrongPassphrase):
            self.guard.failed()
            self.exit_page.show_error(self.tr("That passphrase is not right"))
        elif isinstance(exc, PaceError):
            self.exit_page.show_error(str(exc))
        else:
            self.exit_page.show_error(self.tr("The passphrase could not be checked: try again"))
