"""Hypothesis strategies for hostile input: damaged bytes and JSON that is almost right.

Fuzzing from scratch rarely gets past the first check of a file format, so every strategy starts from
a real, valid file and damages it: bytes flipped, cut, repeated or spliced; or, one level up, a JSON
value swapped for another type, a huge number, a deep nest or text with line breaks and controls.
The oracle is the same for every reader (``documented_only``): a result, or a ``PaceError`` with one
plain line. Anything else (a traceback) fails the test, and Hypothesis shrinks it to a small case.
"""

from __future__ import annotations

import contextlib
import json
from collections.abc import Iterator
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st

from pace_desktop.errors import PaceError

# Values that break careless readers: wrong types, edges of integers, text that is not one line.
HOSTILE_TEXT = st.one_of(
    st.text(max_size=40),
    st.sampled_from(
        [
            "",
            " ",
            "\n",
            "a\nb",
            "\r\n",
            "\u2028",
            "\x00",
            "\x1b[31m",
            '=HYPERLINK("x")',
            "@SUM(A1)",
            "+1",
            "-1",
            "NaN",
            "Infinity",
            "1e999",
            "𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
            "\ud7ff",
            "null",
            "true",
            "9" * 400,
            "PACE-0000-0000",
            "00000000-0000-0000-0000-000000000000",
            "2026-13-45T25:61:61+99:99",
            "2026-11-20T10:00:00",
            "2026-11-20T10:00:00+00:00",
            "age1" + "q" * 58,
        ]
    ),
)
# Very long text: every reader must cope, but it is drawn on its own, now and then, to keep cases quick.
HUGE_TEXT = st.sampled_from(["0" * 5000, "A" * 70_000, "é" * 40_000])
HOSTILE_INT = st.one_of(
    st.integers(-3, 3),
    st.sampled_from([2**31, 2**53 + 1, 2**63 - 1, 2**63, 2**64, -(2**63) - 1, 10**30, 10**300]),
    st.integers(),
)
SCALARS = st.one_of(st.none(), st.booleans(), HOSTILE_INT, st.floats(allow_nan=True), HOSTILE_TEXT, HUGE_TEXT)
JSON_VALUES = st.recursive(
    SCALARS,
    lambda inner: st.one_of(st.lists(inner, max_size=4), st.dictionaries(HOSTILE_TEXT, inner, max_size=4)),
    max_leaves=12,
)


def fuzz_settings(cases: int) -> settings:
    """``cases`` examples, no time limit per case, no health check complaining about big inputs.

    The quick tier (``make test``) replays the same few hundred cases every time, so a build never
    fails on a case nobody has seen; the slow tier explores afresh on every run.
    """
    return settings(
        max_examples=cases,
        deadline=None,
        suppress_health_check=list(HealthCheck),
        print_blob=True,
        derandomize=cases < 1000,
    )


class Blob(bytes):
    """Bytes that print short: Hypothesis shows a strategy's arguments when it reports a case."""

    def __repr__(self) -> str:
        return f"<{len(self)} bytes>"


class Doc(dict):  # type: ignore[type-arg]
    """A JSON object that prints short, for the same reason."""

    def __repr__(self) -> str:
        return f"<JSON object of {len(self)} keys>"


# -- bytes -----------------------------------------------------------------------------------------------


@st.composite
def damaged(draw: st.DrawFn, base: bytes, max_ops: int = 4) -> bytes:
    """``base`` with 1..max_ops byte-level changes."""
    data = bytearray(bytes(base))
    for _ in range(draw(st.integers(1, max_ops))):
        op = draw(
            st.sampled_from(["flip", "set", "insert", "delete", "truncate", "repeat", "append", "zero"])
        )
        at = draw(st.integers(0, max(0, len(data) - 1)))
        if op == "flip" and data:
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif op == "set" and data:
            data[at] = draw(st.integers(0, 255))
        elif op == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=64))
        elif op == "delete":
            del data[at : at + draw(st.integers(1, 256))]
        elif op == "truncate":
            del data[at:]
        elif op == "repeat":
            data[at:at] = data[at : at + draw(st.integers(1, 512))]
        elif op == "append":
            data += draw(st.binary(min_size=1, max_size=256))
        elif op == "zero":
            size = draw(st.integers(1, 64))
            data[at : at + size] = bytes(len(data[at : at + size]))
    return bytes(data)


