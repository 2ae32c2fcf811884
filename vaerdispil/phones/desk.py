"""What participants' own phones may see and do in a workshop (no web code here: the
server in server.py only carries it).

A phone joins by picking its person; it gets a random token that only it holds, and the
log keeps the token's sha256 (`phone_bound`), so the phone reconnects after the app is
reopened. What a phone is shown is built for its person alone: in a secret vote, only
that person's own dots, and the others' only once the votes are shown on the shared
screen. What a phone does is the engine command a key press makes, run by the app (the
only writer of the log); the phone hears "received" once the event is on disk.
"""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from typing import Any

from ..deck.model import Card, Deck, Mode
from ..game import rules
from ..i18n import ENDONYMS, plural, text
from ..session.game import Game

PHONE_LANGUAGES = ENDONYMS
"""The languages a participant can choose on their phone, each in its own name."""
RTL = frozenset(("ar", "fa", "ur"))

KEY_BYTES = 16
"""The workshop key in the phones' address: 128 random bits, one per workshop, kept in its
log so that the address outlives a restart of the app."""
TOKEN_BYTES = 24
"""A phone's own token: 192 random bits."""

Command = Callable[[], Any]


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


class Desk:
    """The phones' view of one workshop, and the commands their taps make."""

    def __init__(self, game: Callable[[], Game | None]) -> None:
        self._game = game
        found = game()
        self.key = (found.state.phones_key if found is not None else "") or \
            secrets.token_urlsafe(KEY_BYTES)
        """The workshop's key: the one its log keeps, else a new one (see keep_key)."""
        self._translated: dict[tuple[str, str], Deck | None] = {}

    def read_yet(self, deck: Deck, language: str) -> bool:
        """Whether `translated` can answer without reading a file."""
        return language == deck.language or language not in PHONE_LANGUAGES or \
            (deck.content_hash, language) in self._translated

    def translated(self, deck: Deck, language: str) -> Deck | None:
        """The workshop's deck in a phone's language (None: in its own words only). The
        first time for a language it reads a YAML file: the server asks in a thread."""
        if language == deck.language or language not in PHONE_LANGUAGES:
            return None
        key = (deck.content_hash, language)
        if key not in self._translated:
            from ..deck.catalog import translation_of

            self._translated[key] = translation_of(deck, language)
        return self._translated[key]

    def keep_key(self) -> Command | None:
        """The command that keeps a new key in the log (None if it is there already), so
        the phones' address and tokens outlive a restart of the app."""
        game = self.game
        if game is None or game.state.phones_key == self.key:
            return None
        return lambda: game.open_phones(self.key)

    @property
    def game(self) -> Game | None:
        return self._game()

    def language(self) -> str:
        game = self.game
        return game.state.details.language if game is not None else "da"

    def who(self, token: str | None) -> str | None:
        """The participant a phone's token is bound to, if any (and still at the table)."""
        game = self.game
        if game is None or not token:
            return None
        wanted = token_hash(token)
        for participant, bound in game.state.phones.items():
            if secrets.compare_digest(bound, wanted):
                person = game.state.participants.get(participant)
                return participant if person is not None and person.active else None
        return None

    def people(self) -> list[dict[str, Any]]:
        """Who can join: everyone at the table, and whether a phone has them already."""
        game = self.game
        if game is None:
            return []
        state = game.state
        return [{"id": person.id, "name": person.name,
                 "organisation": state.organisations[person.org].name,
                 "taken": person.id in state.phones}
                for person in state.active_participants()]

    def join(self, participant: str) -> tuple[str, Command]:
        """A new token for a phone, and the command that binds it to `participant`."""
        game = self.game
        assert game is not None
        token = secrets.token_urlsafe(TOKEN_BYTES)
        return token, lambda: game.bind_phone(participant, token_hash(token))

    def vote(self, participant: str, value: str, dots: int) -> Command:
        game = self.game
        assert game is not None
        return lambda: game.vote(participant, value, dots, in_turn=False)

    def done(self, participant: str) -> Command:
        game = self.game
        assert game is not None
        return lambda: game.finish_vote(participant, in_turn=False)

    def pick(self, participant: str, card: str, side: str | None, text: str,
             reason: str) -> Command:
        """The participant's organisation picks a card (a blank one: its own words)."""
        game = self.game
        assert game is not None
        org = game.state.participants[participant].org
        return lambda: game.pick(org, card, side, reason, text)

    def unpick(self, participant: str, pick_id: str) -> Command:
        """Take back one of the organisation's picks in this round (no one else's)."""
        game = self.game
        assert game is not None
        state = game.state
        org = state.participants[participant].org
        round_ = rules.current_round(state, game.deck)
        pick = state.picks.get(pick_id)
        if pick is None or pick.org != org or round_ is None or pick.round != round_.id:
            def refuse() -> Any:
                raise rules.RuleError("error.no_item", id=pick_id)
            return refuse
        return lambda: game.remove(pick_id)

    def pass_turn(self, participant: str) -> Command:
        """The participant passes: only on their own turn (or their organisation's)."""
        game = self.game
        assert game is not None
        state = game.state
        round_ = rules.current_round(state, game.deck)
        mine = {participant, state.participants[participant].org}
        if round_ is None or round_.mode is not Mode.TURNS or \
                rules.turn_progress(state, round_).taker not in mine:
            def refuse() -> Any:
                raise rules.RuleError("error.not_your_turn")
            return refuse
        return lambda: game.end_turn("passed")

    def note(self, participant: str, words: str) -> Command:
        """A note or a question for the facilitator, from this participant."""
        game = self.game
        assert game is not None
        return lambda: game.note(words, taker=participant)

    def view(self, participant: str, language: str = "") -> dict[str, Any]:
        """What `participant`'s phone shows now, in the phone's `language` (its words, and
        the cards' words where the deck has a translation, each beside the workshop's own
        title so everyone in the room names the same card); never another person's
        secret dots."""
        game = self.game
        if game is None:
            return {"mode": "closed"}
        state, deck = game.state, game.deck
        own = state.details.language
        language = language if language in PHONE_LANGUAGES else own
        person = state.participants[participant]
        view: dict[str, Any] = {
            "language": language, "workshop": state.details.title,
            "direction": "rtl" if language in RTL else "ltr",
            "you": {"name": person.name, "organisation": state.organisations[person.org].name},
        }
        round_ = rules.current_round(state, deck)
        if round_ is None or state.ended:
            view.update(mode="ended" if state.ended else "waiting",
                        round=text(language, "phone.waiting") if not state.ended else "")
            return view
        words = _Words(deck, self.translated(deck, language), language)
        shown = words.round(round_.id)
        view.update(mode=round_.mode.value, round=shown.title, prompt=shown.prompt)
        if round_.mode is Mode.VOTE:
            view.update(self._vote_view(game, round_, participant, words))
        elif round_.mode is Mode.PICK:
            view.update(self._pick_view(game, round_, participant, words))
        elif round_.mode is Mode.TURNS:
            view.update(self._turn_view(game, round_, participant, words))
        return view

    def _turn_view(self, game: Game, round_: Any, participant: str,
                   words: _Words) -> dict[str, Any]:
        """The card on the table, large; whose turn it is; whether it is this person's."""
        state, deck = game.state, game.deck
        progress = rules.turn_progress(state, round_)
        taker = progress.taker
        name = ""
        if taker in state.participants:
            name = state.participants[taker].name
        elif taker in state.organisations:
            name = state.organisations[taker].name
        card = None
        if progress.turn is not None and progress.turn.card is not None:
            card = words.card(deck.card(progress.turn.card))
        yours = taker in (participant, state.participants[participant].org)
        language = words.language
        says = text(language, "phone.your_turn") if yours else (
            text(language, "phone.turn_of", name=name) if name else "")
        return {"turn": says, "card": card, "number": progress.number, "total": progress.total,
                "yours": yours}

    def _pick_view(self, game: Game, round_: Any, participant: str,
                   words: _Words) -> dict[str, Any]:
        """The round's cards, and what the participant's organisation has picked in it."""
        state, deck = game.state, game.deck
        org = state.participants[participant].org
        cards = []
        for card in rules.round_cards(deck, round_):
            cards.append({**words.card(card), "id": card.id,
                          "category": words.category(card.category),
                          "blank": card.kind.value == "blank"})
        picked = [{"id": pick.id, "card": pick.card, "side": pick.side,
                   "title": pick.text or words.card(deck.card(pick.card))["title"],
                   "reason": pick.reason}
                  for pick in state.picks.values() if pick.org == org and pick.round == round_.id]
        return {"side": str(round_.side.value if round_.side else ""), "most": round_.picks,
                "cards": cards, "picked": picked}

    def _vote_view(self, game: Game, round_: Any, participant: str,
                   words: _Words) -> dict[str, Any]:
        state, deck = game.state, game.deck
        language = words.language
        record = state.round_state(round_.id)
        values = rules.picked_values(state, deck)
        mine = record.votes.get(participant, {})
        budget = round_.dots or 0
        used = rules.dots_used(state, deck, round_.id, participant)
        people = state.active_participants()
        voted = [person for person in people if person.id in record.voted]
        visible = rules.votes_visible(state, round_)
        view: dict[str, Any] = {
            "dots": budget, "left": budget - used, "stack": round_.stack,
            "secret": round_.secret, "done": participant in record.voted,
            "voted": len(voted), "people": len(people), "visible": visible,
            "left_text": plural(language, "phone.dots_left", budget - used, left=budget - used),
            "voted_text": plural(language, "phone.voted", len(voted), voted=len(voted),
                                 people=len(people)),
            "values": [{"key": value.key, **words.value(value),
                        "mine": mine.get(value.key, 0)} for value in values],
        }
        if visible:  # everyone's dots, as the shared screen shows them
            view["tally"] = [{**words.value(value), "dots": dots}
                             for value, dots in rules.tally(state, deck, round_.id)]
        return view


