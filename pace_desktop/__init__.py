"""PACE Intake: offline, encrypted registration for Scotland's redundancy-support programme.

The core (everything outside ``pace_desktop.ui``) never imports Qt; ``tests/test_layering.py`` checks it.
"""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("pace-desktop")
except PackageNotFoundError:  # running from a PyInstaller build or an uninstalled tree
    from pace_desktop._version import VERSION as __version__  # noqa: F401
