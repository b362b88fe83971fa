"""The Windows MSI, built on Linux with wixl from a build folder's file list, read back with msitools.

A small fake build folder stands in for the Windows PyInstaller output (running PyInstaller here
would take minutes and give a Linux build): what is checked is the packaging — every file in the
File table and back out of the cabinet byte for byte, per-machine, the upgrade codes, no forced
closing of a running app, stable component GUIDs across versions, and signing when a certificate is
given. ``make msi`` installs wixl and msitools when missing.
"""

from __future__ import annotations

import datetime as dt
import os
import shutil
import subprocess

import pytest

from tests.packaging.conftest import load

pytestmark = pytest.mark.skipif(
    not all(shutil.which(t) for t in ("wixl", "msiinfo", "msiextract")),
    reason="wixl and msitools not installed (make msi installs them: apt-get install wixl msitools)",
)

FILES = {
    "pace-desktop.exe": b"MZ fake program",
    "pace-desktop-cli.exe": b"MZ fake console program",
    "_internal/python311.dll": b"fake python",
    "_internal/PySide6/Qt/plugins/platforms/qwindows.dll": b"fake plugin",
    "_internal/PySide6/Qt/plugins/styles/qmodernwindowsstyle.dll": b"fake style",
    "_internal/resources/privacy/notice-2026-1.md": "Privacy notice — version 2026-1\n".encode(),
    "_internal/resources/data/council areas.csv": b"code,name\n",
    "_internal/THIRD-PARTY-NOTICES.txt": b"notices\n",
}


@pytest.fixture(scope="module")
def msi_module():
    return load("msi")


@pytest.fixture()
def fake_dist(tmp_path):
    folder = tmp_path / "pace-desktop"
    for rel, data in FILES.items():
        (folder / rel).parent.mkdir(parents=True, exist_ok=True)
        (folder / rel).write_bytes(data)
    return folder


def table(msi, name):
    text = subprocess.run(
        ["msiinfo", "export", str(msi), name], capture_output=True, text=True, check=True
    ).stdout
    lines = text.splitlines()[3:]  # column names, types, table name
    return [line.split("\t") for line in lines if line]


def build(msi_module, folder, out, version="1.2.3"):
    return msi_module.build(folder, out, version, sign=False)


def test_file_table_lists_every_file(msi_module, fake_dist, tmp_path):
    msi = build(msi_module, fake_dist, tmp_path / "out")
    rows = table(msi, "File")
    assert sorted(r[2] for r in rows) == sorted(rel.rsplit("/", 1)[-1] for rel in FILES)
    assert sorted(int(r[3]) for r in rows) == sorted(len(d) for d in FILES.values())


def test_extracted_files_are_the_build_folder(msi_module, fake_dist, tmp_path):
    msi = build(msi_module, fake_dist, tmp_path / "out")
    prefix = tmp_path / "prefix"
    subprocess.run(["msiextract", "-C", str(prefix), str(msi)], check=True, capture_output=True)
    installed = prefix / "PACE Intake"
    got = {p.relative_to(installed).as_posix(): p.read_bytes() for p in installed.rglob("*") if p.is_file()}
    assert got == FILES


def test_per_machine_with_upgrade_codes_and_no_forced_close(msi_module, fake_dist, tmp_path):
    msi = build(msi_module, fake_dist, tmp_path / "out")
    props = dict((r[0], r[1]) for r in table(msi, "Property"))
    assert props["ALLUSERS"] == "1"
    assert props["MSIRESTARTMANAGERCONTROL"] == "Disable"  # a push never closes a running app
    assert props["UpgradeCode"] == "{" + msi_module.UPGRADE_CODE + "}"
    assert props["ProductCode"] == "{" + msi_module.product_code("1.2.3") + "}"
    assert props["ProductVersion"] == "1.2.3"
    upgrade = table(msi, "Upgrade")
    assert {r[0] for r in upgrade} == {"{" + msi_module.UPGRADE_CODE + "}"}
    assert {r[-1] for r in upgrade} == {"WIX_UPGRADE_DETECTED", "WIX_DOWNGRADE_DETECTED"}
    assert "RemoveExistingProducts" in {r[0] for r in table(msi, "InstallExecuteSequence")}
    install_dir = next(r for r in table(msi, "Directory") if r[0] == "INSTALLDIR")
    assert install_dir[1] == "ProgramFiles64Folder" and install_dir[2].endswith("PACE Intake")
    shortcut = table(msi, "Shortcut")[0]
    assert shortcut[4] == "[#" + msi_module._id("f", "pace-desktop.exe") + "]"
    summary = subprocess.run(["msiinfo", "suminfo", str(msi)], capture_output=True, text=True).stdout
    assert "Template: x64;" in summary  # a 64-bit package
    codes = (msi.with_suffix(".msi.json")).read_text(encoding="utf-8")
    assert msi_module.product_code("1.2.3") in codes and msi_module.UPGRADE_CODE in codes


