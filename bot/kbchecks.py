"""Checks across knowledge files: duplicate ids and questions, related ids, menu ids, categories.

One mistake, one problem: an id defined in a file (or entry) that failed to load is not reported again as a
missing `related` or `menu` id elsewhere, and categories are checked only against a scope.yaml that loaded.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from bot.easyja import figures, large_figures
from bot.normalize import clean
from bot.scope import Scope
from bot.yamlsource import MAX_FILE_BYTES, Problem, line_of

if TYPE_CHECKING:
    from bot.knowledge import Entry

ID_LINE = re.compile(r"""^\s*(?:-\s+)?id:\s*["']?([A-Za-z0-9_-]+)""", re.MULTILINE)


def ids_in_text(path: Path) -> set[str]:
    """Return the ids a YAML file seems to define, read as text: for a file that did not load."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return set()
        return set(ID_LINE.findall(path.read_text(encoding="utf-8", errors="replace")))
    except OSError:
        return set()


def check_cross_references(entries: list[Entry], unloaded_ids: set[str], problems: list[Problem]) -> None:
    """Report duplicate ids and questions, and related ids that no entry (loaded or not) defines."""
    first_by_id: dict[str, Entry] = {}
    owner_by_question: dict[str, Entry] = {}
    for entry in entries:
        if entry.id in first_by_id:
            problems.append(_at(entry, f"duplicate id '{entry.id}' (first in {first_by_id[entry.id].source})"))
        first_by_id.setdefault(entry.id, entry)
        for text in dict.fromkeys(q for qs in entry.questions.values() for q in qs):
            other = owner_by_question.setdefault(clean(text), entry)
            if other is not entry:
                problems.append(entry.problem(f"entry '{entry.id}': question '{text}' is also under '{other.id}' "
                                              f"({other.source})", line_of(text, 0)))
    for entry in entries:
        for related in entry.related:
            if related not in first_by_id and related not in unloaded_ids:
                problems.append(_at(entry, f"related id '{related}' does not exist"))


def check_menu(scope: Scope, entry_ids: set[str], unloaded_ids: set[str], problems: list[Problem]) -> None:
    """Report menu ids that no entry (loaded or not) defines (`lang:easy` and the like switch language)."""
    for entry_id in scope.menu:
        if entry_id.startswith("lang:") and entry_id[5:] in ("ja", "en", "easy"):
            continue  # a language switch (bot/policy.py), not an entry
        if entry_id not in entry_ids and entry_id not in unloaded_ids:
            problems.append(Problem("scope.yaml", scope.menu_line, f"menu entry '{entry_id}' does not exist"))


def check_categories(entries: list[Entry], scope: Scope, problems: list[Problem]) -> None:
    """Report entries whose category scope.yaml's `categories:` does not list (skipped when it lists none)."""
    known = scope.categories
    if not known:
        return
    for entry in entries:
        if entry.category and entry.category not in known:
            problems.append(entry.problem(
                f"entry '{entry.id}': unknown category '{entry.category}' (known: {', '.join(known)}; "
                "a new one must be added to scope.yaml's categories)", line_of(entry.category, 0)))


def _at(entry: Entry, message: str) -> Problem:
    return entry.problem(f"entry '{entry.id}': {message}")


def check_figures(entries: list[Entry], problems: list[Problem]) -> None:
    """Report answers whose languages do not hold the same figures.

    ja and easy are both Japanese, so they must hold exactly the same figures. English writes era years and
    万 differently (平成5年度: FY1993, 30万: 300,000), so only ja's figures of three digits or more are required in en.
    """
    for entry in entries:
        ja, easy, en = (entry.answer.get(lang) for lang in ("ja", "easy", "en"))
        if ja is None:
            continue
        if easy is not None and figures(ja) != figures(easy):
            problems.append(entry.problem(
                f"entry '{entry.id}': the easy answer's figures {_listed(figures(easy))} differ from ja's "
                f"{_listed(figures(ja))}: the same facts and figures are required", line_of(easy, 0)))
        if en is not None and (missing := large_figures(ja) - figures(en)):
            problems.append(entry.problem(
                f"entry '{entry.id}': the en answer lacks ja's figure(s) {_listed(missing)}", line_of(en, 0)))


def _listed(found: set[str]) -> str:
    return "{" + ", ".join(sorted(found, key=lambda f: (len(f), f))) + "}"
