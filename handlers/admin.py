"""HR's review page at /admin: sign-in, dashboard, inbox, fixes and undo. Off (404) without a password hash.

HTTP only: sessions, CSRF and the lock-out come from bot.admin_auth and bot.audit; the work from bot.review.
"""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path
from typing import Callable

from aiohttp import web

from bot.admin_auth import BadHash, LockOut, check_hash, new_token, same_token, token_digest, verify_password
from bot.audit import AdminStore, Session
from bot.config import Settings
from bot.kbedit import Edit
from bot.review import Review, period_of
from bot.service import Answerer
from bot.storage import database_errors, describe, open_admin_store
from handlers import admin_views as views
from handlers.admin_http import (ADDRESS_OF, ADMIN_SETTINGS, LOCKOUT, PASSWORD_HASH, REVIEW, SESSION_COOKIE,
                                 current_session, database_trouble, days_of, page, redirect, review_of, run_change,
                                 set_cookie, signed_in)
from handlers.admin_pages import dashboard, new_entry_form, new_entry_post
from handlers.http_guard import expect_continue

log = logging.getLogger(__name__)

LOGIN_COOKIE = "minato_admin_login"  # the sign-in form's CSRF token (double submit: cookie and field must agree)
CSS = Path(__file__).parent / "static" / "admin.css"


class AdminSetupError(Exception):
    """The HR page cannot start with these settings."""


def mount(app: web.Application, answerer: Answerer, settings: Settings,
          address_of: Callable[[web.Request], str], lockout: LockOut | None = None) -> None:
    """Add /admin to the server when MINATO_ADMIN_PASSWORD_HASH is set; without it, add nothing (404)."""
    if not settings.admin_password_hash:
        return
    try:
        check_hash(settings.admin_password_hash)
    except BadHash as exc:
        raise AdminSetupError(str(exc)) from None
    if not settings.log_enabled:
        raise AdminSetupError("the HR page needs the question log: unset MINATO_DB=off, or unset "
                              "MINATO_ADMIN_PASSWORD_HASH")
    store = _open_store(settings)
    app[REVIEW] = Review(answerer, settings.log_location, store)
    app[LOCKOUT] = lockout or LockOut(store)  # counted in the database: the same in every server process
    app[PASSWORD_HASH] = settings.admin_password_hash
    app[ADDRESS_OF] = address_of
    app[ADMIN_SETTINGS] = settings

    async def close_store(_: web.Application) -> None:
        await asyncio.to_thread(store.close)

    app.on_cleanup.append(close_store)
    app.middlewares.append(database_trouble)
    for path, handler in (("/admin", home), ("/admin/", home), ("/admin/login", login_form),
                          ("/admin/static/admin.css", stylesheet), ("/admin/dashboard", signed_in(dashboard)),
                          ("/admin/inbox", signed_in(inbox)), ("/admin/new-entry", signed_in(new_entry_form)),
                          ("/admin/changes", signed_in(changes)), ("/admin/changes/{id:\\d+}", signed_in(change))):
        app.router.add_get(path, handler, expect_handler=expect_continue)
    for path, handler in (("/admin/login", login), ("/admin/logout", signed_in(logout)),
                          ("/admin/act", signed_in(act)), ("/admin/new-entry", signed_in(new_entry_post)),
                          ("/admin/changes/{id:\\d+}/undo", signed_in(undo))):
        app.router.add_post(path, handler, expect_handler=expect_continue)


def _open_store(settings: Settings) -> AdminStore:
    # Beside the question log, in the same database: SQLite file or PostgreSQL, shared by every server process.
    try:
        return open_admin_store(settings.log_location)
    except database_errors() as exc:
        raise AdminSetupError(f"cannot set up its tables in {describe(settings.log_location)}: {exc}") from None


async def home(request: web.Request) -> web.StreamResponse:
    """GET /admin: the inbox, or the sign-in form."""
    found = await asyncio.to_thread(current_session, request)
    return redirect("/admin/inbox" if found else "/admin/login")


async def stylesheet(request: web.Request) -> web.StreamResponse:
    """GET /admin/static/admin.css."""
    return web.FileResponse(CSS, headers={"Content-Type": "text/css; charset=utf-8", "Cache-Control": "no-cache"})


