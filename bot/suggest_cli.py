"""`minato-bot kb suggest-synonyms`: words of refused questions the knowledge lacks, and synonyms for HR to review."""

from __future__ import annotations

import json
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import click

from bot.analytics import question_groups
from bot.hr_cli import _location, _period, _settings, closed_pipe_is_fine, load_announced, period_options
from bot.matching import Matcher
from bot.reports import QuestionGroup
from bot.storage import database_errors, describe

if TYPE_CHECKING:  # imported when the command runs: every other command starts without them
    from bot.synonymsuggest import UnknownWord
    from bot.wordvectors import WordVectors

REFUSED_GROUPS = 1000  # the most asked refused questions (near-duplicates grouped) read from the log
MIN_SIMILARITY = 0.55  # below this chiVe's nearest known words are mostly of the same field (余裕 ~ 程度 0.53)


@click.command("suggest-synonyms")
@period_options
@click.option("--top", type=click.IntRange(min=1), default=20, show_default=True, help="Unknown words to show.")
@click.option("--min-similarity", type=click.FloatRange(0.0, 1.0), default=MIN_SIMILARITY, show_default=True,
              help="How close (cosine) a known word's vector must be to be proposed.")
@click.option("--vectors", "vocab_dir", type=click.Path(file_okay=False, path_type=Path),
              help="A spaCy vocab directory with the word vectors [default: the installed ja-ginza's].")
@click.option("--json", "as_json", is_flag=True, help="Print JSON (one object per unknown word).")
@click.pass_context
def kb_suggest_synonyms(ctx: click.Context, since: datetime | None, until: datetime | None, days: int | None,
                        channel: str | None, db_path: str | None, top: int, min_similarity: float,
                        vocab_dir: Path | None, as_json: bool) -> None:
    """Propose synonyms for the words of refused questions that the knowledge does not use, for HR to review.

    Reads the questions the bot refused ("I don't know") from the question log, lists the words in them that no
    entry uses, most asked first, and for each proposes known words near it by word vector, with the refused
    questions each would then answer. Nothing is written: add the ones you agree with to synonyms.yaml.

    Proposals need the word vectors (pip install 'minato-bot[vectors]' && pip install --no-deps ja-ginza==5.3.0);
    without them only the unknown words are listed.

    Example: minato-bot kb suggest-synonyms --days 30
    """
    settings = _settings(ctx)
    kb = load_announced(settings.kb_dir)
    location = _location(ctx, db_path)
    try:
        refused = question_groups(location, _period(since, until, days, channel), "fallback", top=REFUSED_GROUPS)
    except FileNotFoundError as exc:
        raise click.ClickException(str(exc)) from None
    except database_errors() as exc:
        raise click.ClickException(f"cannot read the question log {describe(location)}: {exc}") from None
    vectors = _vectors(vocab_dir)
    from bot.synonymsuggest import suggest_synonyms

    words = suggest_synonyms(Matcher(kb), refused, vectors, min_similarity)[:top]
    with closed_pipe_is_fine():
        if as_json:
            for word in words:
                click.echo(json.dumps(asdict(word), ensure_ascii=False))
        else:
            _print(words, refused, describe(location), with_proposals=vectors is not None)


def _print(words: list[UnknownWord], refused: list[QuestionGroup], log: str, with_proposals: bool) -> None:
    click.echo(f"{sum(g.count for g in refused)} refused questions ({len(refused)} distinct) in {log}; "
               f"{len(words)} unknown word(s) shown, most asked first.")
    if with_proposals:
        click.echo("Proposals are words near by vector: related, not always synonyms. Nothing was written.")
    for word in words:
        click.echo("\n" + _render(word))


def _vectors(vocab_dir: Path | None) -> WordVectors | None:
    # Vectors asked for by --vectors must load; the installed ones are optional (the words are listed without them).
    from bot.wordvectors import VectorsUnavailable, WordVectors

    try:
        return WordVectors.load(vocab_dir)
    except VectorsUnavailable as exc:
        if vocab_dir is not None:
            raise click.ClickException(str(exc)) from None
        click.echo(f"no proposals, only the unknown words: {exc}", err=True)
        return None


def _render(word: UnknownWord) -> str:
    from bot.synonymsuggest import yaml_line

    lines = [f"{word.word}  (asked {word.asked} times)  e.g. {word.questions[0] if word.questions else ''}"]
    for proposal in word.proposals:
        answered = sorted({entry for _, entry in proposal.answers})
        effect = f"would answer {len(proposal.answers)} of {len(word.previewed)}" + (
            f": {', '.join(answered)}" if answered else "")
        lines.append(f"  {proposal.known}  similarity {proposal.similarity:.2f}  {effect}")
        lines.append(f"      {yaml_line(word, proposal)}")
    return "\n".join(lines)
