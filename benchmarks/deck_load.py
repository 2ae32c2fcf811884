"""Benchmark: load and validate a generated 10,000-card deck, against parsing the same file
with PyYAML's bare C loader in the same run (machines here are noisy: the ratio is the figure).

    .venv/bin/python benchmarks/deck_load.py

Aim: ratio at most 2.0.
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import yaml

from vaerdispil.deck.loader import load_deck

CARDS = 10_000
REPEATS = 5


def generate(cards: int) -> str:
    """A valid deck text with `cards` cards over 7 categories and a full round script."""
    lines = ["format: 1", "id: benchmark", "language: da", "title: Benchmark", "categories:"]
    for c in range(7):
        lines += [f"  - id: kategori-{c}", f"    name: Kategori {c}", '    colour: "#F2C14E"']
    lines.append("cards:")
    for i in range(cards):
        kind = ("value", "question", "blank")[i % 3]
        lines += [f"  - id: kort-{i}", f"    kind: {kind}"]
        if kind == "value":
            lines.append(f"    category: kategori-{i % 7}")
        lines += [f"    title: Kort nummer {i}",
                  f"    text: Vi giver jer noget, der er værd at have. Det er kort nummer {i}.",
                  "    example: Supermarkedet giver frugt til lektiecaféen hver tirsdag."]
    lines += ["rounds:", "  - id: intro", "    title: Hvem er vi?", "    mode: turns",
              "    kinds: [question]", "    prompt: Svar på kortet.", "    guide: Lad alle tale.",
              "  - id: giver", "    title: Det giver vi", "    mode: pick",
              "    kinds: [value, blank]", "    side: give", "    picks: 3",
              "    prompt: Vælg tre kort.", "    guide: Giv tid.", "  - id: stem",
              "    title: Stem", "    mode: vote", "    dots: 3", "    prompt: Stem.",
              "    guide: Stem."]
    return "\n".join(lines) + "\n"


def best_of(call, repeats: int = REPEATS) -> float:  # type: ignore[no-untyped-def]
    times = []
    for _ in range(repeats):
        started = time.perf_counter()
        call()
        times.append(time.perf_counter() - started)
    return min(times)


def main() -> None:
    text = generate(CARDS)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "benchmark.yaml"
        path.write_text(text, encoding="utf-8")
        assert len(load_deck(path).cards) == CARDS

        def bare() -> None:
            with path.open("rb") as file:
                yaml.load(file.read(), Loader=yaml.CSafeLoader)

        baseline = best_of(bare)
        ours = best_of(lambda: load_deck(path))
    size = len(text.encode()) / 1024 / 1024
    print(f"deck: {CARDS:,} cards, {size:.1f} MiB")
    print(f"bare yaml.load(CSafeLoader):   {baseline * 1000:7.1f} ms")
    print(f"vaerdispil load + validate:    {ours * 1000:7.1f} ms")
    print(f"ratio: {ours / baseline:.2f} (aim: at most 2.0)")


if __name__ == "__main__":
    main()
