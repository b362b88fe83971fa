"""Logging and crash reports for support, with no personal data (issue 16 item 12).

Fictional canary people are planted in a real store and taken through real commands (with file names
made of their names and NI numbers, and a refused command naming them), then every file in the log
folder, crash reports included, is searched for them. Crashes in the main thread and in another
thread leave a report of types and code locations only, and the person sees one plain line.
"""

from __future__ import annotations

import os
import random
import subprocess
import sys
import textwrap
from datetime import date
from pathlib import Path

import pytest

from pace_desktop.demo import make_event
from pace_desktop.records.models import Client
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE

CANARIES = [("Quennaidh", "Drumwhirlbarrow", "JT481729B"), ("Ffenwicke", "Sgeirquhallan", "JR610933A")]
NEEDLES = [w for person in CANARIES for w in person] + ["JT 48 17 29 B"]


def log_folder(state: Path) -> Path:
    return state / "PACE Intake" / "log"


def run(state: Path, *args: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PACE_PASSPHRASE": PASSPHRASE, "XDG_STATE_HOME": str(state)}
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", *args],
        capture_output=True,
        text=True,
        env=env,
        stdin=subprocess.DEVNULL,
        timeout=180,
        check=False,
    )


def everything_logged(state: Path) -> str:
    folder = log_folder(state)
    return "\n".join(p.read_text(encoding="utf-8", errors="replace") for p in sorted(folder.iterdir()))


@pytest.fixture
def canary_store(store_path):
    with Store.open(store_path, PASSPHRASE) as store:
        event = store.events.add(make_event(random.Random(3), date(2026, 11, 2)))
        ids = []
        for first, last, ni in CANARIES:
            client = store.register(
                Client(
                    event_id=event.id,
                    first_name=first,
                    last_name=last,
                    ni_number=ni,
                    notes=f"{first} {last} asked about {ni}",
                )
            )
            ids.append(client.pace_id)
    return store_path, ids


def test_a_real_workflow_logs_what_support_needs_and_no_personal_data(canary_store, tmp_path):
    store_path, pace_ids = canary_store
    state, out = tmp_path / "state", tmp_path / "out"
    out.mkdir()
    first, last, ni = CANARIES[0]
    results = [
        run(state, "--verbose", "audit-check", "--store", str(store_path)),
        run(
            state,
            "--verbose",
            "office",
            "report",
            "--central",
            str(store_path),
            "--out",
            str(out / f"{first}-{last}.xlsx"),
        ),
        run(
            state,
            "subject-access",
            "--store",
            str(store_path),
            "--pace-id",
            pace_ids[0],
            "--out",
            str(out / f"{ni}.xlsx"),
        ),
        # Refused: the file exists (the message names it; the log must not).
        run(
            state,
            "--verbose",
            "subject-access",
            "--store",
            str(store_path),
            "--pace-id",
            pace_ids[0],
            "--out",
            str(out / f"{ni}.xlsx"),
        ),
        run(state, "--verbose", "init", "--store", str(tmp_path / f"{last}-store"), "--adviser", first),
    ]
    assert [r.returncode for r in results] == [0, 0, 0, 2, 0], [r.stderr for r in results]
    logged = everything_logged(state)
    for needle in NEEDLES + [str(tmp_path)]:
        assert needle not in logged, f"{needle!r} is in the log"
    # ... and the log is there, and says what ran and how it ended (so the scan above means something).
    for line in (
        "start: audit-check",
        "done: audit-check, exit 0",
        "start: office report",
        "workbook written:",
        "refused: subject-access, OutputExists, exit 2",
        "done: init, exit 0",
    ):
        assert line in logged
    # --verbose echoes the log to stderr: that holds no personal data either (bar the refusal's own line).
    verbose_err = "".join(r.stderr for r in results if "--verbose" in r.args and r.returncode == 0)
    assert "INFO pace_desktop: start:" in verbose_err
    assert not [n for n in NEEDLES if n in verbose_err]
    mode = (log_folder(state) / "pace-desktop.log").stat().st_mode & 0o777
    assert mode == 0o600


CRASH = textwrap.dedent("""
    import sys, threading
    from pace_desktop import diagnostics
    diagnostics.setup_logging()
    diagnostics.install_excepthooks()
    secret = "Quennaidh Drumwhirlbarrow JT481729B"
    def fail():
        record = {"name": secret}
        raise ValueError("could not save " + record["name"])
    if sys.argv[1] == "thread":
        worker = threading.Thread(target=fail)
        worker.start()
        worker.join()
    else:
        fail()
""")


@pytest.mark.parametrize("where", ["main", "thread"])
def test_a_crash_leaves_a_report_without_personal_data_and_one_plain_line(tmp_path, where):
    state = tmp_path / "state"
    env = {**os.environ, "XDG_STATE_HOME": str(state)}
    result = subprocess.run(
        [sys.executable, "-c", CRASH, where], capture_output=True, text=True, env=env, timeout=60, check=False
    )
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(
        "pace-desktop: Something unexpected went wrong (ValueError); nothing more was saved."
    )
    assert "Traceback" not in result.stderr and "Quennaidh" not in result.stderr
    (report,) = sorted(log_folder(state).glob("crash-*.txt"))
    text = report.read_text()
    assert "ValueError" in text and " in fail" in text  # the type and where it happened, for support
    assert not [n for n in NEEDLES if n in text] and "could not save" not in text and "record" not in text
    assert "crash report written" in (log_folder(state) / "pace-desktop.log").read_text()
    assert report.stat().st_mode & 0o777 == 0o600


def test_an_unexpected_error_in_a_command_leaves_a_crash_report(tmp_path, monkeypatch, capsys):
    from pace_desktop import diagnostics
    from pace_desktop.cli import laptop, main

    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "state"))

    def explode(args):  # stands in for a bug deep in a command
        raise KeyError("Quennaidh Drumwhirlbarrow")

    monkeypatch.setattr(laptop, "cmd_device_key", explode)
    try:
        assert main(["device-key", "--store", str(tmp_path / "x.store")]) == 1
    finally:
        diagnostics.setup_logging(folder=tmp_path / "elsewhere")  # leave no handler on the test's folder
    (line,) = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("pace-desktop: Something unexpected went wrong (KeyError); nothing more was saved")
    assert "A report for support is in" in line
    (report,) = log_folder(tmp_path / "state").glob("crash-*.txt")
    text = report.read_text()
    assert "KeyError" in text and "Quennaidh" not in text and "explode" in text


def test_the_log_rotates_and_keeps_three_old_files(tmp_path):
    from pace_desktop import diagnostics

    folder = tmp_path / "log"
    diagnostics.setup_logging(folder=folder)
    try:
        for i in range(60_000):
            diagnostics.log.info("line %d of a long session: counts only, %d", i, i * 7)
    finally:
        diagnostics.setup_logging(folder=tmp_path / "elsewhere")
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["pace-desktop.log", "pace-desktop.log.1", "pace-desktop.log.2", "pace-desktop.log.3"]
    assert all(p.stat().st_size <= diagnostics.MAX_LOG_BYTES for p in folder.iterdir())
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in folder.iterdir())
