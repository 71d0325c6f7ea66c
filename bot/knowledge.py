"""Load and validate the knowledge YAML into a KnowledgeBase; every problem carries file:line."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from bot import kbfields
from bot.gcpause import gc_paused
from bot.kbchecks import check_categories, check_cross_references, check_figures, check_menu, ids_in_text
from bot.kbfields import ANSWER_LANGS, LANGS, OPTIONAL_LANGS, Image  # noqa: F401  (importable from here, as before)
from bot.scope import Scope, parse_scope, parse_synonyms
from bot.yamlsource import LineDict, LineList, Problem, line_of, read_yaml, size_problem

ENTRY_KEYS = {"id", "category", "title", "questions", "keywords", "answer", "images", "related", "examples"}
REQUIRED_KEYS = ("id", "category", "title", "questions", "answer")
ID_PATTERN = re.compile(r"^[a-z0-9][a-z0-9-]*$")
TITLE_MAX = 20
SPECIAL_FILES = {"synonyms.yaml", "scope.yaml"}


@dataclass(frozen=True)
class Entry:
    """One answer with the questions that lead to it."""

    id: str
    category: str
    title: dict[str, str]
    questions: dict[str, tuple[str, ...]]
    answer: dict[str, str]
    keywords: tuple[str, ...] = ()
    images: tuple[Image, ...] = ()
    related: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    source: str = ""

    def problem(self, message: str, line: int = 0, warning: bool = False) -> Problem:
        """Return a Problem at this entry's file, at `line` or else where the entry starts."""
        file, _, start = self.source.rpartition(":")
        return Problem(file, line or int(start or 0), message, warning)


@dataclass(frozen=True)
class KnowledgeBase:
    """Everything the bot knows, validated."""

    entries: tuple[Entry, ...]
    synonyms: tuple[tuple[str, ...], ...]
    scope: Scope
    directory: Path
    version: str = ""
    loaded_at: str = ""
    by_id: dict[str, Entry] = field(default_factory=dict, compare=False)

    def __post_init__(self) -> None:
        self.by_id.update({entry.id: entry for entry in self.entries})

    def entry(self, entry_id: str) -> Entry | None:
        """Return the entry with this id, if any."""
        return self.by_id.get(entry_id)


class KnowledgeError(Exception):
    """The knowledge base has problems; str() lists each with file and line."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        errors = [p for p in problems if not p.warning]
        super().__init__(f"{len(errors)} problem(s) in the knowledge base:\n" + "\n".join(map(str, errors)))


def load_knowledge(directory: Path) -> KnowledgeBase:
    """Load a knowledge directory, raising KnowledgeError listing every problem."""
    kb, problems = check_knowledge(directory)
    if kb is None or any(not p.warning for p in problems):
        raise KnowledgeError(problems)
    return kb


def check_knowledge(directory: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    """Validate a knowledge directory; return the KnowledgeBase (None if unusable) and all problems."""
    with gc_paused():
        return _check_knowledge(Path(directory))


def _check_knowledge(directory: Path) -> tuple[KnowledgeBase | None, list[Problem]]:
    if not directory.is_dir():
        return None, [Problem(str(directory), 0, "not a directory")]
    problems: list[Problem] = []
    paths = sorted(directory.glob("*.yaml"))
    if not paths:
        return None, [Problem(str(directory), 0, "no .yaml files")]
    entries: list[Entry] = []
    synonyms: tuple[tuple[str, ...], ...] = ()
    scope = Scope()
    unloaded_ids: set[str] = set()  # ids of entries that failed to load: not reported again where they are used
    for path in paths:
        before = len(problems)
        data, found = read_yaml(path, path.name)
        problems += found
        if path.name == "synonyms.yaml":
            synonyms = parse_synonyms(data, path.name, problems) if data is not None else ()
        elif path.name == "scope.yaml":
            scope = parse_scope(data, path.name, problems) if data is not None else Scope()
        else:
            entries += _parse_entry_file(data, path, problems) if data is not None else []
            if any(not p.warning for p in problems[before:]):
                unloaded_ids |= ids_in_text(path)
    check_cross_references(entries, unloaded_ids, problems)
    check_menu(scope, {e.id for e in entries}, unloaded_ids, problems)
    check_categories(entries, scope, problems)
    check_figures(entries, problems)
    kb = KnowledgeBase(tuple(entries), synonyms, scope, directory, _content_hash(paths), _now())
    return kb, problems


def content_version(directory: Path) -> str:
    """Return the version (content hash) of a knowledge directory's YAML files, without validating them."""
    paths = sorted(Path(directory).glob("*.yaml")) if Path(directory).is_dir() else []
    try:
        return _content_hash(paths) if paths else ""
    except OSError:
        return ""


