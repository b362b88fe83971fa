"""Make one release's frozen stores: run it with THAT release's code on PYTHONPATH (see README.md)."""

import json
import sys
from pathlib import Path

from pace_desktop import demo
from pace_desktop.store.store import Store

PASSPHRASE = "correct horse battery staple"
out = Path(sys.argv[1])
out.mkdir(parents=True, exist_ok=True)
store = Store.create(
    out / "laptop.store", adviser="Ailsa Demo", passphrase=PASSPHRASE, device_name="Frozen laptop"
)
demo.seed(store, events=2, clients=12)
counts = {t: store.db.query(f"SELECT COUNT(*) FROM {t}")[0][0] for t in ("events", "clients", "consents")}
names = sorted(r[0] for r in store.db.query("SELECT json_extract(data, '$.last_name') FROM clients"))
version = store.db.user_version
audit = store.db.query("SELECT COUNT(*) FROM audit")[0][0]
store.close()
manifest = {
    "schema_version": version,
    "laptop": {"counts": counts, "last_names": names, "audit_entries": audit},
}
try:
    from pace_desktop.office.central import init_office

    made = init_office(out / "central.store", staff="Morven Office", passphrase=PASSPHRASE, out_dir=out)
    manifest["office"] = True
except ImportError:
    manifest["office"] = False
(out / "manifest.json").write_text(json.dumps(manifest, indent=1, sort_keys=True) + "\n")
print(version)
