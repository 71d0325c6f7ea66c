"""The fast YAML reader (libyaml's events) builds exactly what composing a node tree and converting it builds."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from bot import yamlsource
from bot.config import bundled_knowledge_dir
from bot.yamlsource import LineDict, LineList, LineStr, parse_yaml

TEXTS = {
    "entry": "entries:\n  - id: a\n    title: {ja: 食堂, en: Cafeteria}\n    questions:\n      ja: [食堂は？, '2']\n",
    "scalars": "a: 1\nb: true\nc: null\nd: ~\ne: 2024-04-01\nf: 1.5\ng: '1'\nh: \"yes\"\ni:\nj: 0x1F\nk: .inf\n",
    "keys": "1: one\ntrue: yes\nnull: none\n'2': two\n",
    "tags": "a: !!str 1\nb: !!int '3'\nc: !!float 2\nd: ! 5\n",
    "block scalars": "a: |\n  line one\n  line two\nb: >\n  folded\n  text\nc: |-\n  kept\n",
    "duplicate keys": "a: 1\nb:\n  x: 1\n  x: 2\na:\n  y: 1\n  y: 2\n",
    "nested lists": "- - 1\n  - [a, b]\n- {k: v}\n-\n- ''\n",
    "one scalar": "just text\n",
    "document markers": "---\na: b\n...\n",
    "comments only": "# nothing here\n",
    "empty": "",
    "anchors": "a: &x {k: v}\nb: *x\n",
    "complex key": "? [a, b]\n: c\n",
    "two documents": "a: 1\n---\nb: 2\n",
    "bad indentation": "a:\n  b: 1\n c: 2\n",
    "unclosed flow": "a: [1, 2\nb: 3\n",
    "undefined alias": "a: *nowhere\n",
    "unknown tag": "a: !!python/name:os.system x\n",
}


def _shape(value: Any) -> Any:
    # Everything a reader promises: values, types, and every line it records.
    if isinstance(value, LineDict):
        return ("map", value.line, value.end_line, dict(value.key_lines), {k: _shape(v) for k, v in value.items()})
    if isinstance(value, LineList):
        return ("seq", value.line, list(value.item_lines), [_shape(v) for v in value])
    if isinstance(value, LineStr):
        return ("str", value.line, str(value))
    return (type(value).__name__, value)


def _both(text: str) -> tuple[Any, Any]:
    def read(reader: Any) -> Any:
        try:
            value, problems = reader(text, "x.yaml")
        except Exception as exc:  # the old reader's own failures must stay the same too
            return ("raised", type(exc).__name__)
        return _shape(value), problems

    return read(parse_yaml), read(yamlsource._from_nodes)


@pytest.mark.parametrize("name", sorted(TEXTS))
def test_the_event_reader_builds_what_the_node_reader_builds(name: str) -> None:
    fast, nodes = _both(TEXTS[name])
    assert fast == nodes


def test_the_event_reader_builds_the_bundled_knowledge_alike() -> None:
    for path in sorted(Path(bundled_knowledge_dir()).glob("*.yaml")):
        fast, nodes = _both(path.read_text(encoding="utf-8"))
        assert fast == nodes, path.name


def test_problems_keep_their_lines() -> None:
    value, problems = parse_yaml(TEXTS["duplicate keys"], "x.yaml")
    assert [str(p) for p in problems] == ["x.yaml:4: duplicate key 'x' (first at line 3)",
                                          "x.yaml:5: duplicate key 'a' (first at line 1)"]
    assert value["b"].key_lines == {"x": 3} and value.key_lines == {"a": 1, "b": 2}
    value, problems = parse_yaml(TEXTS["bad indentation"], "x.yaml")
    assert value is None and problems[0].line == 3


def test_the_event_reader_needs_no_fallback_for_knowledge_files() -> None:
    # The fast path really is taken for ordinary files (else the loading would be as slow as before).
    value, problems = yamlsource._from_events(TEXTS["entry"], "x.yaml")
    assert problems == [] and value["entries"][0]["questions"]["ja"][1] == "2"


def test_on_off_yes_and_no_are_words_not_booleans() -> None:
    # YAML 1.1 reads them as booleans: a stopword "on" became True. Only true and false are booleans (YAML 1.2).
    text = "words: [on, off, yes, no, On, Y, n]\nroute: true\nstrict: False\n"
    for reader in (parse_yaml, yamlsource._from_nodes):
        value, _ = reader(text, "x.yaml")
        assert list(value["words"]) == ["on", "off", "yes", "no", "On", "Y", "n"]
        assert value["route"] is True and value["strict"] is False
