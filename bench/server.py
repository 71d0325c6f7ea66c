"""Measure `minato-bot serve` throughput with 1, 8 and 32 concurrent clients, against the engine's own throughput.

Run: python -m bench.server [--workers 1 2] [--clients 1 8 32] [--seconds 5]

For each worker count it starts `minato-bot serve --workers N` as a real process on 127.0.0.1 (bundled knowledge,
a question log in a temporary directory, no rate limits), then for each number of clients drives POST /api/ask
with the benchmark questions for a few seconds, each client a candidate of its own (its own X-Client-Id, as the
web page sends) on one kept-alive connection, while a separate process asks GET /healthz on a new connection
every 10 ms. It prints answers per second, that as a ratio to the engine's own throughput in-process on the same
number of cores (N processes calling Answerer.answer in a loop, no HTTP, no log), the server's CPU per answer
and the p50/p99 of /healthz.
The clients run on the same machine as the server and take CPU from it: the ratios are a lower bound.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import json
import multiprocessing
import os
import re
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

import aiohttp

from bench.latency import questions

HEALTH_EVERY = 0.01
ENGINE_USERS = 32  # candidates asking at once in the in-process run with the log
WARM_CONNECTIONS = 8
CONTENT_LENGTH = re.compile(rb"(?i)\r\ncontent-length: *(\d+)")


def engine_rate(workers: int, seconds: float, log_dir: Path | None = None) -> float:
    """Return answers per second of `workers` processes answering in a loop, in-process.

    Without log_dir: the bare engine (anonymous questions, no log). With it: the work a server does for each answer
    short of HTTP (32 candidates with their conversations, every answer logged in log_dir, 32 sharing a commit).
    """
    if log_dir is not None:  # its tables made once, as `serve` does before it forks its workers
        from bot.analytics import QuestionLog
        from bot.conversation import SqliteConversations

        QuestionLog(log_dir / "log.db").close()
        SqliteConversations(log_dir / "log.db", timedelta(minutes=10)).close()
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(workers), context.Queue()
    processes = [context.Process(target=_engine_loop, args=(barrier, results, seconds, log_dir))
                 for _ in range(workers)]
    for process in processes:
        process.start()
    total = sum(results.get() for _ in processes)
    for process in processes:
        process.join()
    return total / seconds


def _engine_loop(barrier: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue, seconds: float,
                 log_dir: Path | None) -> None:
    from bot.analytics import QuestionLog
    from bot.config import bundled_knowledge_dir
    from bot.knowledge import load_knowledge
    from bot.service import Answerer, Question

    question_log = QuestionLog(log_dir / "log.db") if log_dir is not None else None
    answerer = Answerer(load_knowledge(bundled_knowledge_dir()), question_log)
    users = [f"bench-client-{n:04d}" for n in range(ENGINE_USERS)] if log_dir is not None else [None]
    asked = [Question(text, channel="web", user_id=users[n % len(users)]) for n, text in enumerate(questions())]
    for question in asked:  # the server's caches are warm too
        answerer.answer(question)
    barrier.wait()
    count, deadline = 0, time.perf_counter() + seconds
    batches = (asked[n:n + len(users)] for n in itertools.cycle(range(0, len(asked), len(users))))
    for batch in batches:
        for queued in [answerer.answer_queued(question) for question in batch]:
            answerer.finish(queued)
        count += len(batch)
        if time.perf_counter() > deadline:
            break
    answerer.close()
    results.put(count)


class Server:
    """`minato-bot serve --workers N` on a free loopback port."""

    def __init__(self, workers: int, directory: Path) -> None:
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_"))}
        env.update(MINATO_DB=str(directory / "log.db"), MINATO_RATE_LIMIT_PER_MINUTE="0",
                   MINATO_RATE_LIMIT_PER_ADDRESS_PER_MINUTE="0")
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot", "--env-file", str(directory / "none.env"), "serve", "--host", "127.0.0.1",
             "--port", str(self.port), "--workers", str(workers)],
            env=env, cwd=directory, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        assert self.process.stdout is not None
        for line in self.process.stdout:
            if "serving on" in line:
                break
        else:
            raise RuntimeError("the server did not start")

    async def warm_up(self, workers: int) -> None:
        """Wait until every worker answers /healthz, then ask every question as often as there are workers.

        The in-process engine answers each question once before it is measured; the server's caches must be as
        warm, or the ratio would compare first answers (a fresh analysis each) with repeated ones.
        """
        seen: set[int] = set()
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as http:
            for _ in range(1000):
                async with http.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                    seen.add((await response.json())["pid"])
                if len(seen) == workers:
                    break
            else:
                raise RuntimeError(f"only {len(seen)} of {workers} workers answered")
        texts = questions()
        for _ in range(workers):  # each connection lands on any worker: every worker sees most questions
            await asyncio.gather(*(ask_all(self.port, texts[n::WARM_CONNECTIONS]) for n in range(WARM_CONNECTIONS)))

    def stop(self) -> None:
        """Stop the server as systemd would."""
        self.process.send_signal(signal.SIGTERM)
        self.process.communicate(timeout=120)


async def ask_all(port: int, texts: list[str]) -> None:
    """Ask each text once, in turn, on one new connection."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    try:
        for number, text in enumerate(texts):
            writer.write(ask_request(port, text, f"bench-warm-{number % ENGINE_USERS:04d}"))
            assert await read_response(reader) == 200
    finally:
        writer.close()


