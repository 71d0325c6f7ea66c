"""Draw the LINE rich-menu picture from the same topics as its tappable areas (Pillow).

Each cell shows its topic's Japanese title, large, and the English title beneath. Without a Japanese font the
picture is still drawn, with the English titles only, so the command never produces a picture of empty boxes.
"""

from __future__ import annotations

import io
import logging
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from handlers.line_richmenu import Cell, Layout

log = logging.getLogger(__name__)

JAPANESE_FONTS = (
    Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf"),  # Debian fonts-ipaexfont-gothic
    Path("/usr/share/fonts/truetype/fonts-japanese-gothic.ttf"),
    Path("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc"),
    Path("/usr/share/fonts/opentype/ipafont-gothic/ipag.ttf"),
)
MAX_BYTES = 1024 * 1024  # LINE's limit for a rich-menu picture
BACKGROUND = "#F3F6FA"
PALETTE = ("#0B5394", "#1B7F5A", "#B45309", "#6D28D9", "#0E7490", "#9F1239", "#3F6212", "#374151")
SUBTITLE = "#E8EEF6"
GUTTER = 14
RADIUS = 40
PADDING = 48
MAX_TITLE = 120  # px
SIZE_SPREAD = 1.4  # the largest title at most this many times the smallest
TWO_LINE_WEIGHT = 0.8  # two lines win only when they read clearly larger than one


@dataclass(frozen=True)
class MenuImage:
    """An encoded picture ready to upload."""

    data: bytes
    content_type: str
    japanese: bool  # False when no Japanese font was found and only English titles were drawn


def find_japanese_font(candidates: tuple[Path, ...] = JAPANESE_FONTS) -> Path | None:
    """Return the first installed Japanese font, or None."""
    return next((path for path in candidates if path.is_file()), None)


def draw_menu(menu: Layout, font_path: Path | None = None) -> MenuImage:
    """Return the rich-menu picture for this layout (PNG; JPEG only if PNG would exceed LINE's 1 MB)."""
    picture = Image.new("RGB", (menu.width, menu.height), BACKGROUND)
    canvas = ImageDraw.Draw(picture)
    japanese = font_path is not None
    if not japanese:
        log.warning("LINE rich menu: no Japanese font found (install fonts-ipaexfont-gothic); "
                    "drawing the English titles only")
    # Titles that fit large are held to a size near the smallest, so the panel reads as one set.
    sizes = [getattr(_title(canvas, cell, font_path, MAX_TITLE)[1], "size", MAX_TITLE) for cell in menu.cells]
    cap = int(min(sizes) * SIZE_SPREAD)
    for number, cell in enumerate(menu.cells):
        _draw_cell(canvas, cell, PALETTE[number % len(PALETTE)], font_path, cap)
    return _encode(picture, japanese)


