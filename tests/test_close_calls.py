"""Close calls the knowledge's own links settle: the entry the close ones all point to tells of them all."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize(("text", "entry"), [("新人研修 種類", "training-overview"),
                                             ("各地区の特徴を教えて", "overview-districts"),
                                             ("地区ごとの特色は？", "overview-districts")])
def test_the_entry_the_close_ones_all_point_to_answers(plain_answerer: Answerer, text: str, entry: str) -> None:
    # A training's entry lists the overview as related; each district's entry lists the districts' overview.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_the_guides_entries_pointing_to_one_another_settle_nothing(plain_answerer: Answerer) -> None:
    # The salary's entry lists how to apply as related: a pointer, not an overview of the salary; the close call
    # between them stays one to ask about.
    assert outcome(plain_answerer, "保健師の採用は毎年ある？") == ("no answer", None)


@pytest.mark.parametrize("text", ["銀行に18年勤めてきました。支店の統廃合が続いて、もっと地域に根ざした仕事がしたいと思うよう"
                                  "になりました。港区の5つの地区ってそれぞれどういう役割なんですか",
                                  "総合支所制度って what exactly? Why is it good for residents?"])
def test_a_title_written_out_as_what_is_asked_picks_its_entry(plain_answerer: Answerer, text: str) -> None:
    expected = "overview-districts" if "地区" in text else "why-sogo-shisho"
    assert outcome(plain_answerer, text) == ("answer", expected)


def test_a_general_title_written_as_the_scope_of_a_part_does_not(plain_answerer: Answerer) -> None:
    # the system's title, written before では or as the topic of its merits, leaves the part asked
    assert outcome(plain_answerer, "プレクラス制度のメリットは何ですか？") == ("answer", "preclass-merits")
    assert outcome(plain_answerer, "港区の新技術チャレンジ提案制度ではどんなプロジェクトが選ばれたんですか？") == (
        "answer", "newtech-projects")
