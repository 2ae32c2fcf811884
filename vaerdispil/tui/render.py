"""Rich text for cards and rounds. User text is never parsed as markup."""

from __future__ import annotations

from rich.text import Text

from ..deck.model import Card, Deck, Mode, Round
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
        parts.append(t(language, "detail.picks", picks=round_.picks))
    if round_.mode is Mode.VOTE:
        parts.append(t(language, "detail.dots", dots=round_.dots))
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
