"""The report across workshops: what a municipality learns from many Værdispil sessions.

This module counts and writes CSV without reportlab (so a CSV report never loads it);
vaerdispil.pdf.report draws the PDF from the same counts.

`tally` counts over the outcomes of several workshops: which values and categories
are picked (as given or gotten) and agreed most often, and how giving and getting
balance out per kind of organisation. `to_csv` writes the counts for a spreadsheet;
`render_report` makes an A4 PDF with tables and charts, labelled in one language.

The report has one language (`Report.language`: the one asked for, else the first
workshop's). A deck's card is the same value in every workshop, whatever language the
workshop was played in: cards are told apart by their id (a deck's Danish and English
twins share them), and named by the title of the deck's twin in the report's language
(kept as recorded where the deck has no such twin). Categories are named the same way.

What is counted, exactly:
- a value's *gives* and *gets*: picks of it by organisations (one organisation picking
  the same value in two rounds counts twice). A deck's card is one value; an
  organisation's own words on a blank card are another value, told apart by their words
  (the same words, whatever their case, are one value) and category, so a deck's card
  and a group's own value of the same words differ. Own words have the blank card's
  category, or the category "own value" ("Egen værdi");
- a value's *agreed*: shared values (agreements) that name it;
- *workshops*: the workshops where the value (or category) was picked or agreed;
- per kind of organisation: the organisations of that kind over all workshops, their
  picks to each side, and how many of them picked to one side only, as the outcome
  says it (`OrganisationOutcome.balance`: an organisation that was never at the table
  for a round on the other side is counted in neither).
"""

from __future__ import annotations

import csv
import io
import itertools
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import cache
from typing import TYPE_CHECKING

from .i18n import every_language_text
from .i18n import text as i18n_text
from .outcome import Outcome
from .pdf.labels import label_language

if TYPE_CHECKING:  # decks load only where a workshop's titles are translated
    from .deck.model import Deck


@cache
def own_categories() -> frozenset[str]:
    """The category the outcome gives an organisation's own words without a category of
    their own, in each language a workshop can run in ("Egen værdi", "Own value"). Read
    when first asked: it reads both languages' catalogs."""
    return frozenset(every_language_text("value.own"))


def own_category(language: str) -> str:
    """The category of own words, in the report's language (as its labels: English for a
    language without labels of its own)."""
    return i18n_text(label_language(language), "value.own")


class Seen:
    """The workshops where something came up, as many as len() says. Workshops are
    counted in order, so the last one is all it remembers: a report over thousands of
    workshops needs no more memory for it than one over ten."""

    __slots__ = ("count", "last")

    def __init__(self) -> None:
        self.count = 0
        self.last = -1

    def add(self, index: int) -> None:
        """Workshop `index` (never before the last one added)."""
        if index != self.last:
            assert index > self.last, "workshops are counted in order"
            self.count += 1
            self.last = index

    def __len__(self) -> int:
        return self.count

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Seen) and other.count == self.count

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        return f"Seen({self.count})"


@dataclass
class Count:
    """How often a value, a category or a kind of organisation came up."""

    name: str
    category: str = ""
    gives: int = 0
    gets: int = 0
    agreed: int = 0
    organisations: int = 0
    only_gives: int = 0
    only_gets: int = 0
    workshops: Seen = field(default_factory=Seen)
    """The workshops where it came up (len: how many)."""
    card: str = ""
    """A value's card id; "" for an organisation's own words (and for categories and kinds)."""
    own: bool = False
    """Whether the value is an organisation's own words (a blank card)."""
    translated: bool = True
    """False for a card whose deck has no twin in the report's language: its title (and
    category) are as the workshop recorded them."""

    @property
    def picks(self) -> int:
        """Picks to either side."""
        return self.gives + self.gets


