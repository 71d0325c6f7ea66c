"""Follow-ups through Answerer.answer: elliptic messages read against the last topic, language requests, no context."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

import pytest
from click.testing import CliRunner

from bot.analytics import QuestionLog
from bot.cli import cli
from bot.conversation import SqliteConversations
from bot.langrequest import language_request
from bot.knowledge import KnowledgeBase
from bot.responses import Reply
from bot.service import Answerer, Question

USERS = itertools.count()


def chat(answerer: Answerer, *messages: str, channel: str = "web", user: str | None = None) -> list[Reply]:
    """Send messages as one user (a new one unless named) and return the replies."""
    user = user or f"user-{next(USERS)}"
    return [answerer.answer(Question(text, channel=channel, user_id=user)) for text in messages]


def test_when_after_the_pre_class_answer_gives_the_timeline(plain_answerer: Answerer) -> None:
    first, follow = chat(plain_answerer, "プレクラス制度とは？", "いつまで？")
    assert first.entry_id == "preclass-what"
    assert follow.kind == "answer" and follow.entry_id == "preclass-timeline" and "4月末" in follow.text


def test_how_many_after_foreign_residents_gives_their_number_not_the_staff(plain_answerer: Answerer) -> None:
    _, follow = chat(plain_answerer, "外国人の住民について教えて", "何人？")
    assert follow.entry_id == "facts-foreign-residents" and "22,631" in follow.text


@pytest.mark.parametrize(("first", "then", "expected"), [
    ("新技術チャレンジ提案制度とは？", "何件？", "newtech-projects"),
    ("新技術チャレンジ提案制度とは？", "how many?", "newtech-projects"),
    ("大使館の数は？", "国籍は？", "facts-nationalities"),
    ("プレクラスについて教えて", "期間は？", "preclass-timeline"),
    ("港区に住んでいる外国人は何人？", "全体の何パーセント？", "facts-foreign-residents"),  # 全体 names no topic
])
def test_detail_follow_ups_find_the_fact_among_the_topics_neighbours(plain_answerer: Answerer, first: str,
                                                                     then: str, expected: str) -> None:
    assert chat(plain_answerer, first, then)[1].entry_id == expected


def test_a_follow_up_asking_a_detail_the_briefing_lacks_is_not_answered(plain_answerer: Answerer) -> None:
    assert chat(plain_answerer, "職員住宅はある？", "家賃は？")[1].kind == "fallback"
    assert chat(plain_answerer, "食堂はある？", "何時から？")[1].kind == "fallback"
    assert chat(plain_answerer, "港区の面積は？", "23区で何番目？")[1].kind == "fallback"
    # The same answer again is no answer when it only points to the recruitment guide for the asked detail.
    assert chat(plain_answerer, "自己啓発助成とは？", "いくら出るの？")[1].kind == "fallback"


def test_a_follow_up_is_about_the_topic_or_not_answered(plain_answerer: Answerer) -> None:
    # The topic's answer again is no answer to a detail it does not hold ...
    assert chat(plain_answerer, "研修について教えて", "期間は？")[1].kind == "fallback"
    assert chat(plain_answerer, "職員住宅はある？", "何人住めるの？")[1].kind == "fallback"
    # ... and an entry far from the topic does not answer a message that names nothing.
    assert chat(plain_answerer, "パネリストは誰？", "どこの部署？")[1].entry_id == "panel"


def test_a_question_of_its_own_the_topic_says_nothing_about_is_not_answered_from_it(plain_answerer: Answerer) -> None:
    assert chat(plain_answerer, "職員住宅はある？", "駐車場はある？")[1].kind == "fallback"
    assert chat(plain_answerer, "食堂はある？", "売店はある？")[1].kind == "fallback"


def test_a_clear_question_after_a_topic_it_mentions_is_still_its_own(plain_answerer: Answerer) -> None:
    # The foreign residents' answer speaks of the population too; the question asks for the population itself.
    assert chat(plain_answerer, "外国人の住民について教えて", "港区の人口は？")[1].entry_id == "overview-population"


def test_a_follow_up_with_words_of_its_own_that_fail_alone_is_read_with_the_topic(plain_answerer: Answerer) -> None:
    assert chat(plain_answerer, "昼間人口は？", "都内で何番目？")[1].entry_id == "facts-daytime-population"
    assert chat(plain_answerer, "港区の概要を教えて", "面積は？")[1].entry_id == "overview-area"


def test_a_count_in_a_unit_goes_to_the_entry_counting_in_it(plain_answerer: Answerer) -> None:
    _, follow = chat(plain_answerer, "外国人の住民の数は？", "何か国の人が住んでるの？")
    assert follow.entry_id == "facts-nationalities" and "135" in follow.text


def test_a_count_in_a_unit_no_answer_holds_is_not_answered(plain_answerer: Answerer) -> None:
    # Before, "何クラス" (a count, which never refused) got the pre-class merits.
    assert plain_answerer.answer(Question("小学校は1学年何クラスあるの？")).kind == "fallback"
    assert plain_answerer.answer(Question("面接は何回ありますか？")).entry_id == "guide-exam"  # the guide holds it
    assert plain_answerer.answer(Question("提案は何件あった？")).entry_id == "newtech-projects"
    assert chat(plain_answerer, "研修について教えて", "何回あるの？")[1].kind == "fallback"


def test_a_close_call_of_a_question_of_its_own_is_settled_by_the_topic(plain_answerer: Answerer) -> None:
    assert chat(plain_answerer, "高輪地区について教えて", "スローガンは？")[1].entry_id == "district-takanawa"
    assert chat(plain_answerer, "芝浦港南地区って？", "スローガンは？")[1].entry_id == "district-shibaura-konan"


def test_what_else_answers_the_topics_first_related_entry(plain_answerer: Answerer, kb: KnowledgeBase) -> None:
    first, other = chat(plain_answerer, "研修について教えて", "他には？")
    assert other.kind == "answer" and other.entry_id == kb.by_id[first.entry_id].related[0] != first.entry_id


def test_a_clear_question_of_its_own_ignores_the_context(plain_answerer: Answerer) -> None:
    _, own = chat(plain_answerer, "外国人の住民について教えて", "職員は何人いるの？")
    assert own.entry_id == "overview-staff" and "2,296" in own.text


def test_without_context_an_elliptic_message_is_not_guessed(plain_answerer: Answerer) -> None:
    # Before follow-ups, "何人？" alone was answered with the staff count.
    alone = plain_answerer.answer(Question("何人？", channel="web", user_id="nobody-before"))
    assert alone.kind == "clarify" and alone.entry_id is None
    assert {"overview-staff", "facts-foreign-residents"} <= {s.entry_id for s in alone.suggestions}
    assert plain_answerer.answer(Question("いつまで？", channel="web", user_id="nobody-before-2")).kind == "fallback"
    assert plain_answerer.answer(Question("何人？")).kind == "clarify"  # anonymous: never any context


def test_context_belongs_to_one_user_on_one_channel(plain_answerer: Answerer) -> None:
    chat(plain_answerer, "外国人の住民について教えて", user="shared-id", channel="line")
    assert chat(plain_answerer, "何人？", user="shared-id", channel="telegram")[0].kind == "clarify"
    assert chat(plain_answerer, "何人？", user="other-id", channel="line")[0].kind == "clarify"
    assert chat(plain_answerer, "何人？", user="shared-id", channel="line")[0].entry_id == "facts-foreign-residents"


def test_a_follow_up_after_a_follow_up_keeps_the_thread(plain_answerer: Answerer) -> None:
    replies = chat(plain_answerer, "職員は何人？", "女性は？", "何人？")
    assert [r.entry_id for r in replies] == ["overview-staff"] * 3


@pytest.mark.parametrize(("request_text", "lang"), [("英語で", "en"), ("in English please", "en"), ("English?", "en"),
                                                    ("えいごでおしえて", "en"), ("can you say it in English", "en"),
                                                    ("やさしい日本語で", "easy"), ("やさしい にほんごで", "easy"),
                                                    # asked with a verb, or only "more simply"
                                                    ("英語で説明をお願いします", "en"), ("explain it in English please", "en"),
                                                    ("わかりやすく言って", "easy"), ("もうちょっと簡単に", "easy")])
def test_a_language_request_answers_the_last_entry_again_in_that_language(plain_answerer: Answerer,
                                                                         request_text: str, lang: str) -> None:
    first, again = chat(plain_answerer, "プレクラス制度とは？", request_text)
    assert again.kind == "answer" and again.entry_id == first.entry_id and again.lang == lang
    assert again.text != first.text


def test_the_chosen_language_sticks_for_follow_ups_and_taps(plain_answerer: Answerer) -> None:
    user = "sticky-user"
    _, english, follow = chat(plain_answerer, "プレクラス制度とは？", "英語で", "いつまで？", user=user)
    assert english.lang == "en" and follow.entry_id == "preclass-timeline" and follow.lang == "en"
    tap = plain_answerer.answer(Question("食堂", channel="web", user_id=user, entry_id="cafeteria"))
    assert tap.lang == "en"
    assert plain_answerer.language(user, "web") == "en"
    back = chat(plain_answerer, "What is the pre-class system?", "日本語で", user="sticky-2")[1]
    assert back.lang == "ja" and back.entry_id == "preclass-what"


def test_set_language_is_the_default_when_the_channel_names_none(plain_answerer: Answerer) -> None:
    plain_answerer.set_language("chooser", "telegram", "en")
    assert plain_answerer.language("chooser", "telegram") == "en" and plain_answerer.language("chooser", "line") is None
    tap = plain_answerer.answer(Question("", channel="telegram", user_id="chooser", entry_id="cafeteria"))
    assert tap.lang == "en"
    plain_answerer.set_language("chooser", "telegram", None)
    assert plain_answerer.language("chooser", "telegram") is None


def test_a_language_request_repeats_the_last_answer_after_a_question_it_could_not_answer(
        plain_answerer: Answerer) -> None:
    # Before: the unanswered question of its own cleared the topic, and "in English" had nothing to repeat.
    first, _, again = chat(plain_answerer, "職員の通勤時間は？", "ペットは飼える？", "英語でお願いします")
    assert again.kind == "answer" and again.entry_id == first.entry_id == "commute-time" and again.lang == "en"
    assert chat(plain_answerer, "職員の通勤時間は？", "ペットは飼える？", "どのくらい？")[2].entry_id != "commute-time"


def test_a_language_request_with_nothing_to_repeat_says_so_in_that_language(plain_answerer: Answerer) -> None:
    reply = chat(plain_answerer, "in English")[0]
    assert reply.kind == "smalltalk" and reply.lang == "en" and "English" in reply.text


@pytest.mark.parametrize("text", ["英語で研修はありますか？", "英語が話せる職員はいますか", "English training?",
                                  "日本語の授業はある？", "日本語で説明がありますか", "簡単な仕事ですか"])
def test_questions_about_a_language_are_not_language_requests(text: str) -> None:
    assert language_request(text) is None


@pytest.fixture(scope="module")
def shared_file(kb: KnowledgeBase, tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[Answerer, Answerer, list[datetime]]]:
    """Two Answerers (as two `serve` processes would) on one log file, with a clock the test moves."""
    path = tmp_path_factory.mktemp("shared") / "log.db"
    now = [datetime(2026, 11, 30, 10, 0, tzinfo=timezone.utc)]
    made = []
    for _ in range(2):
        log = QuestionLog(path)
        store = SqliteConversations(path, timedelta(minutes=10), lambda: now[0], submit=log.submit)
        made.append(Answerer(kb, log, salt="s" * 64, conversations=store))
    yield made[0], made[1], now
    for answerer in made:
        answerer.close()


def test_two_answerers_on_one_file_share_the_conversation(shared_file: tuple[Answerer, Answerer, list[datetime]]) -> None:
    first, second, _ = shared_file
    chat(first, "外国人の住民について教えて", user="two-processes")
    assert chat(second, "何人？", user="two-processes")[0].entry_id == "facts-foreign-residents"
    chat(second, "英語で", user="two-processes")
    assert first.language("two-processes", "web") == "en"


def test_the_context_expires_after_the_context_time(shared_file: tuple[Answerer, Answerer, list[datetime]]) -> None:
    first, second, now = shared_file
    chat(first, "外国人の住民について教えて", user="expiring")
    now[0] += timedelta(minutes=11)
    assert chat(second, "何人？", user="expiring")[0].kind == "clarify"


def test_kb_explain_after_shows_how_the_context_was_used(tmp_path: Path) -> None:
    runner = CliRunner()
    env = {"MINATO_DB": "off"}
    used = runner.invoke(cli, ["--env-file", str(tmp_path / "none.env"), "kb", "explain", "--after", "プレクラス制度とは？",
                               "いつまで？"], env=env)
    assert used.exit_code == 0, used.output
    assert "context: read after the last topic preclass-what" in used.output and "preclass-timeline" in used.output
    ignored = runner.invoke(cli, ["--env-file", str(tmp_path / "none.env"), "kb", "explain", "--after",
                                  "外国人の住民について教えて", "職員は何人いるの？"], env=env)
    assert "context: not used" in ignored.output


def test_the_terminal_chat_is_one_conversation(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), "chat"], env={"MINATO_DB": "off"},
                                input="外国人の住民について教えて\n何人？\n/quit\n")
    assert result.exit_code == 0, result.output
    assert result.output.count("22,631") == 2 and "2,296" not in result.output  # not the staff count


def test_a_noun_typed_in_kana_beside_a_count_names_what_is_counted(plain_answerer: Answerer) -> None:
    # ていあん is no filler around なんけん: the count is of the proposals, no follow-up of an earlier topic.
    reply = plain_answerer.answer(Question("ていあんはなんけんだった？", channel="test"))
    assert reply.matched and reply.entry_id == "newtech-projects"

