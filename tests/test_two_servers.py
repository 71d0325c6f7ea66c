"""Two `minato-bot serve` processes (as on two machines) on one PostgreSQL: every question, 👍/👎 and follow-up
is shared."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterator

import pytest

from bot.analytics import hash_user, iter_rows, read_stats
from pgcluster import PASSWORD
from ports import free_port

SALT = "one-long-random-secret-shared-by-both-servers"
CLIENT = "candidate-0001"  # the web page's client id: the same candidate, whichever server the balancer picks
START_SECONDS = 120


@dataclass
class Server:
    """One `minato-bot serve` in a subprocess, its output in a file."""

    name: str
    port: int
    process: subprocess.Popen[bytes]
    output: Path

    def post(self, path: str, body: dict[str, Any]) -> dict[str, Any]:
        """POST JSON to the server; return the JSON answer."""
        request = urllib.request.Request(f"http://127.0.0.1:{self.port}{path}", json.dumps(body).encode(),
                                         {"Content-Type": "application/json", "X-Client-Id": CLIENT})
        with urllib.request.urlopen(request, timeout=30) as response:
            return json.loads(response.read())

    def stop(self) -> None:
        """Ask it to stop as systemd would (SIGTERM: requests finish, the log is flushed)."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)


def _start(name: str, url: str, tmp_path: Path) -> Server:
    port, output = free_port(), tmp_path / f"{name}.log"
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_", "PUBLIC_"))}
    env.update(MINATO_DB=url, MINATO_LOG_SALT=SALT, MINATO_HOST="127.0.0.1", MINATO_PORT=str(port),
               MINATO_RATE_LIMIT_PER_MINUTE="0", PYTHONUNBUFFERED="1")
    with output.open("wb") as out:
        process = subprocess.Popen([sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "serve"],
                                   stdout=out, stderr=subprocess.STDOUT, cwd=tmp_path, env=env)
    return Server(name, port, process, output)


def _wait_until_serving(server: Server) -> None:
    deadline = time.monotonic() + START_SECONDS
    while "serving on" not in server.output.read_text(encoding="utf-8", errors="replace"):
        assert server.process.poll() is None, f"{server.name} exited:\n{server.output.read_text()}"
        assert time.monotonic() < deadline, f"{server.name} did not start:\n{server.output.read_text()}"
        time.sleep(0.05)


@pytest.fixture
def servers(pg_url: str, tmp_path: Path) -> Iterator[tuple[Server, Server]]:
    """Start servers A and B (both loading at once, as after a deploy) on one database; stop both at the end."""
    started = [_start(name, pg_url, tmp_path) for name in ("a", "b")]
    try:
        for server in started:
            _wait_until_serving(server)
        yield started[0], started[1]
    finally:
        for server in started:
            server.stop()
        codes = [server.process.wait(timeout=60) for server in started]
    assert codes == [0, 0]
    for server in started:
        text = server.output.read_text(encoding="utf-8")
        assert PASSWORD not in text and "minato:***@127.0.0.1" in text  # the startup line names the log, masked


def test_two_servers_share_every_question_and_feedback(servers: tuple[Server, Server], pg_url: str) -> None:
    a, b = servers
    asked_a = a.post("/api/ask", {"question": "食堂はありますか？"})
    asked_b = b.post("/api/ask", {"question": "研修制度について教えて"})
    assert asked_a["log_id"] and asked_b["log_id"] and asked_a["entry_id"] != asked_b["entry_id"]
    # The candidate rates each answer through the other server: the row it names is there.
    assert b.post("/api/feedback", {"log_id": asked_a["log_id"], "helpful": True}) == {"recorded": True}
    assert a.post("/api/feedback", {"log_id": asked_b["log_id"], "helpful": False}) == {"recorded": True}
    # And once only, whichever server is asked again.
    assert a.post("/api/feedback", {"log_id": asked_a["log_id"], "helpful": False}) == {"recorded": False}
    rows = {row["id"]: row for row in iter_rows(pg_url)}
    assert set(rows) == {asked_a["log_id"], asked_b["log_id"]}  # both servers' rows in one table
    assert (rows[asked_a["log_id"]]["helpful"], rows[asked_b["log_id"]]["helpful"]) == (1, 0)
    assert {row["user_hash"] for row in rows.values()} == {hash_user(CLIENT, SALT)}  # one salt: one candidate
    # A follow-up through B is read against the topic the candidate asked through A.
    topic = a.post("/api/ask", {"question": "プレクラス制度とは？"})
    follow_up = b.post("/api/ask", {"question": "いつまで？"})
    assert topic["entry_id"] == "preclass-what" and follow_up["kind"] == "answer"
    assert follow_up["entry_id"] == "preclass-timeline" and "4月末" in follow_up["answer"]
    stats = read_stats(pg_url)
    assert (stats.total.questions, stats.total.helpful, stats.total.unhelpful, stats.users) == (4, 1, 1, 1)
