"""The CRM hand-off: per-entity CSV of what changed, a deletions feed, size-limited parts, a manifest.

Real office stores of fictional people; each test reads the files as the CRM team would (the csv
module, UTF-8 with BOM) and checks what a hand-off must carry, and what it must never drop.
"""

from __future__ import annotations

import csv
import hashlib
import json
import stat
from datetime import UTC, datetime

import pytest

from pace_desktop.cli import main
from pace_desktop.demo import seed
from pace_desktop.errors import UsageError
from pace_desktop.office.central import init_office
from pace_desktop.privacy.erasure import erase, remove_person
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.reports.crm import export_crm, handoff_files
from pace_desktop.store.store import Store
from tests.reports.conftest import PASSPHRASE

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.fixture()
def office(tmp_path):
    store = Store.create(
        tmp_path / "central.db", adviser="Office Staff", passphrase=PASSPHRASE, kind="office"
    )
    seed(store, events=2, clients=30)
    yield store
    store.close()


@pytest.fixture()
def out(tmp_path):
    folder = tmp_path / "crm"
    folder.mkdir()
    return folder


def read_csv(path):
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), f"{path.name} has no UTF-8 byte-order mark"
    return list(csv.DictReader(raw.decode("utf-8-sig").splitlines()))


def rows_of(folder, stem):
    rows = []
    for part in sorted(folder.glob(f"{stem}-*.csv")):
        rows.extend(read_csv(part))
    return rows


def handoffs(out):
    return sorted(p for p in out.iterdir() if p.name.startswith("crm-handoff-"))


def test_first_hand_off_carries_every_record_keyed_by_uuid(office, out):
    result = export_crm(office, out)
    (folder,) = handoffs(out)
    assert result.folder == folder and result.number == 1 and result.since is None
    clients = rows_of(folder, "clients")
    stored = {str(c.id): c for c in office.clients.all()}
    assert {r["id"] for r in clients} == set(stored) and len(clients) == 30
    one = clients[0]
    client = stored[one["id"]]
    assert one["pace_id"] == client.pace_id
    assert one["date_of_birth"] == client.date_of_birth.isoformat()  # ISO date
    created = datetime.fromisoformat(one["created_at"].replace("Z", "+00:00"))
    assert one["created_at"].endswith("Z") and created == client.created_at.replace(microsecond=0)
    consents = rows_of(folder, "consents")
    assert len(consents) == office.consents.count()
    assert all(r["client_pace_id"] == stored[r["client_id"]].pace_id for r in consents)
    assert {r["granted"] for r in consents} <= {"true", "false"}
    assert len(rows_of(folder, "events")) == 2
    assert list(folder.glob("deletions-*.csv")) == []  # nothing erased or withdrawn yet
    # Schema 2's redundancy arrangements: the stored code, true/false, empty when not asked.
    for row in clients:
        client = stored[row["id"]]
        pay, advice = client.redundancy_pay_status, client.wants_money_advice
        assert row["redundancy_pay_status"] == ("" if pay is None else pay.value)
        assert row["wants_money_advice"] == {None: "", True: "true", False: "false"}[advice]
    assert {r["redundancy_pay_status"] for r in clients} > {""}


def test_manifest_lists_every_file_with_rows_and_sha256(office, out):
    export_crm(office, out)
    (folder,) = handoffs(out)
    manifest = handoff_files(folder)
    named = {f["file"] for f in manifest["files"]}
    assert named == {p.name for p in folder.glob("*.csv")}
    for entry in manifest["files"]:
        data = (folder / entry["file"]).read_bytes()
        assert hashlib.sha256(data).hexdigest() == entry["sha256"] and len(data) == entry["bytes"]
        assert len(read_csv(folder / entry["file"])) == entry["rows"]
    assert manifest["rows"]["client"] == 30 and manifest["since"] is None and manifest["until"]
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600  # personal data: owner only


def test_rerun_with_nothing_new_writes_nothing(office, out):
    first = export_crm(office, out)
    again = export_crm(office, out)
    assert again.folder is None and len(handoffs(out)) == 1
    assert "Nothing has changed since the last hand-off" in again.describe()
    assert first.until[:19].replace("T", " ") in again.describe()
    assert [p.name for p in out.iterdir() if p.name.startswith(".")] == []


