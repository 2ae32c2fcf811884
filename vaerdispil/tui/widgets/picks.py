"""A pick round: each organisation picks the values it gives or gets, with the keyboard or
the mouse, filtered by category; blank cards take the organisation's own words."""

from __future__ import annotations

from functools import cached_property
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
from ...i18n import plural
from ..dialogs.form import Field, FormDialog
from ..lists import CursorList
from .panel import RoundPanel

ALL = "*"
PICKED = "✓"
"""Before a card the organisation has picked (with the words give or get after it)."""


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
                yield CursorList(id="orgs")
            with Vertical(id="pick-cards"):
                categories = [(c.name, c.id) for c in self.game.deck.categories]
                yield Select([(self.t("round.all_categories"), ALL), *categories], value=ALL,
                             allow_blank=False, id="category-filter")
                yield CursorList(id="cards")
        yield Static(id="pick-status")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.query_one("#cards", OptionList).focus()

    def __init__(self, round_id: str, **kwargs: Any) -> None:
        super().__init__(round_id, **kwargs)
        self._shown_ids: list[str] = []
        """The cards on the list now, in order."""
        self._shown_marks: dict[str, tuple[tuple[str, str], ...]] = {}
        """How each card on the list is marked now (picked by the organisation, which way)."""

    @cached_property
    def _chip_width(self) -> int:
        """The longest category name: every card's category chip is this wide."""
        return max((len(category.name) for category in self.game.deck.categories), default=0)

    def _label(self, card: Card, mark: tuple[tuple[str, str], ...]) -> Text:
        """A card's line: a tick if picked, its category named on its colour, its title
        (a picked blank card: the organisation's own words), and given or got."""
        label = Text()
        label.append(f"{PICKED} " if mark else "  ", style="bold")
        width = self._chip_width
        if card.category:  # chips of one width, so the titles line up
            category = self.game.deck.category(card.category)
            label.append(f" {category.name:<{width}} ", style=f"#000000 on {category.colour}")
            label.append(" ")
        elif width:  # no category: say what it is instead, uncoloured
            what = self.t("value.own" if card.kind is CardKind.BLANK else f"kind.{card.kind}")
            label.append(f" {what[:width]:<{width}}  ", style="italic")
        sides = [(own, self.t("round.gives" if side == Side.GIVE else "round.gets"))
                 for side, own in mark]
        if card.kind is CardKind.BLANK and sides:
            for number, (own, word) in enumerate(sides):
                label.append(" · " if number else "")
                label.append(own or card.title, style="bold")
                label.append(f"  ({word})", style="italic")
            return label
        label.append(card.title, style="bold")
        for _, word in sides:
            label.append(f"  ({word})", style="italic")
        return label

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
        """Show the cards, marking this organisation's picks. Only changed lines are redrawn:
        a deck may have a thousand cards, and switching organisation must stay quick."""
        cards_list = self.query_one("#cards", OptionList)
        mine = self._mine()
        cards = self._cards()
        ids = [card.id for card in cards]
        marks = {card_id: tuple((p.side, p.text) for p in picks) for card_id, picks in mine.items()}
        if ids != self._shown_ids:
            keep = cards_list.highlighted or 0
            cards_list.clear_options()
            cards_list.add_options(Option(self._label(card, marks.get(card.id, ())), id=card.id)
                                   for card in cards)
            if cards_list.option_count:
                cards_list.highlighted = min(keep, cards_list.option_count - 1)
        else:
            for index, card in enumerate(cards):
                mark = marks.get(card.id, ())
                if self._shown_marks.get(card.id, ()) != mark:
                    cards_list.replace_option_prompt_at_index(index, self._label(card, mark))
        self._shown_ids, self._shown_marks = ids, marks
        org = self.game.state.organisations.get(self.org_id or "")
        status = ""
        if org is not None:
            count = sum(len(v) for v in mine.values())
            status = plural(self.vapp.language, "round.picks_left", self.round.picks or 0,
                            org=org.name, count=count, most=self.round.picks)
        self.query_one("#pick-status", Static).update(Text(status))

    @on(OptionList.OptionHighlighted, "#orgs")
    @on(Select.Changed, "#category-filter")
    def _view_changed(self) -> None:  # a new organisation or category filter
        self._fill_cards()

    def action_next_org(self) -> None:
        orgs_list = self.query_one("#orgs", OptionList)
        if orgs_list.option_count:
            orgs_list.highlighted = ((orgs_list.highlighted or 0) + 1) % orgs_list.option_count

    @on(OptionList.OptionSelected, "#cards")
    def _pick(self, event: OptionList.OptionSelected) -> None:
        """Pick the card (enter or a click): ask for the reason, and the words on a blank.
        A card this organisation has picked already: change the reason it gave (or, where
        a round asks for both sides, pick it for the other side)."""
        game, org = self.game, self.org_id
        if org is None or event.option.id is None:
            return
        card = game.deck.card(event.option.id)
        earlier = [] if card.kind is CardKind.BLANK else self._mine().get(card.id, [])
        latest = earlier[-1] if earlier else None
        fields = []
        if card.kind is CardKind.BLANK:
            fields.append(Field("text", self.t("dialog.own_value")))
        if self.round.side is Side.BOTH:
            fields.append(Field("side", "", "choice", latest.side if latest else "give", [
                (self.t("side.give"), "give"), (self.t("side.get"), "get")]))
        fields.append(Field("reason", self.t("dialog.reason"),
                            value=latest.reason if latest else ""))

        def picked(values: dict[str, Any] | None) -> None:
            if values is None:
                return
            side = values.get("side") or (latest.side if latest else None)
            reason = values.get("reason", "")
            same = next((p for p in earlier if p.side == side), None) if earlier else None
            if same is not None:
                if reason != same.reason:
                    self.run(lambda: game.edit(same.id, "reason", reason))
                return
            self.run(lambda: game.pick(org, card.id, values.get("side"), reason,
                                       values.get("text", "")))

        title = card.title if latest is None else self.t("dialog.reason_edit", title=card.title)
        self.app.push_screen(FormDialog(title, fields, self.vapp.language), picked)

    def action_unpick(self) -> None:
        """Take back the current organisation's pick of the highlighted card."""
        option = self.query_one("#cards", OptionList).highlighted_option
        picks = self._mine().get(option.id or "", []) if option else []
        if picks:
            self.run(lambda: self.game.remove(picks[-1].id))
