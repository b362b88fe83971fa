"""Hostile bundles, receipts and notices: only documented errors come out, and nothing is half written.

Each case is a real file damaged at one of several depths. Bundles: the age file's bytes; the ZIP
inside it (sealed again to the office); one member changed or added; records changed and the whole
bundle re-signed with the laptop's real key (so the damage reaches schema validation and the import
transaction); or the manifest changed and re-signed. Receipts and notices: bytes, JSON, and JSON
re-signed with the office's real key. Every case goes through the real import or apply, into real
stores; after a refusal the store must be exactly as before.
"""

from __future__ import annotations

import base64
import io
import json
import zipfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any
from uuid import UUID, uuid4

import pytest
from hypothesis import given
from hypothesis import strategies as st

from pace_desktop.exchange import bundle
from pace_desktop.exchange.bundle import Manifest, signing_input
from pace_desktop.exchange.export import export_bundle
from pace_desktop.exchange.receipt import Receipt
from pace_desktop.office.central import office_identity, office_recipients, open_central
from pace_desktop.office.importer import import_bundle
from pace_desktop.privacy.erasure import erase
from pace_desktop.privacy.notice_apply import apply_office_file
from pace_desktop.privacy.notices import OfficeNotice, make_notice
from pace_desktop.privacy.withdrawal import withdraw
from pace_desktop.store.store import Store
from tests.conftest import PASSPHRASE
from tests.exchange.conftest import register
from tests.reliability.conftest import FAST_CASES, SLOW_CASES
from tests.reliability.exchange_setup import RECORD_TABLES, make_exchange, snapshot
from tests.reliability.fuzzing import (
    JSON_VALUES,
    Blob,
    Doc,
    Outcomes,
    changed_json,
    damaged,
    documented_only,
    fuzz_settings,
    hostile_json_file,
    json_bytes,
    one_line,
)


@dataclass
class Stage:
    """An office and a laptop that have exchanged one bundle, and the files that passed between them."""

    office: Store
    laptop: Store
    sealed: bytes
    plaintext: bytes
    members: dict[str, bytes]
    manifest: dict[str, Any]
    receipt: dict[str, Any]
    notice: dict[str, Any]
    folder: Path

    def __repr__(self) -> str:  # Hypothesis prints the strategy's arguments: keep it short
        return "Stage()"


@pytest.fixture
def stage(tmp_path):
    made = make_exchange(tmp_path / "setup")
    office = open_central(made.central, PASSPHRASE)
    laptop = Store.open(made.laptop, PASSPHRASE)
    # Durability is the crash loops' business: here thousands of cases must each commit quickly.
    for store in (office, laptop):
        store.db.execute("PRAGMA synchronous = OFF")
    _event, clients = register(laptop, 4, seed=11)
    register(laptop, 1, seed=12, consent=False)
    erase(laptop, clients[3].pace_id, "asked_to_be_erased")
    out = tmp_path / "out"
    out.mkdir()
    first = export_bundle(laptop, out).path
    result = import_bundle(office, first, receipts_dir=out)
    assert result.verdict == "accepted"
    receipt = json.loads(result.receipt_path.read_bytes())
    withdraw(office, clients[0].pace_id, "contact_followup")
    notice = json.loads(make_notice(office, laptop.device_id)[0])
    # A second bundle, not yet imported, is the base every bundle case starts from.
    for client in clients[:2]:
        laptop.clients.update(laptop.clients.get(client.id).model_copy(update={"job_title": "Welder"}))
    register(laptop, 2, seed=13)
    sealed = export_bundle(laptop, out).path.read_bytes()
    plaintext = bundle.decrypt(sealed, [office_identity(office)])
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        members = {name: archive.read(name) for name in archive.namelist()}
    work = tmp_path / "cases"
    work.mkdir()
    made_stage = Stage(
        office,
        laptop,
        Blob(sealed),
        Blob(plaintext),
        Doc(members),
        Doc(json.loads(members[bundle.MANIFEST])),
        Doc(receipt),
        Doc(notice),
        work,
    )
    yield made_stage
    for store in (office, laptop):
        assert store.verify_audit().ok
        assert store.db.integrity_ok()
        store.close()


def _is_json(line: bytes) -> bool:
    try:
        json.loads(line)
    except ValueError:
        return False
    return True


def _short(value: Any) -> Any:
    return Doc(value) if isinstance(value, dict) else value


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(zipfile.ZipInfo(name, date_time=bundle.ZIP_TIME), data)
    return buffer.getvalue()


def _parts(members: dict[str, bytes]) -> dict[str, list[bytes]]:
    return {
        entity: members.get(bundle.part_name(entity), b"").splitlines(keepends=True)
        for entity in bundle.PART_ENTITIES
    }


def _stretch(stage: Stage) -> bundle.AuditStretch:
    head = stage.manifest["audit"]
    return bundle.AuditStretch(
        head["from_count"], head["from_hash"], head["count"], head["hash"], stage.members[bundle.AUDIT]
    )


