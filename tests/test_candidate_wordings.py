"""Candidates' own words for what the knowledge names otherwise (a real class is a formal one)."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["When do the kids get put into their real classes?",
                                  "ちゃんとしたクラスに分かれるのは何月から？"])
def test_a_real_class_is_the_formal_class_after_the_pre_class(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "preclass-timeline")
