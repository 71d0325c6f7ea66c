"""Read YAML into plain values that remember the line they came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import yaml


# libyaml keeps line marks too and parses a large knowledge base many times faster.
FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
# The bundled files are under 30 kB; a file this big is a mistake (a pasted log, a wrong file), and parsing it
# would take gigabytes of memory. Checked with stat before a byte is read.
MAX_FILE_BYTES = 1_000_000


@dataclass(frozen=True)
class Problem:
    """One thing wrong with the knowledge base, where HR can find it."""

    file: str
    line: int
    message: str
    warning: bool = False

    def __str__(self) -> str:
        kind = "warning: " if self.warning else ""
        return f"{self.file}:{self.line}: {kind}{self.message}"


class LineDict(dict):  # type: ignore[type-arg]
    """A mapping that knows its own line and the line of each key."""

    line: int = 0
    end_line: int = 0
    key_lines: dict[str, int]


class LineList(list):  # type: ignore[type-arg]
    """A sequence that knows its own line and the line of each item."""

    line: int = 0
    item_lines: list[int]


class LineStr(str):
    """A string that knows its line."""

    line: int = 0


def read_yaml(path: Path, display: str) -> tuple[Any, list[Problem]]:
    """Parse one file; return its value (None on failure) and the problems found."""
    too_big = size_problem(path, display)
    if too_big is not None:
        return None, [too_big]
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as exc:
        return None, [Problem(display, 1, f"not UTF-8 text ({exc.reason})")]
    except OSError as exc:
        return None, [Problem(display, 1, f"cannot read: {exc.strerror}")]
    return parse_yaml(text, display)


def parse_yaml(text: str, display: str) -> tuple[Any, list[Problem]]:
    """Parse a file's text; return its value (None on failure) and the problems found."""
    try:
        return _from_events(text, display)
    except (yaml.YAMLError, _Unusual):
        # YAML this reader does not build itself (anchors, complex keys), or bad YAML: the composer says where.
        return _from_nodes(text, display)


def _from_nodes(text: str, display: str) -> tuple[Any, list[Problem]]:
    try:
        node = yaml.compose(text, Loader=FAST_LOADER)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        return None, [Problem(display, line, f"bad YAML: {exc.problem or exc.context}")]
    except yaml.YAMLError as exc:
        return None, [Problem(display, 1, f"bad YAML: {exc}")]
    if node is None:
        return None, [Problem(display, 1, "the file is empty")]
    problems: list[Problem] = []
    loader = yaml.SafeLoader("")
    try:
        return _convert(node, display, problems, loader), problems
    finally:
        loader.dispose()


class _Unusual(Exception):
    """YAML outside what _from_events builds (anchors, aliases, a non-scalar key, several documents)."""


STR_TAG = "tag:yaml.org,2002:str"


def _from_events(text: str, display: str) -> tuple[Any, list[Problem]]:
    # The same values as composing a node tree and converting it (the fallback), straight from libyaml's events:
    # no node per value, no constructor call per string. That was most of a large knowledge base's loading, and
    # the nodes the constructor kept in reference cycles left millions of objects for the garbage collector.
    loader = FAST_LOADER(text)
    try:
        return _build(iter(loader.get_event, None), display)  # libyaml's own calls, no generator frame per event
    finally:
        loader.dispose()


def _build(events: Iterator[yaml.Event], display: str) -> tuple[Any, list[Problem]]:
    problems: list[Problem] = []
    builder = _Builder(display, problems)
    next(events)  # StreamStartEvent
    first = next(events)
    if isinstance(first, yaml.StreamEndEvent):
        return None, [Problem(display, 1, "the file is empty")]
    value = builder.value(events, next(events))
    next(events)  # DocumentEndEvent
    if not isinstance(next(events), yaml.StreamEndEvent):
        raise _Unusual("more than one document")
    return value, problems


