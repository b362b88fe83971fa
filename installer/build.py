"""Build ``dist/pace-desktop/`` with PyInstaller, then show what is largest in it and hold it to budget.

``make dist`` runs this. ``--sizes`` only reports on an existing build; ``--installer`` (Windows)
also compiles the Inno Setup installer. The budget check fails the build, so CI sees a size
regression the day it happens rather than at release.
"""

from __future__ import annotations

import argparse
import fnmatch
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contents  # noqa: E402

DIST = contents.ROOT / "dist"
BUILD = contents.ROOT / "build"
FOLDER = DIST / contents.EXE_NAME
SPEC = contents.ROOT / "installer" / "pace-desktop.spec"
ISS = contents.ROOT / "installer" / "windows" / "pace-desktop.iss"
BUDGET_MB = 150.0
MB = 1_000_000

# What each part of the folder is, for the size table (first match wins; paths in lower case).
PARTS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("ICU (Qt's Unicode, locale and collation data)", ("*/libicu*", "*/icu*.dll")),
    ("Qt libraries (Core, Gui, Widgets, Svg, DBus, platform glue)",
     ("*/pyside6/qt/lib/*", "*/pyside6/qt6*.dll", "*/pyside6/qt/lib/*.framework/*")),
    ("Qt plugins (platforms, SVG, input methods, Wayland)", ("*/plugins/*",)),
    ("PySide6 and shiboken6 bindings", ("*/pyside6/*", "*/shiboken6/*")),
    ("cryptography (its own OpenSSL: Argon2id, AES-GCM, Ed25519)", ("*/cryptography/*",)),
    ("SQLCipher (sqlcipher3, with its own crypto)", ("*/sqlcipher3/*",)),
    ("pydantic-core (validation engine, Rust)", ("*/pydantic_core/*",)),
    ("age encryption (pyrage, Rust)", ("*/pyrage/*",)),
    ("Python runtime and standard-library modules",
     ("*/libpython*", "*/python3*", "*/base_library.zip", "*/lib-dynload/*", "*.pyd")),
    ("The programs (bootloader + all Python code, compressed)",
     (f"/{contents.EXE_NAME}", f"/{contents.EXE_NAME}*.exe", "*/macos/*")),
    ("resources/ (checklist, reference data, icons, notices)", ("*/resources/*",)),
)
OTHER = "Other libraries (OpenSSL for hashlib, libstdc++, zlib, …)"


def build() -> float:
    """Run PyInstaller on the spec; return the seconds it took."""
    if sys.platform.startswith("linux") and shutil.which("strip") is None:
        # Without it the folder is ~40 MB larger (debug symbols in libpython and SQLCipher): over budget.
        raise SystemExit("strip was not found: install binutils (apt-get install binutils) and build again.")
    started = time.monotonic()
    subprocess.run([sys.executable, "-m", "PyInstaller", "--noconfirm", "--clean", "--log-level", "WARN",
                    "--distpath", str(DIST), "--workpath", str(BUILD), str(SPEC)], check=True)
    return time.monotonic() - started


def part_of(relative: str) -> str:
    path = "/" + relative.replace("\\", "/").lower()
    for label, patterns in PARTS:
        if any(fnmatch.fnmatchcase(path, p) for p in patterns):
            return label
    return OTHER


def sizes(folder: Path) -> tuple[int, dict[str, int], list[tuple[int, str]]]:
    """Total bytes, bytes per part, and every file with its size (links counted once, as files)."""
    by_part: dict[str, int] = {}
    files: list[tuple[int, str]] = []
    for path in folder.rglob("*"):
        if path.is_symlink() or not path.is_file():
            continue
        relative = path.relative_to(folder).as_posix()
        size = path.stat().st_size
        files.append((size, relative))
        by_part[part_of(relative)] = by_part.get(part_of(relative), 0) + size
    return sum(size for size, _ in files), by_part, sorted(files, reverse=True)


def report(folder: Path, budget_mb: float) -> bool:
    total, by_part, files = sizes(folder)
    print(f"\n{folder.relative_to(contents.ROOT)}: {total / MB:.1f} MB "
          f"({total / 2**20:.1f} MiB) in {len(files)} files; budget {budget_mb:.0f} MB")
    print("\n| part | MB | share |\n| --- | ---: | ---: |")
    for label, size in sorted(by_part.items(), key=lambda item: -item[1]):
        print(f"| {label} | {size / MB:.1f} | {100 * size / total:.0f}% |")
    print("\nLargest files:")
    for size, relative in files[:12]:
        print(f"  {size / MB:6.1f} MB  {relative}")
    within = total < budget_mb * MB
    if not within:
        print(f"\nOver budget by {(total - budget_mb * MB) / MB:.1f} MB: see docs/packaging.md, "
              "'Keeping it small'.", file=sys.stderr)
    return within


def sign_programs(sign_command: str) -> None:
    """Windows: sign the .exe files in the folder (the libraries inside come signed by their makers)."""
    for program in sorted(FOLDER.glob("*.exe")):
        # A command string, as Inno Setup takes it: Windows' CreateProcess parses it, no shell.
        subprocess.run(sign_command.replace("$f", f'"{program}"'), check=True)


def installer(version: str, sign_command: str | None) -> None:
    """Compile the Inno Setup installer into dist/ (Windows, Inno Setup 6.3 or later).

    ``sign_command`` is a signtool command line ending in ``$f``; Inno Setup runs it on the setup
    program and on the uninstaller it writes.
    """
    iscc = shutil.which("iscc") or next(
        (str(p) for p in (Path(os.environ.get(v, "")) / "Inno Setup 6" / "ISCC.exe"
                          for v in ("ProgramFiles(x86)", "ProgramFiles")) if p.is_file()), None)
    if iscc is None:
        raise SystemExit("Inno Setup's ISCC.exe was not found: install Inno Setup 6 or put iscc on PATH.")
    signing = ["/DSignTool=pacesign", f"/Spacesign={sign_command}"] if sign_command else []
    subprocess.run([iscc, f"/DAppVersion={version}", *signing, str(ISS)], check=True)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", action="store_true", help="report on the existing build only")
    parser.add_argument("--budget-mb", type=float, default=BUDGET_MB)
    parser.add_argument("--installer", action="store_true", help="Windows: also build the installer")
    parser.add_argument("--sign-command", metavar="COMMAND",
                        help='Windows: sign the programs and the installer with this command, '
                             'e.g. "signtool sign /fd SHA256 /tr URL /td SHA256 /sha1 THUMBPRINT $f"')
    args = parser.parse_args(argv)
    if not args.sizes:
        seconds = build()
        print(f"\nBuilt {contents.APP_NAME} {contents.project_version()} in {seconds:.0f} s.")
    if not FOLDER.is_dir():
        raise SystemExit(f"{FOLDER} does not exist: run make dist first.")
    if not args.sizes:
        import notices

        # Every bundled licence text and the CycloneDX SBOM, beside the program (LGPL and others
        # require the texts to travel with the binaries).
        for path in notices.write(FOLDER, contents.project_version()):
            print(f"Wrote {path.relative_to(contents.ROOT)}")
    within = report(FOLDER, args.budget_mb)
    if args.sign_command:
        sign_programs(args.sign_command)
    if args.installer:
        installer(contents.project_version(), args.sign_command)
    return 0 if within else 1


if __name__ == "__main__":
    sys.exit(main())