# -- JSON ------------------------------------------------------------------------------------------------


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, child in value.items():
            yield from _paths(child, (*prefix, key))
    elif isinstance(value, list):
        for i, child in enumerate(value[:6]):  # long lists: the first few stand for the rest
            yield from _paths(child, (*prefix, i))


def _get(value: Any, path: tuple[Any, ...]) -> Any:
    for step in path:
        value = value[step]
    return value


@st.composite
def changed_json(draw: st.DrawFn, base: Any, max_ops: int = 3) -> Any:
    """A deep copy of ``base`` with 1..max_ops changes at random places in its tree."""
    doc = json.loads(json.dumps(base))
    for _ in range(draw(st.integers(1, max_ops))):
        paths = list(_paths(doc))
        path = draw(st.sampled_from(paths))
        op = draw(st.sampled_from(["replace", "replace", "delete", "add", "nest", "duplicate", "number"]))
        if not path:
            if op in ("replace", "nest"):
                doc = draw(JSON_VALUES) if op == "replace" else [doc]
            continue
        parent, key = _get(doc, path[:-1]), path[-1]
        if op == "replace":
            parent[key] = draw(JSON_VALUES)
        elif op == "number":
            parent[key] = draw(HOSTILE_INT)
        elif op == "delete":
            del parent[key]
        elif op == "add" and isinstance(parent, dict):
            parent[draw(HOSTILE_TEXT)] = draw(JSON_VALUES)
        elif op == "add" and isinstance(parent, list):
            parent.insert(key, draw(JSON_VALUES))
        elif op == "nest":
            parent[key] = [parent[key]] if draw(st.booleans()) else {"value": parent[key]}
        elif op == "duplicate" and isinstance(parent, list):
            parent.insert(key, json.loads(json.dumps(parent[key])))
    return doc


def json_bytes(doc: Any, style: str = "compact") -> bytes:
    if style == "pretty":
        text = json.dumps(doc, indent=1, ensure_ascii=False)
    elif style == "sorted":
        text = json.dumps(doc, sort_keys=True, separators=(",", ":"))
    else:
        text = json.dumps(doc, separators=(",", ":"), ensure_ascii=False)
    return text.encode("utf-8", "surrogatepass")


@st.composite
def hostile_json_file(draw: st.DrawFn, base: Any) -> bytes:
    """Bytes of a JSON file near ``base``: changed JSON, damaged bytes of it, or a deep nest."""
    kind = draw(st.sampled_from(["json", "json", "json", "bytes", "deep", "bom"]))
    if kind == "deep":
        depth = draw(st.sampled_from([100, 1000, 100_000]))
        return b"[" * depth + b"]" * draw(st.sampled_from([0, depth]))
    doc = draw(changed_json(base))
    data = json_bytes(doc, draw(st.sampled_from(["compact", "pretty", "sorted"])))
    if kind == "bytes":
        return draw(damaged(Blob(data)))
    if kind == "bom":
        return draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\x00"])) + data
    return data


# -- the oracle -----------------------------------------------------------------------------------------


class Outcomes:
    """What the fuzzed reader did with the cases, counted for the figures."""

    def __init__(self) -> None:
        self.cases = 0
        self.counts: dict[str, int] = {}

    def add(self, what: str) -> None:
        self.counts[what] = self.counts.get(what, 0) + 1

    def fill(self, fig: Any) -> None:
        fig.runs = fig.inputs = self.cases
        fig.notes.update(self.counts)


@contextlib.contextmanager
def documented_only(outcomes: Outcomes) -> Iterator[None]:
    """Let only PaceErrors with one plain line out; each counts as refused."""
    outcomes.cases += 1
    try:
        yield
    except PaceError as exc:
        one_line(str(exc))
        outcomes.add("refused")


def one_line(text: str, longest: int = 600) -> None:
    assert text.strip(), "an empty message"
    assert "\n" not in text and "\r" not in text, f"a message of more than one line: {text!r}"
    assert "Traceback" not in text and len(text) < longest, text
