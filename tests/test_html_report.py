"""The HTML report, read back with the standard library's HTML parser.

Every group is on the page, a chart for every group of two or more reports,
each figure highlighted at its span, nothing loaded from the network, and the
awkward shapes (one report, no dates, only open bounds) still render.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass, field
from html import escape
from html.parser import HTMLParser
from pathlib import Path

import pytest
import regex

pytest.importorskip("jinja2", reason='the HTML report needs the extra: pip install "reconcile[report]"')
pytest.importorskip("matplotlib", reason='the HTML report needs the extra: pip install "reconcile[report]"')

from reconcile import Article, Group, Metric, Report, extract, read_articles, reconcile
from reconcile.html_report import CONFLICT, heading, render_html, shape, write_html

from .conftest import SEEDS


@dataclass
class Section:
    """What the page shows for one group."""

    anchor: str
    reports: int
    classes: str
    charts: int = 0
    svg: list[str] = field(default_factory=list)
    marks: list[tuple[str, str]] = field(default_factory=list)
    text: list[str] = field(default_factory=list)


class Page(HTMLParser):
    """The parts of the report the tests look at."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.sections: dict[str, Section] = {}
        self.ids: Counter[str] = Counter()
        self.links: list[str] = []  # every href and src
        self.tags: Counter[str] = Counter()
        self.index_links: list[str] = []
        self._section: Section | None = None
        self._mark: tuple[str, list[str]] | None = None
        self._in_chart = False
        self._in_nav = False
        self._svg_depth = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        self.tags[tag] += 1
        if "id" in a:
            self.ids[a["id"]] += 1
        for k in ("href", "src", "xlink:href", "action", "poster"):
            if k in a:
                self.links.append(a[k])
        if tag == "nav":
            self._in_nav = True
        if tag == "a" and self._in_nav and a.get("href", "").startswith("#"):
            self.index_links.append(a["href"][1:])
        if tag == "tr" and self._section is not None and self._section.reports == 1:
            self._section = None  # the next row of a story's "Reported once" table
        if tag in ("section", "tr") and "data-group" in a:
            self._section = Section(anchor=a["id"], reports=int(a["data-reports"]), classes=a.get("class", ""))
            self.sections[a["data-group"]] = self._section
        s = self._section
        if s is None:
            return
        if tag == "figure" and "chart" in a.get("class", ""):
            s.charts += 1
            self._in_chart = True
        if tag == "svg" and self._in_chart:
            self._svg_depth += 1
        if self._in_chart and self._svg_depth:
            s.svg.append(" ".join(f"{k}={v}" for k, v in attrs))
        if tag == "mark":
            self._mark = (a.get("data-claim", ""), [])

    def handle_endtag(self, tag: str) -> None:
        if tag == "nav":
            self._in_nav = False
        if tag == "figure":
            self._in_chart = False
            self._svg_depth = 0
        if tag in ("section", "table"):
            self._section = None
        if tag == "mark" and self._mark is not None and self._section is not None:
            self._section.marks.append((self._mark[0], "".join(self._mark[1])))
            self._mark = None

    def handle_data(self, data: str) -> None:
        if self._mark is not None:
            self._mark[1].append(data)
        if self._section is not None and not self._in_chart:
            self._section.text.append(data)
        elif self._in_chart and self._section is not None:
            self._section.svg.append(data)


RULE = regex.compile(r"\.chart \.(s\d+)\{([^}]*)\}")


def _report(articles: list[Article]) -> Report:
    return reconcile([c for a in articles for c in extract(a)])


def _art(id: str, text: str, published: str | None = None) -> Article:
    return Article(id=id, text=text, published=dt.date.fromisoformat(published) if published else None)


@pytest.fixture(scope="module")
def seeds() -> tuple[Report, list[Article], str]:
    articles = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    report = _report(articles)
    return report, articles, render_html(report, articles)


