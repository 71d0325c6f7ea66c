"""Near-duplicate questions grouped for HR's reports: "食堂はある？" and "食堂ありますか" are one question asked twice."""

from __future__ import annotations

import re

from rapidfuzz import fuzz, process

from bot.normalize import clean

GROUPING_FILLER = {"a", "an", "the", "do", "does", "did", "i", "you", "we", "is", "are", "am", "be", "can", "could",
                   "would", "will", "for", "to", "of", "in", "on", "at", "me", "my", "your", "there", "it", "please"}


GROUPING_KEY_CHARS = 200  # near-duplicates show in their start; comparing 2,000-character junk pairwise takes minutes


def _grouping_key(text: str) -> str:
    words = re.sub(r"[\W_]+", " ", clean(text[:GROUPING_KEY_CHARS])).split()
    return " ".join(sorted([w for w in words if w not in GROUPING_FILLER] or words))


def group_similar(texts: list[str], threshold: float = 80.0) -> list[list[int]]:
    """Group near-duplicate texts; return lists of indexes, each led by its earliest text."""
    # Leader clustering: callers pass texts most frequent first, so each group is named by its commonest phrasing.
    keys = [_grouping_key(text) for text in texts]
    groups: list[list[int]] = []
    group_of_key: dict[str, int] = {}
    leaders: list[str] = []
    for index, key in enumerate(keys):
        if key in group_of_key:
            groups[group_of_key[key]].append(index)
            continue
        found = process.extractOne(key, leaders, scorer=fuzz.ratio, score_cutoff=threshold) if key else None
        if found is None:
            leaders.append(key)
            groups.append([])
            found = (key, 0.0, len(leaders) - 1)
        group_of_key[key] = found[2]
        groups[found[2]].append(index)
    return groups
