"""A turns round: whose turn it is, the order of the turns, the card on the table, the
timer, the notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.widgets import Static

from ...game import rules
from ...i18n import possessive
from ..dialogs.chooser import CardChooser
from ..dialogs.form import Field, FormDialog
from ..lists import CURSOR
from .card import CardView
from .panel import RoundPanel
from .timer import TimerView

DONE = "✓"
"""Before a turn that was answered (the vote marks a finished voter the same way)."""


class TurnsPanel(RoundPanel):
    """In turn, each draws a card of the round (space) or chooses one (c) and answers it."""

    can_focus = True
    BINDINGS = [
        Binding("space", "draw", "Draw card", id="draw"),
        Binding("c", "choose", "Choose card", id="choose"),
        Binding("enter", "end_turn('answered')", "Next turn", id="answered"),
        Binding("p", "end_turn('passed')", "Pass", id="pass"),
        Binding("s", "end_turn('skipped')", "Skip", id="skip"),
        Binding("n", "note", "Note", id="note"),
        Binding("t", "toggle_timer", "Pause", id="timer"),
        Binding("plus", "extend", "+1 min.", id="extend"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="whose")
        yield Static(id="turn-count", classes="muted")
        yield Static(id="turn-order")
        yield CardView(self.game.deck, self.vapp.language, id="table-card")
        with Center():
            yield TimerView(self.vapp.language, id="timer")
        yield Static(id="turn-notes")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.set_interval(1, self.tick)
        self.focus()

    def tick(self) -> None:
        """Once a second: move the countdown (the engine holds the times)."""
        progress = rules.turn_progress(self.game.state, self.round)
        timer = progress.turn.timer if progress.turn else None
        self.query_one(TimerView).show(timer, self.game.now())

    def refresh_game(self) -> None:
        state = self.game.state
        progress = rules.turn_progress(state, self.round)
        whose = self.query_one("#whose", Static)
        card_view = self.query_one(CardView)
        self.query_one("#turn-order", Static).update(self._order(progress.taker))
        if progress.taker is None:
            whose.update(Text(self.t("round.done"), style="bold"))
            self.query_one("#turn-count", Static).update("")
            card_view.display = False
            self.query_one(TimerView).display = False
            self.query_one("#turn-notes", Static).update("")
            return
        name, org = self.name_of(progress.taker)
        banner = Text(self.t("round.whose_turn", owner=possessive(name, self.vapp.language)),
               style="bold")
        if org:
            banner.append("\n" + self.t("round.from_org", org=org), style="")
        whose.update(banner)
        self.query_one("#turn-count", Static).update(
            self.t("round.turn_progress", number=progress.number, total=progress.total))
        card_view.display = True
        turn = progress.turn
        if turn is not None and turn.card is not None:
            card_view.show(self.game.deck.card(turn.card))
        else:
            card_view.show(None, self.t("round.no_card"))
        notes = [note.text for note in state.notes.values()
                 if note.round == self.round_id and note.taker == progress.taker]
        self.query_one("#turn-notes", Static).update(Text("\n".join(f"• {n}" for n in notes)))
        self.tick()

    def _order(self, current: str | None) -> Text:
        """Everyone's turn in order, each state in characters as well as style: ✓ answered,
        words for passed, skipped and gone, ▶ (bold, reversed) for the turn on now."""
        state = self.game.state
        turns = state.round_state(self.round_id).turns
        waiting = [t for t in rules.takers(state, self.round)
                   if t not in turns or turns[t].outcome is None]
        order = Text(self.t("round.order") + ": ", style="bold")
        entries: list[Text] = []
        for taker, turn in turns.items():
            if turn.outcome is None:
                continue
            name = self.name_of(taker)[0]
            if turn.outcome == "answered":
                entry = Text(f"{DONE} {name}")
            else:
                word = self.t("round.turn_passed" if turn.outcome == "passed"
                              else "round.turn_skipped")
                entry = Text(f"{name} ({word})", style="italic")
            if not self._present(taker):
                entry.append(f" ({self.t('round.turn_left')})", style="italic")
            entries.append(entry)
        for taker in waiting:
            name = self.name_of(taker)[0]
            entries.append(Text(f"{CURSOR} {name}", style="bold reverse") if taker == current
                           else Text(name))
        return order + Text(" · ").join(entries) if entries else Text()

    def _present(self, taker: str) -> bool:
        """Whether a participant (or organisation) is still at the table."""
        state = self.game.state
        found = state.participants.get(taker) or state.organisations.get(taker)
        return found is not None and found.active

    def action_draw(self) -> None:
        """Draw a card at random from the round's own cards (the rules say so in words
        when there are none)."""
        self.run(self.game.draw)

    def action_choose(self) -> None:
        """Choose the card: the round's own first, then others the rules allow, marked."""
        game, round_ = self.game, self.round
        own = rules.own_cards(game.deck, round_)
        mine = {card.id for card in own}
        homes: dict[str, str] = {}
        for number, other in enumerate(game.deck.rounds, 1):
            if other.id == round_.id:
                continue
            for card in rules.own_cards(game.deck, other):
                homes.setdefault(card.id, self.t("round.card_from", number=number,
                                                 title=other.title))
        others = [(card.title, card.id, homes.get(card.id, ""))
                  for card in rules.round_cards(game.deck, round_) if card.id not in mine]

        def chosen(card_id: str | None) -> None:
            if card_id:
                self.run(lambda: game.choose(card_id))

        self.app.push_screen(CardChooser(self.t("dialog.choose_card"),
                                         [(card.title, card.id) for card in own], others,
                                         self.vapp.language), chosen)

    def action_end_turn(self, outcome: str) -> None:
        self.run(lambda: self.game.end_turn(outcome))

    def action_note(self) -> None:
        game = self.game

        def written(values: dict[str, object] | None) -> None:
            if values and str(values.get("text", "")).strip():
                self.run(lambda: game.note(str(values["text"])))

        self.app.push_screen(FormDialog(self.t("dialog.note"), [Field("text", "")],
                                        self.vapp.language), written)

    def action_toggle_timer(self) -> None:
        progress = rules.turn_progress(self.game.state, self.round)
        timer = progress.turn.timer if progress.turn else None
        if timer is not None and timer.paused_at is not None:
            self.run(self.game.resume_timer)
        else:
            self.run(self.game.pause_timer)

    def action_extend(self) -> None:
        self.run(self.game.extend_timer)
