"""The `minato-bot` command: thin commands over the engine that turn its errors into clean messages."""

from __future__ import annotations

import json
import secrets
import shutil
import sqlite3
import sys
from dataclasses import replace
from pathlib import Path

import click

from bot.config import ConfigError, Settings, load_settings
from bot.followup import Understanding
from bot.admin_cli import admin
from bot.hr_cli import export, kb_new_entry, kb_test, purge, report, stats
from bot.kbdir import announce, kb_init
from bot.kbtools import lint_knowledge
from bot.knowledge import KnowledgeError, check_knowledge
from bot.logsafe import install_log_redaction
from bot.salt import SharedSaltNeeded
from bot.seam import Reply
from bot.service import Answerer, Question
from bot.storage import StorageError, describe
from bot.terminal import CHAT_LANGS, chat_turn, render
from bot.textsafe import clean_input, read_lines


def settings_from(ctx: click.Context) -> Settings:
    """Return the Settings loaded for this invocation."""
    return ctx.find_root().obj


class UnwritableLog(click.ClickException):
    """The question log cannot be written: the bot refuses to start (exit 2) rather than lose every question."""

    exit_code = 2


def build_answerer(settings: Settings, with_log: bool = True, watch: bool = False) -> Answerer:
    """Build the Answerer (reloading edited knowledge if watch) or exit with a clean message.

    Its first line on standard error says which knowledge directory and version answer.
    """
    try:
        answerer = Answerer.from_settings(settings, with_log=with_log, watch=watch)
    except KnowledgeError as exc:
        announce(settings.kb_dir)
        raise click.ClickException(str(exc)) from None
    except SharedSaltNeeded as exc:
        raise UnwritableLog(str(exc)) from None
    except (OSError, sqlite3.Error, StorageError) as exc:
        raise _unwritable(settings, exc) from None
    announce(settings.kb_dir, answerer.kb.version, len(answerer.kb.entries))
    return answerer


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--env-file", type=click.Path(path_type=Path), default=Path(".env"), show_default=True,
              help="Read settings from this file (the environment wins).")
@click.pass_context
def cli(ctx: click.Context, env_file: Path) -> None:
    """Minato City staff-recruitment FAQ bot.

    Knowledge comes from MINATO_KB_DIR, else ./knowledge in the working directory (`minato-bot kb init` makes it),
    else the copy bundled with the package; every command names it first, on standard error.

    Example: minato-bot ask "職員住宅はありますか？"
    """
    try:
        ctx.obj = load_settings(env_file)
    except ConfigError as exc:
        raise click.ClickException(str(exc)) from None
    install_log_redaction(ctx.obj.secrets)  # before any command logs: no credential in any log line


@cli.command()
@click.argument("question", required=False)
@click.option("--json", "as_json", is_flag=True, help="Print one JSON object per question.")
@click.option("--lang", type=click.Choice(["ja", "en", "easy"]), help="Reply language when the question does not tell.")
@click.pass_context
def ask(ctx: click.Context, question: str | None, as_json: bool, lang: str | None) -> None:
    """Answer QUESTION, or each line of standard input when QUESTION is left out.

    Example: echo "食堂はある？" | minato-bot ask --json
    """
    answerer = build_answerer(settings_from(ctx))
    try:
        # Bytes, not text: one invalid UTF-8 byte must not end the batch (it is replaced and answered).
        lines = [question] if question is not None else read_lines(sys.stdin.buffer)
        for text in lines:
            # Nobody rates a batch answer, so it need not wait for its row's commit: the rows share commits.
            asked = Question(text, channel="cli", lang=lang)
            reply = answerer.answer(asked, wait_for_log=False)
            click.echo(json.dumps(reply.to_dict(asked.text), ensure_ascii=False) if as_json else render(reply))
            sys.stdout.flush()
    finally:
        answerer.close()


@cli.command()
@click.option("--lang", type=click.Choice(["ja", "en", "easy"]), default="ja", show_default=True)
@click.pass_context
def chat(ctx: click.Context, lang: str) -> None:
    """Chat with the bot in the terminal (/en, /ja, /easy to switch language, /help, /quit to leave).

    Example: minato-bot chat --lang en
    """
    answerer = build_answerer(settings_from(ctx), watch=True)
    columns = shutil.get_terminal_size().columns
    click.echo(render(answerer.welcome(lang), columns))
    shown: Reply | None = None  # the reply whose numbered suggestions a number picks from
    user = f"terminal-{secrets.token_hex(8)}"  # one conversation per chat: follow-ups lean on its last answer
    try:
        while True:
            try:
                text = input("\n> ").strip()
            except (EOFError, KeyboardInterrupt):
                break
            if text in {"/quit", "/exit", "/q"}:
                break
            reply = chat_turn(answerer, text, shown, lang, user)
            lang = reply.lang if text in CHAT_LANGS else lang
            shown = reply
            click.echo(render(reply, columns))
    finally:
        answerer.close()



