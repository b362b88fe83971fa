"""THIRD-PARTY-NOTICES.txt and a CycloneDX SBOM for the build, from the installed distributions.

    python installer/notices.py OUT_FOLDER

``make dist`` (``installer/build.py``) writes both into the build folder, beside the program. What is
bundled is the app's runtime requirement tree (``pace-desktop``'s requirements without extras,
followed through each distribution's metadata) plus the Python runtime. Each distribution's licence
files come from its own metadata (``*.dist-info/licenses/…`` or a LICENSE/LICENCE/COPYING/NOTICE
file); texts a wheel does not carry (Qt's LGPL, SQLCipher, Python's PSF licence) are kept in
``installer/licenses/``. A distribution with no licence text at all stops the build: shipping it
without one would break its licence.
"""

from __future__ import annotations

import importlib.metadata as md
import json
import platform
import re
import sys
import tomllib
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from packaging.requirements import Requirement

HERE = Path(__file__).resolve().parent
LICENSES = HERE / "licenses"
APP = "pace-desktop"
NOTICES = "THIRD-PARTY-NOTICES.txt"
SBOM = "sbom.cdx.json"

_LICENCE_FILE = re.compile(r"(^|/)(LICEN[CS]E|COPYING|NOTICE|AUTHORS)[^/]*$", re.IGNORECASE)
# Licences the metadata does not state in SPDX form, and texts the wheels do not carry.
EXPRESSIONS = {"sqlcipher3": "Zlib AND BSD-3-Clause", "pyrage": "MIT",
               "pyside6-essentials": "LGPL-3.0-only", "shiboken6": "LGPL-3.0-only"}
EXTRA_TEXTS = {
    "pyside6-essentials": ("Qt-LGPL-notice.txt", "LGPL-3.0.txt", "GPL-3.0.txt"),
    "shiboken6": ("Qt-LGPL-notice.txt",),
    "sqlcipher3": ("SQLCipher.txt",),
}
EXTRA_NOTES = {
    "pyrage": "pyrage includes the Rust age crate (https://github.com/str4d/rage, MIT OR Apache-2.0) "
              "and its Rust dependencies, statically linked; the MIT text below applies to them too.",
    "cryptography": "cryptography includes OpenSSL (Apache-2.0), statically linked in its wheel.",
}