class _Words:
    """The words a phone shows for the workshop's cards, categories and rounds: in the
    phone's language where the deck has a translation, each card with the workshop's own
    title beside it (`original`)."""

    def __init__(self, deck: Deck, translated: Deck | None, language: str) -> None:
        self.deck, self.translated, self.language = deck, translated, language
        self.beside = ""
        if translated is not None:
            self.beside = text(language, "phone.in_danish") if deck.language == "da" else \
                PHONE_LANGUAGES.get(deck.language, deck.language)

    def card(self, card: Card) -> dict[str, str]:
        shown = self.translated.card(card.id) if self.translated is not None else card
        found: dict[str, str] = {"title": shown.title, "text": shown.text}
        if shown is not card:
            found.update(original=card.title, beside=self.beside)
        return found

    def category(self, category_id: str | None) -> str:
        if not category_id:
            return ""
        deck = self.translated or self.deck
        return deck.category(category_id).name

    def round(self, round_id: str) -> Any:
        deck = self.translated or self.deck
        return next(round_ for round_ in deck.rounds if round_.id == round_id)

    def value(self, value: Any) -> dict[str, str]:
        """A value to vote on: a card's words translated, an organisation's own as written."""
        card_id = value.key.removeprefix("card:") if value.key.startswith("card:") else ""
        if self.translated is None or not card_id:
            return {"title": value.title}
        try:
            shown = self.translated.card(card_id).title
        except KeyError:
            return {"title": value.title}
        return {"title": shown, "original": value.title, "beside": self.beside}
