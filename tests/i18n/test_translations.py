"""The kiosk's translation files: current with the code, complete, placeholders kept, and offered only
once reviewed. `make translations` writes them; these checks are what CI holds them to."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pace_desktop import languages
from pace_desktop.paths import resource
from pace_desktop.privacy_notice import current_notice, has_notice, missing_notices
from pace_desktop.ui.kiosk import i18n

SHIPPED = ("pl", "gd")
BIN = Path(sys.executable).parent
KIOSK_SOURCES = sorted(str(p) for p in (Path(__file__).parents[2] / "pace_desktop/ui/kiosk").glob("*.py"))
# What must come through a translation unchanged: {name} placeholders, %n and %1, and markup.
_KEPT = re.compile(r"\{[a-z_]+\}|%n|%\d|<[^>]+>")


def _messages(path: Path) -> dict[tuple[str, str], list[str]]:
    """(context, source) -> translation forms, for every message the code still uses."""
    out = {}
    for context in ET.parse(path).getroot().iter("context"):  # noqa: S314 - our own files
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is not None and translation.get("type") in ("vanished", "obsolete"):
                continue
            forms = [f.text or "" for f in translation.iter("numerusform")] or [translation.text or ""]
            out[(name, message.findtext("source") or "")] = forms
    return out


def test_shipped_languages_are_polish_and_gaelic() -> None:
    assert languages.shipped_languages() == sorted(SHIPPED)


@pytest.mark.parametrize("code", SHIPPED)
def test_committed_translation_files_are_current_with_the_code(code: str, tmp_path: Path) -> None:
    for path in languages.translation_sources(code):
        shutil.copy(path, tmp_path / path.name)
    window_ts, data_ts = tmp_path / f"pace_kiosk_{code}.ts", tmp_path / f"pace_kiosk_{code}_data.ts"
    subprocess.run(
        [
            str(BIN / "pyside6-lupdate"),
            "-silent",
            "-locations",
            "none",
            *KIOSK_SOURCES,
            "-ts",
            str(window_ts),
        ],
        check=True,
        capture_output=True,
    )
    i18n.write_ts(data_ts, code)
    for fresh in (window_ts, data_ts):
        committed = resource("i18n", fresh.name)
        assert set(_messages(fresh)) == set(_messages(committed)), (
            f"{committed.name} is out of date with the code: run `make translations` and commit it"
        )


@pytest.mark.parametrize("code", SHIPPED)
def test_adviser_and_office_translation_files_are_current_with_the_code(code: str, tmp_path: Path) -> None:
    """Nothing loads these yet (those screens are in English); translators start from them."""
    root = Path(__file__).parents[2]
    sources = sorted(str(p) for p in (root / "pace_desktop/ui").rglob("*.py") if "kiosk" not in p.parts)
    fresh = tmp_path / f"pace_desktop_{code}.ts"
    shutil.copy(resource("i18n", fresh.name), fresh)
    subprocess.run(
        [str(BIN / "pyside6-lupdate"), "-silent", "-locations", "none", *sources, "-ts", str(fresh)],
        check=True,
        capture_output=True,
    )
    committed = _messages(resource("i18n", fresh.name))
    assert set(_messages(fresh)) == set(committed), (
        f"{fresh.name} is out of date with the code: run `make translations` and commit it"
    )
    assert len(committed) > 500


@pytest.mark.parametrize("code", SHIPPED)
def test_every_kiosk_string_has_a_translation_with_its_placeholders_and_markup(code: str) -> None:
    checked = 0
    for path in languages.translation_sources(code):
        for (context, source), forms in _messages(path).items():
            assert all(f.strip() for f in forms), (code, context, source)
            for form in forms:
                assert sorted(_KEPT.findall(form)) == sorted(_KEPT.findall(source)), (code, source, form)
                checked += 1
    assert checked > 200


def test_english_plurals_say_one_second_and_two_seconds(qapp) -> None:
    from PySide6.QtCore import QCoreApplication

    translator = i18n.install("en")
    assert translator is not None
    try:
        one = QCoreApplication.translate("StillTherePage", "The form will be cleared in %n seconds.", "", 1)
        two = QCoreApplication.translate("StillTherePage", "The form will be cleared in %n seconds.", "", 2)
    finally:
        i18n.remove(translator)
    assert (one, two) == ("The form will be cleared in 1 second.", "The form will be cleared in 2 seconds.")


def test_drafts_are_not_offered_until_reviewed(tmp_path: Path) -> None:
    """Nobody who reads Polish or Gaelic natively has reviewed the shipped files: they stay drafts."""
    assert languages.offered_languages() == []
    assert all(languages.unfinished(code) for code in SHIPPED)
    from tests.ui.kiosk_fixtures import reviewed_copy

    reviewed_copy(tmp_path, *SHIPPED)
    assert languages.offered_languages(tmp_path) == sorted(SHIPPED)
    # One message left unfinished again: that language alone is withdrawn.
    data = tmp_path / "pace_kiosk_gd_data.ts"
    text = data.read_text(encoding="utf-8")
    data.write_text(text.replace("<translation>", '<translation type="unfinished">', 1), encoding="utf-8")
    assert languages.offered_languages(tmp_path) == ["pl"]
    assert languages.unfinished("gd", tmp_path) == [("kiosk", "A little")]


def test_a_language_without_its_privacy_notice_is_not_offered(tmp_path: Path) -> None:
    from tests.ui.kiosk_fixtures import reviewed_copy

    reviewed_copy(tmp_path, "pl")
    for path in tmp_path.iterdir():
        path.rename(tmp_path / path.name.replace("_pl", "_cy"))
    assert languages.shipped_languages(tmp_path) == ["cy"] and languages.is_reviewed("cy", tmp_path)
    assert not has_notice("cy") and languages.offered_languages(tmp_path) == []


def test_the_current_notice_is_complete_in_every_shipped_language() -> None:
    assert missing_notices() == []
    english = current_notice()
    for code in SHIPPED:
        notice = current_notice(code)
        assert (notice.version, notice.language) == (english.version, code)
        assert notice.sha256 != english.sha256 and notice.text.startswith("# ")
