"""The privacy notice people are shown, versioned, and the wording of each consent purpose.

A consent row stores the notice version, the language it was shown in, and the SHA-256 of its exact text,
so what a person was shown can always be proven (UK GDPR Art. 7(1)). The English notice is
``notice-<version>.md``; its translation into a shipped language is ``notice-<version>.<code>.md``, a file
of its own (a translated notice is proof of what was read, so it is never machine-assembled). A notice
version is complete only when every shipped language has it (``missing_notices``).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pace_desktop.languages import SOURCE_LANGUAGE, shipped_languages
from pace_desktop.paths import resource
from pace_desktop.reference import partners

CORE_PURPOSES = ("pace_support", "contact_followup", "client_survey", "anonymised_statistics")


@dataclass(frozen=True)
class Notice:
    version: str
    text: str
    language: str = SOURCE_LANGUAGE

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@cache
def _purposes_file() -> dict[str, Any]:
    return json.loads(resource("privacy", "purposes.json").read_text(encoding="utf-8"))


def notice_file(version: str, language: str = SOURCE_LANGUAGE) -> str:
    """The file name of a notice version in a language: notice-2026-1.md, notice-2026-1.pl.md."""
    return f"notice-{version}.md" if language == SOURCE_LANGUAGE else f"notice-{version}.{language}.md"


def current_version() -> str:
    return str(_purposes_file()["notice_version"])


@cache
def current_notice(language: str = SOURCE_LANGUAGE) -> Notice:
    """The current notice as shown in ``language``; FileNotFoundError when it is not translated."""
    version = current_version()
    text = resource("privacy", notice_file(version, language)).read_text(encoding="utf-8")
    return Notice(version, text, language)


def has_notice(language: str, version: str | None = None) -> bool:
    return resource("privacy", notice_file(version or current_version(), language)).is_file()


def missing_notices(version: str | None = None) -> list[str]:
    """Shipped languages without this notice version (the current one): empty when it is complete."""
    return [c for c in shipped_languages() if not has_notice(c, version)]


def all_purposes() -> list[str]:
    """Every purpose in the order people are asked: core ones, then sharing with each partner."""
    return [*CORE_PURPOSES, *(f"share_{p.code}" for p in partners() if p.code != "SDS")]


def purpose_text(purpose: str, audience: str = "adviser") -> str:
    """The wording for a purpose: ``audience`` is 'adviser', 'client' or 'explain'."""
    texts = _purposes_file()["purposes"]
    if purpose.startswith("share_"):
        code = purpose.removeprefix("share_")
        name = next((p.name for p in partners() if p.code == code), code)
        return texts["share"][audience].format(name=name)
    return texts[purpose][audience]
