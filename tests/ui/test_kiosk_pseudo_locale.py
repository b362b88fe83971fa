"""Every kiosk page in a pseudo-locale — each string 40% longer, with accents — at 1280×720: no label or
button is cut off. Translations run long (Polish and Gaelic both do); this finds a page that would clip
before a translator does."""

from __future__ import annotations

import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QAbstractButton, QLabel, QScrollArea, QToolButton, QWidget

from pace_desktop.languages import translation_sources
from tests.ui.kiosk_fixtures import (
    PERSON,
    Kiosk,
    kiosk_fixture,  # noqa: F401 - provides the 'kiosk' fixture
    page_key,
)

_KEEP = re.compile(r"(\{[a-z_]+\}|%n|%\d|<[^>]+>)")
_LANGUAGE_NAMES = {"Polski", "Gàidhlig"}  # each language is offered by its own name, untranslated
_ACCENTED = str.maketrans("aeiouycnszAEIOUYCNSZ", "àéîõüýçñšžÀÉÎÕÜÝÇÑŠŽ")


def pseudo(text: str) -> str:
    """Accented, and 40% longer in extra words, with placeholders and markup kept as they are."""
    parts = [p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in _KEEP.split(text)]
    extra = max(1, round(len(text) * 0.4))
    padding = " ".join(["ŵŷẑ"] * (extra // 4 + 1))[:extra]
    return "".join(parts) + " " + padding


def _pseudo_locale(folder: Path) -> Path:
    """The Polish files' messages with pseudo text, compiled as 'pl' (so the Polish notice is shown)."""
    sources = []
    for path in translation_sources("pl"):
        root = ET.parse(path).getroot()  # noqa: S314 - our own file
        for message in root.iter("message"):
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            source = message.findtext("source") or ""
            forms = list(translation.iter("numerusform"))
            for form in forms:
                form.text = pseudo(source)
            if not forms:
                translation.text = pseudo(source)
        out = folder / path.name
        out.write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
        sources.append(str(out))
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    subprocess.run(
        [str(lrelease), "-silent", *sources, "-qm", str(folder / "pace_kiosk_pl.qm")],
        check=True,
        capture_output=True,
    )
    return folder


def _clipped(page: QWidget) -> list[str]:
    """Text of each visible label or button on ``page`` that does not fit the space it was given."""
    out = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        if not widget.isVisibleTo(page) or not widget.text():
            continue
        if (
            isinstance(widget, QToolButton)
            and widget.toolButtonStyle() == Qt.ToolButtonStyle.ToolButtonIconOnly
        ):
            continue  # an icon (the passphrase box's Show), its words only in the tooltip
        hint = widget.sizeHint()
        if isinstance(widget, QLabel) and widget.wordWrap():
            fits = widget.heightForWidth(widget.width()) <= widget.height() + 1
        else:
            fits = hint.width() <= widget.width() + 1 and hint.height() <= widget.height() + 1
        if not fits:
            out.append(
                f"{widget.text()[:60]!r} needs {hint.width()}x{hint.height()}, "
                f"has {widget.width()}x{widget.height()}"
            )
    scroll = page.__dict__.get("scroll") or getattr(type(page), "scroll", None)
    if isinstance(scroll, QScrollArea) and scroll.horizontalScrollBar().maximum() > 0:
        out.append("the page scrolls sideways")
    return out


def _untranslated(page: QWidget) -> list[str]:
    """Visible words on ``page`` that the pseudo-locale did not reach: a string in the wrong context
    (PySide names the context after the object's own class) or outside tr() altogether."""
    skipped = ("kioskNotice", "kioskSubheading", "summaryValue", "kioskInset")  # notice, answers, event
    out = []
    for widget in page.findChildren(QLabel) + page.findChildren(QAbstractButton):
        text = widget.text()
        if (
            not widget.isVisibleTo(page)
            or not re.search("[A-Za-z]", text)
            or widget.objectName() in skipped
            or isinstance(widget, QToolButton)
        ):
            continue
        if "ŵ" not in text and text not in _LANGUAGE_NAMES:
            out.append(text)
    return out


def test_no_kiosk_page_clips_in_a_pseudo_locale_at_1280x720(kiosk: Kiosk, tmp_path) -> None:
    k = kiosk
    k.window._translations = _pseudo_locale(tmp_path)
    k.window.setFixedSize(1280, 720)
    k.window.reset()
    k.window._choose_language("pl")
    assert "ŵŷẑ" in k.window.next_button.text()
    problems: dict[str, list[str]] = {}
    seen = []
    for _ in range(40):
        key = page_key(k)
        k.qtbot.wait(1)
        problems[key] = _clipped(k.page())
        problems[key] += _clipped(k.window.nav) + _clipped(k.window.title.parentWidget())
        problems[key] += [f"not translated: {t!r}" for t in _untranslated(k.page())]
        seen.append(key)
        if key == "check":
            break
        k.answer_by_keyboard(PERSON.get(key, {}))
    for name in ("thanks", "declined", "still_there", "clear_confirm", "exit_page"):
        overlay = getattr(k.window, name)
        if name == "still_there":
            overlay.set_seconds(30)
        k.window._show(overlay)
        k.qtbot.wait(1)
        problems[name] = _clipped(overlay)
        if name != "exit_page":  # the way out is for advisers, whose screens are in English
            problems[name] += [f"not translated: {t!r}" for t in _untranslated(overlay)]
    assert "check" in seen and len(seen) > 20
    found = {page: texts for page, texts in problems.items() if texts}
    assert found == {}