def _title(canvas: ImageDraw.ImageDraw, cell: Cell, font_path: Path | None, cap: int) -> Fitted:
    text = cell.topic.title if font_path is not None else cell.topic.title_en or cell.topic.entry_id
    return _fit(canvas, text, font_path, _room(cell), min(cell.height // 6, cap))


def _room(cell: Cell) -> int:
    return cell.width - 2 * (GUTTER + PADDING)


def _draw_cell(canvas: ImageDraw.ImageDraw, cell: Cell, color: str, font_path: Path | None, cap: int) -> None:
    box = (cell.x + GUTTER, cell.y + GUTTER, cell.x + cell.width - GUTTER, cell.y + cell.height - GUTTER)
    canvas.rounded_rectangle(box, radius=RADIUS, fill=color)
    room = _room(cell)
    biggest = min(cell.height // 6, MAX_TITLE)
    title = _title(canvas, cell, font_path, cap)
    if font_path is not None:
        subtitle = _fit(canvas, cell.topic.title_en, font_path, room, max(biggest * 9 // 20, 30))
    else:  # English only, in Pillow's own font
        subtitle = None
    blocks = [(title, "#FFFFFF"), (subtitle, SUBTITLE)] if subtitle and subtitle[0] else [(title, "#FFFFFF")]
    _draw_centred(canvas, blocks, cell)


Fitted = tuple[list[str], "ImageFont.FreeTypeFont | ImageFont.ImageFont"]


def _fit(canvas: ImageDraw.ImageDraw, text: str, font_path: Path | None, room: int, biggest: int) -> Fitted:
    """Return the text as one line, or two split at a natural point, whichever reads largest."""
    best: tuple[float, int, list[str]] = (-1.0, 0, [text])
    for lines in _breaks(text):
        size = _largest_size(canvas, lines, font_path, room, biggest)
        score = size * (1.0 if len(lines) == 1 else TWO_LINE_WEIGHT)
        if score > best[0]:
            best = (score, size, lines)
    _, size, lines = best
    return lines, _font(font_path, size)


def _largest_size(canvas: ImageDraw.ImageDraw, lines: list[str], font_path: Path | None, room: int,
                  biggest: int) -> int:
    smallest = max(biggest // 3, 12)
    for size in range(biggest, smallest, -4):
        font = _font(font_path, size)
        if all(canvas.textlength(line, font=font) <= room for line in lines):
            return size
    return smallest  # too long even then: the cell just looks full


def _breaks(text: str) -> list[list[str]]:
    """Return ways to set a title: one line, or two split at a space or where a new word likely starts."""
    points = [i for i in range(1, len(text)) if _starts_word(text[i - 1], text[i])]
    if not points and len(text) > 1:
        points = [len(text) // 2]  # nothing natural: halve it
    points.sort(key=lambda i: abs(len(text) / 2 - i))  # the most balanced split first
    ways = [[text]] + [[text[:i].strip(), text[i:].strip()] for i in points]
    return [way for way in ways if all(way)]


def _starts_word(before: str, after: str) -> bool:
    # Japanese breaks read naturally after a particle (の|地区) or between kanji and katakana words
    # (チャレンジ|提案制度), never before hiragana (詳|しく).
    if before == " ":
        return True
    return _script(before) != _script(after) and _script(after) not in ("HIRAGANA", "OTHER")


def _script(char: str) -> str:
    name = unicodedata.name(char, "")
    for script in ("CJK", "HIRAGANA", "KATAKANA", "LATIN", "DIGIT"):
        if script in name:
            return script
    return "KATAKANA" if char == "ー" else "OTHER"


def _font(font_path: Path | None, size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    if font_path is not None:
        return ImageFont.truetype(str(font_path), size)
    return ImageFont.load_default(size=size)


def _draw_centred(canvas: ImageDraw.ImageDraw, blocks: list[tuple[Fitted | None, str]], cell: Cell) -> None:
    rows: list[tuple[str, ImageFont.FreeTypeFont | ImageFont.ImageFont, str, int]] = []
    for fitted, color in blocks:
        if fitted is None:
            continue
        lines, font = fitted
        height = _line_height(canvas, font)
        rows += [(line, font, color, height) for line in lines]
    gap = rows[0][3] // 3 if rows else 0
    total = sum(height for *_, height in rows) + gap * (len(rows) - 1)
    y = cell.y + (cell.height - total) / 2
    for line, font, color, height in rows:
        canvas.text((cell.x + cell.width / 2, y), line, font=font, fill=color, anchor="ma")
        y += height + gap


def _line_height(canvas: ImageDraw.ImageDraw, font: ImageFont.FreeTypeFont | ImageFont.ImageFont) -> int:
    left, top, right, bottom = canvas.textbbox((0, 0), "港Ag", font=font)
    return int(bottom - top)


def _encode(picture: Image.Image, japanese: bool) -> MenuImage:
    buffer = io.BytesIO()
    picture.save(buffer, format="PNG", optimize=True)
    if buffer.tell() <= MAX_BYTES:
        return MenuImage(buffer.getvalue(), "image/png", japanese)
    buffer = io.BytesIO()  # a photo-like picture: JPEG keeps it under LINE's limit
    picture.save(buffer, format="JPEG", quality=85)
    return MenuImage(buffer.getvalue(), "image/jpeg", japanese)
