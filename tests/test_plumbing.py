"""Work an answer skips or keeps from the last one (bench/latency.py times it) gives what doing it afresh gives."""

from __future__ import annotations

from bot.details import Asked, DetailCheck
from bot.knowledge import KnowledgeBase
from bot.nearreading import NearReadings
from bot.scope import DetailQuestion
from bot.whichnoun import which_nouns


def test_which_nouns_are_found_with_or_without_the_analysis() -> None:
    assert which_nouns("区内のどの橋でやるの？") == ["橋"]
    assert which_nouns("どこのメーカーの製品？") == ["メーカー"]
    assert which_nouns("Which bridge is it?") == ["bridge"]
    assert which_nouns("橋の点検はいつ？") == []  # no which-word: not analysed, nothing found
    assert which_nouns("The drone test uses what bridge?") == ["bridge"]  # a learner's "what" with its noun, last
    assert which_nouns("Akasaka has a guest house, what else?") == []
    assert which_nouns("What struck you most about Minato?") == []
    assert which_nouns("テレビの何て番組？") == ["番組"]
    assert which_nouns("なんという会社") == ["会社"]
    assert which_nouns("なんて素敵な区") == []


def test_an_entry_holds_a_detail_the_same_in_any_order_and_when_asked_again(kb: KnowledgeBase) -> None:
    # Each entry's text is searched once per word and per unit, then remembered: a word and a unit spelled alike
    # (人) must not answer for each other, whichever was asked first, and asking again gets what the first asking got.
    kinds = (*kb.scope.detail_questions, DetailQuestion("people", ("何人",), ("人", "か国")))
    asked = [[Asked(kind)] for kind in kinds] + [[Asked(kinds[0], unit)] for unit in ("人", "か国", "件")]
    keys = [(entry.id, number) for entry in kb.entries for number in range(len(asked))]
    forward, backward = DetailCheck(kb), DetailCheck(kb)
    first = {(entry, n): forward.holds(entry, asked[n]) for entry, n in keys}
    units_first = {(entry, n): backward.holds(entry, asked[n]) for entry, n in reversed(keys)}
    again = {(entry, n): forward.holds(entry, asked[n]) for entry, n in keys}
    assert first == units_first == again
    assert any(first.values()) and not all(first.values())


def test_a_near_reading_needs_the_same_onset_and_length() -> None:
    near = NearReadings({"魅力": ("ミリョク", "魅力"), "自治体": ("ジチタイ", "自治体")})
    assert near.find("魅了") == ("ミリョク", "魅力")  # ミリョウ: one sound off, same onset and length
    assert near.find("時自体") == ("ジチタイ", "自治体")
    assert near.find("区長") is None
