"""Which knowledge the bot uses: MINATO_KB_DIR, else ./knowledge (made by `kb init`), else the bundled copy."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from bot.config import bundled_knowledge_dir, default_knowledge_dir, load_settings


def run(cwd: Path, *args: str) -> Result:
    """Run `minato-bot ARGS` from the directory cwd, with no MINATO_KB_DIR."""
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(cwd)
        return CliRunner().invoke(cli, ["--env-file", str(cwd / "none.env"), *args],
                                  env={"MINATO_KB_DIR": "", "MINATO_DB": str(cwd / "log.db")})


def test_a_knowledge_directory_in_the_working_directory_wins_over_the_bundled_copy(tmp_path: Path) -> None:
    assert default_knowledge_dir(tmp_path) == bundled_knowledge_dir()
    (tmp_path / "knowledge").mkdir()
    assert default_knowledge_dir(tmp_path) == (tmp_path / "knowledge").resolve()


def test_the_setting_wins_over_the_working_directory(tmp_path: Path) -> None:
    settings = load_settings(None, environ={"MINATO_KB_DIR": str(tmp_path)})
    assert settings.kb_dir == tmp_path


def test_kb_init_copies_the_bundled_knowledge_and_every_command_then_uses_it(tmp_path: Path) -> None:
    result = run(tmp_path, "kb", "init")
    assert result.exit_code == 0, result.output
    target = tmp_path / "knowledge"
    assert (target / "scope.yaml").is_file() and (target / "images" / "districts.png").is_file()
    assert not list(target.rglob("__pycache__"))
    checked = run(tmp_path, "kb", "check")
    assert checked.exit_code == 0, checked.output
    assert checked.output.splitlines()[0].startswith(f"knowledge: {target.resolve()} (version ")
    (target / "welfare.yaml").write_text("entries: [\n", encoding="utf-8")
    broken = run(tmp_path, "kb", "check")  # no argument: what the bot would load, i.e. ./knowledge
    assert broken.exit_code == 1 and "welfare.yaml:" in broken.output
    again = run(tmp_path, "kb", "init")
    assert again.exit_code == 1 and "already exists" in again.output


def test_ask_says_first_which_knowledge_answers_on_standard_error(tmp_path: Path) -> None:
    result = run(tmp_path, "ask", "--json", "食堂はありますか？")
    assert result.exit_code == 0, result.output
    assert result.stderr.splitlines()[0].startswith(f"knowledge: {bundled_knowledge_dir().resolve()} (version ")
    assert result.stdout.startswith("{")
