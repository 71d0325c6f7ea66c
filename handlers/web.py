"""The one aiohttp server: web chat page, JSON API, and the LINE and Telegram webhooks."""

from __future__ import annotations

import asyncio
import json
import logging
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any, Awaitable, Callable
from urllib.parse import quote

from aiohttp import web

from bot.config import Settings
from bot.responses import Reply, ReplyImage
from bot.service import Answerer, Question
from handlers.answering import AnswerPool
from handlers.http_guard import (BODY_TIMEOUT, body_middleware, describe, expect_continue, not_found,
                                 quiet_client_errors)
from handlers.ratelimit import RateLimiter, address_key, allow_all, client_address

log = logging.getLogger(__name__)

STATIC_DIR = Path(__file__).parent / "static"
PAGE_FILES = {"chat.js": "text/javascript", "chat-text.js": "text/javascript", "chat.css": "text/css",
              "favicon.svg": "image/svg+xml"}
IMAGE_TYPES = {".png": "image/png", ".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".gif": "image/gif",
               ".webp": "image/webp"}
MAX_API_BODY = 16 * 1024
MAX_BODY = 256 * 1024  # LINE may batch several events in one webhook call
CLIENT_ID = re.compile(r"^[A-Za-z0-9_-]{8,64}$")
LANGS = ("ja", "en", "easy")  # easy: やさしい日本語
PAGE_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' https: data:; "
            "connect-src 'self'; base-uri 'none'; form-action 'none'")

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


ANSWERER = web.AppKey("answerer", Answerer)
SETTINGS = web.AppKey("settings", Settings)
LIMITER = web.AppKey("limiter", RateLimiter)
ADDRESS_LIMITER = web.AppKey("address_limiter", RateLimiter)
POOL = web.AppKey("answer_pool", AnswerPool)
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


def local_image_path(answerer: Answerer, image: ReplyImage) -> str | None:
    """Return the server path (/static/images/NAME) of a local image, None when it is not served."""
    if image.path is None:
        return None
    images_dir = (answerer.kb.directory / "images").resolve()
    try:
        relative = image.path.resolve().relative_to(images_dir)
    except ValueError:
        log.warning("image %s is outside %s, so it is not served", image.name, images_dir)
        return None
    return "/static/images/" + quote(relative.as_posix())


def reply_json(answerer: Answerer, reply: Reply, question: str) -> dict[str, Any]:
    """Return the `ask --json` object plus log_id and tappable suggestion buttons."""
    images = tuple(i for i in reply.images if i.url or local_image_path(answerer, i))
    data = replace(reply, images=images).to_dict(question, lambda i: local_image_path(answerer, i) or "")
    data["log_id"] = reply.log_id or None  # none when the log could not commit it: the page then offers no 👍/👎
    data["buttons"] = [{"label": s.label, "question": s.question, "entry_id": s.entry_id} for s in reply.suggestions]
    return data


class StartError(Exception):
    """A channel cannot start with these settings; the message says why."""


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


def allow_web(request: web.Request, kind: str, user: str) -> bool:
    """Count a hit for the user's id and for the network address: both must be under their limits.

    The id alone would let a client reset its limit by making up a new one for each request.
    """
    app = request.app
    address = address_key(address_of(request))
    return allow_all([(app[LIMITER], f"{kind}:{user}"), (app[ADDRESS_LIMITER], f"{kind}:{address}")])


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
    lang, user = _lang(data.get("lang")), client_key(request, data)
    if not allow_web(request, "web", user):
        slow_down = request.app[ANSWERER].kb.scope.message("slow_down", lang or "ja")
        return json_error(429, "rate limited", answer=slow_down, kind="rate_limited")
    answerer = request.app[ANSWERER]
    asked = Question(question, channel="web", user_id=user, lang=lang, entry_id=entry_id)
    reply = await request.app[POOL].answer(asked)
    return web.json_response(reply_json(answerer, reply, question))


async def feedback(request: web.Request) -> web.Response:
    """POST /api/feedback: record {"log_id", "helpful": bool} once."""
    data = await read_json(request)
    log_id, helpful = data.get("log_id"), data.get("helpful")
    if not isinstance(log_id, str) or not isinstance(helpful, bool):
        return json_error(400, "'log_id' must be a string and 'helpful' true or false")
    if not allow_web(request, "feedback", client_key(request, data)):
        return json_error(429, "rate limited")
    recorded = await asyncio.to_thread(request.app[ANSWERER].feedback, log_id[:64], helpful)
    return web.json_response({"recorded": recorded})


