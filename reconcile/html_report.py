"""The HTML report: one self-contained page an editor can read and audit.

>>> from reconcile import extract, reconcile
>>> a = extract("Israel's offensive has killed 34,789 Palestinians in the war, the ministry said.",
...             id="a", published="2024-05-07")
>>> b = extract("Israel has killed more than 34,500 Palestinians in its war, officials said.",
...             id="b", published="2024-05-08")
>>> page = render_html(reconcile(a + b), [])
>>> page.startswith("<!DOCTYPE html>"), page.count('<figure class="chart"'), page.count("<mark")
(True, 1, 2)

:func:`render_html` turns a :class:`~reconcile.records.Report` into one page:
an index of the groups by story and metric (the stories and groups with
conflicts first), then for each group of several reports its summary, why its
claims are one quantity, a timeline chart of the figures by issuer, the table
of reports with each figure highlighted in its sentence, and the relations
with their explanations; each story's single reports follow as rows of one
table. Everything is inline (CSS, SVG charts): the page loads nothing and
opens from disk.

Pages are rendered with Jinja2 (autoescaped templates in
``reconcile/templates``) and the charts with matplotlib's SVG backend, through
its object API so that no global backend is switched. Both come with the
``report`` extra: ``pip install "reconcile[report]"``.

Charts are drawn only for groups of two or more reports (a single report gets
a one-glyph sketch: a point, an arrow or a bar), and each SVG is trimmed of
what the browser does not need (groups and ids nobody references, repeated
font lists, digits below a tenth of a point) with its styles turned into a
few page-wide CSS classes, so that 10,000 groups stay a page that a browser
opens at once (``bench/report_size.py`` measures it).
"""

from __future__ import annotations

import datetime as dt
import io
import math
from collections import Counter, defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any, Literal, cast

import regex

try:
    import jinja2
    import matplotlib
    from markupsafe import Markup
    from matplotlib.backends.backend_svg import FigureCanvasSVG
    from matplotlib.dates import AutoDateLocator, ConciseDateFormatter, date2num
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter
except ImportError as e:  # pragma: no cover - exercised by the CLI without the extra
    raise ImportError(
        f'the HTML report needs {e.name or "jinja2 and matplotlib"}: pip install "reconcile[report]"',
        name=e.name,
    ) from e

from .output import interval, write_atomic
from .reconciliation import APPROX_TOLERANCE, describe
from .records import Article, Claim, Group, Qualifier, Relation, Report

__all__ = ["render_html", "write_html"]

PALETTE = ("#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#7F7F7F", "#8C6D31")
"""Issuer colours (Okabe-Ito, colour-blind safe); a ninth issuer reuses the first colour."""
CONFLICT = "#C0392B"
LABELLED_POINTS = 12
"""Charts number their reports (to match the table) up to this many reports."""
LOG_RATIO = 30.0
"""A chart whose largest figure is this many times its smallest has a logarithmic y axis."""
ARTICLES_LISTED = 500
"""Up to this many articles, the page ends with all of them; beyond, with those that gave no figure
(the others are named under their figures)."""
EXPLAIN_ALL = 3
"""Groups of up to this many reports show every relation's explanation (larger ones: see _relation_views)."""

Shape = Literal["point", "approx", "range", "above", "below", "none"]


# ----------------------------------------------------------------------------------------------
# What the template shows: plain records built from the Report


@dataclass(frozen=True)
class Row:
    """One report of a group, as a row of its table and a mark on its chart."""

    n: int
    claim: Claim
    date: dt.date | None
    issuer: str
    colour: str
    figure: str
    shape: Shape
    before: str
    marked: str
    after: str
    title: str | None
    conflicting: bool
    repeats: tuple[Evidence, ...] = ()

    @property
    def k(self) -> int:
        """The issuer's colour as an index into :data:`PALETTE` (the page's CSS classes k0..k7)."""
        return PALETTE.index(self.colour)


@dataclass(frozen=True)
class Evidence:
    """A repeat of a report's figure in the same article (headline, lead): its sentence, split at the figure."""

    claim: Claim
    before: str
    marked: str
    after: str


