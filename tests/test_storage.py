"""The question log on both backends: a SQLite file and a real PostgreSQL server (a throwaway cluster).

The same rows must give the same answers from `stats`, `report`, `export` and `purge` on either backend, the
log_id must go out only once its row is committed, and a PostgreSQL password must never be printed.
"""

from __future__ import annotations

import threading
from datetime import datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import quote

import psycopg
import pytest
from click.testing import CliRunner

from bot.analytics import LogRow, Period, QuestionLog, iter_rows, purge, read_stats
from bot.cli import UnwritableLog, build_answerer, cli
from bot.config import Settings, load_settings
from bot.conversation import Context
from bot.knowledge import KnowledgeBase
from bot.pgconversation import PostgresConversations
from bot.service import Answerer, Question
from bot.storage import Location, StorageError, describe
from hr_logdata import FIRST_DAY, LogData, build_log
from pgcluster import PASSWORD, Cluster, grant_row_rights, new_database, row_rights_user

PERIODS = [Period(), Period(FIRST_DAY + timedelta(days=3), FIRST_DAY + timedelta(days=9), "line"),
           Period(until=FIRST_DAY + timedelta(days=2)), Period(channel="web")]
NOW = datetime(2026, 10, 20, tzinfo=timezone.utc)


def test_a_reply_carries_a_log_id_only_once_its_row_is_committed(kb: KnowledgeBase, log_location: Location) -> None:
    answerer = Answerer(kb, QuestionLog(log_location), salt="pepper")
    try:
        reply = answerer.answer(Question("食堂はありますか？", channel="web", user_id="u1"))
        # Read through another connection at once: a log_id in hand means the row is there for everyone.
        [row] = list(iter_rows(log_location))
        assert reply.log_id and row["id"] == reply.log_id and row["entry_id"] == reply.entry_id
        assert row["question"] == "食堂はありますか？" and row["helpful"] is None
        assert answerer.feedback(reply.log_id, helpful=True) is True
        assert answerer.feedback(reply.log_id, helpful=False) is False  # taken once
        assert answerer.feedback("0123456789abcdef", helpful=True) is False  # no such answer
    finally:
        answerer.close()
    [row] = list(iter_rows(log_location))
    assert row["helpful"] == 1 and row["feedback_ts"]


@pytest.fixture(scope="module")
def both_logs(tmp_path_factory: pytest.TempPathFactory, pg_cluster: Cluster) -> tuple[LogData, LogData]:
    """Return the same synthetic log of about 3,600 rows written to SQLite and to PostgreSQL."""
    sqlite = build_log(tmp_path_factory.mktemp("log") / "minato-bot.db")
    return sqlite, build_log(new_database(pg_cluster))


def test_stats_are_the_same_from_both_backends(both_logs: tuple[LogData, LogData]) -> None:
    sqlite, postgres = both_logs
    for period in PERIODS:
        from_sqlite, from_postgres = read_stats(sqlite.path, period), read_stats(postgres.path, period)
        assert from_postgres == from_sqlite, period
    assert read_stats(postgres.path).total.questions == len(postgres.rows)


def test_export_and_stats_commands_print_the_same_from_both_backends(both_logs: tuple[LogData, LogData]) -> None:
    sqlite, postgres = both_logs
    assert list(iter_rows(postgres.path, PERIODS[1])) == list(iter_rows(sqlite.path, PERIODS[1]))
    outputs = []
    for log in both_logs:
        exported = CliRunner().invoke(cli, ["export", "--csv", "--db", str(log.path), "--days", "3650"])
        stats = CliRunner().invoke(cli, ["stats", "--csv", "--db", str(log.path)])
        assert exported.exit_code == stats.exit_code == 0, exported.output + stats.output
        assert PASSWORD not in exported.output + stats.output
        outputs.append((exported.stdout, stats.stdout))
    assert outputs[0] == outputs[1]
    assert outputs[1][0].count("\n") == len(postgres.rows) + 1


