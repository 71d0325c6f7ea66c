"""The HR page's dashboard (the report, live) and its new-entry form (the `kb new-entry` scaffold, edited)."""

from __future__ import annotations

import asyncio
import re
from typing import Any

from aiohttp import web

from bot.audit import Session
from bot.kbedit import Edit
from bot.reports import Stats
from bot.review import period_of
from handlers import admin_views as views
from handlers.admin_http import days_of, page, review_of, run_change

LIST_SPLIT = re.compile(r"[,、\s]+")


def draw_charts(stats: Stats) -> list[tuple[str, str, str]]:
    """Return the report's charts as (id, caption, SVG); matplotlib loads only when a dashboard is drawn."""
    from bot import charts

    labels = {e: stats.label(e) for e in stats.titles}
    return [("chart-per-day", "Questions per day, by outcome", charts.questions_per_day(stats.days)),
            ("chart-answer-rate", "Answer rate over time", charts.answer_rate_over_time(stats.days)),
            ("chart-top-topics", "Top topics", charts.top_topics(stats.top_entries, labels)),
            ("chart-unanswered", "Top unanswered questions", charts.top_unanswered(stats.unanswered))]


async def dashboard(request: web.Request, session: Session) -> web.StreamResponse:
    """GET /admin/dashboard?days=&channel=: the `report` figures and charts, read from the log now."""
    review, days = review_of(request), days_of(request, 7)
    channel = request.query.get("channel") or None

    def build() -> tuple[Stats, list[tuple[str, str, str]]]:
        stats = review.stats(period_of(days or None, channel))
        return stats, draw_charts(stats)

    stats, charts = await asyncio.to_thread(build)
    return page(views.dashboard_page(stats, charts, days, channel, session.csrf))


async def new_entry_form(request: web.Request, session: Session) -> web.StreamResponse:
    """GET /admin/new-entry?question=: the scaffold for a new entry answering the question, as a form."""
    question = request.query.get("question", "").strip()
    if not question:
        return page(views.message_page("New entry", "Choose a question in the inbox first.", csrf=session.csrf), 400)
    review = review_of(request)
    fields = await asyncio.to_thread(review.new_entry_draft, question)
    return page(views.new_entry_page(fields, question, review.knowledge_files(), review.categories(),
                                     session.csrf))


def entry_from_form(form: Any) -> dict[str, Any]:
    """Return the new entry's fields from the form, in the knowledge format's shape."""
    def text(name: str) -> str:
        value = form.get(name, "")
        return value.strip() if isinstance(value, str) else ""

    def lines(name: str) -> list[str]:
        return [line.strip() for line in text(name).splitlines() if line.strip()]

    def words(name: str) -> list[str]:
        return [word for word in LIST_SPLIT.split(text(name)) if word]

    questions = {"ja": lines("questions_ja"), "en": lines("questions_en")}
    return {"id": text("id"), "category": text("category"),
            "title": {"ja": text("title_ja"), "en": text("title_en")}, "questions": questions,
            "keywords": [w for w in (k.strip() for k in text("keywords").split(",")) if w],
            "answer": {"ja": text("answer_ja"), "en": text("answer_en"), "easy": text("answer_easy")},
            "related": words("related"), "examples": (questions["ja"] or questions["en"])[:1]}


async def new_entry_post(request: web.Request, session: Session) -> web.StreamResponse:
    """POST /admin/new-entry: add the entry to the chosen file, once kb check and kb test pass with it."""
    form = await request.post()
    fields = entry_from_form(form)
    question = str(form.get("question", "")).strip() or (fields["examples"] or [""])[0]
    edit = Edit("add_entry", question, fields["id"], fields, str(form.get("file", "")))
    return await run_change(session, lambda: review_of(request).act(session.actor, "new_entry", edit, question))
