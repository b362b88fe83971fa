"""The office fetching from the real relay when some of what waits there is bad: the good bundles are
imported and confirmed, each bad file is named in one line and kept, never dropped silently."""

from __future__ import annotations

from pace_desktop.exchange.bundle import SUFFIX
from pace_desktop.exchange.export import export_bundle
from pace_desktop.sync import httpsig
from pace_desktop.sync.laptop import configure, sync
from pace_desktop.sync.office import office_sync, quarantine
from tests.exchange.conftest import register
from tests.sync.test_refusals import raw_request


def upload(relay, laptop, body: bytes) -> None:
    headers = httpsig.sign_request(laptop.signing_key(), laptop.device_id, "PUT", "/v1/bundles", body)
    assert raw_request(relay, "PUT", "/v1/bundles", body, headers)[0] == 201


def test_bad_files_at_the_relay_do_not_block_the_good_ones(relay, enrolled, laptop, laptop2, tmp_path):
    office = enrolled
    configure(laptop, relay.url, relay.pin)
    office_sync(office, relay.office_client())
    # Three bad files, sent by the enrolled laptop's key (so the relay takes them):
    upload(relay, laptop, b"PK\x03\x04 this is not a bundle at all")  # not a bundle
    register(laptop2, 1)
    (tmp_path / "other").mkdir()
    other = export_bundle(laptop2, tmp_path / "other").path.read_bytes()
    upload(relay, laptop, other)  # a bundle signed by a laptop the office never enrolled
    register(laptop, 2)
    good = export_bundle(laptop, tmp_path).path.read_bytes()
    tampered = bytearray(good)
    tampered[len(tampered) // 2] ^= 0xFF
    upload(relay, laptop, bytes(tampered))  # changed in transit: does not decrypt
    upload(relay, laptop, good)

    fetched = office_sync(office, relay.office_client())

    verdicts = sorted(r.verdict for r in fetched.results)
    assert verdicts == ["accepted", "refused", "refused", "refused"]
    assert fetched.receipts_posted == 1
    assert office.db.query("SELECT COUNT(*) FROM clients")[0][0] == 2
    for bad in (r for r in fetched.results if r.verdict == "refused"):
        line = bad.line()
        assert "\n" not in line and line.startswith("refused")
        assert f"kept in {quarantine(office)}" in line
    kept = sorted(p.read_bytes() for p in quarantine(office).glob(f"*{SUFFIX}"))
    assert kept == sorted([b"PK\x03\x04 this is not a bundle at all", other, bytes(tampered)])
    assert relay.mailbox().waiting() == []  # fetched, recorded and kept at the office
    history = office.db.query("SELECT verdict, COUNT(*) FROM imports GROUP BY verdict")
    assert dict(history) == {"accepted": 1, "refused": 3}

    # The laptop gets the receipt for the good bundle.
    back = sync(laptop)
    assert back.receipts == 1 and back.confirmed > 0
