"""The serving commands of `minato-bot`: `serve`, `telegram` (long polling) and `line richmenu` (channel setup).

The channel SDKs are imported inside the commands, so that importing the command line loads none of them.
"""

from __future__ import annotations

import sqlite3
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.cli_common import build_answerer, log_to_stderr, settings_from, unwritable_log
from bot.config import Settings

if TYPE_CHECKING:
    from bot.service import Answerer


@click.command()
@click.pass_context
def telegram(ctx: click.Context) -> None:
    """Run the Telegram bot with long polling (token from TELEGRAM_BOT_TOKEN).

    Example: TELEGRAM_BOT_TOKEN=123456:ABC... minato-bot telegram
    """
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
    log_to_stderr()
    click.echo(f"Telegram: long polling {settings.telegram_api_base_url}<token> (Ctrl+C to stop)", err=True)
    try:
        run_polling(answerer, settings)
    except TelegramStartError as exc:
        click.echo(f"Error: {exc}", err=True)
        ctx.exit(2 if isinstance(exc, TelegramTokenError) else 1)
    finally:
        answerer.close()


@click.command()
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
    from handlers.serving import CannotServe, serve_here, serve_workers
    from handlers.workers import default_workers

    settings = settings_from(ctx)
    settings = replace(settings, host=settings.host if host is None else host,
                       port=settings.port if port is None else port)
    workers = default_workers() if workers is None else workers
    # With an engine process answering, a worker's own engine never matches a question: no index built for it.
    eager = not settings.answers_in_engine_process

    def build() -> Answerer:
        return build_answerer(settings, watch=True, eager=eager)

    log_to_stderr()
    code = 0
    try:
        if workers == 1:
            serve_here(settings, build)
        else:
            _prepare_log(settings)  # its tables are made once, here, not raced by the workers
            code = serve_workers(settings, workers, build)
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
        raise unwritable_log(settings, exc) from None


@click.group()
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
