"""The published JSON Schema of the records, generated from the models and checked in.

Run ``python -m pace_desktop.records.schema`` after changing a model; a test fails while the file in
``resources/schema`` differs from what the models generate. The schema describes records as they are
written to bundles and exports (every field present, normalised values), so a partner or the central
CRM can check a file without running this app.

Each version's file stays checked in once a newer one is published: bundles from laptops still on an
older version are checked against the fields their own version's file requires (``required_fields``).
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from pydantic import BaseModel
from pydantic.json_schema import JsonSchemaMode, models_json_schema

from pace_desktop.paths import resource
from pace_desktop.records.models import ENTITIES, SCHEMA_VERSION, Tombstone

FILE_NAME = f"sds-pace-v{SCHEMA_VERSION}.schema.json"


def schema_path(version: int = SCHEMA_VERSION) -> Path:
    """The published file of ``version`` (this app's own by default)."""
    return resource("schema", f"sds-pace-v{int(version)}.schema.json")


@cache
def required_fields(version: int) -> dict[str, frozenset[str]]:
    """The fields each record part requires in schema ``version``, by model name (``Client``,
    ``ChecklistOverride``, ...), as its published file states them; {} for a version never published.

    A record written by an app on an older version lacks the fields added since; the importer takes
    it when it has every field its own version required (the newer ones take their defaults).
    """
    path = schema_path(version)
    if not path.is_file():
        return {}
    defs = json.loads(path.read_text(encoding="utf-8"))["$defs"]
    return {name: frozenset(d.get("required", ())) for name, d in defs.items() if d.get("type") == "object"}


def generate() -> dict[str, Any]:
    """One document: each entity's schema under ``$defs``, named in ``x-entities``."""
    mode: JsonSchemaMode = "serialization"
    kinds: tuple[type[BaseModel], ...] = (*ENTITIES.values(), Tombstone)
    models: list[tuple[type[BaseModel], JsonSchemaMode]] = [(m, mode) for m in kinds]
    _, defs = models_json_schema(models, ref_template="#/$defs/{model}")
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": f"urn:sds:pace:schema:{SCHEMA_VERSION}",
        "title": f"SDS PACE records, schema version {SCHEMA_VERSION}",
        "description": (
            "Records of the Partnership Action for Continuing Employment intake: one object per "
            "record, of the entity named by the bundle or export part that holds it. Times are UTC. "
            "Every field is present; no other field is allowed; every string and list has a cap. "
            "A bundle's erasures (tombstones.jsonl) are objects of x-erasures."
        ),
        "x-schema-version": SCHEMA_VERSION,
        "x-entities": {name: f"#/$defs/{model.__name__}" for name, model in ENTITIES.items()},
        "x-erasures": f"#/$defs/{Tombstone.__name__}",
        "$defs": defs["$defs"],
    }


def render() -> str:
    """The file's exact text: stable key order, two-space indent, final newline."""
    return json.dumps(generate(), indent=2, ensure_ascii=False) + "\n"


def write(path: Path | None = None) -> Path:
    """Rewrite the checked-in schema (a developer step; the installed app only reads it)."""
    path = path or schema_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(), encoding="utf-8")
    return path


def main() -> None:
    write()


if __name__ == "__main__":
    main()
