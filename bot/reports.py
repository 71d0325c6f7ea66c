"""What `stats` shows, and how: plain data in, text, JSON and CSV out (no database here)."""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from typing import Any, Iterable, TextIO

LOG_COLUMNS = ("id", "ts", "channel", "user_hash", "question", "lang", "kind", "entry_id", "score", "matched",
               "latency_ms", "kb_version", "helpful", "feedback_ts", "via")
STATS_COLUMNS = ("section", "key", "questions", "answered", "answer_rate", "helpful", "unhelpful", "examples")


@dataclass
class Tally:
    """Counts of questions by outcome, and the 👍/👎 they got."""

    questions: int = 0
    answered: int = 0
    clarified: int = 0
    missed: int = 0
    other: int = 0  # small talk and unreadable input
    helpful: int = 0
    unhelpful: int = 0
    taps: int = 0  # suggestions tapped: always answered, so kept out of questions and the answer rate

    def add(self, kind: str, count: int, helpful: int = 0, unhelpful: int = 0, tapped: bool = False) -> None:
        """Count `count` questions of one kind (or taps on suggestions)."""
        self.helpful += helpful
        self.unhelpful += unhelpful
        if tapped:
            self.taps += count
            return
        self.questions += count
        slot = {"answer": "answered", "clarify": "clarified", "fallback": "missed"}.get(kind, "other")
        setattr(self, slot, getattr(self, slot) + count)

    @property
    def answer_rate(self) -> float | None:
        """Return answered / (answered + clarified + missed): small talk does not count either way."""
        asked = self.answered + self.clarified + self.missed
        return self.answered / asked if asked else None


@dataclass(frozen=True)
class EntryCount:
    """How often an entry answered, and the feedback on those answers."""

    entry_id: str
    asked: int  # typed questions it answered
    helpful: int
    unhelpful: int
    tapped: int = 0  # times a user tapped it as a suggestion


@dataclass(frozen=True)
class QuestionGroup:
    """Near-duplicate questions the bot could not answer, counted as one."""

    text: str
    count: int
    examples: tuple[str, ...]
    last_seen: str


@dataclass(frozen=True)
class VersionSeen:
    """A knowledge-base version and the questions it answered."""

    version: str
    questions: int
    first_ts: str
    last_ts: str


@dataclass
class Stats:
    """Everything `stats` and `report` show for one period."""

    since: str | None = None
    until: str | None = None
    channel: str | None = None
    total: Tally = field(default_factory=Tally)
    users: int = 0
    days: list[tuple[str, Tally]] = field(default_factory=list)
    channels: list[tuple[str, Tally]] = field(default_factory=list)
    top_entries: list[EntryCount] = field(default_factory=list)
    unanswered: list[QuestionGroup] = field(default_factory=list)
    unhelpful_entries: list[EntryCount] = field(default_factory=list)
    versions: list[VersionSeen] = field(default_factory=list)
    knowledge: str = ""  # the knowledge files on disk now: "version (checked at ...)"
    titles: dict[str, str] = field(default_factory=dict)  # entry id -> title, for labels

    def label(self, entry_id: str) -> str:
        """Return an entry's title with its id, or the id alone."""
        title = self.titles.get(entry_id)
        return f"{title} ({entry_id})" if title else entry_id

    @property
    def period(self) -> str:
        """Return the period as one line of text."""
        span = f"{self.since or 'first question'} .. {self.until or 'last question'}"
        return f"{span} (Tokyo dates), {'channel ' + self.channel if self.channel else 'all channels'}"


def percent(rate: float | None) -> str:
    """Return a rate as '73.4%', or '-' when nothing was asked."""
    return "-" if rate is None else f"{100 * rate:.1f}%"


def stats_json(stats: Stats) -> str:
    """Return the stats as a JSON document."""
    data: dict[str, Any] = asdict(stats)
    data["days"] = [{"day": day, **_tally_dict(t)} for day, t in stats.days]
    data["channels"] = [{"channel": name, **_tally_dict(t)} for name, t in stats.channels]
    data["total"] = _tally_dict(stats.total)
    return json.dumps(data, ensure_ascii=False, indent=2)


def _tally_dict(tally: Tally) -> dict[str, Any]:
    rate = tally.answer_rate
    return {**asdict(tally), "answer_rate": None if rate is None else round(rate, 4)}


