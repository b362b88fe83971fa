"""No plain text on disk: after a working day through the real windows, no seeded name, NI number,
email, phone or street is anywhere on disk in clear, except in the reports the office asked for.

The day (tests/reliability/plaintext_session.py) runs in its own process with a private HOME, XDG
folders (data, config and Qt settings, cache, state, runtime) and TMPDIR, so everything the app and
Qt write lands where this test can read it. Every file is searched as bytes, in UTF-8 and UTF-16,
ignoring case, and inside every zip (xlsx) member too; the stores, bundles and receipts are searched
like everything else, and must hold nothing readable.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from tests.reliability.figures import ROOT
from tests.reliability.plaintext_people import people

SESSION = Path(__file__).with_name("plaintext_session.py")


def run_the_day(tmp_path: Path, count: int) -> tuple[Path, list[Path]]:
    home, tmp, runtime = tmp_path / "home", tmp_path / "tmp", tmp_path / "runtime"
    for folder in (home, tmp, runtime):
        folder.mkdir(mode=0o700)
    env = {key: value for key, value in os.environ.items() if not key.startswith(("XDG_", "PYTEST_"))}
    env.update(
        HOME=str(home),
        TMPDIR=str(tmp),
        XDG_RUNTIME_DIR=str(runtime),
        XDG_DATA_HOME=str(home / ".local" / "share"),
        XDG_CONFIG_HOME=str(home / ".config"),
        XDG_CACHE_HOME=str(home / ".cache"),
        XDG_STATE_HOME=str(home / ".local" / "state"),
        QT_QPA_PLATFORM="offscreen",
        PYTHONDONTWRITEBYTECODE="1",
        PACE_SESSION_PEOPLE=str(count),
    )
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "pytest",
            "-q",
            "-p",
            "no:cacheprovider",
            "-p",
            "no:randomly",
            f"--basetemp={tmp / 'pytest'}",
            "--rootdir",
            str(ROOT),
            str(SESSION),
        ],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
    )
    problems = [line for line in done.stdout.splitlines() if line.startswith(("E ", "FAILED", "ERROR"))]
    assert done.returncode == 0, "\n".join(problems[-30:]) or done.stdout[-3000:] + done.stderr[-2000:]
    return home, [home, tmp, runtime]


def contents(path: Path) -> list[tuple[str, bytes]]:
    """The file's bytes, and each member's if it is a zip (an xlsx is one)."""
    try:
        data = path.read_bytes()
    except OSError:  # gone since it was listed (a temp file, mid-session)
        return []
    found = [(str(path), data)]
    if data[:4] == b"PK\x03\x04":
        try:
            with zipfile.ZipFile(path) as archive:
                found += [(f"{path}!{name}", archive.read(name)) for name in archive.namelist()]
        except (zipfile.BadZipFile, OSError):
            pass
    return found


def hits(data: bytes, needles: list[str]) -> list[str]:
    low = data.lower()
    return [n for n in needles if n.lower().encode("utf-8") in low or n.lower().encode("utf-16-le") in low]


def search(
    roots: list[Path], needles: list[str], allowed: Path | None = None
) -> tuple[dict[str, list[str]], int, int]:
    """Leaks (where -> what), files and members searched, and hits in the reports asked for."""
    leaked: dict[str, list[str]] = {}
    in_reports = searched = 0
    for root in roots:
        for path in sorted(p for p in root.rglob("*") if p.is_file() and not p.is_symlink()):
            for where, data in contents(path):
                searched += 1
                found = hits(data, needles)
                if allowed is not None and path.parent == allowed and path.suffix == ".xlsx":
                    in_reports += len(found)  # the office asked for these: they may hold people
                elif found:
                    leaked[where] = found
    return leaked, searched, in_reports


def the_day(tmp_path: Path, count: int, fig) -> None:
    home, roots = run_the_day(tmp_path, count)
    steps = (home / "session-steps.json").read_text()
    for step in (
        "office first run",
        "laptop first run",
        "event",
        "kiosk registrations",
        "export",
        "import",
        "reports",
        "receipt",
    ):
        assert step in steps
    registered = people(count)
    needles = [n for person in registered for n in person.needles()]
    leaked, searched, in_reports = search(roots, needles, allowed=home / "Documents" / "reports")
    midday = json.loads((home / "midday-scan.json").read_text())  # taken with both stores open
    fig.runs = 1
    fig.inputs = len(needles)
    fig.records = searched
    fig.lost = len(leaked)
    fig.notes["files and members searched"] = searched
    fig.notes["hits in the reports asked for"] = in_reports
    assert not leaked, leaked
    assert midday["leaked"] == {}, midday
    fig.notes["files searched mid-session"] = midday["searched"]
    # The search can see people where they are meant to be: in the records report.
    assert in_reports >= len(registered) * 4
    # Qt and the app wrote no settings or logs holding anything (what they wrote at all is listed).
    config = (
        sorted(str(p.relative_to(home)) for p in (home / ".config").rglob("*") if p.is_file())
        if (home / ".config").exists()
        else []
    )
    fig.notes["settings files"] = len(config)


def test_nothing_personal_is_left_in_clear_after_a_working_day(tmp_path, figure):
    the_day(tmp_path, 3, figure("plaintext-session", "plain-text search after a working day (GUI)"))


@pytest.mark.slow
def test_nothing_personal_is_left_in_clear_after_a_longer_day(tmp_path, figure):
    the_day(tmp_path, 11, figure("plaintext-session", "plain-text search after a working day (GUI)"))
