"""`vaerdispil`, `vaerdispil play`: build the app from ready objects, then run it.

Loading the deck and opening the session happen here, before the App starts, so a bad
deck or a damaged file ends in one line and an exit code, never inside the screen.
"""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .deck.errors import DeckError
from .i18n import cli_text
from .session.errors import SessionError


def register(commands: Any) -> None:
    """Add `play` to the command line."""
    play = commands.add_parser("play", help=cli_text("cli.play"))
    play.add_argument("--deck", help=cli_text("cli.deck"))
    which = play.add_mutually_exclusive_group()
    which.add_argument("--session", metavar=cli_text("cli.metavar.name"),
                       help=cli_text("cli.play.session_name"))
    which.add_argument("--new", metavar=cli_text("cli.metavar.name"),
                       help=cli_text("cli.play.new"))
    play.add_argument("--follow-up", metavar=cli_text("cli.metavar.name"),
                      help=cli_text("cli.play.follow_up"))
    play.add_argument("--lang", choices=("da", "en"), help=cli_text("cli.lang_screens"))
    play.add_argument("--phones-host", metavar="ADDRESS", help=cli_text("cli.play.phones_host"))
    play.add_argument("--phones-port", metavar="N", type=_port, default=None,
                      help=cli_text("cli.play.phones_port"))
    play.set_defaults(run=run_play)

    demo = commands.add_parser("demo", help=cli_text("cli.demo"))
    demo.add_argument("--session", metavar=cli_text("cli.metavar.name"),
                      help=cli_text("cli.demo.session_name"))
    demo.add_argument("--speed", type=_speed, default=1.0, metavar="N",
                      help=cli_text("cli.demo.speed"))
    demo.add_argument("--lang", choices=("da", "en"), help=cli_text("cli.demo.lang"))
    demo.add_argument("--follow-up", action="store_true", help=cli_text("cli.demo.follow_up"))
    demo.set_defaults(run=run_demo)

    serve = commands.add_parser("serve", help=cli_text("cli.serve"))
    serve.add_argument("--port", type=_port, default=8000, metavar="N",
                       help=cli_text("cli.serve.port"))
    serve.add_argument("--deck", help=cli_text("cli.deck"))
    serve.add_argument("--lang", choices=("da", "en"), help=cli_text("cli.lang_screens"))
    serve.add_argument("--host", default="127.0.0.1", help=cli_text("cli.serve.host"))
    serve.add_argument("--allow-network", action="store_true",
                       help=cli_text("cli.serve.network"))
    serve.add_argument("--no-browser", action="store_true", help=cli_text("cli.serve.no_browser"))
    serve.set_defaults(run=run_serve)


def run_serve(args: Any) -> int:
    """Serve the app with textual-serve behind our own door (vaerdispil.web.server): each
    browser tab runs its own app; only the page at the printed address (with this run's
    secret key) may drive it.

    PDFs and exports reach the person at the browser as downloads (deliver_binary),
    not as paths on this computer.
    """
    import shlex
    import webbrowser

    from .deck.catalog import resolve_deck
    from .deck.loader import DeckError
    from .i18n import text
    from .web.server import SafeServer

    if args.host not in ("127.0.0.1", "localhost", "::1") and not args.allow_network:
        print(cli_text("cli.serve.needs_network", host=args.host), file=sys.stderr)
        return 2
    try:  # check the deck here, so a bad one is one line now, not an error in every tab
        deck = resolve_deck(args.deck or "vaerdispil", args.lang)
    except DeckError as error:
        return _say(error)
    language = args.lang or deck.language
    command = [sys.executable, "-m", "vaerdispil", "play", "--deck", deck.source]
    if args.lang:
        command += ["--lang", args.lang]
    words = {name: text(language, f"serve.{name}") for name in
             ("starting", "ended", "restart", "forbidden", "forbidden_origin", "gone")}
    server = SafeServer(shlex.join(command), host=args.host, port=args.port,
                        title=text(language, "app.title"), words=words, language=language)
    print(cli_text("cli.serve.open", address=server.address), file=sys.stderr)
    if not args.no_browser:
        try:
            webbrowser.open(server.address)
        except Exception:  # noqa: BLE001 - no browser here: the address is printed
            pass
    try:
        server.serve()
    except OSError as error:
        print(cli_text("cli.serve.port_busy", port=args.port, reason=error.strerror),
              file=sys.stderr)
        return 1
    return 0


def _port(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text("cli.port.not_number", text=text)) from None
    if not 1 <= value <= 65535:
        raise argparse.ArgumentTypeError(cli_text("cli.port.range"))
    return value


