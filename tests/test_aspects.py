"""The one list of words that ask about a topic (bot.aspects) and the one count rule (bot.details)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.aspects import aspect_words
from bot.details import DetailCheck
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.scope import DetailQuestion
from bot.service import Answerer, Question


@pytest.fixture(scope="module")
def with_dress_code(kb: KnowledgeBase) -> Matcher:
    """Return a matcher over the bundled knowledge with one more detail kind, as HR would add it to scope.yaml."""
    extra = DetailQuestion("dress", ("服装規定",), ("服装",))
    scope = dataclasses.replace(kb.scope, detail_questions=(*kb.scope.detail_questions, extra))
    return Matcher(dataclasses.replace(kb, scope=scope, by_id={}))


def test_a_detail_cue_hr_adds_asks_about_a_topic_for_every_reader(with_dress_code: Matcher) -> None:
    assert "服装規定" in aspect_words(with_dress_code.kb.scope)
    assert "服装規定" in with_dress_code.vocabulary.aspects  # the vocabulary's and the follow-ups' list


def test_a_question_naming_only_an_aspect_takes_its_topic_from_the_sentence_before(with_dress_code: Matcher) -> None:
    # 理由 asks, it names nothing: the sentence before says what it is asked about.
    reading, _, _ = with_dress_code.understand("港区の職員住宅に興味があります。その理由は？")
    assert "names no topic" in reading.note


def test_a_count_in_a_unit_is_a_count_even_without_a_count_cue(kb: KnowledgeBase) -> None:
    details = DetailCheck(kb)
    asked = details.asked("1学年は何クラス？")
    assert [(item.kind.name, item.unit) for item in asked] == [("count", "クラス")]
    assert not details.holds("preclass-what", asked)
    assert details.holds("facts-embassies", details.asked("大使館は何か国？"))
    assert not details.holds("facts-foreign-residents", details.asked("外国人は何か国？"))
    assert details.holds("panel", details.asked("パネリストは何人？"))  # people: any figure, or their names


def test_a_count_no_close_entry_holds_in_its_unit_is_not_answered(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("プレクラスは1学年何クラス？")).kind == "fallback"
    assert plain_answerer.answer(Question("外国人の国籍は何か国？")).entry_id == "facts-nationalities"


def test_an_amount_the_briefing_lacks_is_not_answered_by_an_entry_pointing_to_the_guide(plain_answerer: Answerer) -> None:
    # The self-development grant's entry points to the guide for its details: it does not hold the amount asked.
    assert plain_answerer.answer(Question("自己啓発助成の支給額はいくら？")).kind == "fallback"
    assert plain_answerer.answer(Question("初任給はいくらですか？")).entry_id == "guide-salary"  # the guide's own entry


def test_who_is_answered_only_by_an_entry_naming_a_person_or_a_role(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("区役所の食堂をデザインしたのは誰？")).kind == "fallback"
    assert plain_answerer.answer(Question("新人を指導するのは誰？")).entry_id == "training-ojt"  # the OJT担当
    assert plain_answerer.answer(Question("パネリストの名前は？")).entry_id == "panel"


def test_a_cue_of_several_words_leaves_its_noun_a_topic(kb: KnowledgeBase) -> None:
    # 家族でも (a household kind's cue) is a phrase: 家族 still names a topic, only a one-word cue (何個) only asks.
    vocabulary = Matcher(kb).vocabulary
    assert "家族でも" in vocabulary.aspects and "家族" not in vocabulary.aspects
    assert "何個" in vocabulary.aspects


@pytest.mark.parametrize("question", ["50歳でも応募できる職種はありますか", "短大卒でも受験できますか"])
def test_whether_one_may_apply_is_the_applications_not_the_exams(kb: KnowledgeBase, question: str) -> None:
    assert Answerer(kb).answer(Question(question)).entry_id == "guide-application"
