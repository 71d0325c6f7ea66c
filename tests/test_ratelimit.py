"""Rate limits a client cannot reset: per client id and per network address together, in bounded memory."""

from __future__ import annotations

import ipaddress
from typing import AsyncIterator

import pytest
from aiohttp.test_utils import TestClient, TestServer

from bot.config import ConfigError, Settings, load_settings
from bot.service import Answerer
from handlers.ratelimit import RateLimiter, address_key, allow_all, client_address
from handlers.web import create_app

LOCAL = (ipaddress.ip_network("127.0.0.1/32"),)
PROXIES = (ipaddress.ip_network("127.0.0.1/32"), ipaddress.ip_network("10.0.0.0/8"))


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


async def start(answerer: Answerer, settings: Settings) -> TestClient:
    client = TestClient(TestServer(create_app(answerer, settings), host="127.0.0.1"))
    await client.start_server()
    return client


@pytest.fixture
async def limited(answerer: Answerer) -> AsyncIterator[TestClient]:
    """A server allowing 2 questions a minute per client id and 5 per address."""
    client = await start(answerer, Settings(rate_limit_per_minute=2, rate_limit_per_address_per_minute=5))
    yield client
    await client.close()


async def ask(client: TestClient, client_id: str, forwarded_for: str | None = None) -> int:
    headers = {"X-Client-Id": client_id} | ({"X-Forwarded-For": forwarded_for} if forwarded_for else {})
    response = await client.post("/api/ask", json={"question": "食堂は？"}, headers=headers)
    return response.status


async def test_rotating_client_ids_from_one_address_are_limited(limited: TestClient) -> None:
    statuses = [await ask(limited, f"rotating-id-{n:04d}") for n in range(12)]
    assert statuses == [200] * 5 + [429] * 7


async def test_one_client_id_is_limited_before_its_address(limited: TestClient) -> None:
    assert [await ask(limited, "one-steady-client") for _ in range(3)] == [200, 200, 429]
    assert await ask(limited, "another-client-01") == 200  # the refused hit did not count for the address


async def test_feedback_is_limited_per_address_too(limited: TestClient) -> None:
    statuses = [(await limited.post("/api/feedback", json={"log_id": "x", "helpful": True},
                                    headers={"X-Client-Id": f"rotating-id-{n:04d}"})).status for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2


async def test_forwarded_for_is_ignored_unless_the_peer_is_a_trusted_proxy(limited: TestClient) -> None:
    statuses = [await ask(limited, f"rotating-id-{n:04d}", f"203.0.113.{n}") for n in range(7)]
    assert statuses == [200] * 5 + [429] * 2


async def test_behind_a_trusted_proxy_each_forwarded_address_has_its_own_limit(answerer: Answerer) -> None:
    settings = Settings(rate_limit_per_minute=100, rate_limit_per_address_per_minute=2, trusted_proxies=LOCAL)
    client = await start(answerer, settings)
    try:
        first = [await ask(client, f"rotating-id-{n:04d}", "203.0.113.7") for n in range(3)]
        spoofed = await ask(client, "rotating-id-0100", "198.51.100.1, 203.0.113.7")  # the client wrote the left
        other = await ask(client, "rotating-id-0101", "203.0.113.8")
    finally:
        await client.close()
    assert first == [200, 200, 429] and spoofed == 429 and other == 200


async def test_rotating_ipv6_addresses_of_one_slash_64_share_a_limit(answerer: Answerer) -> None:
    settings = Settings(rate_limit_per_minute=100, rate_limit_per_address_per_minute=2, trusted_proxies=LOCAL)
    client = await start(answerer, settings)
    try:
        statuses = [await ask(client, f"rotating-id-{n:04d}", f"2001:db8:0:1::{n:x}") for n in range(1, 5)]
    finally:
        await client.close()
    assert statuses == [200, 200, 429, 429]


def test_client_address_takes_the_right_most_untrusted_hop() -> None:
    assert client_address("127.0.0.1", ["1.1.1.1, 2.2.2.2"], ()) == "127.0.0.1"  # no proxy trusted
    assert client_address("192.0.2.9", ["1.1.1.1"], PROXIES) == "192.0.2.9"  # peer not a trusted proxy
    assert client_address("127.0.0.1", ["1.1.1.1, 2.2.2.2"], PROXIES) == "2.2.2.2"
    assert client_address("127.0.0.1", ["1.1.1.1, 2.2.2.2, 10.1.2.3"], PROXIES) == "2.2.2.2"  # two proxies
    assert client_address("127.0.0.1", ["1.1.1.1", "2.2.2.2"], PROXIES) == "2.2.2.2"  # two header lines
    assert client_address("127.0.0.1", [], PROXIES) == "127.0.0.1"
    assert client_address("127.0.0.1", ["10.0.0.1"], PROXIES) == "127.0.0.1"  # every hop a proxy
    assert client_address("127.0.0.1", ["junk\udcff"], PROXIES) == "127.0.0.1"
    assert client_address("::ffff:127.0.0.1", ["2001:db8::1"], PROXIES) == "2001:db8::1"
    assert client_address(None, ["1.1.1.1"], PROXIES) == "unknown"


def test_an_ipv6_address_is_limited_as_its_slash_64() -> None:
    # One host usually holds a whole /64: rotating through it must not give fresh buckets.
    assert address_key("2001:db8:1:2:aaaa::1") == address_key("2001:db8:1:2:ffff::9") == "2001:db8:1:2::/64"
    assert address_key("2001:db8:1:3::1") != address_key("2001:db8:1:2::1")
    assert address_key("203.0.113.7") == "203.0.113.7" and address_key("unknown") == "unknown"
    assert address_key("::ffff:203.0.113.7") == "203.0.113.7"


def test_a_flood_of_new_keys_never_resets_an_active_key() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock=clock, max_keys=10)
    assert [limiter.allow("active"), limiter.allow("active"), limiter.allow("active")] == [True, True, False]
    for n in range(1000):
        assert limiter.allow(f"flood-{n}")
        clock.now += 0.001
        assert not limiter.allow("active"), n
    assert len(limiter) <= 10


