"""Words that ask about a topic rather than name one: 内容, 期間, 理由, 人数, how many.

"どんな内容ですか？" asks about whatever the sentence before named; "期間は？" after the pre-class answer asks for the
pre-class period; "何個？" asks for a figure, it names nothing counted. Three readers need to tell such words from
words that name a topic, and they read this one list:

- bot.focus: a question clause made only of them takes its topic from the clause before;
- bot.followup: a message made only of them is read against the last answer;
- bot.vocabulary: one of them that the knowledge does not use is no unknown topic counting against every entry.

The list is these words, the measures of a fact (ペース, 水準: bot.askers), every counter of bot.answerfigures (何か国, 何室) and every cue of scope.yaml's
`detail_questions` (家賃, 何人, いつ): a word asking for a kind of detail asks about a topic too.
"""

from __future__ import annotations

from bot.answerfigures import COUNTERS
from bot.askers import MEASURES
from bot.scope import Scope

# Nouns that say "about it" without saying what, aspects of a topic, and words asking for "more" or "the rest".
ASPECT_WORDS = frozenset(
    # about it: "どういう内容ですか？"
    "内容 詳細 具体 具体的 感じ 事 物 話 件 点 意味 中身 説明 情報 こと もの 制度 仕組み 取り組み 取組 システム "
    # an aspect of it: "期間は？", "理由は？"
    "数 人数 件数 人 名 個 回 年 月 日 時 頃 いつ頃 以降 以前 以後 期間 時期 時間 場所 所 地名 地域名 他 ほか 以外 名前 理由 目的 詳しい "
    "費用 対象 条件 方法 規模 割合 結果 効果 特徴 様子 雰囲気 メリット デメリット 利点 長所 短所 魅力 "
    "やつ 奴 つめ 目 番目 部署 所属 役職 ポジション 立場 肩書き 肩書 職位 position role roles 経歴 内訳 日間 週間 年間 月間 歳 階 箇国 か国 カ国 ヶ国 "
    # the figure just given: "いつのデータ？", "その数字はいつ時点？" ask of the topic's own figure
    "データ 数字 数値 統計 data figure figures statistics stats "
    # all of it, or more of it: "全体の何パーセント？", "他には？"
    "一覧 全部 全体 合計 総数 総額 比率 全て すべて 例 例えば 続き もっと 更に さらに 他に "
    # the figure itself: "いつ時点の数字ですか" asks when the figure just named was taken
    "数字 数値 データ "
    "number many much long detail details more else other others where when who why name place location period "
    "time date reason purpose cost price example examples list rest "
    # judging the topic's fact ("それって多いほう？", "人気なの？"): the fact is the topic's, the judging word no topic
    "方 ほう 人気 有名 評判 多め 少なめ "
    # which one, or where about: "もう一人は？", "どのへん？", "the second one?"
    "もう 少し ちょっと 後 あと 残り 別 へん 辺 辺り あたり 付近 "
    # which of the two, or which came first: "二人のうち、先に入ったのはどっち？"
    "二人 三人 両者 先 前 "
    "located one ones first second third fourth fifth sixth seventh eighth ninth tenth next last country countries people persons".split())


def aspect_words(scope: Scope) -> tuple[str, ...]:
    """Return every word that asks about a topic: the list above, the counters and the detail cues of a scope."""
    cues = (cue for kind in scope.detail_questions for cue in kind.cues)
    return tuple(dict.fromkeys([*sorted(ASPECT_WORDS | MEASURES), *COUNTERS, *cues]))