def _speed(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(cli_text("cli.speed.not_number", text=text)) from None
    if value < 0:
        raise argparse.ArgumentTypeError(cli_text("cli.speed.negative"))
    return value


def build_app(deck_name: str | None, language: str | None, session: str | None = None,
              new: str | None = None, follow_up: str | None = None) -> Any:
    """The app, with its deck loaded and its session open; raises DeckError or SessionError.

    `session` names a workshop to resume (or, where clearly meant, a new file), `new` a
    workshop to start: see session.store.resolve_session for the rule.

    With no deck and no session named, the bundled default deck is loaded by the app
    after its first frame (a faster start), unless a deck of the user's could take its
    place: that one is checked here, so a bad one is still one line before the app.
    """
    from .tui.app import DEFAULT_DECK, VaerdispilApp

    if follow_up is not None:
        if session is not None:
            raise SessionError(cli_text("cli.play.follow_up_session"))
        game = start_follow_up_named(follow_up, deck_name, language, new)
        return VaerdispilApp(deck=game.deck, language=language or game.deck.language,
                             game=game)
    if deck_name is None and session is None and new is None and \
            not _user_deck_named(DEFAULT_DECK):
        return VaerdispilApp(deck=None, language=language or "da")

    from .deck.catalog import resolve_deck
    from .session.game import Game
    from .session.store import NEW, OPEN_OR_NEW, resolve_session

    target = None
    if new is not None:
        target = resolve_session(new, NEW)
    elif session is not None:
        target = resolve_session(session, OPEN_OR_NEW)
    game = None
    deck = None
    if target is not None and not target.new:
        wanted = resolve_deck(deck_name, language) if deck_name else None
        game = Game.open(target.path, deck=wanted)
        deck = game.deck
    else:
        deck = resolve_deck(deck_name or DEFAULT_DECK, language)
        if target is not None:
            game = Game.new(target.path, deck)
    return VaerdispilApp(deck=deck, language=language or deck.language, game=game)


FOLLOW_UP_DECK = "opfoelgning"
"""The bundled deck a follow-up meeting is played with, unless --deck names another."""


def start_follow_up_named(name: str, deck_name: str | None, language: str | None,
                          new: str | None = None) -> Any:
    """A follow-up of the saved workshop `name`, in a new file (`new`, or named after the
    workshop it follows); raises SessionError or DeckError."""
    from .deck.catalog import resolve_deck
    from .followup import start_follow_up
    from .session.game import replay
    from .session.store import NEW, OPEN, new_session_path, resolve_session

    previous = resolve_session(name, OPEN).path
    before = replay(previous)
    language = language or before.state.details.language
    deck = resolve_deck(deck_name or FOLLOW_UP_DECK, language)
    if new is not None:
        target = resolve_session(new, NEW).path
    else:
        from datetime import date

        title = before.state.details.title or previous.stem
        from .i18n import text

        target = new_session_path(text(language, "followup.title", title=title),
                                  date.today().isoformat())
    return start_follow_up(previous, target, deck, language=language)


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
    from .session.store import NEW, new_session_path, resolve_session
    from .tui.app import VaerdispilApp

    language = args.lang or "da"
    try:
        deck = resolve_deck("vaerdispil", language)
        if getattr(args, "follow_up", False):
            deck, game = _demo_follow_up(deck, language, args.session)
            path = game.log.path
        else:
            path = resolve_session(args.session, NEW).path if args.session else \
                new_session_path(WORDS[language]["title"], "")
            game = Game.new(path, deck)
    except (DeckError, SessionError) as error:
        return _say(error)
    delay = 0.0 if args.speed == 0 else 1.5 / args.speed
    app = VaerdispilApp(deck, language, game=game, demo=demo_steps(game), demo_delay=delay)
    app.run(headless=args.speed == 0 and not sys.stdout.isatty())
    print(cli_text("cli.demo.saved", path=path), file=sys.stderr)
    return app.return_code or 0


def _demo_follow_up(deck: Any, language: str, name: str | None) -> tuple[Any, Any]:
    """The sample workshop, played through at once (and saved), and a follow-up meeting
    of it in a new file (`name`, or named after it), ready to be played on screen."""
    from datetime import date

    from .deck.catalog import resolve_deck
    from .demo import WORDS, demo_steps
    from .followup import start_follow_up
    from .i18n import text
    from .session.game import Game
    from .session.store import NEW, new_session_path, resolve_session

    first = Game.new(new_session_path(WORDS[language]["title"], ""), deck)
    try:
        for step in demo_steps(first):
            step()
    finally:
        first.close()
    follow_deck = resolve_deck(FOLLOW_UP_DECK, language)
    path = resolve_session(name, NEW).path if name else new_session_path(
        text(language, "followup.title", title=WORDS[language]["title"]),
        date.today().isoformat())
    return follow_deck, start_follow_up(first.log.path, path, follow_deck, language=language)


def run_play(args: Any) -> int:
    """Run the app; errors before it starts are one line on stderr and exit 1."""
    try:
        app = build_app(getattr(args, "deck", None), getattr(args, "lang", None),
                        getattr(args, "session", None), getattr(args, "new", None),
                        getattr(args, "follow_up", None))
    except (DeckError, SessionError) as error:
        return _say(error)
    app.phones_host = getattr(args, "phones_host", None)
    app.phones_port = getattr(args, "phones_port", None)
    app.run()
    return app.return_code or 0
