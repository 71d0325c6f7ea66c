"""Kinds of follow-up read by mechanism, in wordings of our own (never the bench's): another item of the list just
given, a count kept in a sibling entry, a detail the briefing does not give, a brief message pointing back, place."""

from __future__ import annotations

import pytest

from bot.service import Answerer, Question
from followup_turns import last_reply


@pytest.mark.parametrize(("first", "then"), [
    ("登壇者を教えて", "あと一人は？"), ("説明会で話した先輩職員は？", "二人目は？"), ("パネリストは誰ですか", "残りの人は？"),
    ("Who were the speakers?", "and the other one?"), ("Who were the speakers?", "who else?"),
    ("パネリストは誰ですか", "もう一方は？"), ("Who were the panelists?", "what about the second one?"),
])
def test_another_item_of_the_list_just_given_is_in_that_answer(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: "あと一人" named a topic of its own, and "who else?" got the panel's first related entry.
    assert last_reply(plain_answerer, first, then).entry_id == "panel"


@pytest.mark.parametrize(("first", "then"), [
    ("外国人住民について", "何か国から来てる？"), ("How many foreigners live in Minato?", "in how many countries?"),
])
def test_a_count_the_topic_lacks_comes_from_its_nearest_sibling_holding_it(plain_answerer: Answerer, first: str,
                                                                          then: str) -> None:
    # The embassies (81か国) scored higher on the topic's words; the residents' nationalities (135か国) are meant.
    reply = last_reply(plain_answerer, first, then)
    assert reply.entry_id == "facts-nationalities" and "135" in reply.text


@pytest.mark.parametrize(("first", "then"), [
    ("パネリストは誰ですか", "土井さんは何歳？"), ("パネリストは誰ですか", "その方の年齢は？"),
    ("Who were the panelists?", "how old are they?"),
])
def test_a_persons_detail_the_briefing_lacks_gets_the_honest_fallback(plain_answerer: Answerer, first: str,
                                                                      then: str) -> None:
    # Before: the application entry's age limits (年齢 reads as 受験資格), a guess about someone else.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("first", "then"), [
    ("食堂について", "それって誰でも使えるの？"), ("研修について", "それって中途採用も？"),
])
def test_a_brief_message_pointing_back_is_about_the_topic_or_not_answered(plain_answerer: Answerer, first: str,
                                                                         then: str) -> None:
    assert last_reply(plain_answerer, first, then).kind == "fallback"


def test_other_items_of_the_kind_the_topic_lists_are_in_the_topic(plain_answerer: Answerer) -> None:
    # "他のメリット" after the merits asks for more merits, which that answer lists; not the pre-class system itself.
    assert last_reply(plain_answerer, "プレクラスのメリットは？", "他のメリットは？").entry_id == "preclass-merits"
    # Another district, though, is not the one just answered (before: Shiba's answer again), but the list of all.
    assert last_reply(plain_answerer, "芝地区について", "他の地区は？").entry_id != "district-shiba"


