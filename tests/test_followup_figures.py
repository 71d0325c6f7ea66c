"""Follow-ups about the figure just given and questions of their own, in wordings of our own (issue #10): the date of
the topic's own figure, a count the topic holds, a size the briefing does not give, the message's own words choosing
among entries near the topic, and a question of its own winning over a word the topic shares."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from followup_turns import last_reply


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("港区の人口を教えて", "何年のデータ？", "overview-population"),  # before: the summary (a "データ" of its own)
    ("港区の予算を教えて", "いつ時点の数字？", None),  # before: the summary (its date is the population's)
    ("What is the daytime population?", "as of when?", None),  # before: the resident population's date
])
def test_the_date_asked_is_the_date_of_the_topics_own_figure(plain_answerer: Answerer, first: str, then: str,
                                                              expected: str | None) -> None:
    reply = last_reply(plain_answerer, first, then)
    assert reply.entry_id == expected and reply.kind == ("answer" if expected else "fallback")


def test_a_count_whose_words_no_other_answer_speaks_of_is_the_topics(plain_answerer: Answerer) -> None:
    # Before: the five districts (いくつ fits any count; 採用 is not in their answer either).
    assert last_reply(plain_answerer, "採択されたプロジェクトを教えて", "全部でいくつ採用された？").entry_id == "newtech-projects"


@pytest.mark.parametrize("then", ["How big are its rooms?", "how big are the rooms there?"])
def test_a_size_the_briefing_does_not_give_is_not_guessed(plain_answerer: Answerer, then: str) -> None:
    # Before: the hotel rooms' count answered "how big".
    assert last_reply(plain_answerer, "Is staff housing available?", then).kind == "fallback"


@pytest.mark.parametrize("text", ["How big is the city's budget?", "How big is Minato?"])
def test_how_big_is_still_answered_by_an_amount_or_an_area(plain_answerer: Answerer, text: str) -> None:
    assert last_reply(plain_answerer, text).kind == "answer"


@pytest.mark.parametrize("first", ["通勤時間って長い？", "通勤時間はどのくらい？"])
def test_the_messages_own_word_picks_the_neighbour_speaking_of_it(plain_answerer: Answerer, first: str) -> None:
    # Before: the commuting time again (it fit about as well, and is the topic itself).
    assert last_reply(plain_answerer, first, "住んでいるところは？").entry_id == "commute-residence"


def test_a_question_of_its_own_wins_over_a_word_the_topic_shares(plain_answerer: Answerer) -> None:
    # Before: 利点 (メリット) tied it to the pre-class merits, though 働く is the other answer's own word.
    assert last_reply(plain_answerer, "プレクラスのメリットを教えて", "港区で働く利点は？").entry_id == "why-minato"


def test_a_word_the_topic_alone_holds_still_ties_the_message_to_it(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "パネリストは誰？", "土井さんは何歳？").kind == "fallback"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("プレクラスって何？", "いつ実施される？", "preclass-timeline"),  # before: the exam schedule (試験の実施)
    ("採択されたプロジェクトを教えて", "いつ実施されるんですか", None),  # the briefing gives no date for them
])
def test_a_noun_of_action_used_as_a_verb_names_no_topic(plain_answerer: Answerer, first: str, then: str,
                                                        expected: str | None) -> None:
    reply = last_reply(plain_answerer, first, then)
    assert reply.entry_id == expected and reply.kind == ("answer" if expected else "fallback")


def test_a_date_only_a_keyword_suggests_is_not_a_date_the_answer_gives(plain_answerer: Answerer) -> None:
    # Before: the keyword 1年目 held "a date", so the new-staff training answered "いつやるの？" again.
    assert last_reply(plain_answerer, "新任研修ってどんな感じ？", "いつやるの？").kind == "fallback"


@pytest.mark.parametrize(("first", "then"), [
    ("パネリストは誰？", "中島さんのポジションは？"),  # before: not understood (ポジション no entry's word)
    ("Who were the panelists?", "what are their roles?"),  # before: the branch offices' role
])
def test_a_persons_role_is_asked_of_the_person_entry(plain_answerer: Answerer, first: str, then: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == "panel"


@pytest.mark.parametrize("then", ["もうちょっと詳しく", "詳しく！"])
def test_more_detail_asks_the_topic_itself_not_the_entry_titled_for_details(plain_answerer: Answerer,
                                                                            then: str) -> None:
    # Before: the learn-more entry (さらに詳しく知るには), a related entry whose title has 詳しい; "tell me more" kept it.
    assert last_reply(plain_answerer, "自己啓発助成について知りたい", then).entry_id == "training-self-development"


@pytest.mark.parametrize("then", ["テレワークできる？", "テレワークする？"])
def test_a_topic_used_as_a_verb_is_still_a_question_of_its_own(plain_answerer: Answerer, then: str) -> None:
    # A guard for the two readings above: it asks no detail the commuting time states, and names telework.
    assert last_reply(plain_answerer, "通勤時間は？", then).entry_id != "commute-time"
