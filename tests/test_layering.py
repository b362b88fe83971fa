"""The core never imports Qt: every module outside pace_desktop.ui imports cleanly with PySide6 blocked."""

import pkgutil
import subprocess
import sys
from pathlib import Path

import pace_desktop

CORE = sorted(
    m.name for m in pkgutil.walk_packages(pace_desktop.__path__, "pace_desktop.")
    if not m.name.startswith("pace_desktop.ui") and m.name != "pace_desktop.__main__"
)


def test_there_is_a_core_to_check():
    assert "pace_desktop.store.store" in CORE
    assert "pace_desktop.records.models" in CORE


def test_core_modules_do_not_import_qt():
    # A fresh interpreter where importing PySide6 fails: any core import of Qt shows up as an error.
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.') or name == 'shiboken6':\n"
        "            raise ImportError('Qt imported from the core: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"mods = {CORE!r}\n"
        "bad = []\n"
        "for m in mods:\n"
        "    try:\n"
        "        importlib.import_module(m)\n"
        "    except ImportError as e:\n"
        "        if 'Qt imported' in str(e): bad.append(m)\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=Path(__file__).parent.parent)
    assert result.returncode == 0, f"core modules import Qt: {result.stdout} {result.stderr[-500:]}"


def test_no_source_line_in_core_imports_pyside():
    root = Path(pace_desktop.__file__).parent
    offenders = [
        str(p.relative_to(root)) for p in root.rglob("*.py")
        if "ui" not in p.relative_to(root).parts
        and any(line.lstrip().startswith(("import PySide6", "from PySide6"))
                for line in p.read_text(encoding="utf-8").splitlines())
    ]
    assert offenders == []
