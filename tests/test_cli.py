"""The `minato-bot` command on real files: ask (argument, stdin, --json) and kb check."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import cli
from sqlite_lock import held_by_another

KEYS = {"question", "matched", "entry_id", "score", "answer", "lang", "images", "suggestions"}


def run(args: list[str], tmp_path: Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    env = {"MINATO_DB": str(tmp_path / "log.db"), "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "bot", *args], input=stdin, capture_output=True,
                          text=True, env=env, cwd=tmp_path, timeout=120)


def test_ask_json_for_one_question(tmp_path: Path) -> None:
    result = run(["ask", "食堂はありますか？", "--json"], tmp_path)
    assert result.returncode == 0, result.stderr
    reply = json.loads(result.stdout)
    assert set(reply) >= KEYS
    assert reply["matched"] and reply["entry_id"] == "cafeteria" and reply["lang"] == "ja"
    assert 0 <= reply["score"] <= 100
    assert (tmp_path / "log.db").is_file()


def test_ask_reads_questions_from_stdin_in_order(tmp_path: Path) -> None:
    result = run(["ask", "--json"], tmp_path, stdin="食堂はありますか？\nWhat is the weather today?\n\nHow many staff work for the city?\n")
    assert result.returncode == 0, result.stderr
    replies = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["question"] for r in replies] == ["食堂はありますか？", "What is the weather today?", "", "How many staff work for the city?"]
    assert [r["matched"] for r in replies] == [True, False, False, True]
    assert replies[3]["lang"] == "en" and replies[3]["entry_id"] == "overview-staff"


def test_ask_plain_text(tmp_path: Path) -> None:
    result = run(["ask", "OJTはありますか"], tmp_path)
    assert result.returncode == 0 and "OJT" in result.stdout


def test_kb_check_passes_on_the_bundled_base() -> None:
    result = CliRunner().invoke(cli, ["kb", "check"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("ok:")
    assert result.output.startswith("knowledge: ")  # first, on standard error: which directory and version


def test_kb_check_reports_problems_with_file_and_line(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("entries:\n  - id: x\n    category: c\n    oops: 1\n", encoding="utf-8")
    result = CliRunner().invoke(cli, ["kb", "check", str(tmp_path)])
    assert result.exit_code == 1
    assert f"{tmp_path}/a.yaml:4: unknown key 'oops'" in result.output
    assert "Traceback" not in result.output


def test_a_bad_knowledge_dir_is_a_clean_error(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("entries: [\n", encoding="utf-8")
    env_result = subprocess.run([sys.executable, "-m", "bot", "ask", "食堂"], capture_output=True, text=True,
                                env={"MINATO_KB_DIR": str(tmp_path), "MINATO_DB": str(tmp_path / "l.db")}, cwd=tmp_path)
    assert env_result.returncode == 1
    assert "a.yaml:" in env_result.stderr and "Traceback" not in env_result.stderr


def test_kb_explain_shows_the_reading_and_the_decision() -> None:
    result = CliRunner().invoke(cli, ["kb", "explain", "食道はある？"])
    assert result.exit_code == 0, result.output
    assert "食道" in result.output and "食堂" in result.output and "[reading]" in result.output
    assert "cafeteria" in result.stdout and result.stdout.rstrip().endswith("decision: answer cafeteria")


def refuses(args: list[str], db: str, tmp_path: Path, **extra: str) -> subprocess.CompletedProcess[str]:
    env = {"MINATO_DB": db, "PATH": "/usr/bin:/bin", "MINATO_PORT": "9", "MINATO_LOG_COMMIT_SECONDS": "0.2", **extra}
    return subprocess.run([sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), *args],
                          input="", capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)


@pytest.mark.parametrize("args", [["serve"], ["chat"], ["telegram"], ["ask", "食堂はありますか？"]])
def test_every_answering_command_refuses_an_unwritable_log_in_one_line(args: list[str], tmp_path: Path) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("a file where the log's folder should be", encoding="utf-8")
    result = refuses(args, str(blocker / "log.db"), tmp_path, TELEGRAM_BOT_TOKEN="123456:" + "A" * 35)
    assert result.returncode == 2, result.stderr
    assert result.stderr.count("\n") == 1 and "cannot write the question log" in result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_log_that_is_a_directory_or_locked_is_refused(tmp_path: Path) -> None:
    assert refuses(["ask", "食堂"], str(tmp_path), tmp_path).returncode == 2
    locked = tmp_path / "locked.db"
    sqlite3.connect(locked, isolation_level=None).execute("CREATE TABLE held (x)").connection.close()
    with held_by_another(locked, "EXCLUSIVE"):  # another program holds the database for writing
        result = refuses(["ask", "食堂"], str(locked), tmp_path)
    assert result.returncode == 2 and "database is locked" in result.stderr and "Traceback" not in result.stderr


def test_every_line_of_an_ask_batch_is_in_the_log_after_it_ends(tmp_path: Path) -> None:
    lines = [f"食堂はありますか？ {n}" for n in range(200)]
    result = run(["ask", "--json"], tmp_path, stdin="\n".join(lines) + "\n")
    assert result.returncode == 0, result.stderr
    with sqlite3.connect(tmp_path / "log.db") as db:
        logged = [row[0] for row in db.execute("SELECT question FROM questions ORDER BY ts, rowid")]
    assert sorted(logged) == sorted(lines)


def chat(tmp_path: Path, lines: list[str], *args: str, columns: int = 80) -> str:
    """Run `minato-bot chat` in-process with these lines typed, and return what it printed."""
    env = {"MINATO_DB": str(tmp_path / "log.db"), "COLUMNS": str(columns)}
    result = CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), "chat", *args],
                                input="".join(f"{line}\n" for line in lines), env=env)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_chat_help_picks_and_wraps(tmp_path: Path) -> None:
    from bot.config import bundled_knowledge_dir
    from bot.knowledge import load_knowledge
    from bot.termwrap import width

    kb = load_knowledge(bundled_knowledge_dir())
    topics = [kb.by_id[e] for e in kb.scope.menu if e in kb.by_id]
    out = chat(tmp_path, ["/help", "99", "1", "/quit"], "--lang", "ja", columns=40)
    flat = "".join(line.strip() for line in out.splitlines())
    assert "".join(kb.scope.message("help", "ja").split()) in flat  # /help in a Japanese chat: Japanese
    assert kb.scope.message("help", "en")[:20] not in out
    after_slip = out.split(f"1〜{len(kb.scope.menu)} の番号を選んでください。")[1]  # 99: not in the list, which stays
    assert f"1. {topics[0].title['ja']}" in after_slip
    assert "".join(topics[0].answer["ja"].split()) in flat  # 1 still picks from it
    too_wide = [line for line in out.splitlines() if width(line.removeprefix("> ")) > 39]  # the typed line is not echoed
    assert not too_wide, out  # wrapped to the terminal
