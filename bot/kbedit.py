"""HR's edits to the knowledge YAML from the review page: round-trip, validated first, atomic, never lost.

An edit is applied with ruamel.yaml's round-trip mode, so comments, order, quoting and layout stay as HR wrote
them; only the lines of the change differ. A file whose unchanged round trip is not byte-for-byte the same (a
layout ruamel cannot reproduce) is refused rather than reformatted. Before anything is written, a copy of the
whole knowledge directory with the change must pass `kb check` and `kb test`. Edits are applied one at a time
under a lock on the directory, each to the file as it is on disk then, so two HR people never lose each other's
change. The file is replaced atomically (temporary file + rename): the live-reload watcher sees old or new.
"""

from __future__ import annotations

import copy
import fcntl
import io
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import YAMLError
from ruamel.yaml.scalarstring import LiteralScalarString
from ruamel.yaml.tokens import CommentToken

from bot.kbtools import CaseResult, run_examples
from bot.knowledge import check_knowledge
from bot.normalize import detect_lang

SCOPE_FILE = "scope.yaml"
LOCK_NAME = ".admin-edit.lock"  # a dot file: the watcher and the loader never read it
INDENTS = ((2, 4, 2), (2, 2, 0), (4, 6, 4), (4, 4, 0))  # (mapping, sequence, offset) layouts tried in turn
ACTIONS = ("add_question", "remove_question", "add_out_of_scope", "remove_out_of_scope", "add_entry",
           "remove_entry")
_THREAD_LOCK = threading.Lock()


class EditRefused(Exception):
    """The edit was not written; the message (and problems) say why."""

    def __init__(self, message: str, problems: tuple[str, ...] = ()) -> None:
        super().__init__(message)
        self.problems = problems


@dataclass(frozen=True)
class Edit:
    """One change to the knowledge: which action, on which question, entry or new entry."""

    action: str
    question: str = ""
    entry_id: str = ""
    entry: dict[str, Any] = field(default_factory=dict)  # add_entry: the new entry's fields
    file: str = ""  # add_entry: the file to add it to

    def __post_init__(self) -> None:
        # Plain str: the YAML writer represents no str subclass (the loader's LineStr remembers its line).
        object.__setattr__(self, "question", str(self.question))
        object.__setattr__(self, "entry_id", str(self.entry_id))
        object.__setattr__(self, "file", str(self.file))

    def to_dict(self) -> dict[str, Any]:
        """Return the edit as JSON-ready data (kept in the audit table, to undo it)."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Edit:
        """Rebuild an edit from its audit data."""
        return cls(**{key: data[key] for key in ("action", "question", "entry_id", "entry", "file") if key in data})

    def reverse(self) -> Edit:
        """Return the edit that undoes this one."""
        opposite = {"add_question": "remove_question", "remove_question": "add_question",
                    "add_out_of_scope": "remove_out_of_scope", "remove_out_of_scope": "add_out_of_scope",
                    "add_entry": "remove_entry", "remove_entry": "add_entry"}
        entry_id = self.entry_id or str(self.entry.get("id", ""))
        return Edit(opposite[self.action], self.question, entry_id, self.entry, self.file)


@dataclass(frozen=True)
class Written:
    """An edit that passed the checks and is on disk."""

    edit: Edit
    file: str
    before: str
    after: str
    version: str  # the knowledge version (content hash) with the edit: the live bot reports it once reloaded


def _yaml(indent: tuple[int, int, int]) -> YAML:
    yaml = YAML(typ="rt")
    yaml.width = 4096  # never fold a long answer onto new lines
    yaml.preserve_quotes = True
    yaml.indent(mapping=indent[0], sequence=indent[1], offset=indent[2])
    return yaml


def _load_round_trip(text: str, name: str) -> tuple[Any, YAML]:
    """Parse a file with the first layout that writes it back byte for byte; refuse it otherwise."""
    for indent in INDENTS:
        yaml = _yaml(indent)
        try:
            data = yaml.load(text)
        except YAMLError as exc:
            raise EditRefused(f"{name} is not valid YAML now: {exc}") from None
        if _dump(yaml, data) == text:
            return data, yaml
    raise EditRefused(f"{name} is laid out in a way the page cannot keep exactly (e.g. flow lists over several "
                      "lines); edit it by hand, or reformat it once in block style")


def _dump(yaml: YAML, data: Any) -> str:
    out = io.StringIO()
    yaml.dump(data, out)
    return out.getvalue()


def change_text(text: str, name: str, edit: Edit) -> str:
    """Return a file's text with the edit applied, everything else byte for byte as it was."""
    data, yaml = _load_round_trip(text, name)
    if edit.action in ("add_out_of_scope", "remove_out_of_scope"):
        _edit_scope(data, edit)
    elif edit.action in ("add_question", "remove_question"):
        _edit_questions(_find_entry(data, edit.entry_id, name), edit)
    elif edit.action == "add_entry":
        if any(str(e.get("id")) == edit.entry.get("id") for e in _entries(data, name) if isinstance(e, CommentedMap)):
            raise EditRefused(f"entry '{edit.entry.get('id')}' is already in {name}")
        _append(_entries(data, name), _new_entry(edit.entry))
    elif edit.action == "remove_entry":
        _remove(_entries(data, name), _find_entry(data, edit.entry_id, name))
    else:
        raise EditRefused(f"unknown action {edit.action!r}")
    return _dump(yaml, data)


def _append(listed: CommentedSeq, item: Any) -> None:
    # The comment lines after the last item (often the next section's heading) stay after the list.
    trailing = _pop_trailing_comment(listed)
    listed.append(item)
    if trailing is not None:
        _put_trailing_comment(listed, trailing)


