"""The app as it stands: the deck browser, driven by keys, in both languages and two sizes."""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import DataTable, Static, TabbedContent

from vaerdispil.deck.catalog import resolve_deck
from vaerdispil.tui.app import VaerdispilApp
from vaerdispil.tui.screens.deck import DeckScreen


class DeckApp(VaerdispilApp):
    """The app opened straight on the deck browser, pushed over the start screen as
    "Se kortspillene" does (so its own stylesheet loads as it does there)."""

    def on_mount(self) -> None:
        super().on_mount()
        self.push_screen(DeckScreen(self.deck, self.language))


@pytest.fixture(autouse=True)
def _own_home(vaerdispil_home: Path) -> Path:
    """The start screen below lists saved workshops: from an empty home, not the user's."""
    return vaerdispil_home


def make_app(language: str = "da") -> VaerdispilApp:
    return DeckApp(resolve_deck("vaerdispil", language), language)


async def test_browse_rounds_and_cards_by_keys() -> None:
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()  # the list of rounds has the focus: keys go to it
        screen = app.screen
        assert isinstance(screen, DeckScreen)
        detail = screen.query_one("#round-detail", Static)
        assert "Hvem er vi?" in str(detail.render())
        await pilot.press("down", "down")
        assert "Det får vi" in str(detail.render())
        await pilot.press("k")
        await pilot.pause()
        assert screen.query_one(TabbedContent).active == "cards"
        cards = screen.query_one("#card-table", DataTable)
        assert cards.has_focus
        await pilot.press("down", "down")
        card = app.deck.cards[2]
        shown = str(screen.query_one("#card-detail", Static).render())
        assert card.title in shown and card.id in shown
        category = app.deck.category(card.category or "")
        assert category.name in shown  # the category is named, not only coloured
        await pilot.press("ctrl+q")
    assert app.return_code == 0


async def test_footer_speaks_the_language() -> None:
    for language, words in (("da", ("Runder", "Kort", "Luk")), ("en", ("Rounds", "Cards", "Quit"))):
        app = make_app(language)
        async with app.run_test(size=(80, 24)):
            descriptions = {binding.description for (_, binding, _, _) in
                            app.screen.active_bindings.values()}
            assert set(words) <= descriptions


@pytest.mark.parametrize("size", [(80, 24), (160, 48)], ids=["80x24", "160x48"])
@pytest.mark.parametrize("language", ["da", "en"])
def test_snapshot(snap_compare, language: str, size: tuple[int, int]) -> None:  # type: ignore[no-untyped-def]
    assert snap_compare(make_app(language), terminal_size=size, press=["down"])


def test_names_as_owners_in_both_languages() -> None:
    from vaerdispil.i18n import possessive, text

    assert text("da", "round.whose_turn", owner=possessive("Aisha", "da")) == "Det er Aishas tur"
    assert possessive("Mads", "da") == "Mads'" and possessive("Felix", "da") == "Felix'"
    assert text("en", "round.whose_turn", owner=possessive("Aisha", "en")) == "It is Aisha's turn"
    assert possessive("James", "en") == "James'"
