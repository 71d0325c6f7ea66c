"""Follow-ups on a listing answer and language requests, in wordings of our own (issue #10): an ordinal asks for an
item of the list (its own entry when it has one), none past the list's end; language requests in other wordings."""

from __future__ import annotations

import pytest

from bot.langrequest import language_request
from bot.service import Answerer
from followup_turns import last_reply


@pytest.mark.parametrize(("first", "then"), [
    ("職員住宅ってどこにある？", "6つめは？"), ("採択されたプロジェクトを教えて", "6番目は？"),
    ("人材育成にはどんなメニューがある？", "五つ目は？"),
])
def test_an_ordinal_past_the_end_of_the_list_is_not_answered(plain_answerer: Answerer, first: str, then: str) -> None:
    # Before: the listing answer came again, as if it had that item.
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("港区の地区を全部教えて", "4番目は？", "district-takanawa"),
    ("人材育成にはどんなメニューがある？", "4つ目について", "training-self-development"),
    ("What are the districts of Minato?", "the fourth one?", "district-takanawa"),
])
def test_an_ordinal_asks_for_the_entry_of_that_item(plain_answerer: Answerer, first: str, then: str,
                                                    expected: str) -> None:
    # Before: the listing answer came again.
    assert last_reply(plain_answerer, first, then).entry_id == expected


def test_an_item_without_an_entry_of_its_own_is_in_the_listing_answer(plain_answerer: Answerer) -> None:
    assert last_reply(plain_answerer, "職員住宅ってどこにある？", "2つめは？").entry_id == "housing-staff"


@pytest.mark.parametrize(("text", "lang"), [
    ("やさしい日本語でもう一回", "easy"), ("英語だとどうなる？", "en"), ("English, please.", "en"),
    ("switch to English", "en"), ("英語で読みたい", "en"), ("ひらがなで", "easy"),
])
def test_more_wordings_of_a_language_request(text: str, lang: str) -> None:
    assert language_request(text) == lang


@pytest.mark.parametrize("text", ["Do you need English?", "英語で受験できる？", "英語表記の資料はある？"])
def test_a_question_about_a_language_is_still_no_request(text: str) -> None:
    assert language_request(text) is None


def test_pointing_back_with_only_a_place_is_read_against_the_topic(plain_answerer: Answerer) -> None:
    # Before: ZeroDivisionError (the place filters, the topic's words count less: nothing left was asked).
    assert last_reply(plain_answerer, "職員はどこに住んでる？", "それって練馬区も？").entry_id == "commute-residence"


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("職員はどのあたりに住んでる？", "ほかは？", "commute-residence"),  # before: the commuting time
    ("ロボットを使ったプロジェクトについて教えて", "what else?", "newtech-projects"),  # before: the system
    ("通勤時間はどのくらい？", "他には？", "commute-residence"),  # an answer listing nothing: its first related entry
])
def test_other_after_a_listing_answer_asks_for_more_of_the_list(plain_answerer: Answerer, first: str, then: str,
                                                                expected: str) -> None:
    assert last_reply(plain_answerer, first, then).entry_id == expected
