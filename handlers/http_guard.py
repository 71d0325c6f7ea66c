"""What one client may make the server wait for: bodies read whole within size and time limits, slow clients
cut, clients that go away forgotten without a traceback."""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Awaitable, Callable

from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from bot.config import Settings

log = logging.getLogger(__name__)

BODY_TIMEOUT = web.AppKey("body_timeout", float)
MAX_LINGER = 10.0  # aiohttp's default wait for the unread rest of a refused body

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


def server_options(settings: Settings) -> dict[str, Any]:
    """Return the keyword arguments for run_app / AppRunner that cut clients slow to send their headers.

    aiohttp has no header timeout of its own, but its keep-alive timer does that job: it starts when a connection
    opens and again after each response, and closes the connection if no complete request head has arrived by
    then. It never fires while a request is being handled. Idle keep-alive connections close after it too.
    """
    return {"keepalive_timeout": settings.header_timeout, "lingering_time": min(MAX_LINGER, settings.body_timeout)}


class ClientErrorsAreNotTracebacks(logging.Filter):
    """aiohttp logs a request it cannot parse (a scanner, TLS on the plain port) as an error with a traceback:
    it is the client's mistake, answered with a 400, so it gets one debug line instead."""

    def filter(self, record: logging.LogRecord) -> bool:
        exc = record.exc_info[1] if record.exc_info else None
        if isinstance(exc, HttpProcessingError):
            log.debug("refused a malformed request: %s", str(exc.message)[:200])
            return False
        return True


def quiet_client_errors() -> None:
    """Install the filter on aiohttp's server logger, once."""
    server_log = logging.getLogger("aiohttp.server")
    if not any(isinstance(f, ClientErrorsAreNotTracebacks) for f in server_log.filters):
        server_log.addFilter(ClientErrorsAreNotTracebacks())


def describe(request: web.Request) -> str:
    """Return the method and path for a log line, with any control characters escaped."""
    return f"{request.method} {request.rel_url.raw_path[:200]!r}"


@web.middleware
async def body_middleware(request: web.Request, handler: Handler) -> web.StreamResponse:
    """Read the whole body before any handler runs, within the app's size limit and the body time limit.

    Handlers then get it from request.read() / request.json() at once, however many TCP writes it came in.
    """
    if request.body_exists:
        try:
            # A body that came whole with the head (most do) has nothing to wait for: no timer to set and cancel.
            async with asyncio.timeout(None if request.content.is_eof() else request.app[BODY_TIMEOUT]):
                await request.read()  # honours client_max_size: 413 beyond it
        except TimeoutError:
            log.info("%s from %s: body not sent within %s s, connection closed", describe(request), request.remote,
                     request.app[BODY_TIMEOUT])
            return await close_with(request, 408, "the request body took too long")
        except ConnectionError:
            log.debug("%s: the client went away while sending its body", describe(request))
            return web.Response(status=400)  # nobody reads it: aiohttp drops it quietly
        except RequestPayloadError:
            return web.json_response({"error": "the request body is malformed"}, status=400)
    return await handler(request)


async def expect_continue(request: web.Request) -> web.StreamResponse | None:
    """Answer an Expect header: 100 Continue to `100-continue`, 417 to anything else, whatever its bytes.

    aiohttp's own handler copies the header into its error text, which is a 500 when the bytes are not UTF-8;
    it runs before any middleware, so every route is given this one instead.
    """
    if request.version < (1, 1):
        return None
    if request.headers.get("Expect", "").lower() == "100-continue":
        await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        request.writer.output_size = 0  # the interim answer is not the response: an error may still be sent
        return None
    return web.json_response({"error": "unsupported Expect header"}, status=417)


async def not_found(request: web.Request) -> web.StreamResponse:
    """Every path no route serves (a catch-all route, so that it gets expect_continue too)."""
    raise web.HTTPNotFound()


async def close_with(request: web.Request, status: int, message: str) -> web.StreamResponse:
    """Send a short JSON error, then close the connection rather than wait for the rest of the body."""
    response = web.json_response({"error": message}, status=status)
    response.force_close()
    try:
        await response.prepare(request)
        await response.write_eof()
    except ConnectionError:
        pass
    if request.transport is not None:
        request.transport.close()
    return response