def _parse_entry_file(data: Any, path: Path, problems: list[Problem]) -> list[Entry]:
    name = path.name
    if not isinstance(data, dict) or "entries" not in data:
        problems.append(Problem(name, line_of(data, 1), "expected a top-level 'entries:' list"))
        return []
    for key in data:
        if key != "entries":
            problems.append(Problem(name, data.key_lines[key], f"unknown top-level key '{key}'"))
    items = data["entries"]
    if not isinstance(items, list):
        problems.append(Problem(name, line_of(items, data.line), "'entries' must be a list"))
        return []
    result = []
    for index, item in enumerate(items):
        line = items.item_lines[index] if isinstance(items, LineList) else 1
        entry = _parse_entry(item, name, line, path.parent, problems)
        if entry is not None:
            result.append(entry)
    return result


def _parse_entry(item: Any, name: str, line: int, directory: Path, problems: list[Problem]) -> Entry | None:
    if not isinstance(item, LineDict):
        problems.append(Problem(name, line, "an entry must be a mapping with id, category, title, questions, answer"))
        return None
    before = len(problems)
    for key in item:
        if key not in ENTRY_KEYS:
            problems.append(Problem(name, item.key_lines[key], f"unknown key '{key}' (allowed: {', '.join(sorted(ENTRY_KEYS))})"))
    for key in REQUIRED_KEYS:
        if key not in item:
            problems.append(Problem(name, line, f"entry is missing '{key}'"))
    if len(problems) > before:
        return None
    entry_id = kbfields.text(item, "id", name, problems)
    if entry_id and not ID_PATTERN.match(entry_id):
        problems.append(Problem(name, item.key_lines["id"], f"id '{entry_id}' must use lower-case letters, digits and '-'"))
    title = kbfields.per_lang(item, "title", name, problems, optional=OPTIONAL_LANGS)
    for lang, text in title.items():
        if len(text) > TITLE_MAX:
            problems.append(Problem(name, line_of(text, line), f"title ({lang}) is longer than {TITLE_MAX} characters"))
    return Entry(
        id=entry_id,
        category=kbfields.at_line(kbfields.text(item, "category", name, problems), item.key_lines.get("category", line)),
        title=title,
        questions=kbfields.questions(item, name, problems),
        answer=kbfields.per_lang(item, "answer", name, problems, ANSWER_LANGS, owner=f"entry '{entry_id}': "),
        keywords=kbfields.text_list(item, "keywords", name, problems),
        images=kbfields.images(item, name, directory, problems),
        related=kbfields.text_list(item, "related", name, problems),
        examples=kbfields.text_list(item, "examples", name, problems),
        source=f"{name}:{line}",
    )


def _content_hash(paths: list[Path]) -> str:
    digest = hashlib.sha256()
    for path in paths:
        digest.update(path.name.encode())
        # An oversized file is never read: it counts by its size, so the version still changes with it.
        oversized = size_problem(path, path.name) is not None
        digest.update(str(path.stat().st_size).encode() if oversized else path.read_bytes())
    return digest.hexdigest()[:12]


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")
