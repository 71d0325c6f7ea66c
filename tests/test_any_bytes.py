"""Every channel accepts any bytes: invalid UTF-8, lone surrogates, NUL and control characters, huge lines."""

from __future__ import annotations

import io
import json
import logging
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.analytics import QuestionLog, iter_rows
from bot.config import Settings
from bot.knowledge import KnowledgeBase
from bot.service import Answerer, Question
from bot.textsafe import MAX_INPUT_CHARS, clean_input, read_lines
from handlers.web import create_app

NASTY = "\ud800食堂\x00は\x1b[31mあります\udfffか\x7f\x85\r\n"


def test_the_seam_replaces_lone_surrogates_and_controls_and_caps_the_text() -> None:
    question = Question(NASTY + "あ" * 10_000, user_id="U\ud800", entry_id="e\x00")
    assert question.text.startswith("\ufffd食堂\ufffdは\ufffd[31mあります\ufffdか\ufffd\ufffd\n")
    assert MAX_INPUT_CHARS - 1 <= len(question.text) <= MAX_INPUT_CHARS  # capped first, then CR LF -> LF
    assert question.user_id == "U\ufffd" and question.entry_id == "e\ufffd"
    assert Question("行1\r\n行2\t列").text == "行1\n行2\t列"
    assert clean_input(None) == ""


def test_a_nasty_question_is_answered_and_its_row_written(kb: KnowledgeBase, tmp_path: Path) -> None:
    answerer = Answerer(kb, QuestionLog(tmp_path / "log.db"))
    reply = answerer.answer(Question(NASTY, channel="line", user_id="U\udc80"))
    answerer.close()
    [row] = iter_rows(tmp_path / "log.db")
    assert row["id"] == reply.log_id and row["question"].startswith("\ufffd食堂")
    assert reply.to_dict(NASTY)["question"] == Question(NASTY).text  # the echo is what the bot read
    json.dumps(reply.to_dict(NASTY), ensure_ascii=False).encode("utf-8")  # no lone surrogate left to encode


def test_feedback_with_a_lone_surrogate_is_refused_quietly(answerer: Answerer,
                                                          caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        assert not answerer.feedback("\ud800abc", True)
    assert not caplog.records


async def test_api_ask_answers_a_lone_surrogate_and_logs_it(kb: KnowledgeBase, tmp_path: Path) -> None:
    question_log = QuestionLog(tmp_path / "log.db")
    answerer = Answerer(kb, question_log)
    client = TestClient(TestServer(create_app(answerer, Settings(rate_limit_per_minute=0)), host="127.0.0.1"))
    await client.start_server()
    try:
        bodies = [b'{"question": "\\ud800"}', b'{"question": "\\udfff\\u98df\\u5802\\u306f\\u3042\\u308b\\uff1f"}',
                  b'{"question": "\\u0000\\u001b[2J\\ud800"}', b'{"question": "\\ud83d\\ude00\\ud800\\ud800"}']
        replies = []
        for body in bodies:
            response = await client.post("/api/ask", data=body, headers={"Content-Type": "application/json"})
            assert response.status == 200, await response.text()
            replies.append(json.loads(await response.read()))  # strict UTF-8: no surrogate escapes come back
        assert replies[1]["entry_id"] == "cafeteria" and replies[1]["question"] == "\ufffd食堂はある？"
        assert replies[3]["question"] == "😀\ufffd\ufffd"
    finally:
        await client.close()
        answerer.close()
    with sqlite3.connect(tmp_path / "log.db") as db:
        logged = {row[0] for row in db.execute("SELECT id FROM questions")}
    assert logged == {reply["log_id"] for reply in replies}


def test_read_lines_replaces_bad_utf8_and_cuts_long_lines() -> None:
    data = b"\xef\xbb\xbf\xe9\xa3\x9f\xe5\xa0\x82\r\nbad \xff\xfe byte\n" + b"x" * 300 + b"\n\xed\xa0\x80\nlast"
    assert list(read_lines(io.BytesIO(data), max_bytes=100)) == [
        "食堂", "bad \ufffd\ufffd byte", "x" * 100, "\ufffd\ufffd\ufffd", "last"]


def test_ask_answers_every_stdin_line_even_invalid_utf8_and_a_100kb_line(tmp_path: Path) -> None:
    lines = [b"\xe9\xa3\x9f\xe5\xa0\x82\xe3\x81\xaf\xe3\x81\x82\xe3\x82\x8b\xef\xbc\x9f",  # 食堂はある？
             b"\xff\xfe\xfd", b"\xed\xa0\x80 lone surrogate", b"1" * 100_000, b"\x00\x1b[2J", b"",
             b"\xe9\xa3\x9f\xe5\xa0"]  # cut in the middle of a character
    result = subprocess.run([sys.executable, "-m", "bot", "ask", "--json"], input=b"\n".join(lines) + b"\n",
                            capture_output=True, env={"MINATO_DB": str(tmp_path / "log.db"), "PATH": "/usr/bin:/bin"},
                            cwd=tmp_path, timeout=120)
    assert result.returncode == 0, result.stderr.decode(errors="replace")
    replies = [json.loads(line) for line in result.stdout.decode("utf-8").splitlines()]
    assert len(replies) == len(lines) and b"Traceback" not in result.stderr
    assert replies[0]["entry_id"] == "cafeteria" and replies[1]["question"] == "\ufffd\ufffd\ufffd"
    assert len(replies[3]["question"]) == MAX_INPUT_CHARS


def test_kb_explain_and_new_entry_take_an_argument_with_undecodable_bytes(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from bot.cli import cli

    undecodable = "食堂\udcff\udcfe"  # how Python hands over argv bytes that are not UTF-8
    for args in (["kb", "explain", undecodable], ["kb", "new-entry", undecodable]):
        result = CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), *args],
                                    env={"MINATO_DB": str(tmp_path / "log.db"), "MINATO_KB_DIR": ""})
        assert result.exit_code == 0 and result.exception is None, (args, result.output, result.exception)
