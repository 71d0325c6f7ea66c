"""Regional and fast-spoken endings said the standard way: 採択されんかった, やってんだべ, 住んどると？, でけへん, なんぼ, どんくらいあんの,
教えでけろ, 心配だす, あるんだべが.

Candidates from Kansai, Tohoku or Kyushu type as they speak. The analyzer reads these endings as pieces that
mean nothing (ん + かった, だ + べ, と + ？), so a rule written on the standard form (a proposal that was NOT
adopted, the company that RAN a trial) misses them, and a plain question ("住んどると？") loses its verb. Each
pattern rewrites only an ending it cannot mistake for a word: after the kana a verb or an adjective ends in, and
before the end of a clause. たいへん, どのへん, ここらへん, らいねん, しけん, たいけん stay as they are.
"""

from __future__ import annotations

import re

# The end of a clause: a question mark, a stop, a comma, a space, the end, or a particle that closes a sentence.
CLAUSE_END = r"[?？!！。、,.\s]|$|よ|ね|の|けど|な(?![いかくけこさしすせそ])"
# A verb's negative stem before the Kansai へん: the a and e rows (行かへん, 食べへん, 知られへん).
NEGATIVE_STEM = "[あかさたなはまやらわがざだばぱえけせてねへめれげぜでべぺ]"

# どげん, どがん (not がんばる's), どぎゃん: how, or what kind of (Kyushu), as どう before なる and どんな elsewhere
# ... and どげな, どがいな (Kyushu, Chugoku)
KYUSHU_HOW, KYUSHU_HOW_PIECES = (r"(?:どげん|どがん(?!ば)|どぎゃん|どげな|どがいな)",
                                 ("どげん", "どがん", "どぎゃん", "どげな", "どがいな"))

