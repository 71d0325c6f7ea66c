"""What both screenshot tools do with a page: screenshot it as a small palette PNG (README pictures stay light)."""

from __future__ import annotations

from pathlib import Path

from PIL import Image
from playwright.async_api import Page


async def save_small_screenshot(page: Page, path: Path, full_page: bool = False) -> None:
    """Screenshot page into path, shrink it to a 128-colour palette PNG and print its size."""
    await page.screenshot(path=str(path), full_page=full_page)
    # No dithering: flat UI colours stay flat, and the file is a fraction of the full-colour one.
    small = Image.open(path).convert("RGB").quantize(128, dither=Image.Dither.NONE)
    small.save(path, optimize=True)
    print(path, path.stat().st_size, "bytes")