@cli.group()
def kb() -> None:
    """Make (init), check and test the knowledge base; without DIR, the directory the bot loads."""


@kb.command("check")
@click.argument("directory", required=False, type=click.Path(path_type=Path))
@click.pass_context
def kb_check(ctx: click.Context, directory: Path | None) -> None:
    """Validate the knowledge YAML; print every problem with file and line; exit 1 on errors.

    Without DIRECTORY it checks what the bot would load (MINATO_KB_DIR, else ./knowledge, else the bundled copy).
    Example: minato-bot kb check knowledge/
    """
    directory = directory or settings_from(ctx).kb_dir
    knowledge, problems = check_knowledge(directory)
    announce(directory, knowledge.version if knowledge else None)
    if knowledge is not None and not any(not p.warning for p in problems):
        problems = problems + lint_knowledge(knowledge)  # confusable questions, leftover TODOs: warnings only
    for problem in problems:
        click.echo(f"{directory}/{problem}" if problem.line else str(problem), err=True)
    errors = [p for p in problems if not p.warning]
    if errors or knowledge is None:
        click.echo(f"{len(errors)} error(s) in {directory}", err=True)
        sys.exit(1)
    click.echo(f"ok: {len(knowledge.entries)} entries, version {knowledge.version}")


@cli.command()
@click.pass_context
def telegram(ctx: click.Context) -> None:
    """Run the Telegram bot with long polling (token from TELEGRAM_BOT_TOKEN).

    Example: TELEGRAM_BOT_TOKEN=123456:ABC... minato-bot telegram
    """
    import logging

    from handlers.telegram import TelegramStartError, TelegramTokenError, check_token, run_polling

    settings = settings_from(ctx)
    problem = check_token(settings.telegram_token)
    if problem:
        click.echo(f"Error: {problem}", err=True)
        ctx.exit(2)
    if settings.telegram_webhook_url:
        # Polling deletes the webhook, which would silently cut off a production deployment.
        click.echo("Error: TELEGRAM_WEBHOOK_URL is set, so Telegram delivers updates to the webhook served by "
                   "`minato-bot serve`. Unset TELEGRAM_WEBHOOK_URL to use long polling instead.", err=True)
        ctx.exit(2)
    answerer = build_answerer(settings, watch=True)  # prints the knowledge line first
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    click.echo(f"Telegram: long polling {settings.telegram_api_base_url}<token> (Ctrl+C to stop)", err=True)
    try:
        run_polling(answerer, settings)
    except TelegramStartError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2 if isinstance(exc, TelegramTokenError) else 1)
    finally:
        answerer.close()


@cli.command()
@click.option("--host", help="Address to listen on (overrides MINATO_HOST; 0.0.0.0 for every interface).")
@click.option("--port", type=click.IntRange(0, 65535), help="Port to listen on (overrides MINATO_PORT).")
@click.option("--workers", type=click.IntRange(min=1), default=None,
              help="Server processes answering on the port, each with its own engine [default: the number of cores].")
@click.pass_context
def serve(ctx: click.Context, host: str | None, port: int | None, workers: int | None) -> None:
    """Serve the web chat, the LINE webhook and the Telegram webhook on one server.

    With several workers (one per core by default) a parent process binds the port and supervises the workers,
    which share it and the question log; SIGTERM stops them all gracefully.

    Example: minato-bot serve --host 0.0.0.0 --port 8080 --workers 2
    """
    import logging

    from handlers.serving import CannotServe, serve_here, serve_workers
    from handlers.workers import default_workers

    settings = settings_from(ctx)
    settings = replace(settings, host=settings.host if host is None else host,
                       port=settings.port if port is None else port)
    workers = default_workers() if workers is None else workers
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    code = 0
    try:
        if workers == 1:
            serve_here(settings, lambda: build_answerer(settings, watch=True))
        else:
            _prepare_log(settings)  # its tables are made once, here, not raced by the workers
            code = serve_workers(settings, workers, lambda: build_answerer(settings, watch=True))
    except CannotServe as exc:
        raise click.ClickException(str(exc)) from None
    click.echo("minato-bot: stopped")
    ctx.exit(code)


def _prepare_log(settings: Settings) -> None:
    if not settings.log_enabled or settings.db_url:  # PostgreSQL: each server makes its tables under a lock
        return
    from bot.analytics import open_database

    try:
        open_database(settings.db_path, settings.log_commit_seconds, settings.log_sync).close()
    except (OSError, sqlite3.Error) as exc:
        raise _unwritable(settings, exc) from None


