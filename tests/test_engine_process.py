"""`serve`'s engine process: answers computed in a process of their own, logged, and the process replaced if it dies."""

from __future__ import annotations

import os
import signal
import sqlite3
from pathlib import Path

from bot.config import Settings, bundled_knowledge_dir, load_settings
from bot.service import Question
from handlers.engineproc import EngineProcess
from handlers.serving import engine_of


def settings_for(tmp_path: Path) -> Settings:
    return Settings(kb_dir=bundled_knowledge_dir(), db_path=tmp_path / "log.db", cache_dir=tmp_path / "cache",
                    reload_seconds=3600.0)


async def test_an_answer_is_computed_and_logged_in_the_engine_process(tmp_path: Path) -> None:
    engine = EngineProcess(settings_for(tmp_path))
    try:
        reply = await engine.answer(Question("食堂はありますか", channel="web", user_id="candidate-1"))
        assert (reply.kind, reply.entry_id) == ("answer", "cafeteria")
        assert reply.log_id  # sent only once its row is committed
        # a follow-up reads the conversation the engine process keeps in the log's database
        follow_up = await engine.answer(Question("何階？", channel="web", user_id="candidate-1"))
        assert follow_up.log_id and follow_up.log_id != reply.log_id
        process = engine._process
        assert process.pid != os.getpid()
    finally:
        await engine.close()
    assert not process.is_alive() and process.exitcode == 0  # it stopped by itself once the server closed its end
    with sqlite3.connect(tmp_path / "log.db") as db:
        logged = {row[0] for row in db.execute("SELECT id FROM questions")}
    assert {reply.log_id, follow_up.log_id} <= logged


async def test_an_engine_process_that_dies_is_replaced_by_a_new_one(tmp_path: Path) -> None:
    engine = EngineProcess(settings_for(tmp_path))
    try:
        await engine.start()
        first = engine._process
        os.kill(first.pid, signal.SIGKILL)
        first.join()
        assert engine._reader_task is not None
        await engine._reader_task  # the server has read the end of the dead engine's socket
        reply = await engine.answer(Question("職員住宅はありますか", channel="web"))
        assert reply.entry_id == "housing-staff" and engine._process.pid != first.pid
    finally:
        await engine.close()


def test_serve_answers_in_an_engine_process_only_with_a_question_log(tmp_path: Path) -> None:
    logged = load_settings(None, {"MINATO_DB": str(tmp_path / "log.db")})
    assert isinstance(engine_of(logged), EngineProcess)
    assert engine_of(load_settings(None, {"MINATO_DB": str(tmp_path / "log.db"), "MINATO_ENGINE_PROCESS": "off"})) is None
    # without a log, conversations live in each process's memory: the server's own threads answer
    assert engine_of(load_settings(None, {"MINATO_DB": "off"})) is None
