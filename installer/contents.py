"""What the PyInstaller build holds: the version, the data, the dynamic imports, and what is left out.

Kept apart from ``pace-desktop.spec`` so that the rules are plain Python the packaging tests can import
and check without running PyInstaller; the spec only wires them together.
"""

from __future__ import annotations

import ast
import fnmatch
import os
import posixpath
import re
import struct
import tomllib
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "pace_desktop"
RESOURCES = ROOT / "resources"
VERSION_MODULE = PACKAGE / "_version.py"

# The oldest macOS the pinned PySide6 wheels run on (their wheel tag: macosx_12_0_universal2 for
# PySide6 6.8 and 6.9, macosx_13_0_universal2 for 6.10 and the pinned 6.11.3, macosx_14_0 from 6.12);
# Info.plist's LSMinimumSystemVersion says the same, so macOS refuses to start the app on an older
# system rather than it crashing in Qt.
MACOS_MINIMUM = "13.0"
# The oldest glibc the Linux build runs on: the build machine's (Debian 12, glibc 2.36), whose bundled
# libstdc++ and libgcc need it. installer/glibc_check.py (make dist-check) fails a build that needs
# newer; docs/packaging.md ('Linux baseline') names the distributions this means.
LINUX_GLIBC_BASELINE = "2.36"
APP_NAME = "PACE Intake"  # pace_desktop.paths.APP_NAME; the spec must not import the app to learn it
EXE_NAME = "pace-desktop"
BUNDLE_ID = "uk.co.skillsdevelopmentscotland.pace-intake"

# Set to 1 to build without the pruning below: the first thing to try if a frozen build misbehaves
# and a dropped plugin or library is suspected.
KEEP_ALL_ENV = "PACE_DIST_KEEP_ALL"


def project_version() -> str:
    """The one source of the version: ``[project] version`` in pyproject.toml."""
    with (ROOT / "pyproject.toml").open("rb") as f:
        return str(tomllib.load(f)["project"]["version"])


_VERSION_LINE = re.compile(r'^VERSION = "([^"]*)"$', re.MULTILINE)


def sync_version_module(version: str | None = None, module: Path = VERSION_MODULE) -> str:
    """Rewrite ``pace_desktop/_version.py`` when it differs from pyproject, and return the version.

    A frozen app has no package metadata, so ``pace_desktop.__version__`` falls back to that file;
    the build keeps it equal to pyproject so nobody has to bump two places.
    """
    version = version or project_version()
    text = module.read_text(encoding="utf-8")
    found = _VERSION_LINE.search(text)
    if found is None:
        raise SystemExit(f"{module} has no line VERSION = \"...\" for the build to keep in step")
    if found.group(1) != version:
        module.write_text(_VERSION_LINE.sub(f'VERSION = "{version}"', text), encoding="utf-8")
    return version


def datas() -> list[tuple[str, str]]:
    """``resources/`` as one tree beside the code (pace_desktop.paths looks in ``sys._MEIPASS``)."""
    return [(str(RESOURCES), "resources")]


# A string literal in the package that names one of its modules is an importlib target: the CLI's
# COMMAND_MODULES and OFFICE_COMMAND_MODULES, the report kinds' "module:function" builders, the UI's
# optional screens. PyInstaller cannot see these, so the spec names every one it finds.
_MODULE_NAME = re.compile(r"^pace_desktop(\.[a-z_][a-z0-9_]*)+(:[A-Za-z_][A-Za-z0-9_]*)?$")


def named_modules(package: Path = PACKAGE) -> set[str]:
    """Every ``pace_desktop.…`` module named in a string literal in the package's source."""
    names: set[str] = set()
    for path in package.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        for node in ast.walk(tree):
            if isinstance(node, ast.Constant) and isinstance(node.value, str) and _MODULE_NAME.match(
                    node.value):
                names.add(node.value.partition(":")[0])
    return names


def module_exists(name: str, root: Path = ROOT) -> bool:
    base = root.joinpath(*name.split("."))
    return base.with_suffix(".py").is_file() or (base / "__init__.py").is_file()


def hidden_imports(collect_submodules: Callable[[str], list[str]]) -> list[str]:
    """All of ``pace_desktop`` (lazily imported command groups and report builders included).

    Names in the source that have no module yet are left out: the app already treats them as
    "not built yet" and carries on.
    """
    named = {name for name in named_modules() if module_exists(name)}
    return sorted(named | set(collect_submodules("pace_desktop")))


