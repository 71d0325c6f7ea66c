"""The one aiohttp server: web chat page, JSON API, and the LINE and Telegram webhooks."""

from __future__ import annotations

import json
import logging
import os
import re
from pathlib import Path
from typing import Any, Awaitable, Callable

from aiohttp import web

from bot.config import Settings
from bot.ratelimit import RateLimits
from bot.seam import LANGS, Question, Reply
from bot.service import Answerer
from handlers.answering import AnswerPool
from handlers.channels import ChannelKit, StartError, mount_channel
from handlers.engineproc import EngineProcess
from handlers.http_guard import (BODY_TIMEOUT, body_middleware, describe, expect_continue, not_found,
                                 quiet_client_errors)
from handlers.ratelimit import RateLimiter, address_key, client_address

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
PAGE_FILES = {"chat.js": "text/javascript", "chat-text.js": "text/javascript", "chat.css": "text/css",
              "favicon.svg": "image/svg+xml"}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp"}
MAX_API_BODY = 16 * 1024
MAX_BODY = 256 * 1024  # LINE may batch several events in one webhook call
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


__all__ = ["RateLimiter", "StartError", "create_app", "channels_on", "startup_notes"]

ANSWERER = web.AppKey("answerer", Answerer)
SETTINGS = web.AppKey("settings", Settings)
KIT = web.AppKey("channel_kit", ChannelKit)
CHANNELS = web.AppKey("channels", list[str])


def channels_on(settings: Settings) -> list[str]:
    """Return the channels this server hosts with these settings."""
    channels = ["web"]
    if settings.line_channel_secret and settings.line_channel_access_token:
        channels.append("line")
    if settings.telegram_token and settings.telegram_webhook_url:
        channels.append("telegram")
    return channels


def startup_notes(settings: Settings) -> list[str]:
    """Return warnings about settings that leave a channel half set up."""
    notes = []
    if bool(settings.line_channel_secret) != bool(settings.line_channel_access_token):
        notes.append("LINE is off: set both LINE_CHANNEL_SECRET and LINE_CHANNEL_ACCESS_TOKEN")
    elif settings.line_channel_secret and not settings.public_base_url.startswith("https://"):
        notes.append("LINE replies leave out local images until PUBLIC_BASE_URL is an https:// URL")
    if settings.telegram_token and not settings.telegram_webhook_url:
        notes.append("Telegram webhook is off (no TELEGRAM_WEBHOOK_URL): run `minato-bot telegram` for polling")
    return notes


def reply_json(kit: ChannelKit, reply: Reply, question: str) -> dict[str, Any]:
    """Return the reply's JSON (Reply.to_dict), local pictures as this server's paths."""
    return reply.to_dict(question, kit.image_path)


class BadRequest(Exception):
    """The request cannot be answered as sent; the message says why."""


def json_error(status: int, message: str, **extra: Any) -> web.Response:
    """Return a JSON error response."""
    return web.json_response({"error": message, **extra}, status=status)


@web.middleware
async def errors_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Turn errors into JSON for the API and never show a stack trace."""
    try:
        return await handler(request)
    except BadRequest as exc:
        return json_error(400, str(exc))
    except ConnectionError:
        log.debug("%s: the client went away", describe(request))
        return web.Response(status=400)  # nobody reads it: aiohttp drops it quietly
    except web.HTTPException as exc:
        if exc.status >= 400 and request.path.startswith("/api/"):
            return json_error(exc.status, exc.reason)
        raise
    except Exception:
        log.exception("%s %s failed", request.method, request.path)
        return json_error(500, "internal error")


@web.middleware
async def headers_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Add the security headers every response carries."""
    response = await handler(request)
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response