@dataclass(frozen=True)
class Workshop:
    """One workshop in the report."""

    title: str
    place: str
    date: str
    organisations: int
    picks: int
    agreed: int
    actions: int
    language: str = ""
    """The language of the workshop's deck (its cards' titles)."""
    name: str = ""
    """The workshop's file name (without .jsonl), when the report knows it."""
    follows: str = ""
    """For a follow-up meeting: the name of the workshop it follows."""
    partnership: str = ""
    """The name of the first workshop of the chain of follow-ups this one belongs to (its
    own name if it begins one); "" if it stands alone (see `partnerships`)."""
    reviewed: dict[str, int] = field(default_factory=dict)
    """For a follow-up meeting: how many of the followed workshop's items were said to be
    each status ("done", "partly", "yes", "holds", ...), over all its items."""


@dataclass(frozen=True)
class Report:
    """The counts over several workshops, most frequent first."""

    workshops: list[Workshop]
    values: list[Count]
    categories: list[Count]
    types: list[Count]
    language: str
    """The language of the names of values and categories, and of the PDF's labels."""
    partnerships: list[list[int]] = field(default_factory=list)
    """Workshops that follow each other, as one partnership over time: the indexes of
    each chain's workshops (in `workshops`), first to last, for chains of two or more."""


class _Decks:
    """Decks by id and language, each loaded once (None where there is none)."""

    def __init__(self) -> None:
        self._found: dict[tuple[str, str], Deck | None] = {}

    def get(self, ident: str, language: str) -> Deck | None:
        key = (ident, language)
        if key not in self._found:
            deck = None
            if ident and language and "/" not in ident and "\\" not in ident:
                from .deck.catalog import resolve_deck  # YAML only when a deck is needed
                from .deck.errors import DeckError

                try:
                    deck = resolve_deck(ident, language)
                except (DeckError, OSError):
                    deck = None
            self._found[key] = deck if deck is not None and deck.id == ident else None
        return self._found[key]


class _Names:
    """One workshop's titles and categories in the report's language."""

    def __init__(self, decks: _Decks, result: Outcome, language: str) -> None:
        info = result.deck or {}
        self._decks = decks
        self._ident = str(info.get("id", ""))
        self._recorded = str(info.get("language", "")) or result.language
        self.native = self._recorded == language
        """Whether the workshop's deck is in the report's language (its titles are)."""
        self._language = language
        self.own = own_category(language)

    @property
    def twin(self) -> Deck | None:
        """The workshop's deck in the report's language."""
        return self._decks.get(self._ident, self._language)

    @property
    def source(self) -> Deck | None:
        """The workshop's deck as it was played."""
        return self._decks.get(self._ident, self._recorded)

    def card(self, card: str, title: str, category: str) -> tuple[str, str, bool]:
        """A card's title and category in the report's language, and whether they are."""
        if not self.native:
            from .deck.model import CardKind

            twin = self.twin
            found = None
            if twin is not None:
                try:
                    found = twin.card(card)
                except KeyError:
                    found = None
            if found is not None and found.kind is not CardKind.BLANK:
                name = twin.category(found.category).name if found.category else ""
                return found.title, name, True
        return title, self.category(category), self.native

    def category(self, name: str) -> str:
        """A category's name in the report's language (as recorded where it has none)."""
        if name in own_categories():
            return self.own
        if self.native or not name:
            return name
        source, twin = self.source, self.twin
        if source is None or twin is None:
            return name
        for category in source.categories:
            if category.name == name:
                try:
                    return twin.category(category.id).name
                except KeyError:
                    return name
        return name

    def card_named(self, title: str, category: str) -> str:
        """The id of the deck's card with this title and category ("" if none: own words)."""
        if category in own_categories() or self.source is None:
            return ""
        from .deck.model import CardKind

        for card in self.source.cards:
            if card.kind is CardKind.BLANK or card.title != title:
                continue
            name = self.source.category(card.category).name if card.category else ""
            if name == category or not category:
                return card.id
        return ""


