"""The per-install salt for hashing user ids: random, created beside the log on first start, reused afterwards."""

from __future__ import annotations

import logging
import os
import secrets
from pathlib import Path

from bot.storage import Location, is_database_url

log = logging.getLogger(__name__)

# Values that were ever shipped as a default or an example: anyone can hash with them, so they protect nothing.
PUBLIC_SALTS = frozenset({"minato-bot", "change-me"})
SALT_BYTES = 32


class SharedSaltNeeded(ValueError):
    """The log is in PostgreSQL, shared by several servers: they must hash user ids with one salt, given to each."""

    def __init__(self) -> None:
        super().__init__("MINATO_DB is a PostgreSQL database, which several servers may share: set MINATO_LOG_SALT "
                         "to one long random secret, the same on every server (e.g. the output of "
                         "`python3 -c 'import secrets; print(secrets.token_hex(32))'`), and keep it out of the "
                         "database")


def salt_path(db_path: Path) -> Path:
    """Return where the salt of the log at db_path lives: `<db>.salt`, readable by the owner only."""
    return db_path.with_name(db_path.name + ".salt")


def install_salt(db_path: Location) -> str:
    """Return the salt stored beside the log, creating a random one (mode 0600) the first time.

    SharedSaltNeeded for a PostgreSQL log: there is no file beside it, and every server must use the same salt.
    """
    if is_database_url(db_path):
        raise SharedSaltNeeded()
    path = salt_path(Path(db_path))
    if not path.exists():
        _create(path)
    salt = path.read_text(encoding="ascii").strip()
    if len(salt) < SALT_BYTES:  # never hash with a truncated or emptied salt
        raise OSError(f"the salt file {path} is damaged (expected {2 * SALT_BYTES} hex characters)")
    return salt


def _create(path: Path) -> None:
    # Written in full to a private temporary file, then linked into place: a crash leaves no half-written salt,
    # and when two processes start at once the second link fails and both use the first one's salt.
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(f"{path.name}.{secrets.token_hex(4)}.tmp")
    descriptor = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(descriptor, "w", encoding="ascii") as file:
            file.write(secrets.token_hex(SALT_BYTES) + "\n")
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(temporary, path)
            log.info("question log: created a random salt for user ids in %s", path)
        except FileExistsError:
            pass
    finally:
        temporary.unlink(missing_ok=True)


def choose_salt(configured: str, db_path: Location) -> str:
    """Return MINATO_LOG_SALT when it is a real secret, else the install's own salt."""
    if configured and configured not in PUBLIC_SALTS:
        return configured
    if is_database_url(db_path):
        raise SharedSaltNeeded()
    if configured:
        log.warning("MINATO_LOG_SALT is a published example value; using the random salt in %s instead",
                    salt_path(Path(db_path)))
    return install_salt(db_path)
