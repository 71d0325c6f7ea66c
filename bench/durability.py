"""Kill `minato-bot serve` with SIGKILL under load, again and again: is any acknowledged question lost?

Run: python -m bench.durability [--rounds 20] [--clients 16] [--seconds 5] [--repeats 3]

Each round starts a real `minato-bot serve` (MINATO_DB in a temporary directory, loopback only), drives
POST /api/ask from concurrent clients, records every log_id a 200 acknowledged, and kills the server with
SIGKILL at a random moment. After the last round it prints how many acknowledged log_ids are missing from the
database (must be 0), `PRAGMA integrity_check`, and the throughput of /api/ask with the question log on,
against the same server with MINATO_DB=off, as a ratio. It prints numbers; it is not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import random
import signal
import socket
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import aiohttp

from bench.server import tree_cpu_seconds  # its workers and their engine processes too

QUESTIONS = ["食堂はありますか？", "職員住宅はありますか", "What training do new staff get?", "港区の5つの地区について教えて",
             "プレクラスとは何ですか", "給料はいくらですか？", "こんにちは", "芝地区はどんなところ？", "OJTはありますか"]


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


SYNC = {"MINATO_LOG_SYNC": "full"}


def start_server(db: str, port: int, workdir: Path) -> subprocess.Popen[bytes]:
    """Start `minato-bot serve` on 127.0.0.1:port logging to db ('off' for none)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("LINE_", "TELEGRAM_", "MINATO_"))}
    env.update(SYNC)
    env.update(MINATO_DB=db, MINATO_HOST="127.0.0.1", MINATO_PORT=str(port), MINATO_RATE_LIMIT_PER_MINUTE="0",
               MINATO_RELOAD_SECONDS="3600")
    return subprocess.Popen([sys.executable, "-m", "bot", "--env-file", str(workdir / "none.env"), "serve"],
                            env=env, cwd=workdir, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


async def wait_healthy(session: aiohttp.ClientSession, base: str, server: subprocess.Popen[bytes]) -> None:
    """Wait until the server answers /healthz (it loads the knowledge first)."""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise SystemExit(f"the server exited with {server.returncode} before it was ready")
        try:
            async with session.get(f"{base}/healthz") as response:
                if response.status == 200:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.1)
    raise SystemExit("the server did not become ready within 60 s")


async def client(session: aiohttp.ClientSession, base: str, number: int, acked: list[str],
                 stop: asyncio.Event) -> int:
    """Ask questions until stopped or the server dies; keep each acknowledged log_id; return answers received."""
    answered, headers = 0, {"X-Client-Id": f"bench-client-{number:04d}"}
    while not stop.is_set():
        question = random.choice(QUESTIONS)
        try:
            async with session.post(f"{base}/api/ask", json={"question": question}, headers=headers) as response:
                if response.status != 200:
                    continue
                body = await response.json()
        except (aiohttp.ClientError, asyncio.TimeoutError):
            return answered  # the server was killed
        answered += 1
        if body.get("log_id"):
            acked.append(body["log_id"])
    return answered


async def load(base: str, clients: int, acked: list[str], seconds: float,
               server: subprocess.Popen[bytes] | None = None) -> tuple[int, float]:
    """Drive the server with concurrent clients for `seconds` (killing it then if given); return answers, secs."""
    timeout = aiohttp.ClientTimeout(total=30)
    connector = aiohttp.TCPConnector(limit=clients)
    async with aiohttp.ClientSession(timeout=timeout, connector=connector) as session:
        stop = asyncio.Event()
        started = time.perf_counter()
        tasks = [asyncio.create_task(client(session, base, n, acked, stop)) for n in range(clients)]
        await asyncio.sleep(seconds)
        if server is not None:
            server.send_signal(signal.SIGKILL)  # mid-request, mid-commit: whatever it was doing
        stop.set()
        answered = sum(await asyncio.gather(*tasks))
        return answered, time.perf_counter() - started


