"""Bad bytes in paths and headers, and requests that are not HTTP: always a 4xx, never a 500 or a traceback."""

from __future__ import annotations

import logging
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient

from bot.service import Answerer
from rawhttp import ASK, connect, head, read_until_closed, serve, status_of


@pytest.fixture
async def client(answerer: Answerer) -> AsyncIterator[TestClient]:
    """Return a client for the app with short header and body timeouts."""
    client = await serve(answerer)
    yield client
    await client.close()


# --- 4. bad bytes in paths and headers are 4xx, never 500 ---------------------------------------


@pytest.mark.parametrize("request_head", [
    b"GET /static/images/x.png%00.yaml HTTP/1.1",
    b"GET /static/images/%ed%a0%80.png HTTP/1.1",
    b"GET /static/images/%ff%fe.png HTTP/1.1",
    b"GET /static/images/" + b"a" * 4000 + b".png HTTP/1.1",
    b"GET /static/images/" + b"a/" * 200 + b".png HTTP/1.1",
    b"GET /static/images/%00 HTTP/1.1",
    b"GET /static/chat.js%00 HTTP/1.1",
    b"GET /api/welcome?lang=%ff%00 HTTP/1.1",
    b"GET /%ff HTTP/1.1",
    b"GET /healthz HTTP/1.1\r\nX-Forwarded-For: \xff\xfe, 1.2.3.4",
    b"GET /healthz HTTP/1.1\r\nUser-Agent: \xff\xfe",
])
async def test_bad_bytes_in_paths_and_headers_are_never_a_500(client: TestClient, request_head: bytes,
                                                              caplog: pytest.LogCaptureFixture) -> None:
    reader, writer = await connect(client)
    writer.write(request_head + b"\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert 200 <= status_of(response) < 500, response[:200]
    assert "Traceback" not in caplog.text


@pytest.mark.parametrize("garbage", [b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", b"GET / HTTP/1.1\r\nBad Header\r\n\r\n",
                                     b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n"])
async def test_requests_that_are_not_http_get_400_without_a_traceback(client: TestClient, garbage: bytes,
                                                                     caplog: pytest.LogCaptureFixture) -> None:
    reader, writer = await connect(client)
    writer.write(garbage)
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert response == b"" or status_of(response) == 400
    assert "Traceback" not in caplog.text and not [r for r in caplog.records if r.levelno >= logging.WARNING]


@pytest.mark.parametrize("headers", [
    b"X-Client-Id: \xff\xfe\xfd\xfc\xfb\xfa\xf9\xf8\r\n",
    b"X-Client-Id: abcdefgh\xff\r\n",
    b"X-Forwarded-For: \xff\r\n",
    b"Accept-Language: \xff\r\n",
    b"Cookie: a=\xff\r\n",
])
async def test_bad_bytes_in_api_headers_are_never_a_500(client: TestClient, headers: bytes) -> None:
    reader, writer = await connect(client)
    writer.write(head("/api/ask", len(ASK), headers + b"Connection: close\r\n") + ASK)
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert status_of(response) == 200, response[:200]


@pytest.mark.parametrize("path", ["/api/ask", "/healthz", "/nowhere"])
async def test_an_expect_header_with_any_bytes_is_a_417(client: TestClient, path: str,
                                                        caplog: pytest.LogCaptureFixture) -> None:
    reader, writer = await connect(client)
    writer.write(head(path, len(ASK), b"Expect: \xff\xfe-continue\r\nConnection: close\r\n") + ASK)
    await writer.drain()
    response = await read_until_closed(reader)
    writer.close()
    assert status_of(response) == 417, response[:200]
    assert "Traceback" not in caplog.text


async def test_expect_100_continue_still_works(client: TestClient) -> None:
    response = await client.post("/api/ask", data=ASK, expect100=True)
    assert response.status == 200 and (await response.json())["entry_id"] == "cafeteria"
