"""HR analytics over a real SQLite log of a few thousand synthetic rows: counts, groups, CSV, HTML, purge, privacy."""

from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections import Counter
from datetime import date, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml

from bot import charts
from bot.analytics import TABLE, Period, QuestionLog, iter_rows, purge, read_stats
from bot.knowledge import KnowledgeBase
from bot.grouping import group_similar
from bot.report_html import render_report
from bot.reports import log_csv, stats_csv, stats_json, stats_text, tokyo_time
from bot.service import Answerer, Question
from hr_logdata import (APPLY, CHANNELS, DAYS, FIRST_DAY, SALARY, SCRIPT_QUESTION, UNHELPFUL_COUNT, UNHELPFUL_ENTRY,
                        LogData, build_log)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def log(tmp_path_factory: pytest.TempPathFactory) -> LogData:
    """Return a log of about 3,600 rows in a real SQLite file."""
    return build_log(tmp_path_factory.mktemp("log") / "minato-bot.db")


def expected(log: LogData, channel: str | None = None, since: str = "", until: str = "9999") -> Counter[str]:
    """Count the fixture's rows by kind in plain Python (the oracle for the SQL)."""
    return Counter(r["kind"] for r in log.rows
                   if (channel is None or r["channel"] == channel) and since <= log.tokyo_day(r) <= until)


def test_totals_answer_rate_and_feedback_match_the_rows(log: LogData) -> None:
    stats = read_stats(log.path)
    kinds = expected(log)
    assert stats.total.questions == len(log.rows)
    assert (stats.total.answered, stats.total.clarified, stats.total.missed) == (
        kinds["answer"], kinds["clarify"], kinds["fallback"])
    assert stats.total.answer_rate == pytest.approx(kinds["answer"] / (kinds["answer"] + kinds["clarify"]
                                                                       + kinds["fallback"]))
    assert stats.total.helpful == sum(r["helpful"] == 1 for r in log.rows)
    assert stats.total.unhelpful == sum(r["helpful"] == 0 for r in log.rows)
    assert stats.users == len({r["user_hash"] for r in log.rows if r["user_hash"]})


def test_days_are_tokyo_dates_with_quiet_days_as_zero(log: LogData) -> None:
    stats = read_stats(log.path)
    per_day = Counter(log.tokyo_day(r) for r in log.rows)
    assert [day for day, _ in stats.days] == [(FIRST_DAY + timedelta(days=n)).isoformat() for n in range(DAYS)]
    assert {day: t.questions for day, t in stats.days} == dict(per_day)
    later = read_stats(log.path, Period(since=FIRST_DAY, until=FIRST_DAY + timedelta(days=DAYS + 3)))
    assert len(later.days) >= DAYS and later.days[-1][1].questions == 0  # days after the last question count as 0


def test_channel_and_date_filters(log: LogData) -> None:
    since, until = FIRST_DAY + timedelta(days=3), FIRST_DAY + timedelta(days=9)
    stats = read_stats(log.path, Period(since, until, "line"))
    kinds = expected(log, "line", since.isoformat(), until.isoformat())
    assert stats.total.questions == sum(kinds.values())
    assert stats.total.answered == kinds["answer"]
    assert [name for name, _ in stats.channels] == ["line"]
    assert stats.days[0][0] == since.isoformat() and stats.days[-1][0] == until.isoformat()
    everything = read_stats(log.path)
    assert {name for name, _ in everything.channels} == set(CHANNELS)
    assert sum(t.questions for _, t in everything.channels) == len(log.rows)


def test_unanswered_near_duplicates_are_grouped_with_counts_and_examples(log: LogData) -> None:
    groups = read_stats(log.path).unanswered
    salary, apply = groups[0], groups[1]
    assert salary.count == sum(SALARY.values()) and salary.text == "給料はいくらですか？"
    assert set(salary.examples) <= set(SALARY) and len(salary.examples) == 5
    assert apply.count == sum(APPLY.values()) and set(apply.examples) <= set(APPLY)
    assert all(g.count == 1 for g in groups[2:])  # the one-offs stay apart


