"""Countries typed in hiragana are places the knowledge does not speak of (bot.kanaplaces)."""

from __future__ import annotations

from bot.kanaplaces import kana_countries
from bot.service import Answerer, Question


def test_one_countrys_embassy_typed_in_hiragana_is_not_the_embassies_count(plain_answerer: Answerer) -> None:
    assert plain_answerer.answer(Question("ぽるとがるの たいしかん は ありますか")).kind == "fallback"
    assert plain_answerer.answer(Question("たいしかん は いくつ ありますか")).entry_id == "facts-embassies"


def test_only_countries_are_read_and_japan_is_home(plain_answerer: Answerer) -> None:
    assert [t.surface for t in kana_countries("どいつの ひとは すんでる？")] == ["ドイツ"]
    assert kana_countries("しながわから かよう しょくいん") == []  # a ward in kana: the readings find it
    # 日本 typed in hiragana is home, not another country.
    assert plain_answerer.answer(Question("にほんの こくせきが なくても しけんを うけられる？")).entry_id == "guide-application"