async def read_json(request: web.Request) -> dict[str, Any]:
    """Return the request's JSON object, or raise a 400 with a JSON error."""
    if request.content_length is not None and request.content_length > MAX_API_BODY:
        raise BadRequest(f"the body is over {MAX_API_BODY // 1024} KB")
    body = await request.read()  # whole, however many TCP writes it came in (body_middleware bounds it)
    if len(body) > MAX_API_BODY:
        raise BadRequest(f"the body is over {MAX_API_BODY // 1024} KB")
    try:
        data = json.loads(body.decode("utf-8", errors="replace"))  # a broken byte is replaced, not a refusal
    except (ValueError, RecursionError):
        raise BadRequest("the body is not valid JSON") from None
    if not isinstance(data, dict):
        raise BadRequest("the body must be a JSON object")
    return data


def address_of(request: web.Request) -> str:
    """Return the client's network address (from X-Forwarded-For only when the peer is a trusted proxy)."""
    return client_address(request.remote, request.headers.getall("X-Forwarded-For", []),
                          request.app[SETTINGS].trusted_proxies)


def client_key(request: web.Request, data: dict[str, Any]) -> str:
    """Return the web user's id: the page's client id, else the network address."""
    client = request.headers.get("X-Client-Id") or data.get("client_id")
    if isinstance(client, str) and CLIENT_ID.fullmatch(client):
        return client
    return address_of(request)


def allow_web(request: web.Request, action: str, user: str) -> bool:
    """Count a hit against the engine's limit for the user's id and for the network address (both must have room)."""
    return request.app[KIT].admit("web", user, address_key(address_of(request)), action)


def _lang(value: Any) -> str | None:
    return value if value in LANGS else None


async def ask(request: web.Request) -> web.Response:
    """POST /api/ask: answer {"question", "lang"?, "entry_id"?} as ask --json does, plus log_id."""
    data = await read_json(request)
    question, entry_id = data.get("question"), data.get("entry_id")
    if not isinstance(question, str):
        return json_error(400, "'question' must be a string")
    if entry_id is not None and not isinstance(entry_id, str):
        return json_error(400, "'entry_id' must be a string")
    lang, user, kit = _lang(data.get("lang")), client_key(request, data), request.app[KIT]
    if not allow_web(request, "ask", user):
        slow_down = kit.answerer.slow_down(lang or "ja")
        return web.json_response({"error": "rate limited", **reply_json(kit, slow_down, question)}, status=429)
    asked = Question(question, channel="web", user_id=user, lang=lang, entry_id=entry_id)
    return web.json_response(reply_json(kit, await kit.answer(asked), question))


async def feedback(request: web.Request) -> web.Response:
    """POST /api/feedback: record {"log_id", "helpful": bool} once."""
    data = await read_json(request)
    log_id, helpful = data.get("log_id"), data.get("helpful")
    if not isinstance(log_id, str) or not isinstance(helpful, bool):
        return json_error(400, "'log_id' must be a string and 'helpful' true or false")
    if not allow_web(request, "feedback", client_key(request, data)):
        return json_error(429, "rate limited")
    recorded = await request.app[KIT].feedback(log_id[:64], helpful)
    return web.json_response({"recorded": recorded})


