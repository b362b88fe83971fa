"""Can Qt start here? Used by the Makefile before `make run` and `make test`.

``python -m pace_desktop.ui.qtcheck`` exits 0 when the offscreen platform (tests) and, on Linux, the xcb
platform (a real desktop) both find every system library they link to; otherwise it prints the missing
libraries on one line and exits 1. It reads the plugins' links with ``ldd`` rather than starting xcb,
so it answers the same with or without a display. Qt 6.5+ also needs libxcb-cursor, which the xcb
plugin opens at run time, so that one is looked up by name.
"""

from __future__ import annotations

import ctypes.util
import subprocess
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
    missing: list[str] = []
    for plugin in _plugin_files(platform):
        out = subprocess.run(["ldd", str(plugin)], capture_output=True, text=True).stdout
        missing += [line.split()[0] for line in out.splitlines() if "not found" in line]
    missing += [
        f"lib{name}.so" for name in RUNTIME_ONLY.get(platform, []) if ctypes.util.find_library(name) is None
    ]
    return sorted(set(missing))


def main() -> int:
    platforms = PLATFORMS if sys.platform.startswith("linux") else ("offscreen",)
    missing = sorted({lib for p in platforms for lib in missing_libraries(p)})
    if missing:
        print("Qt cannot start: missing system libraries " + ", ".join(missing))
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
