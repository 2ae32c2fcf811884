"""Rich text for cards and rounds. User text is never parsed as markup."""

from __future__ import annotations

import re

from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..deck.model import Card, Deck, Mode, Round
from ..i18n import plural
from ..i18n import text as t


def category_label(deck: Deck, card: Card, language: str) -> Text:
    """The category's name on its colour (the name is always there: never colour alone)."""
    if card.category is None:
        return Text(f" {t(language, 'kind.' + card.kind)} ", style="bold reverse")
    category = deck.category(card.category)
    return Text(f" {category.name} ", style=f"bold #000000 on {category.colour}")


def card_detail(deck: Deck, card: Card, language: str) -> Text:
    """A card as the detail pane shows it: category, title, text, example."""
    lang = language
    out = Text()
    out.append_text(category_label(deck, card, language))
    out.append(f"  {t(lang, 'kind.' + card.kind)}\n\n", style="dim")
    out.append(card.title + "\n\n", style="bold")
    if card.text:
        out.append(card.text + "\n")
    if card.example:
        out.append(f"\n{t(lang, 'detail.example')}: ", style="italic dim")
        out.append(card.example + "\n", style="italic")
    out.append(f"\n{card.id}", style="dim")
    return out


def round_rules(language: str, round_: Round) -> str:
    """The round's mode and numbers in one line: 'Vælg kort · Det giver vi · Op til 3 kort hver'."""
    parts = [t(language, f"mode.{round_.mode}")]
    if round_.mode is Mode.PICK and round_.side:
        parts.append(t(language, f"side.{round_.side}"))
        parts.append(plural(language, "detail.picks", round_.picks, picks=round_.picks))
    if round_.mode is Mode.VOTE:
        parts.append(plural(language, "detail.dots", round_.dots, dots=round_.dots))
        if round_.secret:
            parts.append(t(language, "detail.secret"))
    if round_.minutes_per_turn:
        parts.append(t(language, "detail.per_turn", minutes=f"{round_.minutes_per_turn:g}"))
    return " · ".join(parts)


def round_detail(language: str, round_: Round) -> Text:
    """A round as the detail pane shows it: title, rules, prompt, guide."""
    out = Text()
    out.append(round_.title + "\n", style="bold")
    out.append(round_rules(language, round_) + "\n\n", style="dim")
    out.append(t(language, "detail.prompt") + "\n", style="bold underline")
    out.append(round_.prompt + "\n\n")
    out.append(t(language, "detail.guide") + "\n", style="bold underline")
    out.append(round_.guide + "\n")
    return out


_INLINE = re.compile(r"\\(.)|\*\*(.+?)\*\*", re.DOTALL)
"""A backslash-escaped character (exports.to_markdown escapes what Markdown would read),
or **bold** text."""


def _inline(text: str, style: str = "") -> Text:
    out = Text(style=style)
    at = 0
    for match in _INLINE.finditer(text):
        out.append(text[at:match.start()])
        if match.group(1) is not None:
            out.append(match.group(1))
        else:
            out.append_text(_inline(match.group(2), "bold"))
        at = match.end()
    out.append(text[at:])
    return out


def markdown_text(markdown: str) -> Group:
    """The summary's Markdown (as exports.to_markdown writes it: headings, lists, bold) as
    lines for the screen: headings in bold (the first also in reverse), list items with
    their bullet and a hanging indent, nothing else changed. Drawn in the first frame."""
    lines: list[RenderableType] = []
    for line in markdown.splitlines():
        stripped = line.lstrip(" ")
        depth = (len(line) - len(stripped)) // 2
        if stripped.startswith("# "):
            lines.append(_inline(f" {stripped[2:]} ", "bold reverse"))
        elif stripped.startswith("## "):
            lines.append(_inline(stripped[3:].upper(), "bold"))
        elif stripped.startswith("### "):
            lines.append(_inline(stripped[4:], "bold underline"))
        elif stripped.startswith("- "):
            bullet = "• " if depth == 0 else "– "
            item = Table.grid(padding=0)
            item.add_column(width=2 * depth + 2, no_wrap=True)
            item.add_column(ratio=1)
            item.add_row(Text(" " * 2 * depth + bullet), _inline(stripped[2:]))
            lines.append(item)
        else:
            lines.append(_inline(stripped))
    return Group(*lines)
