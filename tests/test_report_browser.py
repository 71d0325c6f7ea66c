"""The HR report on a 360 px phone in headless Chromium: a screenshot, and no horizontal scroll.

Run on its own with: python -m pytest -m browser tests/test_report_browser.py
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.analytics import read_stats
from bot.report_html import render_report
from chromium import ARGS, CHROMIUM, MARKS
from hr_logdata import build_log

PHONE_WIDTH = 360

pytestmark = MARKS
playwright_api = pytest.importorskip("playwright.async_api", reason="needs the playwright Python package")


async def test_the_report_fits_a_360_px_phone_without_horizontal_scroll(tmp_path: Path) -> None:
    log = build_log(tmp_path / "minato-bot.db")
    report = tmp_path / "report.html"
    report.write_text(render_report(read_stats(log.path)), encoding="utf-8")
    async with playwright_api.async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        try:
            context = await browser.new_context(viewport={"width": PHONE_WIDTH, "height": 740},
                                                device_scale_factor=2, is_mobile=True, has_touch=True)
            page = await context.new_page()
            requested: list[str] = []
            page.on("request", lambda request: requested.append(request.url))
            await page.goto(report.as_uri())
            await page.screenshot(path=str(tmp_path / "report-360.png"), full_page=True)
            scroll_width = await page.evaluate("document.documentElement.scrollWidth")
            client_width = await page.evaluate("document.documentElement.clientWidth")
            thumbs = await page.evaluate(
                "[...document.querySelectorAll('.thumb')].map(e => getComputedStyle(e, '::before').backgroundImage)")
        finally:
            await browser.close()
    assert (tmp_path / "report-360.png").stat().st_size > 0
    assert client_width == PHONE_WIDTH and scroll_width <= PHONE_WIDTH, scroll_width
    assert thumbs and all(image.startswith('url("data:image/svg+xml') for image in thumbs)
    assert all(url.startswith(("file:", "data:")) for url in requested), requested  # nothing fetched
