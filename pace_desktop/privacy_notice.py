"""The privacy notice people are shown, versioned, and the wording of each consent purpose.

A consent row stores the notice version and the SHA-256 of its exact text, so what a person was shown can
always be proven (UK GDPR Art. 7(1)).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from functools import cache
from typing import Any

from pace_desktop.paths import resource
from pace_desktop.reference import partners

CORE_PURPOSES = ("pace_support", "contact_followup", "client_survey", "anonymised_statistics")


@dataclass(frozen=True)
class Notice:
    version: str
    text: str

    @property
    def sha256(self) -> str:
        return hashlib.sha256(self.text.encode("utf-8")).hexdigest()


@cache
def _purposes_file() -> dict[str, Any]:
    return json.loads(resource("privacy", "purposes.json").read_text(encoding="utf-8"))


@cache
def current_notice() -> Notice:
    meta = _purposes_file()
    text = resource("privacy", meta["notice_file"]).read_text(encoding="utf-8")
    return Notice(meta["notice_version"], text)


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
