"""`serve --workers 2`: two processes on one port, each with its own engine, one shared question log."""

from __future__ import annotations

import http.client
import json
import os
import signal
import socket
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any, Iterator

import pytest

from ports import free_port

MAX_ATTEMPTS = 500  # connections tried until both workers have answered: the kernel picks which one accepts
UNBINDABLE = "203.0.113.7"  # TEST-NET-3: if serve used MINATO_HOST instead of --host it could not start


class Served:
    """`minato-bot serve --workers 2 --host 127.0.0.1 --port P`, with settings that --host/--port override."""

    def __init__(self, tmp_path: Path) -> None:
        self.port, self.db = free_port(), tmp_path / "log.db"
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_"))}
        env.update(MINATO_HOST=UNBINDABLE, MINATO_PORT=str(free_port()), MINATO_DB=str(self.db),
                   MINATO_RATE_LIMIT_PER_MINUTE="0")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", "2"],
            env=env, cwd=tmp_path, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.printed: list[str] = []
        assert self.process.stdout is not None
        while not any("serving on" in line for line in self.printed):  # the port is bound: connections queue
            line = self.process.stdout.readline()
            assert line, "".join(self.printed)
            self.printed.append(line)

    def connect(self) -> tuple[http.client.HTTPConnection, int]:
        """Open a kept-alive connection; return it and the pid of the worker that took it."""
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)  # waits while workers start
        return connection, call(connection, "GET", "/healthz")["pid"]

    def stop(self) -> tuple[int, str]:
        """SIGTERM the parent as systemd would; return its exit code and everything printed."""
        if self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
        output, _ = self.process.communicate(timeout=60)
        return self.process.returncode, "".join(self.printed) + output


def call(connection: http.client.HTTPConnection, method: str, path: str, body: Any = None) -> Any:
    """Send one request on a kept-alive connection and return its JSON."""
    connection.request(method, path, body=None if body is None else json.dumps(body),
                       headers={"Content-Type": "application/json"})
    response = connection.getresponse()
    assert response.status == 200
    return json.loads(response.read())


@pytest.fixture
def served(tmp_path: Path) -> Iterator[Served]:
    server = Served(tmp_path)
    try:
        yield server
    finally:
        if server.process.poll() is None:
            server.process.kill()
            server.process.communicate()


def test_two_workers_answer_on_one_port_and_log_to_one_database(served: Served) -> None:
    asked: dict[int, list[str]] = {}  # worker pid -> log ids of the questions it answered
    for attempt in range(MAX_ATTEMPTS):
        connection, pid = served.connect()
        reply = call(connection, "POST", "/api/ask", {"question": f"食堂はありますか？ {attempt}"})
        assert reply["entry_id"] == "cafeteria" and reply["log_id"]
        asked.setdefault(pid, []).append(reply["log_id"])
        connection.close()
        if len(asked) == 2:
            break
    assert len(asked) == 2, "only one worker ever accepted a connection"
    first, second = asked
    # 👍 for an answer of one worker, sent through the other: the log is one.
    for _ in range(MAX_ATTEMPTS):
        connection, pid = served.connect()
        if pid == second:
            assert call(connection, "POST", "/api/feedback", {"log_id": asked[first][0], "helpful": True}) == \
                   {"recorded": True}
            break
        connection.close()
    else:
        pytest.fail("the second worker took no further connection")
    code, output = served.stop()
    assert code == 0 and output.count("minato-bot: stopped") == 1 and "Traceback" not in output, output
    assert "serving on http://127.0.0.1:" in output and "with 2 workers" in output
    with sqlite3.connect(served.db) as db:
        logged = dict(db.execute("SELECT id, helpful FROM questions").fetchall())
    assert sorted(logged) == sorted(asked[first] + asked[second])
    assert logged[asked[first][0]] == 1


def test_a_worker_that_dies_stops_the_server_with_an_error(served: Served) -> None:
    # The workers are forked before "serving on" is printed: no need to wait for their engines.
    parent = served.process.pid
    pid = int(Path(f"/proc/{parent}/task/{parent}/children").read_text().split()[0])
    os.kill(pid, signal.SIGKILL)
    assert served.process.wait(timeout=60) != 0  # the parent stopped the other worker and waited for it
    output = "".join(served.printed) + served.process.communicate()[0]
    assert f"(pid {pid}) stopped unasked" in output, output
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", served.port), timeout=5).close()
