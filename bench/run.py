"""The one benchmark (issue 13): every throughput and scale figure in one run, a table or JSON.

    python bench/run.py [--mb 5] [--repeat 3] [--max-claims 100000] [--no-peers] [--jobs-mb 5] [--json]

In one run, on the same news text (the seed and development articles, repeated):

* ``find_figures`` and full ``extract``: MB/s, articles/s, and the peak resident
  memory of a fresh process that runs them (claims are counted, not kept);
* ``import reconcile``: a fresh interpreter with the import, less one without;
* the peers that install from PyPI (quantulum3, number-parser, recognizers-text-suite;
  the ``peers`` extra), each on the distinct news articles once, one call per
  article, printed as how many times slower than ours on the same articles;
  a peer that is not importable is skipped with a note;
* ``reconcile extract --jobs N`` against ``--jobs 1`` on a JSONL of the same text,
  where the command line has ``--jobs``;
* reconciling 10,000 synthetic claims and up, by ~3x steps to ``--max-claims``
  (the generator of ``bench/reconcile_scale.py``), one fresh process per size, through the
  compact path of ``reconcile compare`` (claims streamed, one story's records alive at a
  time; the making of the claims taken off), or with ``--list`` through ``reconcile()`` on a
  list held in memory ("before MB" is then the claims' memory), with
  the growth exponent fitted on log time against log claims (n log n shows as
  about 1.1 over this range; 2 is quadratic).

Every time is the best of ``--repeat`` runs (one run for reconcile above 100,000
claims and for quantulum3, which takes seconds), wall and CPU time of the process
apart: on a shared machine the CPU time moves less with the load, and the peer
ratios are of CPU times. The load average is printed with the figures.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import math
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
import warnings
from collections.abc import Callable
from pathlib import Path
from typing import Any

from _corpus import DEV, ROOT
from _timing import best_of

HERE = Path(__file__).resolve()
SIZES = (10_000, 30_000, 100_000, 300_000, 1_000_000, 3_000_000)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # KiB on Linux


def _news_articles(n_bytes: int) -> list[Any]:
    """The seed and development articles, repeated (each with its own id) to ``n_bytes`` of text."""
    from reconcile import Article, read_articles

    base = [a for d in (ROOT / "seeds", DEV) if d.exists() for a in read_articles(d) if isinstance(a, Article)]
    out: list[Article] = []
    size = 0
    i = 0
    while size < n_bytes:
        a = base[i % len(base)]
        out.append(a.model_copy(update={"id": f"{a.id}-{i}", "published": a.published or dt.date(2024, 5, 8)}))
        size += len(a.text.encode("utf-8"))
        i += 1
    return out


# -- children: one measurement in a fresh process, printed as JSON ----------------------------------------


def _timed(fn: Callable[[], object], repeat: int) -> tuple[float, float]:
    """Best wall time (``_timing.best_of``) and best CPU time of this process over ``repeat`` calls.

    On a shared machine the CPU time moves less with the load than the wall time does.
    """
    cpu: list[float] = []

    def run() -> None:
        c0 = time.process_time()
        fn()
        cpu.append(time.process_time() - c0)

    return best_of(run, repeat), min(cpu)


def _child_text(what: str, mb: float, repeat: int) -> dict[str, Any]:
    from reconcile import extract, find_figures

    articles = _news_articles(int(mb * 1_000_000))
    size = sum(len(a.text.encode("utf-8")) for a in articles)
    extract(articles[0])  # first calls compile patterns and load the gazetteer: not throughput
    base = _rss_mb()
    count = [0]
    if what == "figures":
        def run() -> None:
            count[0] = sum(len(find_figures(a.text)) for a in articles)
    else:
        def run() -> None:
            count[0] = sum(len(extract(a)) for a in articles)
    t, cpu = _timed(run, repeat)
    return {"what": what, "mb": size / 1e6, "articles": len(articles), "seconds": t, "cpu_seconds": cpu,
            "mb_per_s": size / 1e6 / t, "mb_per_cpu_s": size / 1e6 / cpu, "articles_per_s": len(articles) / t,
            "found": count[0],
            "rss_before_mb": base, "peak_rss_mb": _rss_mb()}


def _child_reconcile(n: int, repeat: int, stream: bool = True) -> dict[str, Any]:
    """Reconciling ``n`` synthetic claims in a fresh process.

    ``stream``: the compact path of ``reconcile compare`` (:func:`reconcile.compact.reconcile_groups`
    over a generator, one story's records alive at a time); the making of the claims is timed apart
    in the same process and taken off. Otherwise ``reconcile()`` on a list of the claims made
    beforehand (their memory shows as ``claims_rss_mb``).
    """
    sys.path.insert(0, str(HERE.parent))
    from reconcile_scale import synthetic, synthetic_stream

    from reconcile import reconcile
    from reconcile.compact import reconcile_groups

    reconcile(synthetic(1000))  # first calls compile patterns and fill caches: not part of the growth
    counts: list[int] = []
    if stream:
        c0 = time.process_time()
        for _ in synthetic_stream(n):
            pass
        making = time.process_time() - c0
        base = _rss_mb()

        def run() -> None:
            groups = relations = 0
            for g in reconcile_groups(synthetic_stream(n)):
                groups += 1
                relations += len(g.relations)
            counts[:] = [groups, relations]

        t, cpu = _timed(run, repeat)
        t, cpu = max(t - making, 0.0), max(cpu - making, 0.0)
    else:
        claims = synthetic(n)
        base = _rss_mb()

        def run() -> None:
            report = reconcile(claims)  # dropped before the next run: one report at a time in memory
            counts[:] = [len(report.groups), sum(len(g.relations) for g in report.groups)]

        t, cpu = _timed(run, repeat)
    return {"claims": n, "stream": stream, "seconds": t, "cpu_seconds": cpu, "peak_rss_mb": _rss_mb(),
            "claims_rss_mb": base, "groups": counts[0], "relations": counts[1]}


def _child(argv: list[str]) -> None:
    kind = argv[0]
    if kind == "reconcile":
        result = _child_reconcile(int(argv[1]), int(argv[2]), stream="--list" not in argv)
    else:
        result = _child_text(kind, float(argv[1]), int(argv[2]))
    print(json.dumps(result))


def _in_child(*args: object) -> dict[str, Any]:
    done = subprocess.run([sys.executable, str(HERE), "--child", *map(str, args)], capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"bench/run.py: the child {' '.join(map(str, args))} failed:\n{done.stderr}")
    return dict(json.loads(done.stdout.strip().splitlines()[-1]))


# -- the parts -----------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    model = ""
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return {"date": dt.date.today().isoformat(), "cpu": model or platform.processor(), "cores": os.cpu_count(),
            "memory_gib": round(mem, 1), "python": platform.python_version(), "platform": platform.platform()}


_CPU = "import time; print(time.process_time())"


def import_time(repeat: int) -> dict[str, Any]:
    """Wall time of a fresh interpreter that imports reconcile, less one that does not; and the same in CPU time."""
    def cpu(code: str) -> float:
        return min(float(subprocess.run([sys.executable, "-c", code], check=True, capture_output=True,
                                        text=True).stdout) for _ in range(repeat + 2))

    with_import = best_of(lambda: subprocess.run([sys.executable, "-c", "import reconcile"], check=True), repeat + 2)
    bare = best_of(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), repeat + 2)
    return {"seconds": with_import - bare, "interpreter_seconds": bare,
            "cpu_seconds": cpu(f"import reconcile; {_CPU}") - cpu(_CPU)}


def _peer_callables() -> dict[str, tuple[Callable[[str], object] | None, str]]:
    """Each peer's call on one text, or None and why it is skipped."""
    out: dict[str, tuple[Callable[[str], object] | None, str]] = {}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            from quantulum3 import parser as qparser
            out["quantulum3"] = (qparser.parse, "parser.parse(text): quantities with units")
        except Exception as e:  # an optional peer: any failure to import is a skip, with the reason
            out["quantulum3"] = (None, f"not importable ({type(e).__name__}: {e}); pip install quantulum3")
        try:
            import number_parser
            out["number-parser"] = (number_parser.parse, "parse(text): number words rewritten as digits")
        except Exception as e:
            out["number-parser"] = (None, f"not importable ({type(e).__name__}: {e}); pip install number-parser")
        try:
            from recognizers_suite import Culture, recognize_number

            def rec(text: str) -> object:
                return recognize_number(text, Culture.English)

            out["recognizers-text-suite"] = (rec, "recognize_number(text, English): numbers")
        except Exception as e:
            out["recognizers-text-suite"] = (None, f"not importable ({type(e).__name__}: {e}); "
                                                   "pip install recognizers-text-suite 'emoji<1'")
    return out


def peers(repeat: int) -> dict[str, Any]:
    """Peers and ours on the distinct news articles, one call per article (the peers slow down on long texts)."""
    from reconcile import Article, extract, find_figures, read_articles

    arts = [a for d in (ROOT / "seeds", DEV) if d.exists() for a in read_articles(d) if isinstance(a, Article)]
    texts = [a.text for a in arts]
    size = sum(len(t.encode("utf-8")) for t in texts)
    extract(arts[0])  # first calls compile patterns and load the gazetteer; each peer warms up likewise below
    ours_fig, ours_fig_cpu = _timed(lambda: [find_figures(t) for t in texts], repeat)
    ours_ext, ours_ext_cpu = _timed(lambda: [extract(a) for a in arts], repeat)
    rows: dict[str, Any] = {}
    for name, (fn, note) in _peer_callables().items():
        if fn is None:
            rows[name] = {"skipped": note}
            continue
        call = fn
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            results = [call(t) for t in texts]  # number-parser returns the rewritten text: nothing to count
            lists = [r for r in results if isinstance(r, list)]
            found = sum(len(r) for r in lists) if len(lists) == len(results) else None
            t, cpu = _timed(lambda: [call(x) for x in texts], 1 if name == "quantulum3" else repeat)  # noqa: B023
        # ratios of CPU times: the load of a shared machine moves them less than wall times
        rows[name] = {"seconds": t, "cpu_seconds": cpu, "mb_per_s": size / 1e6 / t,
                      "vs_find_figures": cpu / ours_fig_cpu, "vs_extract": cpu / ours_ext_cpu, "found": found,
                      "call": note}
    return {"articles": len(texts), "mb": size / 1e6, "find_figures_seconds": ours_fig, "extract_seconds": ours_ext,
            "find_figures_cpu_seconds": ours_fig_cpu, "extract_cpu_seconds": ours_ext_cpu, "peers": rows}


def jobs(mb: float) -> dict[str, Any]:
    """``reconcile extract --jobs 2`` against ``--jobs 1``, where the command line has the option."""
    helptext = subprocess.run([sys.executable, "-m", "reconcile", "extract", "--help"], capture_output=True,
                              text=True).stdout
    if "--jobs" not in helptext:
        return {"skipped": "the command line has no --jobs option yet"}
    n = os.cpu_count() or 1
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "news.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in _news_articles(int(mb * 1_000_000)):
                fh.write(a.model_dump_json(exclude_none=True) + "\n")

        def cli(k: int) -> float:
            return best_of(lambda: subprocess.run(
                [sys.executable, "-m", "reconcile", "extract", str(path), "--jobs", str(k)],
                check=True, stdout=subprocess.DEVNULL), 2)

        serial = cli(1)
        runs = [{"jobs": k, "seconds": t, "speedup": serial / t} for k in sorted({2, n}) for t in [cli(k)]]
        return {"mb": path.stat().st_size / 1e6, "jobs_1_seconds": serial, "runs": runs}


def fit_exponent(points: list[tuple[float, float]]) -> float | None:
    """The slope of log y on log x by least squares: y ~ x^slope."""
    pts = [(math.log(x), math.log(y)) for x, y in points if x > 0 and y > 0]
    if len(pts) < 2:
        return None
    mx = sum(x for x, _ in pts) / len(pts)
    my = sum(y for _, y in pts) / len(pts)
    var = sum((x - mx) ** 2 for x, _ in pts)
    return sum((x - mx) * (y - my) for x, y in pts) / var if var else None


def scale(max_claims: int, repeat: int, in_list: bool = False) -> dict[str, Any]:
    sizes = [n for n in SIZES if n <= max_claims] or [min(SIZES)]
    runs = [_in_child("reconcile", n, repeat if n <= 100_000 else 1, *(["--list"] if in_list else []))
            for n in sizes]
    return {"sizes": sizes, "runs": runs, "path": "reconcile() on a list" if in_list else "compact (compare)",
            "time_exponent": fit_exponent([(r["claims"], r["seconds"]) for r in runs]),
            "cpu_exponent": fit_exponent([(r["claims"], r["cpu_seconds"]) for r in runs]),
            # what reconcile adds above the claims it is given
            "memory_exponent": fit_exponent([(r["claims"], r["peak_rss_mb"] - r["claims_rss_mb"]) for r in runs])}


# -- the table -----------------------------------------------------------------------------------------------


def _load() -> str:
    one, five, fifteen = os.getloadavg()
    return f"{one:.2f} {five:.2f} {fifteen:.2f}"


def table(r: dict[str, Any]) -> str:
    m = r["machine"]
    lines = [f"reconcile benchmark, {m['date']}: {m['cpu']}, {m['cores']} cores, {m['memory_gib']} GiB, "
             f"Python {m['python']}; load average (1/5/15 min) at start {r['load_start']}, at end {r['load_end']}",
             f"best of {r['repeat']} runs", ""]
    lines.append(f"{'what':<24}{'MB':>6}{'articles':>10}{'s':>8}{'MB/s':>7}{'CPU s':>8}{'MB/CPU s':>10}"
                 f"{'art/s':>7}{'peak MB':>9}  found")
    for key, label in (("figures", "find_figures"), ("extract", "extract (one core)")):
        t = r[key]
        lines.append(f"{label:<24}{t['mb']:>6.1f}{t['articles']:>10,}{t['seconds']:>8.2f}{t['mb_per_s']:>7.2f}"
                     f"{t['cpu_seconds']:>8.2f}{t['mb_per_cpu_s']:>10.2f}{t['articles_per_s']:>7,.0f}"
                     f"{t['peak_rss_mb']:>9.0f}  {t['found']:,} (process before: {t['rss_before_mb']:.0f} MB)")
    imp = r["import"]
    lines += ["", f"import reconcile: {imp['seconds']:.3f} s, {imp['cpu_seconds']:.3f} CPU s "
                  f"(interpreter start alone {imp['interpreter_seconds']:.3f} s)"]
    if "peers" in r:
        p = r["peers"]
        lines += ["", f"peers on the {p['articles']} distinct news articles ({p['mb'] * 1000:.0f} kB), one call per "
                      f"article; ours: find_figures {p['find_figures_seconds']:.3f} s "
                      f"({p['find_figures_cpu_seconds']:.3f} CPU s), extract {p['extract_seconds']:.3f} s "
                      f"({p['extract_cpu_seconds']:.3f} CPU s)"]
        lines.append(f"{'peer':<26}{'s':>9}{'CPU s':>8}{'MB/s':>9}{'x find_figures':>16}{'x extract':>11}  found  call")
        for name, row in p["peers"].items():
            if "skipped" in row:
                lines.append(f"{name:<26}skipped: {row['skipped']}")
            else:
                lines.append(f"{name:<26}{row['seconds']:>9.3f}{row['cpu_seconds']:>8.3f}{row['mb_per_s']:>9.3f}"
                             f"{row['vs_find_figures']:>15.1f}x"
                             f"{row['vs_extract']:>10.1f}x  {row['found'] if row['found'] is not None else '-':>5}  {row['call']}")
        lines.append("(x: the peer's CPU time over ours on the same articles; above 1 the peer is slower)")
    j = r["jobs"]
    lines.append("")
    if "skipped" in j:
        lines.append(f"extract --jobs: skipped: {j['skipped']}")
    else:
        parts = ", ".join(f"--jobs {x['jobs']} {x['seconds']:.2f} s ({x['speedup']:.2f}x)" for x in j["runs"])
        lines.append(f"reconcile extract on {j['mb']:.1f} MB of JSONL: --jobs 1 {j['jobs_1_seconds']:.2f} s, {parts}")
    s = r["scale"]
    lines += ["", f"reconcile, {s['path']} path:",
              f"{'reconcile':<12}{'claims':>11}{'s':>9}{'CPU s':>8}{'peak MB':>9}{'before MB':>11}"
                  f"{'groups':>10}{'relations':>12}"]
    for run in s["runs"]:
        lines.append(f"{'':<12}{run['claims']:>11,}{run['seconds']:>9.2f}{run['cpu_seconds']:>8.2f}"
                     f"{run['peak_rss_mb']:>9.0f}{run['claims_rss_mb']:>11.0f}{run['groups']:>10,}{run['relations']:>12,}")
    te = s["time_exponent"]
    me = s["memory_exponent"]
    if te is None or me is None:
        lines.append("growth exponent: needs two sizes")
    else:
        lines.append(f"growth exponents (log-log fit over {len(s['runs'])} sizes): time {te:.2f}, "
                     f"CPU time {s['cpu_exponent']:.2f}, "
                     f"memory above the process before {me:.2f} (n log n shows as ~1.1 here, n^2 as 2)")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args[:1] == ["--child"]:
        _child(args[1:])
        return 0
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    ap.add_argument("--mb", type=float, default=5.0, help="MB of news text for find_figures and extract (5)")
    ap.add_argument("--repeat", type=int, default=3, help="best of this many runs (3)")
    ap.add_argument("--max-claims", type=int, default=100_000,
                    help="largest reconcile size, from 10,000 by ~3x steps (100,000; the issue's 1,000,000 "
                         "needs the synthetic claims alone to take ~4.5 GB)")
    ap.add_argument("--no-peers", action="store_true", help="skip the peers (quantulum3 alone takes seconds)")
    ap.add_argument("--jobs-mb", type=float, default=5.0, help="MB of JSONL for the --jobs comparison (5)")
    ap.add_argument("--json", action="store_true", help="print the results as JSON instead of a table")
    ap.add_argument("--list", action="store_true",
                    help="time reconcile() on a list of claims held in memory instead of the compact path of "
                         "reconcile compare (a stream, one story's records at a time)")
    a = ap.parse_args(args)
    result: dict[str, Any] = {"machine": machine(), "load_start": _load(), "repeat": a.repeat}
    result["figures"] = _in_child("figures", a.mb, a.repeat)
    result["extract"] = _in_child("extract", a.mb, a.repeat)
    result["import"] = import_time(a.repeat)
    if not a.no_peers:
        result["peers"] = peers(a.repeat)
    result["jobs"] = jobs(a.jobs_mb)
    result["scale"] = scale(a.max_claims, a.repeat, a.list)
    result["load_end"] = _load()
    result["seconds"] = time.perf_counter() - T0
    print(json.dumps(result, indent=2) if a.json else table(result), end="" if not a.json else "\n")
    return 0


T0 = time.perf_counter()

if __name__ == "__main__":
    sys.exit(main())