# Each ending with the pieces of text one of which any match of it holds (its look-arounds' too): a text holding
# none, most of them, is spared the pattern's search, which tries it at every position.
STANDARD_FORMS: tuple[tuple[re.Pattern[str], str, tuple[str, ...]], ...] = tuple(
    (re.compile(pattern), standard, pieces) for pattern, standard, pieces in (
    # でけへん, できひん, でけん: cannot (Kansai, western Japan)
    (rf"(?:でけ|でき)(?:へん|ひん|ん)(?={CLAUSE_END})", "できない", ("でけ", "でき")),
    # 行かへんかった, 行かへん, 見いひん: the Kansai negative (not ここらへん's へん)
    (rf"(?<={NEGATIVE_STEM})(?<!こら)へん(?=かった)|(?<=い)ひん(?=かった)", "な", ("へんかった", "ひんかった")),
    (rf"(?<={NEGATIVE_STEM})(?<!こら)へん(?={CLAUSE_END})|(?<=い)ひん(?={CLAUSE_END})", "ない", ("へん", "ひん")),
    # 採択されんかった, わからんかった: a past negative
    (r"(?<=[\u3041-\u3093])んかった", "なかった", ("んかった",)),
    # やってんだ, してんの？: the progressive's る said as ん
    (r"(?<=[てで])ん(?=だ|じゃ|の[?？\s]|の$)", "る", ("てん", "でん")),
    # やってるんだべ, あるべ？, だっぺ: a guess or a question (Tohoku, Kanto)
    (rf"(?:だべ|だっぺ|べさ)(?={CLAUSE_END})", "だろう", ("だべ", "だっぺ", "べさ")),
    (r"(?<=[うくすつぬむるぐぶ])(?:べ|っぺ)(?=[?？]|$)", "だろう", ("べ", "っぺ")),
    # あるんだべが？, 教えでけるべが？: the same guess asked (Tohoku)
    (r"(?:だべ|だっぺ)が(?=[?？]|$)|(?<=[うくすつぬむるぐぶ])べが(?=[?？]|$)", "だろうか", ("べが", "っぺが")),
    # 理工だす, 心配だす: the copula です (Akita); not 出す after its object (提案をだす)
    (r"(?<=[\u3400-\u9fff\u30a1-\u30faー])だす(?=[?？!！。、,\s]|$)", "です", ("だす",)),
    # できるんやろか, 高いやろ？, そうなんや: the Kansai copula at a clause's end (not the volitional 一緒にやろう)
    (rf"(?<=[んいるた])やろ(?:う)?(?=か|{CLAUSE_END})", "だろう", ("やろ",)),
    (r"(?<=[んな])や(?=[?？!！。、,\s]|$|けど|から|ね)", "だ", ("んや", "なや")),
    # やっとる, 住んどる, 働いとる, やっちょる, すんどー: the progressive (western Japan)
    # 住んどって, やっとって, 働いとって: the same progressive in its て-form (住んでいて)
    (r"(?<=ん)(?:ど|じょ)って", "でいて", ("んどって", "んじょって")),
    (r"(?<=[\u4e00-\u9fffや]っ)(?:と|ちょ)って|(?<=[\u4e00-\u9fff][いし])(?:と|ちょ)って", "ていて", ("とって", "ちょって")),
    (r"(?<=っ)(?:と|ちょ)(?=る|った|らん|ります|りま|ー)", "て", ("っと", "っちょ")),
    (r"(?<=ん)(?:ど|じょ)(?=る|った|らん|ります|りま|ー)", "で", ("んど", "んじょ")),
    (r"(?<=[いし])(?:と|ちょ)(?=る(?![いかくけこさしすせそ])|った|らん|ります|りま)", "て", ("いと", "しと", "いちょ", "しちょ")),
    (r"(?<=[てで])ー(?=と|[?？]|$)", "る", ("てー", "でー")),
    # 広さはどれくらいあっとですか: あるの (Kyushu)
    (r"あっと(?=です|でしょう|[?？]|か(?!ら))", "あるの", ("あっと",)),
    # 聞きたいとです, 通うとですか: the same の after any verb or adjective (Kyushu); not こと, ひと
    (r"(?<=[たるいうくすつむぶぐ])と(?=です|でしょう)", "の", ("とです", "とでしょう")),
    # あったと？, 住んでると？: a question ending in と (Kyushu) is one ending in の
    (r"(?<=[たるいうくすつむぶぐだ])と(?=[?？])", "の", ("と?", "と？")),
    # 心配やけん, 遠かけえ: "because" (western Japan; not しけん, たいけん)
    (r"(?<=[だやるたく])(?:けん|けえ|けぇ|さかい)(?=[、,\s]|$)", "から", ("けん", "けえ", "けぇ", "さかい")),
    # 高いよってに, 遠いよって: "because" (Kansai); not によって (by)
    (r"(?<=[いだやるた])よってに?(?=[、,\s]|$)", "から", ("よって",)),
    # あるんかいな, 港区なんかいな, あるんかい: a question (Kansai); not なんかい (何回) asked alone
    (rf"(?<=[るたい])んかいな?(?={CLAUSE_END})|(?<=な)んかいな(?={CLAUSE_END})", "のかな", ("んかい",)),
    # 負担がどうしても気になります: "really", read as the analyzer reads とても; どう + して + も is no どうして (why) asked
    (r"どうしても", "とても", ("どうしても",)),
    # どんないいとこ, ええとこ: a good point said short (ええ: Kansai), which the analyzer reads as いとこ (a cousin)
    (r"(?:いい|ええ)とこ(?!ろ)", "いいところ", ("いとこ", "えとこ")),
    # 教えてちょう, 見せてちょー: a request (Nagoya), asked as ください
    (r"(?<=て)ちょ(?:う|ー)(?:よ|だゃ)?(?=[?？!！。、,\s]|$)", "ください", ("てちょ",)),
    # 教えてちょうだい, 見せてちょうだいな: a request as family speak it, ください to the rules
    (r"(?<=て)ちょうだい(?:な|ね|よ)?(?=[?？!！。、,\s]|$)", "ください", ("てちょうだい",)),
    # 教えでけろ, 見せてけれ: a request (Tohoku), its て often voiced, asked as てください
    (r"(?<=[\u3041-\u3093])[てで]け[ろれ](?=[?？!！。、,\s]|$|よ|な)", "てください", ("てけろ", "でけろ", "てけれ", "でけれ")),
    # 分がねんだども、わからんばってん、…けんど: "but" (Tohoku, Kyushu, many regions), so the clause hands over
    (r"(?:だども|ばってん)(?![うぅーお])|けんど(?:も)?(?=[、,\s]|$)", "けど",
     ("だども", "けんど", "ばってん")),
    (r"じゃっどん", "だけど", ("じゃっどん",)),  # (Kagoshima: the copula and its "but")
    # ほんまなん？: "really" (Kansai); ほんなこつ, ほんなこて: "really" (Kyushu)
    (r"ほんま(?=に|なん|なの|や|か|[?？\s]|$)", "本当", ("ほんま",)),
    (r"ほんなこ[つて]", "本当", ("ほんなこ",)),
    # 初任給なんぼ？, 人口はなんぼ: "how much" or "how many" (Kansai)
    # ... and "up to how much" of money: 助成はなんぼまで出るん, なんぼもらえる (an amount, as いくら asks)
    # ... and what one pays: ランチはなんぼで食べれる, なんぼくらいで (for how much)
    (r"なんぼ(?=\s*(?:(?:くらい|ぐらい)\s*)?(?:で(?!き)|まで|円|出|でる|でま|もら|かか|払|はら))", "いくら", ("なんぼ",)),
    (r"なんぼ", "どれくらい", ("なんぼ",)),
    # どごに住んでる, どごさ: where (Tohoku, its こ voiced); not 何処 written or どごう
    (r"(?<![\u3041-\u3096])どご(?=に|さ|で|が|から|へ|まで|[?？\s]|$)", "どこ", ("どご",)),
    # どげんなっとる, どがん ところ, どぎゃん: how, what kind of (Kyushu); どればあ: how much (Tosa)
    (KYUSHU_HOW + r"(?=\s*な[っるりら])", "どう", KYUSHU_HOW_PIECES),
    (KYUSHU_HOW, "どんな", KYUSHU_HOW_PIECES),
    (r"(?<![もと])どれば[あぁー]", "どれくらい", ("どれば",)),  # not もどれば (if one goes back)
    # なして港区なの: why (Tohoku, Hokkaido); どない変わる, どないな: how, what kind of (Kansai)
    (r"(?:^|(?<=[\s、。,はでもがと]))なして(?=[\s、]|[\u3400-\u9fff\u30a1-\u30fa]|$)", "なぜ", ("なして",)),
    (r"(?<![んけ])どないな(?![いかくけこさしすせそ])", "どんな", ("どないな",)),
    (r"(?<![んけ])どない(?!な)", "どう", ("どない",)),  # not ほとんどない (hardly any)
    # 何がええん？, どこがええの: good (Kansai; not ええ, yes, starting a reply)
    (r"(?<=[がもはの])ええ(?=ん|の|か|[?？\s]|$)", "いい", ("がええ", "もええ", "はええ", "のええ")),
    # 人がおると？, 何人おるん: there are (western Japan; not おります, said the standard way)
    (r"(?<=[がもは\s人])おる(?=[とんのか?？]|$)", "いる", ("おる",)),
    # 何だすか, 増えていぐ所なんでがんすか: the copula asked (Tohoku)
    (r"でがんす|だす(?=か)", "です", ("でがんす", "だすか")),
    # どういうとこですやろ: a guess asked (Kansai)
    (r"(?<=です)やろ(?:か)?", "か", ("ですやろ",)),
    # 制限はあるがけ, 増えとるがけ: a question (Hokuriku); どんなのがあるんやざ: the copula (Fukui)
    (r"(?<=[るたいうだ])がけ(?=[?？!！。、,\s]|$)", "のか", ("がけ",)),
    (r"(?<=[んな])やざ(?=[?？!！。、,\s]|$)", "だ", ("やざ",)),
    # どんな ところ かえ, あるんかえ: a question (western Japan), its かえ no 替え (入れかえ, くらすがえ stay)
    (r"(?<=[\sろのんただい])かえ(?=[?？!！。\s]*$)", "か", ("かえ",)),
    # 魅力って何だと思いますか: what a thing is, asked politely of the bot as its view; asked, not an opinion sought
    (r"(?<=[\u3400-\u9fff\u30a1-\u30faーっては\s])(?:何|なん)(?:だ|や)と(?:思いますか|思われますか|思う)(?=[?？。\s]*$)",
     "何ですか", ("だと思", "やと思")),
    # 教えてごしない, 教えてごさんか: a request (Izumo, Hoki)
    (r"(?<=て)ご(?:しない|さんか|しなはい)(?=[?？!！。、,\s]|$)", "ください", ("てごし", "てごさ")),
    # ざっくり教えてけへ: a request (Tsugaru)
    (r"(?<=て)け(?:へ|さい)(?=[?？!！。、,\s]|$)", "ください", ("てけへ", "てけさい")),
    # 予算どんくらいあんの？: どのくらい and あるの said fast (Tokyo speech; not あんな, 案の)
    (r"どん(?=くらい|ぐらい)", "どの", ("どんく", "どんぐ")),
    (rf"(?:(?<=[\s、。,はがもにでて])|^)あん(?=の(?:{CLAUSE_END}|か)|だけ|だろ)", "ある", ("あんの", "あんだ")),
))


def standard_forms(text: str) -> str:
    """Return the text with regional endings written as standard Japanese (the rest as it was)."""
    for pattern, standard, pieces in STANDARD_FORMS:
        if any(piece in text for piece in pieces):
            text = pattern.sub(standard, text)
    return text