def tally(outcomes: Iterable[Outcome | tuple[str, Outcome]],
          language: str | None = None) -> Report:
    """Count values, categories and kinds of organisation over the workshops' outcomes,
    named in `language` (default: the first workshop's). An outcome may come with its
    workshop's file name, (name, outcome): then follow-ups are linked to the workshops
    they follow (`Report.partnerships`). The outcomes are read one at a time and not
    kept, so a report over thousands of workshops needs no more memory than one over
    ten."""
    stream = (item if isinstance(item, tuple) else ("", item) for item in outcomes)
    first = next(stream, None)
    if language is None:
        language = first[1].language if first is not None else "da"
    named = itertools.chain([first], stream) if first is not None else iter(())
    decks = _Decks()
    values: dict[tuple[str, ...], Count] = {}
    categories: dict[str, Count] = {}
    types: dict[str, Count] = {}
    category_order: list[str] = []
    workshops = []

    def count(index: int, names: _Names, title: str, category: str,
              card: str) -> tuple[Count, Count]:
        """The value's row and its category's row, both marked as seen in this workshop."""
        if card:
            title, category, translated = names.card(card, title, category)
            key: tuple[str, ...] = ("card", card)
        else:
            # Own words are the organisation's, in no deck: the first spelling names them.
            title, category = " ".join(title.split()), names.category(category)
            translated = True
            key = ("own", title.casefold(), category)
        row = values.get(key)
        if row is None:
            row = values[key] = Count(title, category, card=card, own=not card,
                                      translated=translated)
        elif translated and not row.translated:
            row.name, row.category, row.translated = title, category, True
        row.workshops.add(index)
        group = categories.setdefault(category, Count(category))
        group.workshops.add(index)
        return row, group

    for index, (file_name, result) in enumerate(named):
        names = _Names(decks, result, language)
        for name in result.categories:
            name = names.category(name)
            if name not in category_order:
                category_order.append(name)
        picks = 0
        # The card id of each (words, category) picked here ("" for own words): agreements
        # name their values by words only.
        cards: dict[tuple[str, str], str] = {}
        for org in result.organisations:
            kind = types.setdefault(org.type, Count(org.type))
            kind.workshops.add(index)
            kind.organisations += 1
            kind.gives += len(org.gives)
            kind.gets += len(org.gets)
            kind.only_gives += org.balance == "only_gives"
            kind.only_gets += org.balance == "only_gets"
            for pick in org.gives:
                for counted in count(index, names, pick.value, pick.category, pick.card):
                    counted.gives += 1
                cards.setdefault((pick.value, pick.category), pick.card)
            for pick in org.gets:
                for counted in count(index, names, pick.value, pick.category, pick.card):
                    counted.gets += 1
                cards.setdefault((pick.value, pick.category), pick.card)
            picks += len(org.gives) + len(org.gets)
        for agreed in result.agreements:
            named = list(agreed.categories)[:len(agreed.values)]
            named += [""] * (len(agreed.values) - len(named))
            for title, category in dict.fromkeys(zip(agreed.values, named)):
                card = cards.get((title, category))
                if card is None:
                    card = names.card_named(title, category)
                for counted in count(index, names, title, category, card):
                    counted.agreed += 1
        reviewed: dict[str, int] = {}
        for review in result.reviews:
            if review.status:
                reviewed[review.status] = reviewed.get(review.status, 0) + 1
        workshops.append(Workshop(result.title, result.place, result.date,
                                  len(result.organisations), picks, len(result.agreements),
                                  len(result.actions),
                                  str((result.deck or {}).get("language", "")) or result.language,
                                  file_name, result.follows.get("name", ""), "", reviewed))
    ranked = sorted(values.values(), key=lambda c: (-c.picks, -c.agreed, c.name.casefold()))
    order = {name: number for number, name in enumerate(category_order + [own_category(language)])}
    grouped = sorted(categories.values(),
                     key=lambda c: (-c.picks, -c.agreed, order.get(c.name, len(order)), c.name))
    kinds = sorted(types.values(), key=lambda c: (-c.organisations, c.name))
    workshops, chains = _partnerships(workshops)
    return Report(workshops, ranked, grouped, kinds, language, chains)


