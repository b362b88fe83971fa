#!/usr/bin/env python3
"""PACE aggregate matching, the partner's side: keyed hashes of your records, and counts to return.

Standard library only (Python 3.8 or newer); nothing leaves your machine. See partner-matching.md.

    python partner_hash.py selftest
    python partner_hash.py hash  --key "KEY" --match ni --records people.csv > hashes.txt
    python partner_hash.py count --key "KEY" --supplied request.csv --records people.csv \
        --measure-column status --out counts.csv

``--records`` is a CSV export of your records with a header row: column ``ni`` when matching on
the National Insurance number, or ``first_name, last_name, date_of_birth, postcode`` when matching
on name, date of birth and postcode (dates as 2026-06-01 or 01/06/2026). ``--supplied`` is the
request file SDS sent, after ``age -d``. ``--measure-column`` names the column of your records to
count among the people found (e.g. employment status); give one row per person.
"""

from __future__ import annotations

import argparse
import csv
import datetime
import hashlib
import hmac
import re
import sys
import unicodedata

# -- the normalisation (identical to SDS's; partner-matching.md "Normalisation") ------------------


def name_key(text: str) -> str:
    """Case folded, NFKD, accents and every character that is not a letter or digit removed."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch) and ch.isalnum())


def compact_upper(text: str) -> str:
    return re.sub(r"\s+", "", text).upper()


def date_key(text: str) -> str:
    text = text.strip()
    for pattern in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.datetime.strptime(text, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError("a date of birth is not in the form 2026-06-01 or 01/06/2026")


def match_text(row: dict, match: str) -> str | None:
    """The normalised identifier of one record, or None when part of it is missing."""
    get = {k.strip().lower(): (v or "").strip() for k, v in row.items() if k}
    if match == "ni":
        ni = compact_upper(get.get("ni", ""))
        return ni or None
    parts = [get.get(k, "") for k in ("first_name", "last_name", "date_of_birth", "postcode")]
    if not all(parts):
        return None
    first, last, dob, postcode = parts
    return "|".join((name_key(first), name_key(last), date_key(dob), compact_upper(postcode)))


def keyed_hash(key: bytes, text: str) -> str:
    return hmac.new(key, text.encode("utf-8"), hashlib.sha256).hexdigest()


def parse_key(text: str) -> bytes:
    compact = re.sub(r"\s+", "", text).lower()
    if not re.fullmatch(r"[0-9a-f]{64}", compact):
        raise SystemExit("partner_hash: the key is 64 letters a-f and digits (spaces do not matter).")
    return bytes.fromhex(compact)


# -- the documented examples (partner-matching.md "Check your set-up") ----------------------------

EXAMPLE_KEY = "00010203 04050607 08090a0b 0c0d0e0f 10111213 14151617 18191a1b 1c1d1e1f"
EXAMPLES = [
    ("ni", {"ni": "ab 12 34 56 c"}, "AB123456C",
     "79aa7567d51e481add79dcae1f1edb2ea631302b61f80dfd227780af3833b9c7"),
    ("name_dob_postcode",
     {"first_name": "Mòrag", "last_name": "Nic Dhòmhnaill", "date_of_birth": "06/05/1980",
      "postcode": "eh1 1aa"},
     "morag|nicdhomhnaill|1980-05-06|EH11AA",
     "81b2a3473a4cb3b7875f90a90a85f722a92eb067414f944c240dd5579627b491"),
]


def selftest() -> int:
    key = parse_key(EXAMPLE_KEY)
    ok = True
    for match, row, text, expected in EXAMPLES:
        got_text = match_text(row, match)
        got = keyed_hash(key, got_text or "")
        if got_text != text or got != expected:
            ok = False
            print(f"FAILED {match}: normalised {got_text!r}, hash {got}")
    print("selftest passed: your hashes will match SDS's" if ok else "selftest FAILED: ask SDS")
    return 0 if ok else 1


# -- commands ------------------------------------------------------------------------------------


def _records(path: str, key: bytes, match: str):
    with open(path, newline="", encoding="utf-8-sig") as fh:
        for row in csv.DictReader(fh):
            text = match_text(row, match)
            yield row, (keyed_hash(key, text) if text else None)


def cmd_hash(args: argparse.Namespace) -> int:
    key = parse_key(args.key)
    for _, digest in _records(args.records, key, args.match):
        print(digest or "")
    return 0


def cmd_count(args: argparse.Namespace) -> int:
    key = parse_key(args.key)
    with open(args.supplied, newline="", encoding="utf-8-sig") as fh:
        supplied_rows = list(csv.DictReader(fh))
    if not supplied_rows:
        raise SystemExit("partner_hash: the supplied file holds no hashes.")
    request_id = supplied_rows[0]["request_id"]
    match = supplied_rows[0]["match"]
    supplied = {r["hash"].strip().lower() for r in supplied_rows}
    found: dict[str, set[str]] = {}
    for row, digest in _records(args.records, key, match):
        if digest in supplied:
            value = (row.get(args.measure_column) or "").strip() if args.measure_column else ""
            found.setdefault(digest, set()).add(value)
    measures: dict[str, int] = {}
    for values in found.values():
        for value in values:
            if value:
                measures[value] = measures.get(value, 0) + 1
    with open(args.out, "w", newline="", encoding="utf-8") as fh:
        out = csv.writer(fh)
        out.writerow(["request_id", "measure", "count"])
        out.writerow([request_id, "supplied", len(supplied)])
        out.writerow([request_id, "matched", len(found)])
        for value in sorted(measures):
            out.writerow([request_id, value, measures[value]])
    print(f"Wrote {args.out}: {len(found)} of {len(supplied)} found. Encrypt it to the PACE office key "
          "(age -r age1... -o counts.csv.age counts.csv), send it, then delete the request file, "
          "the key and your working files.")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="PACE aggregate matching: keyed hashes and counts.")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("selftest", help="check this script against the documented examples")
    p = sub.add_parser("hash", help="print the keyed hash of each record, one per line")
    p.add_argument("--key", required=True)
    p.add_argument("--match", required=True, choices=("ni", "name_dob_postcode"))
    p.add_argument("--records", required=True)
    p = sub.add_parser("count", help="count your measures among the people SDS supplied")
    p.add_argument("--key", required=True)
    p.add_argument("--supplied", required=True)
    p.add_argument("--records", required=True)
    p.add_argument("--measure-column")
    p.add_argument("--out", required=True)
    args = parser.parse_args(argv)
    if args.command == "selftest":
        return selftest()
    return cmd_hash(args) if args.command == "hash" else cmd_count(args)


if __name__ == "__main__":
    sys.exit(main())
