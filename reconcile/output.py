"""Rendering claims and reports: the JSON contract, CSV, and tables for people.

>>> from reconcile import extract
>>> row = flat_claim(extract("Fifteen people were killed.", id="a")[0])
>>> (row["id"], row["low"], row["metric"], row["source"])
('a:0', 15, 'killed', None)
"""

from __future__ import annotations

import csv
import io
import json
import os
import tempfile
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from .records import Claim, Report

__all__ = ["flat_claim", "render_claims", "render_report", "write_atomic"]

CLAIM_COLUMNS = ("id", "article_id", "start", "end", "text", "low", "high", "approximate", "vague",
                 "qualifier", "kind", "metric", "who", "source", "issuer", "relay", "event_date",
                 "reported_date", "publisher", "sentence")


def _num(v: int | Decimal | None) -> int | float | None:
    if isinstance(v, Decimal):
        return float(v)
    return v


def flat_claim(c: Claim) -> dict[str, Any]:
    """One claim as the flat object of the command-line contract (GUIDELINES.md)."""
    f = c.figure
    return {
        "id": c.id,
        "article_id": c.article_id,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "low": _num(f.low),
        "high": _num(f.high),
        "approximate": f.approximate,
        "vague": f.vague,
        "qualifier": f.qualifier.value,
        "kind": f.kind.value,
        "metric": c.metric.value,
        "who": c.who,
        "source": c.source.text if c.source else None,
        "issuer": c.source.issuer if c.source else None,
        "relay": c.source.relay if c.source else None,
        "event_date": c.event_date.label if c.event_date else None,
        "reported_date": c.reported_date.label if c.reported_date else None,
        "publisher": c.publisher,
        "sentence": c.sentence,
    }


def render_claims(claims: Iterable[Claim], fmt: str) -> str:
    """Claims as ``jsonl``, ``json``, ``csv`` or ``table``."""
    rows = [flat_claim(c) for c in claims]
    if fmt == "jsonl":
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows)
    if fmt == "json":
        return json.dumps(rows, ensure_ascii=False, indent=2) + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.DictWriter(buf, fieldnames=list(CLAIM_COLUMNS), lineterminator="\n")
        w.writeheader()
        w.writerows(rows)
        return buf.getvalue()
    if fmt == "table":
        return _table(["article", "figure", "low", "high", "metric", "source", "event"],
                      [[r["article_id"], r["text"], _s(r["low"]), _s(r["high"]), r["metric"],
                        r["source"] or "-", r["event_date"] or "-"] for r in rows])
    raise ValueError(f"unknown format {fmt!r}")


def _s(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def _range(low: int | Decimal | None, high: int | Decimal | None) -> str:
    """An interval as a reader would say it.

    >>> _range(1000000, None), _range(None, 300), _range(10, 15), _range(7, 7)
    ('1,000,000 or more', 'up to 300', '10 to 15', '7')
    """
    if low is None and high is None:
        return "no figure"
    if high is None:
        return f"{_s(low)} or more"
    if low is None:
        return f"up to {_s(high)}"
    return _s(low) if low == high else f"{_s(low)} to {_s(high)}"


def _table(head: list[str], rows: list[list[str]], md: bool = False) -> str:
    if md:
        lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        lines += ["| " + " | ".join(c.replace("|", "\\|") for c in r) + " |" for r in rows]
        return "\n".join(lines) + "\n"
    widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h) for i, h in enumerate(head)]
    widths = [min(w, 48) for w in widths]
    out = ["  ".join(h.ljust(w) for h, w in zip(head, widths, strict=True))]
    out.append("  ".join("-" * w for w in widths))
    for r in rows:
        out.append("  ".join(c[:w].ljust(w) for c, w in zip(r, widths, strict=True)))
    return "\n".join(out) + "\n"


def report_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON contract: ``{"claims": [...], "groups": [...]}``."""
    groups = []
    for g in report.groups:
        d = g.model_dump(mode="json")
        d["relations"] = [
            {"a": r.a, "b": r.b, "relation": r.relation, "order_known": r.order_known,
             "explanation": r.explanation} for r in g.relations
        ]
        groups.append(d)
    return {"claims": [flat_claim(c) for c in report.claims], "groups": groups}


def render_report(report: Report, fmt: str) -> str:
    """A report as ``json``, ``table`` or ``markdown``."""
    if fmt == "json":
        return json.dumps(report_dict(report), ensure_ascii=False, indent=2) + "\n"
    if fmt not in ("table", "markdown"):
        raise ValueError(f"unknown format {fmt!r}")
    md = fmt == "markdown"
    parts: list[str] = []
    for g in report.groups:
        if len(g.claim_ids) < 2:
            continue
        s = g.summary
        title = f"{g.label} [{g.kind}]: latest reports say {_range(s.low, s.high)}, " \
                f"{s.independent_reports} independent report(s)"
        parts.append(("### " if md else "== ") + title + "\n")
        parts.append(_table(["date", "figure", "issuer", "outlet", "article"],
                            [[t.date or "?", t.figure, t.issuer or "-", t.outlet or "-", t.article_id]
                             for t in s.timeline], md))
        for r in g.relations:
            parts.append(f"{'- ' if md else '  * '}{r.relation}: {r.explanation}\n")
        parts.append("\n")
    if not parts:
        return "No figure is reported by more than one article.\n"
    return "".join(parts)


def write_atomic(path: str | Path, data: str) -> None:
    """Write a file so that an interrupted run never leaves half of it."""
    target = Path(path)
    fd, tmp = tempfile.mkstemp(dir=target.parent or Path("."), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
