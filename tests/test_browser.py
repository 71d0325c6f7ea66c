"""The web chat in headless Chromium (Playwright) against the real server on 127.0.0.1.

Run on its own with: python -m pytest -m browser
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestServer

from bot.analytics import QuestionLog
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.service import Answerer
from chromium import ARGS, CHROMIUM, MARKS
from handlers.web import create_app

SHIBA = "芝地区はどんなところ？"
WAIT_MS = 30_000

pytestmark = MARKS
playwright_api = pytest.importorskip("playwright.async_api", reason="needs the playwright Python package")


@pytest.fixture
async def site(kb: KnowledgeBase, tmp_path: Path) -> AsyncIterator[tuple[str, QuestionLog]]:
    """Serve the real app on 127.0.0.1 and return its base URL and question log."""
    question_log = QuestionLog(tmp_path / "log.db")
    answerer = Answerer(kb, question_log)
    server = TestServer(create_app(answerer, Settings()), host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("/")), question_log
    await server.close()
    answerer.close()


@pytest.fixture
async def page(site: tuple[str, QuestionLog]) -> AsyncIterator[object]:
    """Return a phone-sized Chromium page with the chat loaded."""
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        context = await browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2,
                                            is_mobile=True, has_touch=True, locale="ja-JP")
        tab = await context.new_page()
        tab.set_default_timeout(WAIT_MS)
        requested: list[str] = []
        tab.on("request", lambda request: requested.append(request.url))
        await tab.goto(site[0])
        await tab.locator(".msg.welcome .chip").first.wait_for()
        yield tab
        await browser.close()
    assert requested and all(url.startswith(site[0]) for url in requested), requested  # nothing from a CDN


async def ask(page: object, text: str) -> object:
    """Type a question, send it, and return the bot's answer that follows it."""
    before = await page.locator(".msg.bot:not(.typing)").count()  # type: ignore[attr-defined]
    await page.locator("#q").fill(text)  # type: ignore[attr-defined]
    await page.locator("#q").press("Enter")  # type: ignore[attr-defined]
    answer = page.locator(".msg.bot:not(.typing)").nth(before)  # type: ignore[attr-defined]
    await answer.wait_for()
    return answer


async def test_a_candidate_asks_sees_the_image_taps_a_suggestion_and_rates(
    page: object, site: tuple[str, QuestionLog], kb: KnowledgeBase
) -> None:
    expect = playwright_api.expect
    shiba = kb.by_id["district-shiba"]
    answer = await ask(page, SHIBA)
    await expect(answer.locator(".bubble")).to_have_text(shiba.answer["ja"])
    image = answer.locator("figure img")
    await expect(image).to_have_attribute("src", "static/images/districts.png")
    await expect(answer.locator("figcaption")).to_have_text(shiba.images[0].caption["ja"])
    await image.scroll_into_view_if_needed()
    assert await image.evaluate("img => img.complete && img.naturalWidth > 0")  # it really loaded

    related = kb.by_id[shiba.related[0]]
    await answer.locator(".chip", has_text=related.title["ja"]).tap()
    tapped = page.locator(".msg.bot:not(.typing)").last  # type: ignore[attr-defined]
    await expect(tapped.locator(".bubble")).to_have_text(related.answer["ja"])
    await expect(page.locator(".msg.user").last).to_have_text(related.questions["ja"][0])  # type: ignore[attr-defined]

    await answer.locator(".fb-up").tap()
    await expect(answer.locator(".fb-up")).to_have_attribute("aria-pressed", "true")
    await expect(answer.locator(".fb-down")).to_be_disabled()
    with sqlite3.connect(site[1].path) as db:
        rated = db.execute("SELECT entry_id, helpful FROM questions WHERE helpful IS NOT NULL").fetchall()
    assert rated == [("district-shiba", 1)]


async def test_a_script_question_is_shown_as_text(page: object) -> None:
    expect = playwright_api.expect
    attack = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">'
    await ask(page, attack)
    await expect(page.locator(".msg.user .bubble").last).to_have_text(attack)  # type: ignore[attr-defined]
    assert await page.locator("#log script, #log img[src='x']").count() == 0  # type: ignore[attr-defined]
    assert await page.evaluate("() => window.__pwned") is None  # type: ignore[attr-defined]


async def test_the_english_toggle_switches_the_page_and_the_answers(page: object, kb: KnowledgeBase) -> None:
    expect = playwright_api.expect
    await page.locator("#lang").tap()  # type: ignore[attr-defined]
    await expect(page.locator("html")).to_have_attribute("lang", "en")  # type: ignore[attr-defined]
    placeholder = page.locator("#q")  # type: ignore[attr-defined]
    await expect(placeholder).to_have_attribute("placeholder", "Type your question")
    welcome = page.locator(".msg.welcome").last  # type: ignore[attr-defined]
    await expect(welcome.locator(".bubble")).to_have_text(kb.scope.message("welcome", "en"))
    topic = kb.scope.example_questions["en"][0]
    await welcome.locator(".chip", has_text=topic).tap()
    await expect(page.locator(".msg.user").last).to_have_text(topic)  # type: ignore[attr-defined]
    reply = page.locator(".msg.bot:not(.typing):not(.welcome)").last  # type: ignore[attr-defined]
    await reply.wait_for()
    assert await reply.locator(".bubble").evaluate("b => /[A-Za-z]/.test(b.textContent)")