def key(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


@dataclass(frozen=True)
class Component:
    name: str
    version: str
    licence: str
    home: str | None
    texts: tuple[tuple[str, str], ...]  # (file name, text)
    requires: tuple[str, ...]  # keys of the components it needs
    package: str | None = None  # its PyPI name, when the name shown is another

    @property
    def purl(self) -> str:
        return f"pkg:pypi/{key(self.package or self.name)}@{self.version}"


def _requirements(dist: md.Distribution) -> list[str]:
    wanted = []
    for text in dist.requires or []:
        req = Requirement(text)
        if req.marker is None or req.marker.evaluate({"extra": ""}):
            wanted.append(req.name)
    return wanted


def direct_requirements() -> list[str]:
    """The app's runtime requirements, from pyproject.toml (an installed copy's metadata may be older)."""
    with (HERE.parent / "pyproject.toml").open("rb") as fh:
        wanted = tomllib.load(fh)["project"]["dependencies"]
    return [r.name for r in map(Requirement, wanted) if r.marker is None or r.marker.evaluate({"extra": ""})]


def bundled() -> dict[str, md.Distribution]:
    """The app's runtime requirement tree, by normalised name (the app itself not included)."""
    found: dict[str, md.Distribution] = {}
    todo = direct_requirements()
    while todo:
        name = todo.pop()
        if key(name) in found:
            continue
        dist = md.distribution(name)
        found[key(name)] = dist
        todo.extend(_requirements(dist))
    return dict(sorted(found.items()))


def _licence(dist: md.Distribution) -> str:
    name = key(dist.metadata["Name"])
    if name in EXPRESSIONS:
        return EXPRESSIONS[name]
    expression = dist.metadata.get("License-Expression")
    if expression:
        return expression
    classifiers = [c.split(" :: ")[-1] for c in dist.metadata.get_all("Classifier") or []
                   if c.startswith("License ::")]
    text = (dist.metadata.get("License") or "").strip()
    return "; ".join(classifiers) or (text.splitlines()[0] if text else "see the licence text")


def _texts(dist: md.Distribution) -> tuple[tuple[str, str], ...]:
    texts = []
    for path in dist.files or []:
        as_text = str(path).replace("\\", "/")
        if ".dist-info/" in as_text and _LICENCE_FILE.search(as_text):
            texts.append((path.name, Path(path.locate()).read_text(encoding="utf-8", errors="replace")))
    for name in EXTRA_TEXTS.get(key(dist.metadata["Name"]), ()):
        texts.append((name, (LICENSES / name).read_text(encoding="utf-8")))
    return tuple(texts)


def _home(dist: md.Distribution) -> str | None:
    for entry in dist.metadata.get_all("Project-URL") or []:
        label, _, url = entry.partition(",")
        if label.strip().lower() in ("homepage", "home", "source", "repository", "source code"):
            return url.strip()
    return dist.metadata.get("Home-page")


def python_component() -> Component:
    version = platform.python_version()
    stdlib = Path(sys.base_prefix) / "lib" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
    candidates = [Path(sys.base_prefix) / "LICENSE.txt", stdlib / "LICENSE.txt", LICENSES / "Python-PSF.txt"]
    text = next(p for p in candidates if p.is_file()).read_text(encoding="utf-8", errors="replace")
    return Component("Python", version, "PSF-2.0", "https://www.python.org/", (("LICENSE.txt", text),), ())


def components() -> list[Component]:
    made = []
    for name, dist in bundled().items():
        made.append(Component(dist.metadata["Name"], dist.version, _licence(dist), _home(dist), _texts(dist),
                              tuple(key(r) for r in _requirements(dist))))
        if not made[-1].texts:
            raise SystemExit(f"{name} {dist.version} carries no licence text: add one to installer/licenses/ "
                             "and EXTRA_TEXTS in installer/notices.py before shipping it.")
    return [python_component(), *made, *bootloader()]


def bootloader() -> list[Component]:
    """PyInstaller's bootloader, which is the program file itself (GPL-2.0 with its bootloader
    exception, which allows shipping it with proprietary code)."""
    try:
        dist = md.distribution("pyinstaller")
    except md.PackageNotFoundError:
        return []
    return [Component("PyInstaller bootloader", dist.version, "GPL-2.0-or-later WITH Bootloader-exception",
                      _home(dist), _texts(dist), (), package="pyinstaller")]


def notices_text(parts: list[Component], app_version: str) -> str:
    rule = "=" * 78
    lines = [
        f"PACE Intake {app_version}: third-party software notices",
        "",
        "PACE Intake is proprietary software of Skills Development Scotland. It includes the",
        "third-party software listed below, each under its own licence, whose full text follows its",
        "entry. The machine-readable list (CycloneDX SBOM) is sbom.cdx.json in the same folder.",
        "",
        "Contents:",
        *[f"  {c.name} {c.version} ({c.licence})" for c in parts],
        "",
    ]
    for part in parts:
        lines += [rule, f"{part.name} {part.version}", f"Licence: {part.licence}"]
        if part.home:
            lines.append(f"Home: {part.home}")
        note = EXTRA_NOTES.get(key(part.name))
        if note:
            lines.append(note)
        lines.append(rule)
        for file_name, text in part.texts:
            lines += ["", f"--- {file_name} ---", "", text.rstrip(), ""]
    return "\n".join(lines) + "\n"


def sbom(parts: list[Component], app_version: str, *, now: datetime | None = None) -> dict:
    """A CycloneDX 1.5 bill of materials: the app, each bundled component, and what needs what."""
    app_ref = f"pkg:pypi/{APP}@{app_version}"
    refs = {key(c.name): (c.purl if c.name != "Python" else f"pkg:generic/cpython@{c.version}")
            for c in parts}

    def licences(c: Component) -> list[dict]:
        return [{"expression": c.licence}] if re.fullmatch(r"[A-Za-z0-9.+\- ()]+", c.licence) else [
            {"license": {"name": c.licence}}]

    items = []
    for c in parts:
        item = {"type": "library" if c.name != "Python" else "platform", "bom-ref": refs[key(c.name)],
                "name": c.name, "version": c.version, "licenses": licences(c)}
        if c.name != "Python":
            item["purl"] = c.purl
        if c.home:
            item["externalReferences"] = [{"type": "website", "url": c.home}]
        items.append(item)
    direct = [key(r) for r in direct_requirements()]
    return {
        "bomFormat": "CycloneDX",
        "specVersion": "1.5",
        "serialNumber": f"urn:uuid:{uuid.uuid4()}",
        "version": 1,
        "metadata": {
            "timestamp": (now or datetime.now(UTC)).isoformat(timespec="seconds").replace("+00:00", "Z"),
            "tools": {"components": [{"type": "application", "name": "installer/notices.py"}]},
            "component": {"type": "application", "bom-ref": app_ref, "name": APP, "version": app_version,
                          "supplier": {"name": "Skills Development Scotland"},
                          "licenses": [{"license": {"name": "Proprietary"}}]},
        },
        "components": items,
        "dependencies": [
            {"ref": app_ref, "dependsOn": [refs["python"], *[refs[d] for d in direct if d in refs]]},
            *[{"ref": refs[key(c.name)], "dependsOn": [refs[r] for r in c.requires if r in refs]}
              for c in parts],
        ],
    }


def write(folder: Path, app_version: str) -> tuple[Path, Path]:
    parts = components()
    notices = folder / NOTICES
    notices.write_text(notices_text(parts, app_version), encoding="utf-8")
    bom = folder / SBOM
    bom.write_text(json.dumps(sbom(parts, app_version), indent=2) + "\n", encoding="utf-8")
    return notices, bom


if __name__ == "__main__":
    sys.path.insert(0, str(HERE))
    import contents

    out = Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd()
    for path in write(out, contents.project_version()):
        print(f"Wrote {path}")