def test_purge_deletes_the_same_rows_from_both_backends(tmp_path: Path, pg_url: str) -> None:
    logs = [build_log(tmp_path / "log.db", background=300), build_log(pg_url, background=300)]
    deleted = [purge(log.path, timedelta(days=5), now=NOW) for log in logs]
    cutoff = (NOW - timedelta(days=5)).isoformat()
    assert deleted[0] == deleted[1] == sum(row["ts"] < cutoff for row in logs[0].rows) > 0
    assert list(iter_rows(logs[1].path)) == list(iter_rows(logs[0].path))
    assert purge(pg_url, timedelta(days=5), now=NOW) == 0
    result = CliRunner().invoke(cli, ["purge", "--older-than", "1d", "--yes", "--db", pg_url])
    assert result.exit_code == 0 and list(iter_rows(pg_url)) == [], result.output
    assert "postgresql://minato:***@127.0.0.1" in result.output and PASSWORD not in result.output


def test_the_writer_reconnects_after_losing_its_connection(pg_url: str) -> None:
    question_log = QuestionLog(pg_url, commit_seconds=5)
    try:
        question_log.record(_row("first")).result(timeout=10)
        with psycopg.connect(pg_url, autocommit=True) as admin:  # as a database restart or a network cut would
            [(ended,)] = admin.execute("SELECT pg_terminate_backend(pid, 10000) FROM pg_stat_activity "
                                       "WHERE application_name = 'minato-bot' AND pid <> pg_backend_pid()").fetchall()
        assert ended
        with pytest.raises(psycopg.OperationalError):  # this batch meets the dead connection: not committed
            question_log.record(_row("lost")).result(timeout=10)
        assert question_log.health.reason
        question_log.record(_row("again")).result(timeout=10)  # the next one reconnects
        assert question_log.health.reason is None
        assert question_log.feedback("again", helpful=False, when="2026-10-20T00:00:00+00:00").result(timeout=10)
    finally:
        question_log.close()
    assert [(row["id"], row["helpful"]) for row in iter_rows(pg_url)] == [("first", None), ("again", 0)]


def _row(log_id: str) -> LogRow:
    return LogRow(id=log_id, ts=datetime.now(timezone.utc).isoformat(timespec="milliseconds"), channel="web",
                  user_hash="", question="食堂はありますか？", lang="ja", kind="answer", entry_id="cafeteria",
                  score=90.0, matched=1, latency_ms=1.0, kb_version="v1")


