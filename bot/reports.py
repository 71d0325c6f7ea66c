"""What `stats` shows, and how: plain data in, text, JSON and CSV out (no database here)."""

from __future__ import annotations

import csv
import json
import unicodedata
from dataclasses import asdict, dataclass, field
from datetime import datetime, timedelta, timezone
from typing import Any, Iterable, TextIO

from bot.textsafe import SafeCsvWriter, csv_row, for_terminal, json_for_terminal

LOG_COLUMNS = ("id", "ts", "channel", "user_hash", "question", "lang", "kind", "entry_id", "score", "matched",
               "latency_ms", "kb_version", "helpful", "feedback_ts", "via")
STATS_COLUMNS = ("section", "key", "questions", "answered", "answer_rate", "helpful", "unhelpful", "examples")
TOKYO = timezone(timedelta(hours=9), "JST")  # Asia/Tokyo has no daylight saving time
TIME_COLUMNS = ("ts", "feedback_ts")  # stored in UTC; shown in Tokyo time like the days


def tokyo_time(stamp: str | None, timespec: str = "seconds") -> str:
    """Return a stored UTC ISO time as Tokyo time with its offset ('2026-11-30T09:00:00+09:00'); '' for none."""
    if not stamp:
        return ""
    try:
        moment = datetime.fromisoformat(stamp)
    except ValueError:
        return stamp  # not a time: shown as stored rather than lost
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    return moment.astimezone(TOKYO).isoformat(timespec=timespec)


def tokyo_minute(stamp: str | None) -> str:
    """Return a stored UTC ISO time as a short Tokyo time for tables ('2026-11-30 09:00')."""
    return tokyo_time(stamp, "minutes")[:16].replace("T", " ")


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
    titles: dict[str, str] = field(default_factory=dict)  # entry id -> title, for labels

    def label(self, entry_id: str) -> str:
        """Return an entry's title with its id, or the id alone."""
        title = self.titles.get(entry_id)
        return f"{title} ({entry_id})" if title else entry_id

    @property
    def period(self) -> str:
        """Return the period as one line of text: 'All time, all channels.', 'From 2026-11-01 to 2026-11-07 ...'."""
        if self.since and self.until:
            span = f"From {self.since} to {self.until} (Tokyo dates)"
        elif self.since or self.until:
            span = f"From {self.since} (Tokyo date) on" if self.since else f"Up to {self.until} (Tokyo date)"
        else:
            span = "All time: every question in the log"
        return f"{span}, {'channel ' + self.channel if self.channel else 'all channels'}."

    @property
    def answered_with(self) -> str:
        """Return which knowledge versions answered in the period (from the log), most recent first."""
        if not self.versions:
            return "no questions in this period"
        shown = [f"{v.version or 'unknown'} ({v.questions:,} questions, {tokyo_minute(v.first_ts)} to "
                 f"{tokyo_minute(v.last_ts)})" for v in self.versions[:3]]
        more = len(self.versions) - len(shown)
        return ", ".join(shown) + (f" and {more} older version(s)" if more else "")


def percent(rate: float | None) -> str:
    """Return a rate as '73.4%', or '-' when nothing was asked."""
    return "-" if rate is None else f"{100 * rate:.1f}%"


def stats_json(stats: Stats) -> str:
    """Return the stats as a JSON document."""
    data: dict[str, Any] = asdict(stats)
    data["days"] = [{"day": day, **_tally_dict(t)} for day, t in stats.days]
    data["channels"] = [{"channel": name, **_tally_dict(t)} for name, t in stats.channels]
    data["total"] = _tally_dict(stats.total)
    return json_for_terminal(json.dumps(data, ensure_ascii=False, indent=2))  # same data, nothing raw that a terminal runs


def _tally_dict(tally: Tally) -> dict[str, Any]:
    rate = tally.answer_rate
    return {**asdict(tally), "answer_rate": None if rate is None else round(rate, 4)}


def stats_csv(stats: Stats, out: TextIO) -> None:
    """Write the stats as one long CSV (a `section` column tells the tables apart)."""
    writer = SafeCsvWriter(out)  # questions become cells: no formula may run, no escape reach a terminal
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
        span = f"{tokyo_time(seen.first_ts)} .. {tokyo_time(seen.last_ts)}"
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
        # questions become cells: no formula may run, no escape reach a terminal; times are Tokyo's
        writer.writerow(csv_row({**row, **{key: tokyo_time(row.get(key)) for key in TIME_COLUMNS}}))
        count += 1
    return count


def stats_text(stats: Stats, max_days: int = 31) -> str:
    """Return the stats as terminal text."""
    total = stats.total
    parts = [
        f"minato-bot stats: {stats.period}",
        f"answered by knowledge version(s): {stats.answered_with}",
        "",
        f"questions {total.questions}  users {stats.users}  answer rate {percent(total.answer_rate)}  "
        f"answered {total.answered}  clarify {total.clarified}  not answered {total.missed}  "
        f"small talk/other {total.other}  suggestions tapped {total.taps}  helpful {total.helpful}  not helpful {total.unhelpful}",
        _section("Per channel", ["channel", "questions", "answered", "rate", "helpful", "not helpful"],
                 [_tally_cells(name, t) for name, t in stats.channels]),
        _section(f"Per day (last {max_days} shown)" if len(stats.days) > max_days else "Per day",
                 ["day", "questions", "answered", "rate", "helpful", "not helpful"],
                 [_tally_cells(day, t) for day, t in stats.days[-max_days:]]),
        _section("Top entries asked", ["entry", "asked", "tapped", "helpful", "not helpful"],
                 [[stats.label(e.entry_id), e.asked, e.tapped, e.helpful, e.unhelpful] for e in stats.top_entries]),
        _section("Top unanswered (near-duplicates grouped)", ["count", "question", "also asked as"],
                 [[g.count, g.text, " | ".join(g.examples[1:4])] for g in stats.unanswered]),
        _section("Entries most often rated not helpful", ["entry", "not helpful", "helpful", "asked"],
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
    cells = [[_clip(for_terminal(str(c)), max_width) for c in row] for row in [headers, *rows]]
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
    # One pass: a 2,000-character question must not be re-measured once per character cut.
    if width(text) <= limit:
        return text
    kept, used = [], 0
    for char in text:
        used += width(char)
        if used > limit - 1:
            break
        kept.append(char)
    return "".join(kept) + "…"


def _numeric(text: str) -> bool:
    return text.replace(".", "", 1).rstrip("%").isdigit() or text == "-"
