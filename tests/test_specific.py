"""Among close entries of one topic, the one a question singles out answers (bot.specific, bot.decision)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.decision import Decider
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.matchtypes import Candidate, MatchSettings
from bot.specific import Specifics
from bot.service import Answerer, Question


@pytest.fixture(scope="module")
def matcher(plain_answerer: Answerer) -> Matcher:
    return plain_answerer.matcher


@pytest.fixture(scope="module")
def decider(kb: KnowledgeBase, matcher: Matcher) -> Decider:
    return Decider(kb, matcher.vocabulary, matcher._index, MatchSettings())  # noqa: SLF001 (the matcher's own index)


def test_an_entry_of_the_topic_holding_the_asked_fact_answers_below_the_acceptance_score(
        decider: Decider, matcher: Matcher) -> None:
    # The general entry shows the question is in scope; the timeline, of the same topic, holds the asked date.
    question = "プレクラスから正式な学級に移るのはいつ？"
    general = Candidate("preclass-what", 69.0, 0.65, 1.0, 3.0)
    result = decider.decide(question, matcher.read_terms(question), [general, Candidate("preclass-timeline", 39.0, 0.35, 0.7, 1.0)])
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "preclass-timeline"
    assert "date or period" in result.reason


def test_no_routing_below_the_acceptance_score_to_another_topic_or_without_an_in_scope_best(
        decider: Decider, matcher: Matcher) -> None:
    question = "プレクラスから正式な学級に移るのはいつ？"
    terms = matcher.read_terms(question)
    other_topic = decider.decide(question, terms, [Candidate("preclass-what", 69.0, 0.65, 1.0, 3.0),
                                                   Candidate("overview-population", 39.0, 0.35, 0.7, 1.0)])
    assert other_topic.best is not None and other_topic.best.entry_id == "preclass-what"
    weak = decider.decide(question, terms, [Candidate("preclass-what", 45.0, 0.4, 1.0, 3.0),
                                            Candidate("preclass-timeline", 39.0, 0.35, 0.7, 1.0)])
    assert weak.kind == "fallback"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("人口の267,250人って、何人くらいの規模？", "overview-population"),  # names 人口, not the summary's title
    ("大使館はいくつの国？", "facts-embassies"),  # names the embassies' title; 国 is what is counted
])
def test_the_entry_whose_title_the_question_names_answers_among_holders_of_the_fact(
        matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == entry_id
    assert "names its title" in result.reason


def test_a_question_naming_two_entries_of_a_topic_by_their_titles_is_answered_with_both(
        plain_answerer: Answerer) -> None:
    reply = plain_answerer.answer(Question("港区の人口と職員数を両方教えて"))
    assert reply.kind == "answer" and "267,250" in reply.text and "2,296" in reply.text


def test_a_title_is_named_by_the_words_written_not_by_a_reading_found_inside_another_word(
        kb: KnowledgeBase, matcher: Matcher) -> None:
    specifics = Specifics(kb, matcher.vocabulary, matcher._index)  # noqa: SLF001
    candidates = [Candidate("overview-population", 50.0, 0.5, 1.0, 1.0), Candidate("overview-staff", 45.0, 0.4, 1.0, 1.0)]
    written = matcher.read_terms("人口と職員数")
    assert specifics.named_pair(candidates, written) == tuple(candidates)
    # A reading found inside another word (リョウ in 魅了 is 寮, staff housing) names nothing.
    scanned = [replace(term, via="scan") for term in written]
    assert specifics.named_pair(candidates, scanned) is None


def test_several_words_only_one_entry_uses_single_it_out_below_the_acceptance_score(matcher: Matcher) -> None:
    # 屋上, 緊急, 物資: only the drone project's answer uses them (at half the weight of an entry's own questions).
    result = matcher.match("地震のあと、ビルの屋上へ緊急物資を送る話があった？")
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "newtech-projects"
    assert "only its answer uses" in result.reason and "屋上" in result.reason


def test_a_quoted_phrase_of_an_answer_names_the_entry_holding_it(matcher: Matcher) -> None:
    # 「一番」 quotes the answers' 1番; the other words (最後, スライド, 詳しく) would leave it below the acceptance score.
    result = matcher.match("最後のスライドの「区民に一番近い」って、何のことだったか詳しく教えて")
    assert result.kind == "answer" and result.best is not None
    assert result.best.entry_id in {"why-sogo-shisho", "why-minato"} and "quoted" in result.reason
    assert matcher.match("「東京タワー」の入場料はいくら？").kind == "fallback"  # a detail no answer holds is still refused


def test_one_entry_explaining_the_whole_comparison_answers_alone(decider: Decider, matcher: Matcher) -> None:
    # "パネルの二人、どっちが先？": the panel entry names both people; a second entry would only add noise.
    question = "パネルの二人、入区が先なのはどっち？"
    alone = [Candidate("panel", 100.0, 1.0, 1.0, 3.0), Candidate("slides-handout", 52.0, 0.52, 0.41, 1.0)]
    assert decider.decide(question, matcher.read_terms(question), alone).reason != "comparison"
    assert matcher.match(question).best.entry_id == "panel"  # type: ignore[union-attr]  # 二人 and 先 name no topic


def test_routing_below_the_acceptance_score_needs_the_fact_stated_in_the_answer(decider: Decider, matcher: Matcher) -> None:
    # New-staff training's keywords hold "1年目", a figure, but its answer states no date or period.
    question = "研修の期間は？"
    ranked = [Candidate("training-overview", 64.0, 0.59, 1.0, 3.0),
              Candidate("training-new-staff-design", 32.0, 0.3, 0.48, 1.0)]
    result = decider.decide(question, matcher.read_terms(question), ranked)
    assert result.best is not None and result.best.entry_id == "training-overview"


@pytest.mark.parametrize(("question", "entry_id"), [
    ("港区の人は何人ですか", "overview-population"),  # 昼間 of 昼間人口 is not asked: the population answers
    ("昼間の人口は何人？", "facts-daytime-population"),
])
def test_the_general_entry_answers_when_the_qualifier_is_not_asked(plain_answerer: Answerer, question: str,
                                                                  entry_id: str) -> None:
    reply = plain_answerer.answer(Question(question))
    assert (reply.kind, reply.entry_id) == ("answer", entry_id)


def test_the_title_asked_about_gives_way_to_the_entry_holding_the_asked_count(plain_answerer: Answerer) -> None:
    # 提案 is the challenge scheme's title word, but only the projects' answer holds how many were adopted.
    reply = plain_answerer.answer(Question("あたらしい ぎじゅつ の ていあんは なんけん えらばれた の？"))
    assert (reply.kind, reply.entry_id) == ("answer", "newtech-projects")


def test_the_word_naming_a_quoted_phrase_is_no_unknown_thing_asked_of(matcher: Matcher) -> None:
    # 「…」という言い回しは: 言い回し names the phrase quoted, no thing whose detail (何番目) the knowledge lacks.
    result = matcher.match("「区民に1番近いまち」という言い回しは、3つのうち何番目でしたか")
    assert result.kind == "answer" and result.best is not None
    assert result.best.entry_id in {"why-sogo-shisho", "why-minato"} and "quoted" in result.reason


def test_a_close_call_goes_to_the_entry_whose_title_the_question_writes_out(decider: Decider, matcher: Matcher) -> None:
    # Both explain 職場 and 環境; only one is titled 働きやすい職場づくり, written out whole in the question.
    question = "働きやすい職場づくりについて説明会で何が紹介されましたか"
    close = [Candidate("training-workplace", 75.2, 0.81, 0.58, 3.0), Candidate("workplace-environment", 75.0, 0.71, 1.0, 3.0)]
    result = decider.decide(question, matcher.read_terms(question), close)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "workplace-environment"


def test_a_close_call_goes_to_the_one_entry_a_word_of_the_question_titles(decider: Decider, matcher: Matcher) -> None:
    # Both count countries; 大使館 titles the embassies alone (not when it qualifies another word: 大使館の…).
    question = "大使館 が ある 国 について 教えて"
    tied = [Candidate("facts-nationalities", 66.0, 1.0, 0.6, 2.0), Candidate("facts-embassies", 66.0, 1.0, 0.6, 2.0)]
    result = decider.decide(question, matcher.read_terms(question), tied)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == "facts-embassies"
