"""`vaerdispil`, `vaerdispil play`: build the app from ready objects, then run it.

Loading the deck and opening the session happen here, before the App starts, so a bad
deck or a damaged file ends in one line and an exit code, never inside the screen.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

from .deck.catalog import resolve_deck
from .deck.loader import DeckError
from .session.game import Game
from .session.log import SessionError


def register(commands: Any) -> None:
    """Add `play` to the command line."""
    play = commands.add_parser("play", help="run a workshop (a new one, or --session to resume)")
    play.add_argument("--deck", help="deck id or path (default: vaerdispil)")
    play.add_argument("--session", metavar="FILE",
                      help="the workshop file: resumed if it exists, else started there")
    play.add_argument("--lang", choices=("da", "en"), help="language of the screens")
    play.set_defaults(run=run_play)


def build_app(deck_name: str | None, language: str | None, session: str | None = None) -> Any:
    """The app, with its deck loaded and its session open; raises DeckError or SessionError."""
    from .tui.app import VaerdispilApp

    game = None
    deck = None
    if session is not None and Path(session).exists():
        wanted = resolve_deck(deck_name, language) if deck_name else None
        game = Game.open(session, deck=wanted)
        deck = game.deck
    else:
        deck = resolve_deck(deck_name or "vaerdispil", language)
        if session is not None:
            game = Game.new(session, deck)
    return VaerdispilApp(deck=deck, language=language or deck.language, game=game)


def run_play(args: Any) -> int:
    """Run the app; errors before it starts are one line on stderr and exit 1."""
    try:
        app = build_app(getattr(args, "deck", None), getattr(args, "lang", None),
                        getattr(args, "session", None))
    except DeckError as error:
        for line in error.lines():
            print(line, file=sys.stderr)
        return 1
    except SessionError as error:
        print(f"vaerdispil: {error}", file=sys.stderr)
        return 1
    app.run()
    return 0