def test_second_hand_off_holds_only_what_changed(office, out):
    first = export_crm(office, out)
    client = next(office.clients.all())
    office.clients.update(client.model_copy(update={"job_title": "Welder"}))
    second = export_crm(office, out)
    assert second.number == 2 and second.since == first.until
    rows = rows_of(second.folder, "clients")
    assert [(r["id"], r["job_title"], r["version"]) for r in rows] == [(str(client.id), "Welder", "2")]
    assert list(second.folder.glob("consents-*.csv")) == []
    manifest = json.loads((second.folder / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["since"] == first.until and manifest["handoff"] == 2


def test_employers_are_handed_off_before_the_events_that_look_them_up(office, out):
    result = export_crm(office, out)
    stored = {str(e.id): e for e in office.employers.all()}
    assert stored  # the demo's events are held for employers
    employers = rows_of(result.folder, "employers")
    assert {r["id"] for r in employers} == set(stored) and result.rows["employer"] == len(stored)
    assert "client_pace_id" not in employers[0]
    for row in employers:
        employer = stored[row["id"]]
        assert (row["name"], row["sector"], row["sites"]) == (
            employer.name,
            employer.sector,
            "; ".join(employer.sites),
        )
        assert row["hr1_date"] == (employer.hr1_date.isoformat() if employer.hr1_date else "")
        assert row["proposed_redundancies"] == str(employer.proposed_redundancies or "")
    events = rows_of(result.folder, "events")
    assert {r["employer_id"] for r in events} <= set(stored)  # every lookup finds its employer
    files = [f["file"] for f in handoff_files(result.folder)["files"]]
    assert files.index("employers-001.csv") < files.index("events-001.csv")  # parents first

    # A changed employer, and nothing else, is due in the next hand-off.
    employer = next(office.employers.all())
    office.employers.update(employer.model_copy(update={"proposed_redundancies": 75}))
    second = export_crm(office, out)
    assert [(r["id"], r["proposed_redundancies"]) for r in rows_of(second.folder, "employers")] == [
        (str(employer.id), "75")
    ]
    assert second.rows == {"employer": 1}


def test_a_late_import_with_an_old_laptop_time_is_still_handed_off(office, out):
    export_crm(office, out)
    client = next(office.clients.all())
    # A bundle exported last month, imported only now: newer version, old updated_at.
    late = client.model_copy(
        update={
            "version": client.version + 1,
            "job_title": "Joiner",
            "updated_at": datetime(2020, 1, 1, tzinfo=UTC),
        }
    )
    with office.transaction():
        assert office.clients.apply_incoming(late) == "updated"
    rows = rows_of(export_crm(office, out).folder, "clients")
    assert [(r["id"], r["job_title"]) for r in rows] == [(str(client.id), "Joiner")]


def test_erasures_and_withdrawals_reach_the_deletions_feed(office, out):
    export_crm(office, out)
    gone, restricted = list(office.clients.all())[:2]
    erase(office, gone.pace_id, "the person asked")
    withdraw(office, restricted.pace_id, "pace_support")
    result = export_crm(office, out)
    deletions = rows_of(result.folder, "deletions")
    by_action = {r["action"]: r for r in deletions}
    assert by_action["delete"]["record_id"] == str(gone.id) and by_action["delete"]["entity"] == "client"
    assert by_action["delete"]["pace_id"] == gone.pace_id and by_action["delete"]["at"].endswith("Z")
    restrict = by_action["restrict"]
    consent = next(c for c in office.consents.for_parent(restricted.id) if c.purpose == "pace_support")
    assert (restrict["entity"], restrict["record_id"], restrict["client_id"], restrict["purpose"]) == (
        "consent",
        str(consent.id),
        str(restricted.id),
        "pace_support",
    )
    assert result.deletions == {"delete": 1, "restrict": 1}
    assert str(gone.id) not in {r["id"] for r in rows_of(result.folder, "clients")}
    assert export_crm(office, out).folder is None  # passed on once


def test_a_late_tombstone_with_an_old_date_is_never_skipped(office, out):
    export_crm(office, out)
    client = next(office.clients.all())
    with office.transaction():  # as a bundle's erasure, made on a laptop long before this hand-off
        remove_person(
            office, client, reason="the person asked", at=datetime(2020, 1, 1, tzinfo=UTC), exported=True
        )
    deletions = rows_of(export_crm(office, out).folder, "deletions")
    assert [(r["action"], r["record_id"], r["at"]) for r in deletions] == [
        ("delete", str(client.id), "2020-01-01T00:00:00Z")
    ]


def test_files_are_split_under_the_size_limit_each_with_its_header(office, out):
    result = export_crm(office, out, max_bytes=6_000)
    parts = sorted(result.folder.glob("clients-*.csv"))
    assert len(parts) > 1
    header = None
    for part in parts:
        assert part.stat().st_size <= 6_000
        first_line = part.read_bytes().decode("utf-8-sig").splitlines()[0]
        assert header in (None, first_line)
        header = first_line
    assert len(rows_of(result.folder, "clients")) == 30


def test_a_failed_hand_off_moves_no_marks(office, out):
    checklist = next(office.checklists.all())
    answers = {f"note_{n}": "x" * 200 for n in range(30)}  # one checklist row of some 7 kB
    office.checklists.update(checklist.model_copy(update={"answers": answers}))
    with pytest.raises(UsageError, match="larger than the size limit"):
        export_crm(office, out, max_bytes=5_000)  # fails after events, clients, consents are written
    assert handoffs(out) == [] and list(out.iterdir()) == []
    result = export_crm(office, out)
    assert result.number == 1 and len(rows_of(result.folder, "clients")) == 30


def test_text_never_starts_like_a_formula(hostile_store, out):
    store, records = hostile_store
    result = export_crm(store, out)
    seen = 0
    for part in result.folder.glob("*.csv"):
        for row in read_csv(part):
            for value in row.values():
                assert not value.startswith(FORMULA_STARTS), (part.name, value)
                seen += value.startswith("'=")
    assert seen > 5  # the hostile text is there, made safe, not dropped


def test_full_hands_off_everything_again(office, out):
    export_crm(office, out)
    erase(office, next(office.clients.all()).pace_id, "the person asked")
    export_crm(office, out)
    result = export_crm(office, out, full=True)
    assert len(rows_of(result.folder, "clients")) == 29
    assert [r["action"] for r in rows_of(result.folder, "deletions")] == ["delete"]


# -- the command line -------------------------------------------------------------------------------


@pytest.fixture()
def central_path(tmp_path, monkeypatch):
    keys = tmp_path / "keys"
    keys.mkdir()
    made = init_office(tmp_path / "central.store", staff="Office Staff", passphrase=PASSPHRASE, out_dir=keys)
    with Store.open(made.central, PASSPHRASE) as store:
        seed(store, events=2, clients=12)
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    return made.central


def test_cli_writes_a_hand_off_then_nothing(central_path, out, capsys):
    args = ["office", "export-crm", "--central", str(central_path), "--out", str(out)]
    assert main(args) == 0
    said = capsys.readouterr()
    assert said.err == "" and said.out.count("\n") == 1 and "Wrote hand-off 1" in said.out
    assert main(args) == 0
    assert "Nothing has changed" in capsys.readouterr().out and len(handoffs(out)) == 1
    with Store.open(central_path, PASSPHRASE) as store:
        details = [d for (d,) in store.db.query("SELECT detail FROM audit WHERE action = 'report'")]
        assert store.verify_audit().ok
    assert details == ["kind=crm,handoff=1,records=" + details[0].split("records=")[1]]


@pytest.mark.parametrize("extra", [["--max-mb", "0"], ["--max-mb", "nan"], ["--out", "missing"]])
def test_cli_bad_input_is_one_line_before_any_passphrase(
    central_path, out, tmp_path, capsys, monkeypatch, extra
):
    monkeypatch.delenv("PACE_PASSPHRASE")
    if extra[0] == "--out":
        extra = ["--out", str(tmp_path / "missing")]
        args = ["office", "export-crm", "--central", str(central_path), *extra]
    else:
        args = ["office", "export-crm", "--central", str(central_path), "--out", str(out), *extra]
    assert main(args) == 2
    assert capsys.readouterr().err.count("\n") == 1
    assert list(out.iterdir()) == []


def test_the_mapping_document_covers_every_column():
    from pathlib import Path

    from pace_desktop.reports.crm import DELETION_COLUMNS, entity_columns
    from pace_desktop.store.handoff import TABLES

    doc = (Path(__file__).resolve().parents[2] / "docs" / "crm-handoff.md").read_text(encoding="utf-8")
    for entity, table in TABLES:
        section = doc.split(f"### `{table}-NNN.csv`")[1].split("###")[0]
        for column in entity_columns(entity):
            assert f"| `{column.name}` |" in section, (table, column.name)
    for column in DELETION_COLUMNS:
        assert f"| `{column}` |" in doc
