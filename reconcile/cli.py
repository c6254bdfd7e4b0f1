"""The ``reconcile`` command line.

    reconcile extract ARTICLES [--format jsonl|json|csv|table]
    reconcile compare ARTICLES [--format json|table|markdown]
    reconcile evaluate CORPUS GOLD [-v]
    reconcile figures TEXT
    reconcile schema [claim|figure|article|report]

ARTICLES is a JSONL file of articles, a directory of .txt files with an
index.jsonl, one .txt file (metadata by --published/--id/--publisher) or ``-``
for stdin. Exit status: 0 when every article was read, 1 when some could not
be read (with --keep-going), 2 on bad usage or a bad article without it.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from . import __version__
from .errors import ReconcileError
from .evaluation import evaluate, load_gold
from .extraction import extract
from .inputs import ArticleError, read_articles
from .numbers import find_figures
from .output import flat_claim, render_claims, render_report, report_dict, write_atomic
from .reconciliation import reconcile
from .records import Article, Claim, Figure, Report


def _add_input(p: argparse.ArgumentParser) -> None:
    p.add_argument("input", help="JSONL file, directory with index.jsonl, .txt file, or - for stdin")
    p.add_argument("--published", help="publication date (YYYY-MM-DD) for a .txt file or stdin text")
    p.add_argument("--id", help="article id for a .txt file or stdin text")
    p.add_argument("--publisher", help="outlet for a .txt file or stdin text")
    p.add_argument("--title", help="title for a .txt file or stdin text")
    p.add_argument("--url", help="url for a .txt file or stdin text")
    p.add_argument("--encoding", default="utf-8", help="text encoding of the input (default utf-8)")
    p.add_argument("--keep-going", action="store_true",
                   help="report unreadable articles on stderr and go on; the exit status is then 1")
    p.add_argument("-o", "--output", help="write here (atomically) instead of stdout")


def _parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(prog="reconcile", description="Typed, sourced, dated numeric claims from news.")
    ap.add_argument("--version", action="version", version=f"reconcile {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)
    p = sub.add_parser("extract", help="the claims of every article")
    _add_input(p)
    p.add_argument("--format", choices=("jsonl", "json", "csv", "table"), default="jsonl")
    p = sub.add_parser("compare", help="group claims across articles and relate the reports")
    _add_input(p)
    p.add_argument("--format", choices=("json", "table", "markdown"), default="table")
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


def _articles(args: argparse.Namespace) -> tuple[list[Article], list[ArticleError]]:
    meta = {k: getattr(args, k) for k in ("published", "id", "publisher", "title", "url")
            if getattr(args, k, None) is not None}
    good: list[Article] = []
    bad: list[ArticleError] = []
    for item in read_articles(args.input, encoding=args.encoding, **meta):
        if isinstance(item, ArticleError):
            if not args.keep_going:
                raise item.as_error()
            print(json.dumps(item.as_dict(), ensure_ascii=False), file=sys.stderr)
            bad.append(item)
        else:
            good.append(item)
    return good, bad


def _emit(args: argparse.Namespace, data: str) -> None:
    if getattr(args, "output", None):
        write_atomic(args.output, data)
    else:
        sys.stdout.write(data)


def _claims(articles: list[Article], keep_going: bool = False) -> tuple[list[Claim], int]:
    """Every claim, and how many articles failed (each reported on stderr, never dropped silently)."""
    out: list[Claim] = []
    failed = 0
    for a in articles:
        try:
            out.extend(extract(a))
        except Exception as e:  # a bug must name its article, not lose the batch
            message = f"article {a.id}: {type(e).__name__}: {e}"
            if not keep_going:
                raise ReconcileError(message + " (use --keep-going to go on)") from e
            print(json.dumps({"type": "error", "article_id": a.id, "message": message}), file=sys.stderr)
            failed += 1
    return out, failed


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _run(args)
    except ReconcileError as e:
        print(f"reconcile: {e}", file=sys.stderr)
        return 2
    except BrokenPipeError:  # pragma: no cover - a closed pipe downstream
        return 0


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
        ns = argparse.Namespace(input=args.corpus, encoding="utf-8", keep_going=False)
        articles, _ = _articles(ns)
        claims, _ = _claims(articles)
        scores = evaluate([flat_claim(c) for c in claims], report_dict(reconcile(claims)),
                          load_gold(Path(args.gold)))
        width = max(len(k) for k in scores.measures)
        for k, v in scores.measures.items():
            print(f"{k:<{width}}  {v}")
        if args.verbose:
            print()
            print("\n".join(scores.misses))
        if args.json:
            write_atomic(args.json, json.dumps({"metrics": scores.measures, "notes": scores.misses}, indent=2))
        return 0
    articles, bad = _articles(args)
    claims, failed = _claims(articles, args.keep_going)
    if args.command == "extract":
        _emit(args, render_claims(claims, args.format))
    else:
        _emit(args, render_report(reconcile(claims), args.format))
    return 1 if bad or failed else 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