@dataclass(frozen=True)
class RelationView:
    relation: Relation
    a: int
    b: int
    explained: bool


@dataclass(frozen=True)
class Tally:
    """How many pairs of a group's reports conflict, update or agree."""

    conflict: int = 0
    update: int = 0
    consistent: int = 0


@dataclass
class GroupView:
    group: Group
    anchor: str
    story: str
    rows: list[Row]
    relations: list[RelationView]
    pairs: list[tuple[str, list[RelationView]]]
    counts: Tally
    latest: str
    conservative: Row | None
    latest_row: Row | None
    why: str | None
    dated: bool
    any_dated: bool
    title: str
    event: str | None = None
    part_of: tuple[str, str] | None = None
    checks: tuple[str, ...] = ()
    chart: Markup | None = None


@dataclass
class StoryView:
    label: str
    groups: list[GroupView] = field(default_factory=list)

    @property
    def several(self) -> list[GroupView]:
        """The groups of two reports or more (a section and an index row each)."""
        return [g for g in self.groups if len(g.rows) != 1]

    @property
    def once(self) -> list[GroupView]:
        """The groups of a single report (a row of the story's "Reported once" table)."""
        return [g for g in self.groups if len(g.rows) == 1]

    @property
    def once_by_metric(self) -> list[tuple[str, int, str]]:
        """The single reports by metric: (metric, how many, the anchor of the first), for the index."""
        out: dict[str, tuple[int, str]] = {}
        for g in self.once:
            name = g.group.metric.value.replace("_", " ")
            n, anchor = out.get(name, (0, g.anchor))
            out[name] = (n + 1, anchor)
        return [(name, n, anchor) for name, (n, anchor) in out.items()]

    @property
    def conflicts(self) -> int:
        return sum(g.counts.conflict for g in self.groups)


# ----------------------------------------------------------------------------------------------
# Numbers and dates as a reader says them


def number(v: int | Decimal | float | None) -> str:
    """A figure with thousands separators; a fraction keeps its digits.

    >>> number(34789), number(Decimal("2.5")), number(None)
    ('34,789', '2.5', '?')
    """
    if v is None:
        return "?"
    if isinstance(v, int) or (isinstance(v, float) and v.is_integer()):
        return f"{int(v):,}"
    return f"{v:,}" if isinstance(v, Decimal) else f"{v:,.3g}"


def plural(n: int, word: str, many: str | None = None) -> str:
    """A count and its noun.

    >>> plural(1, "report"), plural(2, "report"), plural(3, "quantity", "quantities")
    ('1 report', '2 reports', '3 quantities')
    """
    return f"{n:,} {word if n == 1 else many or word + 's'}"


def day(d: dt.date | None) -> str:
    """A date as a reader says it.

    >>> day(dt.date(2024, 5, 7)), day(None)
    ('7 May 2024', 'date unknown')
    """
    return f"{d.day} {d.strftime('%B %Y')}" if d else "date unknown"


def _tick(v: float, _pos: object = None) -> str:
    """Axis labels: 1,200 / 34.5k / 2.3m / 4.4bn."""
    a = abs(v)
    for size, suffix in ((1e9, "bn"), (1e6, "m"), (1e3, "k")):
        if a >= max(size, 1e4):
            return f"{v / size:,.3g}{suffix}"
    return f"{v:,.0f}" if a >= 10 or float(v).is_integer() else f"{v:.2g}"


def report_date(c: Claim) -> dt.date | None:
    """When the report was made, as the reconciler orders it: the publication date, else the tally date."""
    if c.published is not None:
        return c.published
    return c.reported_date.start if c.reported_date else None


def shape(c: Claim) -> Shape:
    """How a figure is drawn: a point, an approximate band, a range bar, or an arrow for an open bound."""
    f = c.figure
    if f.low is None and f.high is None:
        return "none"
    if f.high is None:
        return "above"
    if f.low is None:
        return "below"
    if f.low != f.high:
        return "range"
    return "approx" if f.approximate or f.qualifier is Qualifier.APPROXIMATE else "point"


