"""A sample workshop, step by step: five made-up partners play every round of a deck.

The steps are engine commands, chosen from the state as the game goes (no deck ids are
assumed), so the demo writes a real session log that can be resumed, exported and printed.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

from .deck.model import CardKind, Draw, Mode, Side
from .game import rules
from .session.game import Game

Step = Callable[[], Any]

PARTNERS = {
    "da": [
        ("Netto Solbakken", "virksomhed", ["Jannik"]),
        ("Plejehjemmet Egely", "institution", ["Birgitte", "Hamza"]),
        ("Solbakken IF", "forening", ["Ayşe"]),
        ("Helhedsplanen Solbakken", "helhedsplan", ["Mette"]),
        ("Kommunen, Job og Social", "kommune", ["Abdi"]),
    ],
    "en": [
        ("Netto Solbakken (supermarket)", "virksomhed", ["Jannik"]),
        ("Egely nursing home", "institution", ["Birgitte", "Hamza"]),
        ("Solbakken sports club", "forening", ["Ayşe"]),
        ("Solbakken social housing plan", "helhedsplan", ["Mette"]),
        ("Municipality, jobs and social", "kommune", ["Abdi"]),
    ],
}

WORDS = {
    "da": {
        "title": "Demo: værksted i Solbakken", "place": "Solbakken", "facilitator": "Lene",
        "notes": ["Vi kan mødes i klubhuset om tirsdagen.", "Beboerne kender os fra festen.",
                  "Det koster os to timer om ugen.", "Vi mangler nogen, der holder tråden."],
        # Reasons that fit any card (the demo knows no deck's cards).
        "give": ["Det kan vi gøre fra næste måned.", "Det gør vi i forvejen, og vi deler gerne.",
                 "Det er vores folk gode til.", ""],
        "get": ["Det mangler vi i dag.", "Det vil gøre vores arbejde lettere.",
                "Det er derfor, vi er med.", ""],
        "own": "Kaffe og kage til møderne",
        "agreed": "Vi mødes hver måned og deler lokaler og frivillige",
        "dissent": "Vi kan kun om formiddagen",
        "actions": [("Lav en kalender for lokalerne", "2026-12-15"),
                    ("Find to frivillige til gåture", "2027-01-31")],
        "follow_up": "2027-03-01",
    },
    "en": {
        "title": "Demo: workshop in Solbakken", "place": "Solbakken", "facilitator": "Lene",
        "notes": ["We can meet in the clubhouse on Tuesdays.", "Residents know us from the party.",
                  "It costs us two hours a week.", "We need someone to hold the thread."],
        "give": ["We can do that from next month.", "We do it already and gladly share it.",
                 "Our people are good at that.", ""],
        "get": ["We lack that today.", "It would make our work easier.",
                "That is why we are here.", ""],
        "own": "Coffee and cake for the meetings",
        "agreed": "We meet every month and share rooms and volunteers",
        "dissent": "We can only do mornings",
        "actions": [("Make a calendar for the rooms", "2026-12-15"),
                    ("Find two volunteers for walks", "2027-01-31")],
        "follow_up": "2027-03-01",
    },
}


def demo_steps(game: Game) -> Iterator[Step]:
    """The demo's commands, one by one; each is run (and saved) before the next is made."""
    language = "en" if game.deck.language == "en" else "da"
    words = WORDS[language]
    if not game.state.organisations:  # (a follow-up begins with its partners at the table)
        yield lambda: game.set_details(title=words["title"], place=words["place"],
                                       date=game.clock().date().isoformat(),
                                       facilitator=words["facilitator"])
        for name, kind, people in PARTNERS[language]:
            org = game.add_organisation(name, kind)
            for person in people:
                yield lambda person=person, org=org: game.add_participant(person, org)
    for round_ in game.deck.rounds:
        yield lambda round_id=round_.id: game.start_round(round_id)
        if round_.mode is Mode.TURNS:
            yield from _turns(game, round_, words)
        elif round_.mode is Mode.PICK:
            yield from _picks(game, round_, words)
        elif round_.mode is Mode.VOTE:
            yield from _votes(game, round_)
        elif round_.mode is Mode.AGREE:
            yield from _agreement(game, words)
        elif round_.mode is Mode.REVIEW:
            yield from _reviews(game, round_)
        else:
            for text in words["notes"][:2]:
                yield lambda text=text: game.note(text)
    yield game.end_session