def test_servers_starting_together_create_the_schema_once(pg_url: str) -> None:
    start = threading.Barrier(4)
    logs: list[QuestionLog] = []
    failures: list[BaseException] = []

    def open_log() -> None:
        start.wait()
        try:
            logs.append(QuestionLog(pg_url))
        except BaseException as exc:  # noqa: BLE001 - reported below
            failures.append(exc)

    threads = [threading.Thread(target=open_log) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    for log in logs:
        log.close()
    assert failures == [] and len(logs) == 4


def test_a_password_is_never_printed(pg_cluster: Cluster, kb: KnowledgeBase) -> None:
    password = "n0t-the:p@ssword"
    wrong = f"postgresql://minato:{quote(password, safe='')}@127.0.0.1:{pg_cluster.port}/postgres"
    settings = load_settings(None, environ={"MINATO_DB": wrong, "MINATO_LOG_SALT": "a-long-shared-secret"})
    assert settings.db_url == wrong and settings.log_location == wrong
    assert password in settings.secrets and quote(password, safe="") in settings.secrets  # log lines are redacted
    with pytest.raises(UnwritableLog) as refused:
        build_answerer(settings)
    message = refused.value.format_message()
    assert "postgresql://minato:***@127.0.0.1" in message and "password authentication failed" in message
    assert "p@ssword" not in message and "p%40ssword" not in message
    result = CliRunner().invoke(cli, ["stats", "--db", wrong])
    assert result.exit_code == 1 and "minato:***@" in result.output, result.output
    assert "p@ssword" not in result.output and "p%40ssword" not in result.output
    assert describe(wrong + "?sslmode=require&password=abc").endswith("?sslmode=require&password=***")


def test_postgresql_needs_one_salt_for_every_server(pg_url: str) -> None:
    with pytest.raises(UnwritableLog, match="set MINATO_LOG_SALT"):
        build_answerer(Settings(db_url=pg_url))


def test_tokyo_days_are_the_same_in_both_databases(pg_url: str) -> None:
    import sqlite3

    stamps = ["2026-12-31T14:59:59.999+00:00", "2026-12-31T15:00:00.000+00:00", "2028-02-28T15:00:00.000+00:00",
              "2027-02-28T23:59:59.000+00:00", "2026-11-30T09:00:00.000+00:00", "2026-09-30T20:00:00+00:00"]
    QuestionLog(pg_url).close()  # creates the schema and its day function
    with sqlite3.connect(":memory:") as lite, psycopg.connect(pg_url) as pg:
        for stamp in stamps:
            expected = lite.execute("SELECT date(?, '+9 hours')", [stamp]).fetchone()[0]
            assert pg.execute("SELECT minato_tokyo_day(%s)", [stamp]).fetchone()[0] == expected, stamp


def test_postgresql_conversations_commit_with_the_log_and_purge_with_it(pg_url: str) -> None:
    question_log = QuestionLog(pg_url)
    long_ago = PostgresConversations(pg_url, timedelta(minutes=10), lambda: NOW, submit=question_log.submit)
    long_ago.put("old", "web", Context("cafeteria", "en"))
    question_log.flush()  # the writer commits in order: the put is in by now
    other_server = PostgresConversations(pg_url, timedelta(minutes=10), lambda: NOW)
    assert other_server.get("old", "web") == Context("cafeteria", "en", (), NOW)
    today = PostgresConversations(pg_url, timedelta(minutes=10))
    today.put("new", "line", Context(lang="easy"))  # no writer: at once
    for store in (long_ago, other_server, today):
        store.close()
    question_log.close()
    result = CliRunner().invoke(cli, ["purge", "--older-than", "1d", "--yes", "--db", pg_url])
    assert result.exit_code == 0 and "1 conversation contexts" in result.output, result.output
    survivor = PostgresConversations(pg_url, timedelta(minutes=10))
    assert survivor.get("new", "line").lang == "easy" and survivor.get("old", "web") == Context()
    survivor.close()


def test_on_postgresql_only_the_first_start_needs_the_right_to_create_tables(kb: KnowledgeBase, pg_url: str) -> None:
    # The Deploy section's promise: CREATE on the schema for the first start, then only row rights on the tables.
    bot_url = row_rights_user(pg_url)
    refusal = r"may not create minato_tokyo_day\(text\), questions, .*the first start needs CREATE on the database's"
    with pytest.raises(StorageError, match=refusal):
        QuestionLog(bot_url)  # the first start by this user: one clear reason, nothing half made
    QuestionLog(pg_url).close()  # the first start, by the database's owner (the log, then its conversations)
    PostgresConversations(pg_url, timedelta(minutes=10)).close()
    grant_row_rights(pg_url, ["questions", "conversations"])
    answerer = Answerer(kb, QuestionLog(bot_url), salt="pepper")
    try:
        reply = answerer.answer(Question("食堂はありますか？", channel="web", user_id="u1"))
        assert reply.log_id and answerer.feedback(reply.log_id, helpful=True) is True
    finally:
        answerer.close()
    with psycopg.connect(pg_url) as owner:
        assert owner.execute("SELECT count(*) FROM conversations").fetchone()[0] == 1  # the topic, for a follow-up
    # purge's rewrite (VACUUM FULL) is the owner's: PostgreSQL would skip it with a mere warning, and leave the
    # deleted questions readable in the table's pages. So this user's purge deletes nothing and says why.
    result = CliRunner().invoke(cli, ["purge", "--older-than", "0d", "--yes", "--db", bot_url])
    assert result.exit_code == 1 and "only the owner of the questions table" in result.output, result.output
    assert len(list(iter_rows(pg_url))) == 1
