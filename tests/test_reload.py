"""Live reload: a running bot picks up good knowledge edits, keeps answering through broken ones."""

from __future__ import annotations

import logging
import os
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import Callable, Iterator

import pytest

from bot.config import Settings
from bot.service import Answerer, Question

QUESTION = "ペンギン係の制服は何色ですか？"
ENTRY = """entries:
  - id: penguin-uniform
    category: welfare
    title:
      ja: ペンギン係の制服
      en: Penguin uniform
    questions:
      ja:
        - ペンギン係の制服は何色ですか？
        - ペンギン係の制服の色を教えて
      en:
        - What colour is the penguin keeper uniform?
        - Penguin keeper uniform colour
    answer:
      ja: {answer}
      en: It is {answer}.
      easy: {answer}
"""
PROMPT = "\n> "
BROKEN_YAML = ENTRY.format(answer="青です") + "  - id: [unclosed\n"
MISSING_ENGLISH = ENTRY.format(answer="緑です").replace("      en: It is 緑です.\n", "")


def wait_for(predicate: Callable[[], object], timeout: float = 15.0, every: float = 0.02) -> None:
    """Poll until predicate() is truthy; fail after timeout seconds."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"still false after {timeout}s: {predicate}")
        time.sleep(every)


@pytest.fixture
def watched(kb_copy: Path, tmp_path: Path) -> Iterator[Answerer]:
    """Return an Answerer built the way `chat`/`serve` build it, watching a copy of the knowledge."""
    settings = Settings(kb_dir=kb_copy, db_path=tmp_path / "log.db", reload_seconds=0.05)
    answerer = Answerer.from_settings(settings, watch=True)
    yield answerer
    answerer.close()


def test_a_good_edit_is_answered_and_logged_with_its_version(watched: Answerer, kb_copy: Path,
                                                             tmp_path: Path) -> None:
    before = watched.kb.version
    assert watched.answer(Question(QUESTION)).entry_id != "penguin-uniform"
    (kb_copy / "penguin.yaml").write_text(ENTRY.format(answer="青です"), encoding="utf-8")
    wait_for(lambda: watched.answer(Question(QUESTION)).entry_id == "penguin-uniform")
    reply = watched.answer(Question(QUESTION, channel="test"))
    assert reply.text == "青です" and reply.kb_version == watched.kb.version != before
    watched.close()  # flushes the log
    with sqlite3.connect(tmp_path / "log.db") as db:
        versions = [row[0] for row in db.execute("SELECT kb_version FROM questions ORDER BY ts, rowid")]
    assert versions[0] == before and versions[-1] == reply.kb_version


def test_a_broken_edit_is_rejected_and_logged_then_the_fix_applies(watched: Answerer, kb_copy: Path,
                                                                   caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.ERROR, logger="bot.reload")
    path = kb_copy / "penguin.yaml"
    path.write_text(ENTRY.format(answer="青です"), encoding="utf-8")
    wait_for(lambda: watched.answer(Question(QUESTION)).text == "青です")
    good = watched.kb.version
    watcher = watched.watcher
    assert watcher is not None
    for broken, message in ((BROKEN_YAML, "bad YAML"), (MISSING_ENGLISH, "missing language 'en'")):
        checks = watcher.checks
        path.write_text(broken, encoding="utf-8")
        wait_for(lambda: watcher.checks > checks)
        assert any(message in str(p) for p in watcher.problems)
        assert any("penguin.yaml:" in r.getMessage() and message in r.getMessage() for r in caplog.records)
        assert watched.answer(Question(QUESTION)).text == "青です" and watched.kb.version == good
    path.write_text(ENTRY.format(answer="赤です"), encoding="utf-8")
    wait_for(lambda: watched.answer(Question(QUESTION)).text == "赤です")
    assert watcher.problems == [] and watched.kb.version != good


def test_close_stops_the_watcher(watched: Answerer) -> None:
    watcher = watched.watcher
    assert watcher is not None and watcher.running
    watched.close()
    assert not watcher.running


def test_no_watcher_unless_asked(kb_copy: Path, tmp_path: Path) -> None:
    answerer = Answerer.from_settings(Settings(kb_dir=kb_copy, db_path=tmp_path / "log.db"), with_log=False)
    assert answerer.watcher is None
    answerer.close()


class _Output:
    """Collects a child process's standard output on a thread."""

    def __init__(self, stream) -> None:  # type: ignore[no-untyped-def]
        self.text = ""
        self._thread = threading.Thread(target=self._read, args=(stream,), daemon=True)
        self._thread.start()

    def _read(self, stream) -> None:  # type: ignore[no-untyped-def]
        for chunk in iter(lambda: stream.read1(4096), b""):
            self.text += chunk.decode("utf-8", "replace")


def test_terminal_chat_picks_up_an_edit_without_a_restart(kb_copy: Path, tmp_path: Path) -> None:
    env = {**os.environ, "MINATO_KB_DIR": str(kb_copy), "MINATO_DB": str(tmp_path / "log.db"),
           "MINATO_RELOAD_SECONDS": "0.05"}
    chat = subprocess.Popen([sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "chat"],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, env=env, cwd=tmp_path)
    assert chat.stdin is not None and chat.stdout is not None
    output = _Output(chat.stdout)
    try:
        def say(text: str) -> None:
            chat.stdin.write(f"{text}\n".encode())  # type: ignore[union-attr]
            chat.stdin.flush()  # type: ignore[union-attr]

        say(QUESTION)
        wait_for(lambda: output.text.count(PROMPT) >= 2)  # the first reply came back
        assert "白です" not in output.text
        (kb_copy / "penguin.yaml").write_text(ENTRY.format(answer="白です"), encoding="utf-8")
        prompts = [output.text.count(PROMPT)]

        def answered_from_the_edit() -> bool:
            if "白です" in output.text:
                return True
            if output.text.count(PROMPT) > prompts[0]:  # the last question was answered: ask again
                prompts[0] = output.text.count(PROMPT)
                say(QUESTION)
            return False

        say(QUESTION)
        wait_for(answered_from_the_edit)
        say("/quit")
        assert chat.wait(timeout=15) == 0
    finally:
        if chat.poll() is None:
            chat.kill()
