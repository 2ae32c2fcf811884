"""Compare the language versions of one deck: same ids, same structure, all text translated."""

from __future__ import annotations

from .model import Deck


def _untranslated(text_a: str, text_b: str) -> bool:
    """Whether two texts are the same words (short names like 'OK' may be)."""
    return bool(text_a) and text_a == text_b and len(text_a.split()) >= 2


def compare_translations(a: Deck, b: Deck) -> list[str]:
    """Problems between two language versions of one deck, as FILE:LINE:COL lines."""
    problems: list[str] = []

    def report(deck: Deck, line: int, message: str) -> None:
        problems.append(f"{deck.source}:{line}:1: {message}")

    for one, other in ((a, b), (b, a)):
        for kind, mine, theirs in (
            ("category", one.categories, other.categories),
            ("card", one.cards, other.cards),
            ("round", one.rounds, other.rounds),
        ):
            missing = {item.id for item in mine} - {item.id for item in theirs}
            for item in mine:
                if item.id in missing:
                    report(one, item.line, f"the {kind} '{item.id}' has no translation in "
                                           f"{other.source} ({other.language}); add a {kind} "
                                           f"with  id: {item.id}  there")

    b_categories = {category.id: category for category in b.categories}
    for category in a.categories:
        twin = b_categories.get(category.id)
        if twin and _untranslated(category.name, twin.name):
            report(b, twin.line, f"category '{twin.id}': the name is the same as in "
                                 f"{a.language}; translate it")
    b_cards = {card.id: card for card in b.cards}
    for card in a.cards:
        twin = b_cards.get(card.id)
        if twin is None:
            continue
        if (card.kind, card.category) != (twin.kind, twin.category):
            report(b, twin.line, f"card '{card.id}' is a {twin.kind} card in category "
                                 f"{twin.category}, but a {card.kind} card in category "
                                 f"{card.category} in {a.source}; make them the same")
        for field in ("title", "text", "example"):
            if _untranslated(getattr(card, field), getattr(twin, field)):
                report(b, twin.line, f"card '{card.id}': the {field} is the same as in "
                                     f"{a.language}; translate it")
    if [r.id for r in a.rounds] == [r.id for r in b.rounds]:
        for mine, twin in zip(a.rounds, b.rounds):
            rules = ("mode", "kinds", "per", "draw", "side", "picks", "dots", "stack", "secret")
            differ = [name for name in rules if getattr(mine, name) != getattr(twin, name)]
            if differ:
                report(b, twin.line, f"round '{twin.id}' plays differently from {a.source} "
                                     f"({', '.join(differ)}); make the rules the same")
            for field in ("title", "prompt", "guide"):
                if _untranslated(getattr(mine, field), getattr(twin, field)):
                    report(b, twin.line, f"round '{twin.id}': the {field} is the same as in "
                                         f"{a.language}; translate it")
    elif {r.id for r in a.rounds} == {r.id for r in b.rounds}:
        report(b, b.rounds[0].line, f"the rounds come in another order than in {a.source}; "
                                    "put them in the same order")
    return problems