async def welcome(request: web.Request) -> web.Response:
    """GET /api/welcome?lang=: the greeting and the topic chips shown on first load."""
    kit = request.app[KIT]
    return web.json_response(reply_json(kit, kit.answerer.welcome(_lang(request.query.get("lang")) or "ja"), ""))


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz: the knowledge version and size, the channels on; "degraded" with the reason when not logging."""
    status = request.app[ANSWERER].status()
    problem = status.pop("log_problem")
    health = {"status": "degraded" if problem else "ok", **status, "channels": request.app[CHANNELS],
              "pid": os.getpid()}  # which worker answered (serve --workers)
    if problem:
        health["reason"] = f"the question log cannot be written: {problem}"
    return web.json_response(health)


async def page(request: web.Request) -> web.FileResponse:
    """GET /: the web chat page."""
    return web.FileResponse(STATIC_DIR / "index.html", headers={
        "Content-Type": "text/html; charset=utf-8", "Content-Security-Policy": PAGE_CSP, "Cache-Control": "no-cache"})


async def page_file(request: web.Request) -> web.FileResponse:
    """GET /static/NAME for the PAGE_FILES (and GET /favicon.ico: the SVG icon)."""
    name = request.match_info.get("name", "favicon.svg")
    # An SVG opened on its own is a document: it may run nothing and load nothing.
    return web.FileResponse(STATIC_DIR / name, headers={
        "Content-Type": f"{PAGE_FILES[name]}; charset=utf-8", "Cache-Control": "no-cache",
        "Content-Security-Policy": "default-src 'none'"})


async def kb_image(request: web.Request) -> web.FileResponse:
    """GET /static/images/NAME: a picture from the knowledge base's images folder."""
    images_dir = request.app[ANSWERER].images_dir.resolve()
    try:
        path = (images_dir / request.match_info["name"]).resolve()
        found = images_dir in path.parents and path.suffix.lower() in IMAGE_TYPES and path.is_file()
    except (ValueError, OSError):  # a NUL byte, a lone surrogate, a name too long: no such picture
        found = False
    if not found:
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={
        "Content-Type": IMAGE_TYPES[path.suffix.lower()], "Cache-Control": "public, max-age=3600"})


def create_app(answerer: Answerer, settings: Settings, engine: EngineProcess | None = None) -> web.Application:
    """Build the server hosting every HTTP channel over one Answerer, each mounted the same way.

    With an `engine`, questions are answered in that engine process; the Answerer gives everything else (welcome,
    feedback, health).
    """
    app = web.Application(client_max_size=MAX_BODY,
                          middlewares=[headers_middleware, errors_middleware, body_middleware])
    app[ANSWERER], app[SETTINGS], app[BODY_TIMEOUT] = answerer, settings, settings.body_timeout
    kit = app[KIT] = ChannelKit(answerer, settings, AnswerPool(answerer, remote=engine), RateLimits.from_settings(settings))
    app[CHANNELS] = channels_on(settings)
    quiet_client_errors()
    mount(app, kit)
    for name in app[CHANNELS][1:]:  # after web: LINE, Telegram
        mount_channel(name, app, kit)
    if settings.admin_password_hash:  # HR's page (handlers/admin.py); without the setting /admin is 404 like any path
        _mount_admin(app, answerer, settings)
    app.router.add_route("*", "/{path:.*}", not_found, expect_handler=expect_continue)  # last: the rest is 404

    async def close_pool(_: web.Application) -> None:  # after the channels' own clean-up, which may still answer
        kit.pool.close()
        if engine is not None:
            await engine.close()  # it answers what it was asked, flushes its log and stops

    if engine is not None:
        async def start_engine(_: web.Application) -> None:  # built while the server starts, not at the first question
            await engine.start()

        app.on_startup.append(start_engine)
    app.on_cleanup.append(close_pool)
    return app


def mount(app: web.Application, kit: ChannelKit) -> None:
    """Add the web chat's page, its files and pictures, the JSON API and /healthz."""
    for path, get in (("/", page), ("/static/{name:chat(?:-text)?\\.js|chat\\.css|favicon\\.svg}", page_file),
                      ("/favicon.ico", page_file),  # browsers ask for it whatever the page links
                      ("/static/images/{name:.+}", kb_image), ("/healthz", healthz), ("/api/welcome", welcome)):
        app.router.add_get(path, get, expect_handler=expect_continue)
    app.router.add_post("/api/ask", ask, expect_handler=expect_continue)
    app.router.add_post("/api/feedback", feedback, expect_handler=expect_continue)


def _mount_admin(app: web.Application, answerer: Answerer, settings: Settings) -> None:
    from handlers.admin import AdminSetupError, mount  # ruamel.yaml and the HR modules load only when it is on

    try:
        mount(app, answerer, settings, address_of)
    except AdminSetupError as exc:
        raise StartError(f"HR page: {exc}") from None
