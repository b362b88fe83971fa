"""Aggregate-only matching: keyed hashes that the partner's own script reproduces, counts back."""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
import subprocess
import sys
from pathlib import Path

import pyrage
import pytest

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.partners.counts import returned_counts
from pace_desktop.partners.history import request_key
from pace_desktop.partners.identifiers import parse_key
from pace_desktop.partners.registry import set_partner
from pace_desktop.partners.request import make_request
from pace_desktop.partners.returns import import_return
from tests.conftest import PASSPHRASE
from tests.partners.conftest import share_consenting
from tests.pg.conftest import pg, pg_db  # noqa: F401 - a real PostgreSQL cluster, fixtures
from tests.pg.test_office_commands_on_server import move_to_server

SCRIPT = Path(__file__).resolve().parents[2] / "docs" / "partner_hash.py"


@pytest.fixture(params=["file", "postgresql"])
def central(request, central_path, monkeypatch):
    """Each test with the office runs twice: on the central store file, and on the central database
    (a real PostgreSQL cluster the tests start; ``office migrate`` moved the same office there, its
    file kept as the keyring)."""
    from pace_desktop.office.central import open_central, open_central_on_server

    if request.param == "file":
        store = open_central(central_path, PASSPHRASE)
    else:
        url = request.getfixturevalue("pg_db")
        move_to_server(open_central(central_path, PASSPHRASE), url, monkeypatch)  # no TLS on its socket
        store = open_central_on_server(central_path, PASSPHRASE, url)
        assert type(store.db).__name__ == "PgDatabase"
    yield store
    store.close()


