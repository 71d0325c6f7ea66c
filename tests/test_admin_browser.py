"""HR's review page in headless Chromium (1280 px and 360 px) against the real server with live reload.

HR signs in, finds a refused question in the inbox, attaches it to the right entry (then /api/ask answers it),
marks another question out of scope, and undoes that change. One browser for the module.
Run on its own with: python -m pytest -m browser tests/test_admin_browser.py
"""

from __future__ import annotations

import shutil
from pathlib import Path

import aiohttp
import pytest
from aiohttp.test_utils import TestServer

from bot.admin_auth import hash_password
from bot.config import Settings, bundled_knowledge_dir
from bot.service import Answerer
from chromium import ARGS, CHROMIUM, MARKS
from handlers.web import create_app

PASSWORD = "correct horse battery staple"
REFUSED = "寝泊まりする所はありますか？"  # refused by the bundled knowledge; it means the staff housing
OFF_TOPIC = "今日のランチのおすすめは？"
ATTACK = "<img src=x onerror=window.__pwned=1>ランチ"
WAIT_MS = 30_000

pytestmark = MARKS
playwright_api = pytest.importorskip("playwright.async_api", reason="needs the playwright Python package")


async def ask(client: aiohttp.ClientSession, base: str, question: str) -> dict[str, object]:
    async with client.post(base + "api/ask", json={"question": question}) as response:
        return await response.json()  # type: ignore[no-any-return]


async def sign_in(page: object, base: str) -> None:
    await page.goto(base + "admin")  # type: ignore[attr-defined]
    await page.locator("#password").fill(PASSWORD)  # type: ignore[attr-defined]
    await page.get_by_role("button", name="Sign in").click()  # type: ignore[attr-defined]
    await page.wait_for_url("**/admin/inbox")  # type: ignore[attr-defined]


async def test_hr_fixes_misses_from_the_inbox_and_undoes_a_change(tmp_path: Path) -> None:
    expect = playwright_api.expect
    knowledge = tmp_path / "knowledge"
    shutil.copytree(bundled_knowledge_dir(), knowledge, ignore=shutil.ignore_patterns("__pycache__"))
    scope_before = (knowledge / "scope.yaml").read_bytes()
    settings = Settings(kb_dir=knowledge, db_path=tmp_path / "log.db", admin_password_hash=hash_password(PASSWORD),
                        reload_seconds=0.05, reload_settle_seconds=0.1, log_sync="normal")
    answerer = Answerer.from_settings(settings, watch=True)
    server = TestServer(create_app(answerer, settings), host="127.0.0.1")
    await server.start_server()
    base = str(server.make_url("/"))
    try:
        async with aiohttp.ClientSession() as client, playwright_api.async_playwright() as playwright:
            for question in (REFUSED, OFF_TOPIC, ATTACK):
                assert (await ask(client, base, question))["kind"] == "fallback"
            browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)

            desktop = await (await browser.new_context(viewport={"width": 1280, "height": 900})).new_page()
            desktop.set_default_timeout(WAIT_MS)
            await sign_in(desktop, base)
            item = desktop.locator("#inbox-unanswered article", has=desktop.locator(".question", has_text=REFUSED))
            await expect(desktop.locator(".question", has_text="<img src=x")).to_have_count(1)  # shown as text
            await item.locator("select[name=entry_id]").select_option("housing-staff")
            await item.get_by_role("button", name="Add").click()
            await expect(desktop.locator("#live .kind")).to_have_text("entry housing-staff (100.0)", timeout=WAIT_MS)
            reply = await ask(client, base, REFUSED)
            assert reply["kind"] == "answer" and reply["entry_id"] == "housing-staff"
            await desktop.goto(base + "admin/inbox")
            await expect(desktop.locator(".question", has_text=REFUSED)).to_have_count(0)  # handled: off the inbox

            phone = await (await browser.new_context(viewport={"width": 360, "height": 740}, is_mobile=True,
                                                     has_touch=True)).new_page()
            phone.set_default_timeout(WAIT_MS)
            await sign_in(phone, base)
            assert await phone.evaluate("document.documentElement.scrollWidth") <= 360  # no sideways scrolling
            item = phone.locator("#inbox-unanswered article", has=phone.locator(".question", has_text=OFF_TOPIC))
            await item.get_by_role("button", name="Out of scope").click()
            await expect(phone.locator("#live .kind")).to_have_text("fallback", timeout=WAIT_MS)  # a reload: as above
            assert OFF_TOPIC in (knowledge / "scope.yaml").read_text(encoding="utf-8")
            await phone.get_by_role("button", name="Undo this change").click()
            await expect(phone.locator("h1")).to_contain_text("Change")
            await expect(phone.locator("#live")).to_be_visible()
            assert (knowledge / "scope.yaml").read_bytes() == scope_before
            await phone.goto(base + "admin/changes")
            await expect(phone.locator("#changes tbody tr")).to_have_count(3)
            assert await phone.evaluate("() => window.__pwned") is None
            await browser.close()
    finally:
        await server.close()
        answerer.close()
