"""Measure what slow and split clients do to the server: /healthz latency meanwhile, and how long they are held.

Run: python bench/slow_clients.py [--clients 300] [--header-timeout 2] [--body-timeout 2]

Starts the real app (with the server options `serve` uses) on 127.0.0.1 with a question log in a temporary
directory, then:
1. opens N connections that trickle their headers, and N that trickle a LINE-sized body, and reports how many
   the server closed and after how long, and the /healthz latency while they are connected;
2. sends 200 valid /api/ask bodies in two TCP writes 10 ms apart, and counts the 200s;
3. sends 8 large /api/ask questions at once and reports /healthz latency meanwhile.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from aiohttp import web

from bot.analytics import QuestionLog
from bot.config import Settings, bundled_knowledge_dir
from bot.knowledge import load_knowledge
from bot.service import Answerer
from handlers.http_guard import server_options
from handlers.web import create_app


async def healthz_latencies(port: int, stop: asyncio.Event) -> list[float]:
    """Time GET /healthz over and over until stop is set; return the latencies in ms."""
    latencies = []
    while not stop.is_set():
        started = time.perf_counter()
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        writer.write(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        await reader.read()
        writer.close()
        latencies.append((time.perf_counter() - started) * 1000)
        await asyncio.sleep(0.02)
    return latencies


async def trickle(port: int, first: bytes, byte: bytes) -> float:
    """Connect, send `first`, then one byte every 100 ms; return seconds until the server closed."""
    started = time.perf_counter()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(first)
    try:
        while True:
            await writer.drain()
            try:
                if await asyncio.wait_for(reader.read(1000), 0.1) == b"":
                    break
            except TimeoutError:
                writer.write(byte)
    except ConnectionError:  # closed with our unread bytes in its buffer: a reset, which is a close too
        pass
    finally:
        writer.close()
    return time.perf_counter() - started


async def split_body(port: int) -> int:
    body = json.dumps({"question": "食堂はありますか？"}, ensure_ascii=False).encode()
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body[:7])
    await writer.drain()
    await asyncio.sleep(0.01)
    writer.write(body[7:])
    response = await reader.read()
    writer.close()
    return int(response.split(b" ", 2)[1])


def summary(latencies: list[float]) -> str:
    ordered = sorted(latencies) or [0.0]
    return (f"{len(ordered)} checks, p50 {statistics.median(ordered):.1f} ms, "
            f"max {ordered[-1]:.1f} ms")


async def main(clients: int, header_timeout: float, body_timeout: float) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(rate_limit_per_minute=0, header_timeout=header_timeout, body_timeout=body_timeout,
                            line_channel_secret="bench", line_channel_access_token="bench",
                            line_api_base_url="http://127.0.0.1:9")
        answerer = Answerer(load_knowledge(bundled_knowledge_dir()), QuestionLog(Path(tmp) / "log.db"))
        runner = web.AppRunner(create_app(answerer, settings), access_log=None, **server_options(settings))
        await runner.setup()
        site = web.TCPSite(runner, "127.0.0.1", 0)
        await site.start()
        port = runner.addresses[0][1]
        try:
            await run(port, clients, header_timeout, body_timeout)
        finally:
            await runner.cleanup()
            answerer.close()


async def run(port: int, clients: int, header_timeout: float, body_timeout: float) -> None:
    stop = asyncio.Event()
    checking = asyncio.create_task(healthz_latencies(port, stop))
    headers = [trickle(port, b"GET /healthz HTTP/1.1\r\nHost: x\r\n", b"X") for _ in range(clients)]
    bodies = [trickle(port, b"POST /line/webhook HTTP/1.1\r\nHost: x\r\nContent-Length: 100000\r\n\r\n{", b" ")
              for _ in range(clients)]
    held = await asyncio.gather(*headers, *bodies)
    stop.set()
    print(f"{clients} clients trickling headers (timeout {header_timeout} s): held at most "
          f"{max(held[:clients]):.1f} s; {clients} trickling a body (timeout {body_timeout} s): held at most "
          f"{max(held[clients:]):.1f} s")
    print(f"/healthz meanwhile: {summary(await checking)}")
    statuses = await asyncio.gather(*(split_body(port) for _ in range(200)))
    print(f"bodies in two TCP writes 10 ms apart: {statuses.count(200)}/200 answered 200")
    stop = asyncio.Event()
    checking = asyncio.create_task(healthz_latencies(port, stop))
    await asyncio.sleep(0.2)
    big = json.dumps({"question": "1" * 16_000}).encode()
    asks = [ask_raw(port, big) for _ in range(8)]
    await asyncio.gather(*asks)
    stop.set()
    print(f"/healthz during 8 parallel 16 KB questions: {summary(await checking)}")


async def ask_raw(port: int, body: bytes) -> None:
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"POST /api/ask HTTP/1.1\r\nHost: x\r\nConnection: close\r\nContent-Type: application/json\r\n"
                 + f"Content-Length: {len(body)}\r\n\r\n".encode() + body)
    await reader.read()
    writer.close()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clients", type=int, default=300)
    parser.add_argument("--header-timeout", type=float, default=2.0)
    parser.add_argument("--body-timeout", type=float, default=2.0)
    options = parser.parse_args()
    asyncio.run(main(options.clients, options.header_timeout, options.body_timeout))
