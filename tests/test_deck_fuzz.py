"""Any text or bytes give either a valid deck or a DeckError: never another exception."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.test_deck_loader import VALID
from vaerdispil.deck.loader import DeckError, load_deck_bytes, load_deck_text
from vaerdispil.deck.model import Deck

YAML_BITS = st.sampled_from(
    ["\n", "  ", "- ", ": ", "#", "'", '"', "[", "]", "{", "}", ",", "&a ", "*a", "!!", "!x ",
     "? ", "|", ">", "---\n", "...\n", "<<: ", "yes", "1.5", "~", "\t", "%YAML 1.1\n", "@",
     "id", "cards", "kind", "value", "rounds", "mode", "æøå", "\x00", "\ufeff"]
)


def outcome(call) -> Deck | DeckError:  # type: ignore[no-untyped-def]
    try:
        return call()
    except DeckError as error:
        assert error.lines(), "a DeckError always says what is wrong"
        assert all(line.startswith("fuzz.yaml") for line in error.lines())
        return error


@settings(deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_any_bytes(data: bytes) -> None:
    outcome(lambda: load_deck_bytes(data, "fuzz.yaml"))


@settings(deadline=None)
@given(st.lists(YAML_BITS | st.text(max_size=5), max_size=60).map("".join))
def test_yaml_like_text(text: str) -> None:
    outcome(lambda: load_deck_text(text, "fuzz.yaml"))


@settings(deadline=None)
@given(st.data())
def test_mutated_valid_deck(data: st.DataObject) -> None:
    """Small edits of a valid deck: deletions, insertions and replacements anywhere."""
    text = VALID
    for _ in range(data.draw(st.integers(1, 4))):
        start = data.draw(st.integers(0, len(text)))
        end = data.draw(st.integers(start, min(len(text), start + 12)))
        text = text[:start] + data.draw(YAML_BITS | st.text(max_size=4)) + text[end:]
    outcome(lambda: load_deck_text(text, "fuzz.yaml"))
