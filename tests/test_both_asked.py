"""Two facts asked at once ("AとB、それぞれ教えて") are answered by the two entries holding them."""

from __future__ import annotations

import pytest

from bot.bothasked import both_asked
from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question


@pytest.mark.parametrize(("text", "entries"), [
    ("外国人住民の数と国籍の数、両方知りたい", {"facts-foreign-residents", "facts-nationalities"}),
    ("昼間人口と人口をそれぞれ教えて", {"facts-daytime-population", "overview-population"}),
])
def test_each_fact_is_answered_by_its_own_entry(plain_answerer: Answerer, kb: KnowledgeBase, text: str,
                                                 entries: set[str]) -> None:
    # Each side explained half of the question: neither entry reached the accept line, and nothing was answered.
    reply = plain_answerer.answer(Question(text, channel="test"))
    assert reply.matched and reply.entry_id in entries
    for entry_id in entries:
        assert kb.by_id[entry_id].answer["ja"] in reply.text


@pytest.mark.parametrize("text", ["職員の総数と、そのうち女性が何人かを両方教えて",  # a part of the first
                                  "研修って職場の中と外とどっちもある？",  # a side ending in と
                                  "福祉とか教育にそれぞれいくら使ってる？"])  # とか: or such
def test_no_two_questions_are_read_where_none_are_joined(text: str) -> None:
    assert both_asked(text) is None


def test_what_follows_is_asked_of_each_side() -> None:
    assert both_asked("高輪と麻布、それぞれのスローガンは？") == ("高輪のスローガンは？", "麻布のスローガンは？")