def _issuer(c: Claim) -> str:
    if c.source is not None:
        return c.source.issuer
    return c.publisher or "the article itself"


_ISO_DAY = regex.compile(r"^\d{4}-\d{2}-\d{2}$")
_ISO_PART = regex.compile(r"^\d{4}(?:-\d{2})?$")


def heading(g: Group) -> str:
    """A group's label as a heading: the metric, the place, the day or "running total".

    >>> from reconcile import extract, reconcile
    >>> g = reconcile(extract("Militants killed 1,200 people.", id="a")).groups[0]
    >>> heading(g.model_copy(update={"label": "killed Israel 2023-10-07"}))
    'Killed · Israel · 7 October 2023'
    """
    words = g.label.split()
    if words and words[0] == g.metric.value:
        words = words[1:]
    anchor = ""
    if words[-2:] == ["running", "total"]:
        anchor, words = "running total", words[:-2]
    elif words and (_ISO_DAY.match(words[-1]) or _ISO_PART.match(words[-1])):
        anchor, words = words[-1], words[:-1]
        if _ISO_DAY.match(anchor):
            anchor = day(dt.date.fromisoformat(anchor))
    past = [f"earlier event of {w[5:]}" for w in words if w.startswith("past:")]
    if past and not anchor:
        anchor, words = past[0], [w for w in words if not w.startswith("past:")]
    place = " ".join(w for w in words if ":" not in w)  # alone:<claim id> and other internal anchors
    name = g.metric.value.replace("_", " ").capitalize()
    return " · ".join(x for x in (name, place, anchor) if x)


# ----------------------------------------------------------------------------------------------
# Building the views


def _split(c: Claim) -> tuple[str, str, str]:
    """The claim's sentence before, at and after its figure (the figure's span, as the claim records it)."""
    a, b = c.figure.start - c.sentence_start, c.figure.end - c.sentence_start
    return c.sentence[:a], c.sentence[a:b], c.sentence[b:]


def _story_key(g: Group, by_id: dict[str, Claim]) -> str:
    """The group's story: the grouping's when it says one, else the article of its first claim."""
    story = getattr(g, "story", None)
    if story:
        return str(story)
    first = next((by_id[cid] for cid in g.claim_ids if cid in by_id), None)
    return first.article_id if first else ""


def _story_label(claims: list[Claim], titles: dict[str, str | None]) -> str:
    """A story named by the most frequent names of its claims, else by an article's title."""
    names = Counter(n for c in claims for n in c.names)
    if names:
        return " · ".join(n for n, _ in names.most_common(3))
    for c in claims:
        if titles.get(c.article_id):
            return str(titles[c.article_id])
    return "Figures with no named story"


def _relation_views(g: Group, number_of: dict[str, int], reports: int) -> tuple[list[RelationView],
                                                                             list[tuple[str, list[RelationView]]]]:
    """The relations worth reading in full, and the others as bare pairs by label.

    Every conflict is explained; so is every update in a group of up to
    :data:`EXPLAIN_ALL` reports, and in a larger group the updates between
    reports next to each other in time (how each report moves from the one
    before). Consistent pairs are listed as pairs (their explanation says that
    the two agree, which the table shows), but for the one pair of a group of
    two. A group of twenty reports has 190 pairs: their explanations would be
    most of the page and say the same thing.
    """
    order = {"conflict": 0, "update": 1, "consistent": 2}

    def explained(label: str, na: int, nb: int) -> bool:
        if label == "conflict":
            return True
        if label == "update":
            return reports <= EXPLAIN_ALL or abs(nb - na) == 1
        return reports == 2

    views = sorted(
        (RelationView(r, na, nb, explained(r.relation, na, nb))
         for r in g.relations for na, nb in [(number_of.get(r.a, 0), number_of.get(r.b, 0))]),
        key=lambda v: (order[v.relation.relation], v.a, v.b))
    rest: dict[str, list[RelationView]] = defaultdict(list)
    for v in views:
        if not v.explained:
            rest[v.relation.relation].append(v)
    return [v for v in views if v.explained], sorted(rest.items(), key=lambda kv: order[kv[0]])


