"""A real X display for the tests: Xvfb at laptop size with Openbox managing the windows.

Offscreen rendering hides what a person meets on a real screen: windows taller than the display,
clipped text, focus that lands off-screen, and window-manager keys such as Super+D. Every test in
``tests/realdisplay`` runs on the xcb platform against this server, started and stopped by the tests.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from dataclasses import dataclass
from pathlib import Path

WIDTH, HEIGHT = 1280, 720  # the smallest screen the app supports (README)


@dataclass(frozen=True)
class Screen:
    """A supported laptop screen: its pixels and the Windows display scaling it runs at."""

    width: int
    height: int
    scale: float  # 1.25 for Windows' "125%"

    @property
    def name(self) -> str:
        return f"{self.width}x{self.height}@{round(self.scale * 100)}"


# The two smallest screens the README promises. At 125% Windows gives a Qt 6 app a device-pixel ratio
# of 1.25: it lays out in 1093x614 logical pixels and every px of the stylesheet takes 1.25 screen
# pixels. QT_SCALE_FACTOR=1.25 on a 1366x768 X server is that same arithmetic on the xcb platform.
# (The other route, Xvfb -dpi 120, only enlarges the fonts: px sizes and the screen's logical size
# stay as at 100%, so a layout that overflows at 125% on Windows can still fit there.)
SCREENS = {s.name: s for s in (Screen(1280, 720, 1.0), Screen(1366, 768, 1.25))}


def chosen_screen() -> Screen:
    """The screen the tests run on: PACE_TEST_SCREEN (e.g. 1366x768@125), 1280x720@100 by default.
    Qt fixes the scaling once per process, so each screen is a pytest run of its own."""
    name = os.environ.get("PACE_TEST_SCREEN", "1280x720@100")
    if name not in SCREENS:
        raise RuntimeError(f"PACE_TEST_SCREEN={name}: choose one of {', '.join(SCREENS)}")
    return SCREENS[name]


@dataclass
class XServer:
    display: str
    width: int
    height: int
    xvfb: subprocess.Popen
    wm: subprocess.Popen | None

    def env(self) -> dict[str, str]:
        return {**os.environ, "DISPLAY": self.display}

    def stop(self) -> None:
        for proc in (self.wm, self.xvfb):
            if proc is not None and proc.poll() is None:
                proc.terminate()
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def missing_tools() -> list[str]:
    return [tool for tool in ("Xvfb", "openbox", "xdotool", "xprop") if shutil.which(tool) is None]


def start(
    width: int = WIDTH, height: int = HEIGHT, window_manager: bool = True, workdir: Path | None = None
) -> XServer:
    """Start Xvfb on a free display number (``-displayfd``) and, by default, Openbox on it."""
    missing = missing_tools()
    if missing:
        raise RuntimeError(f"the real-display tests need {', '.join(missing)} (make test installs them)")
    read_fd, write_fd = os.pipe()
    xvfb = subprocess.Popen(
        [
            "Xvfb",
            "-displayfd",
            str(write_fd),
            "-screen",
            "0",
            f"{width}x{height}x24",
            "-nolisten",
            "tcp",
            "-noreset",
        ],
        pass_fds=(write_fd,),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    os.close(write_fd)
    number = b""
    with os.fdopen(read_fd, "rb") as pipe:
        while not number.endswith(b"\n"):
            chunk = pipe.read(1)
            if not chunk:
                xvfb.kill()
                raise RuntimeError("Xvfb did not start")
            number += chunk
    server = XServer(f":{number.decode().strip()}", width, height, xvfb, None)
    if window_manager:
        home = workdir or Path(os.environ.get("TMPDIR", "/tmp"))
        server.wm = subprocess.Popen(
            ["openbox", "--sm-disable"],
            env={**server.env(), "HOME": str(home)},
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        _wait_for_window_manager(server)
    return server


def _wait_for_window_manager(server: XServer, timeout: float = 10.0) -> None:
    """Openbox is ready once it has set _NET_SUPPORTING_WM_CHECK on the root window."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        out = subprocess.run(
            ["xprop", "-root", "_NET_SUPPORTING_WM_CHECK"], env=server.env(), capture_output=True, text=True
        ).stdout
        if "window id" in out:
            return
        time.sleep(0.05)
    server.stop()
    raise RuntimeError("the window manager did not start on the test display")


def xdotool(server: XServer, *args: str) -> str:
    """Run xdotool against the test display: keys and clicks go through the X server and the window
    manager, as a person's would.
    """
    return subprocess.run(
        ["xdotool", *args], env=server.env(), capture_output=True, text=True, check=True
    ).stdout
