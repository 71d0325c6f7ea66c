"""The conversation policy every channel follows: help, the reply to non-text input, the topic menu with its
language switches, the confirmation of a language switch, and the slow-down reply.

A channel only translates these Replies into its own messages; it decides none of them.
"""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge import KnowledgeBase
from bot.responses import topic_suggestions
from bot.seam import LANGS, Reply, Suggestion

# scope.yaml's `menu:` may list `lang:easy` (or lang:en, lang:ja) beside entry ids: a cell or button that switches
# the user's language (the LINE rich menu, Telegram's /menu).
SWITCH_PREFIX = "lang:"
LANGUAGE_NAMES: dict[str, dict[str, str]] = {
    "ja": {"ja": "日本語", "en": "日本語 (Japanese)", "easy": "ふつうの 日本語（にほんご）"},
    "en": {"ja": "English", "en": "English", "easy": "English（えいご）"},
    "easy": {"ja": "やさしい日本語", "en": "Easy Japanese", "easy": "やさしい 日本語（にほんご）"},
}
# What a language button "says" to the engine: the same request a user may type (bot/followup.py reads it).
SWITCH_REQUESTS = {"ja": "日本語", "en": "English", "easy": "やさしい日本語"}
# Replies whose language becomes the conversation's (Question.follow_language): not refusals of unreadable input.
LANGUAGE_KINDS = ("answer", "clarify", "fallback", "smalltalk")


# What every channel says after a 👍/👎 tap, and to a button that no longer works (its entry was removed).
VOTE_TEXTS: dict[str, dict[str, str]] = {
    "thanks": {"ja": "ご意見ありがとうございます！", "en": "Thanks for your feedback!"},
    "already_rated": {"ja": "この回答は評価済みです。", "en": "You have already rated this answer."},
    "expired": {
        "ja": "このボタンは使えなくなりました。質問を入力してください。",
        "en": "This button is no longer available. Please type your question.",
    },
}


def vote_text(name: str, lang: str | None) -> str:
    """Return one of VOTE_TEXTS in a language (Japanese where it has none of its own)."""
    return VOTE_TEXTS[name].get(lang or "ja", VOTE_TEXTS[name]["ja"])


def switch_lang_of(menu_item: str) -> str | None:
    """Return the language a `menu:` item switches to (`lang:easy` -> easy), None for an entry id."""
    if menu_item.startswith(SWITCH_PREFIX) and menu_item[len(SWITCH_PREFIX):] in LANGS:
        return menu_item[len(SWITCH_PREFIX):]
    return None


def language_button(target: str, lang: str) -> Suggestion:
    """Return a button that switches the user to `target`, labelled in the language shown now."""
    return Suggestion(label=LANGUAGE_NAMES[target][lang], question="", switch_lang=target)


def menu(kb: KnowledgeBase, lang: str) -> tuple[Suggestion, ...]:
    """Return scope.yaml's `menu:` in order: a suggestion per entry, a language button per `lang:` item.

    A topic carries no language of its own: it is answered in the user's language at the time of the tap.
    """
    entries = iter(replace(topic, lang=None) for topic in topic_suggestions(kb, lang))
    items: list[Suggestion] = []
    for item in kb.scope.menu:
        target = switch_lang_of(item)
        if target is not None:
            items.append(language_button(target, lang))
        elif kb.entry(item) is not None:
            items.append(next(entries))
    return tuple(items)


def help_reply(kb: KnowledgeBase, lang: str) -> Reply:
    """Return help in the user's language: how to ask, with the topic menu to tap."""
    return Reply(kb.scope.message("help", lang), lang, "smalltalk", suggestions=menu(kb, lang))


def not_text_reply(kb: KnowledgeBase, lang: str) -> Reply:
    """Return the reply to a sticker, photo, voice message or location: the same help, on every channel."""
    return help_reply(kb, lang)


def language_set_reply(kb: KnowledgeBase, lang: str) -> Reply:
    """Return the confirmation of a switch to `lang` (scope.yaml's `language` message), with the topic menu."""
    return Reply(kb.scope.message("language", lang), lang, "smalltalk", suggestions=menu(kb, lang))


def slow_down_reply(kb: KnowledgeBase, lang: str) -> Reply:
    """Return the reply to a user over the rate limit."""
    return Reply(kb.scope.message("slow_down", lang), lang, "rate_limited")
