"""The rest of the office's commands on the central database (``--central postgresql://…
--keyring FILE``): devices, the office identity's backup, follow-up, the survey sample, the impact
summary and checklist validation, partners and their agreements and requests, and the CRM hand-off —
each run as a member of staff would, and its effect read back from the server with SQL."""

from __future__ import annotations

import csv
from datetime import date, timedelta

from pace_desktop.store.pg.connect import connect
from tests.pg.test_office_commands_on_server import run, seeded  # noqa: F401 - fixtures, shared by name


def _one(url: str, sql: str, *params: object) -> tuple:
    with connect(url, allow_insecure=True) as conn:
        return conn.execute(sql, params).fetchone()


def test_retire_and_enrol_a_laptop_again_on_the_server(seeded, run, laptop):
    code, out, err = run(seeded, "retire", laptop.device_id)
    assert code == 0, err
    assert _one(
        seeded, "SELECT retired_at IS NOT NULL FROM devices WHERE device_id = %s", laptop.device_id
    ) == (True,)
    code, out, err = run(seeded, "enrol", laptop.device_key().text())
    assert code == 0, err
    assert _one(seeded, "SELECT retired_at IS NULL FROM devices WHERE device_id = %s", laptop.device_id) == (
        True,
    )
    actions = _one(seeded, "SELECT string_agg(action, ',' ORDER BY seq) FROM audit WHERE entity = 'device'")
    assert actions[0].endswith("retire,enrol")


def test_the_office_identity_backup_comes_from_the_keyring(seeded, run, tmp_path):
    code, _, err = run(seeded, "backup-identity", "--out", str(tmp_path / "identity.txt"))
    assert code == 0, err
    assert (tmp_path / "identity.txt").read_text(encoding="utf-8").count("AGE-SECRET-KEY-1") == 1


def test_the_survey_sample_and_checklist_validation_match_the_file(
    seeded, run, office_path, tmp_path, capsys
):
    """The move left the same office in the file (the keyring): the same answers from both."""
    from pace_desktop.cli import main

    said = {}
    for name, central in (("server", seeded), ("file", str(office_path))):
        sample = tmp_path / f"{name}.csv"
        capsys.readouterr()
        code = main(
            ["office", "survey-sample", "--central", central, "--keyring", str(office_path)]
            + ["--out", str(sample), "--as-of", "2027-06-01"]
        )
        assert code == 0, capsys.readouterr().err
        main(["office", "checklist-validation", "--central", central, "--keyring", str(office_path)])
        told = capsys.readouterr()
        said[name] = (sample.read_text(encoding="utf-8-sig"), told.out.replace(str(sample), "FILE"), told.err)
    assert said["server"] == said["file"]
    assert said["server"][0].count("\n") > 1  # a heading and at least one person
    code, _, err = run(seeded, "impact-summary", "--out", str(tmp_path / "impact.png"))
    assert code == 0, err
    assert (tmp_path / "impact.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_a_followup_outcome_recorded_on_the_server(seeded, run):
    client_id, pace_id = _one(
        seeded,
        "SELECT c.id, c.pace_id FROM clients c JOIN consents k ON k.parent_id = c.id "
        "WHERE k.purpose = 'contact_followup' AND k.active = 1 ORDER BY c.pace_id LIMIT 1",
    )
    before = _one(seeded, "SELECT count(*) FROM outcomes WHERE parent_id = %s", client_id)[0]
    today = date.today().isoformat()
    code, out, err = run(
        seeded, "followup-record", "--pace-id", pace_id, "--status", "in_work", "--date", today
    )
    assert code == 0, err
    assert out.strip() == f"Recorded In work on {today} for {pace_id}."
    assert _one(seeded, "SELECT count(*) FROM outcomes WHERE parent_id = %s", client_id) == (before + 1,)


def test_partners_their_agreements_and_a_request_on_the_server(seeded, run, tmp_path):
    import pyrage

    recipient = str(pyrage.x25519.Identity.generate().to_public())
    code, out, err = run(seeded, "partner-set", "--partner", "DWP", "--recipient", recipient)
    assert code == 0, err
    code, out, err = run(
        seeded,
        "partner-agreement",
        "--partner",
        "DWP",
        "--reference",
        "DSA-2026-07",
        "--legal-basis",
        "public task",
        "--scope",
        "outcomes of people referred",
        "--start",
        (date.today() - timedelta(days=30)).isoformat(),
        "--review",
        (date.today() + timedelta(days=365)).isoformat(),
    )
    assert code == 0, err
    assert _one(seeded, "SELECT reference FROM partner_agreements WHERE code = 'DWP'") == ("DSA-2026-07",)
    code, out, err = run(seeded, "partners")
    assert code == 0 and "DWP" in out, err
    outbox = tmp_path / "outbox"
    outbox.mkdir()
    code, out, err = run(seeded, "partner-request", "--partner", "DWP", "--out", str(outbox))
    assert code == 0, err
    assert out.startswith("Wrote request R-DWP-")
    assert _one(seeded, "SELECT count(*) FROM partner_requests WHERE partner = 'DWP'") == (1,)
    code, out, err = run(seeded, "partner-report", "--partner", "DWP", "--out", str(tmp_path / "dwp.xlsx"))
    assert code == 0, err
    assert (tmp_path / "dwp.xlsx").stat().st_size > 0


def test_the_crm_hand_off_from_the_server(seeded, run, tmp_path):
    out_dir = tmp_path / "crm"
    out_dir.mkdir()
    code, out, err = run(seeded, "export-crm", "--out", str(out_dir))
    assert code == 0, err
    [handoff] = out_dir.iterdir()
    with (handoff / "clients-001.csv").open(encoding="utf-8-sig", newline="") as f:
        clients = list(csv.DictReader(f))
    assert len(clients) == _one(seeded, "SELECT count(*) FROM clients")[0] == 16
    with (handoff / "employers-001.csv").open(encoding="utf-8-sig", newline="") as f:
        employers = list(csv.DictReader(f))
    assert len(employers) == _one(seeded, "SELECT count(*) FROM employers")[0] > 0
    code, out, err = run(seeded, "export-crm", "--out", str(out_dir))
    assert code == 0, err
    assert len(list(out_dir.iterdir())) == 1 or "nothing" in out.lower()  # nothing new: nothing new written


def test_the_audit_check_on_the_server_finds_an_entry_an_administrator_changed(seeded, run):
    code, out, err = run(seeded, "audit-check")
    assert code == 0, err
    assert out.splitlines()[0].startswith("The audit log checks out: ")
    assert out.splitlines()[1] == "Every page of the central store file checks out (full integrity check)."
    # Someone with the database owner's rights turns the append-only trigger off and edits one entry.
    with connect(seeded, allow_insecure=True) as conn:
        conn.execute("ALTER TABLE audit DISABLE TRIGGER audit_append_only")
        conn.execute("UPDATE audit SET detail = 'nothing to see' WHERE seq = 3")
        conn.execute("ALTER TABLE audit ENABLE TRIGGER audit_append_only")
        conn.commit()
    code, out, err = run(seeded, "audit-check")
    assert code == 3 and out == ""
    assert err.count("\n") == 1 and err.startswith("pace-desktop: ")