async def kill_rounds(db: Path, rounds: int, clients: int, workdir: Path) -> tuple[list[str], int]:
    """Run the kill -9 rounds; return every acknowledged log_id and the answers received."""
    acked: list[str] = []
    total = 0
    for number in range(1, rounds + 1):
        port = free_port()
        server = start_server(str(db), port, workdir)
        base = f"http://127.0.0.1:{port}"
        try:
            async with aiohttp.ClientSession() as session:
                await wait_healthy(session, base, server)
            before = len(acked)
            answered, _ = await load(base, clients, acked, random.uniform(0.3, 3.0), server)
            total += answered
            print(f"round {number:2d}: {answered} answers, {len(acked) - before} acknowledged, killed", flush=True)
        finally:
            if server.poll() is None:
                server.kill()
            server.wait()
    return acked, total


async def throughput(db: str, clients: int, seconds: float, workdir: Path) -> tuple[float, float]:
    """Return (answers per second, server CPU ms per answer) of /api/ask on a fresh server ('off': no log)."""
    port = free_port()
    server = start_server(db, port, workdir)
    base = f"http://127.0.0.1:{port}"
    try:
        async with aiohttp.ClientSession() as session:
            await wait_healthy(session, base, server)
        await load(base, clients, [], 1.0)  # warm up
        cpu_before = tree_cpu_seconds(server.pid)
        answered, elapsed = await load(base, clients, [], seconds)
        return answered / elapsed, 1000 * (tree_cpu_seconds(server.pid) - cpu_before) / max(answered, 1)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(timeout=60)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()


def check(db: Path, acked: list[str]) -> tuple[int, int, str]:
    """Return (rows in the log, acknowledged ids missing from it, integrity_check)."""
    with sqlite3.connect(db) as conn:
        ids = {row[0] for row in conn.execute("SELECT id FROM questions")}
        integrity = "; ".join(row[0] for row in conn.execute("PRAGMA integrity_check"))
    return len(ids), sum(1 for log_id in acked if log_id not in ids), integrity


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=20, help="kill -9 rounds (default 20)")
    parser.add_argument("--clients", type=int, default=16, help="concurrent clients (default 16)")
    parser.add_argument("--seconds", type=float, default=5.0, help="length of each throughput run (default 5)")
    parser.add_argument("--repeats", type=int, default=3, help="throughput runs with the log on and off (default 3)")
    parser.add_argument("--sync", choices=["full", "normal"], default="full", help="MINATO_LOG_SYNC (default full)")
    args = parser.parse_args()
    SYNC["MINATO_LOG_SYNC"] = args.sync
    with tempfile.TemporaryDirectory(prefix="minato-durability-") as tmp:
        workdir, db = Path(tmp), Path(tmp) / "log.db"
        acked, answered = await kill_rounds(db, args.rounds, args.clients, workdir)
        rows, lost, integrity = check(db, acked)
        print(f"\nanswers received: {answered}, acknowledged (200 with a log_id): {len(acked)}, "
              f"rows in the log: {rows}")
        print(f"lost (acknowledged, not in the log): {lost}")
        print(f"integrity_check: {integrity}")
        # Alternate on and off, so load from anything else on the machine falls on both alike; report medians.
        # The server's CPU time per answer is the steadier figure on a shared machine.
        runs: dict[str, list[tuple[float, float]]] = {"on": [], "off": []}
        for repeat in range(args.repeats):
            runs["on"].append(await throughput(str(workdir / f"t{repeat}.db"), args.clients, args.seconds, workdir))
            runs["off"].append(await throughput("off", args.clients, args.seconds, workdir))
            print(f"throughput run {repeat + 1}: log on {runs['on'][-1][0]:.0f}/s ({runs['on'][-1][1]:.2f} ms CPU "
                  f"per answer), log off {runs['off'][-1][0]:.0f}/s ({runs['off'][-1][1]:.2f} ms)", flush=True)
        on, off = (statistics.median(r[0] for r in runs[k]) for k in ("on", "off"))
        cpu_on, cpu_off = (statistics.median(r[1] for r in runs[k]) for k in ("on", "off"))
        print(f"/api/ask throughput, {args.clients} clients, median of {args.repeats}: log on {on:.0f}/s, "
              f"log off (MINATO_DB=off) {off:.0f}/s, ratio {on / off:.2f}")
        print(f"server CPU per answer: log on {cpu_on:.2f} ms, log off {cpu_off:.2f} ms, "
              f"throughput ratio at equal CPU {cpu_off / cpu_on:.2f}")

if __name__ == "__main__":
    asyncio.run(main())
