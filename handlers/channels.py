"""One way to mount a channel on the server: every channel module has `mount(app, kit)`, and every channel reaches
the engine through the same kit (answers and votes off the event loop, the engine's rate limit, picture paths)."""

from __future__ import annotations

import importlib
import logging
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from urllib.parse import quote

from aiohttp import web

from bot.config import Settings
from bot.ratelimit import RateLimits
from bot.seam import Question, Reply, ReplyImage
from bot.service import Answerer
from handlers.answering import AnswerPool

log = logging.getLogger(__name__)

# The channels a server may host beside the web chat, by the module that mounts each: the SDK loads only when on.
MOUNTED = {"line": "handlers.line", "telegram": "handlers.telegram"}
PICTURES_KEPT = 1024  # local pictures whose server path is remembered


class StartError(Exception):
    """A channel cannot start with these settings; the message says why."""


@dataclass(frozen=True)
class ChannelKit:
    """What a channel needs from the server: the engine, off the event loop, and the engine's rate limit."""

    answerer: Answerer
    settings: Settings
    pool: AnswerPool
    limits: RateLimits

    async def answer(self, question: Question) -> Reply:
        """Answer and log one question on the answer threads."""
        return await self.pool.answer(question)

    async def feedback(self, log_id: str, helpful: bool) -> bool:
        """Record 👍/👎 on the answer threads (it waits for the log's commit)."""
        return await self.pool.feedback(log_id, helpful)

    async def language(self, channel: str, user: str) -> str | None:
        """Return the conversation's language the engine keeps for a user (None: none yet)."""
        return await self.pool.run(self.answerer.language, user, channel) if user else None

    async def switch_language(self, channel: str, user: str, lang: str) -> Reply:
        """Switch the user's language in the engine (it lasts across restarts); return the engine's reply."""
        return await self.pool.run(self.answerer.switch_language, user, channel, lang)

    def admit(self, channel: str, user: str, address: str | None = None, action: str = "ask") -> bool:
        """Count one hit against the engine's rate limit; False when the user (or address) is over it."""
        return self.limits.admit(channel, user, address, action)

    def image_path(self, image: ReplyImage) -> str | None:
        """Return the server path (/static/images/NAME) of a local picture, None when it is not served."""
        if image.path is None:
            return None
        return served_path(image.path, self.answerer.images_dir)


@lru_cache(maxsize=PICTURES_KEPT)  # resolving asks the disk about every folder on the way: once per picture
def served_path(path: Path, images_dir: Path) -> str | None:
    """Return the server path (/static/images/NAME) of a picture file, None when it is outside images_dir.

    Only the address is kept: GET /static/images/NAME checks the file again whenever it is fetched.
    """
    images_dir = images_dir.resolve()
    try:
        relative = path.resolve().relative_to(images_dir)
    except ValueError:
        log.warning("image %s is outside %s, so it is not served", path.name, images_dir)
        return None
    return "/static/images/" + quote(relative.as_posix())


def mount_channel(name: str, app: web.Application, kit: ChannelKit) -> None:
    """Mount one of the MOUNTED channels (it raises StartError when it cannot start)."""
    importlib.import_module(MOUNTED[name]).mount(app, kit)
