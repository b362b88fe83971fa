"""The privacy commands: one person, one command; exit 0, 2 for usage, 3 for refused; one-line errors."""

from __future__ import annotations

import json

import pytest

from pace_desktop.cli import main
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import open_central
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.importer import import_bundle
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.privacy.helpers import people


@pytest.fixture(autouse=True)
def passphrase(monkeypatch):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)


def run(capsys, *args) -> tuple[int, list[str], list[str]]:
    code = main([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out.splitlines(), err.splitlines()


@pytest.fixture
def two_people(laptop_path, office_path, tmp_path):
    """Two people registered on the laptop and imported at the office; both stores closed."""
    with Store.open(laptop_path, PASSPHRASE) as laptop, open_central(office_path, PASSPHRASE) as office:
        _, clients = people(laptop, 2)
        enrol_device(office, laptop.device_key().text())
        outbox = tmp_path / "outbox"
        outbox.mkdir()
        import_bundle(office, export_bundle(laptop, outbox).path, receipts_dir=tmp_path)
    return [c.pace_id for c in clients]


def test_office_privacy_commands_end_to_end(capsys, two_people, laptop_path, office_path, tmp_path):
    me, other = two_people
    central = ("--central", office_path)

    code, out, err = run(
        capsys, "office", "subject-access", *central, "--pace-id", me, "--out", tmp_path / "me.xlsx"
    )
    assert code == 0, err
    assert out == [
        f"Wrote the subject access copy for {me} to {tmp_path / 'me.xlsx'} and {tmp_path / 'me.json'}."
    ]
    assert json.loads((tmp_path / "me.json").read_text())["pace_id"] == me

    code, out, err = run(
        capsys, "office", "withdraw", *central, "--pace-id", me.lower(), "--purpose", "share_DWP"
    )
    assert code == 0 and out[0].startswith(f"Consent withdrawn for {me}:"), err
    code, out, err = run(capsys, "office", "withdraw", *central, "--pace-id", me, "--purpose", "share_DWP")
    assert code == 3 and len(err) == 1 and "already withdrawn" in err[0]

    code, out, err = run(capsys, "office", "correct", *central, "--pace-id", me, "--set", "postcode=g51 1aa")
    assert code == 0 and "postcode" in out[0], err
    code, out, err = run(capsys, "office", "correct", *central, "--pace-id", me, "--set", "postcode")
    assert code == 2 and err == [
        "pace-desktop: Give each correction as FIELD=VALUE, e.g. --set postcode='G51 1AA'."
    ]

    code, out, err = run(
        capsys, "office", "erase", *central, "--pace-id", other, "--reason", "the person asked"
    )
    assert code == 0 and out[0].startswith(f"Erased {other}:"), err
    code, out, err = run(capsys, "office", "erase", *central, "--pace-id", other, "--reason", "again")
    assert code == 3 and len(err) == 1 and "was erased on" in err[0]

    code, out, err = run(capsys, "office", "notices", *central, "--out", tmp_path)
    assert code == 0 and len(out) == 1 and "1 withdrawals and 1 erasures" in out[0], err
    notice = out[0].split(":")[0]
    code, out, err = run(capsys, "apply-receipt", "--store", laptop_path, notice)
    assert code == 0, err
    assert out == [
        "Office notice applied: 1 consents newly withdrawn, 1 people erased (0 already "
        "withdrawn, 0 not on this laptop)."
    ]

    code, out, err = run(capsys, "office", "retention", *central)
    assert code == 0 and out[-1].startswith("Nobody's last contact is before"), err


def test_usage_and_refusals_are_one_line(capsys, two_people, office_path, tmp_path):
    central = ("--central", office_path)
    code, _, err = run(
        capsys, "office", "subject-access", *central, "--pace-id", "PACE-NOPE", "--out", tmp_path / "x.xlsx"
    )
    assert code == 2 and len(err) == 1 and "That is not a PACE ID" in err[0]
    code, _, err = run(
        capsys, "office", "subject-access", *central, "--pace-id", two_people[0], "--out", tmp_path / "x.csv"
    )
    assert code == 2 and err == [
        "pace-desktop: The report file name must end in .xlsx, e.g. --out report.xlsx."
    ]
    code, _, err = run(
        capsys, "office", "withdraw", *central, "--pace-id", two_people[0], "--purpose", "spam"
    )
    assert code == 2 and err[0].startswith("pace-desktop: There is no consent purpose 'spam'")
    code, _, err = run(capsys, "office", "erase", *central, "--pace-id", two_people[0], "--reason", " ")
    assert code == 2 and err == ["pace-desktop: Give a reason for the erasure, e.g. 'the person asked'."]
    assert not list(tmp_path.glob("x.*"))


def test_laptop_privacy_commands(capsys, two_people, laptop_path, tmp_path):
    me, other = two_people
    store = ("--store", laptop_path)
    code, out, err = run(capsys, "withdraw", *store, "--pace-id", me, "--purpose", "contact_followup")
    assert code == 0 and out[0].endswith("It reaches the office with this laptop's next export."), err
    code, out, err = run(capsys, "erase", *store, "--pace-id", other, "--reason", "the person asked")
    assert code == 0 and "reaches the office with this laptop's next export" in out[0], err
    code, out, err = run(
        capsys,
        "subject-access",
        *store,
        "--pace-id",
        me,
        "--out",
        tmp_path / "me.xlsx",
        "--json",
        tmp_path / "copy.json",
    )
    assert code == 0 and (tmp_path / "copy.json").exists(), err
    code, _, err = run(capsys, "subject-access", *store, "--pace-id", other, "--out", tmp_path / "o.xlsx")
    assert code == 3 and len(err) == 1 and "erased on" in err[0]