async def welcome(request: web.Request) -> web.Response:
    """GET /api/welcome?lang=: the greeting and the topic chips shown on first load."""
    answerer = request.app[ANSWERER]
    reply = answerer.welcome(_lang(request.query.get("lang")) or "ja")
    return web.json_response(reply_json(answerer, reply, ""))


async def healthz(request: web.Request) -> web.Response:
    """GET /healthz: the knowledge version and size, the channels on; "degraded" with the reason when not logging."""
    answerer = request.app[ANSWERER]
    kb, problem = answerer.kb, answerer.log_problem
    health = {"status": "degraded" if problem else "ok", "kb_version": kb.version, "entries": len(kb.entries),
              "loaded_at": kb.loaded_at, "channels": request.app[CHANNELS], "pid": os.getpid()}
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
    images_dir = (request.app[ANSWERER].kb.directory / "images").resolve()
    try:
        path = (images_dir / request.match_info["name"]).resolve()
        found = images_dir in path.parents and path.suffix.lower() in IMAGE_TYPES and path.is_file()
    except (ValueError, OSError):  # a NUL byte, a lone surrogate, a name too long: no such picture
        found = False
    if not found:
        raise web.HTTPNotFound()
    return web.FileResponse(path, headers={
        "Content-Type": IMAGE_TYPES[path.suffix.lower()], "Cache-Control": "public, max-age=3600"})


def create_app(answerer: Answerer, settings: Settings) -> web.Application:
    """Build the server hosting every HTTP channel over one Answerer."""
    app = web.Application(client_max_size=MAX_BODY,
                          middlewares=[headers_middleware, errors_middleware, body_middleware])
    app[ANSWERER], app[SETTINGS], app[BODY_TIMEOUT] = answerer, settings, settings.body_timeout
    app[LIMITER] = RateLimiter(settings.rate_limit_per_minute)
    app[ADDRESS_LIMITER] = RateLimiter(settings.address_rate_limit)
    app[POOL] = AnswerPool(answerer)
    app[CHANNELS] = channels_on(settings)
    quiet_client_errors()
    for path, get in (("/", page), ("/static/{name:chat(?:-text)?\\.js|chat\\.css|favicon\\.svg}", page_file),
                      ("/favicon.ico", page_file),  # browsers ask for it whatever the page links
                      ("/static/images/{name:.+}", kb_image), ("/healthz", healthz), ("/api/welcome", welcome)):
        app.router.add_get(path, get, expect_handler=expect_continue)
    app.router.add_post("/api/ask", ask, expect_handler=expect_continue)
    app.router.add_post("/api/feedback", feedback, expect_handler=expect_continue)
    if "line" in app[CHANNELS]:
        _mount_line(app, answerer, settings)
    if "telegram" in app[CHANNELS]:
        _mount_telegram(app, answerer, settings)
    app.router.add_route("*", "/{path:.*}", not_found, expect_handler=expect_continue)  # last: the rest is 404

    async def close_pool(_: web.Application) -> None:  # after the channels' own clean-up, which may still answer
        app[POOL].close()

    app.on_cleanup.append(close_pool)
    return app


def _mount_line(app: web.Application, answerer: Answerer, settings: Settings) -> None:
    from handlers.line import mount  # the LINE SDK loads only when LINE is on

    limiter = app[LIMITER]
    mount(app, answerer, settings, lambda user: limiter.allow("line:" + user),
          lambda image: local_image_path(answerer, image), app[POOL].answer)


def _mount_telegram(app: web.Application, answerer: Answerer, settings: Settings) -> None:
    from handlers.telegram import TelegramStartError, TelegramWebhook  # loads python-telegram-bot only when on

    try:
        telegram = TelegramWebhook(answerer, settings)
    except TelegramStartError as exc:
        raise StartError(f"Telegram: {exc}") from None
    app.router.add_post("/telegram/webhook", telegram.handle, expect_handler=expect_continue)

    async def start(_: web.Application) -> None:
        try:
            await telegram.start()
        except TelegramStartError as exc:
            raise StartError(f"Telegram: {exc}") from None

    async def stop(_: web.Application) -> None:
        await telegram.stop()

    app.on_startup.append(start)
    app.on_cleanup.append(stop)
