"""Reusable field types for the records: ``Annotated`` types with their validator and JSON Schema.

The JSON Schema of a normalised field describes the stored form (e.g. a postcode pattern), because
the published schema describes records as they are written to bundles and exports.

Checks against reference data (council areas, partners, services) can be skipped when reading back
records that were valid when saved, by validating with ``context=STORED_CONTEXT``: an office that
later drops a partner from ``partners.csv`` must still be able to open old records that name it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from annotated_types import GroupedMetadata
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, ValidationInfo, WithJsonSchema

from pace_desktop.records import pace_id, validation
from pace_desktop.records.enums import PURPOSE_MESSAGE, is_valid_purpose
from pace_desktop.records.fastpath import FastPath, plain_text, sha256_hex, utc_datetime
from pace_desktop.reference import SERVICES, council_area_names, partner_codes

STORED_CONTEXT: dict[str, Any] = {"stored": True}

Band = Literal["low", "medium", "high"]


def _blank_to_none(value: Any) -> Any:
    """An empty or all-space entry in an optional field means 'not given'."""
    if isinstance(value, str) and not value.strip():
        return None
    return value


BlankIsNone = BeforeValidator(_blank_to_none)


# -- free text ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Text(GroupedMetadata):
    """Free text through ``clean_text``, e.g. ``Annotated[str, Text(100, required="Enter ...")]``.

    Without ``required`` the text may be empty; with ``optional`` the field is ``str | None`` and a
    blank entry becomes None. ``multiline`` keeps line breaks (notes, addresses). Text that is
    already clean, in the scripts ``fastpath.PLAIN`` covers, is taken natively without a call.
    """

    max_len: int
    required: str | None = None
    optional: bool = False
    multiline: bool = False

    def cleaner(self) -> Callable[[str | None], str | None]:
        """The cleaning function with this field's limits: the full path, for the text the native
        first check (``fastpath.plain_text``) does not take as it is.
        """
        max_len, multiline, required = self.max_len, self.multiline, self.required

        def clean(value: str | None) -> str | None:
            if value is None:
                return None
            cleaned = validation.clean_text(value, max_len, multiline=multiline)
            if required and not cleaned:
                raise ValueError(required)
            return cleaned

        return clean

    def __iter__(self) -> Iterator[Any]:
        if self.optional:
            yield BlankIsNone
        yield AfterValidator(self.cleaner())
        empty = not (self.required or self.optional)  # '' stays '' unless it is refused or None
        yield FastPath(lambda: plain_text(self.max_len, empty=empty), none_first=self.optional)
        schema: dict[str, Any] = {"type": "string", "maxLength": self.max_len}
        if self.required:
            schema["minLength"] = 1
        yield WithJsonSchema({"anyOf": [schema, {"type": "null"}]} if self.optional else schema)


# -- normalised identifiers --------------------------------------------------------------------

def _string(**schema: Any) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", **schema})


Postcode = Annotated[
    str, AfterValidator(validation.normalise_postcode),
    _string(pattern=r"^(GIR 0AA|[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2})$"),
]
def _typed_or_stored(normalise: Callable[[str], str], stored_shape: re.Pattern[str]) -> AfterValidator:
    """``normalise`` for what a person typed; for records read back (``STORED_CONTEXT``: the store,
    bundles) a value already in the stored shape is kept: it was normalised when saved, and the
    library data behind ``normalise`` (numbering plans, domain rules) may have changed since."""
    def check(value: str, info: ValidationInfo) -> str:
        stored = isinstance(info.context, dict) and info.context.get("stored")
        if stored and stored_shape.fullmatch(value):
            return value
        return normalise(value)

    return AfterValidator(check)


Phone = Annotated[
    str, _typed_or_stored(validation.normalise_phone, validation.STORED_PHONE),
    _string(pattern=r"^\+44[1-35789][0-9]{8,9}$"),
]
Email = Annotated[
    str, _typed_or_stored(validation.normalise_email, validation.STORED_EMAIL),
    _string(format="email", maxLength=254),
]
NiNumber = Annotated[
    str, AfterValidator(validation.normalise_ni), _string(pattern=r"^[A-Z]{2}[0-9]{6}[A-D]$"),
]
PaceId = Annotated[
    str, AfterValidator(pace_id.normalise_pace_id),
    _string(pattern=f"^PACE-[{pace_id.ALPHABET}]{{4}}-[{pace_id.ALPHABET}]{{4}}$"),
]


_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def _sha256(value: str) -> str:
    if not _HEX64.fullmatch(value):
        raise ValueError("The privacy-notice fingerprint must be 64 hexadecimal characters.")
    return value.lower()


Sha256 = Annotated[
    str, AfterValidator(_sha256), FastPath(sha256_hex),
    _string(pattern="^[0-9a-f]{64}$"),
]


def _language(value: str) -> str:
    if not _LANGUAGE.fullmatch(value):
        raise ValueError("The notice language must be a language code such as en, pl or gd.")
    return value


_LANGUAGE = re.compile(r"[a-z]{2,3}")
LanguageCode = Annotated[str, AfterValidator(_language), _string(pattern="^[a-z]{2,3}$")]


# -- times and dates ---------------------------------------------------------------------------

def _utc(value: datetime) -> datetime:
    return value.astimezone(UTC)


# Times are stored in UTC with their offset; a time without a zone is refused, never guessed.
UtcDatetime = Annotated[AwareDatetime, AfterValidator(_utc), FastPath(utc_datetime)]


def utcnow() -> datetime:
    return datetime.now(UTC)


def _date_of_birth(value: date) -> date:
    return validation.validate_date_of_birth(value)


DateOfBirth = Annotated[date, AfterValidator(_date_of_birth)]


# -- codes from reference data -----------------------------------------------------------------

def _coded(allowed: Callable[[str], bool], message: str) -> AfterValidator:
    def check(value: str, info: ValidationInfo) -> str:
        stored = isinstance(info.context, dict) and info.context.get("stored")
        if not value or (not stored and not allowed(value)):
            raise ValueError(message)
        return value

    return AfterValidator(check)


CouncilArea = Annotated[
    str, _coded(lambda code: code in council_area_names(), "Choose a council area from the list."),
    _string(minLength=1),
]
ServiceCode = Annotated[
    str, _coded(lambda code: code in SERVICES, "Choose a service from the list."),
    _string(enum=list(SERVICES)),
]
PartnerCode = Annotated[
    str, _coded(lambda code: code in partner_codes(), "Choose a partner from the list."),
    _string(minLength=1),
]
Purpose = Annotated[
    str, _coded(is_valid_purpose, PURPOSE_MESSAGE),
    _string(pattern=r"^(pace_support|contact_followup|client_survey|anonymised_statistics"
                    r"|share_[A-Za-z0-9_]+)$"),
]


def _unique(values: list[str]) -> list[str]:
    """Ticking the same service twice means it once; first-ticked order is kept."""
    return list(dict.fromkeys(values))


ServiceList = Annotated[list[ServiceCode], AfterValidator(_unique)]
