"""The fictional people of the plain-text search, and every spelling of their details to look for.

Names are unusual on purpose, so that a hit can only be one of them and never a word the app ships
(a label, a dictionary, a font). Phone numbers are in Ofcom's range for drama; emails at example.org.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass
from typing import Any

from tools.screenshots.kiosk import PERSON


@dataclass(frozen=True)
class Person:
    first: str
    last: str
    ni: str  # as typed
    email: str
    phone: str  # as typed
    street: str

    def needles(self) -> list[str]:
        """What must never be found in clear: each detail as typed and as the app stores it."""
        digits = "".join(c for c in self.phone if c.isdigit())
        return [
            self.first,
            self.last,
            f"{self.first} {self.last}",
            self.ni,
            self.ni.replace(" ", ""),
            self.email,
            self.phone,
            digits,
            "+44" + digits[1:],
            self.street,
        ]


PEOPLE = [
    Person(
        "Seonaidh",
        "Quarrierston",
        "JT 48 17 29 B",
        "seonaidh.quarrierston@example.org",
        "07700 900482",
        "7 Wyndquarry Lane",
    ),
    Person(
        "Tormod",
        "Blackquillan",
        "JR 61 09 33 A",
        "t.blackquillan@example.org",
        "07700 900731",
        "19 Sgeirbhan Terrace",
    ),
    Person(
        "Ealasaid",
        "Fenwickshaw",
        "JZ 22 45 87 C",
        "ealasaid.f@example.org",
        "07700 900164",
        "3 Castlequarrel Road",
    ),
]


# More people for the slow run: made-up names no dictionary holds, each with their own details.
_MORE = [
    ("Morwenna", "Drumquharg"),
    ("Iomhar", "Skelwickie"),
    ("Briagha", "Tullochgorum-Vane"),
    ("Catriona", "Auchenquhair"),
    ("Lachlann", "Ruthvenlaw"),
    ("Sìleas", "MacQuarrievale"),
    ("Donnchadh", "Glenquharrie"),
    ("Oighrig", "Balquhidderock"),
]
MORE_PEOPLE = [
    Person(
        first,
        last,
        f"JT {i}{i} 2{i} 3{i} D",
        f"{first.lower()}.{i}@example.org",
        f"07700 9002{i:02d}",
        f"{i + 2} {last} Wynd",
    )
    for i, (first, last) in enumerate(_MORE)
]


def people(count: int) -> list[Person]:
    return (PEOPLE + MORE_PEOPLE)[:count]


def kiosk_answers(person: Person) -> dict[str, dict[str, Any]]:
    """The kiosk's page-by-page answers (the docs' sample person) with this person's details."""
    answers = copy.deepcopy(PERSON)
    answers["name"] = {"first_name": person.first, "last_name": person.last}
    answers["address"] = {"address_line1": person.street, "town": "Greenock", "postcode": "PA15 1AA"}
    answers["contact"] = {"phone": person.phone, "email": person.email}
    answers["ni"] = {"ni_number": person.ni}
    return answers