def _reviews(game: Game, round_: Any) -> Iterator[Step]:
    """A follow-up's review: most things went well, one partly, one not (a sample)."""
    for number, item in enumerate(rules.review_items(game.state, round_.review)):
        statuses = rules.STATUSES[item.kind]
        status = statuses[0] if number % 3 == 0 else statuses[min(number % 3, len(statuses) - 1)]
        yield lambda key=item.key, status=status: game.review(key, status)


def _turns(game: Game, round_: Any, words: dict[str, Any]) -> Iterator[Step]:
    number = 0
    while rules.turn_progress(game.state, round_).taker is not None:
        cards = rules.own_cards(game.deck, round_) or rules.round_cards(game.deck, round_)
        if round_.draw is Draw.CHOOSE:
            yield lambda card=cards[number % len(cards)].id: game.choose(card)
        else:
            yield game.draw
        if number % 2 == 0:
            yield lambda text=words["notes"][number % 4]: game.note(text)
        yield lambda: game.end_turn("answered")
        number += 1


def _picks(game: Game, round_: Any, words: dict[str, Any]) -> Iterator[Step]:
    cards = rules.round_cards(game.deck, round_)
    values = [card for card in cards if card.kind is not CardKind.BLANK]
    blanks = [card for card in cards if card.kind is CardKind.BLANK]
    sides = [Side.GIVE, Side.GET] if round_.side is Side.BOTH else [round_.side]
    for index, org in enumerate(game.state.active_organisations()):
        for side in sides:
            for pick in range(min(round_.picks or 1, 2)):
                position = (index * 5 + pick * 3 + (7 if side is Side.GET else 0)) % len(values)
                card = values[position]
                reason = words[str(side)][(index + pick) % 4]
                if index == 2 and pick == 1 and blanks:
                    yield lambda org=org.id, side=side, card=blanks[0].id: game.pick(
                        org, card, str(side), reason="", text=words["own"])
                else:
                    yield lambda org=org.id, side=side, card=card.id, reason=reason: game.pick(
                        org, card, str(side), reason=reason)


def _votes(game: Game, round_: Any) -> Iterator[Step]:
    values = [value.key for value in rules.picked_values(game.state, game.deck)]
    if not values:
        return
    for index, person in enumerate(game.state.active_participants()):
        if round_.stack:
            chosen = [values[(index + dot * 2) % min(len(values), 4)]
                      for dot in range(round_.dots or 1)]
        else:  # one dot per value: as many different values as there are dots
            chosen = [values[(index + dot) % len(values)]
                      for dot in range(min(round_.dots or 1, len(values)))]
        for key in dict.fromkeys(chosen):
            yield lambda p=person.id, key=key, n=chosen.count(key): game.vote(p, key, n)
        yield lambda p=person.id: game.finish_vote(p)


def _agreement(game: Game, words: dict[str, Any]) -> Iterator[Step]:
    vote_rounds = [r for r in game.deck.rounds if r.mode is Mode.VOTE and r.id in game.state.rounds]
    tally = rules.tally(game.state, game.deck, vote_rounds[-1].id) if vote_rounds else []
    top = [value.key for value, dots in tally[:2] if dots]
    orgs = [org.id for org in game.state.active_organisations()]
    holder: list[str] = []
    yield lambda: holder.append(game.agree(words["agreed"], top, orgs[:4]))
    yield lambda: game.dissent(holder[0], orgs[-1], words["dissent"])
    for (what, due), org in zip(words["actions"], orgs):
        person = next(p.name for p in game.state.active_participants() if p.org == org)
        yield lambda what=what, org=org, person=person, due=due: game.add_action(
            what, org, person, due)
    yield lambda: game.set_follow_up(words["follow_up"])
