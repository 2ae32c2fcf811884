"""A vote round: each participant spreads dots over the values picked so far; in a secret
vote they vote in turn, and the screen hides the dots until everyone has voted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...game import rules
from ...i18n import plural, possessive
from ..lists import CursorList
from .panel import RoundPanel

DOT, EMPTY = "●", "○"
LEADER = "◀"
"""After the values with the most dots, with the words "most dots"."""


class VotePanel(RoundPanel):
    """Voters (open vote) on the left, values with dots on the right."""

    BINDINGS = [
        Binding("plus,equals_sign", "dots(1)", "+ dot", id="more"),
        Binding("minus", "dots(-1)", "- dot", id="less"),
        Binding("d", "done", "Done", id="voted"),
        Binding("r", "reveal", "Show votes", id="reveal"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="voter")
        yield Static(id="dots-left")
        with Horizontal(id="vote-body"):
            yield CursorList(id="voters")
            yield CursorList(id="values")
        yield Static(id="vote-status", classes="muted")

    _last_voter: str | None = None

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#voters").display = not self.round.secret
        self.refresh_game()
        self.query_one("#values", OptionList).focus()

    @property
    def on_phones(self) -> bool:
        """Whether participants vote on their own phones now (a secret vote, phones on):
        then nobody votes at the shared screen, and it shows only how many have voted."""
        return self.round.secret and getattr(self.vapp, "room", None) is not None

    @property
    def voter(self) -> str | None:
        """Who is voting now: in turn (secret), or the one chosen on the left (open);
        nobody while everyone votes on their phones."""
        if self.on_phones:
            return None
        if self.round.secret:
            return rules.current_voter(self.game.state, self.round)
        option = self.query_one("#voters", OptionList).highlighted_option
        return option.id if option else None

    def refresh_game(self) -> None:
        game, state, round_ = self.game, self.game.state, self.round
        record = state.round_state(self.round_id)
        dots = round_.dots or 0
        voters = self.query_one("#voters", OptionList)
        keep = voters.highlighted or 0
        voters.clear_options()
        for person in state.active_participants():
            used = rules.dots_used(state, game.deck, self.round_id, person.id)
            done = " ✓" if person.id in record.voted else ""
            voters.add_option(Option(f"{person.name}  {DOT * used}{EMPTY * (dots - used)}{done}",
                                     id=person.id))
        if voters.option_count:
            voters.highlighted = min(keep, voters.option_count - 1)
        voter = self.voter
        visible = rules.votes_visible(state, round_)
        values = rules.picked_values(state, game.deck)
        name, org = self.name_of(voter)
        if not values:
            self.query_one("#voter", Static).update(Text(self.t("round.no_values"), style="bold"))
        elif self.on_phones and not visible:
            voted = sum(1 for person in state.active_participants()
                        if person.id in record.voted)
            self.query_one("#voter", Static).update(Text(plural(
                self.vapp.language, "round.phones_voted", voted, voted=voted,
                people=len(state.active_participants())), style="bold"))
        elif voter is None:
            self.query_one("#voter", Static).update(Text(self.t("round.all_voted"), style="bold"))
        else:
            banner = Text(self.t("round.voter", owner=possessive(name, self.vapp.language)),
                style="bold")
            if org:
                banner.append("  " + self.t("round.from_org", org=org))
            self.query_one("#voter", Static).update(banner)
        used = rules.dots_used(state, game.deck, self.round_id, voter) if voter else 0
        self.query_one("#dots-left", Static).update(Text(
            f"{DOT * (dots - used)}{EMPTY * used}  " +
            plural(self.vapp.language, "round.dots_left", dots, left=dots - used, dots=dots))
            if voter else "")
        mine = record.votes.get(voter or "", {})
        totals = {value.key: total for value, total in rules.tally(state, game.deck, self.round_id)}
        listing = self.query_one("#values", OptionList)
        keep = listing.highlighted or 0
        if voter != self._last_voter:  # a new voter starts at the top of the list
            keep, self._last_voter = 0, voter
        listing.clear_options()
        shown = sorted(values, key=lambda v: -totals[v.key]) if visible else values
        most = max(totals.values(), default=0)
        for value in shown:
            label = Text()
            label.append(f"{DOT * mine.get(value.key, 0):<4}", style="bold")
            label.append(value.title, style="bold")
            if visible:
                label.append(f"   {totals[value.key]}", style="bold reverse")
                if most and totals[value.key] == most:  # the leaders, in words too
                    label.append(f"  {LEADER} {self.t('round.most_dots')}", style="bold")
            listing.add_option(Option(label, id=value.key))
        if listing.option_count:
            listing.highlighted = min(keep, listing.option_count - 1)
        self.query_one("#vote-status", Static).update(
            "" if visible else self.t("round.votes_hidden"))

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        # Re-filling the voters list highlights again: only a new voter needs a redraw.
        if (event.option_list.id == "voters" and not self.round.secret
                and event.option.id != self._last_voter):
            self.refresh_game()

    def action_dots(self, step: int) -> None:
        """Put one more dot on the highlighted value, or take one off."""
        voter = self.voter
        option = self.query_one("#values", OptionList).highlighted_option
        if voter is None or option is None or option.id is None:
            return
        value = option.id
        current = self.game.state.round_state(self.round_id).votes.get(voter, {}).get(value, 0)
        if current + step < 0:
            return
        self.run(lambda: self.game.vote(voter, value, current + step))

    def action_done(self) -> None:
        voter = self.voter
        if voter is not None:
            self.run(lambda: self.game.finish_vote(voter))

    def action_reveal(self) -> None:
        self.run(self.game.reveal_votes)
