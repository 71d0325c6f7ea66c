"""`minato-bot line richmenu` end to end against the fake LINE API (API host and data host on 127.0.0.1),
then a tap on a cell answered by the real server; plus the layout and the picture on their own."""

from __future__ import annotations

import asyncio
import io
import json
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient
from click.testing import CliRunner, Result
from PIL import Image

from bot.cli import cli
from bot.knowledge import KnowledgeBase
from bot.responses import Suggestion
from fake_line import FakeLine, fake, postback_event, text_event
from handlers.line_menu_image import draw_menu
from handlers.line_richmenu import MENU_NAME, Topic, layout
from test_line import TOKEN, post_events, question_log, server

__all__ = ["fake", "question_log", "server"]  # fixtures: the fake LINE API, and two shared with test_line

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
LINE_SIZES = {(2500, 1686), (2500, 843)}


async def richmenu(fake: FakeLine, tmp_path: Path, *args: str, token: str = TOKEN) -> Result:
    """Run `minato-bot line richmenu` against the fake, off the event loop the fake runs on."""
    env = {"LINE_CHANNEL_ACCESS_TOKEN": token, "LINE_API_BASE_URL": fake.base_url,
           "LINE_DATA_API_BASE_URL": fake.data_base_url, "MINATO_DB": str(tmp_path / "log.db")}
    command = ["--env-file", str(tmp_path / "none.env"), "line", "richmenu", *args]
    return await asyncio.to_thread(CliRunner().invoke, cli, command, env=env)


def assert_line_picture(data: bytes, size: tuple[int, int]) -> None:
    """Check a rich-menu picture against LINE's rules: PNG, a rich-menu size, at most 1 MB."""
    assert data.startswith(PNG_SIGNATURE) and len(data) <= 1024 * 1024
    with Image.open(io.BytesIO(data)) as picture:
        assert picture.format == "PNG" and picture.size == size and size in LINE_SIZES


async def test_the_rich_menu_is_created_with_its_picture_and_set_as_default(
    fake: FakeLine, tmp_path: Path, kb: KnowledgeBase
) -> None:
    result = await richmenu(fake, tmp_path)
    assert result.exit_code == 0, result.output
    [(menu_id, menu)] = fake.rich_menus.items()
    assert fake.default_rich_menu == menu_id and f"rich menu {menu_id}" in result.output
    assert fake.calls == ["GET /v2/bot/richmenu/list", "POST /v2/bot/richmenu",
                          f"POST /v2/bot/richmenu/{menu_id}/content", f"POST /v2/bot/user/all/richmenu/{menu_id}"]
    image = fake.images[menu_id]  # arrived on the data host: the API host has no upload route
    assert image.content_type == "image/png" and image.authorization == f"Bearer {TOKEN}"
    assert_line_picture(image.data, (menu["size"]["width"], menu["size"]["height"]))
    assert menu["name"].startswith(MENU_NAME) and menu["selected"] is True
    actions = [area["action"] for area in menu["areas"]]
    entries = [e for e in kb.scope.menu if e in kb.by_id]
    assert [json.loads(a["data"]).get("e") for a in actions[:-1]] == entries
    assert [a["displayText"] for a in actions[:-1]] == [kb.by_id[e].questions["ja"][0] for e in entries]
    assert [a["label"] for a in actions[:-1]] == [kb.by_id[e].title["ja"] for e in entries]
    # scope.yaml's `lang:easy`: the last cell switches to やさしい日本語
    assert kb.scope.menu[-1] == "lang:easy" and json.loads(actions[-1]["data"]) == {"s": "easy"}
    assert actions[-1]["label"] == actions[-1]["displayText"] == "やさしい日本語"


async def test_running_it_again_leaves_one_menu_and_keeps_menus_it_did_not_make(
    fake: FakeLine, tmp_path: Path
) -> None:
    fake.rich_menus["richmenu-campaign"] = {"size": {"width": 2500, "height": 843}, "name": "campaign",
                                            "chatBarText": "Campaign", "areas": []}
    first = await richmenu(fake, tmp_path)
    second = await richmenu(fake, tmp_path)
    assert first.exit_code == second.exit_code == 0, first.output + second.output
    ours = [menu_id for menu_id, menu in fake.rich_menus.items() if menu["name"].startswith(MENU_NAME)]
    assert len(ours) == 1 and fake.default_rich_menu == ours[0] and ours[0] in fake.images
    assert "richmenu-campaign" in fake.rich_menus and "replaced 1 older one(s)" in second.output
    assert fake.calls[-1].startswith("DELETE /v2/bot/richmenu/")  # the old one goes only after the new one is live


async def test_a_failed_upload_keeps_the_old_menu_and_removes_the_half_made_one(
    fake: FakeLine, tmp_path: Path
) -> None:
    assert (await richmenu(fake, tmp_path)).exit_code == 0
    before = dict(fake.rich_menus), fake.default_rich_menu
    fake.refuse_uploads = True
    result = await richmenu(fake, tmp_path)
    assert result.exit_code == 1 and "LINE refused the rich menu: HTTP 500" in result.output
    assert TOKEN not in result.output
    assert (dict(fake.rich_menus), fake.default_rich_menu) == before


