"""What every HR page handler shares: the app's keys, responses with their headers, sessions and CSRF checks."""

from __future__ import annotations

import asyncio
import ipaddress
import logging
from typing import Awaitable, Callable

from aiohttp import web

from bot.admin_auth import LockOut, same_token, token_digest
from bot.audit import Session
from bot.config import Settings
from bot.kbedit import EditRefused
from bot.review import Review
from bot.storage import database_errors
from handlers import admin_views as views

log = logging.getLogger(__name__)

SESSION_COOKIE = "minato_admin"
ADMIN_CSP = ("default-src 'none'; style-src 'self'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
             "frame-ancestors 'none'")

REVIEW = web.AppKey("admin_review", Review)
LOCKOUT = web.AppKey("admin_lockout", LockOut)
PASSWORD_HASH = web.AppKey("admin_password_hash", str)
ADMIN_SETTINGS = web.AppKey("admin_settings", Settings)
ADDRESS_OF = web.AppKey("admin_address_of", object)

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]
SignedIn = Callable[[web.Request, Session], Awaitable[web.StreamResponse]]


def is_https(request: web.Request, settings: Settings) -> bool:
    """Tell whether the browser reached us over HTTPS: directly, via a trusted proxy's header, or by setting."""
    if request.secure or settings.public_base_url.startswith("https://"):
        return True
    try:
        peer = ipaddress.ip_address(request.remote or "")
    except ValueError:
        return False
    trusted = any(peer in network for network in settings.trusted_proxies)
    forwarded = request.headers.get("X-Forwarded-Proto", "").split(",")[0].strip().lower()
    return trusted and forwarded == "https"


def page(html: str, status: int = 200, headers: dict[str, str] | None = None) -> web.Response:
    """Return an HR page with the headers every one carries (strict CSP, never cached, never framed)."""
    response = web.Response(text=html, status=status, content_type="text/html", charset="utf-8", headers=headers)
    response.headers["Content-Security-Policy"] = ADMIN_CSP
    response.headers["Cache-Control"] = "no-store"
    response.headers["X-Frame-Options"] = "DENY"
    return response


def redirect(location: str) -> web.Response:
    """Return a 303 to another HR page (after a POST, so a reload does not post again)."""
    return web.Response(status=303, headers={"Location": location, "Cache-Control": "no-store"})


def set_cookie(request: web.Request, response: web.StreamResponse, name: str, value: str) -> None:
    """Set an HR cookie: HttpOnly, SameSite=Strict, path /admin, and Secure when the page came over HTTPS."""
    response.set_cookie(name, value, path="/admin", httponly=True, samesite="Strict",
                        secure=is_https(request, request.app[ADMIN_SETTINGS]))


def review_of(request: web.Request) -> Review:
    """Return the review loop of this server."""
    return request.app[REVIEW]


def current_session(request: web.Request) -> tuple[str, Session] | None:
    """Return (token hash, session) for the request's session cookie, or None."""
    token = request.cookies.get(SESSION_COOKIE)
    if not token:
        return None
    digest = token_digest(token)
    session = review_of(request).store.session(digest)
    return (digest, session) if session else None


def signed_in(handler: SignedIn) -> Handler:
    """Wrap a handler: GET without a session goes to sign-in; POST without a session or CSRF token is 403."""
    async def wrapped(request: web.Request) -> web.StreamResponse:
        found = await asyncio.to_thread(current_session, request)
        if request.method == "POST":
            form = await request.post()
            token = form.get("csrf_token")
            if found is None or not same_token(token if isinstance(token, str) else None, found[1].csrf):
                return page(views.message_page("Refused", "This form has expired or did not come from this page: "
                                               "open the page again.", back="/admin/login"), status=403)
        elif found is None:
            return redirect("/admin/login")
        return await handler(request, found[1])

    return wrapped


def days_of(request: web.Request, default: int = 30) -> int:
    """Return the ?days= period (0: all time)."""
    raw = request.query.get("days", str(default))
    return int(raw) if raw.isdigit() and int(raw) <= 3660 else default


async def run_change(session: Session, work: Callable[[], int]) -> web.StreamResponse:
    """Run a change off the event loop; show the change, or why nothing was written."""
    try:
        change_id = await asyncio.to_thread(work)
    except EditRefused as exc:
        return page(views.message_page("Nothing was written", str(exc), exc.problems, session.csrf), status=422)
    except OSError as exc:  # a read-only or full disk: the file was replaced whole or not at all
        log.error("HR page: cannot write the knowledge: %s", exc)
        return page(views.message_page("Nothing was written", f"The knowledge folder cannot be written: "
                                       f"{exc.strerror or exc}", csrf=session.csrf), status=500)
    return redirect(f"/admin/changes/{change_id}")


@web.middleware
async def database_trouble(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Answer an HR page whose database cannot be used (a PostgreSQL server down or unreachable) with a page that
    says so, rather than the API's JSON error."""
    if not request.path.startswith("/admin"):
        return await handler(request)
    try:
        return await handler(request)
    except database_errors() as exc:
        log.error("HR page: %s %s: the log database failed: %s", request.method, request.path, exc)
        return page(views.message_page("Database unavailable", "The question log's database cannot be reached "
                                       "just now: try again in a moment.", back=request.path), status=503,
                    headers={"Retry-After": "30"})
