"""Every way a bundle can be bad is refused with one plain line, and nothing at all is imported."""

from __future__ import annotations

import json
import random

import pyrage
import pytest

from pace_desktop.exchange import bundle
from pace_desktop.exchange.bundle import Limits
from pace_desktop.exchange.export import export_bundle
from pace_desktop.office.central import office_identity, office_recipients
from pace_desktop.office.devices import enrol_device
from pace_desktop.office.history import import_history
from pace_desktop.office.importer import import_bundle, import_bundles
from pace_desktop.records.models import SCHEMA_VERSION
from pace_desktop.store.device import DeviceKey
from tests.exchange.conftest import (
    dumps,
    forge,
    last_history,
    manifest_dict,
    nothing_imported,
    raw_zip,
    records_jsonl,
    register,
    table_counts,
    unzip,
)


@pytest.fixture
def one_bundle(laptop, outbox):
    register(laptop, 2)
    return export_bundle(laptop, outbox).path


def assert_refused(office, result, code, *words):
    assert result.verdict == "refused", result
    assert result.code == code, result
    assert "\n" not in result.reason and "Traceback" not in result.reason
    assert "nothing was imported" in result.reason.lower() or "not opened" in result.reason
    for word in words:
        assert word in result.reason
    assert nothing_imported(office)
    history = last_history(office)
    assert (history.verdict, history.code, history.reason) == ("refused", code, result.reason)
    assert result.receipt_path is None


