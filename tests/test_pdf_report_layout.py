"""The report across workshops keeps its headings off the foot of a page."""

from __future__ import annotations

import io
from dataclasses import replace

from pypdf import PdfReader

from tests.test_report import OWN, english, outcomes  # noqa: F401 - fixtures
from vaerdispil.outcome import OrganisationOutcome, Outcome, PickedValue
from vaerdispil.pdf.report import render_report, tally

HEADINGS = {"Værkstederne", "Værdierne", "Kategorierne", "Giver og får pr. type organisation"}


def heading_places(data: bytes) -> list[tuple[int, str, float, float]]:
    """(page, heading, baseline, page height) of each section heading."""
    found: list[tuple[int, str, float, float]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages, start=1):
        height = float(page.mediabox.height)

        def visit(text: str, cm: list[float], tm: list[float], *_: object,
                  number: int = number, height: float = height) -> None:
            if text.strip() in HEADINGS:
                found.append((number, text.strip(), tm[5] * cm[3] + cm[5], height))

        page.extract_text(visitor_text=visit)
    return found


def test_no_heading_in_the_last_15_percent_of_a_page(
        outcomes: list, english: Outcome) -> None:  # type: ignore[type-arg]  # noqa: F811
    """With more and more values the later headings land everywhere on the page."""
    for extra in (0, 8, 17, 26, 35):
        club = OrganisationOutcome("Klubben", "forening", [], gives=[
            PickedValue("Det giver vi", "give", f"Vores værdi nummer {number}", OWN, "")
            for number in range(extra)], balance="only_gives")
        more = replace(outcomes[1], title="Mere", organisations=[club])
        places = heading_places(render_report(tally(outcomes + [english, more])).data)
        assert {text for _, text, _, _ in places} == HEADINGS, extra
        for page, text, y, height in places:
            assert y >= 0.15 * height, (extra, page, text, y)


def test_a_workshops_date_stays_on_one_line(
        outcomes: list, english: Outcome) -> None:  # type: ignore[type-arg]  # noqa: F811
    """The longest Danish dates ("28. september 2025") are not broken over two lines in
    the list of workshops: the date column is as wide as its widest date."""
    late = replace(outcomes[0], title="Sent", date="2025-09-28")
    data = render_report(tally(outcomes + [late])).data
    lines: list[str] = []

    def visit(text: str, *_: object) -> None:
        if text.strip():
            lines.append(text.strip())

    PdfReader(io.BytesIO(data)).pages[0].extract_text(visitor_text=visit)
    assert "28. september 2025" in lines
    assert "2025" not in lines  # no year alone on a line of its own
