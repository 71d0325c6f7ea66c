"""Settings from the environment and an optional `.env` file: the only reader of os.environ."""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields
from importlib.util import find_spec
from pathlib import Path

from dotenv import dotenv_values

DEFAULT_DB = Path("data/minato-bot.db")
DEFAULT_TELEGRAM_API = "https://api.telegram.org/bot"
DEFAULT_LINE_API = "https://api.line.me"
LOG_OFF = "off"  # MINATO_DB=off: answer without logging (benchmarks, throw-away demos)
LOG_SYNC_MODES = ("full", "normal")


def bundled_knowledge_dir() -> Path:
    """Return the knowledge directory shipped with the package."""
    spec = find_spec("minato_knowledge")
    for location in (spec.submodule_search_locations or []) if spec else []:
        if Path(location).is_dir():
            return Path(location)
    return Path(__file__).resolve().parents[1] / "knowledge"  # a source checkout that is not installed


@dataclass(frozen=True)
class Settings:
    """Every setting the bot reads, with its embedded default."""

    kb_dir: Path = field(default_factory=bundled_knowledge_dir)
    db_path: Path = DEFAULT_DB
    log_salt: str = ""  # empty: a random salt created beside the log on first start (see bot.salt)
    log_commit_seconds: float = 2.0
    log_sync: str = "full"
    host: str = "127.0.0.1"
    port: int = 8080
    public_base_url: str = ""
    reload_seconds: float = 2.0
    telegram_token: str = ""
    telegram_api_base_url: str = DEFAULT_TELEGRAM_API
    telegram_webhook_url: str = ""
    telegram_webhook_secret: str = ""
    line_channel_secret: str = ""
    line_channel_access_token: str = ""
    line_api_base_url: str = DEFAULT_LINE_API
    rate_limit_per_minute: int = 20

    @property
    def log_enabled(self) -> bool:
        """Tell whether questions are logged (MINATO_DB=off turns the log off)."""
        return str(self.db_path).lower() != LOG_OFF


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
    "telegram_token": "TELEGRAM_BOT_TOKEN",
    "telegram_api_base_url": "TELEGRAM_API_BASE_URL",
    "telegram_webhook_url": "TELEGRAM_WEBHOOK_URL",
    "telegram_webhook_secret": "TELEGRAM_WEBHOOK_SECRET",
    "line_channel_secret": "LINE_CHANNEL_SECRET",
    "line_channel_access_token": "LINE_CHANNEL_ACCESS_TOKEN",
    "line_api_base_url": "LINE_API_BASE_URL",
    "rate_limit_per_minute": "MINATO_RATE_LIMIT_PER_MINUTE",
}


class ConfigError(ValueError):
    """A setting has a value the bot cannot use."""


def load_settings(env_file: Path | None = Path(".env"), environ: dict[str, str] | None = None) -> Settings:
    """Build Settings from `.env` (if present) overridden by the process environment."""
    values: dict[str, str] = {}
    if env_file is not None and env_file.is_file():
        values.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    values.update(os.environ if environ is None else environ)
    kwargs: dict[str, object] = {}
    for f in fields(Settings):
        raw = values.get(ENV_NAMES[f.name], "").strip()
        if raw:
            kwargs[f.name] = _convert(f.name, raw, f.type)
    if kwargs.get("log_sync", "full") not in LOG_SYNC_MODES:
        raise ConfigError(f"MINATO_LOG_SYNC={kwargs['log_sync']!r} must be one of: {', '.join(LOG_SYNC_MODES)}")
    if float(kwargs.get("log_commit_seconds", 2.0)) <= 0:  # type: ignore[arg-type]
        raise ConfigError("MINATO_LOG_COMMIT_SECONDS must be more than 0")
    return Settings(**kwargs)  # type: ignore[arg-type]


def _convert(name: str, raw: str, type_name: object) -> object:
    kind = str(type_name)
    try:
        if kind == "Path":
            return Path(raw).expanduser()
        if kind == "int":
            return int(raw)
        if kind == "float":
            return float(raw)
    except ValueError:
        raise ConfigError(f"{ENV_NAMES[name]}={raw!r} is not a valid {kind}") from None
    return raw