def stats_csv(stats: Stats, out: TextIO) -> None:
    """Write the stats as one long CSV (a `section` column tells the tables apart)."""
    writer = csv.writer(out)
    writer.writerow(STATS_COLUMNS)
    writer.writerow(_tally_row("total", "all", stats.total))
    for name, tally in stats.channels:
        writer.writerow(_tally_row("channel", name, tally))
    for day, tally in stats.days:
        writer.writerow(_tally_row("day", day, tally))
    for entry in stats.top_entries:
        writer.writerow(["top_entry", entry.entry_id, entry.asked, entry.asked, "", entry.helpful, entry.unhelpful, ""])
    for group in stats.unanswered:
        writer.writerow(["unanswered", group.text, group.count, 0, "", "", "", " | ".join(group.examples)])
    for entry in stats.unhelpful_entries:
        writer.writerow(["most_unhelpful", entry.entry_id, entry.asked, entry.asked, "", entry.helpful,
                         entry.unhelpful, ""])
    for seen in stats.versions:
        span = f"{seen.first_ts} .. {seen.last_ts}"
        writer.writerow(["kb_version", seen.version, seen.questions, "", "", "", "", span])


def _tally_row(section: str, key: str, tally: Tally) -> list[Any]:
    rate = tally.answer_rate
    return [section, key, tally.questions, tally.answered, "" if rate is None else round(rate, 4),
            tally.helpful, tally.unhelpful, ""]


def log_csv(rows: Iterable[dict[str, Any]], out: TextIO) -> int:
    """Write question-log rows as CSV; return how many."""
    writer = csv.DictWriter(out, fieldnames=LOG_COLUMNS, extrasaction="ignore")
    writer.writeheader()
    count = 0
    for row in rows:
        writer.writerow(row)
        count += 1
    return count


def stats_text(stats: Stats, max_days: int = 31) -> str:
    """Return the stats as terminal text."""
    total = stats.total
    parts = [
        f"minato-bot stats: {stats.period}",
        f"knowledge base: {stats.knowledge or 'unknown'}",
        "answered with: " + (", ".join(f"{v.version} ({v.questions} questions, {v.first_ts[:16]} .. {v.last_ts[:16]})"
                                       for v in stats.versions[:3]) or "-"),
        "",
        f"questions {total.questions}  users {stats.users}  answer rate {percent(total.answer_rate)}  "
        f"answered {total.answered}  clarify {total.clarified}  not answered {total.missed}  "
        f"small talk/other {total.other}  suggestions tapped {total.taps}  👍 {total.helpful}  👎 {total.unhelpful}",
        _section("Per channel", ["channel", "questions", "answered", "rate", "👍", "👎"],
                 [_tally_cells(name, t) for name, t in stats.channels]),
        _section(f"Per day (last {max_days} shown)" if len(stats.days) > max_days else "Per day",
                 ["day", "questions", "answered", "rate", "👍", "👎"],
                 [_tally_cells(day, t) for day, t in stats.days[-max_days:]]),
        _section("Top entries asked", ["entry", "asked", "tapped", "👍", "👎"],
                 [[stats.label(e.entry_id), e.asked, e.tapped, e.helpful, e.unhelpful] for e in stats.top_entries]),
        _section("Top unanswered (near-duplicates grouped)", ["count", "question", "also asked as"],
                 [[g.count, g.text, " | ".join(g.examples[1:4])] for g in stats.unanswered]),
        _section("Entries with the most 👎", ["entry", "👎", "👍", "asked"],
                 [[stats.label(e.entry_id), e.unhelpful, e.helpful, e.asked] for e in stats.unhelpful_entries]),
        "\nanswer rate = answered / (answered + clarify + not answered); small talk and tapped suggestions count "
        "for neither.",
    ]
    return "\n".join(parts)


def _tally_cells(key: str, tally: Tally) -> list[Any]:
    return [key, tally.questions, tally.answered, percent(tally.answer_rate), tally.helpful, tally.unhelpful]


def _section(title: str, headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f"\n{title}\n  (none)"
    return f"\n{title}\n" + table(headers, rows)


def table(headers: list[str], rows: list[list[Any]], max_width: int = 60) -> str:
    """Return rows as an aligned text table (wide Japanese characters count double)."""
    cells = [[_clip(str(c), max_width) for c in row] for row in [headers, *rows]]
    widths = [max(width(row[i]) for row in cells) for i in range(len(headers))]
    lines = []
    for row in cells:
        padded = [" " * (w - width(c)) + c if _numeric(c) else c + " " * (w - width(c)) for c, w in zip(row, widths)]
        lines.append("  " + "  ".join(padded).rstrip())
    return "\n".join(lines)


def width(text: str) -> int:
    """Return how many terminal columns a text takes."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _clip(text: str, limit: int) -> str:
    while width(text) > limit:
        text = text[:-2] + "…"
    return text


def _numeric(text: str) -> bool:
    return text.replace(".", "", 1).rstrip("%").isdigit() or text == "-"
