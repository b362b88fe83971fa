"""The Linux .desktop entry, the Windows installer script and the app icons they point at."""

from __future__ import annotations

import configparser
import re
import shutil
import struct
import subprocess

import pytest

from pace_desktop import paths
from tests.packaging.conftest import INSTALLER, ROOT, load

DESKTOP = INSTALLER / "linux" / "pace-desktop.desktop"
ISS = INSTALLER / "windows" / "pace-desktop.iss"


def _entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


@pytest.mark.skipif(shutil.which("desktop-file-validate") is None, reason="desktop-file-utils not installed")
def test_desktop_file_validates():
    result = subprocess.run(["desktop-file-validate", str(DESKTOP)], capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


def test_desktop_file_starts_the_installed_program_with_its_icon(contents):
    entry = _entry()
    assert entry["Type"] == "Application"
    assert entry["Name"] == paths.APP_NAME == contents.APP_NAME
    assert entry["Exec"].split()[0] == entry["TryExec"] == contents.EXE_NAME
    assert entry["Terminal"] == "false"
    assert entry["Categories"].endswith(";") and entry["Keywords"].endswith(";")
    # A theme icon name: docs/packaging.md installs resources/icons/pace-desktop.{png,svg} under it.
    assert entry["Icon"] == "pace-desktop"
    assert (ROOT / "resources" / "icons" / "pace-desktop.png").is_file()


def test_installer_is_per_machine_with_a_start_menu_entry():
    text = ISS.read_text(encoding="utf-8")
    assert re.search(r"^PrivilegesRequired=admin$", text, re.MULTILINE)
    assert re.search(r"^DefaultDirName=\{autopf\}", text, re.MULTILINE)
    assert re.search(
        r'^Name: "\{autoprograms\}\\\{#AppName\}"; Filename: "\{app\}\\\{#AppExe\}"', text, re.MULTILINE
    )
    assert '#define AppExe "pace-desktop.exe"' in text
    assert 'DistDir Root + "\\dist\\pace-desktop"' in text


def test_a_silent_install_never_closes_a_running_app():
    text = ISS.read_text(encoding="utf-8")
    # Inno closes applications without asking when silent; InitializeSetup refuses first instead.
    setup = text[text.index("function InitializeSetup(): Boolean;") :]
    setup = setup[: setup.index("\nend;")]
    assert "if WizardSilent() and AppRunning() then" in setup and "Result := False;" in setup
    assert "Name = ''pace-desktop.exe''" in text and "Name = ''pace-desktop-cli.exe''" in text


def test_uninstaller_keeps_the_data_folder_unless_the_box_is_ticked():
    text = ISS.read_text(encoding="utf-8")
    # The folder it offers to delete is the one the app uses: platformdirs' <LOCALAPPDATA>\author\name.
    assert f'#define DataAuthor "{paths.APP_AUTHOR}"' in text
    assert f'#define DataName "{paths.APP_NAME}"' in text
    assert "ExpandConstant('{localappdata}\\{#DataAuthor}\\{#DataName}')" in text
    assert "Box.Checked := False;" in text
    assert "DelTree(DataFolder()" in text
    # Deleting happens only when the box was ticked and the second question answered Yes.
    assert re.search(r"if \(CurUninstallStep = usPostUninstall\) and DeleteData then", text)
    assert "UninstallSilent()" in text and "MB_DEFBUTTON2" in text
    assert "[UninstallDelete]" not in text


def test_icons_are_made_for_windows_and_macos(tmp_path, qapp):  # qapp: one QApplication for all tests
    make_icon = load("make_icon")
    ico, icns = make_icon.make(tmp_path)
    data = ico.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icon.ICO_SIZES))
    for i, size in enumerate(make_icon.ICO_SIZES):
        width, height, _colours, _r, planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        png = data[offset : offset + length]
        assert png[:8] == b"\x89PNG\r\n\x1a\n"
        assert struct.unpack(">II", png[16:24]) == (size, size)
    assert icns is not None and icns.read_bytes()[:4] == b"icns"
