"""The collector pauses while knowledge is loaded or indexed, and always comes back as it was."""

from __future__ import annotations

import gc
import threading
from pathlib import Path

import pytest

from bot.gcpause import FREEZE_FROM_ENTRIES, YOUNG_COLLECTION_EVERY, gc_paused, keep_out_of_collections
from bot.knowledge import KnowledgeError, check_knowledge, load_knowledge


def test_pauses_nest_and_the_collector_comes_back() -> None:
    assert gc.isenabled()
    with gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            assert not gc.isenabled()
        assert not gc.isenabled()  # the outer pause still runs
    assert gc.isenabled()


def test_a_pause_leaves_a_disabled_collector_disabled() -> None:
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_overlapping_pauses_in_two_threads_end_with_the_collector_on() -> None:
    inside, release = threading.Event(), threading.Event()

    def load() -> None:
        with gc_paused():
            inside.set()
            release.wait(10)

    worker = threading.Thread(target=load)
    with gc_paused():
        worker.start()
        assert inside.wait(10)
    assert not gc.isenabled()  # the other thread's pause outlives this one
    release.set()
    worker.join(10)
    assert gc.isenabled()


def test_loading_bad_knowledge_still_brings_the_collector_back(tmp_path: Path) -> None:
    (tmp_path / "bad.yaml").write_text("entries: [\n", encoding="utf-8")
    with pytest.raises(KnowledgeError):
        load_knowledge(tmp_path)
    assert gc.isenabled()
    check_knowledge(tmp_path)
    assert gc.isenabled()


def test_an_index_is_frozen_unless_the_base_is_empty() -> None:
    before = gc.get_freeze_count()
    try:
        assert not keep_out_of_collections(FREEZE_FROM_ENTRIES - 1)
        assert gc.get_freeze_count() == before
        assert keep_out_of_collections(FREEZE_FROM_ENTRIES)
        assert gc.get_freeze_count() > before
    finally:
        gc.unfreeze()


def test_young_objects_are_collected_less_often_once_an_index_is_frozen() -> None:
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        assert keep_out_of_collections(1)
        assert gc.get_threshold() == (YOUNG_COLLECTION_EVERY, 10, 10)
        gc.set_threshold(0, 10, 10)  # a host that turned the collector off keeps it off
        keep_out_of_collections(1)
        assert gc.get_threshold()[0] == 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
