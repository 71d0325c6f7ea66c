"""Charts for the HR report as inline SVG, drawn with matplotlib (no pyplot, no display)."""

from __future__ import annotations

import io
import logging
import math
import warnings
from functools import lru_cache
from pathlib import Path
from typing import Callable

from matplotlib import font_manager, rc_context
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from bot.reports import EntryCount, QuestionGroup, Tally

JAPANESE_FONT = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
# Other Japanese fonts matplotlib may find on HR's machines, tried when IPAexGothic is missing.
OTHER_JAPANESE_FAMILIES = ("Noto Sans CJK JP", "IPAGothic", "TakaoGothic", "Hiragino Sans", "Yu Gothic", "Meiryo")
COLORS = {"answered": "#2e7d32", "clarified": "#f9a825", "missed": "#c62828", "other": "#9e9e9e", "bar": "#1565c0"}
LABEL_CHARS = 32


@lru_cache(maxsize=1)
def font_families() -> tuple[str, ...]:
    """Return the font families to draw with: a Japanese one first when available, DejaVu Sans last."""
    families: list[str] = []
    if JAPANESE_FONT.is_file():
        try:
            font_manager.fontManager.addfont(str(JAPANESE_FONT))
            families.append(font_manager.FontProperties(fname=str(JAPANESE_FONT)).get_name())
        except (OSError, RuntimeError, ValueError):
            logging.getLogger(__name__).warning("cannot use %s; Japanese text may show as boxes", JAPANESE_FONT)
    known = {font.name for font in font_manager.fontManager.ttflist}
    families += [name for name in OTHER_JAPANESE_FAMILIES if name in known and name not in families]
    return (*families, "DejaVu Sans")


def to_svg(figure: Figure) -> str:
    """Return a figure as an <svg> element to paste into HTML (text drawn as paths: no fonts needed)."""
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    text = buffer.getvalue()
    return text[text.index("<svg"):]


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    figure = Figure(figsize=(width, height), dpi=100)
    axes = figure.add_subplot()
    axes.spines[["top", "right"]].set_visible(False)
    return figure, axes


def _render(draw: Callable[..., Figure], *args: object) -> str:
    # Without a Japanese font the report still renders: missing glyphs become boxes, quietly.
    with rc_context({"font.family": list(font_families()), "svg.fonttype": "path", "font.size": 9}), \
            warnings.catch_warnings():
        warnings.filterwarnings("ignore", message="Glyph .* missing from")
        logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
        return to_svg(draw(*args))


def _day_ticks(axes: Axes, days: list[str]) -> None:
    step = max(1, math.ceil(len(days) / 12))
    positions = list(range(0, len(days), step))
    axes.set_xticks(positions, [days[i][5:] for i in positions], rotation=45, ha="right")


def questions_per_day(days: list[tuple[str, Tally]]) -> str:
    """Return stacked bars of questions per day by outcome."""
    return _render(_questions_per_day, days)


def _questions_per_day(days: list[tuple[str, Tally]]) -> Figure:
    figure, axes = _figure(9, 3.2)
    names = [day for day, _ in days]
    bottom = [0] * len(days)
    for slot, label in (("answered", "answered"), ("clarified", "asked to clarify"), ("missed", "not answered"),
                        ("other", "small talk / other")):
        values = [getattr(tally, slot) for _, tally in days]
        bars = axes.bar(range(len(days)), values, bottom=bottom, color=COLORS[slot], label=label, width=0.85)
        for bar, day in zip(bars, names):
            bar.set_gid(f"{day}-{slot}")  # lets a reader (or a test) find one day's bar in the SVG
        bottom = [b + v for b, v in zip(bottom, values)]
    _day_ticks(axes, names)
    axes.set_ylabel("questions")
    axes.legend(loc="lower left", bbox_to_anchor=(0, 1.0), fontsize=8, frameon=False, ncols=4)
    return figure


def answer_rate_over_time(days: list[tuple[str, Tally]]) -> str:
    """Return the daily answer rate as a line, with a 7-day rate when there are enough days."""
    return _render(_answer_rate, days)


def _answer_rate(days: list[tuple[str, Tally]]) -> Figure:
    figure, axes = _figure(9, 3.0)
    rates = [tally.answer_rate for _, tally in days]
    axes.plot(range(len(days)), [math.nan if r is None else 100 * r for r in rates], marker="o", markersize=3,
              color=COLORS["bar"], label="per day", gid="answer-rate-daily")
    if len(days) >= 14:
        weekly = [_window_rate([t for _, t in days[max(0, i - 6): i + 1]]) for i in range(len(days))]
        axes.plot(range(len(days)), weekly, color=COLORS["answered"], linewidth=2.5, label="last 7 days",
                  gid="answer-rate-weekly")
    _day_ticks(axes, [day for day, _ in days])
    axes.set_ylim(0, 100)
    axes.set_ylabel("answer rate (%)")
    axes.legend(loc="lower left", fontsize=8, frameon=False)
    return figure


def _window_rate(tallies: list[Tally]) -> float:
    total = Tally()
    for tally in tallies:
        total.answered += tally.answered
        total.clarified += tally.clarified
        total.missed += tally.missed
    rate = total.answer_rate
    return math.nan if rate is None else 100 * rate


def top_topics(entries: list[EntryCount], labels: dict[str, str], limit: int = 10) -> str:
    """Return horizontal bars of the entries asked most."""
    rows = [(labels.get(e.entry_id, e.entry_id), e.asked, f"topic-{e.entry_id}") for e in entries[:limit]]
    return _render(_hbars, rows, "times answered")


def top_unanswered(groups: list[QuestionGroup], limit: int = 10) -> str:
    """Return horizontal bars of the unanswered question groups asked most."""
    rows = [(g.text, g.count, f"unanswered-{rank}") for rank, g in enumerate(groups[:limit], start=1)]
    return _render(_hbars, rows, "times asked (near-duplicates grouped)")


def _hbars(rows: list[tuple[str, int, str]], xlabel: str) -> Figure:
    figure, axes = _figure(9, 0.9 + 0.32 * max(len(rows), 1))
    if not rows:
        axes.text(0.5, 0.5, "no data for this period", ha="center", va="center", transform=axes.transAxes)
        axes.set_axis_off()
        return figure
    labels = [_short(label) for label, _, _ in rows]
    bars = axes.barh(range(len(rows)), [count for _, count, _ in rows], color=COLORS["bar"])
    for bar, (_, count, gid) in zip(bars, rows):
        bar.set_gid(gid)
        axes.text(bar.get_width(), bar.get_y() + bar.get_height() / 2, f" {count}", va="center", fontsize=8)
    axes.set_yticks(range(len(rows)), labels)
    axes.invert_yaxis()
    axes.set_xlabel(xlabel)
    return figure


def _short(text: str) -> str:
    return text if len(text) <= LABEL_CHARS else text[: LABEL_CHARS - 1] + "…"