def _unwritable(settings: Settings, exc: Exception) -> UnwritableLog:
    reason = getattr(exc, "strerror", None) or str(exc)
    return UnwritableLog(f"cannot write the question log {describe(settings.log_location)}: {reason} "
                         "(fix the path, the URL or the permissions, or set MINATO_DB)")


@cli.group()
def line() -> None:
    """Set up the LINE channel."""


@line.command("richmenu")
@click.option("--save", type=click.Path(path_type=Path), help="Also write the rich-menu picture to this file.")
@click.option("--dry-run", is_flag=True, help="Only draw the picture (needs --save); change nothing on LINE.")
@click.pass_context
def line_richmenu(ctx: click.Context, save: Path | None, dry_run: bool) -> None:
    """Build the rich menu from scope.yaml's `menu:` topics and make it the LINE channel's default.

    Running it again replaces the rich menu it created before.

    Example: minato-bot line richmenu --save richmenu.png
    """
    import asyncio

    from handlers.line_richmenu import RichMenuError
    from handlers.line_setup import install_rich_menu, plan_rich_menu

    if dry_run and save is None:
        raise click.UsageError("--dry-run needs --save PATH to write the picture to")
    settings = settings_from(ctx)
    answerer = build_answerer(settings, with_log=False)
    try:
        plan = plan_rich_menu(answerer)
        if save is not None:
            save.write_bytes(plan.image.data)
            click.echo(f"picture: {save} ({plan.layout.width}x{plan.layout.height}, {len(plan.image.data):,} bytes)")
        if not plan.image.japanese:
            click.echo("note: no Japanese font found (apt-get install fonts-ipaexfont-gothic); "
                       "the picture shows the English titles only", err=True)
        if not dry_run:
            installed = asyncio.run(install_rich_menu(settings, answerer, plan))
            click.echo(f"rich menu {installed.rich_menu_id}: {installed.topics} topics, set as default; "
                       f"replaced {len(installed.removed)} older one(s)")
    except (RichMenuError, OSError) as exc:
        raise click.ClickException(str(exc)) from None
    finally:
        answerer.close()


@kb.command("explain")
@click.argument("question")
@click.option("--after", "after", multiple=True, metavar="PREVIOUS",
              help="A message sent before QUESTION in the same chat (repeat for several, oldest first).")
@click.pass_context
def kb_explain(ctx: click.Context, question: str, after: tuple[str, ...]) -> None:
    """Show how the bot reads QUESTION: its words, the concepts they map to, the best entries, the decision.

    With --after, QUESTION follows those messages in one chat, and it shows whether and how their topic was used.
    Example: minato-bot kb explain "食道はある？"  ·  minato-bot kb explain --after "プレクラス制度とは？" "いつまで？"
    """
    answerer = build_answerer(settings_from(ctx), with_log=False)
    for previous in after:
        reply = answerer.answer(Question(previous, channel="explain", user_id="explain"))
        click.echo(f"after {clean_input(previous)!r}: {reply.kind} {reply.entry_id or ''}".rstrip())
    turn = answerer.explain(Question(clean_input(question), channel="explain", user_id="explain"))
    if turn.understanding is None:  # a language request ("英語で")
        click.echo(f"decision: {turn.reply.kind} {turn.reply.entry_id or ''} in {turn.reply.lang} (a language request)")
        return
    if after:
        click.echo(f"context: {turn.understanding.context_note or 'not used (the message names its own topic)'}")
    _print_understanding(turn.understanding)


def _print_understanding(understanding: Understanding) -> None:
    reading, candidates, result = understanding.reading, understanding.candidates, understanding.result
    if reading.note:
        click.echo(reading.note)
    for term in reading.terms:
        context = "  (context)" if term.weight < 1 else ""
        click.echo(f"  {term.token.surface:<12} -> {term.concept or '(unknown)'}  [{term.via}]{context}")
    for candidate in candidates:
        click.echo(f"  {candidate.score:5.1f}  {candidate.entry_id:<28} coverage {candidate.coverage:.2f}"
                   f"  precision {candidate.precision:.2f}")
    chosen = f" {result.best.entry_id}" if result.kind == "answer" and result.best else ""
    click.echo(f"decision: {result.kind}{chosen}" + (f" ({result.reason})" if result.reason else ""))

kb.add_command(kb_init)
kb.add_command(kb_test)
kb.add_command(kb_new_entry)
for _command in (stats, report, export, purge, admin):
    cli.add_command(_command)


def main() -> None:
    """Run the command line."""
    cli(prog_name="minato-bot")
