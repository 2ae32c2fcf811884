"""The core knows nothing of the shells: only vaerdispil.tui may import Textual."""

from __future__ import annotations

import subprocess
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
    modules = imports_without("textual,rich,textual_serve", skip="vaerdispil.tui")
    assert "vaerdispil.deck.loader" in modules and "vaerdispil.cli" in modules


def test_deck_layer_needs_neither_textual_nor_reportlab() -> None:
    modules = imports_without("textual,rich,reportlab,textual_serve",
                              skip="vaerdispil.tui,vaerdispil.pdf,vaerdispil.print_commands")
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
