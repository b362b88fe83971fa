"""A normal (non-editable) ``pip install`` of the built wheel is a working program.

The wheel is built from a copy of the tracked sources (so the build leaves nothing in the checkout and
cannot lean on stray files), installed with no index into a fresh virtualenv whose only way to the
dependencies is a ``.pth`` line naming a folder of links to the shared environment's packages (not to
its editable install of the project), so pip must resolve every declared dependency offline, and
``pace-desktop self-check`` is run from that virtualenv with no ``PYTHONPATH``.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import sysconfig
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SOURCES = ("pyproject.toml", "setup.py", "MANIFEST.in", "README.md", "pace_desktop", "resources")


def _run(cmd: list[str], **kwargs) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "PYTHONHOME", "VIRTUAL_ENV")}
    env.update(kwargs.pop("env", {}))
    return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=300, **kwargs)


@pytest.fixture(scope="module")
def wheel(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("src")
    for name in SOURCES:
        path = ROOT / name
        if path.is_dir():
            shutil.copytree(path, src / name, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
        else:
            shutil.copy2(path, src / name)
    house = tmp_path_factory.mktemp("wheelhouse")
    built = _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--quiet", "-w", str(house), str(src)])
    assert built.returncode == 0, built.stderr[-2000:]
    (found,) = house.glob("pace_desktop-*.whl")
    return found


def test_wheel_carries_every_resource(wheel):
    names = set(zipfile.ZipFile(wheel).namelist())
    expected = {
        f"pace_desktop/resources/{p.relative_to(ROOT / 'resources').as_posix()}"
        for p in (ROOT / "resources").rglob("*")
        if p.is_file() and "__pycache__" not in p.parts
    }
    assert expected, "resources/ is empty"
    assert expected - names == set()


def test_installed_wheel_passes_self_check(wheel, tmp_path):
    venv = tmp_path / "venv"
    made = _run([sys.executable, "-m", "venv", "--without-pip", str(venv)])
    assert made.returncode == 0, made.stderr
    python = venv / ("Scripts/python.exe" if os.name == "nt" else "bin/python")
    purelib = Path(
        _run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"]).stdout.strip()
    )
    # The dependencies already installed for the tests, linked one by one into a folder of their own:
    # everything but the project's own (editable) install and the .pth files that would run it.
    deps = tmp_path / "deps"
    deps.mkdir()
    for shared in {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}:
        for entry in Path(shared).iterdir():
            own = entry.name.lower().startswith(("pace_desktop", "__editable__", "pace-desktop"))
            if not own and entry.suffix != ".pth" and not (deps / entry.name).exists():
                (deps / entry.name).symlink_to(entry)
    (purelib / "shared-deps.pth").write_text(f"{deps}\n", encoding="utf-8")

    installed = _run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "--quiet",
            "--no-index",
            "--find-links",
            str(wheel.parent),
            "pace-desktop",
        ]
    )
    assert installed.returncode == 0, installed.stderr[-2000:]

    home = tmp_path / "home"
    home.mkdir()
    env = {"HOME": str(home), "QT_QPA_PLATFORM": "offscreen"}
    where = _run(
        [str(python), "-c", "import pace_desktop.paths as p; print(p.resources_dir())"], cwd=tmp_path, env=env
    )
    assert where.returncode == 0, where.stderr
    assert Path(where.stdout.strip()).is_relative_to(venv), where.stdout

    script = venv / ("Scripts/pace-desktop.exe" if os.name == "nt" else "bin/pace-desktop")
    checked = _run([str(script), "self-check"], cwd=tmp_path, env=env)
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "FAIL" not in checked.stdout + checked.stderr
