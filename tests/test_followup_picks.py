"""Follow-ups that pick out of the last answer: an ordinal within the list it gave, and "more" of it, in wordings of
our own (issue #10)."""

from __future__ import annotations

import pytest

from bot.service import Answerer, Question
from followup_turns import last_reply


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("港区の地区を全部教えて", "4番目の地区の話をもっと", "district-takanawa"),  # the answer's order: 芝・麻布・赤坂・高輪
    ("港区の地区を全部教えて", "最後のとこは？", "district-shibaura-konan"),
    ("List the districts of Minato", "what about the second one?", "district-azabu"),
    ("人材育成メニューを教えて", "1つ目について", "training-ojt"),
    # An item without an entry of its own: the answer listing it holds it.
    ("採択されたプロジェクトは？", "the third one on the list?", "newtech-projects"),
])
def test_an_ordinal_within_the_list_just_given_picks_that_item(plain_answerer: Answerer, first: str, then: str,
                                                               expected: str) -> None:
    # Before: the list again (or where to learn more, or a fallback), whatever item was asked.
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("芝地区について", "もうちょい詳しく", "district-shiba"),
    ("自己啓発助成って何？", "もうちょっと詳しく教えて", "training-self-development"),
    ("パネリストについて", "もっと詳しく", "panel"),
    ("OJTについて", "could you elaborate?", "training-ojt"),
])
def test_more_of_the_last_answer_is_that_answer(plain_answerer: Answerer, first: str, then: str, expected: str) -> None:
    # Before: the entry on where to learn more (its title says 詳しく too), or "I don't know".
    assert last_reply(plain_answerer, first, then).entry_id == expected


@pytest.mark.parametrize(("then", "lang"), [
    ("わかんないです。やさしい にほんご で おねがい", "easy"),  # a complaint first, the request spaced
    ("英語でもう一度言ってくれる？", "en"),
])
def test_a_language_request_after_a_complaint_or_asking_again_repeats_the_answer(plain_answerer: Answerer, then: str,
                                                                                 lang: str) -> None:
    # Before: read as a question of its own, "I don't know".
    reply = last_reply(plain_answerer, "職員の食堂はどんな感じ？", then)
    assert (reply.entry_id, reply.lang) == ("cafeteria", lang)


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("芝のこと教えて", "人気の場所ある？", "district-shiba"),  # words that only ask about something
    ("社食ってある？", "ランチの値段は安め？", "cafeteria"),  # judged, and its answer speaks of the price (お手頃価格)
    ("外国人住民は何人？", "それって人口の何割？", "facts-foreign-residents"),  # a share: its 8.44%
])
def test_what_the_last_answer_speaks_of_is_asked_of_it(plain_answerer: Answerer, first: str, then: str,
                                                       expected: str) -> None:
    # Before: "I don't know" (a low score, a price with no figure, an unknown 割).
    assert last_reply(plain_answerer, first, then).entry_id == expected



@pytest.mark.parametrize(("first", "then"), [
    ("社宅ってあるの？", "それなら社宅に住んでない人はどこに住んでる？"),
    ("職員寮について", "寮を使ってない職員はどこから通ってるの？"),
    ("社宅について", "社宅じゃない人たちはどこに住んでるの？"),
])
def test_those_the_last_answer_is_not_about_are_asked_of_its_sibling(plain_answerer: Answerer, first: str,
                                                                      then: str) -> None:
    # Before: staff housing again; the people not in it live where staff live.
    assert last_reply(plain_answerer, first, then).entry_id == "commute-residence"


def test_a_spoken_form_of_a_phrase_synonym_reads_like_it(plain_answerer: Answerer) -> None:
    # 住んでる場所 is said for 住んでいる場所 (居住地): not the staff housing's 場所 and 住む.
    assert plain_answerer.answer(Question("先輩たちが住んでる場所ってどのへんが多い？")).entry_id == "commute-residence"


@pytest.mark.parametrize(("first", "then"), [
    ("パネリストについて", "何歳ぐらいの方ですか？"),  # a bare count of whoever the topic names: not the age limits
    ("人材育成について", "研修って何日間？"),  # "1年目" in the new-staff training's keywords is which year, no length
    ("新任研修って？", "何時間くらいやるの？"),  # a length asked: a date or period
])
def test_a_detail_the_briefing_does_not_give_stays_refused_in_context(plain_answerer: Answerer, first: str,
                                                                     then: str) -> None:
    assert last_reply(plain_answerer, first, then).kind == "fallback"


@pytest.mark.parametrize(("question", "expected"), [
    ("研修制度についてもっと知りたいときは何を見ればいいですか", "learn-more"),  # a condition: where to find more
    ("港区の職場についてさらに知るにはどうしたらいい？", "learn-more"),  # a purpose: how to find out more
    ("OJTについてもっと知りたいんだけど", "training-ojt"),  # neither: more of the topic itself
])
def test_wanting_to_know_more_as_a_condition_asks_where_to_find_it(plain_answerer: Answerer, question: str,
                                                                   expected: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == expected


def test_a_clear_question_of_its_own_is_not_bound_to_the_topic_by_one_shared_word(plain_answerer: Answerer) -> None:
    # Before: メリット, in the pre-class merits' title and not in the city's, bound it to the pre-class merits.
    assert last_reply(plain_answerer, "プレクラスのメリットを教えて", "港区で働くメリットは何？").entry_id == "why-minato"
