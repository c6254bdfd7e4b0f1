"""The ``reconcile`` command line.

    reconcile extract ARTICLES [--format jsonl|json|csv|markdown|table] [--jobs N] [-o FILE]
    reconcile compare ARTICLES [--format table|json|jsonl|csv|markdown] [--jobs N] [-o FILE]
    reconcile report ARTICLES -o report.html
    reconcile evaluate CORPUS GOLD [-v]
    reconcile figures TEXT
    reconcile schema [claim|figure|article|report]

ARTICLES is a JSONL file of articles, a directory of .txt files with an
index.jsonl, one .txt file (metadata by --published/--id/--publisher) or ``-``
for stdin. Articles are read one at a time and claims written as they come, so
``extract`` runs in flat memory on any corpus. Exit status: 0 when every
article was read, 1 when some could not be read or failed (with --keep-going),
2 on bad usage or a bad article without it.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import json
import logging
import os
import sys
import time
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, TextIO

from . import __version__
from .compact import compare
from .errors import InputError, ReconcileError
from .evaluation import evaluate, load_gold
from .frames import MissingExtraError
from .inputs import ArticleError, count_articles, read_articles
from .numbers import find_figures
from .output import FORMATS, ClaimWriter, atomic_output, console_for, flat_claim, report_dict, write_atomic
from .parallel import Outcome, default_jobs, extract_stream
from .reconciliation import reconcile
from .records import Article, Claim, Figure, Report

_FORMATS_HELP = """\
formats (--format), the same names for extract and compare:
  jsonl     extract: one claim a line (the JSON contract); compare: one group a line, its claims inside
  json      extract: an array of claims; compare: one object {"claims": [...], "groups": [...]}
  csv       extract: one row a claim; compare: one row a claim in a group, the group's columns first
  markdown  extract: a table of claims; compare: per group of two or more reports, its timeline and relations
  table     the markdown content drawn for a terminal (colour only on a terminal, NO_COLOR respected);
            extract --format table holds every claim until the end, the other formats stream
