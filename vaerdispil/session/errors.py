"""What an unusable session file raises (a light module: the command line and the app
import it before the engine)."""

from __future__ import annotations


class SessionError(Exception):
    """A session file that cannot be used as it is; the message is one line for the user."""


class SessionLocked(SessionError):
    """Another program has the workshop open."""