@st.composite
def hostile_bundle(draw: st.DrawFn, stage: Stage) -> tuple[str, bytes]:
    layer = draw(st.sampled_from(["file", "zip", "member", "records", "records", "records", "manifest"]))
    recipient = office_recipients(stage.office)[0]
    if layer == "file":
        return layer, draw(damaged(stage.sealed))
    if layer == "zip":
        return layer, bundle.seal(draw(damaged(stage.plaintext)), [recipient])
    if layer == "member":
        members = dict(stage.members)
        name = draw(
            st.sampled_from(
                [
                    *sorted(members),
                    "extra.json",
                    "../outside",
                    "records/event.jsonl",
                    "records/unknown.jsonl",
                    "/abs",
                    "manifest.json/",
                ]
            )
        )
        how = draw(st.sampled_from(["json", "bytes", "remove", "empty", "huge"]))
        old = Blob(members.get(name, b"{}"))
        if how == "remove":
            members.pop(name, None)
        elif how == "empty":
            members[name] = b""
        elif how == "huge":
            members[name] = b"\n" * draw(st.sampled_from([1, 10_000, 2_000_000]))
        elif how == "json" and name in (bundle.MANIFEST, bundle.SIGNATURE):
            members[name] = json_bytes(draw(changed_json(_short(json.loads(old)))), "sorted")
        else:
            members[name] = draw(damaged(old))
        return layer, bundle.seal(_zip(members), [recipient])
    if layer == "records":
        parts = _parts(stage.members)
        for _ in range(draw(st.integers(1, 3))):
            entity = draw(st.sampled_from(bundle.PART_ENTITIES))
            lines = parts[entity]
            op = draw(
                st.sampled_from(
                    ["change", "change", "change", "drop", "duplicate", "insert", "bytes", "move"]
                )
            )
            at = draw(st.integers(0, max(0, len(lines) - 1)))
            if op == "change" and lines and _is_json(lines[at]):
                lines[at] = json_bytes(draw(changed_json(_short(json.loads(lines[at]))))) + b"\n"
            elif op == "drop" and lines:
                del lines[at]
            elif op == "duplicate" and lines:
                lines.insert(at, lines[at])
            elif op == "insert":
                lines.insert(at, json_bytes(draw(JSON_VALUES)) + b"\n")
            elif op == "bytes" and lines:
                lines[at] = draw(damaged(Blob(lines[at])))
            elif op == "move" and lines:
                other = draw(st.sampled_from(bundle.PART_ENTITIES))
                parts[other].append(lines.pop(at))
        joined = {e: b"".join(lines) for e, lines in parts.items()}
        built = bundle.build(
            parts={e: (data, data.count(b"\n")) for e, data in joined.items()},
            # A new id every time (not drawn): a repeated id would be answered as a replay, unread.
            bundle_id=uuid4(),
            device_id=stage.laptop.device_id,
            signing_key=stage.laptop.signing_key(),
            sequence=draw(st.integers(1, 2**62)),
            recipients=[recipient],
            created_at=datetime.now(UTC),
            app_version="fuzz",
            held_back=0,
            audit=_stretch(stage),  # the laptop's real audit head: without it, refused before records
        )
        return layer, bundle.seal(built.plaintext, [recipient])
    # The manifest changed, then signed again with the laptop's real key whenever it still parses.
    members = dict(stage.members)
    doc = draw(changed_json(stage.manifest))
    if isinstance(doc, dict) and draw(st.booleans()):
        doc["bundle_id"] = str(draw(st.uuids()))  # a new id, or the replay check answers first
    manifest_bytes = json_bytes(doc, "sorted")
    members[bundle.MANIFEST] = manifest_bytes
    try:
        manifest = Manifest.model_validate(json.loads(manifest_bytes))
    except Exception:  # noqa: BLE001 - not a manifest any more: keep the old signature
        pass
    else:
        signature = json.loads(members[bundle.SIGNATURE])
        raw = stage.laptop.signing_key().sign(signing_input(manifest, manifest_bytes))
        signature["signature"] = base64.b64encode(raw).decode()
        members[bundle.SIGNATURE] = json_bytes(signature, "sorted")
    return layer, bundle.seal(_zip(members), [recipient])


def _records_in(sealed: bytes, office: Store) -> list[tuple[str, str, int]]:
    plaintext = bundle.decrypt(sealed, [office_identity(office)])
    found = []
    with zipfile.ZipFile(io.BytesIO(plaintext)) as archive:
        for entity in bundle.PART_ENTITIES:
            if entity == bundle.TOMBSTONE_ENTITY:
                continue
            data = archive.read(bundle.part_name(entity))
            for line in data[:-1].split(b"\n") if data else []:  # split on "\n" only, as the spec says
                raw = json.loads(line)
                found.append((entity, str(UUID(raw["id"])), int(raw["version"])))
    return found


