"""What every `minato-bot` command shares: the invocation's settings and an engine built or refused cleanly."""

from __future__ import annotations

import logging
import sqlite3

import click

from bot.config import Settings
from bot.kbdir import announce
from bot.knowledge import KnowledgeError
from bot.salt import SharedSaltNeeded
from bot.service import Answerer
from bot.storage import StorageError, describe


def settings_from(ctx: click.Context) -> Settings:
    """Return the Settings loaded for this invocation."""
    return ctx.find_root().obj


class UnwritableLog(click.ClickException):
    """The question log cannot be written: the bot refuses to start (exit 2) rather than lose every question."""

    exit_code = 2


def build_answerer(settings: Settings, with_log: bool = True, watch: bool = False, eager: bool = True) -> Answerer:
    """Build the Answerer (reloading edited knowledge if watch) or exit with a clean message.

    eager=False: its matcher is built by the first question that needs it (Answerer.from_settings).
    Its first line on standard error says which knowledge directory and version answer.
    """
    try:
        answerer = Answerer.from_settings(settings, with_log=with_log, watch=watch, eager=eager)
    except KnowledgeError as exc:
        announce(settings.kb_dir)
        raise click.ClickException(str(exc)) from None
    except SharedSaltNeeded as exc:
        raise UnwritableLog(str(exc)) from None
    except (OSError, sqlite3.Error, StorageError) as exc:
        raise unwritable_log(settings, exc) from None
    announce(settings.kb_dir, answerer.kb.version, len(answerer.kb.entries))
    return answerer


def unwritable_log(settings: Settings, exc: Exception) -> UnwritableLog:
    """Return the one-line refusal for a question log that cannot be opened or written."""
    reason = getattr(exc, "strerror", None) or str(exc)
    return UnwritableLog(f"cannot write the question log {describe(settings.log_location)}: {reason} "
                         "(fix the path, the URL or the permissions, or set MINATO_DB)")


def log_to_stderr() -> None:
    """Log INFO and above with a time stamp: what a long-running server says about itself."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
