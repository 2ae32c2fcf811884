"""Review rounds of a follow-up meeting: each action, each organisation's promises and
each agreed value of the workshop it follows, said to have gone one way or another;
in the log like every other action, undone, replayed and checked on read."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import FakeClock
from tests.test_exports import complete_workshop
from vaerdispil.deck.loader import load_deck_text
from vaerdispil.followup import start_follow_up
from vaerdispil.game.checks import RuleError
from vaerdispil.game.review import review_items
from vaerdispil.session.errors import SessionError
from vaerdispil.session.game import Game, replay

FOLLOW_UP = """\
format: 1
id: test-opfoelgning
language: da
title: Opfølgning (test)
categories:
  - id: ressourcer
    name: Ressourcer
    colour: "#F2C14E"
cards:
  - id: lokaler
    kind: value
    category: ressourcer
    title: Lokaler
    text: Vi låner jer et rum.
rounds:
  - id: handlinger
    title: Hvad skete der?
    mode: review
    review: actions
    prompt: Blev det gjort?
    guide: Tag dem én ad gangen.
  - id: parter
    title: Gav og fik vi?
    mode: review
    review: organisations
    prompt: Gav I, hvad I sagde?
    guide: Hver organisation for sig.
  - id: vaerdier
    title: Holder det?
    mode: review
    review: agreements
    prompt: Holder værdien stadig?
    guide: Læs dem op.
  - id: nye
    title: Nye aftaler
    mode: agree
    prompt: Hvad aftaler vi nu?
    guide: Nye handlinger og en ny dato.
