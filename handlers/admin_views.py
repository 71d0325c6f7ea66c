"""The HR page's HTML: server-rendered, no script, every text from the log or the knowledge escaped.

Each function returns the <main> content; `layout` wraps it. Questions are data a candidate typed: they go
through `esc` everywhere, so HTML in a question shows as text.
"""

from __future__ import annotations

import base64
import difflib
from html import escape
from typing import Any, Iterable
from urllib.parse import urlencode

from bot.audit import Change
from bot.reports import Stats, Tally, percent, tokyo_minute
from bot.review import InboxItem
from bot.service import Reply

PERIODS = ((7, "7 days"), (30, "30 days"), (90, "90 days"), (0, "all time"))
KIND_TITLES = {"unanswered": "Not answered", "clarify": "Asked \"did you mean\"", "unhelpful": "Answered, rated not helpful"}
ACTION_TITLES = {"paraphrase": "added as a question of an entry", "out_of_scope": "marked out of scope",
                 "new_entry": "new entry", "dismiss": "dismissed", "undo": "undo"}


def esc(value: Any) -> str:
    """Return any value as HTML text (quotes too, so it is safe in attributes)."""
    return escape(str(value), quote=True)


def csrf_field(token: str) -> str:
    """Return the hidden CSRF field every form carries."""
    return f'<input type="hidden" name="csrf_token" value="{esc(token)}">'


def layout(title: str, main: str, csrf: str | None = None, refresh: int | None = None) -> str:
    """Return a whole page: head, navigation (when signed in), main."""
    nav = ""
    if csrf is not None:
        nav = ('<nav><a href="/admin/inbox">Inbox</a><a href="/admin/dashboard">Dashboard</a>'
               '<a href="/admin/changes">Changes</a>'
               f'<form method="post" action="/admin/logout">{csrf_field(csrf)}<button>Sign out</button></form></nav>')
    meta = f'<meta http-equiv="refresh" content="{refresh}">' if refresh else ""
    return ('<!DOCTYPE html>\n<html lang="ja"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width,initial-scale=1">'
            f'{meta}<title>{esc(title)} · minato-bot HR</title><link rel="stylesheet" href="/admin/static/admin.css">'
            f'</head><body><header><b>minato-bot HR</b>{nav}</header><main><h1>{esc(title)}</h1>{main}</main>'
            '</body></html>\n')


def login_page(csrf: str, error: str = "") -> str:
    """Return the sign-in form."""
    problem = f'<p class="error" role="alert">{esc(error)}</p>' if error else ""
    return layout("Sign in", f'{problem}<form method="post" action="/admin/login" class="card">{csrf_field(csrf)}'
                  '<label for="password">Password</label>'
                  '<input id="password" name="password" type="password" autocomplete="current-password" required '
                  'autofocus><button type="submit">Sign in</button></form>')


def message_page(title: str, text: str, problems: Iterable[str] = (), csrf: str | None = None,
                 back: str = "/admin/inbox") -> str:
    """Return a page that explains a refusal (and lists why), with a way back."""
    items = "".join(f"<li>{esc(p)}</li>" for p in problems)
    listed = f'<ul class="problems">{items}</ul>' if items else ""
    return layout(title, f'<p class="error" role="alert">{esc(text)}</p>{listed}<p><a href="{esc(back)}">Back</a></p>',
                  csrf)


def _period_links(path: str, days: int, channel: str | None, channels: Iterable[str] = ()) -> str:
    links = []
    for value, label in PERIODS:
        query = urlencode({k: v for k, v in (("days", value), ("channel", channel or "")) if v != ""})
        current = ' aria-current="page"' if value == days else ""
        links.append(f'<a href="{path}?{esc(query)}"{current}>{esc(label)}</a>')
    for name in ("", *channels) if channels else ():
        query = urlencode({k: v for k, v in (("days", days), ("channel", name)) if v != ""})
        current = ' aria-current="page"' if name == (channel or "") else ""
        links.append(f'<a href="{path}?{esc(query)}"{current}>{esc(name or "all channels")}</a>')
    return f'<p class="filters">{"".join(links)}</p>'


def svg_image(svg: str, alt: str, figure_id: str) -> str:
    """Return a chart as an <img> of a data URL: its own styles apply, the page's policy stays strict."""
    data = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (f'<figure id="{esc(figure_id)}"><img alt="{esc(alt)}" src="data:image/svg+xml;base64,{data}">'
            f"<figcaption>{esc(alt)}</figcaption></figure>")


