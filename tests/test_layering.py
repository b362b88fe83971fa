"""The layers hold: the core never reaches up into Qt, the UI or the command line.

Two checks, both over every module found on disk (a new module is covered without editing this file):
- static: every import statement in a core module, including ones inside functions, read with ``ast``;
- dynamic: every core module imports cleanly in a fresh interpreter where PySide6 cannot be imported.
ruff's banned-api rule (pyproject.toml) says the same thing to an editor as the code is written.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pace_desktop

ROOT = Path(pace_desktop.__file__).parent
# Above the core: the windows, and the command line that starts them.
UPPER = ("pace_desktop.ui", "pace_desktop.cli", "pace_desktop.__main__")
FORBIDDEN_IN_CORE = ("PySide6", "shiboken6", *UPPER)

CORE = sorted(
    m.name for m in pkgutil.walk_packages(pace_desktop.__path__, "pace_desktop.")
    if not m.name.startswith(UPPER)
)


def module_path(name: str) -> Path:
    rel = Path(*name.split(".")[1:])
    package = ROOT / rel / "__init__.py"
    return package if package.exists() else (ROOT / rel).with_suffix(".py")


def imported_names(name: str) -> list[tuple[int, str]]:
    """(line, module) for every import in module ``name``'s source."""
    path = module_path(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) for every import statement in ``source``, relative imports resolved."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parts = package.split(".")
                anchor = ".".join(parts[: len(parts) - node.level + 1])
                base = f"{anchor}.{base}" if base else anchor
            out.append((node.lineno, base))
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
    return out


def breaks_layering(module: str) -> bool:
    return any(module == f or module.startswith(f + ".") for f in FORBIDDEN_IN_CORE)


def test_there_is_a_core_to_check():
    assert "pace_desktop.store.store" in CORE
    assert "pace_desktop.records.models" in CORE
    assert not any(m.startswith("pace_desktop.ui") for m in CORE)


def test_the_static_check_sees_imports_inside_functions():
    # The check must find a lazy import, the kind a quick fix hides inside a function, and a relative one.
    sample = ("def later():\n    from pace_desktop.ui.app import run\n    import PySide6.QtCore\n"
              "    from ..ui import style\n")
    found = [m for _line, m in imports_in(sample, "pace_desktop.store")]
    assert [m for m in found if breaks_layering(m)] == [
        "pace_desktop.ui.app", "pace_desktop.ui.app.run", "PySide6.QtCore",
        "pace_desktop.ui", "pace_desktop.ui.style"]


def test_no_core_module_imports_qt_the_ui_or_the_command_line():
    offenders = [f"{name}:{line} imports {module}"
                 for name in CORE for line, module in imported_names(name) if breaks_layering(module)]
    assert offenders == []


def test_core_modules_import_with_qt_blocked():
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
                            cwd=ROOT.parent)
    assert result.returncode == 0, f"core modules import Qt: {result.stdout} {result.stderr[-500:]}"


def test_the_ui_does_not_import_the_command_line():
    ui = [m.name for m in pkgutil.walk_packages(pace_desktop.__path__, "pace_desktop.")
          if m.name.startswith("pace_desktop.ui")]
    offenders = [f"{name}:{line} imports {module}" for name in ui
                 for line, module in imported_names(name)
                 if module == "pace_desktop.cli" or module.startswith("pace_desktop.cli.")]
    assert offenders == []
