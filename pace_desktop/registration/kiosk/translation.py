"""Marking the kiosk's text for translation: the window translates every marked string in one context.

A string is marked where it is defined, when its module is imported; ``ui/kiosk/i18n.py`` imports
``pages`` and ``checks`` (the modules that mark) before reading ``MARKED`` for the translation file.
"""

from __future__ import annotations

from collections.abc import Callable

CONTEXT = "kiosk"  # Qt translation context of every string the kiosk flow marks
Translate = Callable[[str], str]

MARKED: set[str] = set()  # every string marked, for the translation file (see ui/kiosk/i18n.py)


def mark(source: str) -> str:
    """Mark ``source`` as text a person reads; the window translates it (context ``kiosk``)."""
    MARKED.add(source)
    return source


def untranslated(text: str) -> str:
    """The ``tr`` used when no translation is asked for: the English source as it is."""
    return text