def run_script(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    # The partner's analyst runs the script with plain Python: no pace_desktop on the path.
    return subprocess.run(
        [sys.executable, "-I", str(SCRIPT), *args], capture_output=True, text=True, cwd=cwd, timeout=60
    )


def supplied_rows(path: Path, identity) -> list[dict[str, str]]:
    text = pyrage.decrypt(path.read_bytes(), [identity]).decode("ascii")
    return list(csv.DictReader(io.StringIO(text)))


def write_partner_records(path: Path, clients, match: str, status_of) -> None:
    """The partner's own export, typed their way (spaces, lower case, UK dates)."""
    with path.open("w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        if match == "ni":
            out.writerow(["ni", "status"])
            for c in clients:
                ni = c.ni_number.lower()
                out.writerow([f"{ni[:2]} {ni[2:4]} {ni[4:6]} {ni[6:8]} {ni[8]}", status_of(c)])
        else:
            out.writerow(["first_name", "last_name", "date_of_birth", "postcode", "status"])
            for c in clients:
                out.writerow(
                    [
                        c.first_name.upper(),
                        f" {c.last_name} ",
                        c.date_of_birth.strftime("%d/%m/%Y"),
                        c.postcode.replace(" ", "").lower(),
                        status_of(c),
                    ]
                )


@pytest.mark.parametrize("match", ["ni", "name_dob_postcode"])
def test_hashes_match_the_partners_script(central, keys, outbox, tmp_path, match):
    set_partner(central, "DWP", recipient=keys.recipient, match_on=match, aggregate_only=True)
    result = make_request(central, "DWP", outbox, aggregate=True)
    rows = supplied_rows(result.path, keys.identity)
    assert {r["request_id"] for r in rows} == {result.request_id}
    assert {r["match"] for r in rows} == {match}

    clients = [c for c in share_consenting(central, "DWP").values() if c.ni_number or match != "ni"]
    records = tmp_path / "people.csv"
    write_partner_records(records, clients, match, lambda c: "")
    done = run_script("hash", "--key", result.key, "--match", match, "--records", str(records), cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    theirs = set(done.stdout.split())
    assert theirs == {r["hash"] for r in rows}
    assert len(rows) == result.sent == len(clients)
    # ...and an HMAC computed here from the raw values, without either implementation's helpers.
    if match == "ni":
        key = bytes.fromhex(result.key.replace(" ", ""))
        mine = {hmac.new(key, c.ni_number.encode(), hashlib.sha256).hexdigest() for c in clients}
        assert mine == theirs


def test_the_file_holds_no_identifier_and_no_pace_id(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox, aggregate=True)
    text = pyrage.decrypt(result.path.read_bytes(), [keys.identity]).decode()
    for pace_id, client in share_consenting(central, "DWP").items():
        assert pace_id not in text
        assert not client.ni_number or client.ni_number not in text
    assert "PACE-" not in text


def test_each_request_has_its_own_key_so_hashes_cannot_be_linked(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    first = make_request(central, "DWP", outbox, aggregate=True)
    second = make_request(central, "DWP", outbox, aggregate=True)
    assert first.key != second.key
    one = {r["hash"] for r in supplied_rows(first.path, keys.identity)}
    two = {r["hash"] for r in supplied_rows(second.path, keys.identity)}
    assert one and not one & two
    assert request_key(central, first.request_id) == first.key
    assert len(parse_key(first.key)) == 32


def test_documented_examples_pass_the_scripts_selftest(tmp_path):
    done = run_script("selftest", cwd=tmp_path)
    assert done.returncode == 0 and "passed" in done.stdout


def test_documented_examples_match_this_implementation():
    from datetime import date
    from uuid import uuid4

    from pace_desktop.partners.identifiers import keyed_hash, match_text
    from pace_desktop.records.models import Client

    doc = (SCRIPT.parent / "partner-matching.md").read_text(encoding="utf-8")
    key = parse_key("00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f")
    person = Client(
        event_id=uuid4(),
        first_name="Mòrag",
        last_name="Nic Dhòmhnaill",
        date_of_birth=date(1980, 5, 6),
        postcode="eh1 1aa",
        ni_number="ab 12 34 56 c",
    )
    for match in ("ni", "name_dob_postcode"):
        text = match_text(person, match)
        assert text.replace("|", "\\|") in doc
        assert keyed_hash(key, text) in doc


def test_counts_from_the_script_are_stored_against_the_request(central, keys, outbox, tmp_path):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox, aggregate=True)
    request_csv = tmp_path / "request.csv"
    request_csv.write_bytes(pyrage.decrypt(result.path.read_bytes(), [keys.identity]))
    clients = [c for c in share_consenting(central, "DWP").values() if c.ni_number]
    known = clients[: len(clients) - 3]  # the partner holds most of them, plus people SDS never sent
    statuses = ["PAYE_EMPLOYMENT", "PAYE_EMPLOYMENT", "NO_RECORD"]
    records = tmp_path / "people.csv"
    write_partner_records(records, known, "ni", lambda c: statuses[known.index(c) % 3])
    with records.open("a", newline="") as fh:
        csv.writer(fh).writerow(["AB 12 34 56 C", "PAYE_EMPLOYMENT"])
    counts_csv = tmp_path / "counts.csv"
    done = run_script(
        "count",
        "--key",
        result.key,
        "--supplied",
        str(request_csv),
        "--records",
        str(records),
        "--measure-column",
        "status",
        "--out",
        str(counts_csv),
        cwd=tmp_path,
    )
    assert done.returncode == 0, done.stderr
    sealed = tmp_path / "counts.csv.age"
    from pace_desktop.office.central import office_recipients

    office = pyrage.x25519.Recipient.from_str(office_recipients(central)[0])
    sealed.write_bytes(pyrage.encrypt(counts_csv.read_bytes(), [office]))

    imported = import_return(central, "DWP", sealed)
    paye = sum(1 for c in known if statuses[known.index(c) % 3] == "PAYE_EMPLOYMENT")
    expected = {
        "supplied": len(clients),
        "matched": len(known),
        "PAYE_EMPLOYMENT": paye,
        "NO_RECORD": len(known) - paye,
    }
    assert imported.counts == expected
    assert returned_counts(central, result.request_id) == expected
    assert (imported.added, imported.problems) == (4, ())
    again = import_return(central, "DWP", sealed)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 4)
    assert returned_counts(central, result.request_id) == expected


def test_counts_that_do_not_fit_the_request_are_refused(central, keys, outbox, tmp_path):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox, aggregate=True)
    rid = result.request_id
    wrong = tmp_path / "wrong.csv"
    wrong.write_text(f"request_id,measure,count\n{rid},supplied,{result.sent + 1}\n")
    with pytest.raises(RefusedError, match="were supplied"):
        import_return(central, "DWP", wrong)
    assert returned_counts(central, rid) == {}

    messy = tmp_path / "messy.csv"
    messy.write_text(
        f"request_id,measure,count\n{rid},supplied,{result.sent}\n{rid},matched,10\n"
        f"{rid},PAYE,11\n{rid},JSA,lots\n{rid},,3\n{rid},BENEFITS,4\n{rid},benefits,5\n"
    )
    got = import_return(central, "DWP", messy)
    assert [p.row for p in got.problems] == [4, 5, 6, 8]
    assert "more than the 10 people matched" in got.problems[0].message
    assert returned_counts(central, rid) == {"supplied": result.sent, "matched": 10, "BENEFITS": 4}


def test_counts_for_an_individual_request_or_another_partner_are_refused(central, keys, outbox, tmp_path):
    set_partner(central, "DWP", recipient=keys.recipient)
    individual = make_request(central, "DWP", outbox)
    counts = tmp_path / "counts.csv"
    counts.write_text(f"request_id,measure,count\n{individual.request_id},matched,5\n")
    with pytest.raises(RefusedError, match="does not answer an aggregate request"):
        import_return(central, "DWP", counts)
    with pytest.raises(RefusedError):
        import_return(central, "HMRC", counts)


def test_aggregate_requests_need_enough_people(central, keys, outbox):
    from tests.partners.conftest import grant

    set_partner(central, "HMRC", recipient=keys.recipient)
    grant(central, [c for c in central.clients.all() if c.ni_number][:3], "HMRC")
    with pytest.raises(RefusedError, match="at least 5 people"):
        make_request(central, "HMRC", outbox, aggregate=True)
    assert list(outbox.iterdir()) == []


def test_key_of_an_individual_request_is_not_available(central, keys, outbox):
    set_partner(central, "DWP", recipient=keys.recipient)
    result = make_request(central, "DWP", outbox)
    with pytest.raises(UsageError):
        request_key(central, result.request_id)


def _script_module():
    import importlib.util

    spec = importlib.util.spec_from_file_location("partner_hash", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


from datetime import date  # noqa: E402

from hypothesis import given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402


@settings(max_examples=300, deadline=None)
@given(
    st.text(max_size=40),
    st.text(max_size=40),
    st.dates(date(1900, 1, 1), date(2020, 12, 31)),
    st.text(alphabet="ab12 EH", max_size=10),
)
def test_the_script_normalises_any_text_exactly_as_we_do(first, last, dob, postcode):
    from pace_desktop.partners.identifiers import compact_upper, name_key

    script = _script_module()
    assert script.name_key(first) == name_key(first)
    assert script.name_key(last) == name_key(last)
    assert script.compact_upper(postcode) == compact_upper(postcode)
    assert script.date_key(dob.strftime("%d/%m/%Y")) == dob.isoformat()
