"""A review round of a follow-up meeting: what the followed workshop agreed, item by item,
and how it went. 1-4 says it for the highlighted item (and moves on to the next), Enter
says it with a line on why."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...game import rules
from ..dialogs.form import Field, FormDialog
from ..lists import CursorList
from .panel import RoundPanel

MARKS = {"done": "✓", "yes": "✓", "holds": "✓", "partly": "½", "changed": "~",
         "not_done": "✗", "no": "✗", "dropped": "–"}
"""Each status's mark before the item, beside its word (not colour alone)."""


class ReviewPanel(RoundPanel):
    """The items of the followed workshop with what is said of each now."""

    BINDINGS = [
        Binding("enter", "say", "Say how it went", id="review_say"),
        *(Binding(str(number), f"status({number})", str(number), show=False)
          for number in range(1, 5)),
    ]

    def compose(self) -> ComposeResult:
        yield Static(id="review-count", classes="section-title")
        yield CursorList(id="review-items")
        yield Static(id="review-keys", classes="muted")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.query_one("#review-items", OptionList).focus()

    def items(self) -> list[rules.ReviewItem]:
        return rules.review_items(self.game.state, self.round.review)

    def status_word(self, kind: str, status: str) -> str:
        return self.t(f"review.{kind}.{status}")

    def label(self, item: rules.ReviewItem) -> Text:
        """What the item was then, and what is said of it now."""
        then = item.then
        text = Text()
        if item.status:
            text.append(f"{MARKS.get(item.status, '?')} {self.status_word(item.kind, item.status)}",
                        style="bold")
        else:
            text.append(f"  {self.t('review.open')}", style="dim")
        text.append("  ")
        if item.kind == "action":
            text.append(str(then.get("what", "")), style="bold")
            who = ", ".join(part for part in (then.get("person"), then.get("organisation"))
                            if part)
            details = ", ".join(part for part in (who, str(then.get("due", ""))) if part)
            if details:
                text.append(f" ({details})")
        elif item.kind in ("gave", "got"):
            side = "gives" if item.kind == "gave" else "gets"
            picks = [str(pick.get("value", "")) for pick in then.get(side, [])]
            text.append(self.t(f"review.{item.kind}", org=then.get("name", "")), style="bold")
            text.append(f": {', '.join(picks) if picks else self.t('review.none_then')}")
        else:
            text.append(str(then.get("text", "")), style="bold")
            backers = then.get("organisations", [])
            if backers:
                text.append(f" ({', '.join(map(str, backers))})")
        if item.note:
            text.append(f"\n    »{item.note}«", style="italic")
        return text

    def refresh_game(self) -> None:
        listing = self.query_one("#review-items", OptionList)
        keep = listing.highlighted or 0
        listing.clear_options()
        items = self.items()
        for item in items:
            listing.add_option(Option(self.label(item), id=item.key))
        said = sum(1 for item in items if item.status)
        self.query_one("#review-count", Static).update(
            self.t("review.count", said=said, total=len(items)))
        if not items:
            listing.add_option(Option(self.t("review.nothing"), disabled=True))
        else:
            listing.highlighted = min(keep, listing.option_count - 1)
        self._show_keys()

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        self._show_keys()

    def _highlighted(self) -> rules.ReviewItem | None:
        option = self.query_one("#review-items", OptionList).highlighted_option
        if option is None or option.id is None:
            return None
        return next((item for item in self.items() if item.key == option.id), None)

    def _show_keys(self) -> None:
        """The number keys for the highlighted item's statuses, with their words."""
        item = self._highlighted()
        legend = "" if item is None else "   ".join(
            [f"{number} {self.status_word(item.kind, status)}"
             for number, status in enumerate(rules.STATUSES[item.kind], start=1)] +
            [f"⏎ {self.t('review.with_why')}"])
        self.query_one("#review-keys", Static).update(legend)

    def action_status(self, number: int) -> None:
        """Say the highlighted item's status by its number, and move on to the next."""
        item = self._highlighted()
        statuses = rules.STATUSES[item.kind] if item else ()
        if item is None or not 1 <= number <= len(statuses):
            return
        if self.run(lambda: self.game.review(item.key, statuses[number - 1], item.note)):
            listing = self.query_one("#review-items", OptionList)
            if listing.highlighted is not None and \
                    listing.highlighted < listing.option_count - 1:
                listing.highlighted += 1

    def action_say(self) -> None:
        """How it went, with a line on why."""
        item = self._highlighted()
        if item is None:
            return
        options = [(self.status_word(item.kind, status), status)
                   for status in rules.STATUSES[item.kind]]

        def done(values: dict[str, Any] | None) -> None:
            if values and values.get("status"):
                self.run(lambda: self.game.review(item.key, str(values["status"]),
                                                  str(values.get("note", ""))))

        self.app.push_screen(FormDialog(self.label(item).plain.split("\n")[0].strip(), [
            Field("status", self.t("review.how"), "choice", value=item.status or None,
                  options=options),
            Field("note", self.t("review.why"), value=item.note)], self.vapp.language), done)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.action_say()
