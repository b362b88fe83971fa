"""The office's commands on the central database (``--central postgresql://… --keyring FILE``), end
to end: reports, subject access, erasure, retention and the follow-up list, each run as a member of
staff would, and each role's refusal made by the server, as one plain line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from pace_desktop.cli import main
from pace_desktop.office.central import open_central, open_central_on_server
from pace_desktop.reports.kinds import REPORTS
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file
from tests.conftest import PASSPHRASE
from tests.pg.test_audit_head import staff

# The de-identified extract's keyed hashes come from a key each store makes on first use, so the
# server's and the file's differ: it has its own test below.
OWN_KEY = {"deidentified"}


@pytest.fixture
def seeded(office, laptop, pg_db, tmp_path, monkeypatch):
    """An office that imported a laptop's fictional people with their history (help, outcomes,
    feedback, consents of every kind), moved to the server; its file kept as the keyring (closed)."""
    from pace_desktop import demo
    from pace_desktop.exchange.export import export_bundle
    from pace_desktop.office.devices import enrol_device
    from pace_desktop.office.importer import import_bundle

    enrol_device(office, laptop.device_key().text())
    demo.seed(laptop, events=2, clients=16, history=True)
    out = tmp_path / "bundles"
    out.mkdir()
    assert import_bundle(office, export_bundle(laptop, out).path, receipts_dir=out).verdict == "accepted"
    return move_to_server(office, pg_db, monkeypatch)


def move_to_server(office, pg_db: str, monkeypatch) -> str:
    """``office migrate`` to the database at ``pg_db``; the office's file closed, kept as the
    keyring; the tests' private socket (no TLS) allowed. Returns ``pg_db``."""
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")
    return pg_db


@pytest.fixture
def run(monkeypatch, capsys, office_path):
    """``pace-desktop office …`` on the central database at ``url``: (exit code, stdout, stderr)."""
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)

    def office(url: str, *args: str) -> tuple[int, str, str]:
        capsys.readouterr()
        code = main(["office", *args[:1], "--central", url, "--keyring", str(office_path), *args[1:]])
        out, err = capsys.readouterr()
        return code, out, err

    office.keyring = office_path  # type: ignore[attr-defined]
    return office


def _people(url: str) -> list[tuple[str, str]]:
    with connect(url, allow_insecure=True) as conn:
        return conn.execute("SELECT id, pace_id FROM clients ORDER BY pace_id").fetchall()


def _cells(path: Path) -> dict[str, list[tuple]]:
    book = load_workbook(path, read_only=True)
    return {sheet.title: [tuple(r) for r in sheet.iter_rows(values_only=True)] for sheet in book.worksheets}


@pytest.mark.parametrize("kind", sorted(set(REPORTS) - OWN_KEY))
def test_each_report_from_the_central_database_matches_the_file(seeded, run, office_path, tmp_path, kind):
    """The move left the same office in the file (the keyring): the workbook written from the server
    holds the same cells as the one written from the file."""
    from pace_desktop.reports.report import write_report

    with open_central(office_path, PASSPHRASE) as store:
        write_report(store, kind, tmp_path / "file.xlsx", overwrite=False)
    code, out, err = run(seeded, "report", "--kind", kind, "--out", str(tmp_path / "server.xlsx"))
    assert code == 0, err
    on_server, on_file = _cells(tmp_path / "server.xlsx"), _cells(tmp_path / "file.xlsx")
    assert any(len(rows) > 1 for rows in on_file.values())
    assert on_server == on_file


def test_the_deidentified_extract_from_the_central_database(seeded, run, office_path, tmp_path):
    """The server makes its hashing key once (before the report's read-only snapshot, which refuses
    writes) and keeps it: two extracts give each person the same key, and apart from that key the
    rows are the file's."""
    from pace_desktop.reports.report import write_report

    with open_central(office_path, PASSPHRASE) as store:
        write_report(store, "deidentified", tmp_path / "file.xlsx", overwrite=False)
    for name in ("one.xlsx", "two.xlsx"):
        code, _, err = run(seeded, "report", "--kind", "deidentified", "--out", str(tmp_path / name))
        assert code == 0, err
    one, two, on_file = (_cells(tmp_path / n) for n in ("one.xlsx", "two.xlsx", "file.xlsx"))
    assert one["People"] == two["People"] and len(one["People"]) == 17  # heading and 16 people
    keys = [row[0] for row in one["People"][1:]]
    assert all(len(k) == 64 for k in keys) and len(set(keys)) == 16
    assert not set(keys) & {row[0] for row in on_file["People"][1:]}  # the server's own key
    for sheet in ("People", "Help"):
        assert sorted(repr(r[1:]) for r in one[sheet][1:]) == sorted(repr(r[1:]) for r in on_file[sheet][1:])


def _in_file(office_path: Path, sql: str) -> list[tuple]:
    with open_central(office_path, PASSPHRASE) as store:
        return store.db.query(sql)


def test_subject_access_from_the_central_database(seeded, run, office_path, tmp_path, capsys):
    """The person's copy written from the server holds what the file held for them before the move."""
    (_, pace_id), *_ = _people(seeded)
    code, said, err = run(seeded, "subject-access", "--pace-id", pace_id, "--out", str(tmp_path / "s.xlsx"))
    assert code == 0, err
    capsys.readouterr()
    on_file = ["office", "subject-access", "--central", str(office_path), "--pace-id", pace_id]
    assert main([*on_file, "--out", str(tmp_path / "f.xlsx")]) == 0
    copies = []
    for name in ("s.json", "f.json"):
        copy = json.loads((tmp_path / name).read_text(encoding="utf-8"))
        copy.pop("produced_at")
        copies.append(copy)
    assert copies[0]["pace_id"] == pace_id and len(json.dumps(copies[0])) > 2000
    assert copies[0] == copies[1]


