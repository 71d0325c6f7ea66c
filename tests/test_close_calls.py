"""Close calls the knowledge's own links settle: the entry the close ones all point to tells of them all."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize(("text", "entry"), [("新人研修 種類", "training-overview"),
                                             ("各地区の特徴を教えて", "overview-districts"),
                                             ("地区ごとの特色は？", "overview-districts")])
def test_the_entry_the_close_ones_all_point_to_answers(plain_answerer: Answerer, text: str, entry: str) -> None:
    # A training's entry lists the overview as related; each district's entry lists the districts' overview.
    assert outcome(plain_answerer, text) == ("answer", entry)


def test_the_guides_entries_pointing_to_one_another_settle_nothing(plain_answerer: Answerer) -> None:
    # The salary's entry lists how to apply as related: a pointer, not an overview of the salary; the close call
    # between them stays one to ask about.
    assert outcome(plain_answerer, "保健師の採用は毎年ある？") == ("no answer", None)
