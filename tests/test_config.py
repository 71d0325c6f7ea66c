"""Settings: embedded defaults, .env file, environment precedence, clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Settings, bundled_knowledge_dir, load_settings


def test_defaults_need_nothing(tmp_path: Path) -> None:
    settings = load_settings(tmp_path / "missing.env", environ={})
    assert settings == Settings()
    assert settings.kb_dir == bundled_knowledge_dir() and (settings.kb_dir / "synonyms.yaml").is_file()
    assert settings.db_path == Path("data/minato-bot.db")


def test_env_file_is_read_and_environment_wins(tmp_path: Path) -> None:
    env_file = tmp_path / ".env"
    env_file.write_text("MINATO_PORT=9000\nMINATO_DB=/tmp/x.db\nTELEGRAM_BOT_TOKEN=1:abc\n", encoding="utf-8")
    settings = load_settings(env_file, environ={"MINATO_PORT": "9100"})
    assert settings.port == 9100 and settings.db_path == Path("/tmp/x.db") and settings.telegram_token == "1:abc"


def test_empty_values_keep_the_default(tmp_path: Path) -> None:
    assert load_settings(None, environ={"MINATO_KB_DIR": "", "MINATO_PORT": " "}) == Settings()


def test_a_bad_number_is_a_clear_error() -> None:
    with pytest.raises(ConfigError, match="MINATO_PORT='eighty' is not a valid int"):
        load_settings(None, environ={"MINATO_PORT": "eighty"})


def test_env_example_lists_every_setting() -> None:
    from bot.config import ENV_NAMES

    example = (Path(__file__).parents[1] / ".env.example").read_text(encoding="utf-8")
    for name in ENV_NAMES.values():
        assert f"\n{name}=" in example, name
