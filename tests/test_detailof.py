"""Questions the briefing does not answer though an entry holds a detail of the asked kind (bot.detailof, scope.yaml).

Wordings are our own, never a benchmark's.
"""

from __future__ import annotations

import pytest

from bot.service import Answerer, Question


@pytest.mark.parametrize("question", ["港区の保育園の数はいくつありますか", "港区にある大学の数はいくつ？",
                                      "プレクラス関連の予算はいくら？", "研修の予算はいくらですか"])
def test_a_detail_of_another_topic_is_not_answered_by_a_figure_of_this_one(plain_answerer: Answerer,
                                                                           question: str) -> None:
    # The embassies' 81か国 counts no nurseries; the city's budget is not the training's.
    assert plain_answerer.answer(Question(question)).kind == "fallback"


@pytest.mark.parametrize(("question", "entry_id"), [("大使館の数はいくつ？", "facts-embassies"),
                                                    ("港区の予算はいくら？", "overview-budget")])
def test_a_detail_of_the_entrys_own_topic_is_still_answered(plain_answerer: Answerer, question: str,
                                                            entry_id: str) -> None:
    assert plain_answerer.answer(Question(question)).entry_id == entry_id
