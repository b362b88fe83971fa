"""PACE Intake: offline, encrypted registration for Scotland's redundancy-support programme.

The core (everything outside ``pace_desktop.ui``) never imports Qt; ``tests/test_layering.py`` checks it.
"""

from __future__ import annotations


def __getattr__(name: str) -> str:
    """``__version__`` is looked up on first use: ``importlib.metadata`` costs about 20 ms, which
    start-up to the unlock screen does not need to pay.
    """
    if name != "__version__":
        raise AttributeError(f"module 'pace_desktop' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        found = version("pace-desktop")
    except PackageNotFoundError:  # running from a PyInstaller build or an uninstalled tree
        from pace_desktop._version import VERSION as found
    globals()["__version__"] = found
    return found