def _group_view(g: Group, by_id: dict[str, Claim], titles: dict[str, str | None], story: str,
                anchors: dict[str, tuple[str, str]]) -> GroupView:
    mentions: dict[str, list[str]] = getattr(g, "mentions", None) or {}
    repeats = {cid for ids in mentions.values() for cid in ids}
    order = [t.claim_id for t in g.summary.timeline] + list(g.claim_ids)
    members: list[Claim] = []
    seen: set[str] = set()
    for cid in order:
        if cid in by_id and cid not in seen and cid not in repeats:
            seen.add(cid)
            members.append(by_id[cid])
    conflicting = {x for r in g.relations if r.relation == "conflict" for x in (r.a, r.b)}
    colours: dict[str, str] = {}
    rows: list[Row] = []
    for n, c in enumerate(members, 1):
        who = _issuer(c)
        colour = colours.setdefault(who, PALETTE[len(colours) % len(PALETTE)])
        again = tuple(Evidence(by_id[r], *_split(by_id[r])) for r in mentions.get(c.id, ()) if r in by_id)
        rows.append(Row(n, c, report_date(c), who, colour, describe(c), shape(c), *_split(c),
                        title=titles.get(c.article_id), conflicting=c.id in conflicting, repeats=again))
    number_of = {r.claim.id: r.n for r in rows}
    for r in rows:
        for e in r.repeats:
            number_of.setdefault(e.claim.id, r.n)
    explained, pairs = _relation_views(g, number_of, len(rows))
    tally = Counter(r.relation for r in g.relations)
    events = Counter(r.claim.event_date.label for r in rows if r.claim.event_date)
    why = getattr(g, "why", None)
    part_of = getattr(g, "part_of", None)
    return GroupView(
        group=g,
        anchor=anchors[g.id][0],
        story=story,
        rows=rows,
        relations=explained,
        pairs=pairs,
        counts=Tally(conflict=tally["conflict"], update=tally["update"], consistent=tally["consistent"]),
        latest=interval(g.summary.low, g.summary.high),
        conservative=next((r for r in rows if r.claim.id == g.summary.most_conservative), None),
        latest_row=next((r for r in rows if r.claim.id == g.summary.latest), None),
        why=str(why) if why else None,
        dated=bool(rows) and all(r.date is not None for r in rows),
        any_dated=any(r.date is not None for r in rows),
        title=anchors[g.id][1],
        event=events.most_common(1)[0][0] if events else None,
        part_of=anchors.get(str(part_of)) if part_of else None,
        checks=tuple(str(x) for x in getattr(g, "checks", None) or ()),
    )


def _views(report: Report, articles: Sequence[Article]) -> list[StoryView]:
    by_id = {c.id: c for c in report.claims}
    titles = {a.id: a.title for a in articles}
    anchors = {g.id: (f"g{i}", heading(g)) for i, g in enumerate(report.groups)}
    keyed: dict[str, list[Group]] = defaultdict(list)
    for g in report.groups:
        keyed[_story_key(g, by_id)].append(g)
    out: list[StoryView] = []
    for groups in keyed.values():
        label = _story_label([by_id[cid] for g in groups for cid in g.claim_ids if cid in by_id], titles)
        story = StoryView(label, [_group_view(g, by_id, titles, label, anchors) for g in groups])
        story.groups.sort(key=lambda v: (-v.counts.conflict, -v.counts.update, len(v.rows) < 2,
                                         v.group.metric.value, -len(v.rows), v.title))
        out.append(story)
    return sorted(out, key=lambda s: (-s.conflicts, -len(s.groups), s.label))


# ----------------------------------------------------------------------------------------------
# Charts: matplotlib to a small inline SVG

_RC = {
    "svg.fonttype": "none",  # text stays text, in the page's font: no glyph outlines
    "svg.hashsalt": "reconcile",  # ids that do not change from run to run
    "font.size": 8.0,
    "axes.edgecolor": "#999999",
    "axes.linewidth": 0.6,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "xtick.color": "#555555",
    "ytick.color": "#555555",
    "xtick.major.size": 0.0,
    "ytick.major.size": 0.0,
    "xtick.minor.size": 0.0,
    "ytick.minor.size": 0.0,
    "grid.color": "#e5e5e5",
    "grid.linewidth": 0.6,
    "path.simplify": True,
}

