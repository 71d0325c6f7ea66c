"""Which knowledge directory a command uses, said in one line, and `kb init` to make an editable copy."""

from __future__ import annotations

import shutil
from pathlib import Path

import click

from bot.config import LOCAL_KB_DIR, Settings, bundled_knowledge_dir, is_installed_copy
from bot.knowledge import content_version


def describe(directory: Path, version: str | None = None, entries: int | None = None) -> str:
    """Return the one line every command prints first: the knowledge directory and its version."""
    directory = Path(directory)
    version = version or content_version(directory) or "none"
    count = f", {entries} entries" if entries is not None else ""
    line = f"knowledge: {directory.resolve()} (version {version}{count})"
    if is_installed_copy(directory):
        line += (" — the copy installed with the package; edits there are lost on reinstall. "
                 "Run `minato-bot kb init` for an editable ./knowledge")
    return line


def announce(directory: Path, version: str | None = None, entries: int | None = None) -> None:
    """Print the knowledge line on standard error, so standard output stays data."""
    click.echo(describe(directory, version, entries), err=True)


def copy_bundled(target: Path) -> str:
    """Copy the bundled knowledge (YAML and images) into target, which must not hold files; return its version."""
    if target.exists() and (not target.is_dir() or any(target.iterdir())):
        raise click.ClickException(f"{target} already exists and is not empty: edit it, or choose another DIR")
    source = bundled_knowledge_dir()
    shutil.copytree(source, target, dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "__init__.py"))
    return content_version(target)


@click.command("init")
@click.argument("directory", required=False, type=click.Path(file_okay=False, path_type=Path),
                default=LOCAL_KB_DIR)
@click.pass_context
def kb_init(ctx: click.Context, directory: Path) -> None:
    """Copy the bundled knowledge into DIRECTORY (default ./knowledge) for HR to edit.

    The bot reads ./knowledge when it runs from the directory holding it; for another DIRECTORY set
    MINATO_KB_DIR.

    Example: minato-bot kb init
    """
    settings: Settings = ctx.find_root().obj
    version = copy_bundled(directory)
    announce(directory, version)
    click.echo(f"copied the bundled knowledge to {directory}")
    if directory.resolve() != (Path.cwd() / LOCAL_KB_DIR).resolve():
        click.echo(f"set MINATO_KB_DIR={directory.resolve()} (in .env or the environment) so the bot reads it")
    elif settings.kb_dir.resolve() not in (directory.resolve(), bundled_knowledge_dir().resolve()):
        click.echo(f"note: MINATO_KB_DIR={settings.kb_dir} is set and wins; unset it to use {directory}")
