"""An Answerer whose questions are answered elsewhere (serve's engine process) builds no index until one is asked."""

from __future__ import annotations

from dataclasses import replace

from bot.knowledge import KnowledgeBase
from bot.matcherslot import MatcherSlot
from bot.service import Answerer, Question


class CountingBuild:
    """Stands in for the index build: counts the builds and returns a marker per knowledge base."""

    def __init__(self) -> None:
        self.built: list[KnowledgeBase] = []

    def __call__(self, kb: KnowledgeBase) -> object:
        self.built.append(kb)
        return ("matcher of", kb.version)


def test_a_lazy_slot_builds_only_when_a_matcher_is_asked_for_and_follows_reloads(kb: KnowledgeBase) -> None:
    build = CountingBuild()
    slot = MatcherSlot(kb, build, eager=False)  # type: ignore[arg-type]
    reloaded = replace(kb, version="edited")
    slot.swap(reloaded)  # a reload while nothing answered: still nothing built
    assert build.built == [] and slot.kb is reloaded
    assert slot.matcher == ("matcher of", "edited") and slot.matcher is slot.matcher  # built once, for the new one
    slot.swap(kb)  # once built, a reload builds the new one before swapping it in
    assert build.built == [reloaded, kb] and slot.matcher == ("matcher of", kb.version)


def test_an_eager_slot_builds_at_once(kb: KnowledgeBase) -> None:
    build = CountingBuild()
    MatcherSlot(kb, build, eager=True)  # type: ignore[arg-type]
    assert build.built == [kb]


def test_a_lazy_answerer_tells_its_knowledge_and_answers_all_the_same(kb: KnowledgeBase) -> None:
    answerer = Answerer(kb, eager=False)
    assert answerer.status()["entries"] == len(kb.entries) and answerer.welcome("ja").text
    assert answerer.answer(Question("食堂はありますか", channel="test")).entry_id == "cafeteria"