_SVG_DROP = regex.compile(
    r"""
      <\?xml[^>]*+>                          # the XML prolog
    | <!DOCTYPE[^>]*+>                       # and doctype: the page is HTML
    | <metadata>.*?</metadata>               # creator, date
    | <defs>\s*+<style[^<]*+</style>\s*+</defs>  # a global '*' rule: the page's CSS holds it
    | <defs>\s*+<clipPath[^>]*+>\s*+<rect[^>]*+>\s*+</clipPath>\s*+</defs>  # the axes' clip:
    | \s++clip-path="[^"]*+"                 # nothing is drawn outside the limits
    | \s++id="(?!m[0-9a-f]{10}")[^"]*+"      # ids nobody references (the markers' are)
    | \s++(?:version|xmlns(?::xlink)?)="[^"]*+"  # namespaces: the HTML parser knows SVG's
    | \s++transform="rotate\(-?0\s[^"]*+"    # a rotation by zero
    | font-family:[^;"]*+;?\s*+              # the font: the page's
    | stroke-dashoffset:\s*+0;\s*+           # a default
    | (?<=\d\.\d)\d++                        # digits below a tenth of a point
    | (?<=>)\s++(?=<)                        # indentation between tags
    """,
    regex.VERBOSE | regex.DOTALL,
)
_SVG_TIDY = regex.compile(
    r"""
      (?<=\d)\.0(?!\d)            # 127.0 -> 127
    | (?<=[:;,])\x20++(?=[^<>]*+/?>)  # spaces after a style's colons and semicolons, inside a tag
    | [\x20\t]*+\n\s*+             # line breaks in path data
    """,
    regex.VERBOSE,
)
_SVG_GROUP = regex.compile(r"<g(?:\s[^>]*+)?>|<g/>|</g>")
_SVG_SIZE = regex.compile(r'<svg\s[^>]*?\bwidth="[^"]*+"\s++height="[^"]*+"')
_SVG_IDS = regex.compile(r'(?<=id="|\#)m[0-9a-f]{10}\b')  # marker ids
_SVG_PATH = regex.compile(r'(?<=\sd=")[^"]*+')  # path data
_SVG_PATH_SPACE = regex.compile(r"\x20*+([MLCQZz])\x20*+|\x20++$")  # spaces around path commands
_SVG_STYLE = regex.compile(r'\sstyle="([^"<]*+)"')


class ChartStyles:
    """The style attributes of a page's charts as CSS classes: the same few styles recur on every chart.

    >>> css = ChartStyles()
    >>> css.classify('<text style="fill:#555" x="1">7</text><text style="fill:#555" x="2">8</text>')
    '<text class="s0" x="1">7</text><text class="s0" x="2">8</text>'
    >>> str(css.stylesheet())
    '.chart .s0{fill:#555}'
    """

    def __init__(self) -> None:
        self.classes: dict[str, str] = {}

    def _class(self, m: regex.Match[str]) -> str:
        style = m.group(1)
        name = self.classes.setdefault(style, f"s{len(self.classes)}")
        return f' class="{name}"'

    def classify(self, svg: str) -> str:
        return _SVG_STYLE.sub(self._class, svg)

    def stylesheet(self) -> Markup:
        """The rules, for the page's <style> (a style from matplotlib holds no '<')."""
        return Markup("\n".join(f".chart .{name}{{{style}}}" for style, name in self.classes.items()))


def _unwrap_groups(svg: str) -> str:
    """Drop the <g> elements without attributes (matplotlib nests one per artist), keep their content."""
    out: list[str] = []
    kept: list[bool] = []
    pos = 0
    for m in _SVG_GROUP.finditer(svg):
        out.append(svg[pos:m.start()])
        pos = m.end()
        tag = m.group(0)
        if tag == "<g/>":
            continue
        if tag == "</g>":
            if kept.pop():
                out.append(tag)
            continue
        keep = tag != "<g>"
        kept.append(keep)
        if keep:
            out.append(tag)
    out.append(svg[pos:])
    return "".join(out)


