"""PACE IDs such as ``PACE-7K3Q-9MXY``: short, easy to read aloud, and self-checking.

Eight characters follow ``PACE-``: seven random ones and a check character. The alphabet leaves
out I, L, O, U, 0 and 1, easily confused when read from a card or heard on the phone, leaving 30
symbols worth 0..29. The check makes the weighted sum of all eight values, with weights 8, 7, ... 1,
a multiple of 31. As 31 is prime and larger than any difference of two values, one wrong character
changes the sum by ``w * (new - old)``, never a multiple of 31; swapping two neighbours changes it
by ``(w_i - w_i+1) * (a - b) = +-(a - b)``, never a multiple of 31 either: every such slip is
caught. A payload whose check value would be 30 (no symbol) is simply drawn again.

Seven random symbols give 30**7 * 30/31, about 2.1e10 IDs, so laptops need no coordination; a
store's UNIQUE index catches a clash within it. Across the whole programme the birthday bound still
applies (about a 1-in-5 chance of some clash somewhere among 100,000 IDs), so the office import must
expect, rarely, a PACE ID already held by a different client. IDs carry no meaning about the person.
"""

from __future__ import annotations

import re
import secrets
from collections.abc import Sequence
from operator import mul
from typing import Protocol

ALPHABET = "23456789ABCDEFGHJKMNPQRSTVWXYZ"
MODULUS = 31  # prime and > len(ALPHABET): see the module docstring
PREFIX = "PACE-"
LENGTH = 8  # seven random symbols and the check symbol
WEIGHTS = tuple(range(LENGTH, 0, -1))  # 8..1: the check symbol, last, has weight 1
_VALUE = {ch: i for i, ch in enumerate(ALPHABET)}
_CANONICAL = re.compile(f"PACE-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")

SHAPE_MESSAGE = "Enter a PACE ID like PACE-7K3Q-9MXY: eight letters and numbers after PACE-."
CHARS_MESSAGE = "A PACE ID never uses I, L, O, U, 0 or 1: check each character against the card."
CHECK_MESSAGE = "That PACE ID is not right: a character may be mistyped; check it against the card."


class Chooser(Protocol):
    """Anything with ``choice``: the ``secrets`` module, or a seeded ``random.Random`` in tests."""

    def choice(self, seq: Sequence[str], /) -> str: ...


def _weighted_sum(symbols: str) -> int:
    total: int = sum(map(mul, WEIGHTS, map(_VALUE.__getitem__, symbols)))
    return total % MODULUS


def check_symbol(payload: str) -> str | None:
    """The check symbol for seven payload symbols, or None when the check value has no symbol."""
    value = -_weighted_sum(payload) % MODULUS  # the check's own weight is 1
    return ALPHABET[value] if value < len(ALPHABET) else None


def format_pace_id(symbols: str) -> str:
    """'7K3Q9MXY' -> 'PACE-7K3Q-9MXY'."""
    return f"{PREFIX}{symbols[:4]}-{symbols[4:]}"


def new_pace_id(rng: Chooser = secrets) -> str:
    """A fresh random PACE ID (uniqueness within a store is enforced by the store)."""
    while True:
        payload = "".join(rng.choice(ALPHABET) for _ in range(LENGTH - 1))
        check = check_symbol(payload)
        if check is not None:
            return format_pace_id(payload + check)


def normalise_pace_id(s: str) -> str:
    """The canonical 'PACE-XXXX-XXXX' form; accepts lower case, spaces and no 'PACE-' prefix."""
    if _CANONICAL.fullmatch(s):  # as stored and exported: only the check is left to do
        if _weighted_sum(s[5:9] + s[10:]) != 0:
            raise ValueError(CHECK_MESSAGE)
        return s
    compact = "".join(s.split()).replace("-", "").upper()
    if len(compact) == LENGTH + 4 and compact.startswith("PACE"):
        compact = compact[4:]
    if len(compact) != LENGTH or not compact.isalnum() or not compact.isascii():
        raise ValueError(SHAPE_MESSAGE)
    if any(ch not in _VALUE for ch in compact):
        raise ValueError(CHARS_MESSAGE)
    if _weighted_sum(compact) != 0:
        raise ValueError(CHECK_MESSAGE)
    return format_pace_id(compact)


def is_valid_pace_id(s: object) -> bool:
    """True when ``s`` is a PACE ID that ``normalise_pace_id`` accepts."""
    if not isinstance(s, str):
        return False
    try:
        normalise_pace_id(s)
    except ValueError:
        return False
    return True
