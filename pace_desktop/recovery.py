"""Office recovery of a laptop whose advisers are gone: open its store with the office's age identity
and give it a new adviser, optionally removing the old ones (which re-keys it).

The identity comes from the central store (unlocked with a staff passphrase) or from the file
``office backup-identity`` wrote. The laptop's own audit log records the recovery and each change
(actor "office recovery"), and the central store records that a laptop was recovered.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from pace_desktop.errors import RefusedError, UsageError
from pace_desktop.store.keyslots import check_passphrase
from pace_desktop.store.store import Removal, Store

MAX_IDENTITY_FILE = 64 * 1024
_NOT_AN_IDENTITY = (
    "That is not an office identity file: use the file office backup-identity wrote "
    "(it has a line starting AGE-SECRET-KEY-1)."
)


@dataclass(frozen=True)
class Recovered:
    device_id: str
    device_name: str
    adviser: str
    removed: tuple[tuple[str, Removal], ...]
    advisers: tuple[str, ...]

    def lines(self) -> list[str]:
        out = [
            f"Recovered {self.device_name} ({self.device_id}): {self.adviser} can now unlock it "
            "with their new passphrase."
        ]
        out += [removal.message(name) for name, removal in self.removed]
        out.append("Advisers who can unlock it: " + ", ".join(self.advisers) + ".")
        return out


def read_identity_file(path: Path | str) -> str:
    """The office identity from an ``office backup-identity`` file (comment lines, then the key)."""
    path = Path(path)
    try:
        if not path.is_file() or path.stat().st_size > MAX_IDENTITY_FILE:
            raise RefusedError(_NOT_AN_IDENTITY)
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as exc:
        raise RefusedError(_NOT_AN_IDENTITY) from exc
    if "AGE-SECRET-KEY-1" not in text.upper():
        raise RefusedError(_NOT_AN_IDENTITY)
    return text


def identity_from_central(central: Store) -> str:
    from pace_desktop.office.central import office_identity

    return str(office_identity(central))


def recover_laptop(
    laptop: Path | str,
    identity: str,
    *,
    adviser: str,
    passphrase: str,
    remove: Sequence[str] = (),
    central: Store | None = None,
) -> Recovered:
    """Open ``laptop`` with the office identity, add ``adviser`` with ``passphrase``, then remove
    each of ``remove`` (re-keying the store). Refuses a weak passphrase before touching anything."""
    check_passphrase(passphrase)
    if not adviser or not adviser.strip():
        raise UsageError("Enter the new adviser's name.")
    wanted = adviser.strip().casefold()
    if any(name.strip().casefold() == wanted for name in remove):
        raise UsageError("The new adviser cannot also be one of the advisers removed.")
    with Store.open_recovery(Path(laptop), identity) as store:
        store.add_adviser(adviser, passphrase)
        removed = tuple((name, store.remove_adviser(name)) for name in remove)
        result = Recovered(
            store.device_id, store.device_name, adviser.strip(), removed, tuple(store.keys.advisers)
        )
    if central is not None:
        with central.transaction():
            central.audit(
                "unlock", entity="device", entity_id=result.device_id or None, detail="laptop_recovered"
            )
    return result


def laptop_advisers(laptop: Path | str) -> list[str]:
    """The advisers a laptop's key file names (it holds no secret: no passphrase needed to read it)."""
    from pace_desktop.store.keyslots import KeySlotFile
    from pace_desktop.store.store import keys_path

    return KeySlotFile.load(keys_path(Path(laptop))).advisers
