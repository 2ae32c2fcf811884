"""Benchmark: a 1,000-card deck to a card-sheet PDF, against a naive reportlab baseline.

The baseline is how one would first write it: each card a Paragraph (title, text and
example in one, with markup) in a KeepInFrame that shrinks it, drawn in a Frame, nine
to an A4 page, fronts only. Both run in this process, with the same fonts registered
beforehand, so only the layout and drawing are timed.

    .venv/bin/python benchmarks/cards_pdf.py [--cards N] [--repeat R]

Prints both times (best of R runs, each with empty word-width and hyphenation caches, so
pyphen looks every word up again), the ratio (the aim is at most 0.5) and the peak memory of one run with fronts and backs
(tracemalloc, which slows that run down several times; it is not timed).
"""

from __future__ import annotations

import argparse
import gc
import io
import random
import sys
import tracemalloc
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reportlab.lib.styles import ParagraphStyle  # noqa: E402
from reportlab.lib.units import mm  # noqa: E402
from reportlab.pdfgen.canvas import Canvas  # noqa: E402
from reportlab.platypus import Frame, KeepInFrame, Paragraph  # noqa: E402

from vaerdispil.deck.catalog import resolve_deck  # noqa: E402
from vaerdispil.deck.model import Deck  # noqa: E402
from vaerdispil.pdf.cards import CardOptions, render_cards  # noqa: E402
from vaerdispil.pdf.common import PAPER, configure_reportlab, markup  # noqa: E402
from benchmarks.pdf_timing import timed  # noqa: E402
from vaerdispil.pdf.fonts import FAMILY, clear_width_cache  # noqa: E402
from vaerdispil.pdf.text import clear_hyphenation_cache  # noqa: E402


def generated_deck(count: int, seed: int = 5) -> Deck:
    """A deck of `count` cards made by shuffling the words of the bundled Danish deck."""
    base = resolve_deck("vaerdispil", "da")
    rng = random.Random(seed)
    words = " ".join(card.text for card in base.cards).split()
    cards = []
    for number in range(count):
        model = base.cards[number % len(base.cards)]
        text = " ".join(rng.choice(words) for _ in range(rng.randint(8, 34)))
        example = ""
        if model.example:
            example = " ".join(rng.choice(words) for _ in range(rng.randint(6, 16)))
        cards.append(replace(model, id=f"{model.id}-{number}", text=text, example=example))
    return replace(base, cards=tuple(cards), _by_id={})


def baseline(deck: Deck) -> bytes:
    """The naive way: Paragraph + KeepInFrame(shrink) + Frame per card, 9 per A4 page."""
    style = ParagraphStyle("card", fontName=FAMILY, fontSize=10.5, leading=13)
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=PAPER["a4"], invariant=1)
    width, height = 63 * mm, 88 * mm
    for number, card in enumerate(deck.cards):
        slot = number % 9
        x = 7.5 * mm + (slot % 3) * (width + 3 * mm)
        y = PAPER["a4"][1] - 10.5 * mm - (slot // 3 + 1) * height - (slot // 3) * 6 * mm
        text = f"<b>{markup(card.title)}</b><br/>{markup(card.text)}"
        if card.example:
            text += f"<br/><i>{markup(card.example)}</i>"
        frame = Frame(x, y, width, height, leftPadding=4 * mm, rightPadding=4 * mm,
                      topPadding=4 * mm, bottomPadding=4 * mm, showBoundary=1)
        frame.addFromList([KeepInFrame(width - 8 * mm, height - 8 * mm,
                                       [Paragraph(text, style)], mode="shrink")], canvas)
        if slot == 8:
            canvas.showPage()
    canvas.save()
    return buffer.getvalue()



def cold(action: Callable[[], object]) -> object:
    """Run `action` with pyphen's and our own hyphenation caches empty: every word is
    looked up in the dictionary again, as on the first run of a new deck."""
    clear_hyphenation_cache()
    return action()


def peak_memory(action: Callable[[], object]) -> int:
    """Peak bytes allocated while `action` runs (tracemalloc slows it down several times)."""
    clear_width_cache()
    gc.collect()
    tracemalloc.start()
    action()
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    return peak


def main() -> None:
    """Run the benchmark and print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    configure_reportlab()
    deck = generated_deck(args.cards)
    fronts = CardOptions(backs=False)
    duplex = CardOptions()
    # The first run also warms up imports and reportlab's own caches, outside the timings.
    peak = peak_memory(lambda: render_cards(deck, duplex))
    pages = render_cards(deck, fronts).pages
    ours = timed(lambda: cold(lambda: render_cards(deck, fronts)), args.repeat)
    ours_backs = timed(lambda: cold(lambda: render_cards(deck, duplex)), args.repeat)
    base = timed(lambda: baseline(deck), args.repeat)
    print(f"{args.cards} cards, A4, poker size: {pages} pages of fronts "
          f"(best of {args.repeat} runs)")
    print(f"vaerdispil, fronts only:         {ours:6.3f} s")
    print(f"vaerdispil, fronts and backs:    {ours_backs:6.3f} s")
    print(f"baseline, KeepInFrame(shrink):   {base:6.3f} s  (fronts only)")
    print(f"ratio, fronts only:              {ours / base:6.2f}  (aim: at most 0.5)")
    print(f"ratio, fronts and backs:         {ours_backs / base:6.2f}")
    print(f"peak memory, fronts and backs:   {peak / 1e6:6.1f} MB  (tracemalloc)")

if __name__ == "__main__":
    main()
