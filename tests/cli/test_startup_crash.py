"""A failure before the window is shown still leaves a crash report and one plain line (issue 16,
item 12): real processes of the real entry point (``python -m pace_desktop``, as the frozen build
starts) that fail while starting — a broken install whose import fails before the command line is
even loaded, Qt missing, and a Qt platform plugin that cannot load (Qt ends the process itself).

The reports hold the error's type and code locations only; the planted fictional name in the
failing module's message never reaches the report, the log or the line.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

CRASHED = "pace-desktop: Something unexpected went wrong (ImportError); nothing more was saved."
SECRET = "Quennaidh Drumwhirlbarrow JT481729B"  # fictional; stands for whatever a message might hold


def start(tmp_path: Path, *args: str, broken: dict[str, str] | None = None, **env: str):
    """Run the app's entry point with ``broken`` modules (name -> source) ahead of the real ones."""
    shadow = tmp_path / "broken"
    shadow.mkdir(exist_ok=True)
    for name, source in (broken or {}).items():
        (shadow / name).parent.mkdir(parents=True, exist_ok=True)
        (shadow / name).write_text(source)
    environment = {
        **os.environ,
        "XDG_STATE_HOME": str(tmp_path / "state"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "PYTHONPATH": os.pathsep.join([str(shadow), str(Path.cwd())]),
        **env,
    }
    return subprocess.run(
        [sys.executable, "-m", "pace_desktop", *args],
        capture_output=True,
        text=True,
        env=environment,
        stdin=subprocess.DEVNULL,
        timeout=120,
        check=False,
    )


def one_crash_line(result) -> str:
    """The process failed with exactly one line on stderr, ours, and no traceback."""
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith(CRASHED) and "Traceback" not in result.stderr
    return line


def the_report(tmp_path: Path) -> str:
    folder = tmp_path / "state" / "PACE Intake" / "log"
    (report,) = sorted(folder.glob("crash-*.txt"))
    assert report.stat().st_mode & 0o777 == 0o600
    text = report.read_text()
    assert SECRET not in text and "Quennaidh" not in text
    return text


def test_an_import_error_before_the_command_line_is_loaded_is_reported(tmp_path):
    # argparse is the first thing pace_desktop.cli imports: a broken copy of it stands for a damaged
    # install. Only the hooks, installed first by __main__, can report this.
    result = start(tmp_path, "--demo", broken={"argparse.py": f"raise ImportError({SECRET!r})\n"})
    line = one_crash_line(result)
    assert "A report for support is in" in line and "Quennaidh" not in result.stderr
    text = the_report(tmp_path)
    assert "\nImportError\n" in text and "pace_desktop/__main__.py" in text  # type and where, for support


def test_qt_failing_to_import_as_the_window_starts_is_reported(tmp_path):
    result = start(tmp_path, "--demo", broken={"PySide6/__init__.py": f"raise ImportError({SECRET!r})\n"})
    one_crash_line(result)
    assert "Quennaidh" not in result.stderr
    text = the_report(tmp_path)
    assert "ImportError" in text and "in run_gui" in text
    log = (tmp_path / "state" / "PACE Intake" / "log" / "pace-desktop.log").read_text()
    assert "crash report written" in log and "Quennaidh" not in log


@pytest.mark.parametrize("office", [False, True])
def test_a_qt_platform_plugin_that_cannot_load_is_reported_before_qt_ends_the_process(tmp_path, office):
    temp = tmp_path / "tmp"
    temp.mkdir()
    result = start(
        tmp_path, "--office" if office else "--demo", QT_QPA_PLATFORM="no-such-platform", TMPDIR=str(temp)
    )
    assert result.returncode != 0  # Qt aborts the process itself
    (ours,) = [line for line in result.stderr.splitlines() if line.startswith("pace-desktop: ")]
    assert ours.startswith("pace-desktop: PACE Intake could not go on (QtFatal); nothing more was saved.")
    assert "A report for support is in" in ours
    text = the_report(tmp_path)
    assert text.splitlines()[4] == "QtFatal" and "in application" in text
    assert list(temp.iterdir()) == []  # no demo store was begun