def _partnerships(workshops: list[Workshop]) -> tuple[list[Workshop], list[list[int]]]:
    """Link each follow-up to the workshop it follows (by file name, where both are in
    the report): each chain, first to last, and the workshops marked with its first."""
    index = {workshop.name: number for number, workshop in enumerate(workshops)
             if workshop.name}
    parent = {number: index[workshop.follows] for number, workshop in enumerate(workshops)
              if workshop.follows in index and index[workshop.follows] != number}

    def root(number: int) -> int:
        seen = set()
        while number in parent and number not in seen:  # a loop (edited files): stop
            seen.add(number)
            number = parent[number]
        return number

    chains: dict[int, list[int]] = {}
    for number in range(len(workshops)):
        if number in parent or any(child == number for child in parent.values()):
            chains.setdefault(root(number), []).append(number)

    def depth(number: int) -> int:
        steps, seen = 0, set()
        while number in parent and number not in seen:
            seen.add(number)
            number, steps = parent[number], steps + 1
        return steps

    ordered = [sorted(members, key=lambda n: (depth(n), workshops[n].date, n))
               for _, members in sorted(chains.items())]
    marked = list(workshops)
    for members in ordered:
        for number in members:
            marked[number] = replace(marked[number], partnership=workshops[members[0]].name)
    return marked, [members for members in ordered if len(members) > 1]


CSV_COLUMNS = ("table", "name", "category", "gives", "gets", "picks", "agreed", "workshops",
               "organisations", "only_gives", "only_gets", "actions", "date", "place", "card",
               "language", "file", "follows", "partnership")
"""One table per kind of row (workshop, value, category, org_type); empty where it does not
apply. Organisation kinds are given by their ids (helhedsplan, kommune, ...). `card` is a
value's card id, empty for an organisation's own words (whose category is the blank card's,
or "Egen værdi" / "Own value"). `language` is, for a workshop, the language its deck was
played in, and for every other row the language of its name and category (the report's).
`file`, `follows` and `partnership` (workshops only): the workshop's file name, the one it
follows (a follow-up meeting), and the first of the chain of follow-ups it belongs to."""


def to_csv(report: Report) -> str:
    """The counts as CSV (UTF-8, comma-separated, one header), for further analysis."""
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    language = report.language
    for workshop in report.workshops:
        writer.writerow({"table": "workshop", "name": workshop.title, "picks": workshop.picks,
                         "agreed": workshop.agreed, "organisations": workshop.organisations,
                         "actions": workshop.actions, "date": workshop.date,
                         "place": workshop.place, "language": workshop.language,
                         "file": workshop.name, "follows": workshop.follows,
                         "partnership": workshop.partnership})
    for count in report.values:
        writer.writerow({"table": "value", "name": count.name, "category": count.category,
                         **_numbers(count), "card": count.card, "language": language})
    for count in report.categories:
        writer.writerow({"table": "category", "name": count.name, **_numbers(count),
                         "language": language})
    for count in report.types:
        writer.writerow({"table": "org_type", "name": count.name, "gives": count.gives,
                         "gets": count.gets, "picks": count.picks,
                         "workshops": len(count.workshops),
                         "organisations": count.organisations, "only_gives": count.only_gives,
                         "only_gets": count.only_gets})
    return buffer.getvalue()


def _numbers(count: Count) -> dict[str, int]:
    return {"gives": count.gives, "gets": count.gets, "picks": count.picks,
            "agreed": count.agreed, "workshops": len(count.workshops)}


# -- the PDF ------------------------------------------------------------------------------
