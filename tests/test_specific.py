"""Among close entries of one topic, the one a question singles out answers (bot.specific, bot.decision)."""

from __future__ import annotations

import pytest

from bot.decision import Candidate, Decider, MatchSettings
from bot.knowledge import KnowledgeBase
from bot.matching import Matcher
from bot.service import Answerer


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
    ("人口の267,250人って、何年何月の数字？", "overview-population"),  # names 人口, not the summary's title
    ("大使館はいくつの国？", "facts-embassies"),  # names the embassies' title; 国 is what is counted
])
def test_the_entry_whose_title_the_question_names_answers_among_holders_of_the_fact(
        matcher: Matcher, question: str, entry_id: str) -> None:
    result = matcher.match(question)
    assert result.kind == "answer" and result.best is not None and result.best.entry_id == entry_id
    assert "names its title" in result.reason