def dashboard_page(stats: Stats, charts: list[tuple[str, str, str]], days: int, channel: str | None,
                   csrf: str) -> str:
    """Return the report's figures, charts and tables for a period."""
    total = stats.total
    cards = [("questions", total.questions), ("users", stats.users), ("answer rate", percent(total.answer_rate)),
             ("answered", total.answered), ("asked to clarify", total.clarified), ("not answered", total.missed),
             ("helpful", total.helpful), ("not helpful", total.unhelpful)]  # words: no emoji font needed
    summary = "".join(f'<div class="card" data-key="{esc(k)}"><b>{esc(v)}</b><span>{esc(k)}</span></div>'
                      for k, v in cards)
    figures = "".join(svg_image(svg, alt, figure_id) for figure_id, alt, svg in charts)
    unanswered = _table("table-unanswered", ["count", "question", "also asked as", "last asked"],
                        [[g.count, g.text, " | ".join(g.examples[1:]), tokyo_minute(g.last_seen)]
                         for g in stats.unanswered])
    entries = _table("table-top-entries", ["entry", "answered", "helpful", "not helpful"],
                     [[stats.label(e.entry_id), e.asked, e.helpful, e.unhelpful] for e in stats.top_entries])
    per_channel = _table("table-channels", ["channel", "questions", "answered", "answer rate", "helpful", "not helpful"],
                         [[name, *_tally(t)] for name, t in stats.channels])
    return layout("Dashboard", f'{_period_links("/admin/dashboard", days, channel, [n for n, _ in stats.channels])}'
                  f'<p class="meta" id="period">{esc(stats.period)}</p><div class="cards" id="summary">{summary}</div>'
                  f"{figures}<h2>Top unanswered questions</h2>{unanswered}<h2>Top entries</h2>{entries}"
                  f"<h2>Per channel</h2>{per_channel}", csrf)


def _tally(tally: Tally) -> list[Any]:
    return [tally.questions, tally.answered, percent(tally.answer_rate), tally.helpful, tally.unhelpful]


def _table(table_id: str, headers: list[str], rows: list[list[Any]]) -> str:
    if not rows:
        return f'<p id="{esc(table_id)}" class="meta">none in this period</p>'
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "".join("<tr>" + "".join(f'<td data-label="{esc(h)}">{esc(v)}</td>' for h, v in zip(headers, row))
                   + "</tr>" for row in rows)
    return f'<table id="{esc(table_id)}"><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>'


def inbox_page(items: list[InboxItem], entries: list[tuple[str, str]], days: int, csrf: str) -> str:
    """Return the inbox: each question with the bot's best entries and HR's four actions."""
    sections = []
    for kind, title in KIND_TITLES.items():
        mine = [item for item in items if item.kind == kind]
        cards = "".join(_inbox_item(item, entries, csrf) for item in mine) or '<p class="meta">nothing here</p>'
        sections.append(f'<section id="inbox-{kind}"><h2>{esc(title)} ({len(mine)})</h2>{cards}</section>')
    return layout("Inbox", _period_links("/admin/inbox", days, None) + "".join(sections), csrf)


def _inbox_item(item: InboxItem, entries: list[tuple[str, str]], csrf: str) -> str:
    question = esc(item.question)
    also = "".join(f"<li>{esc(text)}</li>" for text in item.examples[1:])
    also_html = f'<details><summary>also asked as</summary><ul>{also}</ul></details>' if also else ""
    answered = f'<p class="meta">answered by <code>{esc(item.answered_by)}</code></p>' if item.answered_by else ""
    best = "".join(f'<li><code>{esc(c.entry_id)}</code> {esc(c.title)} <span class="score">{c.score:.1f}</span></li>'
                   for c in item.candidates) or "<li>no entry comes close</li>"
    top = {c.entry_id for c in item.candidates}
    options = "".join(f'<option value="{esc(c.entry_id)}">{esc(c.title)} ({esc(c.entry_id)}, {c.score:.1f})</option>'
                      for c in item.candidates)
    options += "".join(f'<option value="{esc(i)}">{esc(t)} ({esc(i)})</option>' for i, t in entries if i not in top)
    hidden = csrf_field(csrf) + f'<input type="hidden" name="question" value="{question}">'
    new_entry = urlencode({"question": item.question})
    return (f'<article class="item" data-kind="{esc(item.kind)}"><p class="question">{question}</p>'
            f'<p class="meta">asked {item.count}× · last {esc(tokyo_minute(item.last_seen))}</p>{answered}{also_html}'
            f'<p class="meta">the bot\'s best entries:</p><ol class="candidates">{best}</ol><div class="actions">'
            f'<form method="post" action="/admin/act" class="paraphrase">{hidden}'
            '<input type="hidden" name="action" value="paraphrase"><label>Add as a question of '
            f'<select name="entry_id">{options}</select></label><button>Add</button></form>'
            f'<form method="post" action="/admin/act">{hidden}<input type="hidden" name="action" value="out_of_scope">'
            '<button>Out of scope</button></form>'
            f'<a class="button" href="/admin/new-entry?{esc(new_entry)}">New entry…</a>'
            f'<form method="post" action="/admin/act">{hidden}<input type="hidden" name="action" value="dismiss">'
            "<button>Dismiss</button></form></div></article>")


