"""The security headers every answer of ours carries (serve's page and the phones' page)."""

from __future__ import annotations

from aiohttp import web


def secure(response: web.StreamResponse, csp: str) -> web.StreamResponse:
    """`response` with a CSP (unless the handler set one), nosniff, no referrer, no
    caching and no framing; an HTTP error is raised again once it carries them."""
    response.headers.setdefault("Content-Security-Policy", csp)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    if isinstance(response, web.HTTPException):
        raise response
    return response
