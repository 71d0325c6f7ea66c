"""Wrap text for the terminal chat by display width at word boundaries: English at spaces, Japanese between the
analyzer's words (never before 、。）」 and the like, never after （「), a full-width character taking two columns.

textwrap counts characters and breaks only at spaces, so Japanese either overflows the terminal (one "word" of
200 characters) or, cut by character count, wraps mid-word at half the width it looks like.
"""

from __future__ import annotations

import re
import unicodedata

from bot.analyzer import MAX_ANALYZED_CHARS, morphemes

# A token is a run of non-space characters that are not wide (a word, a URL, a number), or one wide character,
# each with the spaces after it.
WIDE = r"\u1100-\u115F\u2E80-\uA4CF\uAC00-\uD7A3\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFF60\uFFE0-\uFFE6"
TOKEN = re.compile(rf"[^\s{WIDE}]+\s*|\S\s*|\s+")
NO_LINE_START = set("、。，．・：；？！」』）】〕〉》ーぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶ,.:;?!)]}%")
NO_LINE_END = set("「『（【〔〈《([{")


def width(text: str) -> int:
    """Return how many terminal columns text takes (wide and full-width characters take two)."""
    return sum(0 if unicodedata.combining(c) else 2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def wrap(text: str, columns: int, indent: str = "") -> list[str]:
    """Return text's lines wrapped to columns, each continuation indented; a line break in the text is kept."""
    columns = max(columns, width(indent) + 10)
    lines: list[str] = []
    for paragraph in text.split("\n"):
        lines.extend(_wrap_paragraph(paragraph, columns, indent) or [""])
    return lines


def words(paragraph: str) -> list[str]:
    """Return the paragraph cut into words, each with the spaces after it: the analyzer's words for Japanese."""
    found: list[str] = []
    for start in range(0, len(paragraph), MAX_ANALYZED_CHARS):
        chunk = paragraph[start:start + MAX_ANALYZED_CHARS]
        pieces = [m.surface for m in morphemes(chunk)] if chunk.strip() else [chunk]
        if "".join(pieces) != chunk:  # the analyzer dropped or changed something: fall back to characters
            pieces = TOKEN.findall(chunk)
        for piece in pieces:
            if found and (piece.isspace() or not found[-1].strip()):
                found[-1] += piece
            else:
                found.append(piece)
    return found


def _wrap_paragraph(paragraph: str, columns: int, indent: str) -> list[str]:
    lines: list[str] = []
    line = ""
    for token in words(paragraph):
        if line.strip() and width(line + token.rstrip()) > columns:
            if not _may_break(line, token) and len(line.rstrip()) > len(indent) + 1:
                carried = line.rstrip()[-1]  # keep 「 with the word it opens, 、 with the word it closes
                lines.append(line.rstrip()[:-1].rstrip())
                line = indent + carried
            elif _may_break(line, token):
                lines.append(line.rstrip())
                line = indent
        while width(line + token.rstrip()) > columns and len(token.strip()) > 1:  # a URL longer than a line
            cut = _fit(token, columns - width(line))
            lines.append(line + token[:cut])
            line, token = indent, token[cut:]
        line += token
    if line.strip():
        lines.append(line.rstrip())
    return lines


def _may_break(line: str, token: str) -> bool:
    # Kinsoku: closing punctuation and small kana stay with what precedes them, opening brackets with what follows.
    return token[0] not in NO_LINE_START and line.rstrip()[-1:] not in NO_LINE_END


def _fit(token: str, room: int) -> int:
    used = 0
    for index, char in enumerate(token):
        used += width(char)
        if used > room:
            return max(index, 1)
    return len(token)
