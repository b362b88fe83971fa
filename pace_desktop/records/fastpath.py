"""Native first checks: a field's usual, already clean value is accepted by pydantic-core alone.

Validating a bundle of 10,000 records called some 170,000 small Python validators (free text, UTC
times, fingerprints): about a third of the office import's validation time, and of every read of
stored records. ``FastPath(schema)`` puts a native pydantic-core schema in front of a field's
full validation, as a left-to-right union. A value the native schema accepts is kept as it is;
anything else goes through the full validation, which gives the value and the messages it always
did.

So the native schema must accept only values that the full validation accepts and returns
unchanged. ``tests/test_fastpath.py`` proves it for each one (every character of ``PLAIN``, every
pair of them, and hypothesis-generated values through both branches).

A value both branches refuse is reported once per branch: ``plain_errors`` drops the native
branch's errors and the branch names from the locations, so callers see the full validation's
errors only, at the field's own location.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from pydantic import GetCoreSchemaHandler, GetJsonSchemaHandler, ValidationError
from pydantic_core import core_schema as cs

# Branch names: they appear in a union's error locations and cannot be a field's name.
NATIVE, NONE, FULL = "[native]", "[none]", "[full]"

# Printable, non-space characters that are their own NFC form and compose with nothing before or
# after them (no combining marks): ASCII, Latin-1 and Latin Extended-A/B, Cyrillic letters, the
# common punctuation (dashes, curly quotes, ellipsis), currency signs, arrows, box drawing and the
# symbols and dingbats the checklist's explanations use (★). Text made of these, single-spaced and
# trimmed, is exactly what clean_text returns unchanged; other scripts take the full path.
PLAIN = (
    "!-~\u00a1-\u00ac\u00ae-\u024f\u0400-\u0482\u048a-\u04ff\u2010-\u2027\u2030-\u205e"
    "\u20a0-\u20c0\u2190-\u21ff\u2500-\u27bf"
)
_WORDS = f"[{PLAIN}]+(?: [{PLAIN}]+)*"


def plain_text(max_len: int, *, empty: bool) -> cs.CoreSchema:
    """Already clean single-line text of at most ``max_len`` characters (and '' when ``empty``)."""
    pattern = f"^(?:{_WORDS})?$" if empty else f"^{_WORDS}$"
    return cs.str_schema(pattern=pattern, max_length=max_len)


def sha256_hex() -> cs.CoreSchema:
    """A SHA-256 fingerprint already in lower case: the full path would lower any capitals."""
    return cs.str_schema(pattern="^[0-9a-f]{64}$")


def utc_datetime() -> cs.CoreSchema:
    """A time already in UTC (offset zero): the full path would convert any other offset to it."""
    return cs.datetime_schema(tz_constraint=0)


class FastPath:
    """``Annotated[..., <full validators>, FastPath(native)]``: ``native`` first, the rest if it fails.

    ``none_first`` lets a JSON null through natively too (optional free text, whose full path turns
    blanks into None). The JSON Schema is the full path's.
    """

    def __init__(self, native: Callable[[], cs.CoreSchema], *, none_first: bool = False) -> None:
        self.native = native
        self.none_first = none_first

    def __get_pydantic_core_schema__(self, source: Any, handler: GetCoreSchemaHandler) -> cs.CoreSchema:
        full = handler(source)
        choices: list[cs.CoreSchema | tuple[cs.CoreSchema, str]] = (
            [(cs.none_schema(), NONE)] if self.none_first else []
        )
        native = self.native()
        choices += [(native, NATIVE), (full, FULL)]
        # Written as the native type is: a union's own serializer tries each branch, a fifth slower.
        kind: cs.ExpectedSerializationTypes = "any" if self.none_first else native["type"]
        return cs.union_schema(choices, mode="left_to_right", serialization=cs.simple_ser_schema(kind))

    def __get_pydantic_json_schema__(self, schema: cs.CoreSchema, handler: GetJsonSchemaHandler) -> Any:
        full, _name = schema["choices"][-1]
        return handler(full)


_SKIPPED = frozenset({NATIVE, NONE})
_BRANCHES = frozenset({NATIVE, NONE, FULL})


def plain_errors(exc: ValidationError) -> list[dict[str, Any]]:
    """``exc.errors()`` without the input or links, as if no field had a native first check."""
    out = []
    for error in exc.errors(include_input=False, include_url=False):
        loc = error["loc"]
        if _SKIPPED.intersection(loc):
            continue
        out.append({**error, "loc": tuple(part for part in loc if part not in _BRANCHES)})
    return out
