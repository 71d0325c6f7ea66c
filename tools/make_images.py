"""Regenerate the knowledge-base illustrations from the recruitment briefing.

Run from the repository root:

    python tools/make_images.py

It writes four PNGs (about 800x600 px) into ``knowledge/images/``:
``city-figures.png``, ``districts.png``, ``city-facts.png`` and
``preclass-timeline.png``. Every figure and label below is copied from the
city's recruitment briefing (shared/briefing/000_81329ba1fd4611e9.txt);
nothing else may be added. Needs matplotlib (``pip install .[images]``) and
the Japanese font IPAexGothic (``apt-get install fonts-ipaexfont-gothic``).
"""

from __future__ import annotations

import sys
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib import font_manager  # noqa: E402
from matplotlib.axes import Axes  # noqa: E402
from matplotlib.figure import Figure  # noqa: E402
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch  # noqa: E402

FONT_PATH = Path("/usr/share/fonts/opentype/ipaexfont-gothic/ipaexg.ttf")
OUT_DIR = Path(__file__).resolve().parent.parent / "knowledge" / "images"
WIDTH, HEIGHT, DPI = 800, 600, 100
INK, MUTED, ACCENT = "#1f2d3d", "#5b6b7b", "#c8102e"
PALETTE = ["#e8f1fb", "#fdf0e6", "#eaf6ec", "#f3ecfa", "#fdeef0", "#eef4f4"]
EDGES = ["#3b7dd8", "#e07b24", "#3c9a52", "#8a5cc2", "#d24b63", "#3f8f8f"]


def setup_font() -> None:
    """Register IPAexGothic as the default font, or exit with a clear message."""
    if not FONT_PATH.is_file():
        sys.exit(
            f"Japanese font not found: {FONT_PATH}\n"
            "Install it with: apt-get install fonts-ipaexfont-gothic"
        )
    font_manager.fontManager.addfont(str(FONT_PATH))
    name = font_manager.FontProperties(fname=str(FONT_PATH)).get_name()
    plt.rcParams["font.family"] = name
    plt.rcParams["axes.unicode_minus"] = False


def new_canvas(title: str, subtitle: str) -> tuple[Figure, Axes]:
    """A white 800x600 canvas whose data coordinates are pixels (origin bottom-left)."""
    fig = plt.figure(figsize=(WIDTH / DPI, HEIGHT / DPI), dpi=DPI)
    ax = fig.add_axes((0, 0, 1, 1))
    ax.set_xlim(0, WIDTH)
    ax.set_ylim(0, HEIGHT)
    ax.axis("off")
    ax.text(30, 562, title, fontsize=22, color=INK, va="center")
    ax.text(30, 528, subtitle, fontsize=13, color=MUTED, va="center")
    ax.plot([30, WIDTH - 30], [508, 508], color=ACCENT, lw=2)
    return fig, ax


def box(ax: Axes, xy: tuple[float, float], size: tuple[float, float], i: int) -> None:
    """A rounded, coloured box; i picks the colour."""
    (x, y), (w, h) = xy, size
    ax.add_patch(
        FancyBboxPatch(
            (x, y), w, h, boxstyle="round,pad=0,rounding_size=12",
            facecolor=PALETTE[i % len(PALETTE)], edgecolor=EDGES[i % len(EDGES)], lw=2,
        )
    )


def save(fig: Figure, name: str) -> Path:
    """Write the figure as an optimised PNG and close it."""
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    path = OUT_DIR / name
    fig.savefig(path, dpi=DPI, facecolor="white", pil_kwargs={"optimize": True})
    plt.close(fig)
    return path


FIGURES = [
    ("面積", "Area", "20.37㎢", "20.37 km²"),
    ("予算", "Budget", "1,845億円", "184.5 billion yen"),
    ("人口", "Population", "267,250人", "令和6年4月1日現在 / as of 1 April 2024"),
    ("職員数", "City staff", "2,296人", "うち女性職員 1,241人 / 1,241 women"),
]


