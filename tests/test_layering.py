"""The layers hold: the core never reaches up into Qt, the UI or the command line.

Two checks, both over every module found on disk outside ``pace_desktop/ui`` (a new module is covered
without editing this file):
- static: every import in a module's source read with ``ast`` — import statements at any depth (inside
  functions, ``if TYPE_CHECKING:``, ``try:``), relative ones resolved, and ``importlib.import_module`` /
  ``__import__`` calls given the module's name as a string;
- dynamic: every such module imports cleanly in a fresh interpreter where PySide6 cannot be imported.
The command line may start the windows (lazily, inside the commands that open them); nothing else
outside the UI may. ruff's banned-api rule and import-linter's contracts (pyproject.toml) say the same
thing to an editor and to ``make lint``.
"""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
from pathlib import Path

import pace_desktop

ROOT = Path(pace_desktop.__file__).parent
UI = "pace_desktop.ui"
CLI = ("pace_desktop.cli", "pace_desktop.__main__")
QT = ("PySide6", "shiboken6")

ALL = sorted(m.name for m in pkgutil.walk_packages(pace_desktop.__path__, "pace_desktop."))


def within(module: str, *packages: str) -> bool:
    return any(module == p or module.startswith(p + ".") for p in packages)


# Every module outside the windows: the command line and the core.
OUTSIDE_UI = [m for m in ALL if not within(m, UI)]

# The only imports of the windows from outside them: the command line opening a window. The same pairs
# are the ignore_imports of import-linter's first contract.
CLI_STARTS_UI = {
    "pace_desktop.cli": ("pace_desktop.ui.app",),
    "pace_desktop.cli.office_impact": ("pace_desktop.ui.impact_page",),
}


def module_path(name: str) -> Path:
    rel = Path(*name.split(".")[1:])
    package = ROOT / rel / "__init__.py"
    return package if package.exists() else (ROOT / rel).with_suffix(".py")


def imported_names(name: str) -> list[tuple[int, str]]:
    """(line, module) for every import in module ``name``'s source."""
    path = module_path(name)
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    return imports_in(path.read_text(encoding="utf-8"), package)


def _resolve(name: str, level: int, package: str) -> str:
    if not level:
        return name
    parts = package.split(".")
    anchor = ".".join(parts[: len(parts) - level + 1])
    return f"{anchor}.{name}" if name else anchor


def _dynamic_import(node: ast.Call, package: str) -> str | None:
    """The module a call ``importlib.import_module("...")``, ``import_module("...")`` or
    ``__import__("...")`` names with a string constant; None for any other call."""
    func = node.func
    name = func.attr if isinstance(func, ast.Attribute) else func.id if isinstance(func, ast.Name) else ""
    if name not in ("import_module", "__import__") or not node.args:
        return None
    first = node.args[0]
    if not (isinstance(first, ast.Constant) and isinstance(first.value, str)):
        return None
    target = first.value
    if name == "import_module" and target.startswith("."):
        given = [k.value for k in node.keywords if k.arg == "package"]
        anchor = node.args[1] if len(node.args) > 1 else given[0] if given else None
        base = anchor.value if isinstance(anchor, ast.Constant) and isinstance(anchor.value, str) else package
        level = len(target) - len(target.lstrip("."))
        return _resolve(target.lstrip("."), level, base)
    return target