# Qt's Python modules the app does not import (SVG icons load through Qt's own plugins, not
# PySide6.QtSvg). The PySide6 hooks only follow what is imported, so this is a guard: a stray
# import of one of these (in a dependency, say) must not drag in its libraries and plugins.
QT_EXCLUDES = [
    f"PySide6.{name}"
    for name in (
        "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
        "QtBluetooth", "QtCharts", "QtConcurrent", "QtDataVisualization", "QtDBus", "QtDesigner",
        "QtGraphs", "QtGraphsWidgets", "QtHelp", "QtHttpServer", "QtLabsStyleKit", "QtLocation",
        "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtNetworkAuth", "QtNfc", "QtOpenGL",
        "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets", "QtPositioning", "QtPrintSupport", "QtQml",
        "QtQmlFeatures", "QtQuick", "QtQuick3D", "QtQuickControls2", "QtQuickTest", "QtQuickWidgets",
        "QtRemoteObjects", "QtScxml", "QtSensors", "QtSerialBus", "QtSerialPort", "QtSpatialAudio",
        "QtSql", "QtStateMachine", "QtSvg", "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools",
        "QtWebChannel", "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
        "QtWebView", "QtXml",
    )
]

# Python packages that are installed for development, or that libraries would use only if present.
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "unittest", "pydoc", "doctest", "pdb", "lib2to3", "idlelib", "ensurepip",
    "venv", "distutils", "setuptools", "pkg_resources", "pip", "PyInstaller", "pytest", "_pytest",
    "pytestqt", "hypothesis", "pygments", "numpy", "pandas", "PIL", "lxml", "IPython",
]

# Server-side parts: the office relay (uvicorn and what it brings) and the PostgreSQL driver run from a
# pip installation on a server, not from the laptop's build (docs/sync.md, docs/central-database.md).
# Only the modules named here import them, each saying so in one line when they are absent. The
# laptop does use TLS: `sync` and "Send to office" reach the relay.
SERVER_ONLY = ["uvicorn", "click", "h11", "psycopg", "psycopg_binary", "psycopg_pool"]
SERVER_MODULES = ("pace_desktop/sync/relay.py", "pace_desktop/store/pg/")

# libphonenumber's place-name, carrier and time-zone tables (about 21 MB of Python, 9 MB in the build):
# we only parse, check and format numbers (records/validation.py), which needs phonenumbers.data alone.
PHONENUMBERS_UNUSED = [
    "phonenumbers.geocoder", "phonenumbers.geodata", "phonenumbers.carrier", "phonenumbers.carrierdata",
    "phonenumbers.timezone", "phonenumbers.tzdata",
]

EXCLUDES = QT_EXCLUDES + PYTHON_EXCLUDES + SERVER_ONLY + PHONENUMBERS_UNUSED


@dataclass(frozen=True)
class Prune:
    """Files PyInstaller collects that the app never loads, or should take from the system: a glob on
    the lower-case path inside the built folder (with ``/``), and why it can go.
    """

    pattern: str
    reason: str


PRUNE: tuple[Prune, ...] = (
    Prune("*/pyside6/*translations/*",
          "Qt's own translations: the UI is English, and the kiosk ships its own .qm files"),
    Prune("*/plugins/imageformats/*", "image formats other than SVG (PNG is built into QtGui)"),
    Prune("*/plugins/platforms/*qeglfs*", "platforms for embedded boards without a desktop"),
    Prune("*/plugins/platforms/*qlinuxfb*", "the Linux framebuffer platform"),
    Prune("*/plugins/platforms/*qvnc*", "the VNC platform"),
    Prune("*/plugins/platforms/*qvkkhrdisplay*", "the Vulkan display platform"),
    Prune("*/plugins/platforms/*qminimalegl*", "a test platform"),
    Prune("*/plugins/egldeviceintegrations/*", "only used by the embedded eglfs platform"),
    Prune("*/plugins/generic/*", "evdev/TUIO input for embedded platforms (TUIO pulls in QtNetwork)"),
    Prune("*/plugins/platforminputcontexts/*qtvirtualkeyboard*",
          "the on-screen keyboard is QML: it would pull in QtQuick and QtQml"),
    Prune("*/plugins/platformthemes/*qgtk3*",
          "GTK file dialogs: they load the system's GTK; Qt's own dialogs or the desktop portal serve"),
    Prune("*/plugins/wayland-graphics-integration-server/*", "for Wayland compositors, not clients"),
    Prune("*/plugins/networkinformation/*", "QtNetwork is not used"),
    Prune("*/plugins/tls/*", "QtNetwork is not used"),
    Prune("*opengl32sw.dll", "Windows' software OpenGL: the app draws widgets, not OpenGL"),
    Prune("*libqt6pdf.so*", "QtPdf, only used by the PDF image-format plugin"),
    Prune("*qt6pdf.dll", "QtPdf, only used by the PDF image-format plugin"),
    Prune("*qtpdf.framework/*", "QtPdf, only used by the PDF image-format plugin"),
    # Linux: the desktop's own libraries, exactly those a pip-installed PySide6 also takes from the
    # system (`make qt-libs`). They talk to the X server, D-Bus and the font configuration of the
    # machine they run on, so the host's copies are the right ones; bundling the build machine's
    # copies would also make the build depend on what that machine happened to have installed.
    *(Prune(f"*/{name}.so*", "the desktop's own library (X11, fonts, D-Bus, GLib): taken from the system")
      for name in ("libx11", "libx11-xcb", "libxcb*", "libxau", "libxdmcp", "libxext", "libxrender",
                   "libxkbcommon*", "libfontconfig", "libfreetype", "libdbus-1", "libsystemd",
                   "libglib-2.0", "libgthread-2.0")),
)

