"""`vaerdispil`, `vaerdispil play`: build the app from ready objects, then run it.

Loading the deck and opening the session happen here, before the App starts, so a bad
deck or a damaged file ends in one line and an exit code, never inside the screen.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from .deck.errors import DeckError
from .session.errors import SessionError


def register(commands: Any) -> None:
    """Add `play` to the command line."""
    play = commands.add_parser("play", help="run a workshop (a new one, or --session to resume)")
    play.add_argument("--deck", help="deck id or path (default: vaerdispil)")
    play.add_argument("--session", metavar="FILE",
                      help="the workshop file: resumed if it exists, else started there")
    play.add_argument("--lang", choices=("da", "en"), help="language of the screens")
    play.set_defaults(run=run_play)

    demo = commands.add_parser("demo", help="play a sample workshop on screen, step by step")
    demo.add_argument("--session", metavar="FILE", help="where to save it (a new file)")
    demo.add_argument("--speed", type=_speed, default=1.0, metavar="N",
                      help="steps go N times faster; 0: as fast as possible, then quit")
    demo.add_argument("--lang", choices=("da", "en"), help="language of the deck and screens")
    demo.set_defaults(run=run_demo)

    serve = commands.add_parser("serve", help="the same app in a browser, on this computer")
    serve.add_argument("--port", type=_port, default=8000, metavar="N", help="default: 8000")
    serve.add_argument("--deck", help="deck id or path (default: vaerdispil)")
    serve.add_argument("--lang", choices=("da", "en"), help="language of the screens")
    serve.set_defaults(run=run_serve)


def run_serve(args: Any) -> int:
    """Serve the app on localhost with textual-serve: each browser tab runs its own app.

    PDFs and exports reach the person at the browser as downloads (deliver_binary),
    not as paths on this computer.
    """
    import shlex

    from textual_serve.server import Server

    from .deck.catalog import resolve_deck
    from .deck.loader import DeckError

    try:  # check the deck here, so a bad one is one line now, not an error in every tab
        deck = resolve_deck(args.deck or "vaerdispil", args.lang)
    except DeckError as error:
        return _say(error)
    command = [sys.executable, "-m", "vaerdispil", "play", "--deck", deck.source]
    if args.lang:
        command += ["--lang", args.lang]
    print(f"Værdispillet: open http://localhost:{args.port} in a browser (ctrl+c stops)",
          file=sys.stderr)
    try:
        Server(shlex.join(command), host="localhost", port=args.port,
               title="Værdispillet").serve()
    except OSError as error:
        print(f"vaerdispil: cannot serve on port {args.port} ({error.strerror}); try another "
              "with --port", file=sys.stderr)
        return 1
    return 0


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port number") from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError("a port is a number from 1 to 65535")
    return value


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("the speed cannot be negative")
    return value


def build_app(deck_name: str | None, language: str | None, session: str | None = None) -> Any:
    """The app, with its deck loaded and its session open; raises DeckError or SessionError.

    With no deck and no session named, the bundled default deck is loaded by the app
    after its first frame (a faster start), unless a deck of the user's could take its
    place: that one is checked here, so a bad one is still one line before the app.
    """
    from .tui.app import DEFAULT_DECK, VaerdispilApp

    if deck_name is None and session is None and not _user_deck_named(DEFAULT_DECK):
        return VaerdispilApp(deck=None, language=language or "da")

    from .deck.catalog import resolve_deck
    from .session.game import Game

    game = None
    deck = None
    if session is not None and Path(session).exists():
        wanted = resolve_deck(deck_name, language) if deck_name else None
        game = Game.open(session, deck=wanted)
        deck = game.deck
    else:
        deck = resolve_deck(deck_name or DEFAULT_DECK, language)
        if session is not None:
            game = Game.new(session, deck)
    return VaerdispilApp(deck=deck, language=language or deck.language, game=game)


def _user_deck_named(name: str) -> bool:
    """Whether the user's deck folder has a file that resolve_deck would try for `name`."""
    from .paths import deck_file_name, user_decks_dir

    folder = user_decks_dir()
    return any((folder / deck_file_name(name, lang)).exists() for lang in ("da", "en"))


def _say(error: DeckError | SessionError) -> int:
    """A bad deck or session file, said in one line per problem on stderr; exit code 1."""
    lines = error.lines() if isinstance(error, DeckError) else [f"vaerdispil: {error}"]
    for line in lines:
        print(line, file=sys.stderr)
    return 1


def run_demo(args: Any) -> int:
    """Play the sample workshop; with --speed 0 and no terminal it runs headless."""
    from .deck.catalog import resolve_deck
    from .demo import WORDS, demo_steps
    from .session.game import Game
    from .session.store import new_session_path
    from .tui.app import VaerdispilApp

    language = args.lang or "da"
    try:
        deck = resolve_deck("vaerdispil", language)
        path = Path(args.session) if args.session else new_session_path(
            WORDS[language]["title"], "")
        game = Game.new(path, deck)
    except (DeckError, SessionError) as error:
        return _say(error)
    delay = 0.0 if args.speed == 0 else 1.5 / args.speed
    app = VaerdispilApp(deck, language, game=game, demo=demo_steps(game), demo_delay=delay)
    app.run(headless=args.speed == 0 and not sys.stdout.isatty())
    print(f"The demo workshop is saved in {path}", file=sys.stderr)
    return app.return_code or 0


def run_play(args: Any) -> int:
    """Run the app; errors before it starts are one line on stderr and exit 1."""
    try:
        app = build_app(getattr(args, "deck", None), getattr(args, "lang", None),
                        getattr(args, "session", None))
    except (DeckError, SessionError) as error:
        return _say(error)
    app.run()
    return app.return_code or 0
