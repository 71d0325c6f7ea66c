"""HR's commands through click's CliRunner on real files: stats, report, export, purge, kb check/test/new-entry."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from datetime import datetime, timedelta, timezone
from pathlib import Path

import click
import pytest
import yaml
from click.testing import CliRunner, Result

from bot.analytics import TABLE, open_database
from bot.cli import cli
from hr_logdata import SALARY, LogData, build_log

PENGUIN = """entries:
  - id: penguin-uniform
    category: welfare
    title: {ja: ペンギン係の制服, en: Penguin uniform}
    questions:
      ja: [ペンギン係の制服は何色ですか？, ペンギン係の制服の色を教えて]
      en: [What colour is the penguin keeper uniform?]
    answer: {ja: 青です。, en: It is blue., easy: 青（あお）です。}
    examples: [ペンギン係の制服って何色？]
  - id: penguin-uniform-colour
    category: welfare
    title: {ja: 制服の色, en: Uniform colour}
    questions:
      ja: [ペンギン係の制服は何色でしょうか？]
      en: [Which colour is the penguin keeper uniform?]
    answer: {ja: 青色です。, en: Blue., easy: 青（あお）です。}
"""


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> LogData:
    """Return a synthetic log of a few thousand rows in a real SQLite file."""
    return build_log(tmp_path_factory.mktemp("hr") / "minato-bot.db")


def run(tmp_path: Path, *args: str, db: Path | None = None, kb_dir: Path | None = None,
        stdin: str | None = None) -> Result:
    """Run `minato-bot ARGS` with settings pointing at test files only."""
    env = {"MINATO_DB": str(db or tmp_path / "missing.db"), "MINATO_KB_DIR": str(kb_dir) if kb_dir else ""}
    return CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), *args], env=env, input=stdin,
                              catch_exceptions=False)


def test_every_hr_command_has_an_example_in_its_help() -> None:
    for path in (["stats"], ["report"], ["export"], ["purge"], ["kb", "test"], ["kb", "new-entry"], ["kb", "check"]):
        command: click.Command = cli
        for name in path:
            command = command.commands[name]  # type: ignore[attr-defined]
        assert "Example: minato-bot " + " ".join(path) in (command.help or ""), path


def test_stats_prints_totals_groups_and_no_raw_user_ids(log: LogData, tmp_path: Path) -> None:
    result = run(tmp_path, "stats", db=log.path)
    assert result.exit_code == 0, result.output
    assert f"questions {len(log.rows)}" in result.output
    assert "Top unanswered (near-duplicates grouped)" in result.output and "給料はいくらですか？" in result.output
    assert not any(row["user_hash"] in result.output for row in log.rows if row["user_hash"])


def test_stats_json_and_csv_agree(log: LogData, tmp_path: Path) -> None:
    data = json.loads(run(tmp_path, "stats", "--json", "--channel", "web", db=log.path).stdout)
    web = sum(r["channel"] == "web" for r in log.rows)
    assert data["total"]["questions"] == web and data["channel"] == "web"
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, "stats", "--csv", "--channel", "web", db=log.path).stdout)))
    assert next(r for r in rows if r["section"] == "total")["questions"] == str(web)


def test_stats_with_dates_and_bad_dates(log: LogData, tmp_path: Path) -> None:
    data = json.loads(run(tmp_path, "stats", "--json", "--since", "2026-10-05", "--until", "2026-10-05",
                          db=log.path).stdout)
    assert [d["day"] for d in data["days"]] == ["2026-10-05"]
    assert data["total"]["questions"] == sum(log.tokyo_day(r) == "2026-10-05" for r in log.rows)
    bad = run(tmp_path, "stats", "--since", "5 October", db=log.path)
    assert bad.exit_code == 2 and "Invalid value for '--since'" in bad.output
    backwards = run(tmp_path, "stats", "--since", "2026-10-05", "--until", "2026-10-01", db=log.path)
    assert backwards.exit_code == 2 and "starts (2026-10-05) after it ends" in backwards.output


def test_missing_log_is_a_clean_error(tmp_path: Path) -> None:
    for args in (["stats"], ["report", "--out", str(tmp_path / "r.html")], ["export"], ["purge", "--older-than",
                                                                                     "1d", "--yes"]):
        result = run(tmp_path, *args)
        assert result.exit_code == 1 and "no question log at" in result.output and "Traceback" not in result.output


def test_report_writes_one_html_file(log: LogData, tmp_path: Path) -> None:
    out = tmp_path / "weekly.html"
    result = run(tmp_path, "report", "--out", str(out), db=log.path)
    assert result.exit_code == 0 and f"{len(log.rows)} questions" in result.output
    html = out.read_text(encoding="utf-8")
    assert html.count("<figure") == html.count("<svg xmlns") == 4 and f"{sum(SALARY.values())}" in html and "http://" not in html.split("<svg")[0]


def test_export_to_stdout_and_to_an_excel_friendly_file(log: LogData, tmp_path: Path) -> None:
    result = run(tmp_path, "export", "--csv", "--channel", "line", db=log.path)
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == sum(r["channel"] == "line" for r in log.rows) and rows[0]["channel"] == "line"
    out = tmp_path / "questions.csv"
    assert run(tmp_path, "export", "--out", str(out), db=log.path).exit_code == 0
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    assert len(list(csv.DictReader(io.StringIO(raw.decode("utf-8-sig"))))) == len(log.rows)


def test_purge_deletes_and_reports(tmp_path: Path) -> None:
    path = tmp_path / "minato-bot.db"
    db = open_database(path)
    now = datetime.now(timezone.utc)
    db[TABLE].insert_all([{"id": f"q{n}", "channel": "web", "question": "old" if n < 30 else "new",
                           "ts": (now - timedelta(days=200 if n < 30 else 1)).isoformat()} for n in range(40)])
    db.close()
    bad = run(tmp_path, "purge", "--older-than", "six months", "--yes", db=path)
    assert bad.exit_code == 2 and "use a number and d, w or h" in bad.output
    refused = run(tmp_path, "purge", "--older-than", "180d", db=path, stdin="n\n")
    assert refused.exit_code == 1 and "Aborted" in refused.output
    result = run(tmp_path, "purge", "--older-than", "180d", "--yes", db=path)
    assert result.exit_code == 0 and "deleted 30 questions" in result.output
    with sqlite3.connect(path) as conn:
        assert conn.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == 10


def test_kb_test_passes_on_the_bundled_knowledge_and_fails_on_a_wrong_example(kb_copy: Path, tmp_path: Path) -> None:
    result = run(tmp_path, "kb", "test", str(kb_copy))
    assert result.exit_code == 0, result.output
    assert " 0 failed" in result.output and "pass" in result.output
    one_entry = PENGUIN.split("  - id: penguin-uniform-colour")[0]
    (kb_copy / "penguin.yaml").write_text(one_entry.replace("examples: [ペンギン係の制服って何色？]",
                                                            "examples: [ペンギン係の制服って何色？, 今日の天気は？]"),
                                          encoding="utf-8")
    scope = yaml.safe_load((kb_copy / "scope.yaml").read_text(encoding="utf-8"))
    scope["must_not_answer"] = [*scope.get("must_not_answer", []), "ペンギン係の制服は何色ですか？"]
    (kb_copy / "scope.yaml").write_text(yaml.safe_dump(scope, allow_unicode=True), encoding="utf-8")
    failed = run(tmp_path, "kb", "test", str(kb_copy), "--failures-only")
    assert failed.exit_code == 1
    lines = [line for line in failed.output.splitlines() if "FAIL" in line]
    assert any("penguin-uniform" in line and "今日の天気は？" in line and "penguin.yaml:2" in line for line in lines)
    assert any("no answer" in line and "answer penguin-uniform" in line and "ペンギン係の制服は何色ですか？" in line
               for line in lines)
    assert not any("ペンギン係の制服って何色？" in line for line in lines)  # the good example still passes
    assert f" {len(lines)} failed" in failed.output


def test_kb_check_warns_about_crossing_entries_but_exits_0(kb_copy: Path, tmp_path: Path) -> None:
    (kb_copy / "penguin.yaml").write_text(PENGUIN, encoding="utf-8")
    result = run(tmp_path, "kb", "check", str(kb_copy))
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.output.splitlines() if "warning: entries 'penguin-uniform" in line]
    assert warnings and all(line.startswith(f"{kb_copy}/penguin.yaml:") for line in warnings)
    assert any("'penguin-uniform-colour'" in line for line in warnings)


def test_new_entry_turns_a_missed_question_into_an_answer(kb_copy: Path, tmp_path: Path) -> None:
    question = "ペンギン係の制服は何色ですか？"
    before = run(tmp_path, "ask", "--json", question, kb_dir=kb_copy, db=tmp_path / "log.db")
    assert json.loads(before.stdout)["kind"] != "answer"
    scaffold = run(tmp_path, "kb", "new-entry", question, "--id", "penguin", kb_dir=kb_copy)
    assert scaffold.exit_code == 0 and "  - id: penguin" in scaffold.stdout
    (kb_copy / "penguin.yaml").write_text("entries:\n" + scaffold.stdout, encoding="utf-8")
    check = run(tmp_path, "kb", "check", str(kb_copy))
    assert check.exit_code == 0 and "entry 'penguin' still has a TODO" in check.output
    after = json.loads(run(tmp_path, "ask", "--json", question, kb_dir=kb_copy, db=tmp_path / "log.db").stdout)
    assert after["kind"] == "answer" and after["entry_id"] == "penguin"
    tested = run(tmp_path, "kb", "test", str(kb_copy)).output.splitlines()
    assert any(line.split()[:2] == ["pass", "penguin"] and question in line for line in tested)


def test_new_entry_from_the_top_unanswered_group(kb_copy: Path, tmp_path: Path) -> None:
    path = tmp_path / "minato-bot.db"
    db = open_database(path)
    now = datetime.now(timezone.utc).isoformat()
    texts = ["ペンギン係の制服は何色ですか？"] * 5 + ["ペンギン係の制服は何色？"] * 3 + ["駐車場はありますか"]
    db[TABLE].insert_all([{"id": f"q{n}", "ts": now, "channel": "web", "question": text, "kind": "fallback"}
                          for n, text in enumerate(texts)])
    db.close()
    result = run(tmp_path, "kb", "new-entry", "--unanswered", "1", db=path, kb_dir=kb_copy)
    assert result.exit_code == 0, result.output
    entry = yaml.safe_load(result.stdout)[0]
    assert entry["questions"]["ja"] == ["ペンギン係の制服は何色ですか？", "ペンギン係の制服は何色？"]
    assert entry["examples"] == ["ペンギン係の制服は何色ですか？"]
    too_far = run(tmp_path, "kb", "new-entry", "--unanswered", "5", db=path, kb_dir=kb_copy)
    assert too_far.exit_code == 1 and "only 2 unanswered group(s)" in too_far.output
