"""Round-trip YAML editing that keeps a file byte for byte outside the changed lines (ruamel.yaml).

A file is read with the first indentation layout that writes it back unchanged; one that no layout reproduces is
refused rather than reformatted. Items are appended to and removed from lists so that the comment lines after a
list's last item (often the heading of the next section) stay after the list.
"""

from __future__ import annotations

import copy
import io
from typing import Any

import yaml
from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import DoubleQuotedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken

INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))  # (mapping, sequence, offset) layouts tried in turn


class LayoutError(Exception):
    """The file cannot be edited without changing more than the edited lines."""


def writer_for(indent: tuple[int, int, int]) -> YAML:
    writer = YAML(typ="rt")
    writer.width = 4096  # never fold a long answer onto new lines
    writer.preserve_quotes = True
    writer.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return writer


def load_round_trip(text: str, name: str) -> tuple[Any, YAML]:
    """Parse a file with the first layout that writes it back byte for byte; refuse it otherwise."""
    for indent in INDENTS:
        writer = writer_for(indent)
        try:
            data = writer.load(text)
        except YAMLError as exc:
            raise LayoutError(f"{name} is not valid YAML now: {exc}") from None
        if dump(writer, data) == text:
            return data, writer
    raise LayoutError(f"{name} is laid out in a way the page cannot keep exactly (e.g. flow lists over several "
                      "lines); edit it by hand, or reformat it once in block style")


def dump(writer: YAML, data: Any) -> str:
    out = io.StringIO()
    writer.dump(data, out)
    return out.getvalue()


def plain_text(text: str) -> str:
    """Return text as the YAML writer should write it: quoted when the bot's YAML 1.1 reader would not read a string.

    ruamel writes YAML 1.2, where `yes`, `on` or `1_000` are plain strings; PyYAML would read them as a bool or int.
    """
    text = str(text)
    try:
        plain_is_text = isinstance(yaml.safe_load(text), str)
    except yaml.YAMLError:
        plain_is_text = True  # not a plain scalar at all: ruamel quotes it by itself
    return text if plain_is_text else DoubleQuotedScalarString(text)


def append(listed: CommentedSeq, item: Any) -> None:
    # The comment lines after the last item (often the next section's heading) stay after the list.
    trailing = _pop_trailing_comment(listed)
    listed.append(plain_text(item) if isinstance(item, str) else item)
    if trailing is not None:
        _put_trailing_comment(listed, trailing)


def remove(listed: CommentedSeq, item: Any) -> None:
    index = next(i for i, value in enumerate(listed) if value is item or value == item)
    trailing = _pop_trailing_comment(listed) if index == len(listed) - 1 else None
    del listed[index]
    if trailing is not None and listed:
        _put_trailing_comment(listed, trailing)


def _last_slot(node: Any) -> tuple[Any, int] | None:
    # Where ruamel keeps the comment after a collection's last item: (key, index in its comment list).
    if isinstance(node, CommentedSeq) and node:
        return len(node) - 1, 0
    if isinstance(node, CommentedMap) and node:
        return list(node)[-1], 2
    return None


def _put_trailing_comment(node: Any, token: CommentToken) -> bool:
    """Attach comment lines after a collection's last item, at the deepest level, as the loader does."""
    slot = _last_slot(node)
    if slot is None:
        return False
    key, index = slot
    if _put_trailing_comment(node[key], token):
        return True
    found = node.ca.items.setdefault(key, [None, None, None, None])
    if found[index] is not None:  # an end-of-line comment stays first
        found[index].value += token.value
    else:
        found[index] = token
    return True


def _pop_trailing_comment(node: Any) -> CommentToken | None:
    """Take the full-line comments after a collection's last item (deepest first); an end-of-line comment stays."""
    last = _last_slot(node)
    if last is None:
        return None
    key, slot = last
    deeper = _pop_trailing_comment(node[key])
    if deeper is not None:
        return deeper
    found = node.ca.items.get(key)
    token = found[slot] if found and len(found) > slot else None
    if token is None:
        return None
    end_of_line, newline, rest = token.value.partition("\n")
    if end_of_line.strip():  # "  # note" stays on its item's line; only the lines below move
        if not rest:
            return None
        token.value = end_of_line + newline
        moved = copy.copy(token)
        moved.value = rest
        return moved
    found[slot] = None
    return token


def commented(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, commented(v)) for k, v in value.items() if v)
    if isinstance(value, (list, tuple)):
        return CommentedSeq(commented(v) for v in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.replace("\r\n", "\n").strip() + "\n")  # a block, as HR writes answers
    return plain_text(value) if isinstance(value, str) else value
