"""HR sign-in for the review page: password hashes (scrypt), CSRF tokens, and the lock-out after failures.

No web framework here: the handler (handlers/admin.py) turns these answers into responses.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import time
from dataclasses import dataclass
from typing import Callable, Protocol

SCHEME = "scrypt"
# scrypt's interactive-login cost (RFC 7914 section 2): 16 MB of memory and about 50 ms per try.
COST_N, BLOCK_R, PARALLEL_P = 2**14, 8, 1
KEY_BYTES = 32
SALT_BYTES = 16
MAX_MEMORY = 64 * 1024 * 1024
FAILURES_ALLOWED = 5  # per address per window: the sixth try is refused unchecked
FAILURE_WINDOW = 60.0  # seconds


class BadHash(ValueError):
    """MINATO_ADMIN_PASSWORD_HASH is not a hash this module wrote."""


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def hash_password(password: str, salt: bytes | None = None) -> str:
    """Return a self-describing hash: 'scrypt:N:r:p:salt:key' (no '$', so .env files and shells leave it alone)."""
    if not password:
        raise ValueError("the password is empty")
    salt = salt if salt is not None else secrets.token_bytes(SALT_BYTES)
    key = _derive(password, salt, COST_N, BLOCK_R, PARALLEL_P)
    return f"{SCHEME}:{COST_N}:{BLOCK_R}:{PARALLEL_P}:{_b64(salt)}:{_b64(key)}"


def check_hash(stored: str) -> None:
    """Raise BadHash with the reason when a stored hash cannot be used."""
    _parse(stored)


def verify_password(password: str, stored: str) -> bool:
    """Tell whether the password matches the stored hash, comparing in constant time."""
    n, r, p, salt, key = _parse(stored)
    return hmac.compare_digest(_derive(password, salt, n, r, p), key)


def _derive(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(password.encode("utf-8", "surrogatepass"), salt=salt, n=n, r=r, p=p,
                          maxmem=MAX_MEMORY, dklen=KEY_BYTES)


def _parse(stored: str) -> tuple[int, int, int, bytes, bytes]:
    parts = stored.strip().split(":")
    if len(parts) != 6 or parts[0] != SCHEME:
        raise BadHash("MINATO_ADMIN_PASSWORD_HASH must be the line `minato-bot admin hash-password` prints "
                      "(scrypt:N:r:p:salt:key)")
    try:
        n, r, p = (int(x) for x in parts[1:4])
        salt, key = _unb64(parts[4]), _unb64(parts[5])
    except ValueError:
        raise BadHash("MINATO_ADMIN_PASSWORD_HASH is damaged: print it again with `minato-bot admin hash-password`") \
            from None
    if n < 2 or n & (n - 1) or not 0 < r * p < 64 or 128 * n * r > MAX_MEMORY or len(key) != KEY_BYTES:
        raise BadHash("MINATO_ADMIN_PASSWORD_HASH has cost parameters this bot does not accept")
    return n, r, p, salt, key


def new_token() -> str:
    """Return a random token for a session or a CSRF check."""
    return secrets.token_urlsafe(32)


def token_digest(token: str) -> str:
    """Return what is stored for a session token (a stolen database row is no session)."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()


def same_token(given: str | None, expected: str | None) -> bool:
    """Compare a submitted token with the expected one in constant time; empty never matches."""
    if not given or not expected:
        return False
    return hmac.compare_digest(given.encode("utf-8", "replace"), expected.encode("utf-8", "replace"))


class Failures(Protocol):
    """Where wrong passwords are remembered (the log database, shared by every server process)."""

    def recent(self, address: str, since: float) -> list[float]:
        """Return the times (oldest first) of this address's wrong passwords after `since`."""

    def reserve(self, address: str, when: float, since: float, allowed: int) -> bool:
        """Count a try as a wrong password unless `allowed` are counted after `since`; tell whether it was counted.

        Atomic across server processes: of tries arriving together, no more than `allowed` are counted.
        """

    def forget(self, address: str, when: float) -> None:
        """Take back the wrong password counted at this time (its password was right)."""


@dataclass
class LockOut:
    """Wrong passwords per network address in a sliding window; past the allowance, tries are refused unchecked.

    A try counts as wrong from before its password is checked until it proves right, so tries sent together (to one
    server or several) get no more password checks than the allowance.
    """

    failures: Failures  # bot.audit.AdminStore: every server process counts the same wrong passwords
    allowed: int = FAILURES_ALLOWED
    window: float = FAILURE_WINDOW
    clock: Callable[[], float] = time.time  # wall-clock seconds: comparable across server processes

    def begin(self, address: str) -> float | None:
        """Count a try from this address before checking its password; return its time, or None when locked."""
        now = self.clock()
        return now if self.failures.reserve(address, now, now - self.window, self.allowed) else None

    def succeeded(self, address: str, began: float) -> None:
        """Take back the count of a try (begun at `began`) whose password was right."""
        self.failures.forget(address, began)

    def retry_after(self, address: str) -> int:
        """Return the seconds until this address may try again (at least 1)."""
        recent = self.failures.recent(address, self.clock() - self.window)
        oldest = recent[0] if recent else self.clock()
        return max(1, int(oldest + self.window - self.clock()) + 1)
