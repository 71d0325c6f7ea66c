"""HR's commands: stats, report, export, purge, kb test and kb new-entry (registered on `minato-bot`)."""

from __future__ import annotations

import os
import re
import sys
from contextlib import contextmanager
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from typing import Any, Callable, Iterator

import click

from bot.analytics import TOKYO, Period, iter_rows, purge as purge_log, read_stats
from bot.config import ConfigError, Settings, database_location
from bot.kbdir import announce
from bot.kbtools import already_answered, run_examples, scaffold_entry
from bot.knowledge import KnowledgeBase, KnowledgeError, check_knowledge, load_knowledge
from bot.reports import Stats, log_csv, stats_csv, stats_json, stats_text, table
from bot.storage import Location, database_errors, describe, purge_conversations
from bot.textsafe import clean_input

DURATION = re.compile(r"^\s*(\d+)\s*([dwh])\s*$")
UNITS = {"d": "days", "w": "weeks", "h": "hours"}


def _settings(ctx: click.Context) -> Settings:
    return ctx.find_root().obj


@contextmanager
def closed_pipe_is_fine() -> Iterator[None]:
    """End quietly (exit 0) when the reader of standard output has gone, as with `... | head`."""
    try:
        yield
        sys.stdout.flush()  # inside: a closed pipe shows here, not as a warning at exit
    except BrokenPipeError:
        # Python would try to flush stdout again at exit and complain; point it at /dev/null first.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None


def _location(ctx: click.Context, db_option: str | None) -> Location:
    """Return the log to read: --db (a file or a postgresql:// URL), else MINATO_DB."""
    if not db_option:
        return _settings(ctx).log_location
    try:
        return database_location(db_option)
    except ConfigError as exc:
        raise click.BadParameter(str(exc).replace("MINATO_DB", "--db"), param_hint="--db") from None


DB_OPTION_HELP = "Question log: a SQLite file or a postgresql:// URL [default: MINATO_DB]."


def _today() -> date:
    return datetime.now(TOKYO).date()


def period_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """Add --since, --until, --days, --channel and --db to a command."""
    day = click.DateTime(["%Y-%m-%d"])
    for option in reversed([
        click.option("--since", type=day, help="First day, a Tokyo date (YYYY-MM-DD)."),
        click.option("--until", type=day, help="Last day, included (YYYY-MM-DD)."),
        click.option("--days", type=click.IntRange(min=1), help="The last N days up to today (replaces --since)."),
        click.option("--channel", help="Only this channel (telegram, line, web, terminal, cli)."),
        click.option("--db", "db_path", metavar="PATH|URL", help=DB_OPTION_HELP),
    ]):
        command = option(command)
    return command


def _period(since: datetime | None, until: datetime | None, days: int | None, channel: str | None) -> Period:
    first = since.date() if since else None
    if days:
        first = _today() - timedelta(days=days - 1)
    last = until.date() if until else None
    if first and last and first > last:
        raise click.BadParameter(f"the period starts ({first}) after it ends ({last})")
    return Period(first, last, channel or None)


def _read(ctx: click.Context, db_path: str | None, period: Period, top: int) -> Stats:
    settings = _settings(ctx)
    path = _location(ctx, db_path)
    try:
        stats = read_stats(path, period, top=top)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except database_errors() as exc:
        raise click.ClickException(f"cannot read the question log {describe(path)}: {exc}") from None
    kb, _ = check_knowledge(settings.kb_dir)  # for entry titles only: the versions that answered come from the log
    if kb is not None:
        stats.titles = {entry.id: entry.title.get("ja", entry.id) for entry in kb.entries}
    return stats


