"""Ship ``resources/`` inside the wheel as ``pace_desktop/resources`` (everything else is in pyproject.toml).

The folder stays at the top of the checkout, where the PyInstaller spec, the tests and the docs name it;
a built wheel carries a copy beside the code, where ``pace_desktop.paths.resources_dir`` finds it with
``importlib.resources``. Editable installs copy nothing: there the checkout's own folder is used.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        if getattr(self, "editable_mode", False):
            return
        target = Path(self.build_lib) / "pace_desktop" / "resources"
        if target.exists():
            shutil.rmtree(target)
        shutil.copytree(RESOURCES, target, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))


setup(cmdclass={"build_py": BuildWithResources})