def _clean_svg(svg: str, prefix: str) -> str:
    """Matplotlib's SVG, trimmed for inlining; its ids get ``prefix`` so that charts never share one."""
    svg = _SVG_DROP.sub("", svg)
    svg = _SVG_TIDY.sub(lambda m: " " if "\n" in m.group(0) else "", svg)
    svg = _unwrap_groups(svg)
    svg = _SVG_SIZE.sub(lambda m: m.group(0).split(" width=")[0], svg, count=1)
    svg = _SVG_PATH.sub(lambda m: _SVG_PATH_SPACE.sub(r"\1", m.group(0)), svg)
    ids: dict[str, str] = {}
    svg = _SVG_IDS.sub(lambda m: ids.setdefault(m.group(0), f"{prefix}m{len(ids)}"), svg)
    return svg.strip()


def _value(r: Row) -> float:
    f = r.claim.figure
    v = f.low if f.low is not None else f.high
    return float(v) if v is not None else 0.0


def _span(values: list[float]) -> tuple[float, float]:
    lo, hi = min(values), max(values)
    if hi == lo:
        pad = max(abs(hi) * 0.15, 1.0)
    else:
        pad = (hi - lo) * 0.12
    return lo - pad, hi + pad


class Canvas:
    """One matplotlib figure reused for every chart of a page.

    A new Figure and Axes cost a third of a chart's time; clearing the axes
    with ``cla()`` costs as much. Removing the previous chart's artists and
    resetting the scale gives the same SVG (tests/test_html_report.py checks it)
    in less time.
    """

    def __init__(self) -> None:
        self.fig: MplFigure | None = None
        self.ax: Any = None

    def clean(self) -> tuple[MplFigure, Any]:
        if self.fig is None:
            self.fig = MplFigure(figsize=(7.2, 2.1))
            FigureCanvasSVG(self.fig)
            self.fig.patch.set_visible(False)
            self.ax = self.fig.add_axes((0.08, 0.16, 0.9, 0.78))
            self.ax.patch.set_visible(False)
            self.ax.grid(True, axis="y")
            self.ax.set_axisbelow(True)
            return self.fig, self.ax
        ax = self.ax
        for artist in [*ax.lines, *ax.collections, *ax.texts, *ax.patches]:
            artist.remove()
        if ax.get_yscale() != "linear":
            ax.set_yscale("linear")
            ax.grid(True, axis="y")
        ax.set_xlabel("")
        return self.fig, ax


