"""A kind of person asking whether they may apply is asking the eligibility (bot.eligibility)."""

from __future__ import annotations

import pytest

from bot.eligibility import eligibility
from bot.service import Answerer, Question


def test_a_person_who_may_take_the_exam_asks_the_eligibility() -> None:
    assert eligibility("モンゴル人でも受験できますか") == "モンゴル人でも受験できますか、受験資格は"
    assert eligibility("せんもんがっこうせい でも しょくいん に なれますか").endswith("、受験資格は")
    assert eligibility("Can an Italian citizen sit the entrance exam? Thanks.") == (
        "Can an Italian citizen sit the entrance exam eligibility? Thanks.")  # inside the asking sentence


def test_a_place_a_format_or_another_thing_taken_is_no_person_asking_leave() -> None:
    for text in ("オンラインでも受けられますか", "新人でも研修を受けられますか", "留学生でも受験資格はありますか",
                 "Can a student apply for staff housing?", "Can I take the exam online?"):
        assert eligibility(text) == text


@pytest.mark.parametrize("question", [
    "ペルー人でも港区の職員になれますか",
    "ぶらじるじん も しけん を うけられますか",
    "Can a Canadian national become regular staff at the ward?",
    "Could someone on a student visa apply to Minato City?",
])
def test_whether_a_kind_of_person_may_apply_is_the_guides_eligibility(plain_answerer: Answerer, question: str) -> None:
    reply = plain_answerer.answer(Question(question, channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-application")
