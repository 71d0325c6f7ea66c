"""A free TCP port on 127.0.0.1, for tests that start a real server in another process."""

from __future__ import annotations

import socket


def free_port() -> int:
    """Return a port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
