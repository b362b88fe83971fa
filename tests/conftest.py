"""Shared fixtures: real encrypted stores in temporary folders.

Argon2id makes every unlock cost ~0.2 s by design, so one template store is made per session and copied.
"""

from __future__ import annotations

import atexit
import os
import shutil
import tempfile
from pathlib import Path

import pytest

# The real-display tests need their own process (Qt picks one platform per process): they are
# collected only when PACE_REAL_DISPLAY=1, as `make test` runs them; every other test is offscreen.
REAL_DISPLAY = os.environ.get("PACE_REAL_DISPLAY") == "1"
collect_ignore = [] if REAL_DISPLAY else ["realdisplay"]
if not REAL_DISPLAY:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

# Tests never read or write the real per-user config folder (the report-folders list, Qt's settings):
# one throwaway folder for the whole run, inherited by every child process.
# (A child process that imports this module keeps its parent's folder.)
if "PACE_TESTS_CONFIG_HOME" not in os.environ:
    os.environ["PACE_TESTS_CONFIG_HOME"] = tempfile.mkdtemp(prefix="pace-tests-config-")
    atexit.register(shutil.rmtree, os.environ["PACE_TESTS_CONFIG_HOME"], True)
os.environ["XDG_CONFIG_HOME"] = os.environ["PACE_TESTS_CONFIG_HOME"]

PASSPHRASE = "correct horse battery staple"
ADVISER = "Ailsa Demo"


def copy_store(src: Path, dst_dir: Path, name: str = "pace.store") -> Path:
    dst_dir.mkdir(parents=True, exist_ok=True)
    for suffix in ("", ".keys", ".unlock", "-wal", "-shm"):
        s = src.with_name(src.name + suffix)
        if s.exists():
            shutil.copy2(s, dst_dir / (name + suffix))
    return dst_dir / name


@pytest.fixture(scope="session")
def template_store(tmp_path_factory) -> Path:
    from pace_desktop.store.store import Store

    path = tmp_path_factory.mktemp("template") / "pace.store"
    store = Store.create(path, adviser=ADVISER, passphrase=PASSPHRASE, device_name="Test laptop")
    store.close()
    return path


@pytest.fixture
def store_path(template_store, tmp_path) -> Path:
    """A fresh copy of an empty, closed store."""
    return copy_store(template_store, tmp_path / "store")


@pytest.fixture
def store(store_path):
    from pace_desktop.store.store import Store

    s = Store.open(store_path, PASSPHRASE)
    yield s
    try:
        s.close()
    except Exception:
        pass
