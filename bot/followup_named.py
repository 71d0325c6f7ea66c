"""What an elliptic follow-up names that one of the topic's neighbours holds, and the topic does not.

- A figure an answer states: "5月からは？" after the pre-class merits asks about what the timeline says happens from
  May (its answer states 5月から); "30万人を超えるのは？" after the population, about the forecast.
- A word of a related entry's title: "どういう制度？" after the adopted projects asks about the system they belong to,
  the 新技術チャレンジ提案制度 (制度 is a word asking about a topic, so the message names no topic of its own; the
  projects' title does not have it, their related entry's does).

Which entry answers is decided in bot/followup.py; these only point at one.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable

from bot.knowledge import Entry, KnowledgeBase
from bot.normalize import clean

# A figure and the first character of its unit, as typed ("5月", "22件", "81か"): an answer stating it has that text.
FIGURE = re.compile(r"(?<![\d,.])\d[\d,.]*\s*[^\s\d、。,.!?！？]")


def family(kb: KnowledgeBase, topic: Entry) -> list[str]:
    """Return the topic's entry, its related entries in order, then the rest of its category."""
    near = [topic.id, *(entry_id for entry_id in topic.related if kb.entry(entry_id) is not None)]
    return near + [entry.id for entry in kb.entries if entry.category == topic.category and entry.id not in near]


def stating_a_figure(text: str, candidates: Iterable[str], answer_text: Callable[[str], str]) -> str | None:
    """Return the first entry whose answer states every figure the message names ("5月"), or None."""
    figures = [re.sub(r"\s+", "", found) for found in FIGURE.findall(clean(text))]
    if not figures:
        return None
    return next((entry_id for entry_id in candidates
                 if all(re.search(r"(?<![\d,.])" + re.escape(figure), answer_text(entry_id)) for figure in figures)),
                None)


def related_titled(kb: KnowledgeBase, topic: Entry, named: set[str],
                   title_concepts: Callable[[Entry], frozenset[str]]) -> str | None:
    """Return the first related entry whose title names every concept the message names, when the topic's does not."""
    if not named or named & title_concepts(topic):
        return None
    related = (kb.entry(entry_id) for entry_id in topic.related)
    return next((entry.id for entry in related if entry is not None and named <= title_concepts(entry)), None)


def neighbour_named(kb: KnowledgeBase, topic: Entry, text: str, named: set[str], answering: str | None,
                    answer_text: Callable[[str], str], title_concepts: Callable[[Entry], frozenset[str]]) -> str | None:
    """Return the topic's neighbour an elliptic message names by a figure its answer states or by its title, or None.

    An answer already stating the figure stays ("1人あたりだと？" after the budget: the budget per person says it too).
    """
    order = [answering] if answering is not None else []
    stating = stating_a_figure(text, [*order, *family(kb, topic)], answer_text)
    if stating is not None:
        return stating
    return related_titled(kb, topic, named, title_concepts)


def asked_of_a_part(topic: Entry, answering: Entry, named: set[str], home: frozenset[str],
                    title_concepts: Callable[[Entry], frozenset[str]]) -> bool:
    """Tell whether a brief message naming only what an entry of the city's own facts is titled ("人口は？": 港区の人口は…)
    asks it of the topic instead, a part of the city whose answer does not speak of the city itself (a district, the
    adopted projects): "予算はいくら？" after the projects asks their budget, which the briefing does not give."""
    citys_own = any(answering.answer.get("ja", "").startswith(place + "の") for place in home)
    of_the_city = any(place in topic.answer.get("ja", "") for place in home)
    return bool(named) and citys_own and not of_the_city and named <= title_concepts(answering)
