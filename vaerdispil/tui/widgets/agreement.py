"""An agreement round: the values the group agrees on (with who commits and who dissents),
the actions (what, who, by when) and the follow-up date."""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from ...game import rules
from ...outcome import value_title
from ..dialogs.form import Field, FormDialog
from ..lists import CursorList
from .panel import RoundPanel


class AgreePanel(RoundPanel):
    """Agreed values and actions; keys add, edit and remove them."""

    BINDINGS = [
        Binding("e", "agree", "Agreement", id="agree"),
        Binding("u", "dissent", "Dissent", id="dissent"),
        Binding("h", "action", "Action", id="action"),
        Binding("o", "follow_up", "Follow-up", id="follow_up"),
        Binding("delete,x", "remove", "Remove", id="remove"),
    ]

    def compose(self) -> ComposeResult:
        yield Static(self.t("round.agreed"), classes="section-title")
        yield CursorList(id="agreed")
        yield Static(self.t("round.actions"), classes="section-title")
        yield CursorList(id="actions")
        yield Static(id="follow-up")

    def on_mount(self) -> None:
        super().on_mount()
        self.refresh_game()
        self.query_one("#agreed", OptionList).focus()

    def refresh_game(self) -> None:
        state, deck = self.game.state, self.game.deck
        names = {org.id: org.name for org in state.organisations.values()}
        agreed = self.query_one("#agreed", OptionList)
        keep = agreed.highlighted or 0
        agreed.clear_options()
        for value in state.agreed.values():
            label = Text(value.text, style="bold")
            if value.orgs:
                label.append("\n  " + self.t("round.backed_by", orgs=", ".join(
                    names.get(o, o) for o in value.orgs)))
            if value.values:
                label.append("\n  ← " + ", ".join(value_title(state, deck, key)
                                                  for key in value.values), style="dim")
            agreed.add_option(Option(label, id=value.id))
            # Each dissent is a line of its own under its value: Enter edits or moves it.
            for dissent in state.dissents.values():
                if dissent.agreed == value.id:
                    agreed.add_option(Option(Text("  " + self.t(
                        "round.dissent", org=names.get(dissent.org, ""), text=dissent.text),
                        style="italic"), id=dissent.id))
        if not state.agreed:
            agreed.add_option(Option(self.t("round.nothing_yet"), disabled=True))
        elif agreed.option_count:
            agreed.highlighted = min(keep, agreed.option_count - 1)
        actions = self.query_one("#actions", OptionList)
        keep = actions.highlighted or 0
        actions.clear_options()
        for action in state.actions.values():
            who = ", ".join(x for x in (names.get(action.org, ""), action.person) if x)
            actions.add_option(Option(Text.assemble((action.what, "bold"), f"  {who}",
                                                    f"  {action.due}" if action.due else ""),
                                      id=action.id))
        if not state.actions:
            actions.add_option(Option(self.t("round.nothing_yet"), disabled=True))
        elif actions.option_count:
            actions.highlighted = min(keep, actions.option_count - 1)
        follow = (self.t("round.follow_up", date=state.follow_up) if state.follow_up
                  else self.t("round.no_follow_up"))
        self.query_one("#follow-up", Static).update(follow)

    def _orgs(self) -> list[tuple[str, str]]:
        return [(org.name, org.id) for org in self.game.state.active_organisations()]

    def _ask(self, title: str, fields: list[Field], then: Any) -> None:
        """A dialog that runs `then(values)` on OK, and stays open with what was typed
        if the rules refuse it (a date they cannot read, say), saying why."""
        self.app.push_screen(FormDialog(
            title, fields, self.vapp.language,
            submit=lambda values: self.vapp.attempt(lambda: then(values))))

    def action_agree(self) -> None:
        game = self.game
        values = [(value.title, value.key) for value in rules.picked_values(game.state, game.deck)]
        self._ask(self.t("key.agree"), [
            Field("text", self.t("dialog.agreed")),
            Field("values", self.t("dialog.values"), "choices", [], values),
            Field("orgs", self.t("dialog.committed"), "choices", [], self._orgs()),
        ], lambda v: game.agree(v["text"], v["values"], v["orgs"]))

    def _highlighted(self, list_id: str) -> str | None:
        option = self.query_one(f"#{list_id}", OptionList).highlighted_option
        return option.id if option and not option.disabled else None

    def _agreed_choices(self) -> list[tuple[str, str]]:
        return [(value.text, value.id) for value in self.game.state.agreed.values()]

    def _highlighted_value(self) -> str | None:
        """The agreed value highlighted, or the one a highlighted dissent belongs to."""
        item = self._highlighted("agreed")
        dissent = self.game.state.dissents.get(item or "")
        return dissent.agreed if dissent is not None else item

    def action_dissent(self) -> None:
        """Record that an organisation disagrees with an agreed value: the dialog names the
        value (the highlighted one at first) and lets it be changed."""
        agreed = self._highlighted_value()
        if agreed is None:
            return
        orgs = self._orgs()
        self._ask(self.t("key.dissent"), [
            Field("agreed", self.t("dialog.dissent_value"), "choice", agreed,
                  self._agreed_choices()),
            Field("org", self.t("dialog.dissent_org"), "choice", orgs[0][1] if orgs else "", orgs),
            Field("text", self.t("dialog.dissent")),
        ], lambda v: self._dissent(v["agreed"] or agreed, v["org"] or "", v["text"]))

    def _dissent(self, agreed_id: str, org_id: str, text: str) -> str:
        """Record the dissent, and say so if the organisation stood behind the value."""
        state = self.game.state
        backed = agreed_id in state.agreed and org_id in state.agreed[agreed_id].orgs
        made = self.game.dissent(agreed_id, org_id, text)
        if backed:
            self.app.notify(self.t("round.dissent_unbacked", org=state.organisations[org_id].name,
                                   value=state.agreed[agreed_id].text))
        return made

    def _edit_dissent(self, dissent_id: str) -> None:
        game = self.game
        dissent = game.state.dissents[dissent_id]
        org = game.state.organisations[dissent.org].name

        def apply(values: dict[str, Any]) -> None:
            if values["agreed"] and values["agreed"] != dissent.agreed:
                game.edit(dissent_id, "agreed", values["agreed"])
            if values["text"] != dissent.text:
                game.edit(dissent_id, "text", values["text"])

        self._ask(self.t("dialog.dissent_edit", org=org), [
            Field("agreed", self.t("dialog.dissent_value"), "choice", dissent.agreed,
                  self._agreed_choices()),
            Field("text", self.t("dialog.dissent"), value=dissent.text),
        ], apply)

    def action_action(self) -> None:
        game, orgs = self.game, self._orgs()
        self._ask(self.t("key.action"), [
            Field("what", self.t("dialog.action_what")),
            Field("org", self.t("dialog.action_org"), "choice", orgs[0][1] if orgs else "", orgs),
            Field("person", self.t("dialog.action_person")),
            Field("due", self.t("dialog.action_due")),
        ], lambda v: game.add_action(v["what"], v["org"] or "", v["person"], v["due"]))

    def action_follow_up(self) -> None:
        game = self.game
        self._ask(self.t("key.follow_up"), [
            Field("date", self.t("dialog.follow_up"), value=game.state.follow_up)],
            lambda v: game.set_follow_up(v["date"]))

    def action_remove(self) -> None:
        focused = self.screen.focused
        if isinstance(focused, OptionList) and focused.id in ("agreed", "actions"):
            item = self._highlighted(focused.id)
            if item is not None:
                self.run(lambda: self.game.remove(item))

    def _edit_agreed(self, agreed_id: str) -> None:
        """Change an agreed value's words, the values it grew from and who stands behind it."""
        game = self.game
        agreed = game.state.agreed[agreed_id]
        values = [(value.title, value.key) for value in rules.picked_values(game.state, game.deck)]
        known = {key for _, key in values}
        values += [(value_title(game.state, game.deck, key), key) for key in agreed.values
                   if key not in known]

        def apply(answer: dict[str, Any]) -> None:
            for name in ("text", "values", "orgs"):
                if answer[name] != getattr(agreed, name):
                    game.edit(agreed_id, name, answer[name])

        self._ask(self.t("key.agree"), [
            Field("text", self.t("dialog.agreed"), value=agreed.text),
            Field("values", self.t("dialog.values"), "choices", list(agreed.values), values),
            Field("orgs", self.t("dialog.committed"), "choices", list(agreed.orgs), self._orgs()),
        ], apply)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        """Enter on an agreed value or action: change its words."""
        game, item = self.game, event.option.id
        if item is None:
            return
        if event.option_list.id == "agreed" and item in game.state.dissents:
            self._edit_dissent(item)
        elif event.option_list.id == "agreed":
            self._edit_agreed(item)
        elif event.option_list.id == "actions":
            action = game.state.actions[item]
            self._ask(self.t("key.action"), [
                Field("what", self.t("dialog.action_what"), value=action.what),
                Field("person", self.t("dialog.action_person"), value=action.person),
                Field("due", self.t("dialog.action_due"), value=action.due),
            ], lambda v: [game.edit(item, name, v[name]) for name in ("what", "person", "due")
                          if v[name] != getattr(action, name)])
