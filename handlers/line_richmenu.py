"""The LINE rich menu: HR's topic menu (scope.yaml `menu:`) as tappable cells, created through line-bot-sdk.

`minato-bot line richmenu` lays the topics out on a grid, draws the picture (handlers/line_menu_image.py),
creates the rich menu, uploads the picture to LINE's data host, makes it every user's default, and only then
deletes the rich menus it created before, so users are never left without one and a second run leaves one menu.
"""

from __future__ import annotations

import logging
import math
from dataclasses import dataclass

from linebot.v3.messaging import (
    AsyncApiClient,
    AsyncMessagingApi,
    AsyncMessagingApiBlob,
    Configuration,
    PostbackAction,
    RichMenuArea,
    RichMenuBounds,
    RichMenuRequest,
    RichMenuSize,
)

from bot.config import Settings
from bot.seam import Suggestion
from handlers.line_postback import entry_data, language_data

log = logging.getLogger(__name__)

MENU_NAME = "minato-bot topics"  # how this command recognises the rich menus it created before
CHAT_BAR_TEXT = "メニュー / Menu"  # the bar that opens and closes the panel; LINE allows 14 characters
WIDTH = 2500
FULL_HEIGHT = 1686  # LINE's large size; a single row of topics uses the compact 843
COMPACT_HEIGHT = 843
MAX_AREAS = 20  # LINE's limit
LABEL_CHARS = 20
TIMEOUT = 30.0


@dataclass(frozen=True)
class Topic:
    """One menu cell: the entry it asks for (or the language it switches to), its Japanese and English titles,
    and the question it sends."""

    entry_id: str
    title: str
    title_en: str
    question: str
    switch_lang: str | None = None


@dataclass(frozen=True)
class Cell:
    """Where a topic sits on the rich-menu picture, in pixels."""

    x: int
    y: int
    width: int
    height: int
    topic: Topic


@dataclass(frozen=True)
class Layout:
    """The picture's size and its cells."""

    width: int
    height: int
    cells: tuple[Cell, ...]


@dataclass(frozen=True)
class Installed:
    """What `install` did: the new default rich menu and the old ones it deleted."""

    rich_menu_id: str
    removed: tuple[str, ...]
    topics: int


class RichMenuError(Exception):
    """The rich menu could not be built or LINE refused it."""


def topics_from(japanese: tuple[Suggestion, ...], english: tuple[Suggestion, ...]) -> list[Topic]:
    """Pair the Japanese and English topic menus: entries by id, language switches by language."""
    english_titles = {s.entry_id or s.switch_lang: s.label for s in english}
    topics = []
    for s in japanese:
        if s.switch_lang is not None:
            topics.append(Topic("", s.label, english_titles.get(s.switch_lang, ""), s.label, s.switch_lang))
        elif s.entry_id is not None:
            topics.append(Topic(s.entry_id, s.label, english_titles.get(s.entry_id, ""), s.question))
    return topics


def grid(count: int) -> tuple[int, int]:
    """Return (rows, columns) for this many topics: one row up to 3, then 2, 3 or 4 rows."""
    if count <= 3:
        return 1, max(count, 1)
    rows = 2 if count <= 8 else 3 if count <= 12 else 4
    return rows, math.ceil(count / rows)


def layout(topics: list[Topic]) -> Layout:
    """Place up to 20 topics on a grid; a shorter last row shares the full width."""
    if not topics:
        raise RichMenuError("scope.yaml has no `menu:` topics whose entries exist")
    if len(topics) > MAX_AREAS:
        log.warning("LINE rich menu: only the first %d of %d topics fit", MAX_AREAS, len(topics))
        topics = topics[:MAX_AREAS]
    rows, columns = grid(len(topics))
    height = COMPACT_HEIGHT if rows == 1 else FULL_HEIGHT
    cells: list[Cell] = []
    for row in range(rows):
        in_row = topics[row * columns:(row + 1) * columns]
        top, bottom = height * row // rows, height * (row + 1) // rows
        for column, topic in enumerate(in_row):
            left, right = WIDTH * column // len(in_row), WIDTH * (column + 1) // len(in_row)
            cells.append(Cell(left, top, right - left, bottom - top, topic))
    return Layout(WIDTH, height, tuple(cells))


def rich_menu_request(menu: Layout, version: str = "") -> RichMenuRequest:
    """Return the rich-menu object: each cell a postback asking for its entry, shown as the topic's question."""
    areas = [
        RichMenuArea(
            bounds=RichMenuBounds(x=cell.x, y=cell.y, width=cell.width, height=cell.height),
            # No language in the data: the answer follows the language the user last wrote in.
            action=PostbackAction(label=cell.topic.title[:LABEL_CHARS], display_text=cell.topic.question,
                                  data=_cell_data(cell.topic)),
        )
        for cell in menu.cells
    ]
    name = f"{MENU_NAME} {version}".strip()
    return RichMenuRequest(size=RichMenuSize(width=menu.width, height=menu.height), selected=True,
                           name=name, chat_bar_text=CHAT_BAR_TEXT, areas=areas)


def _cell_data(topic: Topic) -> str:
    if topic.switch_lang is not None:
        return language_data(topic.switch_lang)
    return entry_data(topic.entry_id, None, topic.question)


async def install(settings: Settings, request: RichMenuRequest, image: bytes, content_type: str) -> Installed:
    """Create the rich menu with its picture, make it the default, then delete the ones created before."""
    api_config = Configuration(host=settings.line_api_base_url.rstrip("/"),
                               access_token=settings.line_channel_access_token)
    # The blob API is on its own host; a Configuration host applies to every call of its client.
    data_config = Configuration(host=settings.line_data_api_base_url.rstrip("/"),
                                access_token=settings.line_channel_access_token)
    async with AsyncApiClient(api_config) as api_client, AsyncApiClient(data_config) as data_client:
        api, blob = AsyncMessagingApi(api_client), AsyncMessagingApiBlob(data_client)
        listed = await api.get_rich_menu_list(_request_timeout=TIMEOUT)
        old = tuple(m.rich_menu_id for m in listed.richmenus if m.name.startswith(MENU_NAME))
        created = (await api.create_rich_menu(request, _request_timeout=TIMEOUT)).rich_menu_id
        try:
            await blob.set_rich_menu_image(created, body=image, _headers={"Content-Type": content_type},
                                           _request_timeout=TIMEOUT)
            await api.set_default_rich_menu(created, _request_timeout=TIMEOUT)
        except Exception:
            await _delete_quietly(api, created)  # leave the old menu in place rather than a broken new one
            raise
        for rich_menu_id in old:
            await _delete_quietly(api, rich_menu_id)
    return Installed(created, old, len(request.areas or []))


async def _delete_quietly(api: AsyncMessagingApi, rich_menu_id: str) -> None:
    try:
        await api.delete_rich_menu(rich_menu_id, _request_timeout=TIMEOUT)
    except Exception as exc:  # the new menu is in place; an old one left over is only untidy
        log.warning("LINE rich menu: could not delete %s: %s", rich_menu_id, exc)
