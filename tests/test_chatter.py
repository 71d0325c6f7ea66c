"""Chat around an English question (a sign-off, an aside, a tag like "or nah") dilutes nothing asked."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize(("text", "entry"), [("what are the five districts called again, cheers", "overview-districts"),
                                             ("alright quick one, has Minato got the most hotel rooms in Tokyo or am I "
                                              "chatting rubbish", "facts-hotel-rooms")])
def test_a_piece_naming_nothing_known_is_chat(plain_answerer: Answerer, text: str, entry: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", entry)


@pytest.mark.parametrize("text", ["Is there a shuttle bus or something between the staff housing and city hall?",
                                  "Which ward has more foreign residents, Minato or Shinjuku?"])
def test_a_piece_asking_of_its_own_or_naming_a_place_is_no_chat(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("no answer", None)
