"""The index build's analyses kept on disk: used when valid, ignored when corrupt or stale, never needed."""

from __future__ import annotations

import importlib
import logging
import sys
from pathlib import Path

import pytest

from bot.analysiscache import SHELF, AnalysisCache, cache_key
from bot.analyzer import morphemes
from bot.config import bundled_knowledge_dir, load_settings
from bot.knowledge import KnowledgeBase
from bot.normalize import Token, analyze, forget_analyses
from bot.service import Answerer, Question

TEXTS = ("職員住宅はありますか", "研修の内容を教えて", "What is the population of Minato City?")
QUESTIONS = ("食堂はありますか", "しょくどうはある？", "大師館はいくつ？", "shokudou wa arimasu ka", "渋谷区の人口は？",
             "プレクラスは何月まで？", "What training do new staff get?", "寮の家賃は？")


def analyse_in_build(cache: AnalysisCache) -> list[tuple[Token, ...]]:
    with cache.building():
        return [analyze(text) for text in TEXTS]


def test_a_build_keeps_its_analyses_and_the_next_one_uses_them(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    fresh = analyse_in_build(cache)
    stored = cache.read()
    assert set(stored["tokens"]) == set(TEXTS)
    # The stored analysis is what the next build reads: a planted one proves it is not analysed again.
    planted = Token("港", "planted", "", "名詞")
    stored["tokens"][TEXTS[0]] = (tuple(planted),)
    cache.write(stored)
    assert analyse_in_build(cache) == [(planted,), *fresh[1:]]
    forget_analyses()
    assert [analyze(text) for text in TEXTS] == fresh  # outside a build nothing is read from the file
    assert SHELF.used is None and not SHELF.stored


def test_the_file_holds_what_the_last_build_used(tmp_path: Path) -> None:
    cache = AnalysisCache(tmp_path)
    analyse_in_build(cache)
    with cache.building():  # the knowledge was edited: one text left
        analyze(TEXTS[1])
    assert set(cache.read()["tokens"]) == {TEXTS[1]}


@pytest.mark.parametrize("damage", ["garbage", "truncated", "flipped", "empty"])
def test_a_corrupt_file_is_ignored_and_made_again(tmp_path: Path, damage: str, caplog: pytest.LogCaptureFixture) -> None:
    cache = AnalysisCache(tmp_path)
    fresh = analyse_in_build(cache)
    data = cache.path.read_bytes()
    broken = {"garbage": b"\x00not an analyses file" * 10, "truncated": data[:len(data) // 2],
              "flipped": data[:-5] + bytes([data[-5] ^ 0xFF]) + data[-4:], "empty": b""}[damage]
    cache.path.write_bytes(broken)
    forget_analyses()
    with caplog.at_level(logging.WARNING, logger="bot.analysiscache"):
        assert cache.read() == {}
        assert analyse_in_build(cache) == fresh
    assert "corrupt" in caplog.text
    assert set(cache.read()["tokens"]) == set(TEXTS)  # replaced by a whole, valid file


def test_an_unwritable_directory_only_costs_speed(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the cache directory should be")
    forget_analyses()
    expected = [analyze(text) for text in TEXTS]
    with caplog.at_level(logging.WARNING, logger="bot.analysiscache"):
        assert analyse_in_build(AnalysisCache(blocker / "cache")) == expected
    assert "cannot write the analyses cache" in caplog.text


def test_the_key_changes_with_the_code_and_the_dependencies(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    code = tmp_path / "analyzer.py"
    code.write_text("# version 1\n")
    package = tmp_path / "fakedict"
    (package / "resources").mkdir(parents=True)
    (package / "__init__.py").write_text("")
    (package / "resources" / "system.dic").write_bytes(b"dictionary 1")
    monkeypatch.syspath_prepend(str(tmp_path))
    importlib.invalidate_caches()
    keys = [cache_key(code, ("fakedict",))]
    code.write_text("# version 2\n")
    keys.append(cache_key(code, ("fakedict",)))
    (package / "resources" / "system.dic").write_bytes(b"a newer dictionary")
    keys.append(cache_key(code, ("fakedict",)))
    assert len(set(keys)) == 3
    assert cache_key(code, ("fakedict",)) == keys[-1]  # and stays the same while nothing changes
    assert "fakedict" not in sys.modules  # looked at, never imported


def test_answers_are_the_same_with_a_cold_and_a_warm_cache(kb: KnowledgeBase, plain_answerer: Answerer,
                                                          tmp_path: Path) -> None:
    expected = [plain_answerer.answer(Question(q)).to_dict(q) for q in QUESTIONS]
    for _ in ("cold", "warm"):
        cached = Answerer(kb, analyses=AnalysisCache(tmp_path))
        assert [cached.answer(Question(q)).to_dict(q) for q in QUESTIONS] == expected
    assert cached.matcher.vocabulary.concept_keys() == plain_answerer.matcher.vocabulary.concept_keys()


def test_the_cache_directory_setting(tmp_path: Path) -> None:
    assert load_settings(None, {"XDG_CACHE_HOME": str(tmp_path)}).cache_dir == tmp_path / "minato-bot"
    assert load_settings(None, {"MINATO_CACHE_DIR": str(tmp_path / "c")}).cache_dir == tmp_path / "c"
    assert load_settings(None, {"HOME": str(tmp_path)}).cache_enabled
    assert not load_settings(None, {"MINATO_CACHE_DIR": "off"}).cache_enabled
    assert bundled_knowledge_dir().is_dir()
