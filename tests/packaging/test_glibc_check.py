"""installer/glibc_check.py, which `make dist-check` runs: the GLIBC versions an ELF file needs are read
from `objdump -p` (its version references, never the versions a library defines), and a build folder
holding any file that needs a newer glibc than the stated baseline fails, naming the file."""

from __future__ import annotations

import os
import platform
import shutil
import sys
from pathlib import Path

import pytest

from tests.packaging.conftest import ROOT, load

pytestmark = pytest.mark.skipif(
    not sys.platform.startswith("linux") or shutil.which("objdump") is None,
    reason="reads Linux ELF files with objdump (binutils)",
)


@pytest.fixture(scope="module")
def check():
    return load("glibc_check")


def loaded_libc() -> Path:
    """The C library this very process runs on: a real system library."""
    for line in Path("/proc/self/maps").read_text().splitlines():
        path = line.split()[-1]
        if os.path.basename(path).startswith("libc.so"):
            return Path(path)
    pytest.skip("no libc.so in this process's maps (not glibc)")


def running_glibc() -> tuple[int, ...]:
    name, version = platform.libc_ver()
    if name != "glibc":
        pytest.skip("not glibc")
    return tuple(int(p) for p in version.split("."))


def test_the_references_of_the_real_c_library_are_read_and_its_definitions_are_not(check):
    text = check.objdump(loaded_libc())
    needed = check.required_glibc(text)
    assert needed and max(needed) <= running_glibc()
    assert all(len(v) >= 2 for v in needed)
    # libc defines every GLIBC version up to its own; that section alone requires nothing.
    definitions = text[text.index("Version definitions:") : text.index("Version References:")]
    assert f"GLIBC_{check.show(running_glibc())}" in definitions
    assert check.required_glibc(definitions) == set()


def test_a_private_or_unnumbered_version_is_not_a_requirement(check):
    text = (
        "Version References:\n  required from libc.so.6:\n    0x0963cf85 0x00 09 GLIBC_PRIVATE\n"
        "    0x069691b4 0x00 05 GLIBC_2.34\n    0x09691a75 0x00 03 GLIBC_2.2.5\n"
        "  required from libstdc++.so.6:\n    0x08922974 0x00 04 GLIBCXX_3.4\n"
    )
    assert check.required_glibc(text) == {(2, 34), (2, 2, 5)}


def test_the_baseline_is_what_docs_promise(check, contents):
    baseline = check.parse_version(contents.LINUX_GLIBC_BASELINE)
    doc = (ROOT / "docs" / "packaging.md").read_text(encoding="utf-8")
    assert f"glibc {check.show(baseline)}" in doc
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile[makefile.index("\ndist-check:") :]
    assert "installer/glibc_check.py dist/pace-desktop" in recipe.split("\n\n")[0]


def test_a_folder_is_held_to_the_baseline_naming_the_file(check, tmp_path, monkeypatch, capsys):
    folder = tmp_path / "pace-desktop"
    (folder / "_internal").mkdir(parents=True)
    program = folder / "_internal" / "python3"
    shutil.copy(os.path.realpath(sys.executable), program)
    (folder / "notes.txt").write_text("not a program\n", encoding="utf-8")
    (folder / "link").symlink_to(program)
    assert check.elf_files(folder) == [program]
    newest = max(check.required_glibc(check.objdump(program)))

    monkeypatch.setattr(check.contents, "LINUX_GLIBC_BASELINE", check.show(newest))
    assert check.main([str(folder)]) == 0
    assert f"the newest any needs: {check.show(newest)}" in capsys.readouterr().out

    older = (newest[0], newest[1] - 1)
    monkeypatch.setattr(check.contents, "LINUX_GLIBC_BASELINE", check.show(older))
    assert check.main([str(folder)]) == 1
    said = capsys.readouterr().err.strip().splitlines()
    assert said == [
        f"_internal/python3 needs GLIBC_{check.show(newest)}, newer than the Linux "
        f"baseline glibc {check.show(older)} (docs/packaging.md, 'Linux baseline')."
    ]


def test_a_build_without_elf_files_has_nothing_to_check(check, tmp_path, capsys):
    (tmp_path / "pace-desktop.exe").write_bytes(b"MZ\x90\x00")
    assert check.main([str(tmp_path)]) == 0
    assert "not a Linux build" in capsys.readouterr().out
