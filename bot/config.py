"""Settings from the environment and an optional `.env` file: the only reader of os.environ."""

from __future__ import annotations

import ipaddress
import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from importlib.util import find_spec
from pathlib import Path
from urllib.parse import unquote, urlsplit


DEFAULT_DB = Path("data/minato-bot.db")
DEFAULT_TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_LINE_API = "https://api.line.me"
DEFAULT_LINE_DATA_API = "https://api-data.line.me"  # LINE's host for uploads such as rich-menu images
LOCAL_KB_DIR = Path("knowledge")  # what `minato-bot kb init` creates and the bot picks up from the working directory
DEFAULT_SALT = "minato-bot"  # a salt everyone knows is no secret to hide
ADDRESS_LIMIT_FACTOR = 5  # an office or mobile-carrier NAT puts many candidates behind one address

IPNetwork = ipaddress.IPv4Network | ipaddress.IPv6Network
LOG_OFF = "off"  # MINATO_DB=off: answer without logging (benchmarks, throw-away demos)
CACHE_OFF = "off"  # MINATO_CACHE_DIR=off: analyse every text at every start
LOG_SYNC_MODES = ("full", "normal")
DATABASE_URL_SCHEMES = ("postgresql://", "postgres://")  # MINATO_DB as a URL: the log lives in PostgreSQL


def database_location(raw: str) -> Path | str:
    """Return MINATO_DB (or a --db option) as a SQLite file path, or as a PostgreSQL URL kept verbatim."""
    text = raw.strip()
    if text.lower().startswith(DATABASE_URL_SCHEMES):
        return text  # a Path would fold the '//' and lose the host
    scheme = text.partition("://")[0]
    if "://" in text and scheme.isalnum():  # only the scheme is shown: the rest may hold a password
        raise ConfigError(f"MINATO_DB: a {scheme}:// URL is not supported; use a SQLite file path or a "
                          "postgresql:// URL")
    return Path(text).expanduser()


def default_cache_dir(environ: Mapping[str, str]) -> Path:
    """Return where kept analyses go by default: the user's cache directory (XDG), as other programs use it."""
    base = environ.get("XDG_CACHE_HOME", "").strip()
    return (Path(base) if base else Path("~/.cache").expanduser()) / "minato-bot"


def bundled_knowledge_dir() -> Path:
    """Return the knowledge directory shipped with the package."""
    spec = find_spec("minato_knowledge")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path(__file__).resolve().parents[1] / "knowledge"  # a source checkout that is not installed


def default_knowledge_dir(cwd: Path | None = None) -> Path:
    """Return ./knowledge when the working directory has one (HR's editable copy), else the bundled copy."""
    local = (cwd or Path.cwd()) / LOCAL_KB_DIR
    return local.resolve() if local.is_dir() else bundled_knowledge_dir()


def is_installed_copy(directory: Path) -> bool:
    """Tell whether a directory is the knowledge installed with the package (not a source checkout's)."""
    bundled = bundled_knowledge_dir().resolve()
    # In a checkout (pip install -e) the bundled directory is the editable source; installed, it is in site-packages.
    return Path(directory).resolve() == bundled and not (bundled.parent / "pyproject.toml").is_file()


@dataclass(frozen=True)
class Settings:
    """Every setting the bot reads, with its embedded default."""

    kb_dir: Path = field(default_factory=default_knowledge_dir)
    db_path: Path = DEFAULT_DB
    db_url: str = ""  # MINATO_DB as a postgresql:// URL: the log is in PostgreSQL and db_path is unused
    log_salt: str = ""  # empty: a random salt created beside the log on first start (see bot.salt)
    log_commit_seconds: float = 2.0
    log_sync: str = "full"
    host: str = "127.0.0.1"
    port: int = 8080
    public_base_url: str = ""
    reload_seconds: float = 1.0
    reload_settle_seconds: float = 1.0
    telegram_token: str = ""
    telegram_api_base_url: str = DEFAULT_TELEGRAM_API
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = ""
    line_channel_secret: str = ""
    line_channel_access_token: str = ""
    line_api_base_url: str = DEFAULT_LINE_API
    line_data_api_base_url: str = DEFAULT_LINE_DATA_API
    rate_limit_per_minute: int = 20
    rate_limit_per_address_per_minute: int | None = None  # None: ADDRESS_LIMIT_FACTOR x the per-user limit
    trusted_proxies: tuple[IPNetwork, ...] = ()
    header_timeout: float = 10.0
    body_timeout: float = 30.0
    context_minutes: float = 10.0  # how long a follow-up ("いつまで？") may lean on the last answer
    admin_password_hash: str = ""  # the HR page /admin is off (404) without it; `minato-bot admin hash-password`
    # the index build's analyses kept between starts (bot.analysiscache); MINATO_CACHE_DIR=off keeps none
    cache_dir: Path = field(default_factory=lambda: default_cache_dir(os.environ))
    engine_process: str = "on"  # serve: answers computed in an engine process beside each server process ("off": threads)

    @property
    def address_rate_limit(self) -> int:
        """Return the questions per minute one network address may ask (0: no limit)."""
        if self.rate_limit_per_address_per_minute is not None:
            return self.rate_limit_per_address_per_minute
        return ADDRESS_LIMIT_FACTOR * self.rate_limit_per_minute

    @property
    def secrets(self) -> tuple[str, ...]:
        """Return every configured credential (and a chosen log salt), for keeping them out of logs."""
        salt = self.log_salt if self.log_salt != DEFAULT_SALT and len(self.log_salt) >= 8 else ""
        return tuple(s for s in (self.telegram_token, self.telegram_webhook_secret, self.line_channel_secret,
                                 self.line_channel_access_token, salt, self.admin_password_hash, *self._db_password_forms) if s)

    @property
    def _db_password_forms(self) -> tuple[str, ...]:
        password = urlsplit(self.db_url).password if self.db_url else None
        return (password, unquote(password)) if password else ()

    @property
    def log_location(self) -> Path | str:
        """Return where the question log lives: a SQLite file, or a PostgreSQL URL (MINATO_DB holds either)."""
        return self.db_url or self.db_path

    @property
    def cache_enabled(self) -> bool:
        """Tell whether the index build's analyses are kept between starts (MINATO_CACHE_DIR=off: not)."""
        return str(self.cache_dir).lower() != CACHE_OFF

    @property
    def answers_in_engine_process(self) -> bool:
        """Tell whether `serve` computes answers in an engine process of their own (handlers/engineproc.py).

        Only with a question log: the conversations then live in its database, which both processes read.
        """
        return self.engine_process == "on" and self.log_enabled

    @property
    def log_enabled(self) -> bool:
        """Tell whether questions are logged (MINATO_DB=off turns the log off)."""
        return bool(self.db_url) or str(self.db_path).lower() != LOG_OFF


