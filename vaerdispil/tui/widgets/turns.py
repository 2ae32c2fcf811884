"""A turns round: whose turn it is, the card on the table, the timer, the notes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center
from textual.widgets import Static

from ...deck.model import Draw
from ...game import rules
from ...i18n import possessive
from ..dialogs.form import Field, FormDialog
from .card import CardView
from .panel import RoundPanel
from .timer import TimerView


class TurnsPanel(RoundPanel):
    """In turn, each draws or chooses a card and answers it."""

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

    def action_draw(self) -> None:
        """Draw a random card (or, in a choose round, choose one)."""
        if self.round.draw is Draw.CHOOSE:
            self.action_choose()
        else:
            self.run(self.game.draw)

    def action_choose(self) -> None:
        """Choose the card from the round's cards."""
        game = self.game
        options = [(card.title, card.id) for card in rules.round_cards(game.deck, self.round)]

        def chosen(values: dict[str, object] | None) -> None:
            if values and values.get("card"):
                self.run(lambda: game.choose(str(values["card"])))

        self.app.push_screen(FormDialog(self.t("dialog.choose_card"), [
            Field("card", "", "list", options=options)], self.vapp.language), chosen)

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
