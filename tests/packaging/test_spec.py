"""The PyInstaller spec and the rules it uses: what goes into the build, and what is left out.

Fast checks of the plan only; `make dist-check` proves the built program itself.
"""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import pace_desktop
from pace_desktop import paths
from pace_desktop.cli import COMMAND_MODULES
from pace_desktop.cli.office import OFFICE_COMMAND_MODULES
from pace_desktop.reports.kinds import REPORTS
from tests.packaging.conftest import INSTALLER, ROOT

SPEC = INSTALLER / "pace-desktop.spec"


def test_the_spec_is_python_that_wires_in_the_plan():
    tree = ast.parse(SPEC.read_text(encoding="utf-8"), filename=str(SPEC))
    used = {
        node.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Attribute)
        and isinstance(node.value, ast.Name)
        and node.value.id == "contents"
    }
    assert {"datas", "hidden_imports", "EXCLUDES", "trim", "sync_version_module"} <= used
    calls = {
        node.func.id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Name)
    }
    assert {"Analysis", "PYZ", "EXE", "COLLECT", "BUNDLE"} <= calls


def test_resources_go_in_whole_where_the_frozen_app_looks_for_them(contents, monkeypatch, tmp_path):
    assert contents.datas() == [(str(ROOT / "resources"), "resources")]
    # Frozen, pace_desktop.paths looks in sys._MEIPASS/<the destination the spec names>.
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert paths.resources_dir.__wrapped__() == tmp_path / contents.datas()[0][1]


def test_the_resources_the_app_needs_are_in_the_folder_the_spec_ships():
    for part in (
        ("checklist", "ltu-1.json"),
        ("data", "council_areas.csv"),
        ("privacy", "purposes.json"),
        ("style", "app.qss"),
        ("icons", "pace-desktop.png"),
    ):
        assert (ROOT / "resources").joinpath(*part).is_file(), part


def test_every_lazily_imported_module_is_named_without_help_from_pyinstaller(contents):
    named = set(contents.hidden_imports(lambda package: []))
    dynamic = {
        *COMMAND_MODULES,
        *OFFICE_COMMAND_MODULES,
        *(kind.builder.partition(":")[0] for kind in REPORTS.values()),
    }
    present = {name for name in dynamic if contents.module_exists(name)}
    assert "pace_desktop.cli.selfcheck" in present and "pace_desktop.reports.summary" in present
    assert present <= named


def test_names_of_modules_not_written_yet_are_left_out(contents, tmp_path):
    package = tmp_path / "pace_desktop"
    (package / "cli").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "cli" / "__init__.py").write_text(
        'MODULES = ("pace_desktop.cli.here", "pace_desktop.cli.later")\n'
        'BUILDER = "pace_desktop.cli.here:build"\nTEXT = "not pace_desktop.cli.here"\n'
    )
    (package / "cli" / "here.py").write_text("")
    named = contents.named_modules(package)
    assert named == {"pace_desktop.cli.here", "pace_desktop.cli.later"}
    assert [n for n in sorted(named) if contents.module_exists(n, tmp_path)] == ["pace_desktop.cli.here"]


def _imported_modules(skip: tuple[str, ...] = ()) -> set[str]:
    found: set[str] = set()
    root = Path(pace_desktop.__file__).parent
    for path in root.rglob("*.py"):
        if path.relative_to(root.parent).as_posix().startswith(skip):
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                found.add(node.module)
                found.update(f"{node.module}.{alias.name}" for alias in node.names)
    return found


def test_nothing_the_app_imports_is_excluded(contents):
    imported = _imported_modules(skip=contents.SERVER_MODULES)
    clashes = {
        name for name in contents.EXCLUDES if any(m == name or m.startswith(name + ".") for m in imported)
    }
    assert clashes == set(), "the app now uses an excluded module: take it out of installer/contents.py"
    assert {
        "PySide6.QtWebEngineCore",
        "PySide6.QtQuick",
        "PySide6.QtNetwork",
        "PySide6.QtSql",
        "PySide6.QtTest",
        "PySide6.QtPdf",
        "PySide6.QtMultimedia",
        "PySide6.Qt3DCore",
    } <= set(contents.EXCLUDES)


