"""The HR page's test server: a running app with admin on, its question log on either backend, a client per site.

Shared by tests/test_admin.py (each test on SQLite and PostgreSQL) and tests/test_admin_postgres.py.
"""

from __future__ import annotations

import re
from typing import AsyncIterator, Callable

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.admin_auth import LockOut, hash_password
from bot.analytics import QuestionLog
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.review import Review
from bot.service import Answerer
from bot.storage import Location, is_database_url
from handlers.admin_http import LOCKOUT, REVIEW
from handlers.web import create_app

PASSWORD = "correct horse battery staple"
HASH = hash_password(PASSWORD)
CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


class Clock:
    """A clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Site:
    """A running server, its question log and an HTTP client with its own cookie jar."""

    def __init__(self, server: TestServer, answerer: Answerer, clock: Clock, settings: Settings) -> None:
        self.server, self.answerer, self.clock, self.settings = server, answerer, clock, settings
        self.client = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))

    @property
    def review(self) -> Review:
        """Return the running server's review loop (its audit store)."""
        return self.server.app[REVIEW]

    def url(self, path: str) -> str:
        return str(self.server.make_url(path))

    async def get(self, path: str, **kwargs: object) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.client.get(self.url(path), allow_redirects=False, **kwargs) as response:
            return response.status, await response.text(), response

    async def post(self, path: str, data: dict[str, str], **kwargs: object) -> tuple[int, str, aiohttp.ClientResponse]:
        async with self.client.post(self.url(path), data=data, allow_redirects=False, **kwargs) as response:
            return response.status, await response.text(), response

    async def csrf(self, path: str) -> str:
        status, text, _ = await self.get(path)
        assert status == 200, (path, status)
        return CSRF.search(text).group(1)  # type: ignore[union-attr]

    async def sign_in(self, password: str = PASSWORD, **kwargs: object) -> tuple[int, str, aiohttp.ClientResponse]:
        token = await self.csrf("/admin/login")
        return await self.post("/admin/login", {"csrf_token": token, "password": password}, **kwargs)


def log_settings(location: Location) -> dict[str, object]:
    """Return the settings that put the question log (and the HR page's tables) at a location."""
    return {"db_url": location} if is_database_url(location) else {"db_path": location}


@pytest.fixture
async def make_site(kb: KnowledgeBase, plain_answerer: Answerer,
                    log_location: Location) -> AsyncIterator[Callable[..., object]]:
    """Return a function that starts a server with given settings (admin on by default), on each log backend.

    logged=True gives the server its own Answerer logging to the test's database (its own knowledge, to edit);
    otherwise the session's Answerer answers, unlogged, and the page reads an empty log. Servers started by one
    test share its database, as the processes of one server (or servers on two machines) do.
    """
    started: list[tuple[Site, bool]] = []

    async def start(logged: bool = False, **overrides: object) -> Site:
        settings = Settings(**{"kb_dir": kb.directory, **log_settings(log_location), "admin_password_hash": HASH,
                               "log_sync": "normal", **overrides})  # type: ignore[arg-type]
        answerer = Answerer(kb, QuestionLog(settings.log_location, sync="normal"), salt="pepper") if logged \
            else plain_answerer
        app = create_app(answerer, settings)
        clock = Clock()
        if settings.admin_password_hash:
            app[LOCKOUT] = LockOut(app[REVIEW].store, clock=clock)  # the server's own record, on the test's clock
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        site = Site(server, answerer, clock, settings)
        started.append((site, logged))
        return site

    yield start
    for site, logged in started:
        await site.client.close()
        await site.server.close()
        if logged:
            site.answerer.close()