def test_erasure_on_the_central_database(seeded, run, office_path):
    (client_id, pace_id), *_ = _people(seeded)
    code, said, err = run(seeded, "erase", "--pace-id", pace_id, "--reason", "asked in writing")
    assert code == 0, err
    with connect(seeded, allow_insecure=True) as conn:
        assert conn.execute("SELECT count(*) FROM clients WHERE id = %s", (client_id,)).fetchone()[0] == 0
        assert (
            conn.execute("SELECT count(*) FROM consents WHERE parent_id = %s", (client_id,)).fetchone()[0]
            == 0
        )
        assert conn.execute("SELECT count(*) FROM tombstones WHERE id = %s", (client_id,)).fetchone()[0] == 1
    # The erasure happened on the server, not in the keyring file.
    assert _in_file(office_path, f"SELECT count(*) FROM clients WHERE id = '{client_id}'") == [(1,)]
    with open_central_on_server(office_path, PASSPHRASE, seeded) as central:
        assert central.verify_audit().ok


def test_the_retention_listing_and_its_application_on_the_central_database(seeded, run, office_path):
    code, listed, err = run(seeded, "retention", "--years", "1")
    assert code == 0, err
    with open_central(office_path, PASSPHRASE) as store:
        from pace_desktop.privacy.retention import plan_retention

        expected = plan_retention(store, years=1)
    assert expected.items and [line for line in listed.splitlines() if "last contact" in line] == [
        item.line() for item in expected.items
    ]
    before = len(_people(seeded))
    code, applied, err = run(seeded, "retention", "--years", "1", "--apply")
    assert code == 0, err
    assert len(_people(seeded)) == before - len(expected.items)
    with connect(seeded, allow_insecure=True) as conn:
        kept = conn.execute("SELECT count(*) FROM deidentified").fetchone()[0]
    assert kept == expected.count("deidentify")


def test_the_follow_up_list_from_the_central_database_is_the_files(
    seeded, run, office_path, monkeypatch, capsys
):
    args = ["--as-of", "2027-06-01", "--months", "1,3,6,12"]
    code, on_server, err = run(seeded, "followup-due", *args)
    assert code == 0, err
    capsys.readouterr()
    assert main(["office", "followup-due", "--central", str(office_path), *args]) == 0
    on_file = capsys.readouterr().out
    assert len(on_server.splitlines()) > 1 and on_server == on_file


def test_a_reports_login_cannot_erase_refused_by_the_server_in_one_line(seeded, pg, run):
    (client_id, pace_id), *_ = _people(seeded)
    reader = staff(pg, seeded, "pace_reports", "reader")
    code, said, err = run(reader, "erase", "--pace-id", pace_id, "--reason", "asked in writing")
    assert code == 3 and not said
    assert err.strip().count("\n") == 0 and "does not have the role" in err
    assert "Traceback" not in err and "pace_reports" not in err.replace("docs/", "")
    assert any(row[0] == client_id for row in _people(seeded))  # nothing was erased
    # The same login may read: a report is its job.


def test_a_data_protection_officer_login_erases_and_lists_retention(seeded, pg, run):
    (client_id, pace_id), *_ = _people(seeded)
    dpo = staff(pg, seeded, "pace_dpo", "dpo")
    code, _, err = run(dpo, "erase", "--pace-id", pace_id, "--reason", "asked in writing")
    assert code == 0, err
    assert all(row[0] != client_id for row in _people(seeded))
    code, _, err = run(dpo, "retention", "--years", "1")
    assert code == 0, err


def test_a_reports_login_writes_a_report(seeded, pg, run, tmp_path):
    reader = staff(pg, seeded, "pace_reports", "reader")
    code, _, err = run(reader, "report", "--kind", "summary", "--out", str(tmp_path / "s.xlsx"))
    assert code == 0, err


def test_correction_withdrawal_and_notices_on_the_central_database(seeded, pg, run, tmp_path):
    """A data protection officer's login corrects a postcode and withdraws a consent on the server;
    the signed notice carrying the withdrawal to the laptop is written from it."""
    with connect(seeded, allow_insecure=True) as conn:
        client_id, pace_id = conn.execute(
            "SELECT c.id, c.pace_id FROM clients c JOIN consents s ON s.parent_id = c.id "
            "WHERE s.purpose = 'contact_followup' AND s.active = 1 ORDER BY c.pace_id LIMIT 1"
        ).fetchone()
    dpo = staff(pg, seeded, "pace_dpo", "dpo")
    code, said, err = run(dpo, "correct", "--pace-id", pace_id, "--set", "postcode=G51 1AA")
    assert code == 0, err
    code, said, err = run(dpo, "withdraw", "--pace-id", pace_id, "--purpose", "contact_followup")
    assert code == 0, err
    with connect(seeded, allow_insecure=True) as conn:
        postcode = conn.execute("SELECT data->>'postcode' FROM clients WHERE id = %s", (client_id,))
        assert postcode.fetchone()[0] == "G51 1AA"
        active = conn.execute(
            "SELECT active FROM consents WHERE parent_id = %s AND purpose = 'contact_followup'", (client_id,)
        ).fetchall()
        assert active and all(a == 0 for (a,) in active)
    out = tmp_path / "notices"
    out.mkdir()
    code, said, err = run(dpo, "notices", "--out", str(out))
    assert code == 0, err
    assert list(out.iterdir()), said
    with open_central_on_server(Path(run.keyring), PASSPHRASE, seeded) as central:
        assert central.verify_audit().ok
