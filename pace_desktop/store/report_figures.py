"""The reads reports and partner reports count from (``reports.aggregates``, ``reports.impact``,
``partners.reciprocity``, ``partners.partner_impact``): grouped counts where the database can group,
otherwise a few stored fields per record, never a whole record set held twice.

Each function returns the rows as the database gives them; the report modules decide who counts.
"""

from __future__ import annotations

from pace_desktop.store.database import Database

# -- events ----------------------------------------------------------------------------------------


def event_data_newest_first(db: Database) -> list[str]:
    """Every event's stored JSON, newest first (the order office staff look for them)."""
    return [data for (data,) in db.query("SELECT data FROM events ORDER BY event_date DESC, seq")]


def event_data(db: Database) -> list[str]:
    """Every event's stored JSON, in no particular order."""
    return [data for (data,) in db.query("SELECT data FROM events")]


def employer_data(db: Database) -> list[str]:
    """Every employer's stored JSON, in no particular order (the summary lists each event's)."""
    return [data for (data,) in db.query("SELECT data FROM employers")]


# -- counts per event (the summary report) ---------------------------------------------------------


def clients_by_event_and_band(db: Database) -> list[tuple[str, str | None, int]]:
    """(event id, band in use or None without a checklist, clients)."""
    return db.query(
        "SELECT c.parent_id, k.band, count(*) FROM clients c "
        "LEFT JOIN checklists k ON k.parent_id = c.id GROUP BY c.parent_id, k.band"
    )


def services_wanted_by_event(db: Database) -> list[tuple[str, str, int]]:
    """(event id, service, clients who wanted it)."""
    return db.query(
        "SELECT c.parent_id, j.value, count(*) FROM clients c, "  # noqa: S608
        f"{db.dialect.json_rows('c.data', 'j', 'services_wanted')} GROUP BY c.parent_id, j.value"
    )


def referrals_by_event(db: Database) -> list[tuple[str, str, int]]:
    """(event id, partner code or '' when none is named, referrals)."""
    return db.query(
        f"SELECT c.parent_id, coalesce({db.dialect.json_field('i.data', 'partner')}, ''), count(*) "  # noqa: S608
        "FROM interventions i JOIN clients c ON c.id = i.parent_id "
        f"WHERE {db.dialect.json_field('i.data', 'status')} = 'referred' GROUP BY 1, 2"
    )


def consenting_by_area_sector_band(
    db: Database, purpose: str, no_checklist: str
) -> list[tuple[str | None, str | None, str, int]]:
    """Clients with an active ``purpose`` consent by (event council area, sector as first spelt, band).

    Sectors are grouped case-insensitively; ``no_checklist`` stands for the band of clients without one.
    """
    return db.query(
        f"SELECT {db.dialect.json_field('e.data', 'council_area')}, "  # noqa: S608
        f"min(trim({db.dialect.json_field('e.data', 'sector')})), coalesce(k.band, ?), count(*) "
        "FROM clients c JOIN events e ON e.id = c.parent_id "
        "LEFT JOIN checklists k ON k.parent_id = c.id "
        "WHERE EXISTS (SELECT 1 FROM consents s WHERE s.parent_id = c.id "
        "              AND s.purpose = ? AND s.active = 1) "
        f"GROUP BY 1, lower(trim({db.dialect.json_field('e.data', 'sector')})), 3",  # noqa: S608
        (no_checklist, purpose),
    )


# -- per person facts (impact, reciprocity, partner reports) ---------------------------------------


def client_birth_and_leaving(db: Database) -> list[tuple[str, str, str | None, str | None]]:
    """(client id, event id, date of birth, expected leaving date) of every client."""
    return db.query(
        f"SELECT id, parent_id, {db.dialect.json_field('data', 'date_of_birth')}, "  # noqa: S608
        f"{db.dialect.json_field('data', 'expected_leaving_date')} FROM clients"  # noqa: S608
    )


def checklist_data(db: Database) -> list[tuple[str, str]]:
    """(client id, the checklist's stored JSON)."""
    return db.query("SELECT parent_id, data FROM checklists")


def checklist_bands(db: Database) -> list[tuple[str, str]]:
    """(client id, band in use)."""
    return db.query("SELECT parent_id, band FROM checklists")


def _fields(db: Database, table: str, *fields: str, after: str = "") -> str:
    """``SELECT parent_id, <each field of the record's JSON>[, after] FROM table``: a field named
    ``minutes`` or ``rating`` is a whole number, the others text, on either engine."""
    spell = db.dialect
    columns = [spell.json_int("data", f) if f in _WHOLE else spell.json_field("data", f) for f in fields]
    extra = f", {after}" if after else ""
    return f"SELECT parent_id, {', '.join(columns)}{extra} FROM {table}"  # noqa: S608 - our names


_WHOLE = frozenset({"minutes", "rating"})


def outcome_statuses(db: Database) -> list[tuple[str, str | None, str | None]]:
    """(client id, outcome date, status) of every outcome."""
    return db.query(_fields(db, "outcomes", "date", "status"))


def dated_outcome_statuses(db: Database) -> list[tuple[str, str | None, str | None, str]]:
    """(client id, outcome date, status, updated at) of every outcome."""
    return db.query(_fields(db, "outcomes", "date", "status", after="updated_at"))


def dated_services(db: Database) -> list[tuple[str, str | None, str | None, str]]:
    """(client id, intervention date, service, updated at) of every intervention."""
    return db.query(_fields(db, "interventions", "date", "service", after="updated_at"))


def intervention_facts(db: Database) -> list[tuple[str, str | None, str | None, str | None, int | None]]:
    """(client id, service, partner, status, minutes) of every intervention."""
    return db.query(_fields(db, "interventions", "service", "partner", "status", "minutes"))


def service_statuses_and_minutes(db: Database) -> list[tuple[str, str | None, str | None, int | None]]:
    """(client id, service, status, minutes) of every intervention."""
    return db.query(_fields(db, "interventions", "service", "status", "minutes"))


def statuses_with_partner(db: Database, partner: str) -> list[tuple[str, str | None]]:
    """(client id, status) of every intervention with ``partner``."""
    where = f" WHERE {db.dialect.json_field('data', 'partner')} = ?"
    return db.query(_fields(db, "interventions", "status") + where, (partner,))


def feedback_ratings(db: Database) -> list[tuple[str, int | None]]:
    """(client id, rating) of every feedback record."""
    return db.query(_fields(db, "feedback", "rating"))
