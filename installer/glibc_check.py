"""Hold the Linux build to its stated glibc baseline: every ELF file in the build folder must run on it.

``make dist-check`` runs this on ``dist/pace-desktop``. Each ELF file (program, library, extension
module) is read with ``objdump -p`` (binutils, which ``make dist`` already needs for ``strip``), and the
GLIBC symbol versions it *requires* (its "Version References", not the versions a library itself
defines) are compared with ``contents.LINUX_GLIBC_BASELINE``. Any file needing a newer one fails the
check, named with the version it needs: that build would not start on the oldest distribution
``docs/packaging.md`` promises. A folder with no ELF files (a Windows or macOS build) has nothing to check.

    python installer/glibc_check.py [FOLDER]
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contents  # noqa: E402

Version = tuple[int, ...]
ELF_MAGIC = b"\x7fELF"
# "  0x069691b6 0x00 52 GLIBC_2.36" under "required from libc.so.6:" (GLIBC_PRIVATE has no number).
_REFERENCE = re.compile(r"\bGLIBC_(\d+(?:\.\d+)+)\s*$")


def parse_version(text: str) -> Version:
    return tuple(int(part) for part in text.split("."))


def show(version: Version) -> str:
    return ".".join(str(part) for part in version)


def required_glibc(objdump_text: str) -> set[Version]:
    """The GLIBC versions an ELF file requires, from the text of ``objdump -p``: only the lines under
    "Version References:" count (a library's own "Version definitions" say what it offers)."""
    needed: set[Version] = set()
    in_references = False
    for line in objdump_text.splitlines():
        if not line.strip():
            continue
        if not line.startswith(" "):  # a section heading: "Version References:", "Dynamic Section:"
            in_references = line.strip() == "Version References:"
            continue
        if in_references and (match := _REFERENCE.search(line)):
            needed.add(parse_version(match[1]))
    return needed


def is_elf(path: Path) -> bool:
    if path.is_symlink() or not path.is_file():
        return False  # a symlink's target is checked under its own name
    with path.open("rb") as handle:
        return handle.read(4) == ELF_MAGIC


def elf_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if is_elf(p))


def objdump(path: Path) -> str:
    tool = shutil.which("objdump")
    if tool is None:
        raise SystemExit("objdump was not found: install binutils (apt-get install binutils) and run again.")
    done = subprocess.run([tool, "-p", str(path)], capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise SystemExit(f"objdump could not read {path}: {done.stderr.strip().splitlines()[-1:]}")
    return done.stdout


def too_new(files: Iterable[Path], baseline: Version) -> tuple[list[tuple[Path, Version]], Version | None]:
    """(each file needing a newer glibc than ``baseline`` with the newest it needs, the newest needed
    by any file)."""
    failures: list[tuple[Path, Version]] = []
    newest: Version | None = None
    for path in files:
        needed = required_glibc(objdump(path))
        if not needed:
            continue
        top = max(needed)
        newest = top if newest is None else max(newest, top)
        if top > baseline:
            failures.append((path, top))
    return failures, newest


def main(argv: list[str]) -> int:
    folder = Path(argv[0]) if argv else contents.ROOT / "dist" / contents.EXE_NAME
    if not folder.is_dir():
        print(f"{folder} is not a folder: build it first (make dist).", file=sys.stderr)
        return 1
    files = elf_files(folder)
    if not files:
        print(f"No ELF files in {folder} (not a Linux build): no glibc baseline to check.")
        return 0
    baseline = parse_version(contents.LINUX_GLIBC_BASELINE)
    failures, newest = too_new(files, baseline)
    for path, needed in failures:
        print(f"{path.relative_to(folder)} needs GLIBC_{show(needed)}, newer than the Linux baseline "
              f"glibc {show(baseline)} (docs/packaging.md, 'Linux baseline').", file=sys.stderr)
    if failures:
        return 1
    print(f"All {len(files)} ELF files run on glibc {show(baseline)} or newer "
          f"(the newest any needs: {show(newest) if newest else 'none'}).")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
