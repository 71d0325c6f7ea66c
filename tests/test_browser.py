"""The web chat in headless Chromium (Playwright) against the real server on 127.0.0.1.

Run on its own with: python -m pytest -m browser
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import AsyncIterator

import pytest
import pytest_asyncio
from aiohttp.test_utils import TestServer

from bot.analytics import QuestionLog
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.service import Answerer
from chromium import ARGS, CHROMIUM, MARKS
from handlers.web import create_app

SHIBA = "芝地区はどんなところ？"
WAIT_MS = 30_000
ANSWERS = ".msg.bot:not(.typing)"

# One Chromium for the module (starting one costs seconds of CPU), a fresh browser context per test: so the tests
# and their fixtures run on the module's event loop.
pytestmark = [*MARKS, pytest.mark.asyncio(loop_scope="module")]
playwright_api = pytest.importorskip("playwright.async_api", reason="needs the playwright Python package")


@pytest_asyncio.fixture(scope="module", loop_scope="module")
async def browser() -> AsyncIterator[object]:
    """Return one headless Chromium for the module's tests."""
    async with playwright_api.async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        await chromium.close()


@pytest_asyncio.fixture(loop_scope="module")
async def site(kb: KnowledgeBase, tmp_path: Path) -> AsyncIterator[tuple[str, QuestionLog]]:
    """Serve the real app on 127.0.0.1 and return its base URL and question log."""
    question_log = QuestionLog(tmp_path / "log.db")
    answerer = Answerer(kb, question_log)
    server = TestServer(create_app(answerer, Settings()), host="127.0.0.1")
    await server.start_server()
    yield str(server.make_url("/")), question_log
    await server.close()
    answerer.close()


@pytest_asyncio.fixture(loop_scope="module")
async def page(browser: object, site: tuple[str, QuestionLog]) -> AsyncIterator[object]:
    """Return a phone-sized Chromium page with the chat loaded, in a context of its own (no storage, no cookies)."""
    context = await browser.new_context(viewport={"width": 360, "height": 740},  # type: ignore[attr-defined]
                                        device_scale_factor=2, is_mobile=True, has_touch=True, locale="ja-JP")
    tab = await context.new_page()
    tab.set_default_timeout(WAIT_MS)
    requested: list[str] = []
    tab.on("request", lambda request: requested.append(request.url))
    refused: list[str] = []  # what the page's Content-Security-Policy blocked
    tab.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
    await tab.goto(site[0])
    await tab.locator(".msg.welcome .chip").first.wait_for()
    yield tab
    await context.close()
    assert requested and all(url.startswith(site[0]) for url in requested), requested  # nothing from a CDN
    assert not refused, refused


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
    # It really loaded: decode() settles once the image has arrived (a lazy image may still be on its way after the
    # scroll), and fails if it cannot be shown.
    assert await image.evaluate("img => img.decode().then(() => img.naturalWidth > 0, () => false)")

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


async def test_the_language_choice_switches_to_english(page: object, kb: KnowledgeBase) -> None:
    expect = playwright_api.expect
    await page.locator("#lang").select_option("en")  # type: ignore[attr-defined]
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


# Every control a thumb taps; inline links inside a sentence are exempt (WCAG 2.5.8) and measured nowhere.
CONTROLS = "button:visible, select:visible, textarea:visible, a:visible:not(.bubble a), [role=button]:visible"


async def test_every_control_is_at_least_44_by_44_px_at_360_px(page: object) -> None:
    answer = await ask(page, SHIBA)
    await answer.locator(".fb-up").wait_for()
    controls = page.locator(CONTROLS)  # type: ignore[attr-defined]
    boxes = [(await c.evaluate("n => n.outerHTML.slice(0, 60)"), await c.bounding_box())
             for c in await controls.all()]
    assert len(boxes) >= 8, boxes  # the language choice, send, the box, topic chips, the image, suggestion chips, 👍, 👎
    small = [(html, box) for html, box in boxes if box["width"] < 44 or box["height"] < 44]
    assert not small, small


