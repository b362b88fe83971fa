"""Build the Windows installer ``dist/pace-desktop-<version>-x64.msi`` with ``wixl`` (msitools), on Linux.

    python installer/msi.py [--dist dist/pace-desktop] [--out dist] [--version 0.1.0]

``--dist`` is the Windows PyInstaller folder (built on Windows, ``installer/build.py``; CI copies it
here). The .wxs is generated from the folder's file list, one component per file with a GUID derived
from its path, so an upgrade recognises every file. The package:

- installs **per machine** into ``%ProgramFiles%\\PACE Intake`` with a Start-menu shortcut;
- carries a fixed **UpgradeCode** and a **MajorUpgrade**: a newer MSI removes the older program first
  and installs itself, in one transaction; a downgrade is refused. Stores live in each user's
  ``%LOCALAPPDATA%\\SDS\\PACE Intake`` and the policy in ``%ProgramData%``: neither is in the install
  folder, so install, upgrade and uninstall never touch them;
- sets ``MSIRESTARTMANAGERCONTROL=Disable``: a push never closes a running PACE Intake (an adviser may
  be mid-registration); files in use are replaced at the next restart instead;
- has a ProductCode derived from the version (the same version always has the same code), written
  with the upgrade code and version to ``<msi>.json`` for the Intune detection rule.

Signing (``installer/sign.py``) runs on the programs before packing and on the MSI after, when a
certificate is supplied. ``docs/deployment.md`` has the silent install and Intune steps.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path, PurePosixPath
from xml.sax.saxutils import quoteattr

sys.path.insert(0, str(Path(__file__).resolve().parent))
import contents  # noqa: E402

# Never change: it is how Windows finds an installed PACE Intake to upgrade.
UPGRADE_CODE = "B3D5C1E2-7F4A-4C9B-8E21-5A6F0D3C9B71"
# The namespace the component and product GUIDs are derived in (also never to change).
GUID_NAMESPACE = uuid.UUID("0d5f3a52-8c1e-4b7a-9f26-3e8a7c41d2b9")
MANUFACTURER = "Skills Development Scotland"
EXE = f"{contents.EXE_NAME}.exe"
WXS_NS = "http://schemas.microsoft.com/wix/2006/wi"


def msi_version(version: str) -> str:
    """An MSI ProductVersion: three numbers, each in range (0.1.0rc1 -> 0.1.0)."""
    numbers = [int(n) for n in re.findall(r"\d+", version.split("+")[0])][:3]
    numbers += [0] * (3 - len(numbers))
    if numbers[0] > 255 or numbers[1] > 255 or numbers[2] > 65535:
        raise SystemExit(f"version {version} does not fit an MSI ProductVersion (255.255.65535)")
    return ".".join(str(n) for n in numbers)


def product_code(version: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"product:{msi_version(version)}")).upper()


def component_guid(relative: str) -> str:
    return str(uuid.uuid5(GUID_NAMESPACE, f"component:{relative.lower()}")).upper()


def _id(prefix: str, relative: str) -> str:
    return prefix + hashlib.sha256(relative.encode("utf-8")).hexdigest()[:32]


def file_list(folder: Path) -> list[str]:
    """Every file under ``folder`` as a POSIX relative path, sorted (links are followed, as files)."""
    return sorted(p.relative_to(folder).as_posix() for p in folder.rglob("*") if p.is_file())


def make_wxs(folder: Path, version: str, files: list[str] | None = None, *, program: str = EXE) -> str:
    """The WiX source for ``folder``'s files; ``program`` is what the Start-menu shortcut starts."""
    files = file_list(folder) if files is None else files
    if program not in files:
        raise SystemExit(f"{folder} has no {program}: give the Windows build folder (--dist)")
    tree: dict[str, list[str]] = {}
    for rel in files:
        parent = str(PurePosixPath(rel).parent)
        tree.setdefault("" if parent == "." else parent, []).append(rel)
        # every ancestor folder appears, even one holding only folders
        parts = PurePosixPath(rel).parts[:-1]
        for i in range(len(parts)):
            tree.setdefault("/".join(parts[: i + 1]), [])
    components: list[str] = []

    def directory(path: str, indent: str) -> list[str]:
        lines = []
        for rel in tree.get(path, []):
            cid, fid = _id("c", rel), _id("f", rel)
            components.append(cid)
            lines.append(f'{indent}<Component Id="{cid}" Guid="{component_guid(rel)}" Win64="yes">')
            lines.append(f"{indent}  <File Id={quoteattr(fid)} Name={quoteattr(PurePosixPath(rel).name)} "
                         f"Source={quoteattr(rel)} KeyPath=\"yes\"/>")  # wixl runs in the folder
            lines.append(f"{indent}</Component>")
        children = sorted(d for d in tree if d and str(PurePosixPath(d).parent) in ((path or "."),))
        for child in children:
            name = quoteattr(PurePosixPath(child).name)
            lines.append(f"{indent}<Directory Id=\"{_id('d', child)}\" Name={name}>")
            lines.extend(directory(child, indent + "  "))
            lines.append(f"{indent}</Directory>")
        return lines

    body = directory("", " " * 10)
    exe_id = _id("f", program)
    refs = "\n".join(f'      <ComponentRef Id="{c}"/>' for c in components)
    name = contents.APP_NAME
    return f"""<?xml version="1.0" encoding="utf-8"?>
<!-- Generated by installer/msi.py from the files of the build folder: do not edit. -->
<Wix xmlns="{WXS_NS}">
  <Product Id="{product_code(version)}" Name="{name}" Language="2057" Version="{msi_version(version)}"
           Manufacturer="{MANUFACTURER}" UpgradeCode="{UPGRADE_CODE}">
    <Package InstallerVersion="500" Compressed="yes" InstallScope="perMachine"
             Description="{name} {version}" Manufacturer="{MANUFACTURER}"/>
    <MajorUpgrade DowngradeErrorMessage="A newer version of {name} is already installed."/>
    <Media Id="1" Cabinet="app.cab" EmbedCab="yes"/>
    <Property Id="MSIRESTARTMANAGERCONTROL" Value="Disable"/>
    <Property Id="ARPNOMODIFY" Value="1"/>
    <Property Id="ARPCONTACT" Value="{MANUFACTURER}"/>
    <Directory Id="TARGETDIR" Name="SourceDir">
      <Directory Id="ProgramFiles64Folder">
        <Directory Id="INSTALLDIR" Name="{name}">
{chr(10).join(body)}
        </Directory>
      </Directory>
      <Directory Id="ProgramMenuFolder">
        <Component Id="StartMenuShortcut" Guid="{component_guid('shortcut:start-menu')}" Win64="yes">
          <Shortcut Id="AppShortcut" Name="{name}" Description="Register PACE clients, offline and encrypted"
                    Target="[#{exe_id}]" WorkingDirectory="INSTALLDIR"/>
          <RegistryValue Root="HKLM" Key="Software\\SDS\\{name}" Name="StartMenuShortcut" Type="integer"
                         Value="1" KeyPath="yes"/>
        </Component>
      </Directory>
    </Directory>
    <Feature Id="Main" Title="{name}" Level="1">
{refs}
      <ComponentRef Id="StartMenuShortcut"/>
    </Feature>
  </Product>
</Wix>
"""