def _remove(listed: CommentedSeq, item: Any) -> None:
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


def _edit_scope(data: Any, edit: Edit) -> None:
    listed = data.get("must_not_answer") if isinstance(data, CommentedMap) else None
    if not isinstance(listed, CommentedSeq):
        raise EditRefused(f"{SCOPE_FILE} has no must_not_answer: list")
    if edit.action == "add_out_of_scope":
        if edit.question in listed:
            raise EditRefused("this question is already in must_not_answer")
        _append(listed, edit.question)
    elif edit.question in listed:
        _remove(listed, edit.question)
    else:
        raise EditRefused("this question is no longer in must_not_answer: nothing to undo")


def _edit_questions(entry: CommentedMap, edit: Edit) -> None:
    lang = "en" if detect_lang(edit.question) == "en" else "ja"
    questions = entry.get("questions")
    listed = questions.get(lang) if isinstance(questions, CommentedMap) else None
    if not isinstance(listed, CommentedSeq):
        raise EditRefused(f"entry '{edit.entry_id}' has no questions: {lang}: list")
    if edit.action == "add_question":
        if edit.question in listed:
            raise EditRefused(f"entry '{edit.entry_id}' already has this question")
        _append(listed, edit.question)
    elif edit.question in listed:
        _remove(listed, edit.question)
    else:
        raise EditRefused(f"entry '{edit.entry_id}' no longer has this question: nothing to undo")


def _entries(data: Any, name: str) -> CommentedSeq:
    entries = data.get("entries") if isinstance(data, CommentedMap) else None
    if not isinstance(entries, CommentedSeq):
        raise EditRefused(f"{name} has no entries: list")
    return entries


def _find_entry(data: Any, entry_id: str, name: str) -> CommentedMap:
    for entry in _entries(data, name):
        if isinstance(entry, CommentedMap) and str(entry.get("id")) == entry_id:
            return entry
    raise EditRefused(f"entry '{entry_id}' is not in {name} any more")


def _new_entry(fields: dict[str, Any]) -> CommentedMap:
    entry = CommentedMap()
    for key in ("id", "category", "title", "questions", "keywords", "answer", "related", "examples"):
        value = fields.get(key)
        if value:
            entry[key] = _commented(value)
    return entry


def _commented(value: Any) -> Any:
    if isinstance(value, dict):
        return CommentedMap((k, _commented(v)) for k, v in value.items() if v)
    if isinstance(value, (list, tuple)):
        return CommentedSeq(_commented(v) for v in value)
    if isinstance(value, str) and "\n" in value:
        return LiteralScalarString(value.replace("\r\n", "\n").strip() + "\n")  # a block, as HR writes answers
    return str(value) if isinstance(value, str) else value


def target_file(kb_dir: Path, edit: Edit, entry_files: dict[str, str]) -> str:
    """Return the knowledge file an edit changes (entry_files: entry id -> file name, from the loaded kb)."""
    if edit.action in ("add_out_of_scope", "remove_out_of_scope"):
        return SCOPE_FILE
    if edit.action == "add_entry":
        name = Path(edit.file).name
        if not name.endswith(".yaml") or name in (SCOPE_FILE, "synonyms.yaml") or not (kb_dir / name).is_file():
            raise EditRefused(f"cannot add an entry to {edit.file!r}: choose one of the knowledge files")
        return name
    if edit.entry_id not in entry_files:
        raise EditRefused(f"there is no entry '{edit.entry_id}'")
    return entry_files[edit.entry_id]


@contextmanager
def directory_lock(kb_dir: Path) -> Iterator[None]:
    """Hold the knowledge directory's edit lock (threads of this process, and other processes)."""
    with _THREAD_LOCK, open(kb_dir / LOCK_NAME, "a+b") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def apply_edit(kb_dir: Path, edit: Edit, entry_files: dict[str, str]) -> Written:
    """Check the knowledge with the edit, then write it atomically; EditRefused (nothing written) otherwise."""
    kb_dir = Path(kb_dir)
    with directory_lock(kb_dir):
        name = target_file(kb_dir, edit, entry_files)
        path = kb_dir / name
        before = path.read_text(encoding="utf-8")  # as it is now, with any change made meanwhile
        after = change_text(before, name, edit)
        version = validate(kb_dir, name, after)
        _write_atomically(path, after)
    return Written(edit, name, before, after, version)


def validate(kb_dir: Path, name: str, text: str) -> str:
    """Run `kb check` and `kb test` on a copy of the knowledge with one file replaced; return the new version."""
    with tempfile.TemporaryDirectory(prefix="minato-kb-edit-") as tmp:
        copy = Path(tmp) / "knowledge"
        shutil.copytree(kb_dir, copy, ignore=shutil.ignore_patterns(".*", "__pycache__"))
        (copy / name).write_text(text, encoding="utf-8")
        kb, problems = check_knowledge(copy)
        errors = tuple(str(p) for p in problems if not p.warning)
        if kb is None or errors:
            raise EditRefused("kb check fails with this change, so nothing was written", errors or ("unusable",))
        failures = [r for r in run_examples(kb) if not r.passed]
        if failures:
            raise EditRefused("kb test fails with this change, so nothing was written",
                              tuple(_describe(f) for f in failures))
        return kb.version


def _describe(result: CaseResult) -> str:
    return (f"{result.where}: '{result.question}' should get {result.expected} but gets {result.got} "
            f"(score {result.score:.1f})")


def _write_atomically(path: Path, text: str) -> None:
    # A hidden temporary file in the same directory (the watcher skips dot files), then one rename.
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o777)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
