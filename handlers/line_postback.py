"""LINE postback data: what a tapped button asks for, written compactly and checked when it comes back.

A tap on a topic or suggestion names an entry: `{"e": entry_id, "l": lang, "q": question}` (the question is kept
so the log reads like a typed one). A language cell of the rich menu switches the user's language: `{"s": lang}`.
A 👍/👎 tap names a question-log row: `{"f": log_id, "h": "1"|"0", "l": lang, "s": signature}`, where the signature is an HMAC keyed by the channel secret over the LINE user id, the log id
and the vote, so a user can rate only answers the bot sent to that user, and nobody can forge a vote.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
import re
from dataclasses import dataclass

POSTBACK_CHARS = 300  # LINE's limit on postback data
QUESTION_CHARS = 100  # of the question kept in an entry postback
ENTRY_ID = re.compile(r"[a-z0-9][a-z0-9-]{0,99}")
LOG_ID = re.compile(r"[A-Za-z0-9_-]{1,64}")
LANG = re.compile(r"[a-z]{2,8}")
LANGS = ("ja", "en", "easy")
SIGNATURE_CHARS = 22  # 132 bits of HMAC-SHA256, base64url


@dataclass(frozen=True)
class EntryTap:
    """A tap asking for one knowledge entry."""

    entry_id: str
    lang: str | None
    question: str


@dataclass(frozen=True)
class LanguageTap:
    """A tap switching the user's language (a rich-menu cell from `lang:easy` in scope.yaml's menu)."""

    lang: str


@dataclass(frozen=True)
class FeedbackTap:
    """A 👍 or 👎 on one logged answer, already checked to belong to the user who tapped it."""

    log_id: str
    helpful: bool
    lang: str | None


def entry_data(entry_id: str, lang: str | None, question: str) -> str:
    """Return postback data asking for an entry, within LINE's 300 characters."""
    data: dict[str, str] = {"e": entry_id}
    if lang:
        data["l"] = lang
    for size in (QUESTION_CHARS, 40, 0):
        if size:
            data["q"] = question[:size]
        else:
            data.pop("q", None)
        text = _dump(data)
        if len(text) <= POSTBACK_CHARS:
            return text
    raise ValueError(f"entry id too long for a LINE postback: {entry_id[:40]}…")


def language_data(lang: str) -> str:
    """Return postback data switching the user to lang."""
    return _dump({"s": lang})


def feedback_data(log_id: str, helpful: bool, lang: str, user_id: str, secret: str) -> str:
    """Return signed postback data for 👍 (helpful) or 👎 on a logged answer sent to user_id."""
    vote = "1" if helpful else "0"
    return _dump({"f": log_id, "h": vote, "l": lang, "s": _signature(secret, user_id, log_id, vote)})


def parse_postback(raw: str, user_id: str, secret: str) -> EntryTap | LanguageTap | FeedbackTap | None:
    """Decode postback data; None for anything malformed, unknown or not signed for this user."""
    if not raw or len(raw) > POSTBACK_CHARS:
        return None
    try:
        data = json.loads(raw)
    except ValueError:
        return None
    if not isinstance(data, dict) or not all(isinstance(v, str) for v in data.values()):
        return None
    lang = data.get("l") if LANG.fullmatch(data.get("l", "")) else None
    if "e" in data and ENTRY_ID.fullmatch(data["e"]):
        return EntryTap(data["e"], lang, data.get("q", ""))
    if data.get("s") in LANGS:
        return LanguageTap(data["s"])
    if "f" in data and LOG_ID.fullmatch(data["f"]) and data.get("h") in ("1", "0") and user_id:
        expected = _signature(secret, user_id, data["f"], data["h"])
        if hmac.compare_digest(expected, data.get("s", "")):
            return FeedbackTap(data["f"], data["h"] == "1", lang)
    return None


def _signature(secret: str, user_id: str, log_id: str, vote: str) -> str:
    message = f"minato-bot feedback\n{user_id}\n{log_id}\n{vote}".encode()
    digest = hmac.new(secret.encode(), message, hashlib.sha256).digest()
    return base64.urlsafe_b64encode(digest).decode()[:SIGNATURE_CHARS]


def _dump(data: dict[str, str]) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))
