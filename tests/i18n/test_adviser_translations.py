"""The adviser's and office's screens, translatable the Qt way: their .ts files current with the code,
English plural forms loaded by default, and in a pseudo-locale (every string 40% longer, accented)
nothing a person reads on the two main windows stays in untranslated English.

Everyone here is fictional.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QModelIndex, Qt, QTranslator
from PySide6.QtWidgets import (
    QAbstractButton,
    QComboBox,
    QDialogButtonBox,
    QGroupBox,
    QLabel,
    QLineEdit,
    QTableView,
    QTabWidget,
    QWidget,
)

from pace_desktop.paths import resource
from pace_desktop.ui import i18n
from tests.i18n.test_translations import _KEPT, _messages
from tests.ui.conftest import (  # noqa: F401 - fixtures
    PASSPHRASE,
    _styled_app,
    clock,
    demo_store_path,
    demo_template,
    session_factory,
    settle,
    unlock,
    wall_clock,
    window_factory,
)

BIN = Path(sys.executable).parent
ROOT = Path(__file__).parents[2]
SOURCES = sorted(str(p) for p in (ROOT / "pace_desktop/ui").rglob("*.py") if "kiosk" not in p.parts)
LANGUAGES = ("pl", "gd")

_ACCENTED = str.maketrans("aeiouycnszAEIOUYCNSZ", "àéîõüýçñšžÀÉÎÕÜÝÇÑŠŽ")
_KEEP = re.compile(r"(\{[a-z_0-9]*\}|%n|%\d|<[^>]+>|&(?=\w))")
PADDING = "ŵŷẑ"


def pseudo(text: str) -> str:
    """Accented and 40% longer, placeholders, markup and & shortcuts kept as they are."""
    parts = [p if _KEEP.fullmatch(p) else p.translate(_ACCENTED) for p in _KEEP.split(text)]
    extra = max(1, round(len(text) * 0.4))
    return "".join(parts) + " " + " ".join([PADDING] * (extra // 4 + 1))[:extra]


def _lupdate(*args: str) -> None:
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *args],
        check=True,
        capture_output=True,
    )


# -- the files are current ------------------------------------------------------------------------


def test_the_english_plural_file_is_current_and_every_form_written(tmp_path: Path) -> None:
    committed = resource("i18n", "pace_desktop_en.ts")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    _lupdate("-pluralonly", *SOURCES, "-ts", str(fresh))
    assert set(_messages(fresh)) == set(_messages(committed)), (
        "pace_desktop_en.ts is out of date with the code: run `make translations` and commit it"
    )
    root = ET.parse(committed).getroot()  # noqa: S314 - our own file
    plurals = [m for m in root.iter("message") if m.get("numerus") == "yes"]
    assert len(plurals) > 20
    for message in plurals:
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, source
        forms = [f.text or "" for f in translation.iter("numerusform")]
        assert len(forms) == 2 and all(f.strip() for f in forms), (source, forms)
        kept = sorted(p for p in _KEPT.findall(source) if p != "%n")  # "A form…" may say one in words
        assert all(sorted(p for p in _KEPT.findall(f) if p != "%n") == kept for f in forms), source
    assert resource("i18n", "pace_desktop_en.qm").stat().st_mtime_ns >= 0


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_core_wording_files_are_current(code: str, tmp_path: Path) -> None:
    committed = resource("i18n", f"pace_desktop_{code}_core.ts")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    i18n.write_core_ts(fresh, code)
    assert set(_messages(fresh)) == set(_messages(committed)), (
        f"{committed.name} is out of date with the code: run `make translations` and commit it"
    )
    assert ("core", "Group session") in _messages(committed)


def test_no_message_sits_in_a_context_the_screens_never_ask_for() -> None:
    """A bare tr() outside a class lands in lupdate's empty context, which no screen looks up."""
    assert "" not in {context for context, _source in _messages(resource("i18n", "pace_desktop_pl.ts"))}


# -- English by default ----------------------------------------------------------------------------


def test_english_plurals_are_loaded_with_the_app_style(qapp) -> None:
    def kinds(n: int) -> str:
        return QCoreApplication.translate("KindCounts", "%Ln record(s)", "", n)

    assert (kinds(1), kinds(2)) == ("1 record", "2 records")
    people = [QCoreApplication.translate("KindCounts", "%Ln person(s)", "", n) for n in (1, 3)]
    assert people == ["1 person", "3 people"]


def test_numbers_and_dates_are_written_for_the_locale() -> None:
    from datetime import date, datetime

    assert i18n.number(1472) == "1,472"
    assert i18n.percent(0.42) == "42%"
    assert i18n.weekday(date(2026, 9, 4)) == "Fri 4 Sep 2026"
    assert i18n.short_date(date(2026, 11, 20)) == "20/11/2026"
    assert i18n.moment(datetime(2026, 11, 5, 14, 3)) == "5 Nov 2026, 14:03"


