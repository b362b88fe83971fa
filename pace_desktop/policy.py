"""The machine-wide policy an IT department deploys: settings fixed for every user of the computer.

One JSON file, written by an administrator (Intune, Group Policy, a configuration-management tool):

- Windows: ``%ProgramData%\\SDS\\PACE Intake\\policy.json``
- macOS: ``/Library/Application Support/SDS/PACE Intake/policy.json``
- Linux and others: ``/etc/pace-intake/policy.json``

``PACE_POLICY_FILE`` names another file (tests, or a managed location). No file: no policy. Every key is
optional; what a key sets, the user cannot change (the settings and the command line refuse with one
line naming the policy file). A file that is present but unreadable or invalid stops the app from
starting, with one line naming the file: failing open would silently drop what IT fixed.

Keys (``docs/deployment.md`` has an example):

- ``office_key``: the text of the office's ``office.pub``; new stores get it, and no other can be set.
- ``sync_address``: where laptops hand their bundles to the office (a folder or share path).
- ``store_folder``: the folder stores live in (``%LOCALAPPDATA%``-style variables and ``~`` expand).
- ``autolock_minutes`` (1-60), ``retention_days`` (1-365, a laptop's confirmed records),
  ``identifiable_retention_years`` (1-100, the office's identifiable data).
- ``auto_sync`` (true or false): whether a laptop sends to the office relay by itself while unlocked.
"""

from __future__ import annotations

import json
import os
import sys
from dataclasses import asdict, dataclass
from functools import cache
from pathlib import Path
from typing import Annotated, Any

from pace_desktop.errors import RefusedError, UsageError

ENV = "PACE_POLICY_FILE"
MAX_BYTES = 256 * 1024

# Policy keys that are store settings of the same name (Store.setting answers them from the policy).
SETTING_KEYS: tuple[str, ...] = (
    "autolock_minutes",
    "retention_days",
    "identifiable_retention_years",
    "auto_sync",
)


class PolicyError(UsageError):
    """The policy file is present but cannot be used: the app does not start."""


@dataclass(frozen=True)
class Policy:
    """What the policy fixes; None where it leaves the choice to the user."""

    office_key: str | None = None
    sync_address: str | None = None
    store_folder: str | None = None
    autolock_minutes: int | None = None
    retention_days: int | None = None
    identifiable_retention_years: int | None = None
    auto_sync: bool | None = None

    def fixed(self) -> dict[str, Any]:
        """The keys this policy sets, with their values."""
        return {k: v for k, v in asdict(self).items() if v is not None}


@cache
def _model() -> Any:
    """The pydantic model that checks a policy file: built only when there is a file (pydantic costs a
    fifth of a second to import, which the GUI's start-up budget does not have to spare)."""
    from pydantic import BaseModel, ConfigDict, Field, field_validator

    class PolicyFile(BaseModel):
        model_config = ConfigDict(extra="forbid", frozen=True, str_strip_whitespace=True)

        office_key: Annotated[str, Field(min_length=1, max_length=64 * 1024)] | None = None
        sync_address: Annotated[str, Field(min_length=1, max_length=500)] | None = None
        store_folder: Annotated[str, Field(min_length=1, max_length=500)] | None = None
        autolock_minutes: Annotated[int, Field(ge=1, le=60, strict=True)] | None = None
        retention_days: Annotated[int, Field(ge=1, le=365, strict=True)] | None = None
        identifiable_retention_years: Annotated[int, Field(ge=1, le=100, strict=True)] | None = None
        auto_sync: Annotated[bool, Field(strict=True)] | None = None

        @field_validator("office_key")
        @classmethod
        def _office_key(cls, value: str | None) -> str | None:
            if value is not None:
                from pace_desktop.office_pub import parse_office_key

                try:
                    parse_office_key(value)
                except RefusedError as exc:
                    raise ValueError("is not the text of an office.pub file") from exc
            return value

        @field_validator("sync_address", "store_folder")
        @classmethod
        def _one_line(cls, value: str | None) -> str | None:
            if value is not None and any(ch in value for ch in "\r\n\x00"):
                raise ValueError("must be one line")
            return value

    return PolicyFile


def default_path() -> Path:
    if sys.platform == "win32":
        root = os.environ.get("ProgramData") or r"C:\ProgramData"
        return Path(root) / "SDS" / "PACE Intake" / "policy.json"
    if sys.platform == "darwin":
        return Path("/Library/Application Support/SDS/PACE Intake/policy.json")
    return Path("/etc/pace-intake/policy.json")


def policy_path() -> Path:
    named = os.environ.get(ENV)
    return Path(named) if named else default_path()


def _first_problem(exc: Any) -> str:
    error = exc.errors(include_url=False)[0]
    where = ".".join(str(p) for p in error["loc"]) or "the file"
    message = error["msg"]
    if error["type"] == "extra_forbidden":
        message = "is not a policy setting"
    elif error["type"] in ("int_type", "int_parsing", "string_type", "bool_type", "bool_parsing"):
        message = "has the wrong type"
    return f"{where} {message[0].lower() + message[1:]}" if message else where


def read_policy(path: Path) -> Policy:
    """The policy in ``path`` (an empty policy if there is no file); PolicyError naming the file."""

    def bad(why: str) -> PolicyError:
        return PolicyError(
            f"The policy file {path} {why}: ask IT to correct it. PACE Intake will not start until then."
        )

    try:
        if not path.exists():
            return Policy()
        if path.stat().st_size > MAX_BYTES:
            raise bad("is too large")
        data = json.loads(path.read_bytes().decode("utf-8-sig"))
    except PolicyError:
        raise
    except (OSError, UnicodeDecodeError) as exc:
        raise bad("cannot be read") from exc
    except json.JSONDecodeError as exc:
        raise bad(f"is not valid JSON (line {exc.lineno})") from exc
    if not isinstance(data, dict):
        raise bad("must hold one JSON object")
    from pydantic import ValidationError

    try:
        checked = _model().model_validate(data)
    except ValidationError as exc:
        raise bad(f"is not valid ({_first_problem(exc)})") from exc
    return Policy(**checked.model_dump())


@cache
def current() -> Policy:
    """This computer's policy, read once per process."""
    return read_policy(policy_path())


def reload() -> Policy:
    """Forget the policy read so far (tests, or after IT changes the file) and read it again."""
    current.cache_clear()
    return current()


def refuse_change(*keys: str) -> None:
    """RefusedError (one line, naming the policy file) if the policy fixes any of ``keys``."""
    fixed = [k for k in keys if k in current().fixed()]
    if fixed:
        words = ", ".join(k.replace("_", " ") for k in fixed)
        raise RefusedError(
            f"{words[0].upper() + words[1:]} is set by your organisation's policy "
            f"({policy_path()}) and cannot be changed here."
        )


def setting(key: str) -> str | None:
    """A store setting's value as the policy fixes it (text, like the settings table), or None."""
    if key not in SETTING_KEYS:
        return None
    value = current().fixed().get(key)
    if isinstance(value, bool):
        return "1" if value else "0"  # as the settings table holds a yes/no
    return None if value is None else str(value)


def store_folder() -> Path | None:
    folder = current().store_folder
    return Path(os.path.expandvars(os.path.expanduser(folder))) if folder else None
