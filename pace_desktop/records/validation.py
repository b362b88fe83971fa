"""Field rules of the SDS PACE schema as pure functions that return the normalised value or raise.

Every ``ValueError`` carries one plain-English line for the person at the keyboard. Messages never
echo the value typed, so they are safe to show, log or put in an export's error column.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# -- National Insurance numbers ----------------------------------------------------------------

NI_MESSAGE = "Enter a National Insurance number like AB 12 34 56 C."
# Neither prefix letter is D F I Q U V; the second is never O; the suffix is A-D (HMRC NIM39110).
_NI = re.compile(r"[A-CEGHJ-PR-TW-Z][A-CEGHJ-NPR-TW-Z][0-9]{6}[A-D]")
NI_NEVER_ISSUED = frozenset({"BG", "GB", "KN", "NK", "NT", "TN", "ZZ"})


def normalise_ni(s: str) -> str:
    """'ab 12 34 56 c' -> 'AB123456C'. Spaces are ignored and case is folded."""
    compact = "".join(s.split()).upper()
    if not _NI.fullmatch(compact) or compact[:2] in NI_NEVER_ISSUED:
        raise ValueError(NI_MESSAGE)
    return compact


# -- Postcodes ---------------------------------------------------------------------------------

POSTCODE_MESSAGE = "Enter a UK postcode like EH1 1AA."
# BS 7666 letter rules: the first letter is never Q V X, the second never I J Z; a letter third
# in A9A is one of ABCDEFGHJKPSTUW, fourth in AA9A one of ABEHMNPRVWXY; the inward letters skip
# C I K M O V.
_OUTWARD = re.compile(
    r"[A-PR-UWYZ][0-9][0-9]?"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][0-9]?"
    r"|[A-PR-UWYZ][0-9][A-HJKPSTUW]"
    r"|[A-PR-UWYZ][A-HK-Y][0-9][ABEHMNPRVWXY]"
)
_INWARD = re.compile(r"[0-9][ABD-HJLNP-UW-Z]{2}")


def normalise_postcode(s: str) -> str:
    """'eh11aa' -> 'EH1 1AA': upper case, one space before the three-character inward part."""
    compact = "".join(s.split()).upper()
    if compact == "GIR0AA":  # Girobank's historic code, still valid
        return "GIR 0AA"
    outward, inward = compact[:-3], compact[-3:]
    if not (_OUTWARD.fullmatch(outward) and _INWARD.fullmatch(inward)):
        raise ValueError(POSTCODE_MESSAGE)
    return f"{outward} {inward}"


def postcode_district(pc: str) -> str:
    """The outward part of a postcode ('EH1 1AA' -> 'EH1'): coarse enough for aggregate reports."""
    return normalise_postcode(pc).split(" ")[0]


# -- Phone numbers -----------------------------------------------------------------------------

PHONE_MESSAGE = "Enter a UK phone number like 07700 900123 or 0131 496 0000."
_PHONE_CHARS = re.compile(r"\+?[0-9 ()\-]+")  # typed: digits, spaces, brackets, hyphens


_DRAMA_MOBILE = "7700900"  # Ofcom's 07700 900000-900999, kept for drama, examples and training
STORED_PHONE = re.compile(r"\+44[1-35789][0-9]{8,9}")  # what normalise_phone returns, in shape


def normalise_phone(s: str) -> str:
    """A UK number stored in E.164 form: '07700 900123' and '+44 (0)7700-900123' -> '+447700900123'.

    E.164 rather than national form so that one number has one spelling, whichever way it was typed,
    which keeps duplicate checks and partner matching simple. Display code may format it nationally.
    Whether the digits are a UK number in use (lengths per area code, unallocated ranges) is Google's
    libphonenumber data (``phonenumbers``), which follows Ofcom's numbering plan. Only digits, spaces,
    brackets, hyphens and a leading + are taken (no letters, extensions or dots), and the number is
    typed with its trunk 0 or as +44: a bare '7700 900123' may be a slip.

    Records read back (``STORED_CONTEXT``) are not put through this again (``fields.Phone``): a range
    withdrawn from the plan after a number was saved must not make the record unreadable.
    """
    import phonenumbers  # ~100 ms of metadata: loaded when a number is first typed, not at start-up

    text = s.strip()
    if (
        not _PHONE_CHARS.fullmatch(text)
        or "+" in text[1:]
        or not (text.startswith("+") or text.lstrip("(").startswith("0"))
    ):
        raise ValueError(PHONE_MESSAGE)
    try:
        number = phonenumbers.parse(text, "GB")
    except phonenumbers.NumberParseException as exc:
        raise ValueError(PHONE_MESSAGE) from exc
    if number.country_code != 44 or number.extension:
        raise ValueError(PHONE_MESSAGE)
    national = str(number.national_number)
    # Drama numbers are never issued, so libphonenumber calls them invalid; they are the numbers
    # fictional people (demo data, the examples in the message) have.
    drama = len(national) == 10 and national.startswith(_DRAMA_MOBILE)
    if not drama and not phonenumbers.is_valid_number(number):
        raise ValueError(PHONE_MESSAGE)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


# -- Email -------------------------------------------------------------------------------------

EMAIL_MESSAGE = "Enter an email address like name@example.com."
_TOP_LEVEL = re.compile(r"[^\W\d_]{2,63}|xn--[a-z0-9-]+")
# normalise_email's output in shape: a local part, an @, a lower-case domain with a dot.
STORED_EMAIL = re.compile(r"[^\s@]{1,64}@[^\s@A-Z]{1,189}\.[^\s@.A-Z]{2,63}")


def normalise_email(s: str) -> str:
    """A plausible address, domain in lower case: 'Morag@Example.COM' -> 'Morag@example.com'.

    The syntax (RFC 5321/5322, internationalised domains and addresses) is ``email-validator``'s, with
    no network look-up; on top of it, what a person can actually be written to: a local part of at
    most 64 characters and a top-level domain of letters. The local part keeps its case: only the
    receiving server may decide it does not matter.
    """
    from email_validator import EmailNotValidError, validate_email

    text = s.strip()
    try:
        checked = validate_email(text, check_deliverability=False)
    except EmailNotValidError as exc:
        raise ValueError(EMAIL_MESSAGE) from exc
    local, _, domain = checked.normalized.rpartition("@")
    if (
        len(local) > 64
        or len(checked.normalized) > 254
        or not _TOP_LEVEL.fullmatch(domain.rpartition(".")[2])
    ):
        raise ValueError(EMAIL_MESSAGE)
    return checked.normalized


# -- Free text ---------------------------------------------------------------------------------

CONTROL_MESSAGE = "Remove the hidden control characters from this text."
# Bidirectional embedding, override and isolate controls can make text display in a misleading order
# (names in a table, cells in an export). Typed names in any script never need them; the marks that
# mixed-direction text does use (U+200E, U+200F, U+061C) and the joiners Urdu needs stay allowed.
# Together with categories Cc and Cs (tab, LF and CR excepted) that is one compiled class: a
# per-character unicodedata loop cost a third of the time of seeding 100,000 demo clients.
_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\u202a-\u202e\u2066-\u2069]")


def _refuse_controls(text: str) -> None:
    if _FORBIDDEN.search(text):
        raise ValueError(CONTROL_MESSAGE)


def already_clean(s: str) -> bool:
    """True when ``clean_text`` would return ``s`` unchanged (its length aside).

    Printable text holds no control or format character and no whitespace but the ASCII space
    (Python's ``isprintable``), so with no leading, trailing or doubled space there is nothing to
    refuse or collapse; ASCII is its own NFC form, other text is checked. Most names, codes and
    stored values are like this, and skip the general path.
    """
    return (
        s.isprintable()
        and "  " not in s
        and s[:1] != " "
        and s[-1:] != " "
        and (s.isascii() or unicodedata.is_normalized("NFC", s))
    )


def clean_text(s: str, max_len: int, *, multiline: bool = False) -> str:
    """Trimmed text with whitespace runs collapsed; may be empty, never longer than ``max_len``.

    Letters of any script are welcome ('Mòrag NicDhòmhnaill', 'Zofia Wójcik-Łukasiewicz', 'عائشہ');
    the text is put in Unicode NFC form, so the same name typed two ways is stored one way. With
    ``multiline`` line breaks are kept (at most one blank line in a row) for notes and addresses.
    """
    if already_clean(s):
        if len(s) > max_len:
            raise ValueError(f"This is too long: keep it to {max_len} characters or fewer.")
        return s
    _refuse_controls(s)
    text = unicodedata.normalize("NFC", s)
    if multiline:
        lines = [" ".join(line.split()) for line in re.split(r"\r\n|\r|\n", text)]
        text = re.sub(r"\n{3,}", "\n\n", "\n".join(lines)).strip()
    else:
        text = " ".join(text.split())
    if len(text) > max_len:
        raise ValueError(f"This is too long: keep it to {max_len} characters or fewer.")
    return text


# -- Dates of birth ----------------------------------------------------------------------------

MIN_USUAL_AGE = 16
MAX_USUAL_AGE = 80
MAX_AGE = 120


def age_on(dob: date, on_date: date) -> int:
    """Age in whole years on ``on_date``; a 29 February birthday falls on 1 March in other years."""
    before_birthday = (on_date.month, on_date.day) < (dob.month, dob.day)
    return on_date.year - dob.year - int(before_birthday)


def validate_date_of_birth(dob: date, today: date | None = None) -> date:
    """The date-of-birth rule: not in the future and an age under 120."""
    today = today or date.today()
    if dob > today:
        raise ValueError("The date of birth is in the future: check the year.")
    if age_on(dob, today) >= MAX_AGE:
        raise ValueError(f"The date of birth makes the person {MAX_AGE} or older: check the year.")
    return dob


def dob_warning(dob: date, event_date: date) -> str | None:
    """A request to confirm an unusual age at the event (under 16 or over 80); still valid."""
    age = age_on(dob, event_date)
    if age < MIN_USUAL_AGE:
        return (
            f"This date of birth makes the person under {MIN_USUAL_AGE} at the event: check it, then confirm."
        )
    if age > MAX_USUAL_AGE:
        return (
            f"This date of birth makes the person over {MAX_USUAL_AGE} at the event: check it, then confirm."
        )
    return None
