"""The office's reference data reaching a laptop: imported at the office (file store and
PostgreSQL), signed, checked and applied on a real laptop store, and used by the next checklist,
which records the version of the figures it used."""

from __future__ import annotations

import json
import random
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from pace_desktop import reference
from pace_desktop.cli import main
from pace_desktop.client_record import merge_checklist
from pace_desktop.demo import make_client, make_event
from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.exchange.reference_update import make_update, parse_update
from pace_desktop.office.central import open_central, open_central_on_server
from pace_desktop.office.reference_data import import_nomis, import_partners, show, write_update
from pace_desktop.paths import resource
from pace_desktop.privacy.notice_apply import apply_office_file
from pace_desktop.records.models import ChecklistRecord
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist
from pace_desktop.store.pg.connect import connect
from pace_desktop.store.pg.from_file import migrate_from_file
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import _make_office, _open

DATA = Path(__file__).parent / "data"
NOMIS = DATA / "nomis-query-2026-10.csv"
ANGUS = "S12000041"
ISSUED = datetime(2026, 12, 1, 9, 0, tzinfo=UTC)


@pytest.fixture(params=["file", "postgresql"])
def central(request, office, office_path, tmp_path, monkeypatch):
    """The office's central store: the file, or moved to PostgreSQL with the file as its keyring."""
    if request.param == "file":
        yield office
        return
    url = request.getfixturevalue("pg_db")
    with connect(url, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    office.close()
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")  # the tests' private socket has no TLS
    store = open_central_on_server(office_path, PASSPHRASE, url)
    yield store
    store.close()


def angus_checklist(store) -> ChecklistRecord:
    """A fictional person at an Angus event, scored as the laptop scores them."""
    rng = random.Random(7)
    event = make_event(rng, date(2026, 11, 20)).model_copy(update={"council_area": ANGUS})
    client = make_client(rng, event, new_pace_id())
    return build_checklist({}, client=client, event=event, today=date(2026, 12, 6))


def area_line(record: ChecklistRecord) -> list[str]:
    return [line for line in record.explanation if line.startswith("Lives in")]


# -- at the office ---------------------------------------------------------------------------------


def test_office_staff_import_nomis_figures_and_see_the_version_on_both_backends(central):
    before = show(central)
    assert before.stored is None
    assert before.lines()[0] == f"Reference data {reference.shipped_set().version} (as shipped with the app)."
    made = import_nomis(central, NOMIS, now=ISSUED)
    assert made.as_of == "2026-10" and made.version.startswith("2026-10-")
    assert made.rates[ANGUS].rate_pct == 3.2
    assert made.partners == reference.shipped_set().partners  # the partners stay as they were
    lines = show(central).lines()
    assert lines[0] == f"Reference data {made.version} (imported 2026-12-01)."
    assert lines[1].startswith(
        f"Area unemployment figures {made.figures_version}: 32 council areas, Scotland 3.1%, as of 2026-10."
    )


def test_the_imported_set_is_kept_in_the_central_store(office, office_path):
    made = import_nomis(office, NOMIS, now=ISSUED)
    office.close()
    with open_central(office_path, PASSPHRASE) as again:
        assert show(again).reference.version == made.version
        assert reference.current().version == made.version


def test_office_migrate_carries_the_current_set_to_the_central_database(
    office, office_path, pg_db, monkeypatch
):
    made = import_nomis(office, NOMIS, now=ISSUED)
    with connect(pg_db, allow_insecure=True) as conn:
        migrate_from_file(office, conn)
    office.close()
    reference.install(None)
    monkeypatch.setenv("PACE_PG_ALLOW_INSECURE", "1")
    with open_central_on_server(office_path, PASSPHRASE, pg_db) as on_server:
        assert show(on_server).lines()[0] == f"Reference data {made.version} (imported 2026-12-01)."
        assert reference.current().version == made.version


def test_a_new_partner_table_keeps_the_figures_and_changes_the_version_but_not_the_figures_id(
    office, tmp_path
):
    figures = import_nomis(office, NOMIS, now=ISSUED)
    table = tmp_path / "partners.csv"
    table.write_text(
        resource("data", "partners.csv").read_text()
        + "MIND,Scottish Association for Mental Health,coping_with_stress;mental_health_wellbeing\n"
    )
    made = import_partners(office, table, now=ISSUED)
    assert [p.code for p in made.partners][-1] == "MIND"
    assert made.version != figures.version
    assert made.figures_version == figures.figures_version
    assert made.rates == figures.rates


def test_nothing_to_send_while_the_office_uses_the_shipped_data(office, tmp_path):
    with pytest.raises(UsageError, match="still uses the reference data shipped with the app"):
        write_update(office, tmp_path)


# -- the signed file on a laptop -------------------------------------------------------------------


def signed_file(office, tmp_path: Path) -> Path:
    import_nomis(office, NOMIS, now=ISSUED)
    folder = tmp_path / "to-laptop"
    folder.mkdir(exist_ok=True)
    return write_update(office, folder)


def test_the_laptop_applies_the_update_and_its_next_checklist_uses_and_records_it(office, laptop, tmp_path):
    path = signed_file(office, tmp_path)
    made = reference.current()
    update = parse_update(path.read_bytes())
    assert (update.version, update.figures_version) == (made.version, made.figures_version)
    assert path.name == f"PACE-REFERENCE-{made.version}.pacereference"

    reference.install(None)  # the laptop, opened before the office imported anything
    laptop.load_reference()
    shipped = angus_checklist(laptop)
    assert shipped.area_figures == reference.shipped_set().figures_version
    assert shipped.area_figures.startswith("2006-")
    assert area_line(shipped) == []  # Angus 2.8% was below Scotland's 3.3% in the shipped figures

    result = apply_office_file(laptop, path)
    assert result.applied and result.version == made.version
    assert result.summary() == (
        f"Reference update {made.version} applied: the partner list and the area unemployment "
        f"figures ({made.figures_version}) now come from the office."
    )
    record = angus_checklist(laptop)
    assert record.area_figures == made.figures_version
    assert record.area_as_of == 2026
    assert area_line(record) == [
        "Lives in Angus, unemployment 3.2% against 3.1% for Scotland (2026 figures) (★★ question): +2"
    ]
    assert record.score > shipped.score

    # Stored with the record, and still used after the laptop is locked and unlocked.
    stored = laptop.path
    laptop.close()
    reference.install(None)
    with Store.open(stored, PASSPHRASE) as again:
        assert reference.current().version == made.version
        assert angus_checklist(again).area_figures == made.figures_version


def test_a_checklist_re_scored_after_the_update_records_the_new_figures(office, laptop, tmp_path):
    path = signed_file(office, tmp_path)
    reference.install(None)
    laptop.load_reference()
    stored = angus_checklist(laptop)
    apply_office_file(laptop, path)
    again = merge_checklist(stored, angus_checklist(laptop))
    assert again.id == stored.id
    assert again.area_figures == reference.current().figures_version != stored.area_figures


def test_the_same_update_again_changes_nothing(office, laptop, tmp_path):
    path = signed_file(office, tmp_path)
    assert apply_office_file(laptop, path).applied
    again = apply_office_file(laptop, path)
    assert not again.applied
    assert again.summary().endswith("is already in use on this laptop: nothing changed.")


def test_a_tampered_update_is_refused_and_the_laptop_keeps_its_figures(office, laptop, tmp_path):
    path = signed_file(office, tmp_path)
    reference.install(None)
    laptop.load_reference()
    document = json.loads(path.read_bytes())
    for area in document["content"]["areas"]:
        if area["gss_code"] == ANGUS:
            area["rate_pct"] = 9.9
    tampered = tmp_path / "tampered.pacereference"
    tampered.write_text(json.dumps(document))
    with pytest.raises(RefusedError) as err:
        apply_office_file(laptop, tampered)
    assert str(err.value) == (
        "The reference update's signature does not match your office's key: it was changed, or it is "
        "not from your office. Nothing was changed."
    )
    assert reference.current() == reference.shipped_set()
    assert angus_checklist(laptop).area_figures == reference.shipped_set().figures_version


def test_an_update_signed_by_another_office_is_refused(other_office_template, laptop, tmp_path):
    other = _open(other_office_template.central, office=True)
    try:
        path = signed_file(other, tmp_path)
    finally:
        other.close()
    with pytest.raises(RefusedError, match="not from your office"):
        apply_office_file(laptop, path)


def test_an_older_update_than_the_laptop_has_is_refused(office, laptop, tmp_path):
    newer = signed_file(office, tmp_path)
    held = reference.current()
    older = tmp_path / "older.pacereference"
    partners_only = reference.ReferenceSet(
        reference.shipped_set().partners, held.rates, held.as_of, "an earlier import"
    )
    older.write_bytes(make_update(office, partners_only, "2026-11-01T09:00:00+00:00"))
    assert apply_office_file(laptop, newer).applied
    with pytest.raises(RefusedError) as err:
        apply_office_file(laptop, older)
    assert str(err.value) == (
        f"This reference update ({partners_only.version}, issued 2026-11-01) is older than the one "
        f"this laptop uses ({held.version}, issued 2026-12-01): nothing was changed."
    )
    assert reference.current().version == held.version


def test_the_office_store_does_not_apply_an_update(office, tmp_path):
    path = signed_file(office, tmp_path)
    with pytest.raises(UsageError, match="reference updates are applied on the laptops"):
        apply_office_file(office, path)


def test_a_new_partner_reaches_the_laptops_partner_list(office, laptop, tmp_path):
    table = tmp_path / "partners.csv"
    table.write_text(
        resource("data", "partners.csv").read_text()
        + "MIND,Scottish Association for Mental Health,coping_with_stress;mental_health_wellbeing\n"
    )
    import_partners(office, table, now=ISSUED)
    path = write_update(office, tmp_path)
    reference.install(None)
    laptop.load_reference()
    assert "MIND" not in reference.partner_codes()
    apply_office_file(laptop, path)
    assert "MIND" in reference.partner_codes()
    assert reference.partner_name("MIND") == "Scottish Association for Mental Health"


# -- the command line ------------------------------------------------------------------------------


def test_office_reference_commands(office_template, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("PACE_PASSPHRASE", PASSPHRASE)
    made = _make_office(tmp_path / "office")
    central = str(made.central)
    assert main(["office", "reference", "import-nomis", "--central", central, str(NOMIS)]) == 0
    shown = capsys.readouterr().out
    assert shown.startswith("Reference data 2026-10-")
    assert main(["office", "reference", "show", "--central", central]) == 0
    assert capsys.readouterr().out == shown
    bad = tmp_path / "bad.csv"
    bad.write_text("code,name,services\nACAS,Acas,mediation\n")
    assert main(["office", "reference", "import-partners", "--central", central, str(bad)]) == 3
    err = capsys.readouterr().err
    assert "partner ACAS lists a service this app does not know, 'mediation'" in err
    assert len(err.strip().splitlines()) == 1
    assert main(["office", "reference", "write-update", "--central", central, "--out", str(tmp_path)]) == 0
    assert capsys.readouterr().out.startswith(str(tmp_path / "PACE-REFERENCE-2026-10-"))
