"""A kind of person asking whether they may apply is asking the eligibility (bot.eligibility)."""

from __future__ import annotations

import pytest

from bot.eligibility import eligibility
from bot.service import Answerer, Question


def test_a_person_who_may_take_the_exam_asks_the_eligibility() -> None:
    assert eligibility("モンゴル人でも受験できますか") == "モンゴル人でも受験できますか、受験資格は"
    assert eligibility("せんもんがっこうせい でも しょくいん に なれますか").endswith("、受験資格は")
    assert eligibility("インド人も区役所の仕事を受けられますか").endswith("、受験資格は")  # the job taken
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


def test_how_to_join_is_asked_as_the_way_to_apply() -> None:
    from bot.eligibility import applying
    assert applying("しょくいん に なる には どう したら いい") == "しょくいん に なる には どう したら いい、応募方法は"
    assert applying("How can I join the ward office?") == "How can I join the ward office application?"
    for text in ("職員になるための試験はいつ？", "職員住宅に入るにはどうすればいい？", "職員になるには試験は何がある？"):
        assert applying(text) == text  # the exam named, or no job joined


def test_working_for_the_city_asked_how_is_the_guides_way_to_apply(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("区役所で働くにはどうしたらいい？", channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-application")


def test_how_the_exam_is_taken_is_the_exams_form(plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("二次試験はオンラインで受けられますか", channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-exam")


def test_a_school_left_or_an_age_group_is_a_kind_of_person() -> None:
    for text in ("短大でも受験できる？", "専門学校の中退でも受けられますか", "よんじゅうだい でも うけられますか"):
        assert "、受験資格は" in eligibility(text), text


@pytest.mark.parametrize("question", [
    "Can a person with refugee status apply to become a staff member?",
    "いま無職で三十代後半なんですけど、そういう人でも受験できますか",
])
def test_who_asks_is_the_circumstance_of_the_eligibility(plain_answerer: Answerer, question: str) -> None:
    # Words telling who asks lower the score below the guide's own line; the eligibility is still what is asked.
    reply = plain_answerer.answer(Question(question, channel="test"))
    assert (reply.kind, reply.entry_id) == ("answer", "guide-application")


def test_a_city_named_as_the_exams_venue_asks_the_exam(plain_answerer: Answerer) -> None:
    for question in ("福岡会場で二次試験を受けることはできますか", "仙台で採用試験を受験できますか"):
        reply = plain_answerer.answer(Question(question, channel="test"))
        assert (reply.kind, reply.entry_id) == ("answer", "guide-exam"), question
