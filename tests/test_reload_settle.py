"""Reloads go live only when the files have settled, complete and valid (driven by a fake clock, no sleeping)."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from bot.knowledge import content_version, load_knowledge
from bot.reload import KnowledgeWatcher
from bot.service import Answerer, Question
from bot.yamlsource import MAX_FILE_BYTES

SETTLE = 1.0
PAUSE = 0.9 * SETTLE  # a writer pausing between its two parts, a little less than the settle window


class FakeClock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def setup(kb_copy: Path) -> tuple[Answerer, KnowledgeWatcher, FakeClock]:
    clock = FakeClock()
    answerer = Answerer(load_knowledge(kb_copy))
    return answerer, KnowledgeWatcher(answerer, kb_copy, interval=1.0, settle=SETTLE, clock=clock), clock


def settle(watcher: KnowledgeWatcher, clock: FakeClock) -> bool:
    """Let the settle window pass with two looks, as the polling thread would; return whether it went live."""
    watcher.poll()
    clock.now += SETTLE
    return watcher.poll()


def edited(text: str, mark: str) -> str:
    """Return a file's text with a harmless edit: a comment line, so the version changes and it stays valid."""
    return text + f"# edited: {mark}\n"


def test_no_half_written_version_ever_goes_live(setup: tuple[Answerer, KnowledgeWatcher, FakeClock],
                                                kb_copy: Path) -> None:
    answerer, watcher, clock = setup
    complete = {answerer.kb.version}  # versions of directories with every file whole
    paths = sorted(kb_copy.glob("*.yaml"))
    cuts_tried = 0
    for path in paths:
        new_text = edited(path.read_text(encoding="utf-8"), path.name)
        lines = new_text.splitlines(keepends=True)
        for cut in range(1, len(lines), 4):  # many line boundaries of every file
            path.write_text("".join(lines[:cut]), encoding="utf-8")  # part one ...
            watcher.poll()
            clock.now += PAUSE  # ... a pause shorter than the settle window ...
            watcher.poll()
            path.write_text(new_text, encoding="utf-8")  # ... part two
            complete.add(content_version(kb_copy))
            watcher.poll()
            assert answerer.kb.version in complete  # never a cut version
            cuts_tried += 1
        clock.now += PAUSE
        watcher.poll()
        assert settle(watcher, clock), path.name  # the whole file, left alone for the settle window, goes live
        assert answerer.kb.version == content_version(kb_copy)
    assert cuts_tried > 700 and watcher.problems == []


def test_a_good_edit_goes_live_only_after_the_settle_window(setup: tuple[Answerer, KnowledgeWatcher, FakeClock],
                                                            kb_copy: Path) -> None:
    answerer, watcher, clock = setup
    before = answerer.kb.version
    path = kb_copy / "welfare.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("職員住宅はありますか？", "職員用の住まいは用意されていますか？"),
                    encoding="utf-8")
    assert not watcher.poll()
    clock.now += SETTLE - 0.01
    assert not watcher.poll() and answerer.kb.version == before
    clock.now += 0.01
    assert watcher.poll() and answerer.kb.version == content_version(kb_copy) != before
    assert answerer.answer(Question("職員用の住まいは用意されていますか？")).entry_id == "housing-staff"


def test_a_cut_scope_yaml_left_that_way_is_rejected_for_its_missing_sections(
        setup: tuple[Answerer, KnowledgeWatcher, FakeClock], kb_copy: Path) -> None:
    answerer, watcher, clock = setup
    before = answerer.kb.version
    path = kb_copy / "scope.yaml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:300]), encoding="utf-8")
    assert not settle(watcher, clock)
    assert answerer.kb.version == before and watcher.checks == 1
    assert any("missing section(s)" in str(p) and "menu" in str(p) for p in watcher.problems)
    assert answerer.answer(Question("今日の天気は？")).kind == "fallback"  # rejection still works


def test_a_huge_file_is_rejected_by_size_and_does_not_hold_back_the_next_edit(
        setup: tuple[Answerer, KnowledgeWatcher, FakeClock], kb_copy: Path) -> None:
    answerer, watcher, clock = setup
    huge = kb_copy / "huge.yaml"
    with huge.open("wb") as handle:
        handle.truncate(50 * MAX_FILE_BYTES)
    assert not settle(watcher, clock)
    assert [str(p) for p in watcher.problems][0].startswith("huge.yaml:1: the file is 50,000,000 bytes")
    huge.unlink()
    path = kb_copy / "panel.yaml"
    path.write_text(edited(path.read_text(encoding="utf-8"), "after the huge file"), encoding="utf-8")
    assert settle(watcher, clock) and answerer.kb.version == content_version(kb_copy)


def test_a_file_changing_while_it_loads_is_not_taken(setup: tuple[Answerer, KnowledgeWatcher, FakeClock],
                                                     kb_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answerer, watcher, clock = setup
    before = answerer.kb.version
    path = kb_copy / "panel.yaml"
    path.write_text(edited(path.read_text(encoding="utf-8"), "one"), encoding="utf-8")
    import bot.reload as reload

    real_check = reload.check_knowledge

    def check_then_edit(directory: Path):  # type: ignore[no-untyped-def]
        result = real_check(directory)
        path.write_text(edited(path.read_text(encoding="utf-8"), "two"), encoding="utf-8")  # a save mid-load
        return result

    monkeypatch.setattr(reload, "check_knowledge", check_then_edit)
    assert not settle(watcher, clock) and answerer.kb.version == before
    monkeypatch.setattr(reload, "check_knowledge", real_check)
    clock.now += SETTLE
    assert watcher.poll() and answerer.kb.version == content_version(kb_copy)


def test_the_reload_log_line_says_which_entries_were_added_removed_and_edited(
        setup: tuple[Answerer, KnowledgeWatcher, FakeClock], kb_copy: Path, caplog: pytest.LogCaptureFixture) -> None:
    answerer, watcher, clock = setup
    caplog.set_level(logging.INFO, logger="bot.reload")
    for path in kb_copy.glob("*.yaml"):  # rename one entry everywhere it is named
        path.write_text(path.read_text(encoding="utf-8").replace("housing-staff", "housing-for-staff"),
                        encoding="utf-8")
    welfare = kb_copy / "welfare.yaml"
    welfare.write_text(welfare.read_text(encoding="utf-8").replace("ja: 区役所の食堂は眺望抜群で", "ja: 区役所の職員食堂は眺望抜群で"),
                       encoding="utf-8")
    assert settle(watcher, clock), watcher.problems
    line = next(r.getMessage() for r in caplog.records if r.getMessage().startswith("knowledge reloaded"))
    assert "added: housing-for-staff" in line and "removed: housing-staff" in line
    assert "edited: cafeteria, commute-residence, commute-time" in line  # the answer, and two related lists
    assert "scope.yaml changed" in line


def test_an_editor_swap_file_changing_does_not_hold_back_a_saved_edit(
        setup: tuple[Answerer, KnowledgeWatcher, FakeClock], kb_copy: Path) -> None:
    answerer, watcher, clock = setup
    path = kb_copy / "panel.yaml"
    path.write_text(edited(path.read_text(encoding="utf-8"), "saved"), encoding="utf-8")
    swap = kb_copy / ".panel.yaml.swp"
    live = []
    for keystroke in range(4):  # the editor is still open and keeps writing its swap file
        swap.write_bytes(b"x" * (keystroke + 1))
        live.append(watcher.poll())
        clock.now += SETTLE / 2
    assert live == [False, False, True, False] and answerer.kb.version == content_version(kb_copy)