@click.command()
@period_options
@click.option("--json", "fmt", flag_value="json", help="Print JSON.")
@click.option("--csv", "fmt", flag_value="csv", help="Print CSV (a `section` column tells the tables apart).")
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Rows in each top list.")
@click.pass_context
def stats(ctx: click.Context, since: datetime | None, until: datetime | None, days: int | None,
          channel: str | None, db_path: str | None, fmt: str | None, top: int) -> None:
    """Show what candidates asked: totals, answer rate, helpful/not helpful, per day and channel, top and unanswered.

    Example: minato-bot stats --days 7
    """
    announce(_settings(ctx).kb_dir)
    data = _read(ctx, db_path, _period(since, until, days, channel), top)
    with closed_pipe_is_fine():
        if fmt == "json":
            click.echo(stats_json(data))
        elif fmt == "csv":
            stats_csv(data, sys.stdout)
        else:
            click.echo(stats_text(data))


@click.command()
@period_options
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path), default=Path("report.html"), show_default=True)
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Rows in each top list.")
@click.pass_context
def report(ctx: click.Context, since: datetime | None, until: datetime | None, days: int | None,
           channel: str | None, db_path: str | None, out: Path, top: int) -> None:
    """Write one self-contained HTML report with charts, to open in a browser or mail.

    Example: minato-bot report --days 7 --out weekly.html
    """
    from bot.report_html import render_report  # matplotlib loads only for this command

    announce(_settings(ctx).kb_dir)
    data = _read(ctx, db_path, _period(since, until, days, channel), top)
    try:
        out.write_text(render_report(data), encoding="utf-8")
    except OSError as exc:
        raise click.ClickException(f"cannot write {out}: {exc}") from None
    click.echo(f"wrote {out}: {data.total.questions} questions, {len(data.unanswered)} unanswered groups")


@click.command()
@period_options
@click.option("--csv", "as_csv", is_flag=True, default=True, help="CSV, one row per question (the only format).")
@click.option("--out", type=click.Path(dir_okay=False, path_type=Path),
              help="Write to this file, with a BOM so Excel reads the Japanese [default: standard output].")
@click.pass_context
def export(ctx: click.Context, since: datetime | None, until: datetime | None, days: int | None,
           channel: str | None, db_path: str | None, as_csv: bool, out: Path | None) -> None:
    """Export the question log as CSV for spreadsheets (user ids are salted hashes, questions masked).

    Example: minato-bot export --csv --days 30 --out questions.csv
    """
    path = _location(ctx, db_path)
    announce(_settings(ctx).kb_dir)
    try:
        rows = iter_rows(path, _period(since, until, days, channel))
        if out is None:
            with closed_pipe_is_fine():
                count = log_csv(rows, sys.stdout)
        else:
            with out.open("w", encoding="utf-8-sig", newline="") as handle:
                count = log_csv(rows, handle)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except (*database_errors(), OSError) as exc:
        raise click.ClickException(f"cannot export {describe(path)}: {exc}") from None
    click.echo(f"exported {count} questions" + (f" to {out}" if out else ""), err=True)


def parse_duration(text: str) -> timedelta:
    """Turn '180d', '26w' or '12h' into a timedelta."""
    found = DURATION.match(text)
    if not found:
        raise click.BadParameter(f"{text!r}: use a number and d, w or h, e.g. 180d")
    return timedelta(**{UNITS[found.group(2)]: int(found.group(1))})


@click.command()
@click.option("--older-than", "older_than", required=True, help="Age to delete from, e.g. 180d, 26w, 12h.")
@click.option("--db", "db_path", metavar="PATH|URL", help=DB_OPTION_HELP)
@click.option("--yes", is_flag=True, help="Do not ask for confirmation (for cron).")
@click.pass_context
def purge(ctx: click.Context, older_than: str, db_path: str | None, yes: bool) -> None:
    """Delete logged questions (and conversation contexts) older than a duration for good, then vacuum the file.

    Example: minato-bot purge --older-than 180d --yes
    """
    age = parse_duration(older_than)
    path = _location(ctx, db_path)
    announce(_settings(ctx).kb_dir)
    if not yes:
        click.confirm(f"Delete every question older than {older_than} from {describe(path)}?", abort=True)
    try:
        # Contexts first: the log's vacuum then rewrites the file without them. No file: purge_log says so.
        contexts = purge_conversations(path, age)
        deleted = purge_log(path, age)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except database_errors() as exc:
        raise click.ClickException(f"cannot purge {describe(path)}: {exc}") from None
    cutoff = (datetime.now(timezone.utc) - age).isoformat(timespec="seconds")
    click.echo(f"deleted {deleted} questions logged before {cutoff} and {contexts} conversation contexts "
               f"unchanged since then, and vacuumed {describe(path)}")