def figure_card(ax: Axes, i: int, item: tuple[str, str, str, str]) -> None:
    """One of the four overview cards in a 2x2 grid."""
    label_ja, label_en, value, note = item
    x, y = 30 + (i % 2) * 375, 262 - (i // 2) * 240
    box(ax, (x, y), (365, 225), i)
    ax.text(x + 20, y + 192, f"{label_ja}  {label_en}", fontsize=16, color=INK, va="center")
    ax.text(x + 182, y + 112, value, fontsize=34, color=EDGES[i],
            ha="center", va="center")
    ax.text(x + 182, y + 38, note, fontsize=11.5, color=MUTED, ha="center", va="center")


def staff_bar(ax: Axes) -> None:
    """A thin bar in the staff card: women staff out of all staff."""
    x, y, w = 425, 78, 325
    ax.add_patch(FancyBboxPatch((x, y), w, 14, boxstyle="round,pad=0,rounding_size=6",
                                facecolor="white", edgecolor=EDGES[3], lw=1))
    ax.add_patch(FancyBboxPatch((x, y), w * 1241 / 2296, 14,
                                boxstyle="round,pad=0,rounding_size=6",
                                facecolor=EDGES[3], edgecolor=EDGES[3], lw=1))


def draw_city_figures() -> Path:
    """city-figures.png: area, budget, population (with date), staff."""
    fig, ax = new_canvas("港区の概要", "Minato City at a glance")
    for i, item in enumerate(FIGURES):
        figure_card(ax, i, item)
    staff_bar(ax)
    return save(fig, "city-figures.png")


DISTRICTS = [
    ("芝", "Shiba", "人と地域がつながり心踊る未来をつくるまち"),
    ("麻布", "Azabu", "誰もが主役になれる参画と協働のまち"),
    ("赤坂", "Akasaka", "誰もが地域に関心をもち共存しているまち"),
    ("高輪", "Takanawa", "地域の輪が創り出す安全・安心なまち\n～変化するまちとともに～"),
    ("芝浦港南", "Shibaura-Konan", "誰もが輝くことができる創造力と潤いのあるまち・\n港区ベイエリア"),
]


def district_row(ax: Axes, i: int, item: tuple[str, str, str]) -> None:
    """One district: a name box on the left and its slogan on the right."""
    name, romaji, slogan = item
    y = 410 - i * 94
    box(ax, (30, y), (740, 84), i)
    ax.add_patch(FancyBboxPatch((30, y), 200, 84, boxstyle="round,pad=0,rounding_size=12",
                                facecolor=EDGES[i], edgecolor=EDGES[i], lw=2))
    ax.text(130, y + 52, f"{name}地区", fontsize=20, color="white",
            ha="center", va="center")
    ax.text(130, y + 22, romaji, fontsize=12, color="white", ha="center", va="center")
    ax.text(250, y + 42, slogan, fontsize=15, color=INK, va="center", linespacing=1.5)


def draw_districts() -> Path:
    """districts.png: the five districts and their slogans (a schematic, not a map)."""
    fig, ax = new_canvas("港区の5つの地区", "Minato's five districts (schematic, not a map)")
    for i, item in enumerate(DISTRICTS):
        district_row(ax, i, item)
    ax.text(WIDTH / 2, 14, "5つの地域それぞれに根差した行政サービスを提供",
            fontsize=12, color=MUTED, ha="center", va="center")
    return save(fig, "districts.png")


FACTS = [
    ("外国人の数", "Foreign residents", "22,631人", "人口の8.44%\n(8.44% of the population)"),
    ("大使館等の数", "Embassies etc.", "81か国", "全国最多 / most in Japan"),
    ("住民の国籍", "Nationalities", "135か国", "135 countries"),
    ("宿泊施設の客室数", "Hotel/ryokan rooms", "31,858室", "都内最多 / most in Tokyo"),
    ("昼間人口", "Daytime population", "1,181,809人", "都内最多 / most in Tokyo"),
    ("人口", "Population", "267,250人", "令和13年に30万人超の見込み\n(over 300,000 by 2031)"),
]


def fact_card(ax: Axes, i: int, item: tuple[str, str, str, str]) -> None:
    """One of the six fact cards in a 3x2 grid."""
    label_ja, label_en, value, note = item
    x, y = 30 + (i % 3) * 250, 262 - (i // 3) * 240
    box(ax, (x, y), (240, 225), i)
    ax.text(x + 120, y + 196, label_ja, fontsize=15, color=INK,
            ha="center", va="center")
    ax.text(x + 120, y + 168, label_en, fontsize=11, color=MUTED, ha="center", va="center")
    ax.text(x + 120, y + 110, value, fontsize=25, color=EDGES[i],
            ha="center", va="center")
    ax.text(x + 120, y + 45, note, fontsize=11, color=INK, ha="center", va="center",
            linespacing=1.4)


def draw_city_facts() -> Path:
    """city-facts.png: foreign residents, embassies, nationalities, rooms, population."""
    fig, ax = new_canvas("港区ってこんなところ", "Minato City facts")
    for i, item in enumerate(FACTS):
        fact_card(ax, i, item)
    ax.text(WIDTH - 30, 528, "人口は令和6年4月1日現在", fontsize=11, color=MUTED,
            ha="right", va="center")
    return save(fig, "city-facts.png")


PHASES = [
    ("入学式前まで", "", "Before the entrance ceremony",
     "出身幼稚園や保育園等からの\n情報をもとに編成"),
    ("プレクラス期間", "入学式～4月末", "Pre-class period: ceremony to end of April",
     "定期的に教員が学級を巡回し、児童の様子の\n把握や関係の構築、各プレクラスの学習集団\n"
     "としての課題の確認を行う"),
    ("正式な学級", "5月～", "Formal classes from May",
     "一定の期間を経てから\n正式な学級を編成"),
]


def phase_row(ax: Axes, i: int, item: tuple[str, str, str, str]) -> None:
    """One phase of the pre-class timeline, with an arrow to the next one."""
    label, period, label_en, text = item
    y = 358 - i * 160
    box(ax, (30, y), (740, 128), i)
    ax.add_patch(FancyBboxPatch((30, y), 210, 128, boxstyle="round,pad=0,rounding_size=12",
                                facecolor=EDGES[i], edgecolor=EDGES[i], lw=2))
    ax.text(135, y + (78 if period else 64), label, fontsize=18, color="white",
            ha="center", va="center")
    if period:
        ax.text(135, y + 40, f"（{period}）", fontsize=13, color="white",
                ha="center", va="center")
    ax.text(258, y + 112, label_en, fontsize=11, color=MUTED, va="center")
    ax.text(258, y + 50, text, fontsize=14, color=INK, va="center", linespacing=1.45)
    if i < len(PHASES) - 1:
        ax.add_patch(FancyArrowPatch((135, y - 1), (135, y - 31), arrowstyle="-|>",
                                     mutation_scale=26, color=ACCENT, lw=3))


def draw_preclass_timeline() -> Path:
    """preclass-timeline.png: the three phases of the pre-class system."""
    fig, ax = new_canvas("プレクラス制度の流れ（都内初）",
                         "Pre-class system timeline (first in Tokyo)")
    for i, item in enumerate(PHASES):
        phase_row(ax, i, item)
    return save(fig, "preclass-timeline.png")


def main() -> None:
    """Draw all four images and print where they went."""
    setup_font()
    for draw in (draw_city_figures, draw_districts, draw_city_facts, draw_preclass_timeline):
        path = draw()
        print(f"wrote {path} ({path.stat().st_size // 1024} KB)")


if __name__ == "__main__":
    main()
