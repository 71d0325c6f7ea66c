"""Edits from the HR page: comments kept byte for byte, nothing written unless kb check and kb test pass, no lost edit."""

from __future__ import annotations

import difflib
import threading
from pathlib import Path

import pytest

from bot.kbedit import Edit, EditRefused, apply_edit, change_text
from bot.knowledge import load_knowledge

COMMENTED = """\
# 福利厚生 — HR's notes stay exactly where they are.
entries:
  - id: housing-staff   # the entry candidates ask about most
    category: welfare
    title:
      ja: 職員住宅
      en: Staff housing
    questions:
      ja:
        - 職員住宅はありますか？
        # 話し言葉の言い方
        - "社宅はある？"
        - 'いえ: ある？'
      en:
        - Is there staff housing?   # keep
    keywords: [社宅, 寮]
    answer:
      ja: |
        区内に職員住宅があります。
        詳しくは採用案内へ。
      en: >-
        There is staff housing
        in the city.

# ---- the next entry: a heading comment that must stay above it ----
  - id: cafeteria
    category: welfare
    title: {ja: 食堂, en: Cafeteria}
    questions:
      ja: [食堂はある？]
      en:
        - Is there a cafeteria?

        # trailing notes after the last question
"""


def _changed_lines(before: str, after: str) -> list[str]:
    return [line for line in difflib.ndiff(before.splitlines(), after.splitlines()) if line[:1] in "+-"]


def test_an_added_question_changes_one_line_and_undo_restores_every_byte() -> None:
    edit = Edit("add_question", "寮はどこ？", "housing-staff")
    after = change_text(COMMENTED, "welfare.yaml", edit)
    assert _changed_lines(COMMENTED, after) == ["+         - 寮はどこ？"]
    assert after.index("寮はどこ？") < after.index("      en:\n        - Is there staff housing?")
    assert change_text(after, "welfare.yaml", edit.reverse()) == COMMENTED

    english = Edit("add_question", "Can I live in a dorm?", "cafeteria")
    after = change_text(COMMENTED, "welfare.yaml", english)
    assert _changed_lines(COMMENTED, after) == ["+         - Can I live in a dorm?"]
    assert after.index("Can I live in a dorm?") < after.index("# trailing notes")  # notes stay after the list
    assert change_text(after, "welfare.yaml", english.reverse()) == COMMENTED


def test_a_new_entry_is_appended_and_removed_without_touching_the_rest() -> None:
    entry = {"id": "dorm-rules", "category": "welfare", "title": {"ja": "寮の規則", "en": "Dorm rules"},
             "questions": {"ja": ["寮の門限は？"], "en": ["Is there a curfew?"]},
             "answer": {"ja": "一行目\n二行目", "en": "Yes: at 23:00.", "easy": "はい"}, "related": ["cafeteria"]}
    edit = Edit("add_entry", "寮の門限は？", "dorm-rules", entry, "welfare.yaml")
    after = change_text(COMMENTED, "welfare.yaml", edit)
    assert after.startswith(COMMENTED.rstrip("\n").rsplit("\n", 1)[0])  # everything before the end, untouched
    assert all(line.startswith("+") for line in _changed_lines(COMMENTED, after))
    assert "  - id: dorm-rules\n" in after and "      ja: |\n        一行目\n        二行目\n" in after
    assert change_text(after, "welfare.yaml", edit.reverse()) == COMMENTED


def test_a_layout_that_cannot_be_kept_is_refused() -> None:
    folded = "entries:\n  - id: a\n    keywords: [one, two,\n       three]\n"
    with pytest.raises(EditRefused, match="cannot keep exactly"):
        change_text(folded, "x.yaml", Edit("add_question", "q", "a"))


def test_nothing_is_written_unless_kb_check_and_kb_test_pass(kb_copy: Path) -> None:
    kb = load_knowledge(kb_copy)
    files = {e.id: e.source.split(":")[0] for e in kb.entries}
    before = {p.name: p.read_bytes() for p in kb_copy.glob("*.yaml")}
    answered = kb.by_id["housing-staff"].questions["ja"][0]
    with pytest.raises(EditRefused, match="kb test fails") as refused:
        apply_edit(kb_copy, Edit("add_out_of_scope", answered), files)
    assert any(answered in problem and "housing-staff" in problem for problem in refused.value.problems)
    with pytest.raises(EditRefused, match="kb check fails") as refused:  # the question belongs to another entry
        apply_edit(kb_copy, Edit("add_question", answered, "cafeteria"), files)
    assert any("also under" in problem for problem in refused.value.problems)
    assert {p.name: p.read_bytes() for p in kb_copy.glob("*.yaml")} == before
    assert not [p for p in kb_copy.iterdir() if p.name.endswith(".tmp")]


def test_two_hr_people_at_once_keep_both_changes(kb_copy: Path) -> None:
    kb = load_knowledge(kb_copy)
    files = {e.id: e.source.split(":")[0] for e in kb.entries}
    mode = (kb_copy / "welfare.yaml").stat().st_mode
    edits = [Edit("add_question", "寮の空き状況は？", "housing-staff"), Edit("add_question", "社食の席数は？", "cafeteria")]
    start = threading.Barrier(len(edits))
    errors: list[BaseException] = []

    def apply(edit: Edit) -> None:
        start.wait()  # both read the same file at the same moment, were it not for the lock
        try:
            apply_edit(kb_copy, edit, files)
        except BaseException as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=apply, args=(edit,)) for edit in edits]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors
    reloaded = load_knowledge(kb_copy)
    assert "寮の空き状況は？" in reloaded.by_id["housing-staff"].questions["ja"]
    assert "社食の席数は？" in reloaded.by_id["cafeteria"].questions["ja"]
    assert (kb_copy / "welfare.yaml").stat().st_mode == mode


def test_words_the_bots_yaml_reader_would_not_read_as_text_are_quoted() -> None:
    import yaml

    for word in ("yes", "On", "no", "1_000", "1:20", "null", "~"):
        after = change_text(COMMENTED, "welfare.yaml", Edit("add_question", word, "housing-staff"))
        questions = yaml.safe_load(after)["entries"][0]["questions"]
        assert word in questions["ja"] + questions["en"], word  # a string, not True, 1000 or None