def test_the_least_recently_seen_key_is_the_one_forgotten() -> None:
    clock = Clock()
    limiter = RateLimiter(1, clock=clock, max_keys=3)
    for key in ("a", "b", "c"):
        assert limiter.allow(key)
    assert not limiter.allow("a")  # seen again: now the most recent
    assert limiter.allow("d")  # pushes out b, the least recently seen
    assert not limiter.allow("a") and not limiter.allow("c") and limiter.allow("b")


def test_hits_are_earned_back_over_a_minute() -> None:
    clock = Clock()
    limiter = RateLimiter(2, clock=clock)
    assert [limiter.allow("a"), limiter.allow("a"), limiter.allow("a")] == [True, True, False]
    clock.now += 30.0
    assert [limiter.allow("a"), limiter.allow("a")] == [True, False]
    clock.now += 60.0
    assert [limiter.allow("a"), limiter.allow("a"), limiter.allow("a")] == [True, True, False]


def test_a_hit_counts_only_when_every_limit_has_room() -> None:
    per_user, per_address = RateLimiter(10), RateLimiter(1)
    assert allow_all([(per_user, "u"), (per_address, "addr")])
    assert not allow_all([(per_user, "u"), (per_address, "addr")])
    assert [per_user.allow("u") for _ in range(10)] == [True] * 9 + [False]  # the refused hit was not counted


def test_no_limit_when_set_to_zero() -> None:
    assert all(RateLimiter(0).allow("a") for _ in range(1000))


def test_address_limit_settings() -> None:
    assert Settings().address_rate_limit == 100 and Settings(rate_limit_per_minute=0).address_rate_limit == 0
    settings = load_settings(None, environ={"MINATO_RATE_LIMIT_PER_ADDRESS_PER_MINUTE": "7",
                                            "MINATO_TRUSTED_PROXIES": "127.0.0.1, 10.0.0.0/8,::1"})
    assert settings.address_rate_limit == 7 and len(settings.trusted_proxies) == 3
    with pytest.raises(ConfigError, match="MINATO_TRUSTED_PROXIES"):
        load_settings(None, environ={"MINATO_TRUSTED_PROXIES": "localhost"})
    for name in ("MINATO_HEADER_TIMEOUT", "MINATO_BODY_TIMEOUT"):
        with pytest.raises(ConfigError, match=name):
            load_settings(None, environ={name: "0"})
