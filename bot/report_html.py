"""One self-contained HTML report for HR: numbers, tables and inline SVG charts, nothing fetched."""

from __future__ import annotations

from datetime import datetime, timezone
from html import escape
from typing import Any
from urllib.parse import quote

from bot import charts
from bot.reports import Stats, Tally, percent, tokyo_minute

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
.examples{color:#666;font-size:.8rem}td,th,p,h1,h2{overflow-wrap:anywhere}
.thumb{display:inline-flex;align-items:center;gap:.25rem;white-space:nowrap}
@media (max-width:600px){body{margin:1rem auto;padding:0 .6rem}table,tbody,tr,td{display:block;width:100%}
thead{display:none}tr{border-bottom:1px solid #ccc;padding:.3rem 0}td{border:0;padding:.1rem 0}
td.n{text-align:left}td[data-label]::before{content:attr(data-label) ": ";color:#666;font-size:.8rem}}
"""
# Thumbs drawn, not typed: an emoji needs an emoji font, and without one 👍 and 👎 are the same empty box.
# The icon is an SVG in the style sheet (a data URL), so the page stays one file and its charts the only <svg>s.
_THUMB_PATH = ("M2 21h4V9H2v12zm20-11c0-1.1-.9-2-2-2h-6.3l1-4.6v-.3c0-.4-.2-.8-.4-1.1L13.2 1 6.6 7.6C6.2 7.9 6 8.4 6 9"
               "v10c0 1.1.9 2 2 2h9c.8 0 1.5-.5 1.8-1.2l3-7.1c.1-.2.2-.5.2-.7v-2z")


def _thumb_css(name: str, color: str, flip: str) -> str:
    svg = (f"<svg xmlns='http://www.w3.org/2000/svg' viewBox='0 0 24 24'><path fill='{color}' "
           f"d='{_THUMB_PATH}'/></svg>")
    return (f'.thumb.{name}::before{{content:"";width:1em;height:1em;display:inline-block;{flip}'
            f'background:url("data:image/svg+xml,{quote(svg)}") no-repeat center/contain}}')


STYLE += _thumb_css("up", "#2e7d32", "") + _thumb_css("down", "#c62828", "transform:rotate(180deg);") + "\n"
HELPFUL = '<span class="thumb up">helpful</span>'
NOT_HELPFUL = '<span class="thumb down">not helpful</span>'


def render_report(stats: Stats, title: str = "minato-bot: what candidates asked") -> str:
    """Return the whole report as one HTML document."""
    generated = tokyo_minute(datetime.now(timezone.utc).isoformat())
    body = [
        f"<h1>{escape(title)}</h1>",
        f'<p class="meta" id="period">{escape(stats.period)}</p>',
        f'<p class="meta" id="versions">Answered by knowledge version(s): {escape(stats.answered_with)}. '
        f"Generated {escape(generated)} (Tokyo time).</p>",
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
               [[g.count, g.text, _examples(g.examples[1:]), tokyo_minute(g.last_seen)] for g in stats.unanswered]),
        "<h2>Entries most often rated not helpful</h2>",
        _table("table-unhelpful", ["entry", NOT_HELPFUL, HELPFUL, "answered"],
               [[stats.label(e.entry_id), e.unhelpful, e.helpful, e.asked] for e in stats.unhelpful_entries]),
        "<h2>Top entries asked</h2>",
        _table("table-top-entries", ["entry", "answered", HELPFUL, NOT_HELPFUL],
               [[stats.label(e.entry_id), e.asked, e.helpful, e.unhelpful] for e in stats.top_entries]),
        "<h2>Per channel</h2>",
        _table("table-channels", ["channel", *TALLY_HEADERS], [[name, *_tally(t)] for name, t in stats.channels]),
        "<h2>Per day</h2>",
        _table("table-days", ["day", *TALLY_HEADERS], [[day, *_tally(t)] for day, t in stats.days]),
        "<h2>Knowledge-base versions that answered</h2>",
        _table("table-versions", ["version", "questions", "first", "last"],
               [[v.version, v.questions, tokyo_minute(v.first_ts), tokyo_minute(v.last_ts)] for v in stats.versions]),
    ]
    return (f'<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width,initial-scale=1">'
            f"<title>{escape(title)}</title><style>{STYLE}</style></head>\n<body>\n"
            + "\n".join(body) + "\n</body></html>\n")


TALLY_HEADERS = ["questions", "answered", "answer rate", "clarify", "not answered", HELPFUL, NOT_HELPFUL]


def _tally(tally: Tally) -> list[Any]:
    return [tally.questions, tally.answered, percent(tally.answer_rate), tally.clarified, tally.missed,
            tally.helpful, tally.unhelpful]


def _cards(stats: Stats) -> str:
    total = stats.total
    cards = [("questions", total.questions), ("users", stats.users), ("answer rate", percent(total.answer_rate)),
             ("answered", total.answered), ("asked to clarify", total.clarified), ("not answered", total.missed),
             ("helpful", total.helpful), ("not helpful", total.unhelpful)]
    icons = {"helpful": HELPFUL, "not helpful": NOT_HELPFUL}
    items = "".join(f'<div class="card" data-key="{escape(label)}"><b>{escape(_number(value))}</b>'
                    f"<span>{icons.get(label, escape(label))}</span></div>" for label, value in cards)
    return f'<div class="cards" id="summary">{items}</div>'


def _figure(figure_id: str, caption: str, svg: str) -> str:
    # The SVG comes from matplotlib, not from user text, so it is pasted as is.
    return f'<figure id="{figure_id}">{svg}<figcaption>{escape(caption)}</figcaption></figure>'


def _number(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) and not isinstance(value, bool) else str(value)


class _Raw(str):
    """Markup already escaped."""


def _header(header: str) -> str:
    return header if header in (HELPFUL, NOT_HELPFUL) else escape(header)


def _plain(header: str) -> str:
    return {HELPFUL: "helpful", NOT_HELPFUL: "not helpful"}.get(header, header)


def _examples(texts: tuple[str, ...]) -> _Raw:
    return _Raw("<br>".join(f'<span class="examples">{escape(t)}</span>' for t in texts))


def _table(table_id: str, headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f'<p id="{table_id}" class="meta">none in this period</p>'
    head = "".join(f"<th>{_header(h)}</th>" for h in headers)
    # On a phone each row becomes a card whose cells are labelled by their column (CSS ::before).
    labels = [escape(_plain(h), quote=True) for h in headers]
    lines = []
    for row in rows:
        cells = []
        for label, value in zip(labels, row):
            numeric = isinstance(value, (int, float)) and not isinstance(value, bool)
            text = value if isinstance(value, _Raw) else escape(_number(value))
            cells.append(f'<td class="n" data-label="{label}">{text}</td>' if numeric
                         else f'<td data-label="{label}">{text}</td>')
        lines.append(f"<tr>{''.join(cells)}</tr>")
    return f'<table id="{table_id}"><thead><tr>{head}</tr></thead><tbody>{"".join(lines)}</tbody></table>'
