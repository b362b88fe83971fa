"""Fictional people with a record of every kind, and readers that see files the way a checker would."""

from __future__ import annotations

import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from openpyxl import load_workbook

from pace_desktop.checklist import load_checklist
from pace_desktop.demo import make_client, make_event
from pace_desktop.records.models import CaptureMethod, Client, Feedback, Intervention, Outcome
from pace_desktop.records.pace_id import new_pace_id
from pace_desktop.registration import build_checklist, build_consents

PURPOSES = ("pace_support", "contact_followup", "anonymised_statistics", "share_DWP")


def answers(seed: int) -> dict[str, str]:
    rng = random.Random(seed)
    return {p.id: rng.choice(p.options).value for p in load_checklist().answerable_parts()}


def person(store, event, seed: int, *, statistics: bool = True, full: bool = True, **changes):
    """Register one fictional person with consents, a checklist, help, an outcome and feedback."""
    rng = random.Random(seed)
    client = make_client(rng, event, new_pace_id()).model_copy(update=changes)
    if full:
        client = client.model_copy(
            update={
                "phone": client.phone or f"07700 9{seed % 100000:05d}",
                "email": client.email or f"person{seed}@example.org",
                "ni_number": client.ni_number or f"JG{seed % 1000000:06d}C",
                "notes": f"Seen at the event; wants forklift training (note {seed}).",
            }
        )
    client = Client.model_validate(client.model_dump())  # model_copy does not validate
    choices = {p: True for p in PURPOSES}
    choices["anonymised_statistics"] = statistics
    consents = build_consents(choices, how=CaptureMethod.with_adviser, by=store.actor)
    checklist = build_checklist(answers(seed), client=client, event=event)
    client = store.register(client, consents, checklist)
    store.interventions.add(
        Intervention(
            client_id=client.id,
            service="vocational_training",
            partner="DWP",
            date=event.event_date,
            status="referred",
            minutes=20,
            note=f"Referred for retraining (intervention {seed}).",
        )
    )
    store.outcomes.add(
        Outcome(
            client_id=client.id,
            date=event.event_date + timedelta(days=90),
            status="in_work",
            note=f"Started a new job (outcome {seed}).",
        )
    )
    store.feedback.add(Feedback(client_id=client.id, rating=4, comment=f"Very helpful, thanks ({seed})."))
    return client


def people(store, n: int, *, seed: int = 7, event=None, **kwargs):
    if event is None:
        event = store.events.add(make_event(random.Random(seed), date(2026, 11, 20)))
    return event, [person(store, event, seed * 100 + i, **kwargs) for i in range(n)]


def identifiers(client) -> list[str]:
    """The direct identifiers of one person, as text a scan looks for."""
    values = [
        client.first_name,
        client.last_name,
        client.preferred_name,
        client.pace_id,
        str(client.id),
        client.address,
        client.postcode,
        client.phone,
        client.email,
        client.ni_number,
        client.notes,
    ]
    if client.date_of_birth:
        values.append(client.date_of_birth.isoformat())
    return [v for v in values if v]


def cells(path: Path) -> list[Any]:
    """Every non-empty cell value of every sheet."""
    wb = load_workbook(path)
    try:
        return [c.value for ws in wb for row in ws.iter_rows() for c in row if c.value is not None]
    finally:
        wb.close()


def cell_text(path: Path) -> str:
    return "\n".join(str(v) for v in cells(path))


def json_text(path: Path) -> str:
    """Every key and value in a JSON file, one per line (strings as they are, not escaped)."""
    out: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            for key, value in node.items():
                out.append(str(key))
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)
        elif node is not None:
            out.append(str(node))

    walk(json.loads(path.read_text(encoding="utf-8")))
    return "\n".join(out)
