"""Where a spoken sentence's clauses end: the analyzer's conjunctive particles, conditions, purposes and states.

"…んですけど、" / "…ので、" / "採用されたら、" / "働けるように、" / "迷っていて、": the clause before tells the story or sets the
scene, the clause after it asks (bot.focus weighs them).
"""

from __future__ import annotations

import re

from bot.analyzer import Morpheme, morphemes
from bot.eligibility import MAY_VERBS_JA

PURPOSE_NOUNS = frozenset({"よう", "ため", "為"})
PURPOSE_COMMAS = frozenset({"、", ","})
FILLERS = frozenset({"あの", "あのー", "あのう", "えーと", "えっと", "えーっと", "えー", "あー", "うーん"})
CONNECTIVE_PARTICLES = frozenset({"けど", "けれど", "けれども", "が", "ので", "のに", "ものの", "から", "し"})
NEGATIONS = frozenset({"無い", "ない", "ず", "ぬ"})
PERMITTED = ("いい", "良い", "よい", "よろしい", "大丈夫", "構わ", "かまわ", "平気", "安全", "問題", "OK", "ok", "オッケー", "可能")
# "持ち家があっても職員住宅に入れる？", "休職歴があっても受験できる？": whether one may, despite it, is asked.
MAY = re.compile(rf"{MAY_VERBS_JA}|入れ|はいれ|使え|つかえ|住め|すめ|利用でき")  # the exam's verbs (bot.eligibility) too
SETTING_ENDS = frozenset({"に", "て", "で"})  # where a purpose, a state, a reason or a restart can end (the rest can't)


# "保育士として採用されたら、給料は？": a condition sets the scene, the clause after it asks.
CONDITIONAL_ENDINGS = frozenset({"たら", "だら", "なら"})
# A speaker correcting themselves ("あ違う", "いや違う"; not 違うか, which asks): what came before is set aside.
CORRECTION = r"(?:あっ?|いや)\s*(?:違う|ちがう|ちゃう)(?!か)"
# "…役所の仕事に変わりたいなと思ってて、まず港区って…": the thought told sets the scene.
THOUGHT_TOLD = re.compile(r"と(?:思|おも|考え|かんがえ)(?:って|て)(?:い)?て[、,]?"
                         r"|(?:もんで|もので)(?!しょ|す)(?:ね|さ|な)?[、,]?(?=.)"  # "…受けるっていうもんでね": because (spoken)
                         r"|(?<=[るたいうくつ])んで(?!しょ|す)(?=.)"  # "手がしびれるんで…": because (spoken), not なんで, んでしょう
                         # "…失礼しますあのー予算って": a polite end, then a filler opening what is asked (voice input)
                         r"|(?:ます|です|ました|でした)(?=(?:あのー?|えーと|えっと|えー|あー|うーん))"
                         r"|(?<=[まで]し)て(?:ね[ぇえー]?)?[、,]?(?=[^やもは])"  # "…申しておりましてね港区の…", "心配でして、": polite て
                         rf"|{CORRECTION}[、,\s]*(?=.)")  # "…かかってるのあ違う時間じゃなくて": a correction


def clause_ends(text: str) -> list[int]:
    """Return where the clauses of a cleaned sentence end: after a conjunctive particle (けど, ので, が), a condition,
    a purpose or a state set off by a comma (働けるように、 / 過ごすために、 / 迷っていて、: not what is asked), or a
    thought told (…に変わりたいなと思ってて, with or without a comma: voice input has none)."""
    parts = morphemes(text)
    return sorted({*(m.end for i, m in enumerate(parts) if (m.pos[1] == "接続助詞" and m.surface in CONNECTIVE_PARTICLES)
                     or (m.pos[0] == "助動詞" and m.surface in CONDITIONAL_ENDINGS)
                     or m.surface in SETTING_ENDS and _sets_the_scene(parts, i)),
                   *(parts[i + 1].end for i in range(len(parts)) if _concedes(parts, i)),
                   *(found.end() for found in THOUGHT_TOLD.finditer(text) if found.end() < len(text))})


def _sets_the_scene(parts: tuple[Morpheme, ...], index: int) -> bool:
    return (_ends_a_purpose(parts, index) or _ends_a_state(parts, index) or _ends_a_reason(parts, index)
            or _restarts(parts, index))


def _ends_a_state(parts: tuple[Morpheme, ...], index: int) -> bool:
    # "港区に住むかどうかも迷っていて、まず広さが知りたい": …ていて、 tells how things stand, the clause after it asks.
    # Only いて (not every て: "プレクラスについて、教えて" is one clause).
    return (1 <= index < len(parts) - 1 and parts[index].surface in {"て", "で"} and parts[index].pos[1] == "接続助詞"
            and parts[index - 1].surface == "い" and parts[index - 1].pos[0] == "動詞"
            and parts[index + 1].surface in PURPOSE_COMMAS)


def _concedes(parts: tuple[Morpheme, ...], index: int) -> bool:
    # "ブランクあっても研修はある？": a concession (a verb's て-form and も) grants a circumstance, the clause after it
    # asks. The clause ends after も.
    # Not "職員じゃなくても使える？" (who may, asked) nor "花火をしてもいい？" (leave, asked): there the clause asks.
    return (1 <= index < len(parts) - 2 and parts[index].surface in {"て", "で"} and parts[index].pos[1] == "接続助詞"
            and parts[index - 1].pos[0] in {"動詞", "形容詞", "助動詞"} and parts[index + 1].surface == "も"
            and parts[index - 1].normalized not in NEGATIONS and not _permission(parts[index + 2:])
            and not MAY.search("".join(m.surface for m in parts[index + 2:index + 8]))
            and not (index >= 2 and parts[index - 2].surface == "に"))  # について, に関しても: a particle's て


def _permission(after: tuple[Morpheme, ...]) -> bool:
    following = next((m.surface for m in after if not m.surface.isspace()), "")
    return following.startswith(PERMITTED)


def _restarts(parts: tuple[Morpheme, ...], index: int) -> bool:
    # "…体力には自信あってあの港区の職員って何人？": voice input runs on; a filler after a て-form starts anew.
    return (index < len(parts) - 1 and parts[index].surface in {"て", "で"} and parts[index].pos[1] == "接続助詞"
            and (parts[index + 1].surface in FILLERS or parts[index + 1].pos[1] == "フィラー"))


def _ends_a_reason(parts: tuple[Morpheme, ...], index: int) -> bool:
    # "確認したいので、…": after たい the analyzer reads ので as の + で (not the particle); a comma after it ends the
    # reason told, as the particle's does.
    return (1 <= index < len(parts) - 1 and parts[index].surface == "で" and parts[index].pos[0] == "助動詞"
            and parts[index - 1].surface == "の" and parts[index - 1].pos[1] == "準体助詞"
            and parts[index + 1].surface in PURPOSE_COMMAS)


def _ends_a_purpose(parts: tuple[Morpheme, ...], index: int) -> bool:
    # 動詞 + よう/ため + に + 、 ("どのように、" is a question word, not a purpose: no verb before it).
    return (2 <= index < len(parts) - 1 and parts[index].surface == "に" and parts[index + 1].surface in PURPOSE_COMMAS
            and parts[index - 1].surface in PURPOSE_NOUNS and parts[index - 2].pos[0] in {"動詞", "助動詞"})
