"""The set-up's list box: organisations and their people typed (or pasted) a line each.

"Aarhus Kommune: Mette, Jonas" and Enter adds the organisation and both people. What a
line will add is shown under the box as it is typed; partners known from earlier
workshops are offered as the name is typed (→ takes the offer). A line that cannot be
added stays in the box, with what is wrong beside it; nothing typed is thrown away.
"""

from __future__ import annotations

from collections.abc import Mapping

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.events import Key
from textual.message import Message
from textual.widgets import Button, Static, TextArea

from ...game.roster import RosterLine, RosterProblem, parse
from ...i18n import counted
from ...i18n import text as t


class RosterBox(TextArea):
    """A TextArea where Enter hands the lines in (rather than starting a new line), with
    the rest of a known partner's name offered at the end of the line."""

    class Submitted(Message):
        """The facilitator asked to add what was in the box (it is empty now: what is
        typed while the lines are added goes on a fresh line, never into them)."""

        def __init__(self, box: RosterBox, text: str) -> None:
            super().__init__()
            self.box = box
            self.text = text

    def __init__(self, language: str, known: Mapping[str, tuple[str, str]], **kwargs: object
                 ) -> None:
        super().__init__(soft_wrap=True, tab_behavior="focus", show_line_numbers=False,
                         **kwargs)  # type: ignore[arg-type]
        self.language = language
        self.known = known
        """Known organisations: (name, type) by case-folded name."""

    async def _on_key(self, event: Key) -> None:
        if event.key == "enter":
            event.prevent_default()
            event.stop()
            self.submit()
            return
        await super()._on_key(event)

    def submit(self) -> None:
        """Hand in what is in the box, and empty it at once."""
        text = self.text
        if text.strip():
            self.text = ""
            self.post_message(self.Submitted(self, text))

    def offer(self) -> tuple[str, str] | None:
        """The known partner whose name the line at the cursor begins: (name, type)."""
        row, column = self.cursor_location
        line = self.document.get_line(row)
        if column != len(line) or ":" in line or "(" in line:
            return None
        typed = line.strip().casefold()
        if len(typed) < 2:
            return None
        for folded, partner in self.known.items():
            if folded.startswith(typed) and folded != typed:
                return partner
        return None

    def update_suggestion(self) -> None:
        partner = self.offer()
        if partner is None:
            self.suggestion = ""
            return
        line = self.document.get_line(self.cursor_location[0])
        self.suggestion = partner[0][len(line.strip()):]


class Roster(Vertical):
    """The box, what it will add (or what is wrong), and the Add button."""

    DEFAULT_CSS = """
    Roster { height: auto; }
    Roster RosterBox { height: auto; min-height: 3; max-height: 8; width: 1fr; }
    Roster #roster-row { height: auto; }
    Roster #roster-add { width: auto; min-width: 10; margin: 0 0 0 1; }
    Roster #roster-preview { color: $text-muted; }
    Roster #roster-preview.-problem { color: $error; text-style: bold; }
    """

    class Submitted(Message):
        """Lines to add: the screen adds them, then calls `keep` with those it could not."""

        def __init__(self, roster: Roster, text: str,
                     lines: list[RosterLine | RosterProblem]) -> None:
            super().__init__()
            self.roster = roster
            self.text = text
            """What was in the box."""
            self.lines = lines

    def __init__(self, language: str, known: Mapping[str, tuple[str, str]],
                 id: str | None = None) -> None:
        super().__init__(id=id)
        self.language = language
        self.known = dict(known)
        self.here: set[str] = set()
        """Organisations at the table already (case-folded names)."""

    def compose(self) -> ComposeResult:
        yield Static(t(self.language, "setup.roster_help"), id="roster-help",
                     classes="muted")
        with Horizontal(id="roster-row"):
            yield RosterBox(self.language, self.known, id="roster-box")
            yield Button(t(self.language, "setup.roster_add"), id="roster-add")
        yield Static("", id="roster-preview")

    @property
    def box(self) -> RosterBox:
        return self.query_one(RosterBox)

    def known_types(self) -> dict[str, str]:
        """Types by case-folded name, for reading the lines."""
        return {folded: org_type for folded, (_, org_type) in self.known.items()}

    def set_known(self, known: Mapping[str, tuple[str, str]],
                  here: set[str] | frozenset[str] = frozenset()) -> None:
        """Partners (and this workshop's organisations, `here` by case-folded name) to
        offer and to take types from."""
        self.known = dict(known)
        self.here = set(here)
        self.box.known = self.known
        self._preview()

    def lines(self, text: str | None = None) -> list[RosterLine | RosterProblem]:
        return parse(self.box.text if text is None else text, self.language,
                     self.known_types())

    @on(TextArea.Changed)
    def _preview(self) -> None:
        """What Enter will add, or the first thing wrong, under the box."""
        preview = self.query_one("#roster-preview", Static)
        preview.remove_class("-problem")
        partner = self.box.offer()
        if partner is not None:
            key = ("setup.roster_here" if partner[0].casefold() in self.here
                   else "setup.roster_suggest")
            preview.update(Text(t(self.language, key, name=partner[0],
                                  type=t(self.language, f"orgtype.{partner[1]}"))))
            return
        lines = self.lines()
        problems = [line for line in lines if isinstance(line, RosterProblem)]
        good = [line for line in lines if isinstance(line, RosterLine)]
        if problems:
            preview.add_class("-problem")
            said = t(self.language, "roster.line", number=problems[0].number,
                     message=problems[0].message)
            if good:
                said = t(self.language, "setup.roster_preview", what=self._counts(good)) + \
                    " · " + said
            preview.update(Text(said))
        elif len(good) == 1:
            line = good[0]
            what = f"{line.organisation} · {t(self.language, f'orgtype.{line.org_type}')}"
            if line.people:
                what += ": " + ", ".join(line.people)
            preview.update(Text(t(self.language, "setup.roster_preview", what=what)))
        elif good:
            preview.update(Text(t(self.language, "setup.roster_preview",
                                  what=self._counts(good))))
        else:
            preview.update("")

    def _counts(self, lines: list[RosterLine]) -> str:
        people = sum(len(line.people) for line in lines)
        return (f"{counted(self.language, 'org', len(lines))}, "
                f"{counted(self.language, 'person', people)}")

    @on(Button.Pressed, "#roster-add")
    def _add_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        self.box.submit()
        self.box.focus()

    @on(RosterBox.Submitted)
    def _submitted(self, event: RosterBox.Submitted) -> None:
        event.stop()
        self.post_message(self.Submitted(self, event.text, self.lines(event.text)))

    def keep(self, text: str, numbers: set[int], said: str = "", problem: bool = False
             ) -> None:
        """Put the lines of `text` with these numbers back in the box, before anything
        typed since, and say `said` under it (as a problem, or what was done)."""
        kept = [line for number, line in enumerate(text.splitlines(), start=1)
                if number in numbers]
        if kept:  # the cursor stays where typing goes on, or goes to the line to fix
            typed = self.box.text
            self.box.text = "\n".join(kept + ([typed] if typed else []))
            self.box.move_cursor(self.box.document.end if typed else (0, len(kept[0])))
        self._preview()
        if said:
            preview = self.query_one("#roster-preview", Static)
            preview.set_class(problem, "-problem")
            preview.update(Text(said))
