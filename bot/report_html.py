"""One self-contained HTML report for HR: numbers, tables and inline SVG charts, nothing fetched."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Any

from bot import charts
from bot.reports import Stats, Tally, percent

STYLE = """
body{font-family:system-ui,-apple-system,"Hiragino Sans","Yu Gothic","Meiryo",sans-serif;margin:2rem auto;
max-width:1000px;padding:0 1rem;color:#222}
h1{font-size:1.5rem;margin-bottom:.2rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
.meta{color:#666;font-size:.9rem}.cards{display:flex;flex-wrap:wrap;gap:.6rem;margin:1rem 0}
.card{border:1px solid #ddd;border-radius:6px;padding:.5rem .8rem;min-width:7rem}
.card b{display:block;font-size:1.4rem}.card span{color:#666;font-size:.8rem}
table{border-collapse:collapse;font-size:.9rem;margin:.5rem 0}td,th{border-bottom:1px solid #eee;padding:.25rem .6rem;
text-align:left;vertical-align:top}td.n{text-align:right;font-variant-numeric:tabular-nums}
figure{margin:1rem 0}figure svg{max-width:100%;height:auto}figcaption{color:#555;font-size:.85rem}
.examples{color:#666;font-size:.8rem}
"""


def render_report(stats: Stats, title: str = "minato-bot: what candidates asked") -> str:
    """Return the whole report as one HTML document."""
    generated = datetime.now(timezone.utc).isoformat(timespec="minutes")
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta">{escape(stats.period)} · knowledge base {escape(stats.knowledge or "unknown")} · '
        f"generated {escape(generated)}</p>",
        _cards(stats),
        _figure("chart-per-day", "Questions per day, by outcome", charts.questions_per_day(stats.days)),
        _figure("chart-answer-rate", "Answer rate over time (answered ÷ answered + clarify + not answered)",
                charts.answer_rate_over_time(stats.days)),
        _figure("chart-top-topics", "Top topics: the entries that answered most",
                charts.top_topics(stats.top_entries, {e: stats.label(e) for e in stats.titles})),
        _figure("chart-unanswered", "Top unanswered questions, near-duplicates grouped",
                charts.top_unanswered(stats.unanswered)),
        "<h2>Top unanswered questions</h2>",
        _table("table-unanswered", ["count", "question", "also asked as", "last asked"],
               [[g.count, g.text, _examples(g.examples[1:]), g.last_seen[:16]] for g in stats.unanswered]),
        "<h2>Entries with the most 👎</h2>",
        _table("table-unhelpful", ["entry", "👎", "👍", "answered"],
               [[stats.label(e.entry_id), e.unhelpful, e.helpful, e.asked] for e in stats.unhelpful_entries]),
        "<h2>Top entries asked</h2>",
        _table("table-top-entries", ["entry", "answered", "👍", "👎"],
               [[stats.label(e.entry_id), e.asked, e.helpful, e.unhelpful] for e in stats.top_entries]),
        "<h2>Per channel</h2>",
        _table("table-channels", ["channel", *TALLY_HEADERS], [[name, *_tally(t)] for name, t in stats.channels]),
        "<h2>Per day</h2>",
        _table("table-days", ["day", *TALLY_HEADERS], [[day, *_tally(t)] for day, t in stats.days]),
        "<h2>Knowledge-base versions that answered</h2>",
        _table("table-versions", ["version", "questions", "first", "last"],
               [[v.version, v.questions, v.first_ts[:16], v.last_ts[:16]] for v in stats.versions]),
    ]
    return (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


TALLY_HEADERS = ["questions", "answered", "answer rate", "clarify", "not answered", "👍", "👎"]


def _tally(tally: Tally) -> list[Any]:
    return [tally.questions, tally.answered, percent(tally.answer_rate), tally.clarified, tally.missed,
            tally.helpful, tally.unhelpful]


def _cards(stats: Stats) -> str:
    total = stats.total
    cards = [("questions", total.questions), ("users", stats.users), ("answer rate", percent(total.answer_rate)),
             ("answered", total.answered), ("asked to clarify", total.clarified), ("not answered", total.missed),
             ("👍 helpful", total.helpful), ("👎 not helpful", total.unhelpful)]
    items = "".join(f'<div class="card" data-key="{escape(label)}"><b>{escape(_number(value))}</b>'
                    f"<span>{escape(label)}</span></div>" for label, value in cards)
    return f'<div class="cards" id="summary">{items}</div>'


def _figure(figure_id: str, caption: str, svg: str) -> str:
    # The SVG comes from matplotlib, not from user text, so it is pasted as is.
    return f'<figure id="{figure_id}">{svg}<figcaption>{escape(caption)}</figcaption></figure>'


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


class _Raw(str):
    """Markup already escaped."""


def _examples(texts: tuple[str, ...]) -> _Raw:
    return _Raw("<br>".join(f'<span class="examples">{escape(t)}</span>' for t in texts))


def _table(table_id: str, headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f'<p id="{table_id}" class="meta">none in this period</p>'
    head = "".join(f"<th>{escape(h)}</th>" for h in headers)
    lines = []
    for row in rows:
        cells = []
        for value in row:
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = value if isinstance(value, _Raw) else escape(_number(value))
            cells.append(f'<td class="n">{text}</td>' if numeric else f"<td>{text}</td>")
        lines.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
