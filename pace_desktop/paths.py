"""Where things live: the read-only resources shipped with the app, and the user's data folder."""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

APP_NAME = "PACE Intake"
APP_AUTHOR = "SDS"


@cache
def resources_dir() -> Path:
    """The ``resources/`` folder: inside the bundle when frozen, inside the package when installed from a
    wheel (setup.py copies it there), else beside the package in a checkout or an editable install."""
    frozen_root = getattr(sys, "_MEIPASS", None)
    if frozen_root:
        return Path(frozen_root) / "resources"
    # The package's own folder, as importlib.resources.files() gives it for a package on disk (the
    # only way this app is installed), without importing importlib.resources before the first screen.
    packaged = Path(__file__).parent / "resources"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def data_dir() -> Path:
    """The per-user data folder (created on first use); the machine's policy may name it."""
    from pace_desktop import policy

    fixed = policy.store_folder()
    if fixed is not None:
        fixed.mkdir(parents=True, exist_ok=True)
        return fixed
    from platformdirs import user_data_path

    path = user_data_path(APP_NAME, APP_AUTHOR, ensure_exists=True)
    return path


def default_store_path() -> Path:
    return data_dir() / "pace.store"


def default_central_path() -> Path:
    """Where the office's central store lives when ``--store`` is not given: beside a laptop's."""
    return data_dir() / "central.store"
