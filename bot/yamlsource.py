"""Read YAML into plain values that remember the line they came from."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

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
    return _convert(node, display, problems, yaml.SafeLoader("")), problems


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
    value = scalars.construct_object(node)
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