async def login_form(request: web.Request, error: str = "", status: int = 200) -> web.StreamResponse:
    """GET /admin/login: the form, with a fresh CSRF token in the form and in a cookie."""
    token = new_token()
    response = page(views.login_page(token, error), status=status)
    set_cookie(request, response, LOGIN_COOKIE, token)
    return response


async def login(request: web.Request) -> web.StreamResponse:
    """POST /admin/login: CSRF first, then the lock-out (no password is checked while locked), then the password."""
    form = await request.post()
    token, password = form.get("csrf_token"), form.get("password")
    if not same_token(token if isinstance(token, str) else None, request.cookies.get(LOGIN_COOKIE)):
        return page(views.message_page("Refused", "The sign-in form has expired: open it again.", back="/admin/login"),
                    status=403)
    address = request.app[ADDRESS_OF](request)  # type: ignore[operator]
    lockout = request.app[LOCKOUT]
    began = await asyncio.to_thread(lockout.begin, address)  # counted as wrong until the password proves right
    if began is None:
        wait = await asyncio.to_thread(lockout.retry_after, address)
        return page(views.message_page("Too many tries", f"Too many wrong passwords: try again in {wait} s.",
                                       back="/admin/login"), status=429, headers={"Retry-After": str(wait)})
    good = isinstance(password, str) and await asyncio.to_thread(verify_password, password, request.app[PASSWORD_HASH])
    if not good:
        log.warning("HR page: wrong password from %s", address)
        return await login_form(request, "Wrong password.", status=401)
    await asyncio.to_thread(lockout.succeeded, address, began)
    session_token, csrf, actor = new_token(), new_token(), new_token()[:8]
    await asyncio.to_thread(review_of(request).store.open_session, token_digest(session_token), actor, csrf)
    log.info("HR page: session %s signed in from %s", actor, address)
    response = redirect("/admin/inbox")
    set_cookie(request, response, SESSION_COOKIE, session_token)
    response.del_cookie(LOGIN_COOKIE, path="/admin")
    return response


async def logout(request: web.Request, session: Session) -> web.StreamResponse:
    """POST /admin/logout: forget the session."""
    found = await asyncio.to_thread(current_session, request)
    if found is not None:
        await asyncio.to_thread(review_of(request).store.close_session, found[0])
    response = redirect("/admin/login")
    response.del_cookie(SESSION_COOKIE, path="/admin")
    return response


async def inbox(request: web.Request, session: Session) -> web.StreamResponse:
    """GET /admin/inbox: what the bot missed, with its best entries and HR's actions."""
    review, days = review_of(request), days_of(request)
    items = await asyncio.to_thread(review.inbox, period_of(days or None))
    return page(views.inbox_page(items, review.entry_choices(), days, session.csrf))


ACTIONS = {"paraphrase": "add_question", "out_of_scope": "add_out_of_scope", "dismiss": None}


async def act(request: web.Request, session: Session) -> web.StreamResponse:
    """POST /admin/act: add as a question of an entry, mark out of scope, or dismiss."""
    form = await request.post()
    action, question, entry_id = (str(form.get(k, "")) for k in ("action", "question", "entry_id"))
    question = question.strip()
    if action not in ACTIONS or not question:
        return page(views.message_page("Refused", "Unknown action or empty question.", csrf=session.csrf), 400)
    edit = Edit(ACTIONS[action], question, entry_id if action == "paraphrase" else "") if ACTIONS[action] else None
    return await run_change(session, lambda: review_of(request).act(session.actor, action, edit, question))


async def changes(request: web.Request, session: Session) -> web.StreamResponse:
    """GET /admin/changes: the audit table."""
    found = await asyncio.to_thread(review_of(request).store.changes)
    return page(views.changes_page(found, session.csrf))


async def change(request: web.Request, session: Session) -> web.StreamResponse:
    """GET /admin/changes/N: one change and how the reloaded bot answers its question."""
    review = review_of(request)
    found = await asyncio.to_thread(review.store.change, int(request.match_info["id"]))
    if found is None:
        raise web.HTTPNotFound()
    live = await asyncio.to_thread(review.live, found)  # reads the audit table
    reply = await asyncio.to_thread(review.try_question, found.question) if live and found.question else None
    return page(views.change_page(found, live, reply, session.csrf))


async def undo(request: web.Request, session: Session) -> web.StreamResponse:
    """POST /admin/changes/N/undo: revert an audited change."""
    change_id = int(request.match_info["id"])
    return await run_change(session, lambda: review_of(request).undo(session.actor, change_id))
