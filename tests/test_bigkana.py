"""Small kana typed large (bot.bigkana): "しよくどう" for しょくどう."""

from bot.bigkana import small_kana_restored
from bot.service import Answerer
from single_reply import outcome


def test_large_yoon_and_sokuon_may_stand_for_small_ones() -> None:
    assert small_kana_restored("しよくどうはありますか") == "しょくどうはありますか"
    assert small_kana_restored("ミーテイングのスケジユール") == "ミーテイングのスケジュール"
    assert small_kana_restored("ちよつとまつて") == "ちょっとまって"
    assert small_kana_restored("食堂はありますか") is None


def test_the_reading_that_knows_more_words_wins(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "しよくどうからなにがみえますか") == ("answer", "cafeteria")
    # じゆう is 自由 as typed: nothing is gained by reading じゅう, the question stays as it was
    assert outcome(plain_answerer, "けんしゅうは じゆうに えらべますか") == outcome(plain_answerer, "研修は自由に選べますか")