def build(folder: Path, out_dir: Path, version: str, *, sign: bool = True, program: str = EXE) -> Path:
    """Write the .wxs beside the MSI, run wixl, sign, and record the codes; returns the MSI's path."""
    wixl = shutil.which("wixl")
    if wixl is None:
        raise SystemExit("wixl was not found: install it (Debian: apt-get install wixl msitools; "
                         "make msi does this as root).")
    out_dir.mkdir(parents=True, exist_ok=True)
    msi = out_dir / f"{contents.EXE_NAME}-{version}-x64.msi"
    wxs = out_dir / f"{contents.EXE_NAME}-{version}-x64.wxs"
    if sign:  # the programs first, so the MSI carries signed programs
        import sign as signing

        signing.sign_files(sorted(folder.glob("*.exe")), description=contents.APP_NAME)
    wxs.write_text(make_wxs(folder, version, program=program), encoding="utf-8")
    # wixl takes no absolute Source paths: it runs in the build folder, the sources relative to it.
    done = subprocess.run([wixl, "-a", "x64", "-o", str(msi.resolve()), str(wxs.resolve())],
                          capture_output=True, text=True, cwd=folder)
    if done.returncode != 0 or not msi.exists():
        raise SystemExit(f"wixl failed: {done.stderr.strip()[-2000:]}")
    if sign:
        signing.sign_files([msi], description=f"{contents.APP_NAME} {version}")
    codes = {
        "file": msi.name,
        "product_name": contents.APP_NAME,
        "product_version": msi_version(version),
        "product_code": "{" + product_code(version) + "}",
        "upgrade_code": "{" + UPGRADE_CODE + "}",
        "install_folder": f"%ProgramFiles%\\{contents.APP_NAME}",
        "detection_file": f"%ProgramFiles%\\{contents.APP_NAME}\\{EXE}",
        "sha256": hashlib.sha256(msi.read_bytes()).hexdigest(),
    }
    msi.with_suffix(".msi.json").write_text(json.dumps(codes, indent=2) + "\n", encoding="utf-8")
    return msi


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dist", type=Path, default=contents.ROOT / "dist" / contents.EXE_NAME,
                        help="the Windows build folder (default: dist/pace-desktop)")
    parser.add_argument("--out", type=Path, default=contents.ROOT / "dist")
    parser.add_argument("--version", default=None, help="default: pyproject's version")
    parser.add_argument("--no-sign", action="store_true", help="do not sign even if a certificate is set")
    args = parser.parse_args(argv)
    if not args.dist.is_dir():
        raise SystemExit(f"{args.dist} does not exist: build the Windows folder first (installer/build.py)")
    msi = build(args.dist, args.out, args.version or contents.project_version(), sign=not args.no_sign)
    print(f"Wrote {msi} and {msi.with_suffix('.msi.json').name} (product and upgrade codes for Intune).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