# -- the pseudo-locale -----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def pseudo_qm(tmp_path_factory) -> Path:
    """Every string of the adviser's and office's screens, and the core's labels, in pseudo text."""
    folder = tmp_path_factory.mktemp("pseudo")
    screens = folder / "screens.ts"
    _lupdate(*SOURCES, "-ts", str(screens))
    core = folder / "core.ts"
    i18n.write_core_ts(core, "pl")
    for path in (screens, core):
        root = ET.parse(path).getroot()  # noqa: S314 - made just now
        root.set("language", "en_US")  # two plural forms, both pseudo
        for message in root.iter("message"):
            translation = message.find("translation")
            translation.attrib.pop("type", None)
            source = message.findtext("source") or ""
            if message.get("numerus") == "yes":
                for form in list(translation):
                    translation.remove(form)
                for _form in range(2):
                    ET.SubElement(translation, "numerusform").text = pseudo(source)
            else:
                translation.text = pseudo(source)
        path.write_text(ET.tostring(root, encoding="unicode"), encoding="utf-8")
    out = folder / "pace_desktop_pseudo.qm"
    subprocess.run(
        [str(BIN / "pyside6-lrelease"), "-silent", str(screens), str(core), "-qm", str(out)],
        check=True,
        capture_output=True,
    )
    return out


@pytest.fixture
def pseudo_locale(qapp, pseudo_qm):
    translator = QTranslator(qapp)
    assert translator.load(str(pseudo_qm))
    qapp.installTranslator(translator)
    yield
    qapp.removeTranslator(translator)


def _shown_texts(window: QWidget) -> list[tuple[str, str]]:
    """(where, text) for what a person reads on ``window`` as it is now: labels, buttons, titles,
    placeholders, tooltips, tabs, drop-down items and table headings (table cells are data)."""
    out: list[tuple[str, str]] = [("window title", window.windowTitle())]
    for widget in [window, *window.findChildren(QWidget)]:
        if not widget.isVisibleTo(window):
            continue
        name = type(widget).__name__
        if widget.toolTip():
            out.append((f"{name} tooltip", widget.toolTip()))
        box = widget.parent()
        if (
            isinstance(box, QDialogButtonBox)
            and isinstance(widget, QAbstractButton)
            and box.standardButton(widget) != QDialogButtonBox.StandardButton.NoButton
        ):
            continue  # Cancel, Close…: Qt's own words, from Qt's translations (qtbase_<code>.qm)
        if isinstance(widget, QLabel | QAbstractButton):
            out.append((name, widget.text()))
        if isinstance(widget, QGroupBox):
            out.append((name, widget.title()))
        if isinstance(widget, QLineEdit) and widget.placeholderText():
            out.append((f"{name} placeholder", widget.placeholderText()))
        if isinstance(widget, QTabWidget):
            out += [(f"{name} tab", widget.tabText(i)) for i in range(widget.count())]
        if isinstance(widget, QComboBox):
            out += [(f"{name} item", widget.itemText(i)) for i in range(widget.count())]
        if isinstance(widget, QTableView) and widget.model() is not None:
            model = widget.model()
            out += [
                (f"{name} heading", str(model.headerData(c, Qt.Orientation.Horizontal) or ""))
                for c in range(model.columnCount(QModelIndex()))
            ]
    return out


_TAG = re.compile(r"<[^>]+>")
# Shown as they are: a fingerprint or ID in groups of letters and digits, a web address, a file name,
# a PACE ID (also as the example in an empty box).
_DATA = re.compile(
    r"([0-9a-f]{4} ?)+|[A-Z0-9]{8}|https?://\S+|[\w.-]+\.(xlsx|pub|store|age|csv)|"
    r"PACE-[0-9A-Z]{4}-[0-9A-Z]{4}"
)


def _untranslated(window: QWidget, data: set[str]) -> list[str]:
    """Texts with words in them that the pseudo-locale did not touch, leaving out data (names,
    employers, PACE IDs, file paths, times) and the product's own name."""
    missing = []
    for where, text in _shown_texts(window):
        plain = _TAG.sub(" ", text).replace("&", "")
        if PADDING[0] in plain or not re.search(r"[A-Za-z]{2}", plain):
            continue
        words = {w for w in re.split(r"[\s,;:()·—–/\\.]+", plain) if w}
        if (
            plain.strip() in data
            or words <= data
            or any(d in plain for d in data if len(d) > 6)
            or _DATA.fullmatch(plain.strip())
        ):
            continue
        missing.append(f"{where}: {text[:70]!r}")
    return sorted(set(missing))