def imports_in(source: str, package: str) -> list[tuple[int, str]]:
    """(line, module) for every import in ``source``, at any depth, relative imports resolved."""
    out = []
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            out += [(node.lineno, alias.name) for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            base = _resolve(node.module or "", node.level, package)
            out.append((node.lineno, base))
            out += [(node.lineno, f"{base}.{alias.name}") for alias in node.names]
        elif isinstance(node, ast.Call) and (target := _dynamic_import(node, package)) is not None:
            out.append((node.lineno, target))
    return out


def breaks_layering(importer: str, module: str) -> bool:
    """Whether ``importer`` (a module outside the UI) may not import ``module``."""
    if within(module, *QT):
        return True
    if within(module, UI):
        return not within(module, *CLI_STARTS_UI.get(importer, ()))
    return within(module, *CLI) and not within(importer, *CLI)


def test_every_module_outside_the_ui_is_checked():
    assert "pace_desktop.store.store" in OUTSIDE_UI
    assert "pace_desktop.records.models" in OUTSIDE_UI
    assert "pace_desktop.cli.office_impact" in OUTSIDE_UI
    assert "pace_desktop.ui.main_window" not in OUTSIDE_UI
    # A name that merely starts or contains "ui" is not the UI (the old check skipped any such path).
    assert not within("pace_desktop.uikit", UI) and not within("pace_desktop.exchange.build", UI)
    assert not any(within(m, UI) for m in OUTSIDE_UI)


def test_the_static_check_sees_imports_inside_functions():
    # The check must find a lazy import, the kind a quick fix hides inside a function, and a relative one.
    sample = (
        "def later():\n    from pace_desktop.ui.app import run\n    import PySide6.QtCore\n"
        "    from ..ui import style\n"
    )
    found = [m for _line, m in imports_in(sample, "pace_desktop.store")]
    assert [m for m in found if breaks_layering("pace_desktop.store.store", m)] == [
        "pace_desktop.ui.app",
        "pace_desktop.ui.app.run",
        "PySide6.QtCore",
        "pace_desktop.ui",
        "pace_desktop.ui.style",
    ]


def test_the_static_check_sees_import_module_strings():
    sample = (
        "import importlib\nfrom importlib import import_module\n"
        "def later(name):\n"
        "    importlib.import_module('PySide6.QtWidgets')\n"
        "    import_module('.ui.app', 'pace_desktop')\n"
        "    import_module('..cli', package='pace_desktop.store')\n"
        "    __import__('shiboken6')\n"
        "    importlib.import_module(name)\n"  # a name only known at run time: not judged here
        "    importlib.import_module('json')\n"
    )
    found = [(line, m) for line, m in imports_in(sample, "pace_desktop.store")]
    assert [(line, m) for line, m in found if breaks_layering("pace_desktop.store.store", m)] == [
        (4, "PySide6.QtWidgets"),
        (5, "pace_desktop.ui.app"),
        (6, "pace_desktop.cli"),
        (7, "shiboken6"),
    ]
    assert (9, "json") in found


def test_only_the_command_line_may_open_the_windows():
    assert not breaks_layering("pace_desktop.cli", "pace_desktop.ui.app.run")
    assert breaks_layering("pace_desktop.cli", "pace_desktop.ui.main_window")
    assert breaks_layering("pace_desktop.cli", "PySide6.QtWidgets")
    assert breaks_layering("pace_desktop.store.store", "pace_desktop.ui.app")
    assert breaks_layering("pace_desktop.store.store", "pace_desktop.cli.laptop")
    assert not breaks_layering("pace_desktop.cli.laptop", "pace_desktop.cli")


def test_no_module_outside_the_ui_imports_qt_the_ui_or_the_command_line():
    offenders = [
        f"{name}:{line} imports {module}"
        for name in OUTSIDE_UI
        for line, module in imported_names(name)
        if breaks_layering(name, module)
    ]
    assert offenders == []


def test_modules_outside_the_ui_import_with_qt_blocked():
    # A fresh interpreter where importing PySide6 fails: any import of Qt on the way shows up as an error.
    # (__main__ runs the command line when imported; its one import is checked statically above.)
    mods = [m for m in OUTSIDE_UI if m != "pace_desktop.__main__"]
    code = (
        "import sys, importlib\n"
        "class Block:\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6' or name.startswith('PySide6.') or name == 'shiboken6':\n"
        "            raise ImportError('Qt imported outside the UI: ' + name)\n"
        "sys.meta_path.insert(0, Block())\n"
        f"mods = {mods!r}\n"
        "bad = []\n"
        "for m in mods:\n"
        "    try:\n"
        "        importlib.import_module(m)\n"
        "    except ImportError as e:\n"
        "        if 'Qt imported' in str(e): bad.append(m)\n"
        "print(bad)\n"
        "sys.exit(1 if bad else 0)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT.parent)
    assert result.returncode == 0, f"modules outside the UI import Qt: {result.stdout} {result.stderr[-500:]}"


def test_the_ui_does_not_import_the_command_line():
    ui = [m for m in ALL if within(m, UI)]
    offenders = [
        f"{name}:{line} imports {module}"
        for name in ui
        for line, module in imported_names(name)
        if within(module, *CLI)
    ]
    assert offenders == []


TOOLING = ("tools", "bench")


def test_the_shipped_package_never_imports_the_tooling():
    # Screenshots (tools/) and benchmarks (bench/) live beside the package, not in it: nothing the app,
    # the self-check or the windows import may reach them, so a frozen build never needs them.
    offenders = [
        f"{name}:{line} imports {module}"
        for name in ALL
        for line, module in imported_names(name)
        if within(module, *TOOLING)
    ]
    assert offenders == []
    assert not any(within(m, "pace_desktop.ui.screenshots", "pace_desktop.reports.bench") for m in ALL)
    assert not any(m.endswith(".screens_for_docs") for m in ALL)


def test_the_self_check_imports_no_tooling():
    code = (
        "import sys\nimport pace_desktop.cli.selfcheck, pace_desktop.selfcheck.office_round\n"
        f"print([m for m in sys.modules if m.split('.')[0] in {TOOLING!r}])\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT.parent)
    assert result.returncode == 0 and result.stdout.strip() == "[]", result.stderr[-500:]
