"""The rate limit every channel applies, decided once: token buckets per user (per channel and action) and per
network address, in bounded memory, so a client can neither flood the bot nor reset its limit with new ids."""

from __future__ import annotations

import time
from collections import OrderedDict
from typing import Callable, Iterable

from bot.config import Settings

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



class RateLimits:
    """The bot's limits: `per_user` questions a minute for each user of each channel, `per_address` for each
    network address (web: an office shares one address, so it gets more). 0 turns a limit off."""

    def __init__(self, per_user: int, per_address: int = 0, clock: Callable[[], float] = time.monotonic) -> None:
        self._users = RateLimiter(per_user, clock)
        self._addresses = RateLimiter(per_address, clock)

    @classmethod
    def from_settings(cls, settings: Settings) -> RateLimits:
        """Return the limits of MINATO_RATE_LIMIT_PER_MINUTE and MINATO_RATE_LIMIT_PER_ADDRESS_PER_MINUTE."""
        return cls(settings.rate_limit_per_minute, settings.address_rate_limit)

    def admit(self, channel: str, user: str, address: str | None = None, action: str = "ask") -> bool:
        """Count one hit for the user (and the address, when known); False, counting none, when either is over.

        The user's id alone would let a client reset its limit by making up a new one for each request.
        """
        checks = [(self._users, f"{channel}:{action}:{user or 'anonymous'}")]
        if address is not None:
            checks.append((self._addresses, f"{action}:{address}"))
        return allow_all(checks)
