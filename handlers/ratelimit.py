"""The web's view of a client for the rate limit: its network address, behind trusted proxies or not.

The limit itself (token buckets, the policy) is the engine's: bot/ratelimit.py.
"""

from __future__ import annotations

import ipaddress
from functools import lru_cache

from bot.config import IPNetwork
from bot.ratelimit import MAX_KEYS, RateLimiter, RateLimits, allow_all

ADDRESSES_KEPT = 4096  # parsed addresses remembered; bounded, as anyone can send new ones

__all__ = ["MAX_KEYS", "RateLimiter", "RateLimits", "allow_all", "address_key", "client_address"]


def client_address(peer: str | None, forwarded_for: list[str], trusted: tuple[IPNetwork, ...]) -> str:
    """Return the client's network address: the peer, or behind trusted proxies the right-most untrusted hop.

    Only a trusted proxy's X-Forwarded-For is believed, and only from the right: every hop left of the first
    untrusted address could have been written by the client itself.
    """
    if not peer or not trusted or not _is_trusted(peer, trusted):
        return peer or "unknown"
    hops = [hop.strip() for header in forwarded_for for hop in header.split(",")]
    for hop in reversed(hops):
        if not _is_trusted(hop, trusted):
            return hop if _parse(hop) is not None else peer
    return peer


@lru_cache(maxsize=ADDRESSES_KEPT)
def address_key(address: str) -> str:
    """Return the rate-limit key of an address: an IPv6 address counts as its /64, which one host usually holds."""
    ip = _parse(address)
    if isinstance(ip, ipaddress.IPv6Address):
        return str(ipaddress.IPv6Network((ip, 64), strict=False))
    return str(ip) if ip is not None else address


def _is_trusted(address: str, trusted: tuple[IPNetwork, ...]) -> bool:
    ip = _parse(address)
    return ip is not None and any(ip in network for network in trusted)


@lru_cache(maxsize=ADDRESSES_KEPT)  # every request parses its peer's address: mostly the same few clients
def _parse(address: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return None
    mapped = getattr(ip, "ipv4_mapped", None)  # ::ffff:10.0.0.1 from a dual-stack socket is 10.0.0.1
    return mapped or ip
