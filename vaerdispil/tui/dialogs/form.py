"""One dialog for every small form: text fields, choices and multiple choices."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, SelectionList, TextArea
from textual.widgets.option_list import Option

from ...i18n import text as t
from ..lists import CursorList, TickList


@dataclass(frozen=True)
class Field:
    """One field of a form."""

    key: str
    label: str
    kind: str = "text"
    """text, area (several lines), choice (one of `options`), choices (several of
    `options`) or list (pick one)."""
    value: Any = ""
    options: list[tuple[str, str]] = field(default_factory=list)
    """(label, value) pairs for choice, choices and list."""


class FormDialog(ModalScreen[dict[str, Any] | None]):
    """Ask for the fields; dismiss with their values, or None when cancelled (Esc)."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="cancel")]
    DEFAULT_CSS = """
    FormDialog { align: center middle; }
    FormDialog > Vertical {
        width: 80%; max-width: 100; height: auto; max-height: 100%;
        border: thick $primary; background: $surface; padding: 0 2;
    }
    FormDialog VerticalScroll { height: auto; max-height: 75vh; }
    FormDialog TextArea { height: auto; min-height: 4; max-height: 14; }
    FormDialog Label { padding: 1 0 0 0; text-style: bold; width: 100%; }
    FormDialog #form-error { display: none; color: $error; }
    FormDialog SelectionList, FormDialog OptionList { height: auto; max-height: 10; }
    FormDialog #buttons { height: auto; padding: 1 0 0 0; dock: bottom; }
    FormDialog Button { margin: 0 2 0 0; }
    """

    def __init__(self, title: str, fields: list[Field], language: str,
                 ok_label: str | None = None, cancel_label: str | None = None,
                 submit: Callable[[dict[str, Any]], str | None] | None = None) -> None:
        super().__init__()
        self.form_title = title
        self.fields = fields
        self.language = language
        self.ok_label = ok_label
        """The OK button's words, where a plain OK would not say what it does."""
        self.cancel_label = cancel_label
        self.submit = submit
        """Run what the form is for: None when done (the dialog closes), else what is
        wrong, said in the dialog, which stays open with everything typed in it."""

    def compose(self) -> ComposeResult:
        # The buttons stay in sight under the fields, which scroll when the screen is small.
        with Vertical():
            with VerticalScroll():
                yield Label(self.form_title, id="form-title")
                yield Label("", id="form-error")
                for item in self.fields:
                    if item.label:
                        yield Label(item.label)
                    yield self._field(item)
            with Horizontal(id="buttons"):
                yield Button(self.ok_label or t(self.language, "dialog.ok"), variant="primary",
                             id="ok")
                yield Button(self.cancel_label or t(self.language, "dialog.cancel"),
                             id="cancel")

    def _field(self, item: Field) -> Widget:
        """The widget that asks for one field."""
        name = f"field-{item.key}"
        if item.kind == "area":
            return TextArea(str(item.value or ""), id=name, tab_behavior="focus",
                            soft_wrap=True)
        if item.kind == "choice":
            return Select([(label, value) for label, value in item.options],
                          value=item.value if item.value else Select.NULL,
                          allow_blank=not item.value, id=name,
                          prompt=t(self.language, "dialog.choose"))
        if item.kind == "choices":  # boxes that read [x] and [ ], not by colour alone
            chosen = set(item.value or [])
            return TickList(*[(label, value, value in chosen)
                              for label, value in item.options], id=name)
        if item.kind == "list":
            return CursorList(*[Option(label, id=value) for label, value in item.options],
                              id=name)
        return Input(value=str(item.value or ""), id=name, select_on_focus=False)

    def on_mount(self) -> None:
        if self.fields:
            self.query_one(f"#field-{self.fields[0].key}").focus()
        else:  # a question: enter says yes, escape no
            self.query_one("#ok", Button).focus()

    def values(self) -> dict[str, Any]:
        """The fields' current values."""
        result: dict[str, Any] = {}
        for item in self.fields:
            widget = self.query_one(f"#field-{item.key}")
            if isinstance(widget, Input):
                result[item.key] = widget.value
            elif isinstance(widget, TextArea):
                result[item.key] = widget.text
            elif isinstance(widget, Select):
                result[item.key] = None if widget.is_blank() else widget.value
            elif isinstance(widget, SelectionList):
                result[item.key] = list(widget.selected)
            elif isinstance(widget, OptionList):
                option = widget.highlighted_option
                result[item.key] = option.id if option else None
        return result

    @on(Input.Submitted)
    @on(Button.Pressed, "#ok")
    def _submit(self) -> None:
        values = self.values()
        if self.submit is not None:
            problem = self.submit(values)
            if problem:
                error = self.query_one("#form-error", Label)
                error.update(problem)
                error.display = True
                error.scroll_visible()
                return
        self.dismiss(values)

    @on(OptionList.OptionSelected)
    def _chosen(self) -> None:
        if len(self.fields) == 1:  # the one choice made: as good as OK
            self._submit()

    @on(Button.Pressed, "#cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)
