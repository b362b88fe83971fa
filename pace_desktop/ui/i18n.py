"""The adviser's and office's screens in the reader's language: translator, core messages, locale.

Every string those screens show goes through Qt's translation system (``self.tr`` in a class,
``QCoreApplication.translate(context, …)`` elsewhere); sentences are one template with ``{0}``/``{name}``
placeholders filled afterwards, and counts use Qt's plural forms (``%Ln``: the count grouped as the
computer's locale groups digits, '1,472 records' in the UK). English is the source language and the
adviser's default: ``install()`` loads ``resources/i18n/pace_desktop_en.qm``, which holds only
the English plural forms ("1 client", "2 clients"), as the kiosk's ``pace_kiosk_en.qm`` does.

The core cannot import Qt, so its messages (a refusal's one line, a notice's summary) reach the screen
as English; the UI passes each through ``core_tr`` (context ``core``), where a translator can supply
the exact sentence, and the English shows when none is given.

Dates and numbers are written for the adviser's locale (``locale()``): English today (with the month
abbreviations the screens have always shown, 'Sep' rather than CLDR's British 'Sept', and the figures in
the order used in Scotland), the language of the installed translation once another is offered.
"""

from __future__ import annotations

import sys
from datetime import date, datetime
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QDate, QDateTime, QLocale, QTime, QTranslator

from pace_desktop.paths import resource

PREFIX = "pace_desktop_"
SOURCE_LANGUAGE = "en"
CORE_CONTEXT = "core"  # the context of the core's messages, as the screens show them

_locale = QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)  # names only: orders below


def install(code: str = SOURCE_LANGUAGE, app: QCoreApplication | None = None) -> QTranslator | None:
    """Load and install the adviser's translation ``code`` (English: its plural forms); None when the
    file is missing or unreadable, and then the screens show the source English as written."""
    global _locale
    app = app or QCoreApplication.instance()
    path = resource("i18n", f"{PREFIX}{code}.qm")
    if app is None or not path.exists():
        return None
    name = f"{PREFIX}{code}"
    found = app.findChild(QTranslator, name)
    if found is not None:  # already installed (style.apply runs once per app, tests call it often)
        return found
    translator = QTranslator(app)
    translator.setObjectName(name)
    if not translator.load(str(path)):
        return None
    app.installTranslator(translator)
    if code != SOURCE_LANGUAGE:
        _locale = QLocale(code)
    return translator


def locale() -> QLocale:
    return _locale


def core_tr(message: str) -> str:
    """A core message as the reader sees it: its translation in the ``core`` context, or itself."""
    return QCoreApplication.translate(CORE_CONTEXT, message) if message else message


def number(n: int) -> str:
    """``1,472`` in English; the locale's own grouping elsewhere."""
    return _locale.toString(int(n))


def percent(share: float) -> str:
    """``42%``: a share between 0 and 1, to the nearest whole per cent."""
    return _locale.toString(round(share * 100)) + _locale.percent()


def day(value: date) -> str:
    """A date with its month in words: '20 Nov 2026'."""
    return _locale.toString(QDate(value.year, value.month, value.day), "d MMM yyyy")


def weekday(value: date) -> str:
    """A date with its day of the week: 'Fri 20 Nov 2026'."""
    return _locale.toString(QDate(value.year, value.month, value.day), "ddd d MMM yyyy")


def short_date(value: date) -> str:
    """A date in figures: '20/11/2026' (day first, as in Scotland, in every language shipped)."""
    return _locale.toString(QDate(value.year, value.month, value.day), "dd/MM/yyyy")


def moment(value: datetime) -> str:
    """A local time with its date: '20 Nov 2026, 14:03'."""
    stamp = QDateTime(
        QDate(value.year, value.month, value.day), QTime(value.hour, value.minute, value.second)
    )
    return _locale.toString(stamp, "d MMM yyyy, HH:mm")


# -- English plural forms for translators' tools -----------------------------------------------------


def english_forms(source: str) -> tuple[str, str]:
    """The singular and plural English of a plural source written with '(s)': '%Ln record(s)' ->
    ('%Ln record', '%Ln records'); 'person(s)' -> person / people; '(s) were' -> ' was' / 's were' and
    '(s) are' -> ' is' / 's are'. Anything else irregular is written by hand in pace_desktop_en.ts."""
    one = source.replace("person(s)", "person").replace("(s) were", " was").replace("(s) are", " is")
    one = one.replace("(s)", "")
    many = source.replace("person(s)", "people").replace("(s)", "s")
    return one, many


