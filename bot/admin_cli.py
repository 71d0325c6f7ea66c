"""`minato-bot admin`: set up HR's review page (the hash of its password)."""

from __future__ import annotations

import sys

import click

from bot.admin_auth import hash_password


@click.group()
def admin() -> None:
    """Set up HR's review page (/admin on `minato-bot serve`)."""


@admin.command("hash-password")
@click.option("--stdin", "from_stdin", is_flag=True,
              help="Read the password from the first line of standard input instead of prompting.")
def hash_password_command(from_stdin: bool) -> None:
    """Print the hash of HR's password for MINATO_ADMIN_PASSWORD_HASH (the password itself is never stored).

    It asks for the password twice without showing it; with --stdin (or when standard input is not a
    terminal) it reads the first line of standard input.

    Example: minato-bot admin hash-password   (then put MINATO_ADMIN_PASSWORD_HASH=<the line> in .env)
    """
    if from_stdin or not sys.stdin.isatty():
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = click.prompt("HR password", hide_input=True, confirmation_prompt=True)
    if len(password) < 12:
        raise click.ClickException("use a password of at least 12 characters (a passphrase of a few words is best)")
    click.echo(hash_password(password))
