"""Footer and palette texts for key bindings, in the workshop's language."""

from __future__ import annotations

import dataclasses

from textual.dom import DOMNode

from ..i18n import has_key
from ..i18n import text as t


def localise_bindings(node: DOMNode, language: str) -> None:
    """Give each binding with an id the description `key.<id>` in `language`.

    Bindings are declared once on the class; a node's own copy of the map is what
    the footer reads, so rewriting that copy localises one screen without touching
    the class (and other screens) and without a class per language.
    """
    table = node._bindings.key_to_bindings  # noqa: SLF001 - the per-instance copy Textual keeps
    for key, bindings in list(table.items()):
        table[key] = [
            dataclasses.replace(binding, description=t(language, f"key.{binding.id}"))
            if binding.id and has_key(f"key.{binding.id}")
            else binding
            for binding in bindings
        ]
