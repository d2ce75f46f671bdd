"""The claim timeline picture: how the figures of one category moved over time.

One series per claimant (figures joined in date order), a range drawn as a band from its
low to its high figure, a vague figure ("thousands") as a tick on the strip at the foot of
the chart, the new figure ringed and labelled. Rendered with matplotlib's Agg canvas (no
display, no pyplot global state, so it is safe in threads) to PNG bytes, for the alert
email and the HTML report.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

# A qualitative palette that stays readable for the common colour-vision deficiencies.
PALETTE = ("#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#999999")
MAX_SERIES = len(PALETTE) - 1  # the rest share the last colour as "others"


@dataclass(frozen=True)
class TimelinePoint:
    when: datetime
    figure_low: int | None
    figure_high: int | None
    claimant: str
    qualifier: str = "exact"
    is_new: bool = False


def format_count(n: int) -> str:
    return f"{n:,}"


def _series(points: Sequence[TimelinePoint]) -> dict[str, list[TimelinePoint]]:
    by: dict[str, list[TimelinePoint]] = {}
    for p in sorted(points, key=lambda p: p.when):
        by.setdefault(p.claimant or "unattributed", []).append(p)
    ranked = sorted(by, key=lambda c: (-len(by[c]), c))
    out = {c: by[c] for c in ranked[:MAX_SERIES]}
    rest = [p for c in ranked[MAX_SERIES:] for p in by[c]]
    if rest:
        out["others"] = sorted(rest, key=lambda p: p.when)
    return out


def timeline_png(
    points: Sequence[TimelinePoint], title: str, width: float = 8.0, height: float = 3.8
) -> bytes:
    """PNG bytes of the timeline; an empty list gives a chart that says so."""
    from matplotlib.backends.backend_agg import FigureCanvasAgg
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure
    from matplotlib.ticker import FuncFormatter

    fig = Figure(figsize=(width, height), dpi=110)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    ax.set_title(title, fontsize=11, loc="left")
    counted = [p for p in points if p.figure_low is not None]
    if not points:
        ax.text(0.5, 0.5, "no figures yet", ha="center", va="center", transform=ax.transAxes)
        ax.set_axis_off()
    for i, (claimant, pts) in enumerate(_series(points).items()):
        colour = PALETTE[min(i, len(PALETTE) - 1)]
        xs = [p.when for p in pts if p.figure_low is not None]
        ys = [p.figure_low for p in pts if p.figure_low is not None]
        if xs:
            ax.plot(xs, ys, "-o", color=colour, lw=1.4, ms=4.5, label=claimant)
        for p in pts:
            if p.figure_low is not None and p.figure_high:  # a range: a band low..high
                ax.vlines(p.when, p.figure_low, p.figure_high, color=colour, lw=7, alpha=0.35)
            if p.figure_low is None:  # vague: a tick on the foot strip
                ax.plot(
                    p.when,
                    0.04,
                    marker="|",
                    ms=14,
                    mew=2,
                    color=colour,
                    transform=ax.get_xaxis_transform(),
                    label=None if xs else claimant,
                )
    for p in points:
        if not p.is_new:
            continue
        y = p.figure_high or p.figure_low
        if y is None:
            ax.plot(
                p.when,
                0.04,
                "o",
                ms=16,
                mfc="none",
                mec="#C00000",
                mew=2.2,
                transform=ax.get_xaxis_transform(),
            )
            label = "new: vague figure"
        else:
            ax.plot(p.when, p.figure_low, "o", ms=15, mfc="none", mec="#C00000", mew=2.2)
            label = "new: " + format_count(p.figure_low)
            if p.figure_high:
                label += "–" + format_count(p.figure_high)
        ax.annotate(
            label,
            # As a number: an annotation in blended (axis) coordinates does not convert
            # datetimes, so a vague new figure's label would raise.
            (date2num(p.when), y if y is not None else 0.04),
            xytext=(8, 10),
            textcoords="offset points",
            color="#C00000",
            fontsize=9,
            fontweight="bold",
            xycoords="data" if y is not None else ax.get_xaxis_transform(),
        )
    if points:
        first, last = min(p.when for p in points), max(p.when for p in points)
        if (last - first).days < 30:  # a lone figure or a short burst: a readable month
            pad = timedelta(days=15)
            ax.set_xlim(first - pad, last + pad)
        locator = AutoDateLocator()
        ax.xaxis.set_major_locator(locator)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(locator))
        ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _pos: format_count(int(v))))
        if counted:
            top = max((p.figure_high or p.figure_low or 0) for p in counted)
            ax.set_ylim(0, top * 1.18 + 1)
        ax.grid(axis="y", alpha=0.3)
        ax.spines[["top", "right"]].set_visible(False)
        ax.legend(fontsize=8, loc="upper left", frameon=False, ncols=2)
    fig.tight_layout()
    buf = io.BytesIO()
    fig.savefig(buf, format="png")
    return buf.getvalue()
