"""Regional endings are read as standard Japanese, and words that only look like them are left alone."""

from __future__ import annotations

import pytest

from bot.dialect import standard_forms
from bot.matching import Matcher
from bot.service import Answerer


@pytest.mark.parametrize(("typed", "standard"), [
    ("採択されんかった提案って、どんなのがあったと？", "採択されなかった提案って、どんなのがあったの？"),
    ("どこの会社が やってんだべ？", "どこの会社が やってるだろう？"),
    ("みなとくって なんにん すんどーと？", "みなとくって なんにん すんでるの？"),
    ("職員住宅には入れへんの？", "職員住宅には入れないの？"),
    ("英語でけへんけど大丈夫？", "英語できないけど大丈夫？"),
    ("東京って手取りで生活できるんやろか", "東京って手取りで生活できるんだろうか"),
    ("みんな近くに住んどるん？", "みんな近くに住んでるん？"),
    ("OJTってやっちょるの？", "OJTってやってるの？"),
    ("初任給なんぼ？", "初任給どれくらい？"),
    ("助成はなんぼまで出るん？", "助成はいくらまで出るん？"),  # money paid out: an amount, as いくら asks
    ("なんぼ もらえるん", "いくら もらえるん"),
    ("テレビで取り上げられてるって ほんまなん", "テレビで取り上げられてるって 本当なん"),
    ("家賃が心配やけん、住宅のこと教えて", "家賃が心配やから、住宅のこと教えて"),
    ("予算って どんくらい あんの？", "予算って どのくらい あるの？"),  # said fast
    ("食堂の場所 教えでけろ", "食堂の場所 教えてください"),  # a Tohoku request, its て voiced
    ("研修のこと教えてちょう", "研修のこと教えてください"),  # Nagoya
    ("住宅のこと教えてちょうだい", "住宅のこと教えてください"),
    ("なして港区なの？", "なぜ港区なの？"),  # Tohoku
    ("人口はどない変わるん？", "人口はどう変わるん？"),  # Kansai
    ("プレクラスって何がええん？", "プレクラスって何がいいん？"),
    ("職員は何人おると？", "職員は何人いるの？"),  # western Japan
    ("魅力って何だすか", "魅力って何ですか"),  # Tohoku
    ("どういうとこですやろ？", "どういうとこですか？"),
    ("ざっくり教えてけへ", "ざっくり教えてください"),  # Tsugaru
    ("住宅はあるがけ？", "住宅はあるのか？"),  # Hokuriku
    ("研修ってどんなのがあるんやざ", "研修ってどんなのがあるんだ"),  # Fukui
    ("先輩が教えてくれる仕組みってあるんだべが？", "先輩が教えてくれる仕組みってあるんだろうか？"),  # Tohoku, asked
    ("地方の大学だす。住宅が心配だす", "地方の大学です。住宅が心配です"),  # Akita's copula
    ("職員住宅わ港区のなかにあるんかいな　東京わ家賃高いよってに", "職員住宅わ港区のなかにあるのかな　東京わ家賃高いから"),
    ("六本木にもあるんかい", "六本木にもあるのかな"),  # asked (Kansai)
    ("お台場は港区なんかいな", "お台場は港区なのかな"),
    ("プレクラスって、どんなええとこがあるんやろか？", "プレクラスって、どんないいところがあるんだろうか？"),  # said short
    ("どんないいとこある？", "どんないいところある？"),
    ("通勤の負担がどうしても気になります", "通勤の負担がとても気になります"),  # "really", no どうして (why)
    ("研修はどげんなっとる？", "研修はどうなってる？"),  # Kyushu
    ("港区は どがん ところ？", "港区は どんな ところ？"),
    ("食堂はどればあ安いが？", "食堂はどれくらい安いが？"),  # Tosa
    ("東京はよう知らんだども、職員は何人？", "東京はよう知らんけど、職員は何人？"),  # "but" (Tohoku)
    ("遠かばってん住宅はある？", "遠かけど住宅はある？"),  # Kyushu
    ("縁はないけんど、研修は？", "縁はないけど、研修は？"),
    ("横浜に住んどって東京は知らん", "横浜に住んでいて東京は知らん"),  # the progressive's て-form (western Japan)
    ("店をやっとって忙しい", "店をやっていて忙しい"),
    ("食堂が安かってほんなこつ？", "食堂が安かって本当？"),  # Kyushu
    ("職員住宅はあっとですか", "職員住宅はあるのですか"),  # Kyushu
    ("通うておられるのか聞きたいとです", "通うておられるのか聞きたいのです"), ("ことです", "ことです"),  # Kyushu
])
def test_regional_endings_are_written_the_standard_way(typed: str, standard: str) -> None:
    assert standard_forms(typed) == standard


@pytest.mark.parametrize("text", [
    "しごと は たいへん ですか", "どのへんに住んでる人が多い？", "ここらへんに職員住宅ある？",
    "らいねん の しけん は いつ", "しょくば たいけん は ありますか", "一緒にやろうよ", "ひとり暮らしでも大丈夫？",
    "なんねん はたらけば いい？", "しょうひん は ありますか", "ちょっと聞きたいんですが", "あんなの初めて見た",
    "手帳は持っていきますか", "そのてちょうはどこ？", "でけろ", "出かけるときは", "提案をだす？",
    "しけんは なんかい？", "なんかいありますか", "説明によって違う", "年によってに", "ひどがんばる", "もどればあとは楽", "大使館はほとんどない", "ええ、そうです", "職員がおります", "ながけ", "やざわさん",
    "けんどう部でした", "だどうか", "あっという間", "あっとからきた", "ぷれくらすの めりっとって なに", "資格をとって働く",
])
def test_words_that_only_look_like_regional_endings_stay(text: str) -> None:
    assert standard_forms(text) == text


@pytest.fixture(scope="module")
def matcher(plain_answerer: Answerer) -> Matcher:
    return plain_answerer.matcher


def test_a_rule_written_on_the_standard_form_holds_for_the_regional_one(matcher: Matcher) -> None:
    assert matcher.match("採択されんかった提案って、どんなのがあったと？").kind == "fallback"
    assert matcher.match("みなとくって なんにん すんどーと？").best.entry_id == "overview-population"

