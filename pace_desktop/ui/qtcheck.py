"""Can Qt start here? Used by the Makefile before `make run` and `make test`.

``python -m pace_desktop.ui.qtcheck`` exits 0 when the offscreen platform (tests) and, on Linux, the xcb
platform (a real desktop) both find every system library they link to; otherwise it prints the missing
libraries on one line and exits 1. It reads the plugins' links with ``ldd`` rather than starting xcb,
so it answers the same with or without a display. Qt 6.5+ also needs libxcb-cursor, which the xcb
plugin opens at run time, so that one is looked up by name.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

PLATFORMS = ("offscreen", "xcb")
RUNTIME_ONLY = {"xcb": ["xcb-cursor"]}  # opened by the plugin, not linked


def _plugin_files(platform: str) -> list[Path]:
    import PySide6

    qt = Path(PySide6.__file__).parent / "Qt"
    files = [qt / "plugins" / "platforms" / f"libq{platform}.so"]
    if platform == "xcb":
        files += sorted((qt / "lib").glob("libQt6XcbQpa.so*"))[:1]
    return [f for f in files if f.exists()]


def missing_libraries(platform: str) -> list[str]:
    """The shared libraries the platform plugin needs that this system lacks (Linux only)."""
    if not sys.platform.startswith("linux"):
        return []
    # Only when a window could not be opened: ldd's run and ctypes.util (which imports subprocess)
    # are not worth their import at every start.
    import ctypes.util
    import subprocess

    missing: list[str] = []
    for plugin in _plugin_files(platform):
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
        missing += [line.split()[0] for line in out.splitlines() if "not found" in line]
    missing += [
        f"lib{name}.so" for name in RUNTIME_ONLY.get(platform, []) if ctypes.util.find_library(name) is None
    ]
    return sorted(set(missing))


NO_DISPLAY = (
    "PACE Intake cannot open its window: no desktop display was found (DISPLAY and WAYLAND_DISPLAY "
    "are not set). Start it from a desktop session, or use its commands: pace-desktop --help."
)
NO_CONNECTION = (
    "PACE Intake cannot open its window: the display {display} cannot be reached. Start it from a "
    "desktop session (or check DISPLAY), or use its commands: pace-desktop --help."
)
MISSING = (
    "PACE Intake cannot open its window: Qt needs system libraries this computer lacks ({libraries}). "
    "Install them (see the README, 'make run'), then start it again."
)


def _platforms(environ: dict[str, str]) -> list[str]:
    """The Qt platforms the app will try, in order: QT_QPA_PLATFORM's list, else Qt's own choice on
    Linux (Wayland when a Wayland display is named, then xcb)."""
    chosen = environ.get("QT_QPA_PLATFORM", "").strip()
    if chosen:
        return [p.split(":")[0].strip() for p in chosen.split(";") if p.strip()]
    return (["wayland"] if environ.get("WAYLAND_DISPLAY") else []) + ["xcb"]


def _xcb_cannot_load() -> list[str]:
    """The first library the xcb platform cannot load, found by loading its library (and the one
    the plugin opens at run time) as Qt will: a few milliseconds, where ``ldd`` takes a tenth of a
    second of every start."""
    missing = []
    for name in [str(f) for f in _plugin_files("xcb")[1:]] + ["libxcb-cursor.so.0"]:
        try:
            ctypes.CDLL(name)
        except OSError as exc:
            missing.append(str(exc).split(":")[0])
    return missing


def _x_server_answers(display: str) -> bool:
    """True when libxcb connects to the X server ``display`` (what Qt's xcb plugin does first)."""
    try:
        xcb = ctypes.CDLL("libxcb.so.1")
    except OSError:
        return True  # the missing library is reported by _xcb_cannot_load()
    xcb.xcb_connect.restype = ctypes.c_void_p
    xcb.xcb_connect.argtypes = [ctypes.c_char_p, ctypes.c_void_p]
    xcb.xcb_connection_has_error.argtypes = [ctypes.c_void_p]
    xcb.xcb_disconnect.argtypes = [ctypes.c_void_p]
    connection = xcb.xcb_connect(display.encode(), None)
    try:
        return connection is not None and xcb.xcb_connection_has_error(connection) == 0
    finally:
        if connection is not None:
            xcb.xcb_disconnect(connection)


def display_problem(environ: dict[str, str] | None = None) -> str | None:
    """Why Qt would fail to open a window here, as one plain line; None when it can (or when this is
    not Linux, where Qt always has its native platform).

    Checked before the QApplication is made: when Qt itself fails to reach a display it prints its
    raw "could not load the Qt platform plugin" text and aborts the process.
    """
    if not sys.platform.startswith("linux"):
        return None
    environ = dict(os.environ if environ is None else environ)
    platforms = _platforms(environ)
    if any(p not in ("xcb", "wayland", "wayland-egl") for p in platforms):
        return None  # offscreen, minimal, eglfs, vnc…: no desktop needed
    if "wayland" in platforms[:1] and environ.get("WAYLAND_DISPLAY"):
        return None
    display = environ.get("DISPLAY", "")
    if "xcb" not in platforms or not display:
        return NO_DISPLAY
    missing = _xcb_cannot_load()
    if missing:
        return MISSING.format(libraries=", ".join(missing))
    if not _x_server_answers(display):
        return NO_CONNECTION.format(display=display)
    return None


def main() -> int:
    platforms = PLATFORMS if sys.platform.startswith("linux") else ("offscreen",)
    missing = sorted({lib for p in platforms for lib in missing_libraries(p)})
    if missing:
        print("Qt cannot start: missing system libraries " + ", ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
