"""The core knows nothing of the shells: only vaerdispil.tui (the terminal app) and
vaerdispil.web (its browser door) may import Textual."""

from __future__ import annotations

import subprocess
from pathlib import Path
import sys
import textwrap

SCRIPT = textwrap.dedent(
    """
    import importlib, pkgutil, sys

    class Block:
        def find_spec(self, name, path=None, target=None):
            if name.split(".")[0] in BLOCKED:
                raise ImportError(f"{name} is blocked in the core")

    BLOCKED = set(sys.argv[1].split(","))
    sys.meta_path.insert(0, Block())
    import vaerdispil
    skip = tuple(sys.argv[2].split(",")) if sys.argv[2] else ()
    for info in pkgutil.walk_packages(vaerdispil.__path__, "vaerdispil."):
        if info.name == "vaerdispil.__main__" or info.name.startswith(skip):
            continue
        importlib.import_module(info.name)
        print(info.name)
    """
)


def imports_without(blocked: str, skip: str = "") -> list[str]:
    result = subprocess.run([sys.executable, "-c", SCRIPT, blocked, skip],
                            capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout.split()


def test_core_imports_without_textual() -> None:
    modules = imports_without("textual,rich,textual_serve", skip="vaerdispil.tui,vaerdispil.web")
    assert "vaerdispil.deck.loader" in modules and "vaerdispil.cli" in modules


def test_deck_layer_needs_neither_textual_nor_reportlab() -> None:
    modules = imports_without(
        "textual,rich,reportlab,textual_serve",
        skip="vaerdispil.tui,vaerdispil.web,vaerdispil.pdf,vaerdispil.print_commands")
    assert "vaerdispil.deck.catalog" in modules


def test_the_start_screen_does_not_wait_for_the_deck_or_the_engine() -> None:
    """`vaerdispil` builds its app without YAML, the loader or the engine: they load after
    the first frame (benchmarks/startup.py measures what this buys)."""
    script = textwrap.dedent(
        """
        import sys
        from vaerdispil.cli import build_parser
        from vaerdispil.app_commands import build_app
        build_parser()
        app = build_app(None, None)
        heavy = ["yaml", "vaerdispil.deck.loader", "vaerdispil.session.game",
                 "vaerdispil.game.state", "vaerdispil.outcome", "reportlab"]
        print(",".join(name for name in heavy if name in sys.modules))
        print(app.deck.id, app.deck.language, app.language)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.returncode == 0, result.stderr
    loaded, deck = result.stdout.splitlines()
    assert loaded == ""
    assert deck == "vaerdispil da da"


def _imports(path: Path) -> set[str]:
    """Every module a file imports (TYPE_CHECKING imports too), as absolute names."""
    import ast

    package = ".".join(path.relative_to(ROOT).with_suffix("").parts[:-1])
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom):
            base = package.split(".")
            if node.level:
                base = base[:len(base) - node.level + 1]
                name = ".".join(base + ([node.module] if node.module else []))
            else:
                name = node.module or ""
            found.add(name)
            found.update(f"{name}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
    return found


ROOT = Path(__file__).resolve().parent.parent
TUI = ROOT / "vaerdispil" / "tui"


def test_tui_imports_run_one_way() -> None:
    """app → screens → widgets → dialogs → host: no screen, widget, dialog or palette
    command imports the app (not even for type checking), no widget imports a screen, and
    no dialog a widget."""
    for path in sorted(TUI.rglob("*.py")):
        if path.name == "app.py" and path.parent == TUI:
            continue
        imported = _imports(path)
        assert "vaerdispil.tui.app" not in imported, f"{path} imports the app"
        if path.parent.name in ("widgets", "dialogs"):
            assert not any(name.startswith("vaerdispil.tui.screens") for name in imported), \
                f"{path} imports a screen"
        if path.parent.name == "dialogs":  # widgets open dialogs, never the other way
            assert not any(name.startswith("vaerdispil.tui.widgets") for name in imported), \
                f"{path} imports a widget"


def test_the_app_is_everything_its_screens_may_ask_of_it() -> None:
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.host import HOST_MEMBERS

    app = VaerdispilApp()
    assert "game" in HOST_MEMBERS and "run_command" in HOST_MEMBERS
    missing = [name for name in HOST_MEMBERS if not hasattr(app, name)]
    assert missing == []


def test_a_csv_report_does_not_load_reportlab() -> None:
    """The counts and the CSV live in the core (vaerdispil.report); only the PDF needs
    reportlab, which takes a third of a second to import."""
    script = ("import sys, vaerdispil.report, vaerdispil.report_commands, "
              "vaerdispil.session_commands, vaerdispil.files\n"
              "print('reportlab' in sys.modules)")
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                            check=False)
    assert result.stdout.split() == ["False"], result.stderr
