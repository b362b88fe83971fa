"""PACE IDs: their shape, normalisation, and that every slip of one or two characters is caught."""

from __future__ import annotations

import random
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from pace_desktop.records.pace_id import (
    ALPHABET,
    CHARS_MESSAGE,
    CHECK_MESSAGE,
    MODULUS,
    SHAPE_MESSAGE,
    WEIGHTS,
    check_symbol,
    format_pace_id,
    is_valid_pace_id,
    new_pace_id,
    normalise_pace_id,
)

SHAPE = re.compile(f"PACE-[{ALPHABET}]{{4}}-[{ALPHABET}]{{4}}")


def symbols(pace_id: str) -> str:
    return pace_id.removeprefix("PACE-").replace("-", "")


def random_ids(n: int, seed: int = 20260302) -> list[str]:
    rng = random.Random(seed)
    return [new_pace_id(rng) for _ in range(n)]


def test_alphabet_has_no_confusable_characters() -> None:
    assert len(ALPHABET) == len(set(ALPHABET)) == 30
    assert not set("ILOU01") & set(ALPHABET)
    assert MODULUS > len(ALPHABET)
    assert all(MODULUS % d for d in range(2, MODULUS))  # prime


def test_new_ids_have_the_published_shape_and_are_valid() -> None:
    for pace_id in random_ids(2000):
        assert SHAPE.fullmatch(pace_id)
        assert is_valid_pace_id(pace_id)
        assert normalise_pace_id(pace_id) == pace_id


def test_new_ids_use_the_whole_alphabet_in_every_position() -> None:
    ids = [symbols(i) for i in random_ids(3000, seed=7)]
    for position in range(8):
        assert {s[position] for s in ids} == set(ALPHABET)


def test_new_ids_use_secrets_by_default() -> None:
    # 200 draws from about 2.1e10: a repeat would mean broken randomness (chance about 1e-6).
    ids = {new_pace_id() for _ in range(200)}
    assert len(ids) == 200
    assert all(is_valid_pace_id(i) for i in ids)


def test_a_seeded_generator_is_reproducible() -> None:
    assert random_ids(5, seed=1) == random_ids(5, seed=1)


def test_check_symbol_is_redrawn_when_it_would_have_no_symbol() -> None:
    payloads = ("".join(random.Random(i).choices(ALPHABET, k=7)) for i in range(2000))
    missing = [p for p in payloads if check_symbol(p) is None]
    assert missing  # about 1 in 31 payloads
    for payload in missing:
        assert all(not is_valid_pace_id(format_pace_id(payload + c)) for c in ALPHABET)


# -- detection, proved for all IDs at once ------------------------------------------------------
# The check is linear: changing one character changes the weighted sum by an amount that depends
# only on the position and the two values, not on the rest of the ID. Checking every position and
# every pair of values therefore covers every possible ID.


def test_every_single_substitution_is_detected_for_all_ids() -> None:
    n = len(ALPHABET)
    for w in WEIGHTS:
        for old in range(n):
            for new in range(n):
                if old != new:
                    assert (w * (new - old)) % MODULUS != 0


def test_every_adjacent_swap_is_detected_for_all_ids() -> None:
    n = len(ALPHABET)
    for w_left, w_right in zip(WEIGHTS, WEIGHTS[1:], strict=False):
        for a in range(n):
            for b in range(n):
                if a != b:
                    assert ((w_left - w_right) * (b - a)) % MODULUS != 0


# -- detection, end to end on real IDs ----------------------------------------------------------


@pytest.fixture(scope="module")
def sample() -> list[str]:
    return random_ids(300, seed=31)


def test_every_single_substitution_of_sample_ids_is_refused(sample: list[str]) -> None:
    for pace_id in sample:
        s = symbols(pace_id)
        for position in range(8):
            for ch in ALPHABET:
                if ch == s[position]:
                    continue
                wrong = format_pace_id(s[:position] + ch + s[position + 1 :])
                assert not is_valid_pace_id(wrong)
                with pytest.raises(ValueError) as info:
                    normalise_pace_id(wrong)
                assert str(info.value) == CHECK_MESSAGE


def test_every_adjacent_swap_of_sample_ids_is_refused(sample: list[str]) -> None:
    for pace_id in sample:
        s = symbols(pace_id)
        for i in range(7):
            if s[i] == s[i + 1]:
                continue  # swapping two equal characters changes nothing
            swapped = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
            assert not is_valid_pace_id(format_pace_id(swapped))
            assert not is_valid_pace_id(swapped.lower())


def test_swaps_one_apart_are_caught_too(sample: list[str]) -> None:
    # Not required, but free: weights two apart differ by 2, still not a multiple of 31.
    for pace_id in sample:
        s = symbols(pace_id)
        for i in range(6):
            if s[i] != s[i + 2]:
                jumped = s[:i] + s[i + 2] + s[i + 1] + s[i] + s[i + 3 :]
                assert not is_valid_pace_id(jumped)


def test_confusable_characters_get_their_own_message(sample: list[str]) -> None:
    s = symbols(sample[0])
    for ch in "ILOU01":
        with pytest.raises(ValueError) as info:
            normalise_pace_id(ch + s[1:])
        assert str(info.value) == CHARS_MESSAGE


payload = st.text(alphabet=ALPHABET, min_size=7, max_size=7).filter(lambda p: check_symbol(p) is not None)


@settings(max_examples=300, deadline=None)
@given(payload, st.integers(0, 7), st.sampled_from(ALPHABET))
def test_property_any_substitution_is_caught(p: str, position: int, ch: str) -> None:
    s = p + check_symbol(p)  # type: ignore[operator]
    assert is_valid_pace_id(s)
    wrong = s[:position] + ch + s[position + 1 :]
    assert is_valid_pace_id(wrong) == (wrong == s)


@settings(max_examples=300, deadline=None)
@given(payload, st.integers(0, 6))
def test_property_any_adjacent_swap_is_caught(p: str, i: int) -> None:
    s = p + check_symbol(p)  # type: ignore[operator]
    swapped = s[:i] + s[i + 1] + s[i] + s[i + 2 :]
    assert is_valid_pace_id(swapped) == (swapped == s)


# -- normalisation -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed",
    [
        "PACE-7K3Q-9MXY",
        "pace-7k3q-9mxy",
        "7K3Q-9MXY",
        "7k3q9mxy",
        " PACE 7K3Q 9MXY ",
        "pace7k3q9mxy",
        "7K3Q 9MXY",
        "Pace-7K3Q9MXY",
    ],
)
def test_normalise_accepts_how_people_type_it(typed: str) -> None:
    assert normalise_pace_id(typed) == "PACE-7K3Q-9MXY"


@pytest.mark.parametrize(
    "typed",
    [
        "",
        "PACE-",
        "PACE-7K3Q-9MX",
        "PACE-7K3Q-9MXYZ",
        "PACE-7K3Q-9MX?",
        "PACE-7K3Q-9MXÝ",
        "PACX-7K3Q-9MXY",
        "12345",
    ],
)
def test_malformed_ids_get_the_shape_message(typed: str) -> None:
    with pytest.raises(ValueError) as info:
        normalise_pace_id(typed)
    assert str(info.value) == SHAPE_MESSAGE


def test_example_in_messages_is_itself_valid() -> None:
    assert is_valid_pace_id("PACE-7K3Q-9MXY")
    assert "PACE-7K3Q-9MXY" in SHAPE_MESSAGE


def test_is_valid_pace_id_handles_non_strings() -> None:
    assert not is_valid_pace_id(None)
    assert not is_valid_pace_id(12345678)