def test_next_version_keeps_component_guids_and_upgrade_code(msi_module, fake_dist, tmp_path):
    one = build(msi_module, fake_dist, tmp_path / "one", "1.2.3")
    two = build(msi_module, fake_dist, tmp_path / "two", "1.3.0")
    assert table(one, "Component") == table(two, "Component")
    p1, p2 = (dict((r[0], r[1]) for r in table(m, "Property")) for m in (one, two))
    assert p1["UpgradeCode"] == p2["UpgradeCode"] and p1["ProductCode"] != p2["ProductCode"]


def test_a_folder_without_the_program_is_refused(msi_module, fake_dist, tmp_path):
    (fake_dist / "pace-desktop.exe").unlink()
    with pytest.raises(SystemExit, match="has no pace-desktop.exe"):
        build(msi_module, fake_dist, tmp_path / "out")


def test_unsigned_without_a_certificate_says_so(monkeypatch, capsys, tmp_path):
    sign = load("sign")
    monkeypatch.delenv(sign.CERT_ENV, raising=False)
    target = tmp_path / "x.msi"
    target.write_bytes(b"x")
    assert sign.sign_files([target]) is False
    assert "Not signed" in capsys.readouterr().err and target.read_bytes() == b"x"


@pytest.mark.skipif(shutil.which("osslsigncode") is None, reason="osslsigncode not installed")
def test_signed_with_the_certificate_given_at_build_time(msi_module, fake_dist, tmp_path, monkeypatch):
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import rsa
    from cryptography.hazmat.primitives.serialization import pkcs12
    from cryptography.x509.oid import ExtendedKeyUsageOID, NameOID

    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "PACE Intake test signing")])
    now = dt.datetime.now(dt.UTC)
    cert = (
        x509.CertificateBuilder()
        .subject_name(name)
        .issuer_name(name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - dt.timedelta(days=1))
        .not_valid_after(now + dt.timedelta(days=30))
        .add_extension(x509.ExtendedKeyUsage([ExtendedKeyUsageOID.CODE_SIGNING]), critical=False)
        .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
        .sign(key, hashes.SHA256())
    )
    pfx = tmp_path / "signing.pfx"
    pfx.write_bytes(
        pkcs12.serialize_key_and_certificates(
            b"test", key, cert, None, serialization.BestAvailableEncryption(b"not-a-real-secret")
        )
    )
    ca = tmp_path / "ca.pem"
    ca.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    sign = load("sign")
    monkeypatch.setenv(sign.CERT_ENV, str(pfx))
    monkeypatch.setenv(sign.PASSWORD_ENV, "not-a-real-secret")
    monkeypatch.setenv(sign.TIMESTAMP_ENV, "none")  # no network in tests
    msi = build(msi_module, fake_dist, tmp_path / "out")
    assert sign.sign_files([msi], description="PACE Intake 1.2.3") is True
    checked = subprocess.run(
        ["osslsigncode", "verify", "-CAfile", str(ca), "-in", str(msi)], capture_output=True, text=True
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr
    assert "Signature verification: ok" in checked.stdout
    assert not any(p.name == "password" for p in tmp_path.rglob("*"))  # password file removed


REAL_DIST = load("contents").ROOT / "dist" / "pace-desktop"


@pytest.mark.slow  # about a minute: wixl compresses the whole 140 MB build
@pytest.mark.skipif(not (REAL_DIST / "pace-desktop").is_file(), reason="no Linux build in dist/ (make dist)")
def test_real_build_installed_from_the_msi_passes_self_check(msi_module, tmp_path):
    """The real (Linux) build folder through the same MSI packing and extraction, then self-check from
    the prefix: proves the file list loses nothing the program needs (a Windows build is checked the
    same way on Windows CI)."""
    msi = msi_module.build(REAL_DIST, tmp_path / "out", "1.2.3", sign=False, program="pace-desktop")
    prefix = tmp_path / "prefix"
    subprocess.run(["msiextract", "-C", str(prefix), str(msi)], check=True, capture_output=True)
    program = prefix / "PACE Intake" / "pace-desktop"
    program.chmod(0o755)  # an MSI carries no Unix permissions
    env = {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path), "LANG": "C.UTF-8", "QT_QPA_PLATFORM": "offscreen"}
    done = subprocess.run([str(program), "self-check"], capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stdout + done.stderr
    assert os.path.getsize(msi) > 10_000_000