def _check(report: Report, html: str) -> Page:
    """What must hold for every report: each group, its chart, its marks, no network."""
    page = Page(html)
    assert set(page.sections) == {g.id for g in report.groups}, "every group has its section"
    claims = {c.id: c for c in report.claims}
    for g in report.groups:
        s = page.sections[g.id]
        repeats = {cid for ids in g.mentions.values() for cid in ids}
        assert s.reports == len(set(g.claim_ids) - repeats), "a report is a figure's first mention in an article"
        assert s.charts == (1 if s.reports >= 2 else 0), f"{g.id}: a chart iff two reports or more"
        assert sorted(cid for cid, _ in s.marks) == sorted(g.claim_ids), f"{g.id}: every claim is shown, marked"
        for cid, text in s.marks:
            assert text == claims[cid].figure.text, f"{cid}: the mark is the figure's span"
    anchors = {s.anchor: gid for gid, s in page.sections.items()}
    assert set(page.index_links) <= set(anchors), "every index link has its target"
    linked = {anchors[a] for a in page.index_links}
    several = {gid for gid, s in page.sections.items() if s.reports != 1}
    assert several <= linked, "the index links every group of several reports"
    metric = {g.id: g.metric for g in report.groups}
    assert {metric[g] for g in set(page.sections) - several} == {metric[g] for g in linked - several}, \
        "and the single reports of every metric"
    assert [i for i, n in page.ids.items() if n > 1] == [], "ids are unique, inside the charts too"
    assert all(link.startswith("#") for link in page.links), "nothing is loaded: only links within the page"
    assert "script" not in page.tags and "link" not in page.tags and "img" not in page.tags
    for g in report.groups:
        for r in g.relations:
            if r.relation == "conflict":
                assert escape(r.explanation) in html, "every conflict is explained on the page"
    lowered = html.lower()
    assert "http://" not in lowered.replace("http://www.w3.org/", "") and "https://" not in lowered
    assert "@import" not in lowered and "url(http" not in lowered
    return page


def test_seeds_every_group_chart_and_mark(seeds: tuple[Report, list[Article], str]) -> None:
    report, _, html = seeds
    page = _check(report, html)
    assert sum(s.charts for s in page.sections.values()) == sum(1 for s in page.sections.values() if s.reports >= 2)
    assert any(s.charts for s in page.sections.values()), "the seeds have groups of several reports"


def test_seeds_conflicts_come_first(seeds: tuple[Report, list[Article], str]) -> None:
    report, _, html = seeds
    page = Page(html)
    conflicted = {g.id for g in report.groups if any(r.relation == "conflict" for r in g.relations)}
    assert conflicted, "the seeds hold a conflict (1,400 in November, about 1,200 in May)"
    anchors = {s.anchor: gid for gid, s in page.sections.items()}
    first = [anchors[a] for a in page.index_links[: len(conflicted)]]
    assert set(first) == conflicted
    red = {m.group(1) for m in RULE.finditer(html) if CONFLICT.lower() in m.group(2).lower()}
    assert red, "the charts' stylesheet has a rule in the conflict colour"
    for gid in conflicted:
        s = page.sections[gid]
        assert "has-conflict" in s.classes
        assert any(f"class={c}" in part for part in s.svg for c in red), "conflicts are marked in red on the chart"


def test_seeds_article_titles_and_list(seeds: tuple[Report, list[Article], str]) -> None:
    _, articles, html = seeds
    for a in articles:
        assert (a.title or a.id).replace("'", "&#39;") in html, f"{a.id} is listed"


def test_progress_is_told_every_chart(seeds: tuple[Report, list[Article], str]) -> None:
    report, articles, html = seeds
    calls: list[tuple[int, int]] = []
    assert render_html(report, articles, progress=lambda done, total: calls.append((done, total))) == html
    charts = html.count('<figure class="chart"')
    assert calls == [(k, charts) for k in range(1, charts + 1)]


def test_write_html(tmp_path: Path, seeds: tuple[Report, list[Article], str]) -> None:
    report, articles, html = seeds
    out = tmp_path / "report.html"
    write_html(report, articles, out)
    assert out.read_text(encoding="utf-8") == html
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"], "no temporary file left behind"


# Invented articles: each row is a shape the page must draw, and the reason.
FREEDONIA = "Floods in Freedonia have killed {} people, the Freedonia Red Cross said."
SHAPES = [
    ("one report", [("a", "40", "2025-03-01")], 0, "a point, no chart"),
    ("no dates", [("a", "40", None), ("b", "52", None)], 1, "x by report order, 'order unknown'"),
    ("open bounds only", [("a", "more than 40", "2025-03-01"), ("b", "at least 52", "2025-03-03")], 1,
     "two arrows, no point"),
    ("upper bounds", [("a", "up to 90", "2025-03-01"), ("b", "fewer than 95", "2025-03-02")], 1, "arrows down"),
    ("range, band, arrow", [("a", "40 to 60", "2025-03-01"), ("b", "about 70", "2025-03-03"),
                            ("c", "up to 90", "2025-03-04")], 1, "a bar, a band and an arrow"),
    ("same day", [("a", "40", "2025-03-01"), ("b", "41", "2025-03-01"), ("c", "about 45", "2025-03-01")], 1,
     "three reports of one day side by side"),
    ("mixed dates", [("a", "40", "2025-03-01"), ("b", "52", None)], 1, "one undated report: order unknown"),
    ("vague", [("a", "dozens of", "2025-03-01"), ("b", "scores of", "2025-03-02")], 1, "vague words as ranges"),
]


