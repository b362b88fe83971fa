"""The version has one source, pyproject.toml: the package, the command line and the build agree."""

from __future__ import annotations

import os
import subprocess
import sys
import tomllib

import pytest

import pace_desktop
from pace_desktop.cli import main
from tests.packaging.conftest import ROOT

with (ROOT / "pyproject.toml").open("rb") as _f:
    PYPROJECT_VERSION = tomllib.load(_f)["project"]["version"]

BUILT = ROOT / "dist" / "pace-desktop" / ("pace-desktop.exe" if sys.platform == "win32" else "pace-desktop")


def test_pyproject_the_package_and_the_command_line_agree(capsys, contents):
    assert contents.project_version() == PYPROJECT_VERSION
    assert pace_desktop.__version__ == PYPROJECT_VERSION, "reinstall: pip install -e . (make does this)"
    with pytest.raises(SystemExit) as exit_:
        main(["--version"])
    assert exit_.value.code == 0
    assert capsys.readouterr().out.strip() == f"PACE Intake {PYPROJECT_VERSION}"


def test_without_package_metadata_the_version_comes_from_the_version_module():
    # As in a PyInstaller build, where there is no installed distribution to ask.
    code = (
        "import importlib.metadata as m\n"
        "def missing(name):\n    raise m.PackageNotFoundError(name)\n"
        "m.version = missing\n"
        "import pace_desktop, pace_desktop._version as v\n"
        "print(pace_desktop.__version__ == v.VERSION)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, check=True)
    assert out.stdout.strip() == "True"


def test_the_build_rewrites_a_stale_version_module_and_leaves_a_current_one(contents, tmp_path):
    module = tmp_path / "_version.py"
    module.write_text('"""Fallback."""\n\nVERSION = "0.0.1"\n', encoding="utf-8")
    assert contents.sync_version_module("2.3.4", module) == "2.3.4"
    assert module.read_text(encoding="utf-8") == '"""Fallback."""\n\nVERSION = "2.3.4"\n'
    os.utime(module, (1, 1))
    contents.sync_version_module("2.3.4", module)
    assert module.stat().st_mtime == 1  # untouched: a build does not dirty the tree for nothing


def test_a_version_module_the_build_cannot_update_stops_the_build(contents, tmp_path):
    module = tmp_path / "_version.py"
    module.write_text("VERSION = get_it()\n", encoding="utf-8")
    with pytest.raises(SystemExit, match="VERSION"):
        contents.sync_version_module("1.0", module)


def test_the_version_module_has_the_line_the_build_rewrites(contents):
    assert contents._VERSION_LINE.search(contents.VERSION_MODULE.read_text(encoding="utf-8"))


@pytest.mark.skipif(not BUILT.exists(), reason="no build in dist/ (make dist)")
def test_the_built_program_reports_the_pyproject_version():
    result = subprocess.run(
        [str(BUILT), "--version"],
        capture_output=True,
        text=True,
        timeout=60,
        env={"PATH": "/usr/bin:/bin", "HOME": os.environ.get("HOME", "/tmp")},
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"PACE Intake {PYPROJECT_VERSION}"
