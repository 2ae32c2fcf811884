"""The rules of a Værdispil workshop: what may happen next, and what the state means.

`decide_*` functions check a command against the state and the deck and return the
event it makes (without seq and ts, which the engine adds), or raise RuleError.
The other functions read the state: whose turn it is, the values picked, the tally.

Each round mode has its own module (turns, picks, votes, agree), beside set-up, edits and
the checks they share; this module is the one place the engine and the screens import
them from. A new round mode is a new module, added here (review: the follow-up's).
"""

from __future__ import annotations

from .agree import decide_action, decide_agree, decide_dissent, decide_follow_up
from .checks import (
    MAX_TEXT,
    OUTCOMES,
    RuleError,
    current_round,
    own_cards,
    round_cards,
    takers,
)
from .edits import EDITABLE, check_undo, decide_edit, decide_remove
from .phones import decide_bind_phone, decide_open_phones, decide_release_phone
from .picks import Value, decide_pick, picked_values, value_key
from .review import STATUSES, ReviewItem, decide_review, review_items
from .review import then_items as review_then_items
from .setup import (
    decide_add_org,
    decide_add_participant,
    decide_change_org,
    decide_change_participant,
    decide_details,
    decide_end_session,
    decide_order,
    decide_remove_org,
    decide_remove_participant,
    decide_start_round,
)
from .turns import (
    TurnProgress,
    decide_draw,
    decide_end_turn,
    decide_extend,
    decide_note,
    decide_pause,
    decide_resume,
    turn_progress,
)
from .votes import (
    current_voter,
    decide_reveal,
    decide_vote,
    decide_vote_done,
    dots_used,
    tally,
    votes_visible,
)

__all__ = [
    "EDITABLE", "MAX_TEXT", "OUTCOMES", "RuleError", "TurnProgress", "Value", "check_undo",
    "current_round", "current_voter", "decide_action", "decide_add_org",
    "decide_add_participant", "decide_agree", "decide_change_org", "decide_change_participant",
    "decide_details", "decide_dissent", "decide_draw", "decide_edit", "decide_end_session",
    "decide_end_turn", "decide_extend", "decide_follow_up", "decide_note", "decide_order",
    "decide_pause", "decide_pick", "decide_remove", "decide_remove_org",
    "decide_remove_participant", "decide_reveal", "decide_resume", "decide_review",
    "decide_start_round", "decide_bind_phone", "decide_open_phones", "decide_release_phone", "STATUSES", "ReviewItem", "review_items", "review_then_items",
    "decide_vote", "decide_vote_done", "dots_used", "own_cards", "picked_values", "round_cards",
    "takers", "tally", "turn_progress", "value_key", "votes_visible",
]
