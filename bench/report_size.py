"""The HTML report over 10,000 groups: page size, render time, and load time in headless Chromium.

    python bench/report_size.py [--groups 10000] [--all-charted] [--repeat 3] [--keep PATH]

Target (issue 12): a report over 10,000 groups stays under 20 MB and opens in
Chromium in under 5 s. The groups come from synthetic claims, each designed
quantity run through :func:`reconcile.reconcile` on its own (so relations,
explanations and summaries are the real ones, and the count of groups does
not move with the grouping heuristics):
stories of 8 groups, reports per group drawn as the development corpora give
them (74% one report, 14% two, 4% three, 4% four to seven, 4% eight to
twenty), sentences of their length (~135 characters), with every hedge the
charts draw (exact, about, more than, up to, ranges), or with
``--all-charted`` at least two reports per group so that every group has a chart
(the worst case for size). Chromium is timed as ``chromium --headless
--no-sandbox --disable-gpu --screenshot`` on the page, best of ``--repeat``,
next to the same command on an empty page (the browser's own start-up).

Measured 2026-12-01 on the 2-core machine shared with other jobs (load 4-8,
so times are upper bounds), chromium 156, matplotlib 3.11:

=====================  ========  ======  ========  =============  ================
10,000 groups           claims    charts  page      render_html    chromium (empty)
=====================  ========  ======  ========  =============  ================
corpus proportions      19,348    2,569   18.1 MB   161 s          5.2 s (2.3 s)
--all-charted           26,789   10,000   36.0 MB   508 s          6.1 s (1.6 s)
=====================  ========  ======  ========  =============  ================

An SVG chart is 1.1-1.6 kB; a group of several reports costs about 1 kB
besides its chart and its rows (heading, summary, why, relations), a report
row about 0.45 kB (its sentence and its article's title are most of it).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reconcile import Article, Attribution, Claim, DatePeriod, Figure, Metric, Qualifier, Report, reconcile
from reconcile.html_report import render_html

METRICS = [Metric.KILLED, Metric.INJURED, Metric.MISSING, Metric.DISPLACED, Metric.HOSTAGES_TAKEN]
ISSUERS = ["officials", "the health ministry", "police", "the red crescent", "a relief agency", "local media"]
NOUN = {Metric.KILLED: "people were killed", Metric.INJURED: "people were injured",
        Metric.MISSING: "people are missing", Metric.DISPLACED: "people have fled their homes",
        Metric.HOSTAGES_TAKEN: "people were taken hostage"}
GROUPS_PER_STORY = 8
PLACES_HIT = ["collapsed buildings", "flooded districts", "burned-out market", "coastal villages"]


def _name(n: int) -> str:
    """An invented place name per story: Balor, Kenit, ... (unique, not a real place)."""
    syllables = ["ba", "ke", "lo", "mi", "nu", "ra", "si", "to", "vu", "ze"]
    out = ""
    while True:
        n, r = divmod(n, len(syllables))
        out += syllables[r]
        if n == 0:
            break
    return (out + "rn").capitalize()


def _reports(rnd: random.Random, all_charted: bool) -> int:
    """Reports in a group as the development corpora give them (361 groups of dev and dev2:
    74% one report, 14% two, 4% three, 4% four to seven, 4% eight or more)."""
    r = rnd.random()
    n = (1 if r < 0.74 else 2 if r < 0.88 else 3 if r < 0.92 else rnd.randint(4, 7) if r < 0.96
         else rnd.randint(8, 20))
    return max(n, 2) if all_charted else n


def _figure(rnd: random.Random, v: int) -> tuple[str, Figure]:
    """A hedge and a figure for value v, in the proportions news gives them."""
    text = f"{v:,}"
    r = rnd.random()
    if r < 0.50:
        return "", Figure(low=v, high=v, text=text, start=0, end=len(text))
    if r < 0.65:
        return "about ", Figure(low=v, high=v, approximate=True, qualifier=Qualifier.APPROXIMATE, hedge="about",
                                text=text, start=0, end=len(text))
    if r < 0.80:
        return "more than ", Figure(low=v, high=None, qualifier=Qualifier.MORE_THAN, hedge="more than", text=text,
                                    start=0, end=len(text))
    if r < 0.85:
        return "up to ", Figure(low=None, high=v, qualifier=Qualifier.AT_MOST, hedge="up to", text=text, start=0,
                                end=len(text))
    hi = v + rnd.randint(1, max(2, v // 5))
    text = f"{v:,} to {hi:,}"
    return "", Figure(low=v, high=hi, qualifier=Qualifier.RANGE, text=text, start=0, end=len(text))


def synthetic(n_groups: int, all_charted: bool = False, seed: int = 12) -> tuple[list[list[Claim]], list[Article]]:
    """The claims of ``n_groups`` quantities (a list each), and the articles they come from."""
    rnd = random.Random(seed)
    quantities: list[list[Claim]] = []
    articles: dict[str, Article] = {}
    for g in range(n_groups):
        story, i = divmod(g, GROUPS_PER_STORY)
        metric = METRICS[i % len(METRICS)]
        event = dt.date(2020, 1, 1) + dt.timedelta(days=story * 2 + (i // len(METRICS)) * 40)
        place = _name(story)
        v = rnd.randint(3, 20_000)
        claims: list[Claim] = []
        quantities.append(claims)
        for k in range(_reports(rnd, all_charted)):
            art = f"s{story}-a{k}"
            published = event + dt.timedelta(days=1 + k)
            if art not in articles:
                articles[art] = Article(id=art, text="(synthetic)", published=published, publisher=f"Outlet {k % 7}",
                                        title=f"{place}: rescuers search for survivors as the toll rises, day {k + 1}")
            v = max(1, v + rnd.randint(-v // 8, v // 4))
            hedge, f = _figure(rnd, v)
            sentence_start = 1000 * (i + 1)  # one sentence per group in each article
            f = f.model_copy(update={"start": sentence_start + len(hedge), "end": sentence_start + len(hedge) + len(f.text)})
            sentence = (f"{hedge}{f.text} {NOUN[metric]} in {place} on {event:%d %B}, {rnd.choice(ISSUERS)} said, "
                        f"as rescue teams searched the {rnd.choice(PLACES_HIT)} for survivors.")  # ~135 chars
            sentence = sentence[0].upper() + sentence[1:]
            issuer = rnd.choice(ISSUERS)
            claims.append(Claim(
                id=f"{art}:{f.start}", article_id=art, figure=f, metric=metric, who="people", place=place,
                source=Attribution(text=issuer, issuer=issuer), publisher=articles[art].publisher,
                published=published, event_date=DatePeriod.of(event), event_date_from="sentence",
                sentence=sentence, sentence_start=sentence_start, names=(place, f"{place} Valley"),
            ))
    return quantities, list(articles.values())


def report_of(quantities: list[list[Claim]]) -> Report:
    """One report over every quantity, each reconciled on its own.

    The HTML report is measured here, not grouping: reconciling each designed
    quantity alone gives its group (with the real relations, explanations and
    summary) whatever the grouping heuristics of the day make of 10,000
    invented stories side by side.
    """
    groups = [g for claims in quantities for g in reconcile(claims).groups]
    return Report(claims=[c for claims in quantities for c in claims], groups=sorted(groups, key=lambda g: g.id))


def _chromium() -> str | None:
    return shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")


def chromium_seconds(browser: str, page: Path, shot: Path, repeat: int) -> float:
    """Best wall time of a headless screenshot of ``page`` (start-up, load, layout, paint)."""
    best = float("inf")
    for _ in range(repeat):
        shot.unlink(missing_ok=True)
        t0 = time.perf_counter()
        subprocess.run([browser, "--headless", "--no-sandbox", "--disable-gpu", f"--screenshot={shot}",
                        "--window-size=1280,2000", "--hide-scrollbars", page.resolve().as_uri()],
                       check=True, capture_output=True, timeout=120)
        best = min(best, time.perf_counter() - t0)
        if not shot.exists() or shot.stat().st_size < 10_000:
            raise RuntimeError(f"chromium wrote no screenshot of {page}")
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--groups", type=int, default=10_000)
    ap.add_argument("--all-charted", action="store_true", help="two reports or more in every group")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--keep", help="also write the page here")
    args = ap.parse_args()
    print(f"load: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cores")
    quantities, articles = synthetic(args.groups, args.all_charted)
    claims = [c for q in quantities for c in q]
    t0 = time.perf_counter()
    report = report_of(quantities)
    t_rec = time.perf_counter() - t0
    t0 = time.perf_counter()
    html = render_html(report, articles)
    t_html = time.perf_counter() - t0
    size = len(html.encode("utf-8"))
    charts = html.count('<figure class="chart"')
    print(f"{len(claims):,} claims, {len(report.groups):,} groups, {charts:,} charts "
          f"({sum(len(g.relations) for g in report.groups):,} relations); reconcile {t_rec:.1f} s, "
          f"render_html {t_html:.1f} s ({1000 * t_html / max(charts, 1):.1f} ms a chart, all included)")
    svg = sum(len(part.split("</svg>", 1)[0]) for part in html.split("<svg")[1:]) if charts else 0
    print(f"page: {size / 1e6:.2f} MB (target < 20 MB); SVG {svg / 1e6:.2f} MB, "
          f"{svg / max(charts, 1) / 1000:.2f} kB a chart")
    with tempfile.TemporaryDirectory() as tmp:
        page = Path(tmp) / "report.html"
        page.write_text(html, encoding="utf-8")
        if args.keep:
            shutil.copyfile(page, args.keep)
        browser = _chromium()
        if browser is None:
            print("chromium: not installed (apt-get install chromium), load time not measured")
            return
        empty = Path(tmp) / "empty.html"
        empty.write_text("<!DOCTYPE html><title>empty</title><p>empty page</p>", encoding="utf-8")
        shot = Path(tmp) / "shot.png"
        t_empty = chromium_seconds(browser, empty, shot, args.repeat)
        t_page = chromium_seconds(browser, page, shot, args.repeat)
        print(f"chromium --headless --screenshot, best of {args.repeat}: {t_page:.2f} s for the page "
              f"(target < 5 s), {t_empty:.2f} s for an empty page")
    print(f"load after: {os.getloadavg()[0]:.2f}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