"""

_EXTRA = 'reconcile report needs the report extra: pip install "reconcile[report]"'
_KEEP_GOING = "fix it, or pass --keep-going to report bad articles on stderr and go on"


def _jobs(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be 1 or more, got {n}")
    return n


def _add_input(p: argparse.ArgumentParser, output_help: str = "write here (atomically) instead of stdout") -> None:
    p.add_argument("input", help="JSONL file, directory with index.jsonl or .txt files, .txt file, or - for stdin")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for a .txt file or stdin text")
    p.add_argument("--id", help="article id for a .txt file or stdin text")
    p.add_argument("--publisher", help="outlet for a .txt file or stdin text")
    p.add_argument("--title", help="title for a .txt file or stdin text")
    p.add_argument("--url", help="url for a .txt file or stdin text")
    p.add_argument("--encoding", default="utf-8", help="text encoding of the input (default utf-8)")
    p.add_argument("--keep-going", action="store_true",
                   help="report unreadable or failing articles on stderr (one JSON object a line) and go on; "
                        "the exit status is then 1")
    p.add_argument("-o", "--output", help=output_help)
    p.add_argument("-j", "--jobs", type=_jobs, default=None,
                   help=f"processes for extraction, and in compare for grouping stories (default: every core, "
                        f"here {default_jobs()}); the output is the same as with --jobs 1, in input order")
    p.add_argument("-q", "--quiet", action="store_true",
                   help="no progress bar and no warnings; errors are still reported")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="reconcile", description="Typed, sourced, dated numeric claims from news.",
                                 epilog=_FORMATS_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"reconcile {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    raw = argparse.RawDescriptionHelpFormatter
    p = sub.add_parser("extract", help="the claims of every article", epilog=_FORMATS_HELP, formatter_class=raw)
    _add_input(p)
    p.add_argument("--format", choices=FORMATS, default="jsonl", help="output format (default jsonl; see below)")
    p = sub.add_parser("compare", help="group claims across articles and relate the reports",
                       epilog=_FORMATS_HELP, formatter_class=raw)
    _add_input(p)
    p.add_argument("--format", choices=FORMATS, default="table", help="output format (default table; see below)")
    p = sub.add_parser("report", help="a self-contained HTML page of the groups, for people (needs reconcile[report])")
    _add_input(p, output_help="the HTML file to write, e.g. report.html (stdout when it is not a terminal)")
    p = sub.add_parser("evaluate", help="score against a gold annotation (GUIDELINES format)")
    p.add_argument("corpus", help="directory of .txt files with index.jsonl, or a JSONL file of articles")
    p.add_argument("gold", help="gold JSONL")
    p.add_argument("-v", "--verbose", action="store_true", help="list every miss")
    p.add_argument("--json", help="write the measures and misses to this file")
    p = sub.add_parser("figures", help="every numeric expression of a text, as JSON lines")
    p.add_argument("text", help="the text, or - to read stdin")
    p = sub.add_parser("schema", help="print the JSON Schema of a record")
    p.add_argument("model", nargs="?", default="claim", choices=("claim", "figure", "article", "report"))
    return ap


class _Progress:
    """A progress bar on stderr, shown only once a batch has taken more than a second.

    Off with --quiet, when stderr is not a terminal, or when stdout is the same terminal (the
    claims scrolling by would tear it). Refreshed by hand, never from a thread, so that the
    process pool can fork safely whenever it starts.
    """

    DELAY = 1.0
    EVERY = 0.1

    def __init__(self, enabled: bool, total: int | None, what: str) -> None:
        self.enabled = enabled
        self.total = total
        self.what = what
        self.t0 = time.monotonic()
        self.last = 0.0
        self.done = 0
        self.bar: Any = None
        self.task: Any = None

    def step(self, n: int = 1) -> None:
        self.done += n
        self._show()

    def phase(self, what: str, done: int, total: int | None) -> None:
        """Show another stage of the batch (e.g. the charts of a report): ``done`` of ``total``."""
        changed = what != self.what
        self.what, self.done, self.total = what, done, total
        self._show(force=changed)

    def _show(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.monotonic()
        if now - self.last < self.EVERY and not force:
            return
        self.last = now
        if self.bar is None:
            if now - self.t0 < self.DELAY:
                return
            self._start()
        self.bar.update(self.task, description=self.what, completed=self.done,
                        total=max(self.total, self.done) if self.total else None)
        self.bar.refresh()

    def status(self, text: str) -> None:
        self.what = text
        if self.bar is not None:
            self.bar.update(self.task, description=text)
            self.bar.refresh()

    def _start(self) -> None:
        from rich.console import Console
        from rich.progress import (
            BarColumn,
            MofNCompleteColumn,
            Progress,
            SpinnerColumn,
            TextColumn,
            TimeElapsedColumn,
            TimeRemainingColumn,
        )

        self.bar = Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
                            TimeElapsedColumn(), TimeRemainingColumn(), console=Console(stderr=True),
                            auto_refresh=False, transient=True, redirect_stdout=False)
        self.task = self.bar.add_task(self.what, total=self.total, completed=self.done)
        self.bar.start()

    def close(self) -> None:
        if self.bar is not None:
            self.bar.stop()
            self.bar = None


def _progress(args: argparse.Namespace, what: str) -> _Progress:
    enabled = (not args.quiet and sys.stderr.isatty()
               and not (getattr(args, "output", None) is None and sys.stdout.isatty()))
    return _Progress(enabled, count_articles(args.input) if enabled else None, what)


def _items(args: argparse.Namespace) -> Iterator[Article | ArticleError]:
    meta = {k: getattr(args, k) for k in ("published", "id", "publisher", "title", "url")
            if getattr(args, k, None) is not None}
    return read_articles(args.input, encoding=args.encoding, **meta)


def _failed(o: Outcome[Any], keep_going: bool) -> bool:
    """Whether the item failed; without --keep-going a failure stops the run, with it it goes to stderr."""
    if isinstance(o.item, ArticleError):
        if not keep_going:
            e = o.item
            raise InputError(f"{e.message} ({_KEEP_GOING})", path=e.path, line=e.line, field=e.field)
        print(json.dumps(o.item.as_dict(), ensure_ascii=False), file=sys.stderr)
        return True
    if o.error is not None:
        if not keep_going:
            raise ReconcileError(f"{o.error} (a bug: please report it with the article; "
                                 "use --keep-going to go on without it)")
        print(json.dumps({"type": "error", "article_id": o.item.id, "message": o.error}, ensure_ascii=False),
              file=sys.stderr)
        return True
    return False


@contextlib.contextmanager
def _output(args: argparse.Namespace) -> Iterator[TextIO]:
    if getattr(args, "output", None):
        with atomic_output(args.output) as fh:
            yield fh
    else:
        yield sys.stdout


def _jobs_of(args: argparse.Namespace) -> int:
    return args.jobs if getattr(args, "jobs", None) else default_jobs()


def _extract(args: argparse.Namespace) -> int:
    failed = 0
    progress = _progress(args, "extracting")
    try:
        with _output(args) as out:
            writer = ClaimWriter(out, args.format)
            for o in extract_stream(_items(args), writer.render, jobs=_jobs_of(args)):
                failed += _failed(o, args.keep_going)
                if o.rows:
                    writer.write(o.rows)
                progress.step()
            writer.close()
    finally:
        progress.close()
    return 1 if failed else 0


def _collect(args: argparse.Namespace, progress: _Progress, keep: bool = False
             ) -> tuple[list[Claim], list[Article], int]:
    """Every claim (and the articles, when ``keep``), and how many items failed."""
    claims: list[Claim] = []
    articles: list[Article] = []
    failed = 0
    for o in extract_stream(_items(args), jobs=_jobs_of(args)):
        failed += _failed(o, args.keep_going)
        if o.rows:
            claims.extend(o.rows)
        if keep and isinstance(o.item, Article):
            articles.append(o.item)
        progress.step()
    return claims, articles, failed


def _compare(args: argparse.Namespace) -> int:
    """Claims are read as extracted, kept compact (reconcile.compact) and grouped story by story."""
    progress = _progress(args, "extracting")
    failed = 0

    def claims() -> Iterator[Claim]:
        nonlocal failed
        n = 0
        for o in extract_stream(_items(args), jobs=_jobs_of(args)):
            failed += _failed(o, args.keep_going)
            if o.rows:
                n += len(o.rows)
                yield from o.rows
            progress.step()
        progress.status(f"grouping {n:,} claims")

    try:
        terminal = not args.output and console_for(sys.stdout).is_terminal
        result = compare(claims(), args.format, terminal=terminal, jobs=_jobs_of(args))
        progress.status("writing")
        with _output(args) as out:
            result.write(out)
    finally:
        progress.close()
    return 1 if failed else 0


def _render_html(report: Report, articles: Sequence[Article], progress: _Progress) -> str:
    def charts(done: int, total: int) -> None:
        progress.phase("drawing charts", done, total)

    try:
        module = importlib.import_module("reconcile.html_report")
        html: str = module.render_html(report, articles, progress=charts)
    except ImportError as e:
        if e.name and e.name.split(".")[0] != "reconcile":
            raise MissingExtraError(_EXTRA) from e
        raise ReconcileError(f"this installation of reconcile has no HTML report ({e}); reinstall it with "
                             'pip install "reconcile[report]"') from e
    return html


def _report(args: argparse.Namespace) -> int:
    if not args.output and sys.stdout.isatty():
        raise ReconcileError("give the file to write: reconcile report ARTICLES -o report.html")
    progress = _progress(args, "extracting")
    try:
        claims, articles, failed = _collect(args, progress, keep=True)
        progress.status(f"grouping {len(claims):,} claims")
        report = reconcile(claims)
        progress.status("drawing")
        html = _render_html(report, articles, progress)
    finally:
        progress.close()
    with _output(args) as out:
        out.write(html)
    if args.output and not args.quiet:
        # a group's reports: its claims less the repeats of a figure within one article (as the charts count)
        groups = sum(len(set(g.claim_ids) - {c for v in g.mentions.values() for c in v}) >= 2 for g in report.groups)
        print(f"wrote {args.output}: {len(articles)} articles, {len(claims)} claims, "
              f"{groups} groups of two or more reports", file=sys.stderr)
    return 1 if failed else 0


def _evaluate(args: argparse.Namespace) -> int:
    ns = argparse.Namespace(input=args.corpus, encoding="utf-8", keep_going=False, quiet=True, jobs=None)
    claims, _, _ = _collect(ns, _Progress(False, None, ""))
    scores = evaluate([flat_claim(c) for c in claims], report_dict(reconcile(claims)), load_gold(Path(args.gold)))
    width = max(len(k) for k in scores.measures)
    for k, v in scores.measures.items():
        print(f"{k:<{width}}  {v}")
    if args.verbose:
        print()
        print("\n".join(scores.misses))
    if args.json:
        write_atomic(args.json, json.dumps({"metrics": scores.measures, "notes": scores.misses}, indent=2))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    log = logging.getLogger("reconcile")
    level = log.level
    if getattr(args, "quiet", False):
        log.setLevel(logging.ERROR)
    try:
        return _run(args)
    except MissingExtraError as e:
        print(str(e), file=sys.stderr)
        return 2
    except ReconcileError as e:
        print(f"reconcile: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - a closed pipe downstream (head, less)
        with contextlib.suppress(OSError):  # no second error when Python flushes stdout at exit
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as e:
        where = f"{e.filename}: " if e.filename else ""
        print(f"reconcile: {where}{e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:  # pragma: no cover - Ctrl-C
        print("reconcile: interrupted", file=sys.stderr)
        return 130
    finally:
        log.setLevel(level)


def _run(args: argparse.Namespace) -> int:
    if args.command == "schema":
        model: Any = {"claim": Claim, "figure": Figure, "article": Article, "report": Report}[args.model]
        print(json.dumps(model.model_json_schema(), indent=2))
        return 0
    if args.command == "figures":
        text = sys.stdin.read() if args.text == "-" else args.text
        for f in find_figures(text):
            print(f.model_dump_json())
        return 0
    if args.command == "evaluate":
        return _evaluate(args)
    if args.command == "extract":
        return _extract(args)
    if args.command == "compare":
        return _compare(args)
    return _report(args)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
