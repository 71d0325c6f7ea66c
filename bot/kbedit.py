"""HR's edits to the knowledge YAML from the review page: round-trip, validated first, atomic, never lost.

An edit is applied with ruamel.yaml's round-trip mode, so comments, order, quoting and layout stay as HR wrote
them; only the lines of the change differ. A file whose unchanged round trip is not byte-for-byte the same (a
layout ruamel cannot reproduce) is refused rather than reformatted. Before anything is written, a copy of the
whole knowledge directory with the change must pass `kb check` and `kb test`. Edits are applied one at a time
under a lock on the directory, each to the file as it is on disk then, so two HR people never lose each other's
change. The file is replaced atomically (temporary file + rename): the live-reload watcher sees old or new.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import tempfile
import threading
from contextlib import contextmanager
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Iterator

from ruamel.yaml.comments import CommentedMap, CommentedSeq

from bot.kbtools import TODO, CaseResult, run_examples
from bot.knowledge import check_knowledge
from bot.normalize import detect_lang
from bot.yamledit import LayoutError, append, commented, dump, load_round_trip, remove

SCOPE_FILE = "scope.yaml"
LOCK_NAME = ".admin-edit.lock"  # a dot file: the watcher and the loader never read it
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


def change_text(text: str, name: str, edit: Edit) -> str:
    """Return a file's text with the edit applied, everything else byte for byte as it was."""
    try:
        data, writer = load_round_trip(text, name)
    except LayoutError as exc:
        raise EditRefused(str(exc)) from None
    if edit.action in ("add_out_of_scope", "remove_out_of_scope"):
        _edit_scope(data, edit)
    elif edit.action in ("add_question", "remove_question"):
        _edit_questions(_find_entry(data, edit.entry_id, name), edit)
    elif edit.action == "add_entry":
        if TODO in repr(edit.entry):  # kb check only warns about a TODO; candidates must never be answered one
            raise EditRefused(f"the new entry still has a {TODO}: replace every {TODO} with the real text first")
        if any(str(e.get("id")) == edit.entry.get("id") for e in _entries(data, name) if isinstance(e, CommentedMap)):
            raise EditRefused(f"entry '{edit.entry.get('id')}' is already in {name}")
        append(_entries(data, name), _new_entry(edit.entry))
    elif edit.action == "remove_entry":
        remove(_entries(data, name), _find_entry(data, edit.entry_id, name))
    else:
        raise EditRefused(f"unknown action {edit.action!r}")
    return dump(writer, data)


def _edit_scope(data: Any, edit: Edit) -> None:
    listed = data.get("must_not_answer") if isinstance(data, CommentedMap) else None
    if not isinstance(listed, CommentedSeq):
        raise EditRefused(f"{SCOPE_FILE} has no must_not_answer: list")
    if edit.action == "add_out_of_scope":
        if edit.question in listed:
            raise EditRefused("this question is already in must_not_answer")
        append(listed, edit.question)
    elif edit.question in listed:
        remove(listed, edit.question)
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
        append(listed, edit.question)
    elif edit.question in listed:
        remove(listed, edit.question)
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
            entry[key] = commented(value)
    return entry


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
