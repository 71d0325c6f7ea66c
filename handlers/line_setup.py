"""`minato-bot line richmenu`: build the rich menu from the topic menu and install it on the LINE channel."""

from __future__ import annotations

from dataclasses import dataclass

from linebot.v3.messaging.exceptions import ApiException

from bot.config import Settings
from bot.service import Answerer
from handlers.line_menu_image import MenuImage, draw_menu, find_japanese_font
from handlers.line_richmenu import Installed, Layout, RichMenuError, install, layout, rich_menu_request, topics_from


@dataclass(frozen=True)
class RichMenuPlan:
    """The rich menu as it will be sent: cells and picture."""

    layout: Layout
    image: MenuImage


def plan_rich_menu(answerer: Answerer) -> RichMenuPlan:
    """Lay out HR's topic menu and draw its picture."""
    menu = layout(topics_from(answerer.topics("ja"), answerer.topics("en")))
    return RichMenuPlan(menu, draw_menu(menu, find_japanese_font()))


async def install_rich_menu(settings: Settings, answerer: Answerer, plan: RichMenuPlan) -> Installed:
    """Install the planned rich menu as the channel's default, replacing the one this command made before."""
    if not settings.line_channel_access_token:
        raise RichMenuError("LINE_CHANNEL_ACCESS_TOKEN is not set (LINE Developers console → Messaging API tab)")
    request = rich_menu_request(plan.layout, answerer.kb_version)
    try:
        return await install(settings, request, plan.image.data, plan.image.content_type)
    except ApiException as exc:
        raise RichMenuError(f"LINE refused the rich menu: HTTP {exc.status} {_line_message(exc)}") from None
    except (OSError, TimeoutError) as exc:
        raise RichMenuError(f"cannot reach LINE at {settings.line_api_base_url}: {exc or 'timed out'}") from None


def _line_message(exc: ApiException) -> str:
    # LINE explains a refusal in the body's "message"; the body never holds the access token.
    body = exc.body.decode(errors="replace") if isinstance(exc.body, bytes) else str(exc.body or "")
    return body[:300]