def chart_svg(view: GroupView, prefix: str, canvas: Canvas | None = None) -> str:
    """The timeline of a group's reports as an inline SVG.

    x is the report date (or, when any report has no date, the report order,
    with "order unknown"); y is the figure (on a log scale when the figures are
    :data:`LOG_RATIO` times apart or more). A point for an exact figure, a
    band of ±:data:`~reconcile.reconciliation.APPROX_TOLERANCE` for an
    approximate one, a bar for a range, an arrow for an open bound ("more
    than", "up to"); conflicting reports are ringed in red and joined by a red
    dashed line. Colours are the issuers', as in the table.
    """
    rows = [r for r in view.rows if r.shape != "none"]
    if view.dated:
        xs = _dodged([float(date2num(r.date)) for r in rows])  # type: ignore[no-untyped-call]
    else:
        xs = [float(r.n) for r in rows]
    ends: list[float] = []
    for r in rows:
        f = r.claim.figure
        ends += [float(v) for v in (f.low, f.high) if v is not None]
        if r.shape == "approx":
            ends += [_value(r) * (1 - APPROX_TOLERANCE), _value(r) * (1 + APPROX_TOLERANCE)]
    if not ends:
        ends = [0.0]
    log = min(ends) > 0 and max(ends) >= LOG_RATIO * min(ends)  # 200 and a million on one chart

    def t(v: float) -> float:
        return math.log10(v) if log else v

    def inv(v: float) -> float:
        return float(10**v) if log else v

    y0, y1 = _span([t(e) for e in ends])
    arrow = (y1 - y0) * 0.22
    if any(r.shape == "above" for r in rows):
        y1 = max(y1, max(t(_value(r)) for r in rows if r.shape == "above") + arrow * 1.15)
    if any(r.shape == "below" for r in rows):
        y0 = min(y0, min(t(_value(r)) for r in rows if r.shape == "below") - arrow * 1.15)

    fig, ax = (canvas or Canvas()).clean()
    if log:
        ax.set_yscale("log")
        ax.yaxis.set_major_locator(LogLocator(numticks=5))
        ax.yaxis.set_minor_formatter(NullFormatter())
    else:
        ax.yaxis.set_major_locator(MaxNLocator(4, integer=all(float(e).is_integer() for e in ends)))
    ax.set_ylim(inv(y0), inv(y1))
    ax.yaxis.set_major_formatter(FuncFormatter(_tick))
    at = dict(zip((r.n for r in rows), xs, strict=True))
    by_issuer: dict[str, list[tuple[float, float]]] = defaultdict(list)
    for r, x in zip(rows, xs, strict=True):
        by_issuer[r.colour].append((x, _value(r)))
    for colour, pts in by_issuer.items():  # one issuer's reports over time
        if len(pts) > 1:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], color=colour, lw=0.8, alpha=0.45, zorder=1)
    for r, x in zip(rows, xs, strict=True):
        f, v = r.claim.figure, _value(r)
        if r.shape == "approx":
            ax.vlines(x, v * (1 - APPROX_TOLERANCE), v * (1 + APPROX_TOLERANCE), color=r.colour, lw=9,
                      alpha=0.22, zorder=2)
            _dot(ax, x, v, r.colour, 6.8)
            _dot(ax, x, v, "white", 3.6)
        elif r.shape == "range":
            ax.vlines(x, float(f.low or 0), float(f.high or 0), color=r.colour, lw=2.2, zorder=2)
            ax.plot([x, x], [float(f.low or 0), float(f.high or 0)], "_", ms=9, mew=2, color=r.colour, zorder=3)
        elif r.shape in ("above", "below"):
            tip = inv(t(v) + arrow) if r.shape == "above" else inv(t(v) - arrow)
            ax.annotate("", xy=(x, tip), xytext=(x, v), zorder=3,
                        arrowprops={"arrowstyle": "-|>", "color": r.colour, "lw": 1.6, "shrinkA": 0, "shrinkB": 0,
                                    "mutation_scale": 9})
            ax.plot([x], [v], "_", ms=9, mew=2, color=r.colour, zorder=3)
        else:
            _dot(ax, x, v, r.colour, 6.5)
        if r.conflicting:
            ax.plot([x], [v], "o", ms=12, mfc="none", mec=CONFLICT, mew=1.3, zorder=4)
        if len(rows) <= LABELLED_POINTS:
            ax.annotate(str(r.n), (x, v), xytext=(7, 4), textcoords="offset points", fontsize=7.5,
                        color="#333333", zorder=5)
    for rel in view.relations:
        if rel.relation.relation == "conflict" and rel.a in at and rel.b in at:
            ra, rb = view.rows[rel.a - 1], view.rows[rel.b - 1]
            ax.plot([at[rel.a], at[rel.b]], [_value(ra), _value(rb)], color=CONFLICT, lw=1, ls=(0, (3, 2)),
                    zorder=2)
    if view.dated:
        lo, hi = min(xs), max(xs)
        pad = max((hi - lo) * 0.08, 1.5)
        ax.set_xlim(lo - pad, hi + pad)
        loc = AutoDateLocator(minticks=2, maxticks=5)  # type: ignore[no-untyped-call]
        ax.xaxis.set_major_locator(loc)
        ax.xaxis.set_major_formatter(ConciseDateFormatter(  # type: ignore[no-untyped-call]
            loc, show_offset=False, formats=["%Y", "%b", "%-d %b", "%H:%M", "%H:%M", "%S"],
            zero_formats=["", "%Y", "%b %Y", "%-d %b", "%H:%M", "%H:%M"]))
    else:
        ax.set_xlim(0.5, len(view.rows) + 0.5)
        ax.xaxis.set_major_locator(MaxNLocator(min(len(view.rows), 8), integer=True))
        ax.xaxis.set_major_formatter(FuncFormatter(lambda v, _p: f"#{int(v)}" if v >= 1 else ""))
        ax.set_xlabel("report order (dates unknown: order unknown)", fontsize=7, color="#777777")
    buf = io.StringIO()
    fig.savefig(buf, format="svg", transparent=True,
                metadata={"Date": None, "Creator": None, "Format": None, "Type": None})
    return _clean_svg(buf.getvalue(), prefix)


