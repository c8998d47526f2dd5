"""The insights' charts, drawn with matplotlib (no Qt, no pyplot): the dashboard embeds the same
figures through matplotlib's Qt canvas, the weekly report saves them as PNG and PDF.

Arabic labels are given to matplotlib as they are: since 3.11 it lays text out with libraqm
(FriBidi for the order, HarfBuzz for the joined letter forms), so arabic-reshaper and
python-bidi would only garble them (``tests/engine/test_insight_charts.py`` checks the letters
join). A right-to-left chart also mirrors its axes: days run from right to left, the count axis
stands on the right, bars grow leftwards, titles and legends sit on the right.

matplotlib is imported inside the functions: the app and ``flowin`` start without it.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .insights import Insights

if TYPE_CHECKING:
    from matplotlib.figure import Figure, FigureBase

FONT_FOLDER = Path(__file__).resolve().parent / "fonts"
FLOWS_SHOWN = 5  # the busiest flows get their own colour; the rest stack as one


@dataclass(frozen=True)
class ChartColours:
    background: str
    text: str
    muted: str
    grid: str
    success: str
    failure: str
    series: tuple[str, ...]  # one per flow shown, then the colour of "other flows"


# The app's light and dark themes (flowin_desktop/theme.py) as the engine's report draws them;
# the dashboard passes its own theme's colours.
LIGHT = ChartColours(
    background="#ffffff",
    text="#1f2533",
    muted="#5f6778",
    grid="#e3e7ef",
    success="#147a50",
    failure="#c8302f",
    series=("#2563eb", "#6a45f5", "#0e9384", "#d97706", "#db2777", "#9aa3b5"),
)
DARK = ChartColours(
    background="#20242d",
    text="#e6e9f0",
    muted="#9aa3b5",
    grid="#363c49",
    success="#3ccf8e",
    failure="#ff6b6f",
    series=("#5b9bff", "#9b87ff", "#2dd4bf", "#f5c04a", "#f472b6", "#6b7385"),
)


@dataclass(frozen=True)
class ChartWords:
    """What the charts say, in one language. The app fills it from its translations, the
    weekly report from its own words (``insights_report``)."""

    right_to_left: bool
    runs_per_day: str
    success: str
    failing_steps: str
    succeeded: str
    failed: str
    other_flows: str
    no_runs: str  # said instead of empty axes
    no_failures: str
    day: Callable[[date], str]  # a day on the axis: "Mon 30"
    number: Callable[[float], str]  # in the chosen digits
    percent: Callable[[float], str]  # 0.93 → "93%"
    failures_of: Callable[[int], str]  # "3 failures" with the language's plural
    of: Callable[[int, int], str]  # "63 of 68"


@dataclass(frozen=True)
class ChartStyle:
    colours: ChartColours = LIGHT
    # Tried glyph by glyph in order (matplotlib's font fallback): a Latin face, an Arabic one.
    fonts: tuple[str, ...] = ("DejaVu Sans",)
    font_files: Sequence[Path] = field(default_factory=tuple)
    dpi: float = 100.0
    title_inset: float = 0.02  # the title's distance from the figure's side, in its width


def report_style(language: str, colours: ChartColours = LIGHT, dpi: float = 100.0) -> ChartStyle:
    """The style the engine draws its reports in: DejaVu Sans (matplotlib's own) for Latin
    text, Cairo for Arabic (shipped in ``fonts/``)."""
    if language == "ar":
        files = tuple(sorted(FONT_FOLDER.glob("Cairo-*.ttf")))
        return ChartStyle(colours, ("Cairo", "DejaVu Sans"), files, dpi)
    return ChartStyle(colours, ("DejaVu Sans",), (), dpi)


def register_fonts(files: Sequence[Path]) -> None:
    import logging

    from matplotlib import font_manager

    # "bold" is 700 in DejaVu and 600 (SemiBold) in Cairo: the nearest weight is the one meant,
    # not a warning for every label.
    logging.getLogger("matplotlib.font_manager").setLevel(logging.ERROR)
    known = {Path(entry.fname) for entry in font_manager.fontManager.ttflist}
    for path in files:
        if Path(path) not in known:
            font_manager.fontManager.addfont(str(path))


def _figure(style: ChartStyle, width: float, height: float, into: FigureBase | None) -> Any:
    """A new figure, or ``into`` (a part of a bigger one: a page of the PDF report)."""
    from matplotlib.figure import Figure

    register_fonts(style.font_files)
    if into is not None:
        into.set_facecolor(style.colours.background)
        return into
    figure = Figure(figsize=(width, height), dpi=style.dpi, facecolor=style.colours.background)
    figure.set_layout_engine("constrained")
    return figure


def _finish(figure: Any, style: ChartStyle) -> Any:
    from matplotlib.text import Text

    for text in figure.findobj(Text):
        text.set_fontfamily(list(style.fonts))
    return figure


def _axes(figure: Figure, style: ChartStyle, words: ChartWords) -> Any:
    colours = style.colours
    axes = figure.add_subplot()
    axes.set_facecolor(colours.background)
    for side in ("top", "left", "right"):
        axes.spines[side].set_visible(False)
    axes.spines["bottom"].set_color(colours.grid)
    axes.tick_params(colors=colours.muted, labelsize=9, length=0)
    axes.grid(axis="y", color=colours.grid, linewidth=0.8)
    axes.set_axisbelow(True)
    if words.right_to_left:
        axes.yaxis.tick_right()
    return axes


def _title(axes: Any, text: str, style: ChartStyle, words: ChartWords) -> None:
    """The chart's title at the start of the whole figure (its right edge in Arabic)."""
    axes.get_figure(root=False).suptitle(
        text,
        x=1 - style.title_inset if words.right_to_left else style.title_inset,
        ha="right" if words.right_to_left else "left",
        color=style.colours.text,
        fontsize=12,
        fontweight="bold",
    )


def _say(axes: Any, text: str, style: ChartStyle) -> None:
    """A sentence in the middle of an empty chart, which keeps no axes."""
    axes.set_axis_off()
    axes.text(
        0.5,
        0.5,
        text,
        ha="center",
        va="center",
        wrap=True,
        color=style.colours.muted,
        fontsize=11,
        transform=axes.transAxes,
    )


def runs_per_day(
    insights: Insights,
    words: ChartWords,
    style: ChartStyle = ChartStyle(),
    width: float = 7.0,
    height: float = 3.2,
    into: FigureBase | None = None,
) -> Figure:
    """Stacked bars: each day's runs, one colour per flow (the busiest few, then the rest)."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = _figure(style, width, height, into)
    axes = _axes(figure, style, words)
    _title(axes, words.runs_per_day, style, words)
    if insights.empty:
        _say(axes, words.no_runs, style)
        return _finish(figure, style)
    colours = style.colours
    shown = insights.flows[:FLOWS_SHOWN]
    series = [(f.name, insights.runs_per_day[f.flow_id]) for f in shown]
    rest = insights.flows[FLOWS_SHOWN:]
    if rest:
        other = [
            sum(insights.runs_per_day[f.flow_id][i] for f in rest)
            for i in range(len(insights.days))
        ]
        series.append((words.other_flows, other))
    positions = list(range(len(insights.days)))
    bottom = [0] * len(positions)
    for index, (name, counts) in enumerate(series):
        colour = colours.series[-1] if rest and index == len(series) - 1 else colours.series[index]
        axes.bar(positions, counts, 0.7, bottom=bottom, color=colour, label=name, zorder=2)
        bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
    step = 1 if len(positions) <= 10 else 5
    ticks = [p for p in positions if (len(positions) - 1 - p) % step == 0]
    axes.set_xticks(ticks, [words.day(insights.days[p]) for p in ticks])
    axes.set_xlim(-0.6, len(positions) - 0.4)
    if words.right_to_left:
        axes.invert_xaxis()  # the oldest day on the right, as Arabic reads
    axes.yaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    axes.yaxis.set_major_formatter(FuncFormatter(lambda value, _: words.number(value)))
    handles, labels = axes.get_legend_handles_labels()
    if words.right_to_left:  # the first flow on the right; a row of 3 keeps its order
        handles, labels = _mirrored_rows(handles, 3), _mirrored_rows(labels, 3)
    legend = axes.legend(
        handles,
        labels,
        loc="upper right" if words.right_to_left else "upper left",
        bbox_to_anchor=(1.0, -0.14) if words.right_to_left else (0.0, -0.14),
        ncols=min(len(series), 3),
        frameon=False,
        fontsize=9,
        labelcolor=colours.text,
        handlelength=1.0,
        alignment="right" if words.right_to_left else "left",
        markerfirst=not words.right_to_left,
    )
    legend.set_in_layout(True)
    return _finish(figure, style)


def success_ratio(
    insights: Insights,
    words: ChartWords,
    style: ChartStyle = ChartStyle(),
    width: float = 3.2,
    height: float = 3.2,
    into: FigureBase | None = None,
) -> Figure:
    """A ring: runs that went well against runs that failed, the ratio in its middle."""
    figure = _figure(style, width, height, into)
    axes = figure.add_subplot()
    axes.set_facecolor(style.colours.background)
    _title(axes, words.success, style, words)
    ratio = insights.success_ratio
    if ratio is None:
        _say(axes, words.no_runs, style)
        return _finish(figure, style)
    colours = style.colours
    values = [insights.successes, insights.failures]
    axes.pie(
        values,
        colors=[colours.success, colours.failure],
        startangle=90,
        counterclock=words.right_to_left,
        wedgeprops={"width": 0.28, "edgecolor": colours.background, "linewidth": 2},
    )
    axes.text(
        0,
        0.08,
        words.percent(ratio),
        ha="center",
        va="center",
        fontsize=18,
        fontweight="bold",
        color=colours.text,
    )
    detail = words.of(insights.successes, insights.successes + insights.failures)
    axes.text(0, -0.22, detail, ha="center", va="center", fontsize=9, color=colours.muted)
    axes.set_aspect("equal")
    handles, labels = axes.patches[:2], [words.succeeded, words.failed]
    if words.right_to_left:
        handles, labels = handles[::-1], labels[::-1]
    axes.legend(
        handles,
        labels,
        loc="upper center",
        bbox_to_anchor=(0.5, 0.02),
        ncols=2,
        frameon=False,
        fontsize=9,
        labelcolor=colours.text,
        handlelength=1.0,
        markerfirst=not words.right_to_left,
    )
    return _finish(figure, style)


def failing_steps(
    insights: Insights,
    words: ChartWords,
    style: ChartStyle = ChartStyle(),
    width: float = 7.0,
    height: float = 2.6,
    into: FigureBase | None = None,
) -> Figure:
    """Horizontal bars: the steps that failed most, labelled "Flow › Step"."""
    from matplotlib.ticker import FuncFormatter, MaxNLocator

    figure = _figure(style, width, height, into)
    axes = _axes(figure, style, words)
    axes.grid(axis="y", visible=False)
    axes.grid(axis="x", color=style.colours.grid, linewidth=0.8)
    _title(axes, words.failing_steps, style, words)
    steps = insights.failing_steps
    if not steps:
        _say(axes, words.no_runs if insights.empty else words.no_failures, style)
        return _finish(figure, style)
    labels = [step_label(s.flow_name, s.step) for s in steps]
    positions = list(range(len(steps)))[::-1]  # the most failing on top
    axes.barh(positions, [s.count for s in steps], 0.55, color=style.colours.failure, zorder=2)
    # Room for three at least: two failing steps are two slim bars, not two slabs.
    axes.set_ylim(len(steps) - 0.5 - max(len(steps), 3), len(steps) - 0.5)
    axes.set_yticks(positions, labels)
    axes.xaxis.set_major_locator(MaxNLocator(integer=True, nbins=5))
    axes.xaxis.set_major_formatter(FuncFormatter(lambda value, _: words.number(value)))
    if words.right_to_left:
        axes.invert_xaxis()  # bars grow from the right
    return _finish(figure, style)


def _mirrored_rows(items: list[Any], columns: int) -> list[Any]:
    """Legend entries laid out left to right in rows of ``columns``, so each row reads from
    the right (matplotlib fills its legend columns first: entries are given column by column)."""
    rows = [items[i : i + columns][::-1] for i in range(0, len(items), columns)]
    width = min(columns, len(items))
    # Column-major order for matplotlib: entry (row r, column c) at position c * rows + r.
    ordered = []
    for column in range(width):
        for row in rows:
            if column < len(row):
                ordered.append(row[column])
    return ordered


def step_label(flow: str, step: str) -> str:
    """ "Flow › Step", the arrow pointing the way the names read."""
    if not step:
        return flow
    arrow = "‹" if _reads_right_to_left(flow + step) else "›"
    return f"{flow} {arrow} {step}"


def _reads_right_to_left(text: str) -> bool:
    for char in text:
        if char.isalpha():
            return "\u0590" <= char <= "\u08ff" or "\ufb1d" <= char <= "\ufefc"
    return False


def png(figure: Figure, dpi: float | None = None) -> bytes:
    """The figure as PNG bytes (matplotlib's Agg renderer)."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(figure)
    data = io.BytesIO()
    figure.savefig(data, format="png", dpi=dpi or figure.dpi, facecolor=figure.get_facecolor())
    return data.getvalue()