@click.command("test")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.option("--failures-only", is_flag=True, help="Show only the failing rows.")
@click.pass_context
def kb_test(ctx: click.Context, directory: Path | None, failures_only: bool) -> None:
    """Ask every `examples:` and `must_not_answer:` question; print pass/fail; exit 1 on any failure.

    Example: minato-bot kb test knowledge/
    """
    directory = directory or _settings(ctx).kb_dir
    try:
        kb = load_knowledge(directory)
    except KnowledgeError as exc:
        announce(directory)
        raise click.ClickException(f"{exc}\n(run `minato-bot kb check` for details)") from None
    announce(directory, kb.version, len(kb.entries))
    results = run_examples(kb)
    rows = [["pass" if r.passed else "FAIL", r.expected, r.got, f"{r.score:.1f}", r.question, r.where]
            for r in results if not (failures_only and r.passed)]
    if rows:
        click.echo(table(["result", "expected", "got", "score", "question", "where"], rows))
    failed = sum(not r.passed for r in results)
    click.echo(f"{len(results) - failed} passed, {failed} failed (version {kb.version})")
    if not results:
        click.echo("no examples: add `examples:` to entries and `must_not_answer:` to scope.yaml", err=True)
    if failed:
        ctx.exit(1)


@click.command("new-entry")
@click.argument("questions", nargs=-1)
@click.option("--unanswered", "rank", type=click.IntRange(min=1),
              help="Use the Nth group of `stats` top unanswered questions (last 30 days) instead.")
@click.option("--id", "entry_id", help="The new entry's id [default: made from the first question's words].")
@click.option("--category", help="The new entry's category [default: that of the closest entry].")
@click.option("--db", "db_path", metavar="PATH|URL", help=DB_OPTION_HELP)
@click.pass_context
def kb_new_entry(ctx: click.Context, questions: tuple[str, ...], rank: int | None, entry_id: str | None,
                 category: str | None, db_path: str | None) -> None:
    """Print YAML for a new entry that answers an unanswered question, to paste into a knowledge file.

    Warns (on standard error) when the bot already answers a question, with the entry and its score.
    Example: minato-bot kb new-entry --unanswered 1
    """
    settings = _settings(ctx)
    texts = [clean_input(question) for question in questions]  # argv may hold undecodable bytes
    if rank is not None:
        recent = Period(since=_today() - timedelta(days=29))
        groups = _read(ctx, db_path, recent, top=rank).unanswered
        if len(groups) < rank:
            raise click.ClickException(f"only {len(groups)} unanswered group(s) in the last 30 days")
        texts += groups[rank - 1].examples
    if not texts:
        raise click.UsageError("give a QUESTION or --unanswered N")
    kb = load_announced(settings.kb_dir)
    for warning in filter(None, map(lambda text: already_answered(kb, text), texts)):
        click.echo(warning, err=True)
    click.echo(scaffold_entry(kb, texts, entry_id, category), nl=False)


def load_announced(kb_dir: Path) -> KnowledgeBase:
    """Load the knowledge, first saying on standard error which directory and version it is; exit cleanly if broken."""
    try:
        kb = load_knowledge(kb_dir)
    except KnowledgeError as exc:
        announce(kb_dir)
        raise click.ClickException(str(exc)) from None
    announce(kb_dir, kb.version, len(kb.entries))
    return kb