def test_group_similar_keeps_different_questions_apart() -> None:
    texts = ["給料はいくらですか？", "試験日はいつですか？", "給料はいくら", "When is the exam?", "when is the exam",
             "寮はありますか"]
    groups = group_similar(texts)
    assert sorted(map(sorted, groups)) == [[0, 2], [1], [3, 4], [5]]


def test_top_entries_and_most_unhelpful(log: LogData) -> None:
    stats = read_stats(log.path, top=3)
    asked = Counter(r["entry_id"] for r in log.rows if r["kind"] == "answer")
    assert [(e.entry_id, e.asked) for e in stats.top_entries] == sorted(asked.items(), key=lambda i: (-i[1], i[0]))[:3]
    worst = stats.unhelpful_entries[0]
    assert worst.entry_id == UNHELPFUL_ENTRY and worst.unhelpful == UNHELPFUL_COUNT and worst.helpful == 0


def test_versions_that_answered_are_listed(log: LogData) -> None:
    versions = {v.version: v.questions for v in read_stats(log.path).versions}
    assert versions == dict(Counter(r["kb_version"] for r in log.rows))


def test_stats_as_text_json_and_csv(log: LogData) -> None:
    stats = read_stats(log.path)
    text = stats_text(stats)
    assert f"questions {len(log.rows)}" in text and "給料はいくらですか？" in text
    data = json.loads(stats_json(stats))
    assert data["total"]["questions"] == len(log.rows) and data["unanswered"][0]["count"] == sum(SALARY.values())
    out = io.StringIO()
    stats_csv(stats, out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert next(r for r in rows if r["section"] == "total")["questions"] == str(len(log.rows))
    assert sum(int(r["questions"]) for r in rows if r["section"] == "day") == len(log.rows)
    assert next(r for r in rows if r["section"] == "unanswered")["questions"] == str(sum(SALARY.values()))


def test_export_csv_round_trips_every_row(log: LogData) -> None:
    out = io.StringIO()
    count = log_csv(iter_rows(log.path), out)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert count == len(rows) == len(log.rows)
    assert [r["ts"] for r in rows] == [tokyo_time(ts) for ts in sorted(r["ts"] for r in log.rows)]
    assert SCRIPT_QUESTION in {r["question"] for r in rows}
    only = list(iter_rows(log.path, Period(channel="telegram")))
    assert len(only) == sum(r["channel"] == "telegram" for r in log.rows)


class _Report(HTMLParser):
    """Collects what a reader of the report sees: figures, SVGs, element ids, table cells, external refs."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.figures: list[str] = []
        self.svgs = 0
        self.tags: Counter[str] = Counter()
        self.external: list[str] = []
        self.cells: dict[str, list[list[str]]] = {}
        self._table = ""
        self._cell: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        self.tags[tag] += 1
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "figure":
            self.figures.append(values.get("id") or "")
        self.svgs += tag == "svg"
        self.external += [v for k, v in attrs if k in {"src", "href"} and v and not v.startswith("#")]
        if tag == "table":
            self._table = values.get("id") or ""
            self.cells[self._table] = []
        elif tag == "tr" and self._table:
            self.cells[self._table].append([])
        elif tag == "td":
            self._cell = []

    def handle_data(self, data: str) -> None:
        if self._cell is not None:
            self._cell.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "td" and self._cell is not None:
            self.cells[self._table][-1].append("".join(self._cell))
            self._cell = None
        elif tag == "table":
            self._table = ""


def test_html_report_is_self_contained_with_charts_and_numbers(log: LogData) -> None:
    stats = read_stats(log.path)
    html = render_report(stats)
    page = _Report()
    page.feed(html)
    assert page.figures == ["chart-per-day", "chart-answer-rate", "chart-top-topics", "chart-unanswered"]
    assert page.svgs == 4
    assert page.external == [] and page.tags["script"] == 0 and page.tags["link"] == 0 and page.tags["img"] == 0
    for day, _ in stats.days:  # every day has its bar in the per-day chart
        assert f"{day}-answered" in page.ids
    assert {f"unanswered-{n}" for n in (1, 2)} <= page.ids and f"topic-{stats.top_entries[0].entry_id}" in page.ids
    assert f"{len(log.rows):,}" in html
    first = page.cells["table-unanswered"][1]  # row 0 is the header row (th cells only)
    assert first[0] == str(sum(SALARY.values())) and first[1] == "給料はいくらですか？"
    day_rows = page.cells["table-days"][1:]
    assert sum(int(row[1].replace(",", "")) for row in day_rows) == len(log.rows)
    assert "<script>alert" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;給料" in html


def test_html_report_renders_an_empty_period(log: LogData) -> None:
    stats = read_stats(log.path, Period(since=date(2030, 1, 1)))
    page = _Report()
    page.feed(render_report(stats))
    assert stats.total.questions == 0 and page.svgs == 4


def test_report_still_renders_without_a_japanese_font(log: LogData, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(charts, "JAPANESE_FONT", Path("/nonexistent/ipaexg.ttf"))
    monkeypatch.setattr(charts, "OTHER_JAPANESE_FAMILIES", ())
    charts.font_families.cache_clear()
    try:
        assert charts.font_families() == ("DejaVu Sans",)
        html = render_report(read_stats(log.path))
        assert html.count("<svg") == 4 and "給料はいくらですか？" in html
    finally:
        charts.font_families.cache_clear()


def test_purge_deletes_old_rows_from_the_file_itself(tmp_path: Path) -> None:
    path = tmp_path / "minato-bot.db"
    question_log = QuestionLog(path)
    now = datetime(2026, 11, 28, tzinfo=timezone.utc)
    old = {"ts": (now - timedelta(days=200)).isoformat(timespec="milliseconds"), "question": "PURGE-ME-OLD-QUESTION"}
    new = {"ts": (now - timedelta(days=10)).isoformat(timespec="milliseconds"), "question": "KEEP-ME-NEW-QUESTION"}
    for number, row in enumerate([old] * 50 + [new] * 5):
        question_log.submit(lambda db, n=number, r=row: db[TABLE].insert({"id": f"r{n}", "channel": "web", **r}))
    question_log.close()
    assert purge(path, timedelta(days=180), now=now) == 50
    with sqlite3.connect(path) as db:
        assert db.execute(f"SELECT count(*) FROM {TABLE}").fetchone()[0] == 5
    raw = path.read_bytes() + (path.with_name(path.name + "-wal").read_bytes()
                               if path.with_name(path.name + "-wal").exists() else b"")
    assert b"PURGE-ME-OLD-QUESTION" not in raw and b"KEEP-ME-NEW-QUESTION" in raw


def test_log_masks_contacts_and_stores_only_salted_user_hashes(kb: KnowledgeBase, tmp_path: Path) -> None:
    path = tmp_path / "log.db"
    answerer = Answerer(kb, QuestionLog(path), salt="pepper")
    answerer.answer(Question("連絡先は taro.yamada@example.com と 090-1234-5678 です。寮はありますか",
                             channel="telegram", user_id="987654321"))
    answerer.close()
    row = next(iter_rows(path))
    assert "example.com" not in row["question"] and "5678" not in row["question"]
    assert "[email]" in row["question"] and "[phone]" in row["question"]
    assert row["user_hash"] and "987654321" not in row["user_hash"]
    assert b"987654321" not in path.read_bytes() and b"taro.yamada" not in path.read_bytes()
    assert "987654321" not in stats_text(read_stats(path))


def test_datasette_metadata_describes_every_column_and_its_queries_run(log: LogData) -> None:
    metadata = yaml.safe_load((REPO / "metadata.yaml").read_text(encoding="utf-8"))
    database = metadata["databases"]["minato-bot"]
    with sqlite3.connect(log.path) as db:
        columns = [row[1] for row in db.execute(f"PRAGMA table_info({TABLE})")]
        assert set(database["tables"][TABLE]["columns"]) == set(columns)
        assert {"unanswered_this_week", "most_unhelpful_entries", "questions_per_day"} <= set(database["queries"])
        for name, query in database["queries"].items():
            cursor = db.execute(query["sql"])
            assert cursor.description, name
        per_day = db.execute(database["queries"]["questions_per_day"]["sql"]).fetchall()
        assert sum(row[1] for row in per_day) == len(log.rows)
        worst = db.execute(database["queries"]["most_unhelpful_entries"]["sql"]).fetchone()
        assert worst[0] == UNHELPFUL_ENTRY
