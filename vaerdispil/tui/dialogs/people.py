"""Who comes late and who leaves early: the dialogs the palette and the facilitator panel
open mid-workshop. Each is built for the app's host (see host.py) and runs its change as
an engine command, so it is on disk before the screen shows it."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...game.rules import RuleError
from ...game.state import ORGANISATION_TYPES
from .form import Field, FormDialog

if TYPE_CHECKING:
    from ...session.game import Game
    from ..host import WorkshopHost


def late_participant(host: WorkshopHost, game: Game) -> FormDialog:
    """Ask for a late participant's name and organisation (one on the list, or a new one
    with its type), and add them; a refusal keeps the dialog open with what was typed."""
    orgs = [(org.name, org.id) for org in game.state.active_organisations()]

    def add(values: dict[str, Any]) -> None:
        """The new organisation first (if one is named), then the person in it."""
        new_org = str(values.get("new_org", "")).strip()
        org = values.get("org")
        if new_org and org:
            raise RuleError("error.org_or_new")
        if new_org:
            if not str(values.get("name", "")).strip():
                raise RuleError("error.empty", what=host.t("setup.person_name"))
            org = game.add_organisation(new_org, values["type"])
        if not org:
            raise RuleError("error.choose_org")
        game.add_participant(values["name"], str(org))

    return FormDialog(host.t("cmd.add_person"), [
        Field("name", host.t("setup.person_name")),
        # No organisation is chosen beforehand: one on the list, or a new one below.
        Field("org", host.t("setup.person_org"), "choice", "", orgs),
        Field("new_org", host.t("cmd.new_org")),
        Field("type", host.t("cmd.new_org_type"), "choice", "andet",
              [(host.t(f"orgtype.{kind}"), kind) for kind in ORGANISATION_TYPES]),
    ], host.language, submit=lambda values: host.attempt(lambda: add(values)))


def leaving(host: WorkshopHost, game: Game) -> FormDialog | None:
    """Someone leaves early: choose who; what they said and chose stays in the record.
    None when nobody is left at the table."""
    orgs = {org.id: org.name for org in game.state.organisations.values()}
    people = [(f"{person.name} ({orgs.get(person.org, '')})", person.id)
              for person in game.state.active_participants()]
    if not people:
        return None

    def leave(values: dict[str, Any]) -> str | None:
        if not values.get("person"):
            return None
        return host.attempt(lambda: game.remove_participant(str(values["person"])))

    return FormDialog(host.t("cmd.remove_person"), [
        Field("person", host.t("cmd.remove_person_who"), "list", options=people),
    ], host.language, submit=leave)
