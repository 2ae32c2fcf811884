"""A round on the shared screen: its title and prompt, the panel that plays its mode, who has
given and got what so far, and the facilitator's guide (hidden until asked for)."""

from __future__ import annotations

from rich.console import Group, RenderableType
from rich.padding import Padding
from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.widgets import Button, Static

from ...deck.model import Mode
from ...game import rules
from ..render import round_rules
from ..widgets.agreement import AgreePanel
from ..widgets.footer import KeyFooter
from ..widgets.header import AppHeader
from ..widgets.notes import NotesPanel
from ..widgets.panel import RoundPanel
from ..widgets.picks import PickPanel
from ..widgets.review import ReviewPanel
from ..widgets.turns import TurnsPanel
from ..widgets.votes import VotePanel
from .base import AppScreen

PANELS: dict[Mode, type[RoundPanel]] = {
    Mode.TURNS: TurnsPanel,
    Mode.PICK: PickPanel,
    Mode.VOTE: VotePanel,
    Mode.AGREE: AgreePanel,
    Mode.OPEN: NotesPanel,
    Mode.REVIEW: ReviewPanel,
}


class RoundScreen(AppScreen):
    """Plays whichever round the game is at."""

    CSS_PATH = "round.tcss"

    BINDINGS = [
        Binding("f6", "next_round", "Next round", id="next_round"),
        Binding("f5", "previous_round", "Previous round", id="previous_round"),
        Binding("f2", "toggle_guide", "Facilitator", id="guide"),
        Binding("f9", "summary", "Summary", id="summary"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.shown_round: str | None = None
        self._panel: RoundPanel | None = None

    def compose(self) -> ComposeResult:
        yield AppHeader()
        with Horizontal(id="round-head"):
            yield Static(id="round-title")
            yield Static(id="round-progress")
        yield Static(id="round-prompt")
        with Horizontal(id="round-body"):
            yield Vertical(id="panel-slot")
            with VerticalScroll(id="board"):
                yield Static(self.t("round.so_far"), classes="section-title")
                yield Static(id="board-text")
        with VerticalScroll(id="guide-panel"):
            yield Static(self.t("round.facilitator"), classes="section-title")
            with Horizontal(id="guide-controls", classes="controls"):
                yield Button(self.t("key.previous_round"), id="ctl-previous")
                yield Button(self.t("key.next_round"), id="ctl-next")
                yield Button(self.t("cmd.add_person"), id="ctl-person")
                yield Button(self.t("cmd.remove_person"), id="ctl-leaves")
                yield Button(self.t("key.phones"), id="ctl-phones")
                yield Button(self.t("key.summary"), id="ctl-summary")
                yield Button(self.t("cmd.finish"), id="ctl-finish")
                yield Button(self.t("start.print"), id="ctl-print")
            yield Static(id="guide-text")
        yield KeyFooter()

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#guide-panel").display = False
        self.refresh_game()

    @property
    def panel(self) -> RoundPanel | None:
        """The panel playing the round on the table."""
        return self._panel

    def refresh_game(self) -> None:
        game = self.vapp.game
        if game is None or game.state.round_index is None:
            return
        round_ = game.deck.rounds[game.state.round_index]
        if round_.id != self.shown_round:
            self.shown_round = round_.id
            slot = self.query_one("#panel-slot", Vertical)
            slot.remove_children()
            self._panel = PANELS[round_.mode](round_.id, classes="round-panel")
            slot.mount(self._panel)
            self.query_one("#round-title", Static).update(Text(round_.title))
            self.query_one("#round-progress", Static).update(self.t(
                "round.progress", number=game.state.round_index + 1, total=len(game.deck.rounds)))
            self.query_one("#round-prompt", Static).update(Text(round_.prompt))
            guide = Text(round_rules(self.vapp.language, round_) + "\n\n", style="dim")
            guide.append(round_.guide)
            self.query_one("#guide-text", Static).update(guide)
            self.sub_title = game.state.details.title
        else:
            panel = self.panel
            if panel is not None and panel.is_mounted:  # a new panel draws on mount
                panel.refresh_game()
        self._show_board()

    def _show_board(self) -> None:
        """Who gives and who gets what, per organisation, and the votes when they show.
        Wrapped lines keep their indent, so each organisation reads as one block."""
        game = self.game
        state, deck = game.state, game.deck
        values = rules.picked_values(state, deck)
        parts: list[RenderableType] = []
        for org in state.active_organisations():
            parts.append(Text(org.name, style="bold"))
            for word, titles in (
                    (self.t("round.gives"), [v.title for v in values if org.id in v.givers]),
                    (self.t("round.gets"), [v.title for v in values if org.id in v.getters])):
                if titles:
                    parts.append(Padding(Text(f"{word}: {', '.join(titles)}"), (0, 0, 0, 2)))
        for round_ in deck.rounds:
            if round_.mode is Mode.VOTE and round_.id in state.rounds and \
                    rules.votes_visible(state, round_):
                parts.append(Text("\n" + round_.title, style="bold"))
                for value, dots in rules.tally(state, deck, round_.id):
                    if dots:
                        parts.append(Padding(Text(f"{dots:>2} {value.title}"), (0, 0, 0, 1)))
        self.query_one("#board-text", Static).update(Group(*parts))

    def action_next_round(self) -> None:
        game = self.game
        if game.state.round_index is not None and \
                game.state.round_index + 1 >= len(game.deck.rounds):
            self.vapp.finish_dialog()  # the last step: finish (asks once), then the summary
            return
        self.vapp.run_command(game.next_round)

    def action_previous_round(self) -> None:
        game = self.game
        index = game.state.round_index or 0
        if index > 0:
            self.vapp.run_command(lambda: game.start_round(game.deck.rounds[index - 1].id))

    @on(Button.Pressed, "#guide-controls Button")
    def _control(self, event: Button.Pressed) -> None:
        """The facilitator's controls, for the mouse (each has its key too)."""
        actions = {
            "ctl-previous": self.action_previous_round,
            "ctl-next": self.action_next_round,
            "ctl-person": self.vapp.add_participant_dialog,
            "ctl-leaves": self.vapp.remove_participant_dialog,
            "ctl-phones": lambda: self.app.call_later(self.app.run_action, "phones"),
            "ctl-summary": self.vapp.show_summary,
            "ctl-finish": self.vapp.finish_dialog,
            "ctl-print": self.vapp.print_dialog,
        }
        actions[event.button.id or ""]()

    def action_toggle_guide(self) -> None:
        guide = self.query_one("#guide-panel")
        guide.display = not guide.display

    def action_summary(self) -> None:
        self.vapp.show_summary()