def _dot(ax: Any, x: float, y: float, colour: str, width: float) -> None:
    """A dot as a zero-length line with round caps: a short path, where a marker costs a Bezier circle."""
    ax.plot([x, x], [y, y], color=colour, lw=width, solid_capstyle="round", zorder=3)


def _dodged(xs: list[float]) -> list[float]:
    """Reports of one day, or of days close together, side by side rather than on top of each other.

    >>> _dodged([10.0, 10.0, 11.0, 50.0])
    [10.0, 11.4, 12.8, 50.0]
    """
    span = max(xs) - min(xs) if xs else 0.0
    gap = max(span, 6.0) * 0.035
    order = sorted(range(len(xs)), key=lambda i: xs[i])
    out = list(xs)
    prev: float | None = None
    for i in order:
        x = xs[i] if prev is None else max(xs[i], prev + gap)
        out[i] = prev = round(x, 6)
    return out


# ----------------------------------------------------------------------------------------------
# The page


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("reconcile", "templates"),
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        undefined=jinja2.StrictUndefined,
    )
    env.filters["number"] = number
    env.filters["day"] = day
    env.filters["plural"] = plural
    env.filters["label"] = lambda label: day(dt.date.fromisoformat(label)) if _ISO_DAY.match(label) else label
    return env


_ENV: jinja2.Environment | None = None


def _template() -> jinja2.Template:
    global _ENV
    if _ENV is None:
        _ENV = _environment()
    return _ENV.get_template("report.html.j2")


def render_html(report: Report, articles: Sequence[Article], *,
                progress: Callable[[int, int], object] | None = None) -> str:
    """One self-contained HTML page for ``report``: index, charts, tables, relations.

    ``articles`` give titles and the list of articles read (an article with
    no claim is listed too); pass ``[]`` when they are not at hand.
    ``progress(done, total)``, if given, is called after each chart (charts
    are most of the time: about 30 ms each on one core).
    """
    views = _views(report, articles)
    styles = ChartStyles()
    charted = [g for s in views for g in s.groups if len(g.rows) >= 2 and any(r.shape != "none" for r in g.rows)]
    with matplotlib.rc_context(cast(Any, _RC)):
        canvas = Canvas()
        for k, g in enumerate(charted):
            g.chart = Markup(styles.classify(chart_svg(g, f"c{k}", canvas)))
            if progress is not None:
                progress(k + 1, len(charted))
    claims_per_article = Counter(c.article_id for c in report.claims)
    known = {a.id for a in articles}
    groups = [g for s in views for g in s.groups]
    return _template().render(
        stories=views,
        groups=groups,
        n_articles=len(articles),
        articles=[(a, n) for a in articles if (n := claims_per_article.get(a.id, 0)) == 0
                  or len(articles) <= ARTICLES_LISTED],
        all_listed=len(articles) <= ARTICLES_LISTED,
        unlisted=sorted(aid for aid in claims_per_article if aid not in known),
        n_claims=len(report.claims),
        n_conflicts=sum(g.counts.conflict for g in groups),
        n_conflict_groups=sum(1 for g in groups if g.counts.conflict),
        n_charts=sum(1 for g in groups if g.chart is not None),
        tolerance=round(APPROX_TOLERANCE * 100),
        chart_css=styles.stylesheet(),
    )


def write_html(report: Report, articles: Sequence[Article], path: str | Path) -> None:
    """Write :func:`render_html` to ``path`` (atomically: never half a page)."""
    write_atomic(path, render_html(report, articles))
