"""A detail asked another way: "which place" as well as "where", …"""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["ドローンの配送って、どの地区で実験したんですか", "ロボットのトリアージはどの病院で試したの？",
                                  "AIの睡眠の検証はどの施設で行われた？"])
def test_which_place_a_trial_was_run_is_unstated(plain_answerer: Answerer, text: str) -> None:
    # "どこで実験" was refused; "どの地区で実験" (which place) asks the same site, which the projects' list does not give.
    assert outcome(plain_answerer, text) == ("no answer", None)


def test_what_a_trial_was_is_still_answered(plain_answerer: Answerer) -> None:
    assert outcome(plain_answerer, "ドローンの実証実験ってどんな内容？") == ("answer", "newtech-projects")
