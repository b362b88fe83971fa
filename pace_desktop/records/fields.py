"""Reusable field types for the records: ``Annotated`` types with their validator and JSON Schema.

The JSON Schema of a normalised field describes the stored form (e.g. a postcode pattern), because
the published schema describes records as they are written to bundles and exports.

Checks against reference data (council areas, partners, services) can be skipped when reading back
records that were valid when saved, by validating with ``context=STORED_CONTEXT``: an office that
later drops a partner from ``partners.csv`` must still be able to open old records that name it.

Records in a bundle are validated with ``context=BUNDLE_CONTEXT`` (and ``strict=True``): stored
records, so reference lists are not re-checked, but each value must already be in the form the
published JSON Schema gives (a postcode in upper case with its space, a phone number in E.164, a
fingerprint in lower case, a service from the list): what a person typed is normalised, what a
bundle carries is taken only as written, so the importer refuses exactly what the schema refuses.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Annotated, Any, Literal

from annotated_types import GroupedMetadata, MaxLen
from pydantic import AfterValidator, AwareDatetime, BeforeValidator, ValidationInfo, WithJsonSchema

from pace_desktop.records import pace_id, validation
from pace_desktop.records.enums import PURPOSE_MESSAGE, is_valid_purpose
from pace_desktop.records.fastpath import FastPath, plain_text, sha256_hex, utc_datetime
from pace_desktop.reference import SERVICES, council_area_names, partner_codes

STORED_CONTEXT: dict[str, Any] = {"stored": True}
BUNDLE_CONTEXT: dict[str, Any] = {"stored": True, "bundle": True}


def _says(info: ValidationInfo, key: str) -> bool:
    """Whether the validation context names ``key`` (``STORED_CONTEXT``, ``BUNDLE_CONTEXT``)."""
    context = info.context
    return context is not None and key in context


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
            if len(value) > max_len:  # the cap is on what was given, as the JSON Schema states it
                raise ValueError(f"This is too long: keep it to {max_len} characters or fewer.")
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


def _normalised(
    normalise: Callable[[str], str], stored_shape: re.Pattern[str], message: str
) -> AfterValidator:
    """``normalise`` always (it also checks what the shape cannot, e.g. a PACE ID's check
    character); in a bundle the value must already be in its stored shape."""

    def check(value: str, info: ValidationInfo) -> str:
        if _says(info, "bundle") and not stored_shape.fullmatch(value):
            raise ValueError(message)
        return normalise(value)

    return AfterValidator(check)


_POSTCODE = re.compile(r"GIR 0AA|[A-Z]{1,2}[0-9][0-9A-Z]? [0-9][A-Z]{2}")
Postcode = Annotated[
    str,
    _normalised(validation.normalise_postcode, _POSTCODE, validation.POSTCODE_MESSAGE),
    _string(pattern=f"^({_POSTCODE.pattern})$"),
]


def _typed_or_stored(
    normalise: Callable[[str], str], stored_shape: re.Pattern[str], message: str
) -> AfterValidator:
    """``normalise`` for what a person typed; for records read back (``STORED_CONTEXT``: the store,
    bundles) a value already in the stored shape is kept: it was normalised when saved, and the
    library data behind ``normalise`` (numbering plans, domain rules) may have changed since. In a
    bundle, a value not in that shape is refused."""

    def check(value: str, info: ValidationInfo) -> str:
        if _says(info, "stored") and stored_shape.fullmatch(value):
            return value
        if _says(info, "bundle"):
            raise ValueError(message)
        return normalise(value)

    return AfterValidator(check)


Phone = Annotated[
    str,
    _typed_or_stored(validation.normalise_phone, validation.STORED_PHONE, validation.PHONE_MESSAGE),
    _string(pattern=f"^{validation.STORED_PHONE.pattern}$"),
]
Email = Annotated[
    str,
    MaxLen(254),
    _typed_or_stored(validation.normalise_email, validation.STORED_EMAIL, validation.EMAIL_MESSAGE),
    _string(format="email", maxLength=254),
]
_NI = re.compile(r"[A-Z]{2}[0-9]{6}[A-D]")
NiNumber = Annotated[
    str,
    _normalised(validation.normalise_ni, _NI, validation.NI_MESSAGE),
    _string(pattern=f"^{_NI.pattern}$"),
]
_PACE_ID = re.compile(f"PACE-[{pace_id.ALPHABET}]{{4}}-[{pace_id.ALPHABET}]{{4}}")
PaceId = Annotated[
    str,
    _normalised(pace_id.normalise_pace_id, _PACE_ID, pace_id.SHAPE_MESSAGE),
    _string(pattern=f"^{_PACE_ID.pattern}$"),
]


_HEX64 = re.compile(r"[0-9a-fA-F]{64}")


def _sha256(value: str, info: ValidationInfo) -> str:
    # The native first check took lower-case hex already: in a bundle nothing else is accepted.
    if not _HEX64.fullmatch(value) or _says(info, "bundle"):
        raise ValueError("The privacy-notice fingerprint must be 64 hexadecimal characters.")
    return value.lower()


Sha256 = Annotated[
    str,
    AfterValidator(_sha256),
    FastPath(sha256_hex),
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


def _coded(
    allowed: Callable[[str], bool], message: str, published: Callable[[str], bool] = lambda code: True
) -> AfterValidator:
    """A code from reference data. Stored records are not re-checked against the current lists
    (they may have changed since), but a bundle's must still be what the published schema allows."""

    def check(value: str, info: ValidationInfo) -> str:
        context = info.context or {}
        if (
            not value
            or ("stored" not in context and not allowed(value))
            or ("bundle" in context and not published(value))
        ):
            raise ValueError(message)
        return value

    return AfterValidator(check)


CODE_MAX = 20  # council areas (GSS codes are 9 characters) and partner codes
_PURPOSE = re.compile(
    r"pace_support|contact_followup|client_survey|anonymised_statistics"
    r"|share_[A-Za-z0-9_]+"
)
PURPOSE_MAX = len("share_") + CODE_MAX

CouncilArea = Annotated[
    str,
    MaxLen(CODE_MAX),
    _coded(lambda code: code in council_area_names(), "Choose a council area from the list."),
    _string(minLength=1, maxLength=CODE_MAX),
]
ServiceCode = Annotated[
    str,
    _coded(lambda code: code in SERVICES, "Choose a service from the list.", lambda code: code in SERVICES),
    _string(enum=list(SERVICES)),
]
PartnerCode = Annotated[
    str,
    MaxLen(CODE_MAX),
    _coded(lambda code: code in partner_codes(), "Choose a partner from the list."),
    _string(minLength=1, maxLength=CODE_MAX),
]
Purpose = Annotated[
    str,
    MaxLen(PURPOSE_MAX),
    _coded(is_valid_purpose, PURPOSE_MESSAGE, lambda code: bool(_PURPOSE.fullmatch(code))),
    _string(pattern=f"^({_PURPOSE.pattern})$", maxLength=PURPOSE_MAX),
]


def _unique(values: list[str]) -> list[str]:
    """Ticking the same service twice means it once; first-ticked order is kept."""
    return list(dict.fromkeys(values))


SERVICES_MAX = 4 * len(SERVICES)  # ticked more than once is still one each (``_unique``)
ServiceList = Annotated[list[ServiceCode], MaxLen(SERVICES_MAX), AfterValidator(_unique)]