"""
DECK = load_deck_text(FOLLOW_UP, "opfoelgning.yaml")


@pytest.fixture
def follow_up(tmp_path: Path, clock: FakeClock) -> Game:
    complete_workshop(tmp_path / "first.jsonl", clock).close()
    return start_follow_up(tmp_path / "first.jsonl", tmp_path / "follow.jsonl", DECK, clock)


def test_each_action_promise_and_value_is_reviewed_and_undone(follow_up: Game) -> None:
    game = follow_up
    game.next_round()  # the actions
    items = review_items(game.state, "actions")
    assert [(item.key, item.then["what"]) for item in items] == [
        ("action:0", "Lav en nøgleaftale"), ("action:1", "Find to frivillige")]
    game.review("action:0", "done", "Nøglerne hænger i køkkenet")
    game.review("action:1", "partly")
    game.review("action:1", "not_done", "Ingen meldte sig")  # said again: the latest counts
    assert [(i.status, i.note) for i in review_items(game.state, "actions")] == [
        ("done", "Nøglerne hænger i køkkenet"), ("not_done", "Ingen meldte sig")]
    game.undo()
    assert review_items(game.state, "actions")[1].status == "partly"
    with pytest.raises(RuleError):  # not a round about organisations
        game.review("gave:0", "yes")
    with pytest.raises(RuleError):  # not something said of an action
        game.review("action:0", "holds")
    with pytest.raises(RuleError):  # the first workshop had two actions
        game.review("action:2", "done")
    game.next_round()  # the organisations: did each give and get what it said
    assert [item.key for item in review_items(game.state, "organisations")] == [
        "gave:0", "got:0", "gave:1", "got:1", "gave:2", "got:2"]
    game.review("gave:0", "yes")
    game.review("got:2", "partly", "Kun én frivillig kom, men hun kom hver uge")
    game.next_round()
    game.review("agreed:0", "changed", "Nu også om aftenen")
    state = game.state
    game.close()
    # The log holds it all: replayed, it is the same.
    again = replay(game.log.path)
    assert again.state.reviews == state.reviews
    assert {key: review.status for key, review in again.state.reviews.items()} == {
        "action:0": "done", "action:1": "partly", "gave:0": "yes", "got:2": "partly",
        "agreed:0": "changed"}


def test_a_review_of_something_the_first_workshop_lacks_is_damage(
        follow_up: Game) -> None:
    game = follow_up
    game.next_round()
    game.review("action:0", "done")
    game.close()
    path = game.log.path
    lines = path.read_text("utf-8").splitlines(keepends=True)
    event = json.loads(lines[-1])
    event["item"] = "action:7"
    lines[-1] = json.dumps(event, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SessionError, match=rf"{len(lines)}: .*action:7"):
        Game.open(path)
    event["item"], event["status"] = "action:0", "holds"
    lines[-1] = json.dumps(event, ensure_ascii=False) + "\n"
    path.write_text("".join(lines), encoding="utf-8")
    with pytest.raises(SessionError, match="cannot be said of it"):
        replay(path)


def test_a_workshop_that_follows_nothing_has_nothing_to_review(
        tmp_path: Path, clock: FakeClock) -> None:
    game = Game.new(tmp_path / "alone.jsonl", DECK, clock=clock)
    org = game.add_organisation("Netto", "virksomhed")
    game.add_participant("Aisha", org)
    game.next_round()
    assert review_items(game.state, "actions") == []
    with pytest.raises(RuleError):
        game.review("action:0", "done")


async def test_a_review_round_on_screen_by_keys(follow_up: Game, clock: FakeClock) -> None:
    from vaerdispil.tui.app import VaerdispilApp
    from vaerdispil.tui.widgets.review import ReviewPanel

    game = follow_up
    game.next_round()
    app = VaerdispilApp(DECK, "da", game=game, clock=clock)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        panel = app.screen.query_one(ReviewPanel)

        def shown() -> str:
            from textual.widgets import OptionList, Static

            listing = panel.query_one(OptionList)
            return "\n".join([str(panel.query_one("#review-count", Static).render()),
                              *(str(listing.get_option_at_index(i).prompt)
                                for i in range(listing.option_count)),
                              str(panel.query_one("#review-keys", Static).render())])

        assert "0 af 2 er gennemgået" in shown() and "Lav en nøgleaftale" in shown()
        assert "1 Gjort   2 Delvist   3 Ikke gjort   4 Opgivet" in shown()
        await pilot.press("1")  # done, and on to the next
        await pilot.press("3")  # not done
        await pilot.pause()
        assert {key: r.status for key, r in game.state.reviews.items()} == {
            "action:0": "done", "action:1": "not_done"}
        assert "✓ Gjort" in shown() and "✗ Ikke gjort" in shown() and "2 af 2" in shown()
        await pilot.press("enter")  # the second again (the cursor stays on the last), and why
        await pilot.pause()
        from vaerdispil.tui.dialogs.form import FormDialog

        assert isinstance(app.screen, FormDialog)
        app.screen.query_one("#field-note").value = "Ingen meldte sig"  # type: ignore[attr-defined]
        await pilot.click("#ok")
        await pilot.pause()
        assert game.state.reviews["action:1"].note == "Ingen meldte sig"
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert game.state.reviews["action:1"].note == ""
        assert panel.is_attached


def test_the_record_says_how_each_item_went(follow_up: Game) -> None:
    from vaerdispil.exports import to_json, to_markdown
    from vaerdispil.outcome import outcome

    game = follow_up
    game.next_round()
    game.review("action:0", "done", "Nøglerne hænger i køkkenet")
    game.next_round()
    game.review("gave:1", "partly", "Kun om lørdagen")
    result = outcome(game.state, game.deck)
    assert result.follows == {"name": "first", "title": "Værksted i Vollsmose",
                              "date": "2026-11-22"}
    assert [(r.kind, r.subject, r.status) for r in result.reviews] == [
        ("action", "Lav en nøgleaftale", "done"), ("action", "Find to frivillige", ""),
        ("gave", "Netto", ""), ("got", "Netto", ""),
        ("gave", "B1909 | *fodbold*", "partly"), ("got", "B1909 | *fodbold*", ""),
        ("gave", "Plejehjemmet", ""), ("got", "Plejehjemmet", ""),
        ("agreed", "Vi deler lokaler", "")]
    text = to_markdown(result)
    assert "## Sådan gik det siden »Værksted i Vollsmose« (2026-11-22)" in text
    assert ("- Lav en nøgleaftale (Aisha, Netto, 2026-12-15): **Gjort**: "
            "Nøglerne hænger i køkkenet") in text
    assert "- B1909 \\| \\*fodbold\\* ville give (Fodbold for alle børn): **Delvist**: " \
        "Kun om lørdagen" in text
    assert "- Find to frivillige (Bo, B1909 \\| \\*fodbold\\*, 2027-01-31): " \
        "**Ikke gennemgået**" in text
    assert '"status": "done"' in to_json(result)
