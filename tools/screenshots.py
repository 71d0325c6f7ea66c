"""What both screenshot tools share: the bot served on 127.0.0.1 with Chromium beside it, and small palette PNGs."""

from __future__ import annotations

import sys
from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from aiohttp.test_utils import TestServer
from PIL import Image
from playwright.async_api import Browser, Page, async_playwright

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from chromium import ARGS, CHROMIUM  # noqa: E402  (how the browser tests start Chromium)

from bot.config import Settings  # noqa: E402
from bot.service import Answerer  # noqa: E402
from handlers.web import create_app  # noqa: E402


@asynccontextmanager
async def served_with_chromium(answerer: Answerer, settings: Settings) -> AsyncIterator[tuple[str, Browser]]:
    """Serve answerer on 127.0.0.1 and start Chromium; yield the server's base URL and the browser.

    On the way out it closes the browser, the server and the answerer (its question log included).
    """
    server = TestServer(create_app(answerer, settings), host="127.0.0.1")
    await server.start_server()
    try:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
            yield str(server.make_url("/")), browser
            await browser.close()
    finally:
        await server.close()
        answerer.close()


async def save_small_screenshot(page: Page, path: Path, full_page: bool = False) -> None:
    """Screenshot page into path, shrink it to a 128-colour palette PNG and print its size."""
    await page.screenshot(path=str(path), full_page=full_page)
    # No dithering: flat UI colours stay flat, and the file is a fraction of the full-colour one.
    small = Image.open(path).convert("RGB").quantize(128, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(path, path.stat().st_size, "bytes")
