"""Measure `minato-bot serve` throughput with 1, 8 and 32 concurrent clients, against the engine's own throughput.

Run: python -m bench.server [--workers 1 2] [--clients 1 8 32] [--seconds 5]

For each worker count it starts `minato-bot serve --workers N` as a real process on 127.0.0.1 (bundled knowledge,
a question log in a temporary directory, no rate limits), then for each number of clients drives POST /api/ask
with the benchmark questions for a few seconds while one more client asks GET /healthz on a new connection
every 10 ms. It prints answers per second, that as a ratio to the engine's own throughput in-process on the same
number of cores (N processes calling Answerer.answer in a loop, no HTTP, no log), and the p50/p99 of /healthz.
The clients run on the same machine as the server and take CPU from it: the ratios are a lower bound.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import multiprocessing
import os
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.latency import questions

HEALTH_EVERY = 0.01


def engine_rate(workers: int, seconds: float) -> float:
    """Return answers per second of `workers` processes answering in a loop, in-process (no HTTP, no log)."""
    context = multiprocessing.get_context("fork")
    barrier, results = context.Barrier(workers), context.Queue()
    processes = [context.Process(target=_engine_loop, args=(barrier, results, seconds)) for _ in range(workers)]
    for process in processes:
        process.start()
    total = sum(results.get() for _ in processes)
    for process in processes:
        process.join()
    return total / seconds


def _engine_loop(barrier: multiprocessing.synchronize.Barrier, results: multiprocessing.Queue, seconds: float) -> None:
    from bot.config import bundled_knowledge_dir
    from bot.knowledge import load_knowledge
    from bot.service import Answerer, Question

    answerer = Answerer(load_knowledge(bundled_knowledge_dir()))
    texts = questions()
    for text in texts:  # the server's caches are warm too
        answerer.answer(Question(text, channel="web"))
    barrier.wait()
    count, deadline = 0, time.perf_counter() + seconds
    for text in itertools.cycle(texts):
        answerer.answer(Question(text, channel="web"))
        count += 1
        if time.perf_counter() > deadline:
            break
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
        """Ask until every worker has answered once (its engine is built)."""
        seen: set[int] = set()
        async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as http:
            for _ in range(1000):
                async with http.get(f"http://127.0.0.1:{self.port}/healthz") as response:
                    seen.add((await response.json())["pid"])
                if len(seen) == workers:
                    return
        raise RuntimeError(f"only {len(seen)} of {workers} workers answered")

    def stop(self) -> None:
        """Stop the server as systemd would."""
        self.process.send_signal(signal.SIGTERM)
        self.process.communicate(timeout=120)


async def drive(port: int, clients: int, seconds: float) -> tuple[float, list[float]]:
    """Return answers per second with `clients` concurrent askers, and the /healthz latencies (ms) meanwhile."""
    texts = questions()
    stop = asyncio.Event()
    counts = [0] * clients

    async def client(number: int, http: aiohttp.ClientSession) -> None:
        for text in itertools.islice(itertools.cycle(texts), number * 97, None):
            if stop.is_set():
                return
            async with http.post(f"http://127.0.0.1:{port}/api/ask", json={"question": text}) as response:
                assert response.status == 200, await response.text()
                await response.read()
            counts[number] += 1

    async def health(http: aiohttp.ClientSession, latencies: list[float]) -> None:
        while not stop.is_set():
            started = time.perf_counter()
            async with http.get(f"http://127.0.0.1:{port}/healthz") as response:
                await response.read()
            latencies.append((time.perf_counter() - started) * 1000)
            await asyncio.sleep(HEALTH_EVERY)

    latencies: list[float] = []
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(limit=clients)) as http, \
            aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as checks:
        tasks = [asyncio.create_task(client(n, http)) for n in range(clients)]
        tasks.append(asyncio.create_task(health(checks, latencies)))
        started = time.perf_counter()
        await asyncio.sleep(seconds)
        stop.set()
        total = sum(counts)
        elapsed = time.perf_counter() - started
        await asyncio.gather(*tasks)
    return total / elapsed, latencies


def tree_cpu_seconds(pid: int) -> float:
    """Return the CPU seconds used so far by a process and its children (the workers of `serve --workers N`)."""
    pids = [pid]
    for task in os.listdir(f"/proc/{pid}/task"):
        try:
            pids += [int(child) for child in Path(f"/proc/{pid}/task/{task}/children").read_text().split()]
        except OSError:
            pass
    ticks = 0
    for number in pids:
        try:
            fields = Path(f"/proc/{number}/stat").read_text().rpartition(")")[2].split()
        except OSError:
            continue
        ticks += int(fields[11]) + int(fields[12])  # utime, stime
    return ticks / os.sysconf("SC_CLK_TCK")


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
        print(f"engine in-process, {workers} process(es): {engine:.0f} answers/s", flush=True)
        with tempfile.TemporaryDirectory() as tmp:
            server = Server(workers, Path(tmp))
            try:
                asyncio.run(server.warm_up(workers))
                for clients in args.clients:
                    used = tree_cpu_seconds(server.process.pid)
                    rate, latencies = asyncio.run(drive(server.port, clients, args.seconds))
                    used = tree_cpu_seconds(server.process.pid) - used
                    latencies.sort()
                    p99 = latencies[max(0, int(len(latencies) * 0.99) - 1)]
                    # The server's own CPU per answer (health checks included) does not count the client's share
                    # of the cores, nor other jobs': steadier than the rate on a shared machine.
                    print(f"  serve --workers {workers}, {clients:>2} clients: {rate:6.0f} answers/s = "
                          f"{rate / engine:.2f} x engine; server CPU {1000 * used / (rate * args.seconds):.2f} ms "
                          f"per answer (engine {1000 * workers / engine:.2f}); /healthz p50 "
                          f"{statistics.median(latencies):.1f} ms, p99 {p99:.1f} ms ({len(latencies)} checks); "
                          f"load average {os.getloadavg()[0]:.1f}", flush=True)
            finally:
                server.stop()


if __name__ == "__main__":
    main()
