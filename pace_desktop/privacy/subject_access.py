"""Subject access (UK GDPR Art. 15): everything this store holds about one person, in plain words.

``gather`` reads, in one snapshot, the person's record, the event they came to, every consent with
the privacy notice text they were shown, their checklist answers with the result and its
explanation, help and referrals, outcomes, feedback, what was shared with which partner, and every
audit entry about one of their records. It returns sections of labelled items and tables, ready
for a screen or for ``access_files`` to write as xlsx and JSON. Only rows hanging from this
person's client id are read, so nothing about anyone else can appear.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from pace_desktop.checklist import load_checklist
from pace_desktop.languages import CODE, SOURCE_LANGUAGE, language_name
from pace_desktop.paths import resource
from pace_desktop.privacy.people import find_client, record_ids, table_exists
from pace_desktop.privacy.words import (
    ACTION_WORDS,
    CLIENT_FIELDS,
    ENTITY_WORDS,
    NOT_GIVEN,
    SHARING_WORDS,
    area_name,
    band_name,
    partner_name,
    plain,
    purpose_words,
    service_name,
    when,
)
from pace_desktop.privacy_notice import notice_file
from pace_desktop.records.models import ChecklistRecord, Client, Consent
from pace_desktop.store import people as people_store

if TYPE_CHECKING:
    from pace_desktop.store.store import Store


@dataclass(frozen=True)
class Table:
    """Rows under column headings; ``note`` says what the table is, in a sentence."""

    title: str
    columns: tuple[str, ...]
    rows: tuple[tuple[Any, ...], ...]
    note: str | None = None


@dataclass(frozen=True)
class Section:
    """One part of the copy (one sheet of the workbook): labelled items, then tables."""

    title: str
    intro: str
    items: tuple[tuple[str, Any], ...] = ()
    tables: tuple[Table, ...] = ()


@dataclass(frozen=True)
class SubjectAccess:
    pace_id: str
    client_id: str
    produced_at: datetime
    produced_by: str
    sections: tuple[Section, ...]
    gaps: tuple[str, ...] = field(default_factory=tuple)

    def section(self, title: str) -> Section:
        return next(s for s in self.sections if s.title == title)


def gather(store: Store, pace_id: str, *, now: datetime | None = None) -> SubjectAccess:
    """Everything held about the person with this PACE ID (NotHeld if nobody is)."""
    now = (now or datetime.now(UTC)).astimezone(UTC)
    with store.db.snapshot():
        client = find_client(store, pace_id)
        cid = str(client.id)
        consents = store.consents.for_parent(cid)
        checklists = store.checklists.for_parent(cid)
        sections = (
            _about(store, client, now),
            _details(store, client),
            _consents(consents),
            _checklist(checklists),
            _help(store, cid),
            _outcomes_and_feedback(store, cid),
            _sharing(store, cid),
            _activity(store, cid),
        )
    return SubjectAccess(client.pace_id, cid, now, store.actor, sections, _gaps(store))


def _gaps(store: Store) -> tuple[str, ...]:
    gaps = [
        "Partners keep their own records of the help they gave you: ask each partner named on the "
        "'Partner sharing' sheet for a copy of what they hold."
    ]
    if store.kind == "office":
        gaps.insert(
            0,
            "An adviser's laptop may still hold a copy of what it sent here, for up to the "
            "laptop's retention period after the office confirmed it; it is the same data.",
        )
    return tuple(gaps)


def _about(store: Store, client: Client, now: datetime) -> Section:
    place = "SDS's central PACE store" if store.kind == "office" else f"the PACE laptop {store.device_name}"
    return Section(
        "About this copy",
        "What this copy is and where it comes from.",
        items=(
            ("Whose data", f"The person with PACE ID {client.pace_id}"),
            ("Produced", when(now)),
            ("Produced by", store.actor),
            ("Taken from", place),
            (
                "What it holds",
                "Everything held about you there: your details, your consent answers and the "
                "privacy notice you were shown, your checklist answers and result, help and "
                "referrals, outcomes, feedback, what was shared with partners, and a log of "
                "who looked at or changed your records.",
            ),
            (
                "Your other rights",
                "You can ask us to correct anything here, to erase it, or to withdraw any "
                "consent: tell an SDS adviser or call 0800 917 8000.",
            ),
        ),
    )


def _details(store: Store, client: Client) -> Section:
    items: list[tuple[str, Any]] = []
    for name, label in CLIENT_FIELDS.items():
        value = getattr(client, name)
        if name == "services_wanted":
            value = [service_name(code) for code in value]
        items.append((label, plain(value)))
    event = store.events.get(client.event_id)
    if event is not None:
        items += [
            ("PACE event: employer", event.employer_name),
            ("PACE event: date", event.event_date),
            ("PACE event: kind", event.event_type.label),
            ("PACE event: council area", area_name(event.council_area)),
        ]
    items += [
        ("Record reference (used inside our systems)", str(client.id)),
        ("Record created", when(client.created_at)),
        ("Record last changed", when(client.updated_at)),
        ("Last changed by", client.updated_by or NOT_GIVEN),
        ("Times changed", client.version - 1),
    ]
    reasons = {
        "same_ni": "the same National Insurance number",
        "same_name_dob": "the same name and date of birth",
    }
    for reason, status in people_store.duplicate_checks(store.db, str(client.id)):
        items.append(
            (
                "Checked as a possible duplicate record",
                f"Another record has {reasons.get(reason, reason)} ({status.replace('_', ' ')})",
            )
        )
    return Section(
        "Your details", "Your record as held, with the event where you registered.", items=tuple(items)
    )


_NOTICE_VERSION = re.compile(r"[A-Za-z0-9.\-]{1,20}")


def notice_text(version: str, sha256: str, language: str = SOURCE_LANGUAGE) -> str:
    """The privacy notice of this version, in the language it was shown, as shipped; or a plain line
    saying why it cannot be shown."""
    if not _NOTICE_VERSION.fullmatch(version) or not CODE.fullmatch(language):
        return "The notice version recorded is not one this app knows."
    try:
        text = resource("privacy", notice_file(version, language)).read_text(encoding="utf-8")
    except OSError:
        return f"The text of notice version {version} is not in this copy of the app: ask SDS for it."
    if hashlib.sha256(text.encode("utf-8")).hexdigest() != sha256:
        return (
            f"The text of version {version} on file differs from the one you were shown (its "
            f"fingerprint does not match): ask SDS for the exact text.\n\n{text}"
        )
    return text


def _consents(consents: list[Consent]) -> Section:
    rows = tuple(
        (
            purpose_words(c.purpose),
            "Yes" if c.granted else "No",
            when(c.captured_at),
            c.captured_how.label,
            c.captured_by,
            c.notice_version,
            when(c.withdrawn_at) if c.withdrawn_at else "Not withdrawn",
            c.withdrawn_by or NOT_GIVEN,
        )
        for c in consents
    )
    versions = sorted({(c.notice_version, c.notice_language, c.notice_sha256) for c in consents})
    notices = tuple(
        Table(
            f"Privacy notice version {v} ({language_name(lang)})",
            ("Text you were shown",),
            ((notice_text(v, sha, lang),),),
            note=f"Fingerprint (SHA-256) recorded with your answers: {sha}",
        )
        for v, lang, sha in versions
    )
    table = Table(
        "Your answers",
        (
            "What you were asked",
            "Your answer",
            "When",
            "How",
            "Recorded by",
            "Privacy notice version",
            "Withdrawn",
            "Withdrawal recorded by",
        ),
        rows,
    )
    return Section(
        "Your consents",
        "Each question about how we may use your data, your answer, and the "
        "privacy notice you had been shown.",
        tables=(table, *notices),
    )


def _checklist(checklists: list[ChecklistRecord]) -> Section:
    if not checklists:
        return Section("Your checklist", "You did not answer the checklist questions.")
    record = checklists[-1]
    items: list[tuple[str, Any]] = [
        ("Result", f"{band_name(record.band)} (score {record.score})"),
        ("Checklist version", record.checklist_version),
        ("When", when(record.created_at)),
    ]
    if record.override is not None:
        items += [
            ("Adviser's judgement", band_name(record.override.band)),
            ("Adviser's reason", record.override.reason),
            ("Decided by", f"{record.override.adviser}, {when(record.override.at)}"),
        ]
    items.append(
        (
            "What the result is for",
            "To see who may need more help, sooner. It is never used to refuse anyone help.",
        )
    )
    answers = tuple(_answer_words(record, part, value) for part, value in _in_asking_order(record.answers))
    tables = [
        Table("Your answers", ("Question", "Your answer"), answers),
        Table(
            "How the result was worked out", ("Explanation",), tuple((line,) for line in record.explanation)
        ),
    ]
    if record.unanswered:
        tables.append(
            Table(
                "Questions not answered",
                ("Question",),
                tuple((_answer_words(record, p, "")[0],) for p in record.unanswered),
            )
        )
    return Section(
        "Your checklist",
        "Your answers to the questions about finding work, and the result.",
        items=tuple(items),
        tables=tuple(tables),
    )


def _in_asking_order(answers: dict[str, str]) -> list[tuple[str, str]]:
    """The answers in the order the checklist asks its questions (then any it no longer asks, by
    id): never the order they happen to be stored in, which the central database does not keep
    (``jsonb`` orders an object's keys its own way)."""
    order = {part.id: i for i, part in enumerate(load_checklist().answerable_parts())}
    return sorted(answers.items(), key=lambda item: (order.get(item[0], len(order)), item[0]))


def _answer_words(record: ChecklistRecord, part_id: str, value: str) -> tuple[str, str]:
    checklist = load_checklist()
    if checklist.version != record.checklist_version:
        return part_id, value or NOT_GIVEN
    try:
        part = checklist.part(part_id)
    except KeyError:
        return part_id, value or NOT_GIVEN
    option = part.option(value)
    return part.client_text, (option.kiosk_label if option else (value or NOT_GIVEN))


def _help(store: Store, cid: str) -> Section:
    rows = tuple(
        (
            i.date,
            service_name(i.service),
            partner_name(i.partner) or "SDS",
            i.status.label,
            i.minutes,
            i.note or NOT_GIVEN,
            i.source.label,
            i.updated_by or NOT_GIVEN,
        )
        for i in store.interventions.for_parent(cid)
    )
    return Section(
        "Help and referrals",
        "Help offered or given, and referrals to partners.",
        tables=(
            Table(
                "Help and referrals",
                ("Date", "Help", "From", "Status", "Minutes spent", "Note", "Recorded from", "Recorded by"),
                rows,
            ),
        ),
    )


def _outcomes_and_feedback(store: Store, cid: str) -> Section:
    outcomes = tuple(
        (o.date, o.status.label, o.note or NOT_GIVEN, o.source.label) for o in store.outcomes.for_parent(cid)
    )
    feedback = tuple(
        (when(f.created_at), f.rating, f.comment or NOT_GIVEN) for f in store.feedback.for_parent(cid)
    )
    return Section(
        "Outcomes and feedback",
        "Where you were at later dates, and what you told us about our help.",
        tables=(
            Table("Outcomes", ("Date", "Where you were", "Note", "Recorded from"), outcomes),
            Table("Your feedback", ("When", "Rating (1 poor to 5 very good)", "Comment"), feedback),
        ),
    )


def _sharing(store: Store, cid: str) -> Section:
    intro = "Which partners were sent your details, when, and how."
    if not table_exists(store, "request_items"):
        return Section("Partner sharing", intro, items=(("Partner sharing", "Not recorded in this store."),))
    from pace_desktop.partners.identifiers import MATCH_LABELS

    shared = tuple(
        (
            partner_name(partner),
            created[:10],
            MATCH_LABELS.get(match_on, match_on) if status == "sent" else "No readable details",
            SHARING_WORDS.get(status, status),
        )
        for partner, created, match_on, status in people_store.partner_sharing(store.db, cid)
    )
    note = None if shared else "Your details have not been sent to any partner."
    return Section(
        "Partner sharing",
        intro,
        tables=(
            Table("Sent to partners", ("Partner", "Date", "Details sent", "What happened"), shared, note),
        ),
    )


def _activity(store: Store, cid: str) -> Section:
    ids = sorted(record_ids(store, cid))
    entries = tuple(
        (
            datetime.fromisoformat(at),
            actor,
            ACTION_WORDS.get(action, action.replace("_", " ").capitalize()),
            ENTITY_WORDS.get(entity or "", entity or NOT_GIVEN),
        )
        for at, actor, action, entity in people_store.audit_entries(store.db, ids)
    )
    return Section(
        "Activity log",
        "Every time someone recorded, looked at, changed or sent one of your records.",
        tables=(Table("Activity", ("When (UTC)", "Who", "What happened", "Which record"), entries),),
    )


__all__ = ["Section", "SubjectAccess", "Table", "gather", "notice_text"]
