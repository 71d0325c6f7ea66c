"""The city's figures are its own: asked of a place the bot does not know, or of another country, they answer nothing."""

from __future__ import annotations

import pytest

from bot.service import Answerer
from single_reply import outcome


@pytest.mark.parametrize("text", ["What is the population of Oslo?", "What's the annual budget of the Nairobi county?",
                                  "What is the population of Korea?"])
def test_a_figure_of_another_owner_is_refused(plain_answerer: Answerer, text: str) -> None:
    # Minato's population answered the population of a city abroad.
    assert outcome(plain_answerer, text) == ("no answer", None)


@pytest.mark.parametrize("text", ["What is the population of Minato?", "What's the population of the ward?"])
def test_the_citys_own_figure_is_still_answered(plain_answerer: Answerer, text: str) -> None:
    assert outcome(plain_answerer, text) == ("answer", "overview-population")
