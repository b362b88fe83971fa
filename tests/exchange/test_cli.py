"""The exchange commands: stable names, exit codes (0, 2 usage, 3 refused), one-line errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pace_desktop.cli import main
from pace_desktop.exchange.officekey import read_office_key_file
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE, copy_store
from tests.exchange.conftest import register


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)


def run(capsys, *args: str) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


def test_laptop_to_office_and_back_from_the_command_line(capsys, tmp_path, laptop_path):
    office_dir = tmp_path / "office"
    office_dir.mkdir()
    central = office_dir / "central.store"
    code, out, err = run(
        capsys,
        "office",
        "init",
        "--central",
        central,
        "--staff",
        "Morven Office",
        "--out",
        office_dir,
    )
    assert code == 0, err
    key = read_office_key_file(office_dir / "office.pub")
    assert any("office.pub" in line for line in out)

    code, out, _ = run(
        capsys,
        "office",
        "backup-identity",
        "--central",
        central,
        "--out",
        tmp_path / "identity.txt",
    )
    assert code == 0 and "offline" in out[0]

    from pace_desktop.exchange.officekey import install_office_key

    with Store.open(laptop_path, PASSPHRASE) as laptop:
        install_office_key(laptop, key)
        register(laptop, 2)
        device_key = laptop.device_key().text()
    # The key line as device-key printed it, unquoted (several arguments) and again from a file.
    code, out, _ = run(capsys, "office", "enrol", "--central", central, *device_key.split())
    assert code == 0 and out[0].startswith("Enrolled laptop LT")
    (tmp_path / "device.key").write_text(device_key + "\n")
    code, out, _ = run(capsys, "office", "enrol", "--central", central, tmp_path / "device.key")
    assert code == 0 and out[0].startswith("Already enrolled")

    outbox = tmp_path / "outbox"
    outbox.mkdir()
    code, out, err = run(capsys, "export", "--store", laptop_path, "--out", outbox)
    assert code == 0 and len(out) == 1
    bundle = Path(out[0])
    assert bundle.exists() and bundle.parent == outbox and "Exported 9 records" in err[0]

    receipts = tmp_path / "receipts"
    receipts.mkdir()
    code, out, err = run(capsys, "office", "import", "--central", central, "--receipts", receipts, outbox)
    assert code == 0 and err == []
    assert out == [f"accepted    {bundle.name}: 9 records (9 new)."]
    (receipt,) = receipts.iterdir()

    code, out, _ = run(capsys, "apply-receipt", "--store", laptop_path, receipt)
    assert code == 0 and "9 of 9 records newly confirmed" in out[0]

    # Tampered receipt: exit 3, one line on stderr.
    doc = json.loads(receipt.read_text())
    doc["sequence"] = 5
    receipt.write_text(json.dumps(doc))
    code, out, err = run(capsys, "apply-receipt", "--store", laptop_path, receipt)
    assert code == 3 and out == [] and len(err) == 1 and "signature does not match" in err[0]

    # A lost laptop: retired, its next bundle is refused (exit 3), and retiring again changes nothing.
    laptop_id = device_key.split()[1]
    code, out, _ = run(capsys, "office", "retire", "--central", central, laptop_id.lower())
    assert code == 0 and out == [
        f"Retired laptop {laptop_id}: its bundles are refused from now on (enrol its key again to undo)."
    ]
    code, out, _ = run(capsys, "office", "retire", "--central", central, laptop_id)
    assert code == 0 and out[0].endswith("was already retired: nothing changed.")
    with Store.open(laptop_path, PASSPHRASE) as laptop:
        register(laptop, 1, seed=9)
    code, out, err = run(capsys, "export", "--store", laptop_path, "--out", outbox)
    code, out, err = run(
        capsys, "office", "import", "--central", central, "--receipts", receipts, Path(out[0])
    )
    assert code == 3 and f"laptop {laptop_id}, which this office retired on" in err[0]
    code, _, err = run(capsys, "office", "retire", "--central", central, "LTNOSUCH")
    assert code == 3 and err == [
        "pace-desktop: No laptop LTNOSUCH is enrolled here: check the laptop's name on the Devices list."
    ]


def test_a_refused_bundle_exits_3_with_one_line(capsys, tmp_path, office_path, laptop, outbox):
    from pace_desktop.exchange.export import export_bundle

    register(laptop, 1)
    good = export_bundle(laptop, outbox).path
    cut = tmp_path / "cut.pacebundle"
    cut.write_bytes(good.read_bytes()[:100])
    code, out, err = run(capsys, "office", "import", "--central", office_path, cut)
    assert code == 3 and out == [] and len(err) == 1
    assert err[0].startswith("pace-desktop: refused") and "damaged or incomplete" in err[0]
    # Several at once: one line each, exit 3 because one was refused (the good one is from an
    # laptop until trusted).
    code, out, err = run(
        capsys, "office", "import", "--central", office_path, "--trust-new-devices", good, cut
    )
    assert code == 3 and len(out) == 1 and out[0].startswith("accepted") and len(err) == 1


def test_usage_errors_exit_2(capsys, tmp_path, bare_laptop_template, office_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    code, _, err = run(capsys, "office", "import", "--central", office_path, empty)
    assert code == 2 and len(err) == 1 and "No .pacebundle files" in err[0]
    laptop = copy_store(bare_laptop_template, tmp_path / "bare")
    code, out, err = run(capsys, "export", "--store", laptop, "--out", tmp_path)
    assert code == 2 and out == [] and len(err) == 1 and "--office-key" in err[0]
    code, _, err = run(
        capsys,
        "office",
        "init",
        "--central",
        tmp_path / "c.store",
        "--staff",
        "A",
        "--out",
        tmp_path / "missing",
    )
    assert code == 2 and "does not exist" in err[0]


def test_office_commands_refuse_a_laptop_store(capsys, laptop_path):
    code, _, err = run(capsys, "office", "enrol", "--central", laptop_path, "PACE-DEVICE-1 LTX y")
    assert code == 3 and "not an office store" in err[0]
