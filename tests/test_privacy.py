"""Masking personal data before a question is stored: many formats masked, ordinary questions untouched, linear."""

from __future__ import annotations

import re
import unicodedata
import re._parser as sre_parse  # the stdlib's own pattern parser: tells a pattern's longest possible match
from pathlib import Path

import pytest

from bot.analytics import QuestionLog, iter_rows
from bot.knowledge import KnowledgeBase
from bot.privacy import LOG_TEXT_LIMIT, RULES, mask_for_log, mask_personal
from bot.service import Answerer, Question

# (the personal data, the tag it must become), each asked inside an ordinary sentence.
PERSONAL = [
    ("taro.yamada@example.com", "[email]"),
    ("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ", "[email]"),
    ("taro＠example．co．jp", "[email]"),
    ("hanako+jobs@mail.example.ne.jp", "[email]"),
    ("taro [at] example [dot] com", "[email]"),
    ("090-1234-5678", "[phone]"),
    ("０９０－１２３４－５６７８", "[phone]"),
    ("090ー1234ー5678", "[phone]"),
    ("090.1234.5678", "[phone]"),
    ("090 1234 5678", "[phone]"),
    ("09012345678", "[phone]"),
    ("+81-90-1234-5678", "[phone]"),
    ("+81 90 1234 5678", "[phone]"),
    ("+81(0)90-1234-5678", "[phone]"),
    ("(03)1234-5678", "[phone]"),
    ("03(1234)5678", "[phone]"),
    ("03-1234-5678", "[phone]"),
    ("0120-123-456", "[phone]"),
    ("0466-12-3456", "[phone]"),
    ("〒105-8511", "[postal]"),
    ("〒1058511", "[postal]"),
    ("郵便番号は105-8511", "[postal]"),
    ("港区芝5丁目36番4号", "[address]"),
    ("港区芝五丁目三十六番四号", "[address]"),
    ("東京都港区芝公園1-5-25", "[address]"),
    ("横浜市中区本町6-50-10 101号室", "[address]"),
    ("1-2-3 Shiba, Minato-ku", "[address]"),
    ("12番地の3", "[address]"),
    ("生年月日は1990年1月2日", "[birthdate]"),
    ("1990年1月2日生まれ", "[birthdate]"),
    ("平成2年1月2日生", "[birthdate]"),
    ("H2.1.2生まれ", "[birthdate]"),
    ("誕生日 1990/01/02", "[birthdate]"),
    ("birthday: 1990/01/02", "[birthdate]"),
    ("born on January 2, 1990", "[birthdate]"),
    ("DOB 02/01/1990", "[birthdate]"),
    ("パスポート番号 TK1234567", "[id]"),
    ("passport TK 1234567", "[id]"),
    ("passport no. tk1234567", "[id]"),
    ("在留カード AB12345678CD", "[id]"),
    ("マイナンバーは1234 5678 9012", "[id]"),
    ("免許証番号 123456789012", "[id]"),
    ("4111 1111 1111 1111", "[card]"),
    ("4111-1111-1111-1111", "[card]"),
    ("３７８２ ８２２４６３ １０００５", "[card]"),
    ("4111111111111111", "[card]"),
]

# Questions candidates really ask, with the numbers the knowledge base talks about: stored exactly as asked.
ORDINARY = [
    "港区の職員数は2,296人ですか？",
    "令和13年までの計画は？",
    "プレクラスは4月末まで？",
    "予算は1,845億円？",
    "面積は20.37km²ですか",
    "面積は20.37㎢？",
    "人口は267,250人（令和6年4月1日現在）？",
    "2024年から2031年までの計画",
    "2024-2031の計画について",
    "令和6-7年度の研修は？",
    "1年目の研修はどんな内容？",
    "1番近いまちはどこ？",
    "一番人気の部署は？",
    "説明会は2026-11-30 10:00からですか",
    "9:00-17:00の勤務ですか",
    "８.44％の人が外国人？",
    "81か国の人が住んでいる？",
    "芝地区・麻布地区・赤坂地区・高輪地区・芝浦港南地区の違いは？",
    "芝5丁目の近くに職員住宅はある？",
    "港区役所の住所は？",
    "食堂は1時間くらい使える？",
    "31,858室の住宅？",
    "第3回の説明会はいつ？",
    "1人あたり300,000円？",
    "What is the budget for 2024?",
    "Is the population 267250?",
    "My email is not needed, right?",
    "5つの地区の特徴は？",
    "2月3日の説明会はありますか？",
    "4月1日に入区しますか？",
    "一番地元に近い地区は？",
    "Is the population 1234567?",
]


@pytest.mark.parametrize(("personal", "tag"), PERSONAL)
def test_personal_data_is_masked(personal: str, tag: str) -> None:
    masked = mask_personal(f"連絡先は{personal}です。寮はありますか")
    assert tag in masked, masked
    assert masked.startswith("連絡先は") and masked.endswith("です。寮はありますか")
    assert not re.search(r"\d", unicodedata.normalize("NFKC", masked)), masked  # no digit of it is left
    assert "example" not in masked and "taro" not in masked.lower()


def test_at_least_thirty_formats_are_covered() -> None:
    assert len(PERSONAL) >= 30 and len(ORDINARY) >= 30


@pytest.mark.parametrize("question", ORDINARY)
def test_ordinary_questions_are_stored_exactly_as_asked(question: str) -> None:
    assert mask_personal(question) == question


def test_place_names_stay_when_the_house_number_is_masked() -> None:
    assert mask_personal("港区芝5-36-4に住んでいます") == "港区芝[address]に住んでいます"
    assert mask_personal("〒105-8511 港区芝公園1-5-25") == "〒[postal] 港区芝公園[address]"


@pytest.mark.parametrize(("label", "pattern"), RULES, ids=[p.pattern[:24] for _, p in RULES])
def test_every_pattern_has_a_bounded_match_length(label: object, pattern: re.Pattern[str]) -> None:
    # A pattern whose matches are at most W characters long costs at most a constant amount of work per
    # position of the text, so searching is linear; `+`, `*` or `{n,}` anywhere would make it unbounded.
    shortest, longest = sre_parse.parse(pattern.pattern, pattern.flags).getwidth()
    assert longest <= 500, f"{pattern.pattern} can match {longest} characters"


def test_the_log_keeps_at_most_its_limit_and_caps_before_masking() -> None:
    text = "1" * 100_000
    assert len(mask_for_log(text)) == LOG_TEXT_LIMIT
    phone_cut_by_the_cap = "あ" * (LOG_TEXT_LIMIT - 5) + "090-1234-5678"
    assert "0" not in mask_for_log(phone_cut_by_the_cap).replace("[phone]", "")


def test_a_long_question_is_logged_masked_and_capped(kb: KnowledgeBase, tmp_path: Path) -> None:
    answerer = Answerer(kb, QuestionLog(tmp_path / "log.db"))
    answerer.answer(Question("ｔａｒｏ＠ｅｘａｍｐｌｅ．ｃｏｍ と ０９０－１２３４－５６７８ " + "1" * 100_000))
    answerer.close()
    row = next(iter_rows(tmp_path / "log.db"))
    assert row["question"].startswith("[email] と [phone] ") and len(row["question"]) <= LOG_TEXT_LIMIT