@pytest.mark.parametrize(("first", "then", "expected"), [
    # "他の<kind>": the topic is one of that kind, so the entry listing all of them (before: "I don't know").
    ("高輪地区の雰囲気は？", "他の地区も知りたい", "overview-districts"),
    # "<item>のほか", "<item>はほかに": the topic's answer lists the others (before: the topic was excluded).
    ("職員はどこに住んでるの？", "横浜のほかには？", "commute-residence"),
    ("赤坂地区の見どころは？", "並木以外で有名なのは？", "district-akasaka"),
    # "ほかには何がある？" after an answer listing several: more of its list (before: a related entry).
    ("高輪地区の雰囲気は？", "ほかにどんなのがある？", "district-takanawa"),
])
def test_other_than_an_item_of_the_topic_or_other_of_its_kind(plain_answerer: Answerer, first: str, then: str,
                                                              expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


def test_a_verb_only_the_topic_speaks_of_ties_a_short_message_to_it(plain_answerer: Answerer) -> None:
    # 住める is the housing's: "can new graduates live there too?" is not the application entry's to answer.
    assert last_reply(plain_answerer, "職員住宅について教えて", "新卒も住める？").kind == "fallback"


def test_a_message_pointing_back_is_still_answered_by_the_topic_when_it_holds_it(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "プレクラスって？", "それは港区が最初に始めたの？").entry_id == "preclass-what"


def test_a_follow_up_the_topic_could_not_answer_keeps_the_topic(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "職員住宅について教えて", "それって家族も？", "どのへん？").entry_id == "housing-staff"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("職員住宅について教えて", "どのへん？", "housing-staff"),
    ("Is there a cafeteria?", "where is it located?", "cafeteria"),
    ("Is there staff housing?", "where are they located?", "housing-staff"),
    ("プレクラスって？", "もう少し詳しく", "preclass-what"),  # as "もっと詳しく": もう and 少し name no topic
])
def test_place_and_more_detail_follow_ups_stay_with_the_topic(plain_answerer: Answerer, first: str, then: str,
                                                              expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("パネリストは誰ですか", "港区の人口は？", "overview-population"),
    ("パネリストは誰ですか", "住宅はある？", "housing-staff"),
    ("プレクラスって？", "食堂はある？", "cafeteria"),
    ("How many embassies are there?", "and nationalities?", "facts-nationalities"),
])
def test_a_clear_question_of_its_own_still_wins(plain_answerer: Answerer, first: str, then: str, expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


def test_explain_says_when_the_topic_decided_a_fallback(plain_answerer: Answerer) -> None:
    user = "kinds-explain"
    plain_answerer.answer(Question("パネリストは誰ですか", channel="web", user_id=user))
    # (not "土井さんは何歳？": a named person's age is refused on its own now, the topic need not decide it)
    turn = plain_answerer.explain(Question("土井さんの通勤時間は？", channel="web", user_id=user))
    assert turn.reply.kind == "fallback" and turn.understanding is not None
    assert "read after the last topic panel" in turn.understanding.context_note


@pytest.mark.parametrize(("first", "then"), [
    ("登壇した職員は？", "何歳？"), ("登壇した職員は？", "なんさいなの"), ("登壇した職員は？", "おいくつですか"),
    ("ホテルの部屋数は？", "1フロア何室？"), ("採択されたプロジェクトは？", "1件あたりなんにん？"),
])
def test_a_count_the_topic_has_no_figure_for_gets_the_honest_fallback(plain_answerer: Answerer, first: str,
                                                                      then: str) -> None:
    # Before: 何歳 (HR's synonym of the age limits) answered the application entry; a per-item count the topic itself.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


def test_a_count_typed_in_kana_is_read_like_its_kanji(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "新技術の提案制度とは？", "なんけん採択？").entry_id == "newtech-projects"
    assert last_reply(plain_answerer, "Who were the panelists?", "なんにん？").entry_id == "panel"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("昼間人口はどれくらい？", "それって多いほうなの？", "facts-daytime-population"),
    ("職員住宅について教えて", "人気なんですか？", "housing-staff"),
    ("How many nationalities live in Minato?", "is that a lot?", "facts-nationalities"),
])
def test_a_yes_no_judgement_of_the_topics_fact_is_answered_by_the_topic(plain_answerer: Answerer, first: str,
                                                                        then: str, expected: str) -> None:
    # Before: ほう and 人気 read as topics of their own, which the topic's entry does not speak of: "I don't know".
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("first", "then", "expected"), [
    # 入区 is written in the panel's answer only (before: the training menu, whose questions share its parts)
    ("説明会で話した先輩職員は？", "いつ入区したの？", "panel"),
    # ラジオ is a word no entry uses, an example of the media coverage the cafeteria's answer speaks of
    ("区役所の食堂はどんな感じ？", "ラジオなんかの取材も受けてるの？", "cafeteria"),
])
def test_a_word_only_the_topics_entry_uses_ties_the_message_to_it(plain_answerer: Answerer, first: str, then: str,
                                                                 expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("message", "bare"), [("それで？場所は？", "場所は？"), ("ふーん。で、期間は？", "期間は？"),
                                             ("で？人数は？", "人数は？")])
def test_a_filler_clause_before_a_bare_aspect_reads_as_the_aspect_alone(plain_answerer: Answerer, message: str,
                                                                         bare: str) -> None:
    # Before: every clause asked and none named a topic, so the aspect's weight was lowered too and nothing was left
    # to explain: ZeroDivisionError in the index.
    reply, alone = last_reply(plain_answerer, message), last_reply(plain_answerer, bare)
    assert (reply.kind, reply.entry_id) == (alone.kind, alone.entry_id)


def test_a_filler_clause_before_a_bare_aspect_follows_the_topic(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "プレクラスって何？", "で？期間は？").entry_id == "preclass-timeline"
