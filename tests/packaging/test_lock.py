"""requirements.lock is what `make` installs with --require-hashes: it must say what constraints.txt
says, give every package a hash, and be what this environment was built from."""

from __future__ import annotations

import re
from importlib import metadata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _name(raw: str) -> str:
    return re.sub(r"[-_.]+", "-", raw).lower()


def _pins(text: str) -> dict[str, str]:
    return {
        _name(m.group(1)): m.group(2)
        for m in re.finditer(r"^([A-Za-z0-9_.-]+)==([^\s\\;]+)", text, flags=re.M)
    }


def _lock_entries() -> dict[str, tuple[str, list[str]]]:
    text = (ROOT / "requirements.lock").read_text(encoding="utf-8")
    entries = {}
    for block in re.split(r"\n(?=[A-Za-z0-9])", text):
        pin = re.match(r"([A-Za-z0-9_.-]+)==([^\s\\;]+)", block)
        if pin:
            entries[_name(pin.group(1))] = (pin.group(2), re.findall(r"--hash=sha256:([0-9a-f]{64})", block))
    return entries


def test_the_lock_pins_exactly_what_constraints_pin_each_with_hashes():
    constraints = _pins((ROOT / "constraints.txt").read_text(encoding="utf-8"))
    lock = _lock_entries()
    assert {name: version for name, (version, _) in lock.items() if name in constraints} == constraints
    assert set(lock) - set(constraints) <= {"setuptools"}, "the lock holds packages constraints.txt does not"
    assert [name for name, (_, hashes) in lock.items() if not hashes] == []


def test_this_environment_was_installed_from_the_lock():
    lock = _lock_entries()
    installed = {_name(d.metadata["Name"]): d.version for d in metadata.distributions()}
    differs = {
        name: (version, installed[name])
        for name, (version, _) in lock.items()
        if name in installed and installed[name] != version and name != "setuptools"
    }
    assert differs == {}
