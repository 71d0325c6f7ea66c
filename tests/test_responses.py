"""Composing replies: answers with images and related entries, clarify, fallback, the JSON shape."""

from __future__ import annotations

from bot.knowledge import KnowledgeBase
from bot.matching import Candidate, MatchResult
from bot.responses import ReplyImage, compose, welcome


def candidate(entry_id: str, score: float = 80.0) -> Candidate:
    return Candidate(entry_id, score, 1.0, 1.0, 3.0)


def test_answer_uses_the_entry_in_the_language(kb: KnowledgeBase) -> None:
    reply = compose(kb, MatchResult("answer", (candidate("cafeteria"),)), "en")
    assert reply.matched and reply.entry_id == "cafeteria"
    assert reply.text == kb.by_id["cafeteria"].answer["en"]
    assert all(s.entry_id in kb.by_id for s in reply.suggestions)


def test_clarify_offers_the_close_entries(kb: KnowledgeBase) -> None:
    result = MatchResult("clarify", (candidate("commute-time", 80), candidate("commute-residence", 79.5)))
    reply = compose(kb, result, "ja")
    assert not reply.matched and reply.entry_id is None
    assert [s.entry_id for s in reply.suggestions] == ["commute-time", "commute-residence"]
    assert reply.text == kb.scope.message("clarify", "ja")


def test_fallback_points_to_the_recruitment_guide(kb: KnowledgeBase) -> None:
    reply = compose(kb, MatchResult("fallback", reason="low score"), "ja")
    assert reply.kind == "fallback" and "採用案内" in reply.text


def test_another_municipality_gets_no_near_miss_suggestions(kb: KnowledgeBase) -> None:
    result = MatchResult("fallback", (candidate("overview-population", 90),), reason="another municipality")
    assert compose(kb, result, "ja").suggestions == ()


def test_to_dict_has_the_documented_keys_and_image_urls(kb: KnowledgeBase) -> None:
    reply = compose(kb, MatchResult("answer", (candidate("overview-districts"),)), "ja")
    data = reply.to_dict("地区は？", image_url=lambda image: f"/static/{image.name}")
    assert {"question", "matched", "entry_id", "score", "answer", "lang", "images", "suggestions"} <= set(data)
    assert data["images"] and data["images"][0]["url"].startswith("/static/images/")
    assert all(isinstance(s, str) for s in data["suggestions"])


def test_https_images_keep_their_url() -> None:
    image = ReplyImage(name="https://www.city.minato.tokyo.jp/x.png", caption="x", url="https://www.city.minato.tokyo.jp/x.png")
    assert image.url and image.path is None


def test_welcome_offers_example_questions(kb: KnowledgeBase) -> None:
    reply = welcome(kb, "en")
    assert reply.text and len(reply.suggestions) == len(kb.scope.example_questions["en"])
