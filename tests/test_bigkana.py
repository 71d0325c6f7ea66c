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


def test_a_message_is_read_again_only_for_a_large_kana_next_to_a_word_left_unknown() -> None:
    from dataclasses import dataclass

    from bot.bigkana import read_either_way
    from bot.normalize import Token
    from bot.terms import Term

    @dataclass
    class Read:
        terms: list[Term]

    read: list[str] = []

    def reading(text: str) -> Read:
        read.append(text)
        unknown = "ほげ" if "ほげ" in text else "しよくいん"
        return Read([Term(Token(unknown, unknown, "", "名詞"), None, "unknown")])

    read_either_way("ほげの話です。いつから始まりますか", reading)  # いつから is far from ほげ: one reading
    assert read == ["ほげの話です。いつから始まりますか"]
    read.clear()
    read_either_way("しよくいんはいつからですか", reading)  # しよくいん is the unknown word: read again
    assert read == ["しよくいんはいつからですか", "しょくいんはいっからですか"]


def test_a_word_never_starts_with_a_small_tsu() -> None:
    assert small_kana_restored("くみんも つかえますか") is None  # つかえる (may use), not っかえる
    assert small_kana_restored("しよくどうは、つかれた") == "しょくどうは、つかれた"
    assert small_kana_restored("がつこう") == "がっこう"


def test_whether_others_may_use_a_place_typed_in_spaced_kana_is_refused(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "くやくしょの しょくどうは くみんも つかえますか") == ("no answer", None)