def test_server_only_libraries_are_imported_only_by_the_server_modules(contents):
    everywhere = _imported_modules()
    outside = _imported_modules(skip=contents.SERVER_MODULES)
    for name in contents.SERVER_ONLY:
        assert not any(m == name or m.startswith(name + ".") for m in outside), name
    assert {"uvicorn", "psycopg"} <= everywhere  # the server modules do use them


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/plugins/platforms/libqoffscreen.so",
        "PySide6\\plugins\\platforms\\qwindows.dll",
        "PySide6/Qt/plugins/platforms/libqcocoa.dylib",
        "PySide6/Qt/plugins/imageformats/libqsvg.so",
        "PySide6\\plugins\\imageformats\\qsvg.dll",
        "PySide6/Qt/plugins/iconengines/libqsvgicon.so",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
        "resources/i18n/pace_kiosk_gd.qm",
        "libcrypto.so.3",
    ],
)
def test_what_the_app_needs_is_kept(contents, dest):
    assert contents.pruned_by(dest) is None


@pytest.mark.parametrize(
    "dest",
    [
        "PySide6/Qt/translations/qtbase_de.qm",
        "PySide6\\translations\\qtbase_fr.qm",
        "PySide6/Qt/plugins/imageformats/libqpdf.so",
        "PySide6\\plugins\\imageformats\\qtiff.dll",
        "PySide6/Qt/lib/libQt6Pdf.so.6",
        "PySide6\\Qt6Pdf.dll",
        "PySide6\\opengl32sw.dll",
        "PySide6/Qt/plugins/platforminputcontexts/libqtvirtualkeyboardplugin.so",
        "PySide6/Qt/plugins/platforms/libqeglfs.so",
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libX11.so.6",
        "libxcb-cursor.so.0",
        "libfontconfig.so.1",
        "libdbus-1.so.3",
    ],
)
def test_what_the_app_never_loads_is_dropped_with_a_reason(contents, dest):
    rule = contents.pruned_by(dest)
    assert rule is not None and rule.reason


def test_libraries_only_dropped_plugins_linked_go_too(contents):
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", "/s/libqgtk3.so", "BINARY"),
        ("PySide6/QtGui.abi3.so", "/s/QtGui.abi3.so", "EXTENSION"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/s/libQt6Gui.so.6", "BINARY"),
        ("PySide6/Qt/lib/libQt6XcbQpa.so.6", "/s/libQt6XcbQpa.so.6", "BINARY"),
        ("libcairo.so.2", "/s/libcairo.so.2", "BINARY"),
        ("libpixman-1.so.0", "/s/libpixman-1.so.0", "BINARY"),
    ]
    links = {
        "/s/libqxcb.so": ["libQt6XcbQpa.so.6", "libQt6Gui.so.6"],
        "/s/libqgtk3.so": ["libcairo.so.2"],
        "/s/QtGui.abi3.so": ["libQt6Gui.so.6"],
        "/s/libcairo.so.2": ["libpixman-1.so.0"],
    }
    datas = [
        ("libcairo.so.2.link", "libcairo.so.2", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
        ("resources", "/r", "DATA"),
    ]
    kept, kept_datas, dropped = contents.trim(binaries, datas, lambda src: links.get(src, []), environ={})
    assert [dest for dest, _, _ in kept] == [
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/QtGui.abi3.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "PySide6/Qt/lib/libQt6XcbQpa.so.6",
    ]
    assert [dest for dest, _, _ in kept_datas] == ["libQt6Gui.so.6", "resources"]
    assert {dest for dest, _ in dropped} == {
        "PySide6/Qt/plugins/platformthemes/libqgtk3.so",
        "libcairo.so.2",
        "libpixman-1.so.0",
        "libcairo.so.2.link",
    }


def test_keep_all_builds_without_pruning(contents):
    binaries = [("PySide6/Qt/plugins/imageformats/libqpdf.so", "/s/libqpdf.so", "BINARY")]
    assert contents.trim(binaries, [], None, environ={contents.KEEP_ALL_ENV: "1"}) == (binaries, [], [])


def test_elf_links_are_read_from_the_file(contents):
    python = os.path.realpath(sys.executable)
    if sys.platform.startswith("linux"):
        assert any(name.startswith(("libc.so", "libpython")) for name in contents.elf_needed(python))
    assert contents.elf_needed(str(SPEC)) == []


@pytest.mark.skipif(
    shutil.which("readelf") is None or not sys.platform.startswith("linux"),
    reason="needs binutils' readelf on Linux to compare with",
)
def test_elf_links_match_readelf(contents):
    import sqlcipher3.dbapi2

    library = next(Path(sqlcipher3.dbapi2.__file__).parent.glob("_sqlite3*.so"))
    out = subprocess.run(["readelf", "-d", str(library)], capture_output=True, text=True, check=True).stdout
    expected = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines() if "(NEEDED)" in line]
    assert contents.elf_needed(str(library)) == expected
