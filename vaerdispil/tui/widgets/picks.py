"""A pick round: each organisation picks the values it gives or gets, with the keyboard or
the mouse, filtered by category; blank cards take the organisation's own words."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.widgets import OptionList, Select, Static
from textual.widgets.option_list import Option

from ...deck.model import Card, CardKind, Side
from ...game import rules
from ..dialogs.form import Field, FormDialog
from .panel import RoundPanel

ALL = "*"


class PickPanel(RoundPanel):
    """Organisations on the left, the round's cards on the right; enter or a click picks."""

    BINDINGS = [
        Binding("x", "unpick", "Remove", id="unpick"),
        Binding("o", "next_org", "Next org.", id="next_org"),
    ]

    def compose(self) -> ComposeResult:
        with Horizontal(id="pick-body"):
            with Vertical(id="pick-orgs"):
                yield Static(self.t("round.pick_for"), classes="section-title")
                yield OptionList(id="orgs")
            with Vertical(id="pick-cards"):
                categories = [(c.name, c.id) for c in self.game.deck.categories]
                yield Select([(self.t("round.all_categories"), ALL), *categories], value=ALL,
                             allow_blank=False, id="category-filter")
                yield OptionList(id="cards")
        yield Static(id="pick-status")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.query_one("#cards", OptionList).focus()

    @property
    def org_id(self) -> str | None:
        """The organisation picking now."""
        option = self.query_one("#orgs", OptionList).highlighted_option
        return option.id if option else None

    def _cards(self) -> list[Card]:
        chosen = self.query_one("#category-filter", Select).value
        cards = rules.round_cards(self.game.deck, self.round)
        if chosen == ALL:
            return list(cards)
        return [c for c in cards if c.category == chosen or c.kind is CardKind.BLANK]

    def _mine(self) -> dict[str, list[Any]]:
        """This round's picks of the current organisation, by card id."""
        mine: dict[str, list[Any]] = {}
        for pick in self.game.state.picks.values():
            if pick.round == self.round_id and pick.org == self.org_id:
                mine.setdefault(pick.card, []).append(pick)
        return mine

    def refresh_game(self) -> None:
        state = self.game.state
        orgs_list = self.query_one("#orgs", OptionList)
        keep = orgs_list.highlighted or 0
        orgs_list.clear_options()
        most = self.round.picks or 0
        for org in state.active_organisations():
            count = sum(1 for p in state.picks.values()
                        if p.round == self.round_id and p.org == org.id)
            orgs_list.add_option(Option(Text.assemble(
                (f"{count}/{most} ", "dim"), (org.name, "bold")), id=org.id))
        if orgs_list.option_count:
            orgs_list.highlighted = min(keep, orgs_list.option_count - 1)
        self._fill_cards()

    def _fill_cards(self) -> None:
        cards_list = self.query_one("#cards", OptionList)
        keep = cards_list.highlighted or 0
        cards_list.clear_options()
        mine = self._mine()
        deck = self.game.deck
        for card in self._cards():
            label = Text()
            picks = mine.get(card.id, [])
            label.append("✓ " if picks else "  ", style="bold")
            if card.category:
                category = deck.category(card.category)
                label.append(f" {category.name} ", style=f"#000000 on {category.colour}")
                label.append(" ")
            label.append(card.title, style="bold")
            for pick in picks:
                side = self.t("round.gives" if pick.side == Side.GIVE else "round.gets")
                label.append(f"  ({side}{': ' + pick.text if pick.text else ''})", style="italic")
            cards_list.add_option(Option(label, id=card.id))
        if cards_list.option_count:
            cards_list.highlighted = min(keep, cards_list.option_count - 1)
        org = self.game.state.organisations.get(self.org_id or "")
        status = ""
        if org is not None:
            count = sum(len(v) for v in mine.values())
            status = self.t("round.picks_left", org=org.name, count=count, most=self.round.picks)
        self.query_one("#pick-status", Static).update(Text(status))

    @on(OptionList.OptionHighlighted, "#orgs")
    @on(Select.Changed, "#category-filter")
    def _view_changed(self) -> None:
        self._fill_cards()

    def action_next_org(self) -> None:
        orgs_list = self.query_one("#orgs", OptionList)
        if orgs_list.option_count:
            orgs_list.highlighted = ((orgs_list.highlighted or 0) + 1) % orgs_list.option_count

    @on(OptionList.OptionSelected, "#cards")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        """Pick the card (enter or a click): ask for the reason, and the words on a blank."""
        game, org = self.game, self.org_id
        if org is None or event.option.id is None:
            return
        card = game.deck.card(event.option.id)
        fields = []
        if card.kind is CardKind.BLANK:
            fields.append(Field("text", self.t("dialog.own_value")))
        if self.round.side is Side.BOTH:
            fields.append(Field("side", "", "choice", "give", [
                (self.t("side.give"), "give"), (self.t("side.get"), "get")]))
        fields.append(Field("reason", self.t("dialog.reason")))

        def picked(values: dict[str, Any] | None) -> None:
            if values is not None:
                self.run(lambda: game.pick(org, card.id, values.get("side"),
                                           values.get("reason", ""), values.get("text", "")))

        self.app.push_screen(FormDialog(card.title, fields, self.vapp.language), picked)

    def action_unpick(self) -> None:
        """Take back the current organisation's pick of the highlighted card."""
        option = self.query_one("#cards", OptionList).highlighted_option
        picks = self._mine().get(option.id or "", []) if option else []
        if picks:
            self.run(lambda: self.game.remove(picks[-1].id))