class _Builder:
    """Builds LineDict, LineList and LineStr values from a file's events, recording problems (duplicate keys)."""

    def __init__(self, display: str, problems: list[Problem]) -> None:
        self.display = display
        self.problems = problems
        self.resolver = yaml.resolver.Resolver()
        # A plain scalar can be something else than a string only if its first character starts an implicit type
        # (digits, true, null, ~, dates...): all others are strings without asking the resolver's patterns.
        implicit = self.resolver.yaml_implicit_resolvers
        self.typed_starts = frozenset(implicit) if None not in implicit else None
        self.constructor = yaml.constructor.SafeConstructor()  # only for values that are not strings

    def value(self, events: Iterator[yaml.Event], event: yaml.Event) -> Any:
        """Return the value that starts with `event`, reading the events of its items."""
        if getattr(event, "anchor", None) is not None or isinstance(event, yaml.AliasEvent):
            raise _Unusual("anchor or alias")
        if isinstance(event, yaml.ScalarEvent):
            value = self.scalar(event)
            if isinstance(value, str):
                value = LineStr(value)
                value.line = event.start_mark.line + 1
            return value
        if isinstance(event, yaml.SequenceStartEvent):
            return self.sequence(events, event)
        if isinstance(event, yaml.MappingStartEvent):
            return self.mapping(events, event)
        raise _Unusual(type(event).__name__)

    def scalar(self, event: yaml.ScalarEvent) -> Any:
        """Return a scalar as the safe constructor would: a str unless its tag (given or resolved) says otherwise."""
        tag = event.tag
        if tag is None and self.typed_starts is not None and (
                not event.implicit[0] or (event.value and event.value[0] not in self.typed_starts)):
            return event.value  # the resolver would say str: quoted, or plain with no typed first character
        if tag is None or tag == "!":
            tag = self.resolver.resolve(yaml.ScalarNode, event.value, event.implicit)
        if tag == STR_TAG:
            return event.value
        node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)
        return _word_kept(event.value, self.constructor.construct_object(node))

    def sequence(self, events: Iterator[yaml.Event], start: yaml.SequenceStartEvent) -> LineList:
        """Return a sequence's items, each with its line."""
        result = LineList()
        result.line = start.start_mark.line + 1
        result.item_lines = []
        for event in events:
            if isinstance(event, yaml.SequenceEndEvent):
                return result
            result.item_lines.append(event.start_mark.line + 1)
            result.append(self.value(events, event))
        raise _Unusual("unterminated sequence")

    def mapping(self, events: Iterator[yaml.Event], start: yaml.MappingStartEvent) -> LineDict:
        """Return a mapping with the line of each key; a duplicate key is a problem and its value is left out."""
        result = LineDict()
        result.line = start.start_mark.line + 1
        result.key_lines = {}
        for event in events:
            if isinstance(event, yaml.MappingEndEvent):
                result.end_line = event.end_mark.line + 1
                return result
            if not isinstance(event, yaml.ScalarEvent) or event.anchor is not None:
                raise _Unusual("a key that is not a plain scalar")
            key, key_line = str(self.scalar(event)), event.start_mark.line + 1
            if key in result:
                self.problems.append(Problem(self.display, key_line,
                                             f"duplicate key '{key}' (first at line {result.key_lines[key]})"))
                _Builder(self.display, []).value(events, next(events))  # read past it: its problems do not count
                continue
            result[key] = self.value(events, next(events))
            result.key_lines[key] = key_line
        raise _Unusual("unterminated mapping")


def size_problem(path: Path, display: str) -> Problem | None:
    """Return a Problem when a file is over MAX_FILE_BYTES (by stat, without reading it)."""
    try:
        size = path.stat().st_size
    except OSError as exc:
        return Problem(display, 1, f"cannot read: {exc.strerror}")
    if size > MAX_FILE_BYTES:
        return Problem(display, 1, f"the file is {size:,} bytes, over the {MAX_FILE_BYTES:,}-byte limit "
                                   "for a knowledge file: was the wrong file saved here?")
    return None


BOOLEANS = frozenset({"true", "false"})


def _word_kept(written: Any, value: Any) -> Any:
    # YAML 1.1 reads on, off, yes, no, y and n as booleans: in HR's lists they are words (a stopword "on").
    # Only true and false are booleans, as YAML 1.2 has it.
    if isinstance(value, bool) and isinstance(written, str) and written.lower() not in BOOLEANS:
        return written
    return value


def _convert(node: yaml.Node, display: str, problems: list[Problem], scalars: yaml.SafeLoader) -> Any:
    # One loader per file builds every scalar: making one per value took a third of the start-up's loading.
    line = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        return _convert_mapping(node, display, problems, scalars)
    if isinstance(node, yaml.SequenceNode):
        result = LineList(_convert(item, display, problems, scalars) for item in node.value)
        result.line = line
        result.item_lines = [item.start_mark.line + 1 for item in node.value]
        return result
    value = _word_kept(node.value, scalars.construct_object(node))
    if isinstance(value, str):
        text = LineStr(value)
        text.line = line
        return text
    return value


def _convert_mapping(node: yaml.MappingNode, display: str, problems: list[Problem],
                     scalars: yaml.SafeLoader) -> LineDict:
    result = LineDict()
    result.line = node.start_mark.line + 1
    result.end_line = node.end_mark.line + 1
    result.key_lines = {}
    for key_node, value_node in node.value:
        key = str(scalars.construct_object(key_node))
        key_line = key_node.start_mark.line + 1
        if key in result:
            problems.append(Problem(display, key_line, f"duplicate key '{key}' (first at line {result.key_lines[key]})"))
            continue
        result[key] = _convert(value_node, display, problems, scalars)
        result.key_lines[key] = key_line
    return result


def line_of(value: Any, default: int) -> int:
    """Return the line a converted value came from, or the default."""
    return int(getattr(value, "line", default) or default)
