"""Participants' own phones: a page and an API served by the app on the room's network
(desk.py: what a phone may see and do; server.py: the web side)."""
