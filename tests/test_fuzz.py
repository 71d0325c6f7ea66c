"""Fuzzing with hypothesis: over 10,000 generated inputs through `ask --json` and a real `serve` on loopback.

Inputs: text with lone surrogates, control characters and emoji, raw bytes (invalid UTF-8), huge repeats and
personal data. Batched (one `ask` process, one server for all examples) and derandomized, so a run is
reproducible and takes well under a minute.
"""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from pathlib import Path
from typing import IO, Iterator

import pytest
from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from ports import free_port

ASK_EXAMPLES, ASK_BATCH = 60, 100  # 6,000 lines through one `ask --json`
API_EXAMPLES, API_BATCH = 80, 50  # 4,000 bodies through one `serve`
FUZZ = settings(max_examples=ASK_EXAMPLES, deadline=None, derandomize=True, database=None,
                phases=[Phase.explicit, Phase.generate],  # a failing batch is printed whole, not shrunk
                suppress_health_check=list(HealthCheck))

ANY_CHAR = st.one_of(st.characters(codec=None, exclude_categories=()),  # controls, private use, unassigned...
                     st.characters(categories=["Cs"]),  # lone surrogates
                     st.sampled_from("😀👩‍👩‍👧‍👦🇯🇵\u200d\ufe0f\u202e\x1b\x00\r\t食堂寮港区ー１＠．"))
TEXT = st.text(ANY_CHAR, max_size=40)
HUGE = st.builds(lambda unit, times: unit * times, st.text(ANY_CHAR, min_size=1, max_size=4),
                 st.integers(min_value=500, max_value=30_000))
PERSONAL = st.sampled_from(["taro＠example．com", "０９０－１２３４－５６７８", "〒105-8511", "a@a." * 3000,
                            "1" * 16_300, "1 " * 8000, "生年月日1990/01/02", "4111 1111 1111 1111"])
# Mostly short text (what people send, and cheap to answer); one in 25 a huge repeat, two in 25 personal data.
QUESTION = st.integers(0, 24).flatmap(lambda n: HUGE if n == 0 else st.builds(str.__add__, PERSONAL, TEXT) if n < 3
                                      else TEXT)


def as_bytes(text: str) -> bytes:
    """Encode text as a client with a broken encoder would: lone surrogates become invalid UTF-8."""
    return text.encode("utf-8", "surrogatepass")


LINE = st.one_of(QUESTION.map(as_bytes), st.binary(max_size=300)).map(lambda b: b.replace(b"\n", b" "))


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    return {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "MINATO_DB": str(tmp_path / "log.db"),
            "MINATO_RELOAD_SECONDS": "3600", **extra}


def _traceback_free(log: Path) -> None:
    text = log.read_text(encoding="utf-8", errors="replace")
    assert "Traceback" not in text and " ERROR " not in text, text[-3000:]


def test_ask_json_answers_every_generated_line(tmp_path: Path) -> None:
    stderr = tmp_path / "ask.err"
    with stderr.open("wb") as err:
        ask = subprocess.Popen([sys.executable, "-m", "bot", "ask", "--json"], stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=err, env=_env(tmp_path), cwd=tmp_path)
        assert ask.stdin is not None and ask.stdout is not None
        fed = _feed_ask(ask.stdin, ask.stdout)
        ask.stdin.close()
        assert ask.wait(timeout=60) == 0
    _traceback_free(stderr)
    assert fed >= ASK_EXAMPLES * ASK_BATCH
    with sqlite3.connect(tmp_path / "log.db") as db:
        assert db.execute("SELECT count(*) FROM questions").fetchone()[0] == fed


