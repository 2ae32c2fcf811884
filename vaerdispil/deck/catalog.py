"""The decks there are: bundled with the package, and in the user's deck folder."""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..paths import deck_file_name, user_decks_dir
from .loader import DeckError, Problem, load_deck
from .model import Deck

DECK_SUFFIXES = (".yaml", ".yml")


def bundled_decks_dir() -> Path:
    """The folder of the bundled decks: inside the installed package, or the source tree's cards/."""
    packaged = Path(str(resources.files("vaerdispil"))) / "cards"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "cards"


@dataclass(frozen=True)
class DeckEntry:
    """A deck file found in a deck folder, loaded or with the reason it would not load.
    A translation file (deck.translated) is loaded as the deck in its language."""

    path: Path
    bundled: bool
    deck: Deck | None
    error: DeckError | None

    @property
    def translation(self) -> bool:
        return self.deck is not None and self.deck.reviewed is not None


def _is_translation(path: Path) -> bool:
    from .translated import is_translation

    try:
        with open(path, "rb") as file:
            return is_translation(file.read(64 * 1024))
    except OSError:
        return False


def load_deck_file(path: Path, base: Deck | None = None) -> Deck:
    """A deck file, or a translation file as the deck in its language (its deck is looked
    for beside it first, then among all decks, in Danish). DeckError if either is bad."""
    if not _is_translation(path):
        return load_deck(path)
    from .translated import load_translation, translate

    translation = load_translation(path)
    if base is None or base.id != translation.translates:
        beside = path.with_name(deck_file_name(translation.translates, "da"))
        base = load_deck(beside) if beside.is_file() else \
            resolve_deck(translation.translates, "da")
    return translate(base, translation)


def _deck_files(folder: Path) -> list[Path]:
    try:
        return sorted(p for p in folder.iterdir() if p.suffix in DECK_SUFFIXES and p.is_file())
    except OSError:
        return []


def deck_files(folder: Path) -> list[Path]:
    """The deck files in a folder, without the translation files beside them."""
    return [path for path in _deck_files(folder) if not _is_translation(path)]


def translation_files(folder: Path) -> list[Path]:
    """The translation files in a folder (deck.translated)."""
    return [path for path in _deck_files(folder) if _is_translation(path)]


def translation_languages(deck: Deck) -> list[str]:
    """The languages a translation file is there for, by its name alone (no file read:
    translation_of reads and checks one)."""
    found = []
    for folder in (user_decks_dir(), bundled_decks_dir()):
        for path in _deck_files(folder):
            parts = path.name.split(".")
            if len(parts) == 3 and parts[0] == deck.id and parts[1] != deck.language and \
                    parts[1] not in found and parts[1] not in ("da", "en"):
                found.append(parts[1])
    return found


def translation_of(deck: Deck, language: str) -> Deck | None:
    """`deck` in `language` from a translation file (the user's first, then the bundled),
    checked against this very deck (a workshop's, which may be older or newer than the
    file): None if there is none, or it does not fit this deck."""
    from .translated import load_translation, translate

    for folder in (user_decks_dir(), bundled_decks_dir()):
        path = folder / deck_file_name(deck.id, language)
        if path.is_file() and _is_translation(path):
            try:
                return translate(deck, load_translation(path))
            except DeckError:
                continue
    return None


def find_decks(translations: bool = False) -> list[DeckEntry]:
    """Every bundled and user deck, bundled first, each loaded (errors kept, not raised).
    With `translations`, the translation files too (each as the deck in its language):
    they are for print and phones; a workshop runs in a deck's own language."""
    entries = []
    for folder, bundled in ((bundled_decks_dir(), True), (user_decks_dir(), False)):
        for path in _deck_files(folder):
            if not translations and _is_translation(path):
                continue
            try:
                entries.append(DeckEntry(path, bundled, load_deck_file(path), None))
            except DeckError as error:
                entries.append(DeckEntry(path, bundled, None, error))
    return entries


def resolve_deck(name: str, language: str | None = None) -> Deck:
    """Load a deck named by a path, or by a deck id (in `language`, Danish first by default).

    Raises DeckError when the file is bad or no deck has that id.
    """
    path = Path(name).expanduser()
    if path.suffix in DECK_SUFFIXES or path.is_file() or "/" in name or "\\" in name:
        return load_deck_file(path)
    for lang in [language] if language else ["da", "en"]:
        # The usual case, without reading every deck: the file named after the id.
        for folder in (user_decks_dir(), bundled_decks_dir()):
            candidate = folder / deck_file_name(name, lang)
            if candidate.is_file():
                deck = load_deck_file(candidate)
                if deck.id == name and deck.language == lang:
                    return deck
    entries = find_decks(translations=True)
    found = [entry.deck for entry in entries if entry.deck and entry.deck.id == name]
    for lang in [language] if language else ["da", "en"]:
        for deck in found:
            if deck.language == lang:
                return deck
    if found and not language:
        return found[0]
    for entry in entries:
        if entry.error and entry.path.name.startswith(f"{name}."):
            raise entry.error
    known = sorted({entry.deck.id for entry in entries if entry.deck})
    where = f" in the language '{language}'" if language and found else ""
    message = (f"no deck with the id '{name}'{where}; the decks are {', '.join(known)} "
               "(see vaerdispil deck list), or give the path of a .yaml file")
    raise DeckError(name, [Problem(0, 0, message)])
