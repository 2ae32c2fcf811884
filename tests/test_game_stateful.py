"""Random workshops: the log on disk always replays to the live state, refused commands change
nothing, and undo always restores the state before the action it undoes."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from tests.conftest import CARDS, FakeClock
from vaerdispil.deck.loader import load_deck
from vaerdispil.game import rules
from vaerdispil.game.rules import RuleError
from vaerdispil.session.game import Game, fold, undo_stacks
from vaerdispil.session.log import read

DECK = load_deck(CARDS / "vaerdispil.da.yaml")
CARD_IDS = [card.id for card in DECK.cards]
ROUND_IDS = [round_.id for round_ in DECK.rounds]
TEXTS = st.sampled_from(["Frugt", "Lokaler om tirsdagen", "  ", "<b>&amp;</b>", "Ærø", "x" * 30])


class Workshop(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.folder = Path(tempfile.mkdtemp())
        self.path = self.folder / "w.jsonl"
        self.clock = FakeClock()
        self.game = Game.new(self.path, DECK, seed=5, clock=self.clock, title="Fuzz")
        self.before: list[str] = []  # the state before each action that is done
        self.after_undone: list[str] = []  # the state after each action that was undone

    def teardown(self) -> None:
        self.game.close()
        shutil.rmtree(self.folder, ignore_errors=True)

    def attempt(self, command: str, *args: Any) -> None:
        """Run a command; a refused one must leave the state exactly as it was."""
        before = repr(self.game.state)
        count = len(self.game.events)
        try:
            getattr(self.game, command)(*args)
        except RuleError:
            assert repr(self.game.state) == before
            assert len(self.game.events) == count
            return
        self.before.append(before)
        self.after_undone.clear()

    def pick_of(self, data: st.DataObject, ids: list[str]) -> str:
        return data.draw(st.sampled_from(ids)) if ids else "nobody"

    @rule(name=TEXTS, kind=st.sampled_from(["forening", "kommune", "klub"]))
    def add_org(self, name: str, kind: str) -> None:
        self.attempt("add_organisation", name, kind)

    @rule(data=st.data(), name=TEXTS)
    def add_participant(self, data: st.DataObject, name: str) -> None:
        self.attempt("add_participant", name, self.pick_of(data, list(self.game.state.organisations)))

    @rule(data=st.data())
    def remove_participant(self, data: st.DataObject) -> None:
        self.attempt("remove_participant", self.pick_of(data, list(self.game.state.participants)))

    @rule(data=st.data())
    def remove_org(self, data: st.DataObject) -> None:
        self.attempt("remove_organisation", self.pick_of(data, list(self.game.state.organisations)))

    @rule(round_id=st.sampled_from(ROUND_IDS))
    def start_round(self, round_id: str) -> None:
        self.attempt("start_round", round_id)

    @rule()
    def draw(self) -> None:
        self.attempt("draw")

    @rule(card=st.sampled_from(CARD_IDS))
    def choose(self, card: str) -> None:
        self.attempt("choose", card)

    @rule(outcome=st.sampled_from(["answered", "passed", "skipped", "slept"]))
    def end_turn(self, outcome: str) -> None:
        self.attempt("end_turn", outcome)

    @rule(which=st.sampled_from(["pause_timer", "resume_timer", "extend_timer"]),
          seconds=st.integers(0, 200))
    def timer(self, which: str, seconds: int) -> None:
        self.clock.advance(seconds)
        self.attempt(which)

    @rule(text=TEXTS)
    def note(self, text: str) -> None:
        self.attempt("note", text)

    @rule(data=st.data(), card=st.sampled_from(CARD_IDS), side=st.sampled_from([None, "give", "get"]),
          text=TEXTS)
    def pick(self, data: st.DataObject, card: str, side: str | None, text: str) -> None:
        org = self.pick_of(data, list(self.game.state.organisations))
        self.attempt("pick", org, card, side, "fordi", text)

    @rule(data=st.data(), dots=st.integers(-1, 4))
    def vote(self, data: st.DataObject, dots: int) -> None:
        values = [value.key for value in rules.picked_values(self.game.state, DECK)]
        person = self.pick_of(data, list(self.game.state.participants))
        self.attempt("vote", person, self.pick_of(data, values), dots)

    @rule(data=st.data())
    def finish_vote(self, data: st.DataObject) -> None:
        self.attempt("finish_vote", self.pick_of(data, list(self.game.state.participants)))

    @rule()
    def reveal(self) -> None:
        self.attempt("reveal_votes")

    @rule(data=st.data(), text=TEXTS)
    def agree(self, data: st.DataObject, text: str) -> None:
        values = [value.key for value in rules.picked_values(self.game.state, DECK)]
        chosen = data.draw(st.lists(st.sampled_from(values), max_size=2)) if values else []
        orgs = data.draw(st.lists(st.sampled_from(list(self.game.state.organisations)),
                                  max_size=2)) if self.game.state.organisations else []
        self.attempt("agree", text, chosen, orgs)

    @rule(data=st.data(), what=TEXTS, due=st.sampled_from(["", "2027-01-31", "31/1"]))
    def action(self, data: st.DataObject, what: str, due: str) -> None:
        org = self.pick_of(data, list(self.game.state.organisations))
        self.attempt("add_action", what, org, "Ida", due)

    def item_ids(self) -> list[str]:
        state = self.game.state
        return [*state.notes, *state.picks, *state.agreed, *state.actions]

    @rule(data=st.data(), text=TEXTS)
    def edit(self, data: st.DataObject, text: str) -> None:
        field = data.draw(st.sampled_from(["text", "reason", "what"]))
        self.attempt("edit", self.pick_of(data, self.item_ids()), field, text)

    @rule(data=st.data())
    def remove(self, data: st.DataObject) -> None:
        self.attempt("remove", self.pick_of(data, self.item_ids()))

    @rule()
    def undo(self) -> None:
        after = repr(self.game.state)
        if not self.game.can_undo:
            return
        self.game.undo()
        assert repr(self.game.state) == self.before.pop(), "undo restores the state before"
        self.after_undone.append(after)

    @rule()
    def redo(self) -> None:
        if not self.game.can_redo:
            assert not self.after_undone
            return
        before = repr(self.game.state)
        self.game.redo()
        assert repr(self.game.state) == self.after_undone.pop(), "redo restores the state after"
        self.before.append(before)

    @invariant()
    def the_log_replays_to_the_live_state(self) -> None:
        recording = read(self.path)
        assert recording.warnings == []
        done, _ = undo_stacks(recording.events)
        replayed = fold(recording.header.deck, recording.header, recording.events, done)
        assert replayed == self.game.state


Workshop.TestCase.settings = settings(
    max_examples=int(os.environ.get("STATEFUL_EXAMPLES", "25")), stateful_step_count=30,
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
TestWorkshop = Workshop.TestCase