async def test_a_missing_token_is_a_clear_error_and_nothing_is_sent(fake: FakeLine, tmp_path: Path) -> None:
    result = await richmenu(fake, tmp_path, token="")
    assert result.exit_code == 1 and "LINE_CHANNEL_ACCESS_TOKEN is not set" in result.output
    assert fake.calls == []


async def test_dry_run_saves_the_picture_and_calls_nobody(fake: FakeLine, tmp_path: Path) -> None:
    result = await richmenu(fake, tmp_path, "--dry-run", "--save", str(tmp_path / "menu.png"))
    assert result.exit_code == 0, result.output
    assert_line_picture((tmp_path / "menu.png").read_bytes(), (2500, 1686))
    assert fake.calls == []


async def test_tapping_a_cell_answers_that_topic_as_a_bubble(
    fake: FakeLine, server: TestClient, tmp_path: Path, kb: KnowledgeBase
) -> None:
    assert (await richmenu(fake, tmp_path)).exit_code == 0
    [menu] = fake.rich_menus.values()
    cell = menu["areas"][2]["action"]
    await post_events(server, postback_event(cell["data"], "token-cell"))
    reply = await fake.next_reply()
    entry = kb.by_id[kb.scope.menu[2]]
    [message] = reply.messages
    assert message["type"] == "flex" and message["altText"] == entry.answer["ja"]
    assert entry.title["ja"] in [c.get("text") for c in message["contents"]["body"]["contents"]]


async def test_a_cell_answers_in_english_for_a_user_who_writes_english(
    fake: FakeLine, server: TestClient, tmp_path: Path, kb: KnowledgeBase
) -> None:
    assert (await richmenu(fake, tmp_path)).exit_code == 0
    [menu] = fake.rich_menus.values()
    await post_events(server, text_event("Is there a cafeteria?", "token-en", user="Uenglish"))
    await fake.next_reply()
    await post_events(server, postback_event(menu["areas"][0]["action"]["data"], "token-cell", user="Uenglish"))
    [message] = (await fake.next_reply()).messages
    assert message["altText"] == kb.by_id[kb.scope.menu[0]].answer["en"]


async def test_the_easy_cell_switches_the_user_to_easy_japanese(
    fake: FakeLine, server: TestClient, tmp_path: Path, kb: KnowledgeBase
) -> None:
    assert (await richmenu(fake, tmp_path)).exit_code == 0
    [menu] = fake.rich_menus.values()
    await post_events(server, postback_event(menu["areas"][-1]["action"]["data"], "token-easy", user="Ueasy"))
    [confirmed] = (await fake.next_reply()).messages
    assert confirmed["text"] == kb.scope.message("language", "easy")  # the engine's reply to a switch
    await post_events(server, text_event("食堂はありますか？", "token-q", user="Ueasy"))
    [message] = (await fake.next_reply()).messages
    assert message["altText"] == kb.by_id["cafeteria"].answer["easy"]
    forged = json.dumps({"s": "klingon"})
    assert await post_events(server, postback_event(forged, "token-forged", user="Ueasy")) == 200
    await post_events(server, text_event("職員住宅は？", "token-q2", user="Ueasy"))
    [still] = (await fake.next_reply()).messages  # the forged switch got no reply and changed nothing
    assert still["altText"] == kb.by_id["housing-staff"].answer["easy"]


def topics(count: int) -> list[Topic]:
    """Return count made-up topics with long and short titles."""
    titles = ["新技術チャレンジ提案制度", "食堂", "さらに詳しく知るには", "Pre-class"]
    return [Topic(f"topic-{n}", titles[n % 4], f"Topic {n}", f"質問{n}？") for n in range(count)]


@pytest.mark.parametrize("count", [1, 2, 3, 4, 5, 7, 8, 9, 12, 13, 20, 25])
def test_the_cells_tile_a_line_sized_picture_without_overlap(count: int) -> None:
    menu = layout(topics(count))
    assert (menu.width, menu.height) in LINE_SIZES and len(menu.cells) == min(count, 20)
    covered = sum(cell.width * cell.height for cell in menu.cells)
    assert covered == menu.width * menu.height  # every pixel belongs to exactly one cell...
    for cell in menu.cells:  # ...because no cell leaves the picture and none overlaps another
        assert 0 <= cell.x and cell.x + cell.width <= menu.width and 0 <= cell.y
        assert cell.y + cell.height <= menu.height
        for other in menu.cells:
            if other is not cell:
                assert (cell.x + cell.width <= other.x or other.x + other.width <= cell.x or
                        cell.y + cell.height <= other.y or other.y + other.height <= cell.y)


def test_without_a_japanese_font_the_picture_is_still_valid(caplog: pytest.LogCaptureFixture) -> None:
    menu = layout(topics(3))
    picture = draw_menu(menu, font_path=None)
    assert not picture.japanese and "no Japanese font" in caplog.text
    assert_line_picture(picture.data, (2500, 843))


def test_an_empty_topic_menu_is_refused() -> None:
    from handlers.line_richmenu import RichMenuError, topics_from

    with pytest.raises(RichMenuError, match="menu"):
        layout(topics_from((Suggestion("free", "free question"),), ()))