# Shown as written: the product's name, the people and places in the fictional store, its adviser and
# laptop, what the adviser types, reference data (council areas), and times and files.
PROPER = {"PACE", "Intake", "PACE Intake", "SDS", "Ctrl+L", "Ctrl+,"}


def _data_of_adviser_store(window: QWidget) -> set[str]:
    from pace_desktop.reference import council_area_names

    store = window.session.store
    found = set(PROPER) | set(council_area_names().values()) | {store.adviser}
    for event in store.events.all():
        found.update({event.employer_name, event.sector or "", *(event.site_address or "").split()})
        found.update((event.site_address or "").splitlines())
    found.update(re.split(r"\s+", " ".join(found)))
    return {d for d in found if d}


def test_the_adviser_window_is_all_translated_in_a_pseudo_locale(
    qtbot,
    pseudo_locale,
    window_factory,
    demo_store_path,
) -> None:
    window = window_factory(demo_store_path)
    unlocked_before = _untranslated(window, set(PROPER) | {str(demo_store_path), demo_store_path.name})
    unlock(qtbot, window)
    data = _data_of_adviser_store(window) | {str(demo_store_path)}
    home = _untranslated(window, data)
    shown = [text for _where, text in _shown_texts(window)]
    assert sum(PADDING[0] in text for text in shown) > 15, shown  # the walk reads the whole screen
    assert (unlocked_before, home) == ([], []), "\n".join(unlocked_before + home)


def test_the_office_window_is_all_translated_in_a_pseudo_locale(
    qtbot,
    pseudo_locale,
    tmp_path,
    clock,
    wall_clock,
) -> None:
    from pace_desktop.office.central import init_office
    from pace_desktop.ui.office.session import CentralSession
    from pace_desktop.ui.office.window import OfficeWindow

    staff = "Morag Office"
    central = tmp_path / "central.store"
    init_office(central, staff=staff, passphrase=PASSPHRASE, out_dir=tmp_path)
    window = OfficeWindow(session=CentralSession(central, clock=clock, wall_clock=wall_clock))
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    data = set(PROPER) | {staff, *staff.split(), str(central), str(tmp_path), central.name}
    missing = _untranslated(window, data)
    qtbot.keyClicks(window.unlock.passphrase, PASSPHRASE)
    qtbot.keyClick(window.unlock.passphrase, Qt.Key.Key_Return)
    qtbot.waitUntil(
        lambda: window.home is not None and window.stack.currentWidget() is window.home, timeout=10000
    )
    settle(qtbot, window.session)
    tabs = window.home.tabs
    for index in range(tabs.count()):
        tabs.setCurrentIndex(index)
        settle(qtbot, window.session)
        missing += _untranslated(window, data | _office_data(window))
    window.session.lock()
    assert not missing, "\n".join(sorted(set(missing)))


def _office_data(window: QWidget) -> set[str]:
    """The office key, its fingerprints, files and folders, shown as they are."""
    found: set[str] = set()
    for widget in window.findChildren(QLabel) + window.findChildren(QLineEdit):
        for token in widget.text().split():
            if "/" in token or token.startswith("age1") or re.search(r"[0-9a-f]{8}", token):
                found.add(token)
    return found


def test_the_adviser_dialogs_are_all_translated_in_a_pseudo_locale(
    qtbot,
    pseudo_locale,
    window_factory,
    demo_store_path,
) -> None:
    from pace_desktop.ui.dialogs.attendee_import import AttendeeImportDialog
    from pace_desktop.ui.dialogs.event_dialog import EventDialog
    from pace_desktop.ui.dialogs.export_dialog import ExportDialog
    from pace_desktop.ui.dialogs.receipt_dialog import ReceiptDialog
    from pace_desktop.ui.dialogs.settings_dialog import SettingsDialog
    from pace_desktop.ui.followup_dialog import FollowupDialog

    window = window_factory(demo_store_path)
    unlock(qtbot, window)
    session = window.session
    data = _data_of_adviser_store(window) | {str(demo_store_path), str(demo_store_path.parent)}
    event = next(iter(session.store.events.all()))
    missing = []
    for make in (
        lambda: ExportDialog(session, window),
        lambda: ReceiptDialog(session, window),
        lambda: SettingsDialog(session, window),
        lambda: FollowupDialog(session, window),
        lambda: EventDialog(session, event, window),
        lambda: AttendeeImportDialog(session, event, window),
    ):
        dialog = make()
        qtbot.addWidget(dialog)
        dialog.show()
        settle(qtbot, session)
        missing += [
            f"{type(dialog).__name__}: {line}" for line in _untranslated(dialog, data | _office_data(dialog))
        ]
        dialog.hide()
    assert not missing, "\n".join(sorted(set(missing)))