def fill_english_plurals(path: Path) -> int:
    """Write the English forms of every empty plural message of ``path`` (an English .ts made by
    ``pyside6-lupdate -pluralonly``) still marked unfinished (lupdate's guesses from another
    context included), then marks them finished; returns how many it wrote. Finished messages (an
    irregular noun corrected by hand) are kept; lupdate tidies the layout on its next run."""
    import xml.etree.ElementTree as ET  # noqa: S405 - our translators' .ts files, not the web; here, not at start

    root = ET.parse(path).getroot()  # noqa: S314 - our own translation file
    filled = 0
    for message in root.iter("message"):
        translation = message.find("translation")
        if message.get("numerus") != "yes" or translation is None:
            continue
        forms = translation.findall("numerusform")
        if translation.get("type") != "unfinished":  # finished: written or checked by a person
            continue
        for form in forms:
            translation.remove(form)
        for text in english_forms(message.findtext("source") or ""):
            ET.SubElement(translation, "numerusform").text = text
        del translation.attrib["type"]
        filled += 1
    ET.indent(root)
    with path.open("w", encoding="utf-8") as out:
        out.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        out.write(ET.tostring(root, encoding="unicode"))
        out.write("\n")
    return filled


# -- the 'core' context for translators ---------------------------------------------------------------


def core_strings() -> list[str]:
    """The core's fixed wording the adviser's and office's screens show through ``core_tr``: the
    labels of every choice (event types, employment, outcomes…), risk bands, staff-list columns, why
    an export held someone back, what retention does, how a partner matches, what each report holds,
    the details the office may correct. lupdate cannot read these
    (they are plain strings in the Qt-free core), so ``write_core_ts`` lists them for translators; a
    refusal's one line is built with its details and is shown in English until a translator supplies
    the exact sentence."""
    from pace_desktop import attendees
    from pace_desktop.exchange.export import HELD_BACK_REASONS
    from pace_desktop.partners.identifiers import MATCH_LABELS
    from pace_desktop.privacy.correction import correctable_fields
    from pace_desktop.privacy.retention import ACTION_WORDS
    from pace_desktop.records import enums
    from pace_desktop.reports.kinds import REPORTS

    texts: set[str] = set(enums.BAND_LABELS.values())
    for value in vars(enums).values():
        if (
            isinstance(value, type)
            and issubclass(value, enums.LabelledEnum)
            and value is not enums.LabelledEnum
        ):
            texts.update(member.label for member in value)
    for table in (attendees.FIELDS, HELD_BACK_REASONS, MATCH_LABELS, ACTION_WORDS):
        texts.update(table.values())
    texts.update(kind.description for kind in REPORTS.values())
    texts.update(name.replace("_", " ") for name in correctable_fields("client"))
    return sorted(t for t in texts if t)


def write_core_ts(path: Path, language: str) -> int:
    """Write (or update) ``pace_desktop_<code>_core.ts`` (context ``core``), keeping translations
    made; returns how many strings still need work (the kiosk's writer, another context)."""
    from pace_desktop.ui.kiosk.i18n import write_ts

    return write_ts(path, language, CORE_CONTEXT, core_strings())


def main(argv: list[str]) -> int:
    """``python -m pace_desktop.ui.i18n FILE.ts`` fills the English plural forms of that file;
    ``python -m pace_desktop.ui.i18n core CODE`` writes resources/i18n/pace_desktop_CODE_core.ts."""
    if len(argv) == 2 and argv[0] == "core" and argv[1].isalpha():
        path = resource("i18n", f"{PREFIX}{argv[1]}_core.ts")
        todo = write_core_ts(path, argv[1])
        sys.stdout.write(f"{path}: {todo} strings to translate\n")
        return 0
    if len(argv) != 1 or not argv[0].endswith(".ts"):
        sys.stderr.write(
            "usage: python -m pace_desktop.ui.i18n resources/i18n/pace_desktop_en.ts\n"
            "       python -m pace_desktop.ui.i18n core LANGUAGE_CODE (e.g. gd, pl)\n"
        )
        return 2
    filled = fill_english_plurals(Path(argv[0]))
    sys.stdout.write(f"{argv[0]}: {filled} English plural forms written\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