# Keep these even when a rule above matches them.
KEEP: tuple[str, ...] = ("*/plugins/imageformats/*qsvg*",)


def pruned_by(dest: str, rules: Iterable[Prune] = PRUNE) -> Prune | None:
    """The rule that drops ``dest`` (a path inside the built folder), or None to keep it."""
    path = dest.replace("\\", "/").lower()
    if not path.startswith("/"):
        path = "/" + path  # so that "*/plugins/..." also matches at the top of the tree
    if any(fnmatch.fnmatchcase(path, keep) for keep in KEEP):
        return None
    return next((rule for rule in rules if fnmatch.fnmatchcase(path, rule.pattern)), None)


UNLINKED = Prune("(libraries nothing kept links to)",
                 "linked only by plugins dropped above (GTK, QtNetwork, eglfs…): found by following links")

Toc = list[tuple[str, str, str]]  # PyInstaller's (dest, source, typecode) entries


def unlinked(binaries: Toc, needed: Callable[[str], Iterable[str]]) -> set[str]:
    """The shared libraries in ``binaries`` that no kept extension module, Qt plugin or libpython
    links to, directly or through each other. ``needed(source)`` names the libraries one file links.

    PyInstaller collects a plugin's libraries before the spec can drop the plugin, so without this
    a dropped GTK theme would still leave GTK's libraries behind.
    """
    by_name: dict[str, list[str]] = {}
    for dest, _source, _kind in binaries:
        by_name.setdefault(PurePosixPath(dest).name, []).append(dest)
    source_of = {dest: source for dest, source, _kind in binaries}
    stack = [dest for dest, _source, kind in binaries
             if kind == "EXTENSION" or "/plugins/" in f"/{dest}" or dest.startswith("libpython")]
    reached: set[str] = set()
    while stack:
        dest = stack.pop()
        if dest in reached:
            continue
        reached.add(dest)
        for name in needed(source_of[dest]):
            stack.extend(by_name.get(PurePosixPath(name).name, ()))
    return set(source_of) - reached


def elf_needed(path: str) -> list[str]:
    """The libraries an ELF file links directly (its DT_NEEDED entries); [] for anything else.

    ``ldd`` would list the whole chain as resolved on the build machine, which hides what a dropped
    library alone was pulling in.
    """
    with open(path, "rb") as f:
        data = f.read()
    if data[:4] != b"\x7fELF":
        return []
    wide, order = data[4] == 2, "<" if data[5] == 1 else ">"
    if wide:
        shoff, = struct.unpack_from(order + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x3A)
        section, dyn = order + "IIQQQQIIQQ", order + "qQ"
    else:
        shoff, = struct.unpack_from(order + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(order + "HH", data, 0x2E)
        section, dyn = order + "IIIIIIIIII", order + "iI"
    sections = [struct.unpack_from(section, data, shoff + i * shentsize) for i in range(shnum)]
    needed: list[str] = []
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, _entsize in sections:
        if kind != 6:  # SHT_DYNAMIC
            continue
        strtab = sections[link][4]
        for tag, value in struct.iter_unpack(dyn, data[offset:offset + size]):
            if tag == 1:  # DT_NEEDED
                end = data.index(b"\0", strtab + value)
                needed.append(data[strtab + value:end].decode())
    return needed


def _link_target(dest: str, target: str) -> str:
    return posixpath.normpath(posixpath.join(posixpath.dirname(dest), target))


def trim(binaries: Toc, datas: Toc, needed: Callable[[str], Iterable[str]] | None = None,
         environ: Mapping[str, str] | None = None) -> tuple[Toc, Toc, list[tuple[str, Prune]]]:
    """``binaries`` and ``datas`` without what ``PRUNE`` drops, nor (given ``needed``) libraries left
    unlinked, nor symlinks to anything dropped; and the list of what was dropped and why.
    """
    environ = os.environ if environ is None else environ
    if environ.get(KEEP_ALL_ENV) == "1":
        return list(binaries), list(datas), []
    dropped: dict[str, Prune] = {}
    for dest, _source, _kind in [*binaries, *datas]:
        rule = pruned_by(dest)
        if rule is not None:
            dropped[dest] = rule
    binaries = [entry for entry in binaries if entry[0] not in dropped]
    if needed is not None:
        dropped.update(dict.fromkeys(unlinked(binaries, needed), UNLINKED))
        binaries = [entry for entry in binaries if entry[0] not in dropped]
    kept_datas = []
    for dest, source, kind in datas:
        if dest in dropped:
            continue
        if kind == "SYMLINK" and _link_target(dest, source) in dropped:
            dropped[dest] = dropped[_link_target(dest, source)]
            continue
        kept_datas.append((dest, source, kind))
    return binaries, kept_datas, sorted(dropped.items())
