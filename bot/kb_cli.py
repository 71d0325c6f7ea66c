"""`minato-bot kb`: make (init), check, test and explain the knowledge base."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from bot.cli_common import build_answerer, settings_from
from bot.followup import Understanding
from bot.hr_cli import kb_new_entry, kb_test
from bot.kbdir import announce, kb_init
from bot.kbtools import lint_knowledge
from bot.knowledge import check_knowledge
from bot.service import Question
from bot.suggest_cli import kb_suggest_synonyms
from bot.textsafe import clean_input


@click.group()
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


for _command in (kb_init, kb_test, kb_new_entry, kb_suggest_synonyms):
    kb.add_command(_command)