async def axe_report(page: object) -> tuple[int, str]:
    """Run axe-core on the page: the number of violations and their report."""
    axe = pytest.importorskip("axe_playwright_python.async_playwright", reason="needs axe-playwright-python")
    # label-content-name-mismatch is experimental in axe-core, so off unless asked for.
    options = {"resultTypes": ["violations"], "rules": {"label-content-name-mismatch": {"enabled": True}}}
    results = await axe.Axe().run(page, options=options)
    return results.violations_count, results.generate_report()


@pytest.mark.parametrize(("scheme", "lang"), [("light", "ja"), ("dark", "ja"), ("dark", "en"), ("light", "easy")])
async def test_axe_finds_no_violation(page: object, scheme: str, lang: str) -> None:
    await page.emulate_media(color_scheme=scheme)  # type: ignore[attr-defined]
    if lang != "ja":
        await page.locator("#lang").select_option(lang)  # type: ignore[attr-defined]
        await playwright_api.expect(page.locator(".msg.welcome")).to_have_count(2)  # type: ignore[attr-defined]
    answer = await ask(page, SHIBA)
    await answer.locator(".fb-up").wait_for()
    background = await page.evaluate(  # type: ignore[attr-defined]
        "() => getComputedStyle(document.querySelector('.app')).backgroundColor")
    darkness = sum(int(v) for v in background[background.index("(") + 1:-1].split(",")[:3]) / 3
    assert (darkness < 80) == (scheme == "dark"), background  # the theme follows the system
    violations, report = await axe_report(page)
    assert violations == 0, report


async def test_an_image_opens_full_screen_and_closes_with_the_button_or_escape(page: object) -> None:
    expect = playwright_api.expect
    answer = await ask(page, SHIBA)
    opener = answer.locator("figure button")
    viewer = page.locator("dialog.viewer")  # type: ignore[attr-defined]
    for close_with in ("button", "Escape"):
        await opener.tap()
        await expect(viewer).to_be_visible()
        await expect(viewer.locator("img")).to_have_attribute("src", "static/images/districts.png")
        await expect(viewer.locator(".viewer-close")).to_be_focused()
        box = await viewer.bounding_box()
        assert box["width"] >= 360 and box["height"] >= 700, box  # the whole screen
        enlarged = await viewer.locator("img").evaluate("i => i.getBoundingClientRect().width")
        assert enlarged >= 2 * (await answer.locator("figure img").bounding_box())["width"]  # its text readable
        violations, report = await axe_report(page)
        assert violations == 0, report
        if close_with == "button":
            await viewer.locator(".viewer-close").tap()
        else:
            await page.keyboard.press("Escape")  # type: ignore[attr-defined]
        await expect(viewer).to_be_hidden()
        await expect(opener).to_be_focused()  # back where the candidate was


async def test_a_question_typed_offline_stays_in_the_box_until_it_can_be_sent(page: object) -> None:
    expect = playwright_api.expect
    users = await page.locator(".msg.user").count()  # type: ignore[attr-defined]
    await page.context.set_offline(True)  # type: ignore[attr-defined]
    await page.locator("#q").fill(SHIBA)  # type: ignore[attr-defined]
    await page.locator("#q").press("Enter")  # type: ignore[attr-defined]
    status = page.locator("#status[role=status]")  # type: ignore[attr-defined]
    await expect(status).to_contain_text("オフライン")
    await expect(page.locator("#q")).to_have_value(SHIBA)  # type: ignore[attr-defined]
    assert await page.locator(".msg.user").count() == users  # type: ignore[attr-defined]

    await page.context.set_offline(False)  # type: ignore[attr-defined]
    await expect(status).not_to_contain_text("オフライン")
    await page.locator("#send").tap()  # type: ignore[attr-defined]
    await expect(page.locator(".msg.user").last).to_have_text(SHIBA)  # type: ignore[attr-defined]
    await expect(page.locator(ANSWERS).last.locator("figure")).to_be_visible()  # type: ignore[attr-defined]
    await expect(page.locator("#q")).to_have_value("")  # type: ignore[attr-defined]


