"""HR's findings: new-entry warns and names ids from words; report/stats honest and phone-readable; pipes; Tokyo."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import cli
from bot.knowledge import load_knowledge
from bot.kbtools import new_id
from bot.reports import tokyo_time
from hr_logdata import LogData, build_log


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> LogData:
    return build_log(tmp_path_factory.mktemp("findings") / "minato-bot.db")


def run(tmp_path: Path, *args: str, db: Path | None = None, kb_dir: Path | None = None) -> Result:
    env = {"MINATO_DB": str(db or tmp_path / "missing.db"), "MINATO_KB_DIR": str(kb_dir) if kb_dir else ""}
    return CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), *args], env=env)


def test_new_entry_warns_when_the_bot_already_answers_with_the_entry_and_its_score(tmp_path: Path) -> None:
    result = run(tmp_path, "kb", "new-entry", "職員住宅はありますか？")
    assert result.exit_code == 0, result.output
    warning = next(line for line in result.stderr.splitlines() if line.startswith("warning:"))
    assert "already answers" in warning and "'housing-staff'" in warning and "score " in warning
    assert "warning" not in result.stdout  # the YAML to paste stays clean


def test_new_entry_says_nothing_for_a_question_the_bot_misses(tmp_path: Path) -> None:
    result = run(tmp_path, "kb", "new-entry", "ペンギン係の制服は何色ですか？")
    assert result.exit_code == 0 and "warning:" not in result.stderr


def test_new_entry_ids_come_from_the_question_words(kb_copy: Path) -> None:
    kb = load_knowledge(kb_copy)
    assert new_id(kb, ["ペンギン係の制服は何色ですか？"], "welfare") == "pengin-kakari-seifuku"
    assert new_id(kb, ["Is there a staff gym?"], "welfare") == "staff-gym"
    assert new_id(kb, ["給料はいくらですか？"], "guide").startswith("kyuuryou")


def test_stats_and_report_show_the_versions_that_answered_and_no_server_path(log: LogData, tmp_path: Path,
                                                                             kb_copy: Path) -> None:
    text = run(tmp_path, "stats", db=log.path, kb_dir=kb_copy)
    assert text.exit_code == 0, text.output
    assert "v1 (" in text.stdout and "v2 (" in text.stdout and str(kb_copy) not in text.stdout
    out = tmp_path / "r.html"
    assert run(tmp_path, "report", "--out", str(out), db=log.path, kb_dir=kb_copy).exit_code == 0
    html = out.read_text(encoding="utf-8")
    header = html.split("<figure")[0]
    assert "v1 (" in header and "v2 (" in header
    assert str(kb_copy) not in html and str(tmp_path) not in html and "/knowledge" not in html


def test_with_no_range_the_period_is_a_plain_sentence(log: LogData, tmp_path: Path) -> None:
    result = run(tmp_path, "stats", db=log.path)
    assert "All time" in result.stdout and "first question" not in result.stdout


def test_thumbs_are_words_in_stats_and_drawn_in_the_report(log: LogData, tmp_path: Path) -> None:
    result = run(tmp_path, "stats", db=log.path)
    assert "👍" not in result.stdout and "👎" not in result.stdout and "not helpful" in result.stdout
    out = tmp_path / "r.html"
    run(tmp_path, "report", "--out", str(out), db=log.path)
    html = out.read_text(encoding="utf-8")
    assert "👍" not in html and "👎" not in html
    assert 'class="thumb up">helpful<' in html and 'class="thumb down">not helpful<' in html
    assert "data:image/svg+xml" in html and '<meta name="viewport"' in html


def test_csv_times_are_tokyo_times_with_their_offset(log: LogData, tmp_path: Path) -> None:
    result = run(tmp_path, "export", "--csv", db=log.path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    first = min(log.rows, key=lambda r: r["ts"])
    assert rows[0]["ts"] == tokyo_time(first["ts"]) and rows[0]["ts"].endswith("+09:00")
    assert tokyo_time("2026-11-30T00:00:00.000+00:00") == "2026-11-30T09:00:00+09:00"
    assert all(r["feedback_ts"] == "" or r["feedback_ts"].endswith("+09:00") for r in rows)
    stats = run(tmp_path, "stats", "--csv", db=log.path)
    versions = [r for r in csv.DictReader(io.StringIO(stats.stdout)) if r["section"] == "kb_version"]
    assert versions and all("+09:00 .. " in r["examples"] for r in versions)


@pytest.mark.parametrize("args", [["export", "--csv"], ["stats", "--csv"], ["stats"]])
def test_a_closed_pipe_ends_quietly(log: LogData, tmp_path: Path, args: list[str]) -> None:
    child = subprocess.Popen([sys.executable, "-m", "bot", "--env-file", str(tmp_path / "none.env"), *args],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=tmp_path,
                             env={"MINATO_DB": str(log.path), "PATH": "/usr/bin:/bin"})
    assert child.stdout is not None and child.stderr is not None
    child.stdout.close()  # like `| head` that has read enough: every write now meets a closed pipe
    errors = child.stderr.read().decode()
    assert child.wait(timeout=120) == 0, errors
    assert "Broken pipe" not in errors and "Traceback" not in errors and "Exception ignored" not in errors