def ask_request(port: int, text: str, client_id: str) -> bytes:
    """Return one POST /api/ask as the web page sends it (its own client id: each client is another candidate)."""
    body = json.dumps({"question": text}, ensure_ascii=False).encode()
    return (f"POST /api/ask HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n"
            f"X-Client-Id: {client_id}\r\nContent-Length: {len(body)}\r\n\r\n").encode() + body


async def read_response(reader: asyncio.StreamReader) -> int:
    """Read one HTTP/1.1 response with a Content-Length; return its status."""
    head = await reader.readuntil(b"\r\n\r\n")
    length = CONTENT_LENGTH.search(head)
    await reader.readexactly(int(length[1]) if length else 0)
    return int(head[9:12])


async def drive(port: int, clients: int, seconds: float) -> float:
    """Return answers per second with `clients` concurrent askers, each on one kept-alive connection.

    A hand-written HTTP/1.1 client, not aiohttp's: on a machine whose cores the clients share with the server,
    every millisecond the client spends is one the server does not get.
    """
    texts = questions()
    stop = asyncio.Event()
    counts = [0] * clients

    async def client(number: int) -> None:
        requests = [ask_request(port, text, f"bench-client-{number:04d}") for text in texts]
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        try:
            for request in itertools.islice(itertools.cycle(requests), number * 97, None):
                if stop.is_set():
                    return
                writer.write(request)
                status = await read_response(reader)
                assert status == 200, status
                counts[number] += 1
        finally:
            writer.close()

    tasks = [asyncio.create_task(client(n)) for n in range(clients)]
    started = time.perf_counter()
    await asyncio.sleep(seconds)
    stop.set()
    total, elapsed = sum(counts), time.perf_counter() - started
    await asyncio.gather(*tasks)
    return total / elapsed


def check_health(port: int, stop: multiprocessing.synchronize.Event, results: multiprocessing.Queue) -> None:
    """In a process of its own, GET /healthz on a new connection every 10 ms until told to stop; send the latencies.

    Its own process, so that the askers' event loop does not delay the checks and count its delay as the server's.
    """
    request = f"GET /healthz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nConnection: close\r\n\r\n".encode()
    latencies: list[float] = []
    while not stop.is_set():
        started = time.perf_counter()
        with socket.create_connection(("127.0.0.1", port)) as sock:
            sock.sendall(request)
            while sock.recv(65536):  # the server closes after the response
                pass
        latencies.append((time.perf_counter() - started) * 1000)
        time.sleep(HEALTH_EVERY)
    results.put(latencies)


def drive_with_checks(port: int, clients: int, seconds: float) -> tuple[float, list[float]]:
    """Return the askers' answers per second and the /healthz latencies (ms) measured meanwhile."""
    context = multiprocessing.get_context("fork")
    stop, results = context.Event(), context.Queue()
    checker = context.Process(target=check_health, args=(port, stop, results))
    checker.start()
    try:
        rate = asyncio.run(drive(port, clients, seconds))
    finally:
        stop.set()
    latencies = results.get()
    checker.join()
    return rate, latencies


def tree_cpu_seconds(pid: int) -> float:
    """Return the CPU seconds used so far by a process and all its descendants (workers and engine processes)."""
    pids, seen = [pid], set()
    while pids:
        number = pids.pop()
        if number in seen:
            continue
        seen.add(number)
        try:
            for task in os.listdir(f"/proc/{number}/task"):
                pids += [int(child) for child in Path(f"/proc/{number}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    ticks = 0
    for number in seen:
        try:
            fields = Path(f"/proc/{number}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


def measure(server: Server, workers: int, clients: int, seconds: float, engine: float, served: float) -> str:
    """Drive the server with `clients` askers; return the line of figures."""
    used = tree_cpu_seconds(server.process.pid)
    rate, latencies = drive_with_checks(server.port, clients, seconds)
    used = tree_cpu_seconds(server.process.pid) - used
    latencies.sort()
    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
    # The server's own CPU per answer (health checks included) does not count the client's share of the cores,
    # nor other jobs': steadier than the rate on a shared machine.
    return (f"  serve --workers {workers}, {clients:>2} clients: {rate:6.0f} answers/s = {rate / engine:.2f} x engine "
            f"({rate / served:.2f} x with the log); server CPU {1000 * used / (rate * seconds):.2f} ms per answer "
            f"(engine {1000 * workers / engine:.2f}, with the log {1000 * workers / served:.2f} wall); /healthz p50 "
            f"{statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms ({len(latencies)} checks); "
            f"load average {os.getloadavg()[0]:.1f}")


def main() -> None:
    """Print the figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--workers", type=int, nargs="*", default=[1, 2])
    parser.add_argument("--clients", type=int, nargs="*", default=[1, 8, 32])
    parser.add_argument("--seconds", type=float, default=5.0)
    args = parser.parse_args()
    print(f"cores: {os.cpu_count()}; load average before: {os.getloadavg()[0]:.1f}")
    for workers in args.workers:
        engine = engine_rate(workers, args.seconds)
        with tempfile.TemporaryDirectory() as tmp:
            served = engine_rate(workers, args.seconds, Path(tmp))
        print(f"engine in-process, {workers} process(es): {engine:.0f} answers/s bare; {served:.0f} answers/s with "
              f"conversations and the log", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(workers, Path(tmp))
            try:
                asyncio.run(server.warm_up(workers))
                for clients in args.clients:
                    print(measure(server, workers, clients, args.seconds, engine, served), flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
