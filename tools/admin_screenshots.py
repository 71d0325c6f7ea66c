"""Take the README's picture of HR's review page: the inbox at 1280 px, after a few candidates' questions.

Run from the repository root (needs Debian's chromium and the test extra's playwright):

    python tools/admin_screenshots.py

It copies the bundled knowledge into a temporary folder, serves it on 127.0.0.1 with a throw-away password,
asks a few questions the bot refuses, asks to clarify or answers (one rated not helpful), signs in, and writes
``docs/admin-inbox.png`` as a small palette PNG.
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import tempfile
from pathlib import Path

import aiohttp
from screenshots import ROOT, save_small_screenshot, served_with_chromium  # tools/: beside this script

from bot.admin_auth import hash_password
from bot.config import Settings, bundled_knowledge_dir
from bot.service import Answerer

PASSWORD = "screenshot only, never used again"
QUESTIONS = ("寝泊まりする所はありますか？", "寝泊まりする場所はある？", "今日のランチのおすすめは？", "区役所の近くに住む場所ある？")
UNHELPFUL = "職員の住まいは区が用意してくれる？"


async def log_questions(base: str) -> None:
    """Ask as candidates would: refused questions (one twice, phrased two ways) and an answer rated 👎."""
    async with aiohttp.ClientSession() as client:
        for question in QUESTIONS:
            async with client.post(base + "api/ask", json={"question": question}) as response:
                await response.read()
        async with client.post(base + "api/ask", json={"question": UNHELPFUL}) as response:
            log_id = (await response.json())["log_id"]
        async with client.post(base + "api/feedback", json={"log_id": log_id, "helpful": False}) as response:
            await response.read()


async def shoot(out: Path, width: int) -> None:
    """Write admin-inbox.png into out."""
    with tempfile.TemporaryDirectory() as tmp:
        knowledge = Path(tmp) / "knowledge"
        shutil.copytree(bundled_knowledge_dir(), knowledge, ignore=shutil.ignore_patterns("__pycache__"))
        settings = Settings(kb_dir=knowledge, db_path=Path(tmp) / "log.db", admin_password_hash=hash_password(PASSWORD))
        async with served_with_chromium(Answerer.from_settings(settings), settings) as (base, browser):
            await log_questions(base)
            page = await browser.new_page(viewport={"width": width, "height": 900}, locale="ja-JP")
            await page.goto(base + "admin/login")
            await page.locator("#password").fill(PASSWORD)
            await page.get_by_role("button", name="Sign in").click()
            await page.wait_for_url("**/admin/inbox")
            await save_small_screenshot(page, out / "admin-inbox.png", full_page=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--width", type=int, default=1280)
    parser.add_argument("--out", type=Path, default=ROOT / "docs")
    args = parser.parse_args()
    asyncio.run(shoot(args.out, args.width))


if __name__ == "__main__":
    main()