@pytest.mark.parametrize("name,reports,charts,why", SHAPES, ids=[r[0] for r in SHAPES])
def test_awkward_groups_render(name: str, reports: list[tuple[str, str, str | None]], charts: int,
                               why: str) -> None:
    report = _report([_art(i, FREEDONIA.format(fig), pub) for i, fig, pub in reports])
    assert len(report.groups) == 1, f"the invented reports are one quantity ({name})"
    page = _check(report, render_html(report, []))
    s = next(iter(page.sections.values()))
    assert s.charts == charts
    text = " ".join(s.text)
    undated = any(pub is None for _, _, pub in reports)
    assert ("order unknown:" in text) == (undated and len(reports) > 1), why


def test_conflict_without_dates_says_order_unknown() -> None:
    report = _report([_art("p", FREEDONIA.format("40")), _art("q", FREEDONIA.format("52"))])
    page = _check(report, render_html(report, []))
    s = next(iter(page.sections.values()))
    assert "report order" in " ".join(s.svg), "the x axis is the order of the reports"


SHAPE_ROWS = [
    ("15", "point", "an exact figure"),
    ("about 1,200", "approx", "a hedge makes a band"),
    ("40 to 60", "range", "two bounds make a bar"),
    ("more than 40", "above", "an open upper side makes an arrow up"),
    ("at least 40", "above", "likewise"),
    ("up to 90", "below", "an open lower side makes an arrow down"),
]


@pytest.mark.parametrize("figure,want,why", SHAPE_ROWS, ids=[r[0] for r in SHAPE_ROWS])
def test_shape(figure: str, want: str, why: str) -> None:
    (claim,) = extract(FREEDONIA.format(figure), id="a", published="2025-03-01")
    assert shape(claim) == want, why


def test_text_is_escaped() -> None:
    text = "Floods in Freedonia have killed 40 people <script>alert(1)</script>, the Freedonia Red Cross said."
    report = _report([_art("a", text, "2025-03-01"), _art("b<u>", FREEDONIA.format("41"), "2025-03-02")])
    html = render_html(report, [])
    page = _check(report, html)
    assert "script" not in page.tags and "u" not in page.tags
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_article_url_is_text_not_a_link() -> None:
    article = Article(id="a", text=FREEDONIA.format("40"), published=dt.date(2025, 3, 1),
                      url="https://news.example/freedonia", title="Floods")
    report = _report([article])
    html = render_html(report, [article])
    assert "news.example/freedonia" in html
    assert [link for link in Page(html).links if not link.startswith("#")] == []


def test_article_without_claims_is_listed() -> None:
    quiet = Article(id="quiet-one", text="Nothing was counted today.", published=dt.date(2025, 3, 1))
    loud = Article(id="loud", text=FREEDONIA.format("40"), published=dt.date(2025, 3, 1))
    report = _report([quiet, loud])
    html = render_html(report, [quiet, loud])
    assert "quiet-one" in html, "an article with no figure is still named: nothing read disappears"


def test_empty_report() -> None:
    html = render_html(Report(claims=[], groups=[]), [])
    page = _check(Report(claims=[], groups=[]), html)
    assert page.sections == {}
    assert "No figure was found" in html


class ExplainedGroup(Group):
    """A group that says why its claims are one quantity, where Group itself has no ``why`` yet."""

    why: str = ""


def _with(g: Group, **fields: object) -> Group:
    """The group with grouping's optional fields set (on a subclass if Group lacks them)."""
    if all(k in Group.model_fields for k in fields):
        return g.model_copy(update=fields)
    return ExplainedGroup(**{**g.model_dump(), **fields})


TWO = [("a", "40", "2025-03-01"), ("b", "52", "2025-03-02")]


def _two() -> Report:
    return _report([_art(i, FREEDONIA.format(fig), pub) for i, fig, pub in TWO])


def test_why_is_shown_when_the_group_has_one() -> None:
    report = _two()
    why = "Same story (Freedonia), same metric, both running totals <of the floods>."
    html = render_html(Report(claims=report.claims, groups=[_with(report.groups[0], why=why)]), [])
    assert "Why one quantity" in html and "&lt;of the floods&gt;" in html
    silent = Report(claims=report.claims, groups=[_with(report.groups[0], why="")])
    assert "Why one quantity" not in render_html(silent, []), "an empty why shows nothing"


