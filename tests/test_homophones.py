"""Kana words of one reading shared by two known words take the one the question's other words point to."""

from __future__ import annotations

from bot.service import Answerer
from single_reply import outcome


def test_a_kana_word_of_two_known_words_is_the_one_its_company_points_to(plain_answerer: Answerer) -> None:
    # きかい: 機会 (an opportunity to study), not 機械 (a machine), beside 勉強
    assert outcome(plain_answerer, "しょくいん に なったら べんきょう の きかい は ある？") == ("answer", "training-overview")


def test_a_kana_word_keeps_its_reading_when_its_company_says_nothing(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "じょせい の しょくいん は なんにん") == ("answer", "overview-staff")