def fuzz_bundles(stage: Stage, cases: int, fig) -> None:
    outcomes = Outcomes()
    office = stage.office
    tables = {
        "event": "events",
        "client": "clients",
        "consent": "consents",
        "checklist": "checklists",
        "intervention": "interventions",
        "outcome": "outcomes",
        "feedback": "feedback",
    }

    @fuzz_settings(cases)
    @given(case=hostile_bundle(stage))
    def run(case: tuple[str, bytes]) -> None:
        layer, data = case
        path = stage.folder / "case.pacebundle"
        path.write_bytes(data)
        before = snapshot(office)
        attempts = office.db.scalar("SELECT count(*) FROM imports")
        with documented_only(outcomes):
            result = import_bundle(office, path, receipts_dir=stage.folder)
            one_line(result.reason)
            outcomes.add(result.verdict.replace("_", " "))
            if result.verdict == "refused":
                assert snapshot(office) == before, f"a refused bundle ({result.code}) changed the store"
            elif result.verdict == "accepted":
                kept = sum(result.outcomes.get(k, 0) for k in ("added", "updated", "unchanged"))
                present = 0
                for entity, record_id, version in _records_in(data, office):
                    stored = office.db.scalar(
                        f"SELECT version FROM {tables[entity]} WHERE id = ?", (record_id,)
                    )  # noqa: S608
                    present += stored is not None and stored >= version
                assert present >= kept, "an accepted bundle was applied by halves"
                fig.records += present
            assert office.db.scalar("SELECT count(*) FROM imports") == attempts + 1
        if office.db.scalar("SELECT count(*) FROM imports") == attempts:
            assert snapshot(office) == before, "an error left a half import behind"

    run()
    outcomes.fill(fig)


def test_hostile_bundles_get_one_line_and_change_nothing(stage, figure):
    fuzz_bundles(stage, FAST_CASES, figure("fuzz-bundle", "hostile bundles (import)"))


@pytest.mark.slow
def test_hostile_bundles_at_scale(stage, figure):
    fig = figure("fuzz-bundle", "hostile bundles (import)")
    fuzz_bundles(stage, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES


# -- receipts and notices (office -> laptop) ------------------------------------------------------------


def _laptop_state(laptop: Store) -> tuple[Any, ...]:
    rows = []
    for table in RECORD_TABLES:
        rows.append(
            tuple(
                laptop.db.query(
                    "SELECT count(*), total(confirmed_version), total(version), total(length(data)) "
                    f"FROM {table}"  # noqa: S608
                )[0]
            )
        )
    rows.append(laptop.db.scalar("SELECT count(*) FROM tombstones"))
    rows.append(laptop.db.scalar("SELECT count(*) FROM audit"))
    return tuple(rows)


def _resigned(doc: Any, model: type, office: Store) -> Any:
    """Sign ``doc`` again with the office's real key if it still parses as ``model``."""
    if not isinstance(doc, dict):
        return doc
    try:
        parsed = model.model_validate_json(json_bytes(doc))
    except Exception:  # noqa: BLE001 - not parseable: leave it as it is
        return doc
    doc["signature"] = base64.b64encode(office.signing_key().sign(parsed.signing_input())).decode()
    return doc


@st.composite
def hostile_office_file(
    draw: st.DrawFn, base: dict[str, Any], model: type, office: Store
) -> tuple[str, bytes]:
    layer = draw(st.sampled_from(["bytes", "json", "signed", "signed"]))
    if layer == "bytes":
        return layer, draw(damaged(Blob(json_bytes(base, "sorted"))))
    if layer == "json":
        return layer, draw(hostile_json_file(base))
    doc = _resigned(draw(changed_json(base)), model, office)
    return layer, json_bytes(doc, "sorted")


def fuzz_office_files(stage: Stage, base: dict[str, Any], model: type, cases: int, fig) -> None:
    outcomes = Outcomes()
    laptop = stage.laptop

    @fuzz_settings(cases)
    @given(case=hostile_office_file(base, model, stage.office))
    def run(case: tuple[str, bytes]) -> None:
        layer, data = case
        path = stage.folder / "case.pacereceipt"
        path.write_bytes(data)
        before = _laptop_state(laptop)
        applied = False
        with documented_only(outcomes):
            result = apply_office_file(laptop, path)
            one_line(result.summary())
            outcomes.add("applied")
            applied = True
        if not applied:
            assert _laptop_state(laptop) == before, "a refused file changed the laptop's store"

    run()
    outcomes.fill(fig)


def test_hostile_receipts_get_one_line_and_change_nothing(stage, figure):
    fuzz_office_files(stage, stage.receipt, Receipt, FAST_CASES, figure("fuzz-receipt", "hostile receipts"))


def test_hostile_notices_get_one_line_and_change_nothing(stage, figure):
    fuzz_office_files(stage, stage.notice, OfficeNotice, FAST_CASES, figure("fuzz-notice", "hostile notices"))


@pytest.mark.slow
def test_hostile_receipts_at_scale(stage, figure):
    fig = figure("fuzz-receipt", "hostile receipts")
    fuzz_office_files(stage, stage.receipt, Receipt, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES


@pytest.mark.slow
def test_hostile_notices_at_scale(stage, figure):
    fig = figure("fuzz-notice", "hostile notices")
    fuzz_office_files(stage, stage.notice, OfficeNotice, SLOW_CASES, fig)
    assert fig.inputs >= SLOW_CASES
