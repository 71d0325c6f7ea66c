"""A throwaway PostgreSQL cluster for tests: initdb into a temporary directory, a free loopback port, stopped at exit.

PostgreSQL refuses to run as root, so under root the cluster belongs to the `postgres` user (Debian's package
creates it) and its programs run through `runuser`.
"""

from __future__ import annotations

import glob
import itertools
import os
import pwd
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Sequence
from urllib.parse import quote

import pytest

from ports import free_port

SUPERUSER = "minato"
PASSWORD = "s3cret:p@ss/word"  # URL-special characters on purpose: masking and quoting must both hold
CLUSTER_USER = "postgres"  # who owns the cluster when the tests run as root


def find_binaries() -> Path | None:
    """Return the directory holding initdb, pg_ctl and postgres (Debian's versioned one first), or None."""
    for candidate in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=_version, reverse=True):
        if Path(candidate, "initdb").is_file() and Path(candidate, "pg_ctl").is_file():
            return Path(candidate)
    initdb = shutil.which("initdb")
    return Path(initdb).resolve().parent if initdb and shutil.which("pg_ctl") else None


def _version(path: str) -> int:
    part = Path(path).parent.name
    return int(part) if part.isdigit() else 0


def why_unavailable() -> str | None:
    """Return why no cluster can be started here, or None when one can."""
    if find_binaries() is None:
        return "no PostgreSQL server binaries (initdb, pg_ctl) found: apt-get install postgresql (.ci/run does)"
    if os.geteuid() == 0:
        try:
            pwd.getpwnam(CLUSTER_USER)
        except KeyError:
            return f"running as root and there is no {CLUSTER_USER!r} user to run PostgreSQL as"
        if shutil.which("runuser") is None:
            return "running as root without runuser to drop to the postgres user"
    return None


@dataclass
class Cluster:
    """A running throwaway cluster: its directory, port, and a URL per database."""

    root: Path
    port: int
    bin: Path

    def url(self, database: str = "postgres") -> str:
        """Return a postgresql:// URL for a database, with the superuser's password in it."""
        return f"postgresql://{SUPERUSER}:{quote(PASSWORD, safe='')}@127.0.0.1:{self.port}/{database}"

    def _run(self, *args: str) -> subprocess.CompletedProcess[str]:
        command = [str(self.bin / args[0]), *args[1:]]
        if os.geteuid() == 0:
            command = ["runuser", "-u", CLUSTER_USER, "--", *command]
        return subprocess.run(command, capture_output=True, text=True, check=True, cwd=self.root)

    def start(self, durable: bool = False) -> None:
        """Create the cluster (password login over TCP) and start it on the loopback address.

        Not durable (the tests): no fsync, nothing survives a crash of the machine, which a throwaway cluster
        does not need. Durable (bench/storage.py): PostgreSQL's defaults, so commits cost what they do in production.
        """
        data, sockets, pwfile = self.root / "data", self.root / "sockets", self.root / "pwfile"
        sockets.mkdir()
        pwfile.write_text(PASSWORD + "\n")
        if os.geteuid() == 0:
            owner = pwd.getpwnam(CLUSTER_USER)
            for path in (self.root, sockets, pwfile):
                os.chown(path, owner.pw_uid, owner.pw_gid)
        self._run("initdb", "-D", str(data), "-U", SUPERUSER, f"--pwfile={pwfile}", "--auth-host=scram-sha-256",
                  "--auth-local=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync")
        options = f"-p {self.port} -k {sockets} -c listen_addresses=127.0.0.1 -c max_connections=60"
        if not durable:
            options += " -c fsync=off -c synchronous_commit=off -c full_page_writes=off"
        self._run("pg_ctl", "-D", str(data), "-l", str(self.root / "server.log"), "-w", "-t", "60", "-o", options,
                  "start")

    def stop(self) -> None:
        """Stop the server at once and remove its files."""
        try:
            self._run("pg_ctl", "-D", str(self.root / "data"), "-m", "immediate", "-w", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def start_cluster(durable: bool = False) -> Cluster:
    """Start a new cluster in a fresh directory under the system's temporary directory."""
    binaries = find_binaries()
    assert binaries is not None, why_unavailable()
    # Not under pytest's tmp_path: its parent is private to the user running the tests, and postgres is another.
    cluster = Cluster(Path(tempfile.mkdtemp(prefix="minato-pg-")), free_port(), binaries)
    try:
        cluster.start(durable)
    except BaseException:
        shutil.rmtree(cluster.root, ignore_errors=True)
        raise
    return cluster


# Fixtures (imported by conftest.py): one cluster per test session, one fresh database per test that asks for one.

_databases = itertools.count(1)


@pytest.fixture(scope="session")
def pg_cluster() -> Iterator[Cluster]:
    """Return a throwaway PostgreSQL cluster for the whole session; skip when PostgreSQL is not installed."""
    reason = why_unavailable()
    if reason:
        pytest.skip(reason)
    cluster = start_cluster()
    try:
        yield cluster
    finally:
        cluster.stop()


def new_database(cluster: Cluster) -> str:
    """Create an empty database in the cluster; return its URL."""
    import psycopg

    name = f"minato_test_{next(_databases)}"
    with psycopg.connect(cluster.url(), autocommit=True) as admin:
        admin.execute(f"CREATE DATABASE {name}")
    return cluster.url(name)


def row_rights_user(url: str) -> str:
    """Create a login role for the database of `url` with no rights on its schema; return the URL that signs in
    as it (as a deploy whose bot user does not own the database: PostgreSQL 15 gives it no CREATE on `public`)."""
    import psycopg

    role = f"{url.rpartition('/')[2]}_bot"
    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute(f"CREATE ROLE {role} LOGIN PASSWORD 'bot'")
    return url.replace(url.partition("@")[0], f"postgresql://{role}:bot")


def grant_row_rights(url: str, tables: Sequence[str]) -> None:
    """Give the role made by row_rights_user SELECT, INSERT, UPDATE, DELETE on these tables, and nothing more."""
    import psycopg

    with psycopg.connect(url, autocommit=True) as owner:
        owner.execute(f"GRANT SELECT, INSERT, UPDATE, DELETE ON {', '.join(tables)} TO {url.rpartition('/')[2]}_bot")


@pytest.fixture
def pg_url(pg_cluster: Cluster) -> str:
    """Return the URL of a fresh, empty PostgreSQL database."""
    return new_database(pg_cluster)


@pytest.fixture(params=["sqlite", "postgresql"])
def log_location(request: pytest.FixtureRequest, tmp_path: Path) -> Path | str:
    """Return where a test's question log lives: a SQLite file, then a PostgreSQL database."""
    if request.param == "sqlite":
        return tmp_path / "log.db"
    return request.getfixturevalue("pg_url")