ENV_NAMES: dict[str, str] = {
    "kb_dir": "MINATO_KB_DIR",
    "db_path": "MINATO_DB",
    "log_salt": "MINATO_LOG_SALT",
    "log_commit_seconds": "MINATO_LOG_COMMIT_SECONDS",
    "log_sync": "MINATO_LOG_SYNC",
    "host": "MINATO_HOST",
    "port": "MINATO_PORT",
    "public_base_url": "PUBLIC_BASE_URL",
    "reload_seconds": "MINATO_RELOAD_SECONDS",
    "reload_settle_seconds": "MINATO_RELOAD_SETTLE_SECONDS",
    "telegram_token": "TELEGRAM_BOT_TOKEN",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "line_channel_secret": "LINE_CHANNEL_SECRET",
    "line_channel_access_token": "LINE_CHANNEL_ACCESS_TOKEN",
    "line_api_base_url": "LINE_API_BASE_URL",
    "line_data_api_base_url": "LINE_DATA_API_BASE_URL",
    "rate_limit_per_minute": "MINATO_RATE_LIMIT_PER_MINUTE",
    "rate_limit_per_address_per_minute": "MINATO_RATE_LIMIT_PER_ADDRESS_PER_MINUTE",
    "trusted_proxies": "MINATO_TRUSTED_PROXIES",
    "header_timeout": "MINATO_HEADER_TIMEOUT",
    "body_timeout": "MINATO_BODY_TIMEOUT",
    "context_minutes": "MINATO_CONTEXT_MINUTES",
    "admin_password_hash": "MINATO_ADMIN_PASSWORD_HASH",
    "cache_dir": "MINATO_CACHE_DIR",
    "engine_process": "MINATO_ENGINE_PROCESS",
}


TIMEOUTS = ("header_timeout", "body_timeout")


class ConfigError(ValueError):
    """A setting has a value the bot cannot use."""


def load_settings(env_file: Path | None = Path(".env"), environ: dict[str, str] | None = None) -> Settings:
    """Build Settings from `.env` (if present) overridden by the process environment."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        from dotenv import dotenv_values  # only with a .env file to read

        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    kwargs: dict[str, object] = {}
    for f in fields(Settings):
        raw = values.get(ENV_NAMES.get(f.name, ""), "").strip()
        if raw:
            kwargs[f.name] = _convert(f.name, raw, f.type)
    kwargs.setdefault("cache_dir", default_cache_dir(values))
    if isinstance(location := database_location(values.get("MINATO_DB", "")), str):
        kwargs["db_url"], kwargs["db_path"] = location, DEFAULT_DB
    if kwargs.get("engine_process", "on") not in ("on", "off"):
        raise ConfigError(f"MINATO_ENGINE_PROCESS={kwargs['engine_process']!r} must be on or off")
    if kwargs.get("log_sync", "full") not in LOG_SYNC_MODES:
        raise ConfigError(f"MINATO_LOG_SYNC={kwargs['log_sync']!r} must be one of: {', '.join(LOG_SYNC_MODES)}")
    if float(kwargs.get("log_commit_seconds", 2.0)) <= 0:  # type: ignore[arg-type]
        raise ConfigError("MINATO_LOG_COMMIT_SECONDS must be more than 0")
    if not float(kwargs.get("context_minutes", 10.0)) >= 0:  # type: ignore[arg-type]  # also refuses NaN
        raise ConfigError("MINATO_CONTEXT_MINUTES must be a number of minutes, 0 or more (0: no follow-ups)")
    return Settings(**kwargs)  # type: ignore[arg-type]


def _convert(name: str, raw: str, type_name: object) -> object:
    kind = str(type_name)
    try:
        value = _parse(raw, kind)
    except ValueError:
        expected = "list of IP addresses or networks (e.g. 127.0.0.1,10.0.0.0/8)" if "IP" in kind else kind
        raise ConfigError(f"{ENV_NAMES[name]}={raw!r} is not a valid {expected}") from None
    if name in TIMEOUTS and not value > 0:  # type: ignore[operator]  # also refuses NaN
        raise ConfigError(f"{ENV_NAMES[name]}={raw!r} must be a number of seconds above 0")
    return value


def _parse(raw: str, kind: str) -> object:
    if kind == "Path":
        return Path(raw).expanduser()
    if kind in ("int", "int | None"):
        return int(raw)
    if kind == "float":
        return float(raw)
    if kind.startswith("tuple[IPNetwork"):
        return tuple(ipaddress.ip_network(part.strip(), strict=False) for part in raw.split(",") if part.strip())
    return raw
