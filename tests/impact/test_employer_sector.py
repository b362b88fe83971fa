"""The impact figures by sector take an event's sector, and an event held for an employer takes the
employer's sector when it is saved (``Store.save_event``): one employer, one sector, in every
breakdown — also after its sector is corrected while saving a later event."""

from __future__ import annotations

from datetime import date

from pace_desktop.records.models import Employer, Event, EventType
from pace_desktop.reports.impact import gather, impact_of
from tests.impact.people import GLASGOW, person

WHEN = date(2025, 1, 10)


def event_at(store, employer: Employer, *, typed_sector: str, when: date = WHEN) -> Event:
    """An event saved as the event dialog saves it, with its own sector box saying ``typed_sector``."""
    draft = Event(
        employer_name=employer.name,
        council_area=GLASGOW,
        sector=typed_sector,
        event_date=when,
        event_type=EventType.group_session,
    )
    saved, _ = store.save_event(draft, employer)
    return saved


def sectors(store) -> dict[str, str]:
    return {p.client_id: p.sector for p in gather(store)}


def by_sector_rows(store) -> list[str]:
    impact = impact_of(gather(store))
    return list(next(g for g in impact.groups if g.title == "By sector").table.rows)


def test_the_sector_in_the_figures_is_the_employers(store):
    works = Employer(name="Clyde Valve Works", sector="Engineering")
    first = event_at(store, works, typed_sector="Retail")
    assert first.sector == "Engineering" and first.employer_id == works.id
    one = person(store, first)
    assert sectors(store) == {str(one.id): "Engineering"}


def test_a_corrected_employer_sector_reaches_its_earlier_events_and_the_figures(store):
    works = Employer(name="Clyde Valve Works", sector="Engineering")
    first = event_at(store, works, typed_sector="Engineering")
    one = person(store, first)
    stored = store.employers.get(works.id)
    corrected = stored.model_copy(update={"sector": "Manufacturing"})
    second = event_at(store, corrected, typed_sector="Manufacturing", when=date(2025, 2, 3))
    two = person(store, second, first="Paweł")
    assert store.employers.get(works.id).sector == "Manufacturing"
    assert store.events.get(first.id).sector == "Manufacturing"  # not left at the old one
    assert sectors(store) == {str(one.id): "Manufacturing", str(two.id): "Manufacturing"}
    assert "Engineering" not in by_sector_rows(store)