def test_a_flipped_byte_anywhere_is_refused(enrolled, one_bundle, tmp_path):
    data = one_bundle.read_bytes()
    rng = random.Random(5)
    offsets = sorted(
        {0, 1, 20, 40, 60, 90, 120, 150, 200, len(data) // 2, len(data) - 17, len(data) - 1}
        | {rng.randrange(len(data)) for _ in range(12)}
    )
    for offset in offsets:
        bad = tmp_path / f"flip-{offset}.pacebundle"
        bad.write_bytes(data[:offset] + bytes([data[offset] ^ 0x01]) + data[offset + 1 :])
        result = import_bundle(enrolled, bad)
        assert result.verdict == "refused", offset
        assert result.code in ("damaged", "not_for_this_office", "unreadable"), (
            offset,
            result.code,
        )
        assert nothing_imported(enrolled)
    assert len([h for h in import_history(enrolled) if h.verdict == "refused"]) == len(offsets)
    # The untouched file still goes in: the refusals left nothing behind.
    assert import_bundle(enrolled, one_bundle).verdict == "accepted"


@pytest.mark.parametrize("keep", [0, 10, 100, 0.5, -1])
def test_a_truncated_bundle_is_refused(enrolled, one_bundle, tmp_path, keep):
    data = one_bundle.read_bytes()
    cut = int(len(data) * keep) if isinstance(keep, float) else (keep if keep >= 0 else len(data) + keep)
    bad = tmp_path / "cut.pacebundle"
    bad.write_bytes(data[:cut])
    result = import_bundle(enrolled, bad)
    assert_refused(enrolled, result, "damaged", "damaged or incomplete")


def test_a_bundle_for_another_office_is_refused(laptop, outbox, tmp_path, enrolled, other_office_template):
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file

    install_office_key(laptop, read_office_key_file(other_office_template.pub))
    register(laptop, 1)
    result = import_bundle(enrolled, export_bundle(laptop, outbox).path)
    assert_refused(enrolled, result, "not_for_this_office", "another office")


def test_a_signed_bundle_re_encrypted_to_this_office_is_still_refused(
    laptop, outbox, enrolled, other_office_template, tmp_path
):
    """Anyone holding office.pub can re-encrypt: the signed manifest names the intended office."""
    from pace_desktop.exchange.officekey import install_office_key, read_office_key_file
    from pace_desktop.office.central import open_central
    from tests.conftest import PASSPHRASE

    install_office_key(laptop, read_office_key_file(other_office_template.pub))
    register(laptop, 1)
    path = export_bundle(laptop, outbox).path
    with open_central(other_office_template.central, PASSPHRASE) as other:
        plaintext = pyrage.decrypt(path.read_bytes(), [office_identity(other)])
    forwarded = tmp_path / "forwarded.pacebundle"
    forwarded.write_bytes(bundle.seal(plaintext, office_recipients(enrolled)))
    assert_refused(enrolled, import_bundle(enrolled, forwarded), "other_office", "another office")


def test_a_retired_laptops_bundles_are_refused_until_it_is_enrolled_again(enrolled, laptop, one_bundle):
    from pace_desktop.errors import RefusedError
    from pace_desktop.office.devices import devices, retire_device

    assert retire_device(enrolled, laptop.device_id) is True
    assert retire_device(enrolled, laptop.device_id) is False  # already: nothing changes
    with pytest.raises(RefusedError, match="No laptop LTNOSUCH is enrolled"):
        retire_device(enrolled, "LTNOSUCH")
    (device,) = devices(enrolled)
    assert device.retired_at and device.retired_by == enrolled.actor
    for trust in (False, True):  # trusting new laptops must not let a retired one back in
        result = import_bundle(enrolled, one_bundle, trust_new_devices=trust)
        assert_refused(
            enrolled, result, "retired_device", laptop.device_id, "retired on", "enrol its key again"
        )
    assert enrolled.db.scalar("SELECT count(*) FROM audit WHERE action = 'retire'") == 1
    key, again = enrol_device(enrolled, laptop.device_key().text())
    assert again and devices(enrolled)[0].retired_at is None
    assert import_bundle(enrolled, one_bundle).verdict == "accepted"


def test_a_bundle_from_an_unknown_device_is_refused_unless_trusted(office, laptop, one_bundle):
    result = import_bundle(office, one_bundle)
    assert_refused(office, result, "unknown_device", laptop.device_id, "office enrol", "--trust-new-devices")
    trusted = import_bundle(office, one_bundle, trust_new_devices=True)
    assert trusted.verdict == "accepted" and trusted.new_device
    from pace_desktop.office.devices import devices

    assert [(d.device_id, d.how) for d in devices(office)] == [(laptop.device_id, "first_use")]


def test_a_bundle_signed_with_a_key_other_than_the_enrolled_one_is_refused(
    office, laptop, laptop2, one_bundle
):
    impostor = DeviceKey(laptop.device_id, laptop2.device_key().public)
    enrol_device(office, impostor.text())
    result = import_bundle(office, one_bundle, trust_new_devices=True)
    assert_refused(office, result, "wrong_key", "different key")


def test_a_replay_is_harmless_and_reported_as_already_had(enrolled, one_bundle):
    first = import_bundle(enrolled, one_bundle)
    counts = table_counts(enrolled)
    second = import_bundle(enrolled, one_bundle)
    assert (first.verdict, second.verdict) == ("accepted", "already_had")
    assert "imported before" in second.reason and "harmless" in second.reason
    assert table_counts(enrolled) == counts
    assert second.receipt_path is not None and second.gap_warning is None
    assert [h.verdict for h in import_history(enrolled)] == ["already_had", "accepted"]


def _sealed_zip(office, tmp_path, members, name="forged.pacebundle"):
    path = tmp_path / name
    path.write_bytes(bundle.seal(raw_zip(members), office_recipients(office)))
    return path


def test_a_newer_bundle_format_is_refused_by_name(enrolled, tmp_path):
    path = _sealed_zip(
        enrolled,
        tmp_path,
        {
            "manifest.json": dumps(manifest_dict(format_version=3, anything_new=True)),
            "signature.json": b"{}",
        },
    )
    result = import_bundle(enrolled, path)
    assert_refused(
        enrolled,
        result,
        "newer_format",
        "newer PACE Intake",
        "bundle format 3",
        "Update the office app",
    )


def test_a_newer_record_schema_is_refused_by_name(enrolled, laptop, tmp_path):
    good = forge(laptop, office_recipients(enrolled)[0], {})
    members = unzip(pyrage.decrypt(good, [office_identity(enrolled)]))
    manifest = json.loads(members["manifest.json"])
    manifest["schema_version"] = SCHEMA_VERSION + 1
    members["manifest.json"] = dumps(manifest)
    result = import_bundle(enrolled, _sealed_zip(enrolled, tmp_path, members))
    assert_refused(enrolled, result, "newer_format", f"record schema {SCHEMA_VERSION + 1}")


def test_a_bundle_over_the_size_cap_is_refused_before_any_work(enrolled, one_bundle):
    size = one_bundle.stat().st_size
    result = import_bundle(enrolled, one_bundle, limits=Limits(max_file_bytes=size - 1))
    assert_refused(enrolled, result, "too_big", "larger than", "limit")
    assert last_history(enrolled).bundle_id is None  # refused before it was even decrypted


def test_a_bundle_that_unpacks_past_the_cap_is_refused(enrolled, laptop, tmp_path):
    """A zip bomb: a few kilobytes that would inflate to megabytes."""
    zeros = b"0" * (4 * 2**20)
    path = _sealed_zip(
        enrolled,
        tmp_path,
        {
            "manifest.json": dumps(manifest_dict()),
            "signature.json": b"{}",
            "records/client.jsonl": zeros,
        },
    )
    assert path.stat().st_size < 64 * 1024
    result = import_bundle(enrolled, path, limits=Limits(max_plaintext_bytes=2**20))
    assert_refused(enrolled, result, "too_big", "unpacks to more than")


def test_a_validly_signed_bundle_with_one_invalid_record_is_refused_whole(enrolled, laptop, tmp_path):
    event, clients = register(laptop, 5)
    bad = clients[3].model_copy(update={"ni_number": "JK 98 76 54 Z"})  # skips validation, as a bug might
    good_consents = [c for client in clients for c in laptop.consents.for_parent(client.id)]
    data = forge(
        laptop,
        office_recipients(enrolled)[0],
        {
            "event": records_jsonl([event]),
            "client": records_jsonl(clients[:3] + [bad] + clients[4:]),
            "consent": records_jsonl(good_consents),
        },
    )
    path = tmp_path / "one-bad.pacebundle"
    path.write_bytes(data)
    result = import_bundle(enrolled, path)
    assert_refused(
        enrolled,
        result,
        "invalid_record",
        "a client record",
        "ni_number",
        "whole bundle was refused",
    )
    assert "JK 98" not in result.reason and "JK987654Z" not in result.reason  # value never echoed


def test_a_part_changed_after_signing_is_refused(enrolled, laptop, tmp_path):
    event, clients = register(laptop, 2)
    good = forge(
        laptop,
        office_recipients(enrolled)[0],
        {"event": records_jsonl([event]), "client": records_jsonl(clients)},
    )
    members = unzip(pyrage.decrypt(good, [office_identity(enrolled)]))
    members["records/client.jsonl"] = records_jsonl(clients[:1])[0]
    result = import_bundle(enrolled, _sealed_zip(enrolled, tmp_path, members))
    assert_refused(enrolled, result, "hash_mismatch", "do not match its signed manifest")


def test_a_manifest_changed_after_signing_is_refused(enrolled, laptop, tmp_path):
    good = forge(laptop, office_recipients(enrolled)[0], {"event": records_jsonl([register(laptop)[0]])})
    members = unzip(pyrage.decrypt(good, [office_identity(enrolled)]))
    manifest = json.loads(members["manifest.json"])
    manifest["sequence"] = 99
    members["manifest.json"] = dumps(manifest)
    result = import_bundle(enrolled, _sealed_zip(enrolled, tmp_path, members))
    assert_refused(enrolled, result, "bad_signature", "signature does not match")


def test_extra_members_and_garbage_plaintext_are_refused(enrolled, laptop, tmp_path):
    good = forge(laptop, office_recipients(enrolled)[0], {})
    members = unzip(pyrage.decrypt(good, [office_identity(enrolled)]))
    members["records/extra.jsonl"] = b"{}\n"
    assert_refused(
        enrolled, import_bundle(enrolled, _sealed_zip(enrolled, tmp_path, members)), "hash_mismatch"
    )
    garbage = tmp_path / "garbage.pacebundle"
    garbage.write_bytes(bundle.seal(b"not a zip at all", office_recipients(enrolled)))
    assert_refused(enrolled, import_bundle(enrolled, garbage), "unreadable", "not a PACE bundle")


def test_a_missing_file_is_refused_and_others_still_import(enrolled, one_bundle, tmp_path):
    results = import_bundles(enrolled, [tmp_path / "gone.pacebundle", one_bundle])
    assert [r.verdict for r in results] == ["refused", "accepted"]
    assert "could not be read" in results[0].reason
