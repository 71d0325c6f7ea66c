"""Take the README's web chat screenshots: 360 px wide, light and dark, one question answered.

Run from the repository root (needs Debian's chromium and the test extra's playwright):

    python tools/webchat_screenshots.py                 # やさしい日本語 (the README shows it)
    python tools/webchat_screenshots.py --question "Is there a cafeteria?" --lang en

It serves the bundled knowledge on 127.0.0.1 (question log in a temporary folder), asks the question and writes
``docs/webchat-light.png`` and ``docs/webchat-dark.png`` as small palette PNGs.
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
from pathlib import Path

from playwright.async_api import Page
from screenshots import ROOT, save_small_screenshot, served_with_chromium  # tools/: beside this script

from bot.analytics import QuestionLog
from bot.config import Settings, bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.service import Answerer


async def ask(page: Page, url: str, question: str) -> None:
    """Load the chat, ask the question and wait until the answer and its picture are shown."""
    await page.goto(url)
    await page.locator(".msg.welcome .chip").first.wait_for()
    await page.locator("#q").fill(question)
    await page.locator("#q").press("Enter")
    answer = page.locator(".msg.bot:not(.typing):not(.welcome)").last
    await answer.locator(".bubble").wait_for()
    for img in await answer.locator("figure img").all():
        await img.evaluate("i => i.complete || new Promise(done => { i.onload = done; })")
    await page.evaluate("() => { const log = document.querySelector('.log'); log.scrollTop = log.scrollHeight; }")


async def shoot(question: str, lang: str, out: Path) -> None:
    """Write webchat-light.png and webchat-dark.png into out."""
    with tempfile.TemporaryDirectory() as tmp:
        answerer = Answerer(load_knowledge(bundled_knowledge_dir()), QuestionLog(Path(tmp) / "log.db"))
        async with served_with_chromium(answerer, Settings()) as (base, browser):
            for scheme in ("light", "dark"):
                context = await browser.new_context(
                    viewport={"width": 360, "height": 740}, device_scale_factor=1.5, is_mobile=True,
                    has_touch=True, locale="ja-JP", color_scheme=scheme)
                page = await context.new_page()
                await ask(page, f"{base}?lang={lang}", question)
                await save_small_screenshot(page, out / f"webchat-{scheme}.png")
                await context.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--question", default="芝地区はどんなところ？")
    parser.add_argument("--lang", default="easy", help="the page's language (?lang=): ja, en or easy")
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    asyncio.run(shoot(args.question, args.lang, args.out))


if __name__ == "__main__":
    main()