def new_entry_page(fields: dict[str, Any], question: str, files: list[str], categories: Iterable[str],
                   csrf: str) -> str:
    """Return the `kb new-entry` scaffold as a form."""
    def text(name: str, label: str, value: Any, area: bool = False) -> str:
        value = "\n".join(value) if isinstance(value, (list, tuple)) else (value or "")
        field = (f'<textarea id="{name}" name="{name}" rows="4">{esc(value)}</textarea>' if area else
                 f'<input id="{name}" name="{name}" value="{esc(value)}">')
        return f'<label for="{name}">{esc(label)}</label>{field}'

    def choice(name: str, label: str, values: Iterable[str], chosen: str) -> str:
        options = "".join(f'<option{" selected" if v == chosen else ""}>{esc(v)}</option>' for v in values)
        return f'<label for="{name}">{esc(label)}</label><select id="{name}" name="{name}">{options}</select>'

    title, answer, asked = fields.get("title", {}), fields.get("answer", {}), fields.get("questions", {})
    body = "".join([
        csrf_field(csrf), f'<input type="hidden" name="question" value="{esc(question)}">',
        text("id", "id", fields.get("id")), choice("category", "category", categories, fields.get("category", "")),
        choice("file", "file", files, fields.get("file", "")),
        text("title_ja", "title (ja, up to 20 characters)", title.get("ja")), text("title_en", "title (en)", title.get("en")),
        text("questions_ja", "questions (ja), one per line", asked.get("ja"), True),
        text("questions_en", "questions (en), one per line", asked.get("en"), True),
        text("answer_ja", "answer (ja)", answer.get("ja"), True), text("answer_en", "answer (en)", answer.get("en"), True),
        text("answer_easy", "answer (やさしい日本語)", answer.get("easy"), True),
        text("related", "related entry ids, comma-separated", ", ".join(fields.get("related") or [])),
        text("keywords", "keywords, comma-separated", ", ".join(fields.get("keywords") or [])),
    ])
    return layout("New entry", f'<p class="question">{esc(question)}</p><p class="meta">Only facts from the briefing; '
                  "replace every TODO. The entry is written only if kb check and kb test pass.</p>"
                  f'<form method="post" action="/admin/new-entry" class="card entry">{body}'
                  "<button>Check and add</button></form>", csrf)


def change_page(change: Change, live: bool, reply: Reply | None, csrf: str) -> str:
    """Return one audited change: what, the file's changed lines, and how the reloaded bot answers now."""
    diff = "\n".join(difflib.unified_diff((change.before or "").splitlines(), (change.after or "").splitlines(),
                                          f"{change.file} before", f"{change.file} after", n=2, lineterm=""))
    parts = [f'<p class="question">{esc(change.question)}</p>',
             f'<p class="meta">{esc(tokyo_minute(change.ts))} · {esc(ACTION_TITLES.get(change.action, change.action))}'
             f"{' · entry ' + esc(change.entry_id) if change.entry_id else ''} · by session {esc(change.actor)}</p>"]
    if diff:
        parts.append(f'<pre class="diff">{esc(diff)}</pre>')
    if change.kb_version and not live:
        parts.append('<p id="live" class="meta" role="status">Written. Waiting for the bot to load it…</p>')
    elif change.kb_version and reply is not None:
        answered = f"entry {reply.entry_id} ({reply.score:.1f})" if reply.matched else reply.kind
        parts.append(f'<div id="live" role="status"><p class="meta">The bot (version {esc(change.kb_version)}) now '
                     f'answers it with: <b class="kind">{esc(answered)}</b></p>'
                     f'<p class="answer">{esc(reply.text)}</p></div>')
    if change.undone_by is not None:
        parts.append(f'<p class="meta">Undone by <a href="/admin/changes/{change.undone_by}">change '
                     f"{change.undone_by}</a>.</p>")
    elif change.action != "undo":
        parts.append(f'<form method="post" action="/admin/changes/{change.id}/undo">{csrf_field(csrf)}'
                     "<button>Undo this change</button></form>")
    return layout(f"Change {change.id}", "".join(parts), csrf, refresh=None if live else 1)


def changes_page(changes: list[Change], csrf: str) -> str:
    """Return the audit table, newest first, each row linking to its change."""
    rows = "".join(
        f'<tr><td data-label="#"><a href="/admin/changes/{c.id}">{c.id}</a></td>'
        f'<td data-label="when">{esc(tokyo_minute(c.ts))}</td><td data-label="who">{esc(c.actor)}</td>'
        f'<td data-label="what">{esc(ACTION_TITLES.get(c.action, c.action))}</td>'
        f'<td data-label="question">{esc(c.question)}</td><td data-label="entry">{esc(c.entry_id or "")}</td>'
        f'<td data-label="file">{esc(c.file or "")}</td>'
        f'<td data-label="state">{"undone" if c.undone_by else ""}</td></tr>' for c in changes)
    table = (f'<table id="changes"><thead><tr><th>#</th><th>when</th><th>who</th><th>what</th><th>question</th>'
             f"<th>entry</th><th>file</th><th></th></tr></thead><tbody>{rows}</tbody></table>") if rows else \
        '<p class="meta">no changes yet</p>'
    return layout("Changes", table, csrf)
