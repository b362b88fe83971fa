"""The kiosk's languages: which ship, and which are reviewed and so may be offered to the public.

English is the source language and always offered. Another language ships as
``resources/i18n/pace_kiosk_<code>.qm`` (what Qt loads) compiled from ``pace_kiosk_<code>.ts`` and
``pace_kiosk_<code>_data.ts`` (the translators' files). It is offered only when it is reviewed — every
message in its ``.ts`` files marked finished in Qt Linguist, none ``unfinished`` or empty — and its
privacy notice exists for the current notice version, so a draft never reaches the public and nobody is
asked to consent to a notice they cannot read. This module reads the files only: no Qt here.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET  # noqa: S405 - reads our own translators' .ts files, not the web
from pathlib import Path

from pace_desktop.paths import resource

SOURCE_LANGUAGE = "en"
PREFIX = "pace_kiosk_"
CODE = re.compile(r"[a-z]{2,3}")  # ISO 639-1 or -3: gd, pl, ur…
_SKIPPED = ("vanished", "obsolete")
# English names, for the adviser's and office's screens and subject access (the kiosk shows each
# language by its own name, from Qt).
NAMES = {"en": "English", "pl": "Polish", "gd": "Scottish Gaelic"}


def language_name(code: str) -> str:
    return NAMES.get(code, code)  # strings the code no longer uses: not shown, not reviewed


def i18n_folder(folder: Path | None = None) -> Path:
    return folder if folder is not None else resource("i18n")


def shipped_languages(folder: Path | None = None) -> list[str]:
    """Codes of every compiled translation in the folder, e.g. ['gd', 'pl'] (English not listed)."""
    where = i18n_folder(folder)
    if not where.is_dir():
        return []
    codes = (p.stem.removeprefix(PREFIX) for p in where.glob(f"{PREFIX}*.qm"))
    # pace_kiosk_en.qm holds only English plural forms ("1 second"), not a language to offer
    return sorted(c for c in codes if CODE.fullmatch(c) and c != SOURCE_LANGUAGE)


def translation_sources(code: str, folder: Path | None = None) -> list[Path]:
    """The language's .ts files: the window's strings and the data strings (those that exist)."""
    where = i18n_folder(folder)
    return [p for p in (where / f"{PREFIX}{code}.ts", where / f"{PREFIX}{code}_data.ts") if p.exists()]


def unfinished(code: str, folder: Path | None = None) -> list[tuple[str, str]]:
    """(context, source) of each message not yet translated and marked finished by a reviewer."""
    todo = []
    for path in translation_sources(code, folder):
        root = ET.parse(path).getroot()  # noqa: S314 - a translator's file from our own resources
        for context in root.iter("context"):
            name = context.findtext("name") or ""
            for message in context.iter("message"):
                translation = message.find("translation")
                kind = translation.get("type") if translation is not None else "unfinished"
                if kind in _SKIPPED:
                    continue
                forms = (
                    []
                    if translation is None
                    else ([f.text for f in translation.iter("numerusform")] or [translation.text])
                )
                if kind == "unfinished" or not all(forms):
                    todo.append((name, message.findtext("source") or ""))
    return todo


def is_reviewed(code: str, folder: Path | None = None) -> bool:
    """Both .ts files present and every message in them finished."""
    return len(translation_sources(code, folder)) == 2 and not unfinished(code, folder)


def offered_languages(folder: Path | None = None) -> list[str]:
    """The languages a person may choose in the kiosk besides English: shipped, reviewed, with notice."""
    from pace_desktop.privacy_notice import has_notice

    return [c for c in shipped_languages(folder) if is_reviewed(c, folder) and has_notice(c)]
