"""The `minato-bot` command: thin commands over the engine that turn its errors into clean messages.

The root group and the answering commands (`ask`, `chat`) live here; `kb` is in kb_cli.py, the serving commands
(`serve`, `telegram`, `line`) in serve_cli.py, HR's in hr_cli.py and admin_cli.py, what they share in cli_common.py.
"""

from __future__ import annotations

import json
import secrets
import shutil
import sys
from pathlib import Path

import click

from bot.admin_cli import admin
from bot.cli_common import UnwritableLog, build_answerer, settings_from
from bot.config import ConfigError, load_settings
from bot.hr_cli import export, purge, report, stats
from bot.kb_cli import kb
from bot.logsafe import install_log_redaction
from bot.seam import Reply
from bot.serve_cli import line, serve, telegram
from bot.service import Question
from bot.terminal import CHAT_LANGS, chat_turn, render
from bot.textsafe import read_lines

__all__ = ["UnwritableLog", "build_answerer", "cli", "main"]  # build_answerer: tests swap in their own engine


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


for _command in (kb, serve, telegram, line, stats, report, export, purge, admin):
    cli.add_command(_command)


def main() -> None:
    """Run the command line."""
    cli(prog_name="minato-bot")
