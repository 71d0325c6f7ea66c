"""Shared fixtures: the bundled knowledge base and a real SQLite question log in tmp_path."""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import AsyncIterator, Iterator

import pytest

from bot.analytics import QuestionLog
from bot.config import bundled_knowledge_dir
from bot.knowledge import KnowledgeBase, load_knowledge
from bot.matching import Matcher
from bot.service import Answerer
from fake_telegram import FakeBotAPI
from pgcluster import log_location, pg_cluster, pg_url  # noqa: F401  (fixtures: a throwaway PostgreSQL server)


@pytest.fixture(scope="session")
def kb() -> KnowledgeBase:
    """Return the bundled knowledge base."""
    return load_knowledge(bundled_knowledge_dir())


@pytest.fixture(scope="session", autouse=True)
def one_index_for_the_bundled_knowledge(kb: KnowledgeBase) -> Iterator[None]:
    """Let every Answerer built over the session's `kb` share one index, built once per test process.

    A KnowledgeBase is frozen and an index is a function of it (as `serve` shares one engine between its channels),
    so the answers are the same; building an index costs a few tenths of a second of CPU, and hundreds of tests
    build an Answerer with a log of their own over `kb`. Any other knowledge (a copy, a reload, a CLI's own load,
    other match settings) is indexed as before.
    """
    import bot.service

    build = bot.service.Matcher
    shared: list[Matcher] = []

    def matcher(knowledge: KnowledgeBase, *args: object, **kwargs: object) -> Matcher:
        if knowledge is not kb or args or kwargs:
            return build(knowledge, *args, **kwargs)  # type: ignore[arg-type]
        if not shared:
            shared.append(build(kb))
        return shared[0]

    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(bot.service, "Matcher", matcher)
        yield


@pytest.fixture(scope="session")
def plain_answerer(kb: KnowledgeBase) -> Answerer:
    """Return an Answerer over the bundled knowledge with no question log."""
    return Answerer(kb)


@pytest.fixture
def answerer(kb: KnowledgeBase, tmp_path: Path) -> Iterator[Answerer]:
    """Return an Answerer logging to a real SQLite file in tmp_path."""
    logged = Answerer(kb, QuestionLog(tmp_path / "log.db"))
    yield logged
    logged.close()


@pytest.fixture
def kb_copy(tmp_path: Path) -> Path:
    """Return a writable copy of the bundled knowledge directory."""
    target = tmp_path / "knowledge"
    shutil.copytree(bundled_knowledge_dir(), target, ignore=shutil.ignore_patterns("__pycache__"))
    return target


@pytest.fixture
async def fake(request: pytest.FixtureRequest) -> AsyncIterator[FakeBotAPI]:
    """Run a fake Telegram Bot API on 127.0.0.1 for the test module's TOKEN."""
    async with FakeBotAPI(request.module.TOKEN) as api:
        yield api
