"""The identifiers a partner matches on, their normalised form, and the keyed hashes built from it.

Two ways to match, chosen per partner: the National Insurance number (``ni``), or first name, last
name, date of birth and postcode together (``name_dob_postcode``). A request carries only the
identifiers of its partner's way. For aggregate-only matching the normalised identifier is hashed
with HMAC-SHA256 under a fresh random key per request; ``docs/partner-matching.md`` gives the same
rules to the partner's analyst and ``docs/partner_hash.py`` implements them without this package,
so both sides compute the same hash. Changing anything here breaks every partner's script.
"""

from __future__ import annotations

import hashlib
import hmac
import re
import secrets
import unicodedata
from datetime import date

from pace_desktop.records.models import Client

MATCH_NI = "ni"
MATCH_NAME_DOB_POSTCODE = "name_dob_postcode"
MATCH_LABELS: dict[str, str] = {
    MATCH_NI: "National Insurance number",
    MATCH_NAME_DOB_POSTCODE: "first name, last name, date of birth and postcode",
}
# The request's identifier columns for each way of matching, in order.
IDENTIFIER_HEADINGS: dict[str, tuple[str, ...]] = {
    MATCH_NI: ("NI number",),
    MATCH_NAME_DOB_POSTCODE: ("First name", "Last name", "Date of birth", "Postcode"),
}
KEY_BYTES = 32


def check_match(match_on: str) -> str:
    from pace_desktop.errors import UsageError

    if match_on not in MATCH_LABELS:
        raise UsageError("Choose how the partner matches: ni or name_dob_postcode.")
    return match_on


def identifiers(client: Client, match_on: str) -> tuple[str | date, ...] | None:
    """The values a request shows for ``client``, or None when one of them is not recorded."""
    if match_on == MATCH_NI:
        values: tuple[str | date | None, ...] = (client.ni_number,)
    else:
        values = (client.first_name, client.last_name, client.date_of_birth, client.postcode)
    if any(v is None or v == "" for v in values):
        return None
    return tuple(v for v in values if v is not None)


# -- normalisation (docs/partner-matching.md, "Normalisation") -------------------------------------


def name_key(text: str) -> str:
    """'Mòrag NicDhòmhnaill' -> 'moragnicdhomhnaill': no case, accents, spaces or punctuation."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isalnum())


def compact_upper(text: str) -> str:
    """NI numbers and postcodes: every space removed, upper case ('eh1 1aa' -> 'EH11AA')."""
    return re.sub(r"\s+", "", text).upper()


def match_text(client: Client, match_on: str) -> str | None:
    """The normalised identifier that is hashed, or None when the client lacks part of it."""
    values = identifiers(client, match_on)
    if values is None:
        return None
    if match_on == MATCH_NI:
        return compact_upper(str(values[0]))
    first, last, dob, postcode = values
    dob_text = dob.isoformat() if isinstance(dob, date) else str(dob)
    return "|".join((name_key(str(first)), name_key(str(last)), dob_text, compact_upper(str(postcode))))


def keyed_hash(key: bytes, text: str) -> str:
    """HMAC-SHA256 of the UTF-8 normalised identifier, as 64 lower-case hex characters."""
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


# -- the per-request key -------------------------------------------------------------------------


def new_key() -> bytes:
    return secrets.token_bytes(KEY_BYTES)


def key_text(key: bytes) -> str:
    """The key as the partner is given it: 64 hex characters in groups of eight, easy to read out."""
    hexed = key.hex()
    return " ".join(hexed[i : i + 8] for i in range(0, len(hexed), 8))


def parse_key(text: str) -> bytes:
    """Read a key typed back in (spaces ignored); raises ValueError with a plain message."""
    compact = re.sub(r"\s+", "", text).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", compact):
        raise ValueError("A matching key is 64 letters a-f and digits (spaces do not matter).")
    return bytes.fromhex(compact)
