"""Every fixed word printed in the PDFs: the entries pdf.* of the catalogs (vaerdispil.i18n).

A deck in a language without a complete catalog gets the English labels.
"""

from __future__ import annotations

from ..i18n import LANGUAGES, plural, texts

PREFIX = "pdf."
"""The labels' keys in the catalogs begin so: "pdf.summary.title" is labels["summary.title"]."""


class Labels(dict[str, str]):
    """The PDF labels of one language by key, and their plural entries through plural()."""

    def __init__(self, language: str) -> None:
        super().__init__(texts(language, PREFIX))
        self.language = language

    def plural(self, key: str, count: int, /, **values: object) -> str:
        """The label `key` in the form for `count`, filled in: '1 prik', '2 prikker'."""
        return plural(self.language, PREFIX + key, count, **values)


def label_language(language: str) -> str:
    """The language of the labels for `language`: itself, or English."""
    return language if language in LANGUAGES else "en"


def labels_for(language: str) -> Labels:
    """The labels in `language`, English for a language without its own."""
    return Labels(label_language(language))