def _feed_ask(stdin: IO[bytes], stdout: IO[bytes]) -> int:
    fed = 0

    @FUZZ
    @given(st.lists(LINE, min_size=ASK_BATCH, max_size=ASK_BATCH))
    def batch(lines: list[bytes]) -> None:
        nonlocal fed
        writer = threading.Thread(target=lambda: (stdin.write(b"".join(line + b"\n" for line in lines)),
                                                  stdin.flush()), daemon=True)
        writer.start()  # written on the side: the replies must be read while the batch goes in
        replies = [json.loads(stdout.readline().decode("utf-8")) for _ in lines]
        writer.join()
        assert all(reply["kind"] in {"answer", "clarify", "fallback", "smalltalk", "invalid"} for reply in replies)
        fed += len(lines)

    batch()
    return fed


class Server:
    """`minato-bot serve` in a subprocess on a free loopback port, its output in a file."""

    def __init__(self, tmp_path: Path) -> None:
        self.port, self.log = free_port(), tmp_path / "serve.log"
        with self.log.open("wb") as out:
            self.process = subprocess.Popen(
                [sys.executable, "-m", "bot", "serve"], stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path,
                env=_env(tmp_path, MINATO_PORT=str(self.port), MINATO_RATE_LIMIT_PER_MINUTE="0"))

    def stop(self) -> int:
        """Stop it as systemd would (SIGTERM: requests finish, the log is flushed); return its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        return self.process.wait(timeout=60)


@pytest.fixture
def server(tmp_path: Path) -> Iterator[Server]:
    """Return a running server; it is stopped at the end whatever happens."""
    running = Server(tmp_path)
    try:
        _wait_until_up(running.port, running.process)
        yield running
    finally:
        running.stop()


def _wait_until_up(port: int, serve: subprocess.Popen[bytes]) -> None:
    for _ in range(600):
        assert serve.poll() is None, "serve exited"
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise AssertionError("serve did not start")


def _body(question: str, lang: object, entry_id: object, raw: bool) -> bytes:
    data = {"question": question, "lang": lang, "entry_id": entry_id}
    return as_bytes(json.dumps(data, ensure_ascii=False)) if raw else json.dumps(data).encode()


BODY = st.one_of(
    st.builds(_body, QUESTION, st.one_of(st.sampled_from(["ja", "en", None]), TEXT),
              st.one_of(st.none(), st.sampled_from(["cafeteria", "district-shiba"]), TEXT), st.booleans()),
    st.binary(max_size=300),
    QUESTION.map(as_bytes),
)


def test_api_ask_never_fails_and_logs_every_answer(server: Server, tmp_path: Path) -> None:
    log_ids: list[str] = []
    statuses: dict[int, int] = {}

    @settings(FUZZ, max_examples=API_EXAMPLES)
    @given(st.lists(BODY, min_size=API_BATCH, max_size=API_BATCH))
    def batch(bodies: list[bytes]) -> None:
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
        for body in bodies:
            status, reply = _post(connection, body)
            statuses[status] = statuses.get(status, 0) + 1
            assert status < 500, reply
            if status == 200:
                log_ids.append(json.loads(reply.decode("utf-8"))["log_id"])  # strict UTF-8 JSON
        connection.close()

    batch()
    assert sum(statuses.values()) >= API_EXAMPLES * API_BATCH and statuses.get(200, 0) > 1000, statuses
    assert server.stop() == 0  # a clean stop flushes the question log
    _traceback_free(server.log)
    with sqlite3.connect(tmp_path / "log.db") as db:
        stored = {row[0] for row in db.execute("SELECT id FROM questions")}
    missing = set(log_ids) - stored
    assert not missing, f"{len(missing)} of {len(log_ids)} answered log_ids are not in the log"


def _post(connection: http.client.HTTPConnection, body: bytes) -> tuple[int, bytes]:
    for attempt in range(2):
        try:
            connection.request("POST", "/api/ask", body=body, headers={"Content-Type": "application/json"})
            response = connection.getresponse()
            return response.status, response.read()
        except (http.client.HTTPException, ConnectionError):
            connection.close()  # the server may close after refusing a body; a new connection is fine
            if attempt:
                raise
    raise AssertionError("unreachable")
