"""The build's licences and SBOM: every bundled distribution named with its licence text, the LGPL for
Qt, Python's PSF licence, SQLCipher's; a CycloneDX SBOM whose references all resolve; the macOS
minimum that the pinned PySide6 wheels need."""

from __future__ import annotations

import json
import re
import tomllib

import pytest
from packaging.requirements import Requirement

from tests.packaging.conftest import ROOT, load


@pytest.fixture(scope="module")
def notices():
    return load("notices")


@pytest.fixture(scope="module")
def written(notices, tmp_path_factory):
    folder = tmp_path_factory.mktemp("build")
    text_path, bom_path = notices.write(folder, "9.8.7")
    return text_path.read_text(encoding="utf-8"), json.loads(bom_path.read_text(encoding="utf-8"))


def runtime_names() -> set[str]:
    """pyproject's runtime dependencies and, through installed metadata, theirs (independently walked)."""
    import importlib.metadata as md

    with (ROOT / "pyproject.toml").open("rb") as fh:
        todo = [Requirement(r).name for r in tomllib.load(fh)["project"]["dependencies"]]
    seen: set[str] = set()
    while todo:
        dist = md.distribution(todo.pop())
        name = re.sub(r"[-_.]+", "-", dist.metadata["Name"]).lower()
        if name in seen:
            continue
        seen.add(name)
        for text in dist.requires or []:
            req = Requirement(text)
            if req.marker is None or req.marker.evaluate({"extra": ""}):
                todo.append(req.name)
    return seen


def sections(text: str) -> dict[str, str]:
    """Each component's section of the notices: 'name version' -> its body."""
    parts = re.split(r"^={78}\n", text, flags=re.MULTILINE)
    found = {}
    for i in range(1, len(parts) - 1, 2):
        head, body = parts[i], parts[i + 1]
        found[head.splitlines()[0]] = head + body
    return found


def test_every_bundled_distribution_has_its_licence_text(written):
    import importlib.metadata as md

    text, _ = written
    found = sections(text)
    for name in runtime_names():
        dist = md.distribution(name)
        title = f"{dist.metadata['Name']} {dist.version}"
        assert title in found, f"{title} missing from the notices"
        assert "\n--- " in found[title] and len(found[title]) > 300, f"{title} has no licence text"


def test_the_licences_a_wheel_does_not_carry_are_there(written):
    text, _ = written
    found = sections(text)
    qt = next(body for title, body in found.items() if title.startswith("PySide6"))
    assert "GNU LESSER GENERAL PUBLIC LICENSE" in qt and "Version 3, 29 June 2007" in qt
    assert "GNU GENERAL PUBLIC LICENSE" in qt  # the LGPL builds on the GPL's text
    python = next(body for title, body in found.items() if title.startswith("Python "))
    assert "PYTHON SOFTWARE FOUNDATION LICENSE VERSION 2" in python
    sqlcipher = next(body for title, body in found.items() if title.startswith("sqlcipher3"))
    assert "ZETETIC LLC" in sqlcipher and "Gerhard" in sqlcipher  # SQLCipher and pysqlite
    assert "age crate" in next(body for title, body in found.items() if title.startswith("pyrage"))


def test_sbom_is_cyclonedx_listing_every_distribution(written):
    import importlib.metadata as md

    _, bom = written
    assert bom["bomFormat"] == "CycloneDX" and bom["specVersion"] == "1.5"
    assert re.fullmatch(r"urn:uuid:[0-9a-f-]{36}", bom["serialNumber"])
    assert bom["metadata"]["component"]["version"] == "9.8.7"
    purls = {c.get("purl") for c in bom["components"]}
    for name in runtime_names():
        assert f"pkg:pypi/{name}@{md.distribution(name).version}" in purls
    refs = {c["bom-ref"] for c in bom["components"]} | {bom["metadata"]["component"]["bom-ref"]}
    for dep in bom["dependencies"]:
        assert dep["ref"] in refs and set(dep["dependsOn"]) <= refs
    assert all(c["licenses"] for c in bom["components"])


def test_a_distribution_without_licence_text_stops_the_build(notices, monkeypatch):
    monkeypatch.setattr(notices, "_texts", lambda dist: ())
    with pytest.raises(SystemExit, match="carries no licence text"):
        notices.components()


def test_macos_minimum_matches_the_pinned_pyside6_wheels(contents):
    pinned = re.search(
        r"^PySide6_Essentials==(\d+)\.(\d+)", (ROOT / "constraints.txt").read_text(), re.MULTILINE
    )
    assert pinned, "PySide6_Essentials is not pinned in constraints.txt"
    # PySide6's macOS wheel tags: macosx_11_0_universal2 up to 6.7, macosx_12_0 for 6.8 and 6.9,
    # macosx_13_0 for 6.10 and 6.11 (6.11.3: macosx_13_0_universal2), macosx_14_0 from 6.12. Equal,
    # not merely at least: a higher minimum would turn away Macs the wheels run on.
    version = (int(pinned[1]), int(pinned[2]))
    needed = (
        (14, 0)
        if version >= (6, 12)
        else (13, 0)
        if version >= (6, 10)
        else (12, 0)
        if version >= (6, 8)
        else (11, 0)
    )
    assert tuple(int(n) for n in contents.MACOS_MINIMUM.split(".")) == needed
    spec = (ROOT / "installer" / "pace-desktop.spec").read_text(encoding="utf-8")
    assert '"LSMinimumSystemVersion": contents.MACOS_MINIMUM' in spec


def test_the_build_writes_notices_and_sbom_beside_the_program():
    build = (ROOT / "installer" / "build.py").read_text(encoding="utf-8")
    assert "notices.write(FOLDER" in build
    built = ROOT / "dist" / "pace-desktop"
    if (built / "pace-desktop").exists() or (built / "pace-desktop.exe").exists():
        assert (built / "THIRD-PARTY-NOTICES.txt").is_file() and (built / "sbom.cdx.json").is_file()
