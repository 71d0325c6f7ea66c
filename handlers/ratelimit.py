"""Rate limits a client cannot reset: one bucket per client id and one per network address, in bounded memory."""

from __future__ import annotations

import ipaddress
import time
from collections import OrderedDict
from typing import Callable, Iterable

from bot.config import IPNetwork

MAX_KEYS = 50_000  # per limiter; about 10 MB at most


class RateLimiter:
    """Token buckets: each key may spend `per_minute` hits at once, and earns them back over a minute.

    Memory is bounded by evicting the least recently seen key, one at a time, so a flood of new keys
    pushes out only keys that have been quiet longest: a key in use keeps its count.
    """

    def __init__(self, per_minute: int, clock: Callable[[], float] = time.monotonic, max_keys: int = MAX_KEYS) -> None:
        self._limit = float(per_minute)
        self._clock = clock
        self._max_keys = max(1, max_keys)
        self._buckets: OrderedDict[str, list[float]] = OrderedDict()  # key -> [tokens, refilled at]

    def allow(self, key: str) -> bool:
        """Count a hit for key; False (and nothing counted) when the key is over its limit."""
        return allow_all([(self, key)])

    def has_room(self, key: str) -> bool:
        """Tell whether key may make one more hit now (marks the key as recently seen)."""
        return self._limit <= 0 or self._bucket(key)[0] >= 1.0

    def spend(self, key: str) -> None:
        """Count one hit for key."""
        if self._limit > 0:
            self._bucket(key)[0] -= 1.0

    def __len__(self) -> int:
        return len(self._buckets)

    def _bucket(self, key: str) -> list[float]:
        now = self._clock()
        bucket = self._buckets.get(key)
        if bucket is None:
            while len(self._buckets) >= self._max_keys:
                self._buckets.popitem(last=False)
            bucket = self._buckets[key] = [self._limit, now]
        else:
            self._buckets.move_to_end(key)
            earned = (now - bucket[1]) * self._limit / 60.0
            bucket[0], bucket[1] = min(self._limit, bucket[0] + earned), now
        return bucket


def allow_all(checks: Iterable[tuple[RateLimiter, str]]) -> bool:
    """Count a hit in every (limiter, key) when each has room; otherwise count none and return False."""
    checks = list(checks)
    if not all([limiter.has_room(key) for limiter, key in checks]):  # a list: every key is marked as seen
        return False
    for limiter, key in checks:
        limiter.spend(key)
    return True


def client_address(peer: str | None, forwarded_for: list[str], trusted: tuple[IPNetwork, ...]) -> str:
    """Return the client's network address: the peer, or behind trusted proxies the right-most untrusted hop.

    Only a trusted proxy's X-Forwarded-For is believed, and only from the right: every hop left of the first
    untrusted address could have been written by the client itself.
    """
    if not peer or not _is_trusted(peer, trusted):
        return peer or "unknown"
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop if _parse(hop) is not None else peer
    return peer


def address_key(address: str) -> str:
    """Return the rate-limit key of an address: an IPv6 address counts as its /64, which one host usually holds."""
    ip = _parse(address)
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip) if ip is not None else address


def _is_trusted(address: str, trusted: tuple[IPNetwork, ...]) -> bool:
    ip = _parse(address)
    return ip is not None and any(ip in network for network in trusted)


def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:10.0.0.1 from a dual-stack socket is 10.0.0.1
    return mapped or ip