@pytest.mark.skipif("mentions" not in Group.model_fields, reason="Group has no mentions field yet")
def test_repeats_are_evidence_not_reports() -> None:
    headline = "Freedonia floods kill 40\n\nFloods in Freedonia have killed 40 people, the Freedonia Red Cross said."
    report = _report([_art("a", headline, "2025-03-01"), _art("b", FREEDONIA.format("52"), "2025-03-02")])
    (g,) = report.groups
    a_claims = sorted((c for c in report.claims if c.article_id == "a"), key=lambda c: c.figure.start)
    assert len(a_claims) == 2, "the headline and the body both give 40"
    g = g.model_copy(update={"claim_ids": sorted({*g.claim_ids, *(c.id for c in a_claims)}),
                             "mentions": {a_claims[0].id: [a_claims[1].id]}})
    page = _check(Report(claims=report.claims, groups=[g]), render_html(Report(claims=report.claims, groups=[g]), []))
    s = page.sections[g.id]
    assert s.reports == 2 and s.charts == 1, "the repeat makes no report of its own"
    assert (a_claims[1].id, "40") in s.marks, "but it is shown, marked, as evidence"


@pytest.mark.skipif("part_of" not in Group.model_fields, reason="Group has no part_of field yet")
def test_part_of_links_the_whole_and_checks_are_shown() -> None:
    report = _two()
    whole = report.groups[0]
    part = whole.model_copy(update={"id": "killed:part", "label": "killed Freedonia children running total",
                                    "part_of": whole.id, "checks": ["the part (52) is above its whole (40)"]})
    html = render_html(Report(claims=report.claims, groups=[whole, part]), [])
    page = Page(html)
    assert f"#{page.sections[whole.id].anchor}" in page.links
    assert "the part (52) is above its whole (40)" in html


HEADINGS = [
    ("killed Israel 2023-10-07", "killed", "Killed · Israel · 7 October 2023", "an event's day, spelled out"),
    ("killed Gaza running total", "killed", "Killed · Gaza · running total", "a running total"),
    ("hostages_released 2023-11", "hostages_released", "Hostages released · 2023-11", "a month stays ISO"),
    ("killed alone:a:3", "killed", "Killed", "an internal anchor is not shown"),
    ("money rebuild past:2009", "money", "Money · rebuild · earlier event of 2009", "an event years before the story"),
]


@pytest.mark.parametrize("label,metric,want,why", HEADINGS, ids=[r[-1] for r in HEADINGS])
def test_heading(label: str, metric: str, want: str, why: str) -> None:
    report = _report([_art("a", FREEDONIA.format("40"), "2025-03-01")])
    g = report.groups[0].model_copy(update={"label": label, "metric": Metric(metric)})
    assert heading(g) == want, why


def test_a_reused_canvas_draws_what_a_fresh_figure_draws(seeds: tuple[Report, list[Article], str]) -> None:
    import matplotlib

    from reconcile.html_report import _RC, Canvas, _views, chart_svg

    report, articles, _ = seeds
    views = [g for s in _views(report, articles) for g in s.groups if len(g.rows) >= 2]
    assert any(len({r.date for r in g.rows}) > 1 for g in views)
    with matplotlib.rc_context(_RC):  # type: ignore[arg-type]
        canvas = Canvas()
        reused = [chart_svg(g, "c", canvas) for g in views + views[::-1]]
        fresh = [chart_svg(g, "c") for g in views]
    assert reused == fresh + fresh[::-1], "no state leaks from one chart to the next (log scale, labels, artists)"


def test_many_articles_list_those_without_figures(monkeypatch: pytest.MonkeyPatch) -> None:
    import reconcile.html_report as html_report

    quiet = Article(id="quiet-one", text="Nothing was counted today.", published=dt.date(2025, 3, 1))
    loud = [_art(i, FREEDONIA.format(n), "2025-03-01") for i, n in (("loud-a", "40"), ("loud-b", "52"))]
    report = _report([quiet, *loud])
    monkeypatch.setattr(html_report, "ARTICLES_LISTED", 2)
    html = render_html(report, [quiet, *loud])
    footer = html[html.index("<footer>"):]
    assert "3 articles read" in footer and "1 article gave no figure" in footer
    assert "quiet-one" in footer and "loud-a" not in footer, "the others are named under their figures"


def test_issuer_colours_match_the_stylesheet() -> None:
    from reconcile.html_report import PALETTE

    css = (Path(__file__).resolve().parent.parent / "reconcile" / "templates" / "report.css").read_text("utf-8")
    for k, colour in enumerate(PALETTE):
        assert f".k{k} {{ background: {colour}; }}" in css, "the table's swatch is the chart's colour"
        assert f".c{k} {{ color: {colour}; }}" in css, "and so is a single report's glyph"
