"""office.pub carries the age recipient and the receipt key; the one-line form still reads."""

from __future__ import annotations

import base64

import pyrage
import pytest

from pace_desktop.errors import RefusedError
from pace_desktop.exchange.officekey import (
    OfficeKey,
    install_office_key,
    laptop_office_key,
    parse_office_key,
    read_office_key_file,
)
from pace_desktop.office.central import office_key


def test_office_pub_holds_both_public_keys_and_no_secret(office_template, office):
    text = office_template.pub.read_text()
    key = parse_office_key(text)
    assert key == office_key(office)
    assert key.recipient.startswith("age1") and len(key.verify_key) == 32
    assert "AGE-SECRET-KEY" not in text
    assert key.office_id.startswith("OF") and f"PACE-OFFICE-1 {key.office_id} " in text


def test_the_first_release_one_line_file_still_reads_without_a_receipt_key():
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    key = parse_office_key(f"# office key\n{recipient}\n")
    assert key == OfficeKey(recipient) and key.verifier() is None


@pytest.mark.parametrize(
    "text",
    [
        "",
        "# only a comment\n",
        "age1notarealkey\n",
        "hello\n",
        "{r}\n{r}\n",
        "{r}\nPACE-OFFICE-1 OF123456 not-base64!\n",
        "{r}\nPACE-OFFICE-1 OF123456 " + base64.b64encode(b"short").decode() + "\n",
        "{r}\nPACE-OFFICE-1 OF1 x y\n",
        "AGE-SECRET-KEY-1ABC\n",
    ],
)
def test_anything_else_is_refused_in_one_line(text):
    recipient = str(pyrage.x25519.Identity.generate().to_public())
    with pytest.raises(RefusedError, match="not an office key") as err:
        parse_office_key(text.replace("{r}", recipient))
    assert "\n" not in str(err.value)


def test_installing_the_key_on_a_laptop_sets_recipient_recovery_and_receipt_key(
    bare_laptop_template, tmp_path, office_template
):
    from pace_desktop.store.store import Store
    from tests.conftest import PASSPHRASE, copy_store

    path = copy_store(bare_laptop_template, tmp_path)
    with Store.open(path, PASSPHRASE) as laptop:
        assert laptop_office_key(laptop) is None
        key = read_office_key_file(office_template.pub)
        install_office_key(laptop, key)
        assert laptop_office_key(laptop) == key
        assert laptop.keys.office_recipient == key.recipient  # the recovery slot follows


def test_a_missing_file_is_one_line(tmp_path):
    with pytest.raises(RefusedError, match="could not be read"):
        read_office_key_file(tmp_path / "nope.pub")