async def test_japanese_breaks_between_phrases_and_says_its_language(page: object) -> None:
    answer = await ask(page, SHIBA)
    bubble = answer.locator(".bubble")
    style = await bubble.evaluate("b => [getComputedStyle(b).wordBreak, getComputedStyle(b).overflowWrap]")
    assert style == ["auto-phrase", "anywhere"]
    assert await bubble.evaluate("b => b.closest('[lang]').lang") == "ja"
    await page.locator("#lang").select_option("en")  # type: ignore[attr-defined]
    english = await ask(page, "Is there a cafeteria?")
    assert await english.locator(".bubble").evaluate("b => b.closest('[lang]').lang") == "en"
    assert await bubble.evaluate("b => b.closest('[lang]').lang") == "ja"  # earlier answers keep theirs


async def test_the_favicon_is_served_and_linked(page: object, site: tuple[str, QuestionLog]) -> None:
    for path in ("favicon.ico", "static/favicon.svg"):
        response = await page.request.get(site[0] + path)  # type: ignore[attr-defined]
        assert response.status == 200 and response.headers["content-type"].startswith("image/svg+xml"), path
    linked = await page.locator("link[rel=icon]").get_attribute("href")  # type: ignore[attr-defined]
    assert linked == "static/favicon.svg"


async def test_a_question_the_server_could_not_receive_goes_back_into_the_box(page: object) -> None:
    expect = playwright_api.expect
    await page.route("**/api/ask", lambda route: route.abort("connectionrefused"))  # type: ignore[attr-defined]
    await page.locator("#q").fill(SHIBA)  # type: ignore[attr-defined]
    await page.locator("#q").press("Enter")  # type: ignore[attr-defined]
    await expect(page.locator("#status")).to_contain_text("送信できませんでした")  # type: ignore[attr-defined]
    await expect(page.locator("#q")).to_have_value(SHIBA)  # type: ignore[attr-defined]
    await expect(page.locator(".msg.user")).to_have_count(0)  # type: ignore[attr-defined]
    await page.unroute("**/api/ask")  # type: ignore[attr-defined]
    await page.locator("#send").tap()  # type: ignore[attr-defined]
    await expect(page.locator(ANSWERS).last.locator("figure")).to_be_visible()  # type: ignore[attr-defined]
    await expect(page.locator("#status")).to_be_empty()  # type: ignore[attr-defined]


async def test_an_english_answer_on_a_japanese_page_keeps_its_suggestions_and_feedback_prompt_english(
        page: object, kb: KnowledgeBase) -> None:
    expect = playwright_api.expect
    answer = await ask(page, "Is there a staff cafeteria?")  # the page stays Japanese
    await expect(answer.locator(".bubble")).to_have_text(kb.by_id["cafeteria"].answer["en"])
    await expect(answer.locator(".fb-note")).to_have_text("Was this helpful?")
    await expect(answer.locator(".fb")).to_have_attribute("lang", "en")
    related = kb.by_id[kb.by_id["cafeteria"].related[0]]
    await answer.locator(".chip", has_text=related.title["en"]).tap()
    tapped = page.locator(".msg.bot:not(.typing)").last  # type: ignore[attr-defined]
    await expect(tapped.locator(".bubble")).to_have_text(related.answer["en"])


async def test_the_language_choice_switches_to_easy_japanese(page: object, kb: KnowledgeBase) -> None:
    expect = playwright_api.expect
    await page.locator("#lang").select_option("easy")  # type: ignore[attr-defined]
    await expect(page.locator("html")).to_have_attribute("lang", "ja")  # type: ignore[attr-defined]
    welcome = page.locator(".msg.welcome").last  # type: ignore[attr-defined]
    await expect(welcome.locator(".bubble")).to_have_text(kb.scope.message("welcome", "easy"))
    answer = await ask(page, "食堂はありますか？")
    await expect(answer.locator(".bubble")).to_have_text(kb.by_id["cafeteria"].answer["easy"])
    await expect(answer.locator(".fb-note")).to_have_text("この こたえは やくに たちましたか？")
    await page.reload()  # type: ignore[attr-defined]
    await expect(page.locator("#lang")).to_have_value("easy")  # type: ignore[attr-defined]
