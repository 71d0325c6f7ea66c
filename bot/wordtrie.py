"""A regex matching any of many words, built as a trie."""

from __future__ import annotations

import re
from typing import Iterable


def any_of(words: Iterable[str]) -> str:
    """Return a regex matching any of the words, longest first, as a trie: one step per character, however many words.

    Equivalent to the words escaped and joined with | longest first, but Python's re tries such an alternation
    word by word at every position (thousands of readings: milliseconds per question); the trie does not.
    """
    trie: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in filter(None, words):
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}
    return _trie_pattern(trie) if trie else "(?!)"


def _trie_pattern(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
    branches = [re.escape(char) + _trie_pattern(child) for char, child in sorted(node.items()) if char]
    if not branches:
        return ""
    body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
    return f"(?:{body})?" if "" in node else body
