"""Kiosk translations: ``resources/i18n/pace_kiosk_<lang>.qm`` files, offered once reviewed.

English is the source language and always available. Another language is offered only when
``pace_desktop.languages`` says so: its ``.ts`` files are all marked finished (reviewed) and its privacy
notice exists. A translation is installed for one person and removed when the kiosk resets, so the next
person starts in English again.

The window's own strings are found by ``pyside6-lupdate``; the questions, answers, consent wording and
messages come from ``registration.kiosk`` and the data files, which lupdate cannot read, so
``python -m pace_desktop.ui.kiosk.i18n LANG`` writes them to ``pace_kiosk_<LANG>_data.ts`` (context
``kiosk``), keeping any translations already made. ``resources/i18n/README.md`` has the steps.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET  # noqa: S405 - reads our own translators' .ts files, not the web
from datetime import date
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLocale, QTranslator

from pace_desktop.languages import PREFIX, i18n_folder, offered_languages
from pace_desktop.paths import resource
from pace_desktop.records.models import Event, EventType
from pace_desktop.reference import council_areas
from pace_desktop.registration.kiosk import checks, pages  # noqa: F401 - checks marks its messages on import
from pace_desktop.registration.kiosk.translation import CONTEXT, MARKED


def available_languages(folder: Path | None = None) -> list[tuple[str, str]]:
    """(code, the language's own name) for each offered translation, e.g. ('gd', 'Gàidhlig')."""
    out = []
    for code in offered_languages(folder):
        name = QLocale(code).nativeLanguageName() or code
        out.append((code, name[:1].upper() + name[1:]))
    return out


def install(code: str, folder: Path | None = None) -> QTranslator | None:
    """Load and install the translation for ``code``; None when there is no such file."""
    path = i18n_folder(folder) / f"{PREFIX}{code}.qm"
    app = QCoreApplication.instance()
    if app is None or not path.exists():
        return None
    translator = QTranslator(app)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    return translator


def remove(translator: QTranslator | None) -> None:
    app = QCoreApplication.instance()
    if translator is not None and app is not None:
        app.removeTranslator(translator)
        translator.deleteLater()


# -- the 'kiosk' context for translators -----------------------------------------------------------


def kiosk_strings() -> list[str]:
    """Every string the kiosk translates (``kiosk`` context), from registration.kiosk and the data files."""
    sample = Event(
        employer_name="-",
        council_area=council_areas()[0].gss_code,
        sector="-",
        event_date=date.today(),
        event_type=EventType.group_session,
    )
    texts: set[str] = set(MARKED)
    texts.update(title for _key, title in pages.SECTIONS)
    for page in pages.build_pages(sample):
        texts.update((page.heading, page.summary, *page.intro))
        for f in page.fields:
            texts.update((f.label, f.hint, f.required or "", f.summary, *f.option_hints))
            texts.update(label for _value, label in f.options)
    return sorted(t for t in texts if t)


def write_ts(path: Path, language: str, context: str = CONTEXT, strings: list[str] | None = None) -> int:
    """Write (or update) a .ts file of one context (``kiosk``, with ``kiosk_strings()``, unless told
    otherwise); returns how many strings still need work.

    Translations already in the file are kept, drafts (not yet reviewed) still unfinished; strings no
    longer used are marked 'vanished'. The adviser's screens write their ``core`` context with it too.
    """
    done: dict[str, str] = {}
    drafts: dict[str, str] = {}  # translated but not yet reviewed: kept, still unfinished
    if path.exists():
        old = ET.parse(path).getroot()  # noqa: S314 - a translator's file from our own repository
        for message in old.iter("message"):
            source = message.findtext("source") or ""
            translation = message.find("translation")
            if translation is None or not translation.text:
                continue
            if translation.get("type") == "unfinished":
                drafts[source] = translation.text
            elif translation.get("type") != "vanished":
                done[source] = translation.text
    root = ET.Element("TS", version="2.1", language=language, sourcelanguage="en_GB")
    element = ET.SubElement(root, "context")
    ET.SubElement(element, "name").text = context
    current = kiosk_strings() if strings is None else strings
    todo = 0
    for source in [*current, *sorted(set(done) - set(current))]:
        message = ET.SubElement(element, "message")
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source not in current:
            translation.set("type", "vanished")
            translation.text = done[source]
        elif source in done:
            translation.text = done[source]
        else:
            translation.set("type", "unfinished")
            translation.text = drafts.get(source)
            todo += 1
    ET.indent(root)
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
    return todo


def main(argv: list[str]) -> int:
    """``python -m pace_desktop.ui.kiosk.i18n gd`` writes resources/i18n/pace_kiosk_gd_data.ts."""
    if len(argv) != 1 or not argv[0].replace("_", "").isalpha():
        sys.stderr.write("usage: python -m pace_desktop.ui.kiosk.i18n LANGUAGE_CODE (e.g. gd, pl)\n")
        return 2
    path = resource("i18n", f"{PREFIX}{argv[0]}_data.ts")
    todo = write_ts(path, argv[0])
    sys.stdout.write(f"{path}: {todo} strings to translate\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
