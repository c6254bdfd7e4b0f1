"""Scoring extraction and reconciliation against a gold annotation (GUIDELINES format).

The measures are those of the project's referee: detection P/R/F1 by one-to-one
span overlap, field accuracy on detected core claims, claim F1 (value and metric
right), pairwise grouping P/R/F1 and relation accuracy.
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import regex

from .errors import InputError

__all__ = ["Scores", "evaluate"]

_NON_ALNUM = regex.compile(r"[^a-z0-9 ]+")
_STOPWORDS = frozenset({"the", "a", "an", "of", "s"})
_POSSESSIVE = regex.compile(r"'s\b")


@dataclass
class Scores:
    """Every measure, and a line for every miss."""

    measures: dict[str, float | int] = field(default_factory=dict)
    misses: list[str] = field(default_factory=list)


def _norm(s: str | None) -> str | None:
    if s is None:
        return None
    s = _POSSESSIVE.sub("", s.lower().replace("’", "'"))
    return " ".join(w for w in _NON_ALNUM.sub(" ", s).split() if w not in _STOPWORDS)


def source_matches(got: str | None, accepted: Iterable[str | None]) -> bool:
    """Whether a source agrees with one of the accepted attributions (lenient on wording).

    >>> source_matches("the Gaza Health Ministry", ["Gaza Health Ministry"])
    True
    >>> source_matches(None, ["Medics"])
    False
    """
    mine = _norm(got) if got and got.strip() else None
    for alt in accepted:
        theirs = _norm(alt)
        if theirs is None or mine is None:
            if theirs is None and mine is None:
                return True
            continue
        if theirs == mine or theirs in mine or mine in theirs:
            return True
        x, y = set(theirs.split()), set(mine.split())
        if x and y and len(x & y) / len(x | y) >= 0.5:
            return True
    return False


def date_matches(got: str | None, accepted: Iterable[str | None]) -> bool:
    """A date agrees if equal, or inside a coarser accepted date ("2023-11-02" in "2023-11")."""
    mine = got or None
    for alt in accepted:
        if alt is None and mine is None:
            return True
        if alt is not None and mine is not None and (mine == alt or mine.startswith(alt + "-")):
            return True
    return False


def _same(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    try:
        x, y = float(a), float(b)
    except (TypeError, ValueError):
        return False
    return abs(x - y) <= 1e-6 * max(1.0, abs(y))


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _pair(system: list[dict[str, Any]], gold: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    cands = []
    for gi, g in enumerate(gold):
        for si, s in enumerate(system):
            if s.get("article_id") != g["article_id"]:
                continue
            ov = min(int(s["end"]), g["end"]) - max(int(s["start"]), g["start"])
            if ov > 0:
                cands.append((-ov, abs(int(s["start"]) - g["start"]), gi, si))
    cands.sort()
    used_g: set[int] = set()
    used_s: set[int] = set()
    out: dict[str, dict[str, Any]] = {}
    for _, _, gi, si in cands:
        if gi not in used_g and si not in used_s:
            used_g.add(gi)
            used_s.add(si)
            out[gold[gi]["id"]] = system[si]
    return out


def load_gold(path: Path) -> list[dict[str, Any]]:
    """The gold lines of a GUIDELINES-format file, with errors naming the line."""
    rows = []
    for n, raw in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as e:
            raise InputError(f"not JSON: {e.msg}", path=str(path), line=n) from None
        if "type" not in row:
            raise InputError("missing", path=str(path), line=n, field="type")
        rows.append(row)
    return rows


def evaluate(claims: list[dict[str, Any]], report: dict[str, Any], gold_rows: list[dict[str, Any]]) -> Scores:
    """Score flat claims and a report (JSON contract) against gold rows."""
    sc = Scores()
    res = sc.measures
    gold = [g for g in gold_rows if g["type"] == "claim"]
    rels = [g for g in gold_rows if g["type"] == "relation"]
    core = [g for g in gold if g["status"] == "core"]
    pairs = _pair(claims, gold)
    matched = {id(s) for s in pairs.values()}
    tp = sum(1 for g in core if g["id"] in pairs)
    fn = len(core) - tp
    fp = sum(1 for s in claims if id(s) not in matched)
    res["gold_core"], res["system_claims"] = len(core), len(claims)
    res["detect_p"], res["detect_r"], res["detect_f1"] = (round(x, 3) for x in _prf(tp, fp, fn))
    counts = {k: [0, 0] for k in ("value", "metric", "source", "event_date", "source_named", "event_date_named")}
    strict: int = 0
    for g in core:
        s = pairs.get(g["id"])
        if s is None:
            sc.misses.append(f"MISSED  {g['id']} {g['text']!r} ({g['metric'][0]})")
            continue
        oks = {
            "value": bool(g.get("vague")) or (_same(s.get("low"), g["low"]) and _same(s.get("high"), g["high"])),
            "metric": s.get("metric") in g["metric"],
            "source": source_matches(s.get("source"), g["source"]),
            "event_date": date_matches(s.get("event_date"), g["event_date"]),
        }
        for k, ok in oks.items():
            counts[k][0] += ok
            counts[k][1] += 1
        if None not in g["source"]:
            counts["source_named"][0] += oks["source"]
            counts["source_named"][1] += 1
        if None not in g["event_date"]:
            counts["event_date_named"][0] += oks["event_date"]
            counts["event_date_named"][1] += 1
        strict += int(oks["value"] and oks["metric"])
        bad = [k for k, ok in oks.items() if not ok]
        if bad:
            shown = {k: s.get(k) for k in ("low", "high", "metric", "source", "event_date")}
            sc.misses.append(f"WRONG   {g['id']} {g['text']!r} {','.join(bad)}: got {shown}")
    for s in claims:
        if id(s) not in matched:
            sc.misses.append(f"EXTRA   {s.get('article_id')}:{s.get('start')} {s.get('text')!r} ({s.get('metric')})")
    for k, (n_ok, n) in counts.items():
        res[f"{k}_acc"] = round(n_ok / n, 3) if n else 0.0
    res["claim_p"], res["claim_r"], res["claim_f1"] = (
        round(x, 3) for x in _prf(strict, fp + (tp - strict), fn + (tp - strict)))
    rpairs = _pair(report.get("claims", []), gold)
    group_of: dict[str, str] = {}
    labels: dict[frozenset[str], str] = {}
    for gr in report.get("groups", []):
        for cid in gr.get("claim_ids", []):
            group_of[str(cid)] = str(gr.get("id"))
        for r in gr.get("relations", []):
            labels[frozenset((str(r["a"]), str(r["b"])))] = r["relation"]
    mcore = [g for g in core if g["id"] in rpairs]
    t: list[int] = [0, 0, 0]
    x: list[int] = [0, 0, 0]
    for g1, g2 in itertools.combinations(mcore, 2):
        same_gold = g1["group"] == g2["group"]
        s1, s2 = str(rpairs[g1["id"]]["id"]), str(rpairs[g2["id"]]["id"])
        same_sys = s1 in group_of and group_of.get(s1) == group_of.get(s2)
        cell = [int(same_gold and same_sys), int((not same_gold) and same_sys), int(same_gold and not same_sys)]
        t = [a + b for a, b in zip(t, cell, strict=True)]
        if g1["article_id"] != g2["article_id"]:
            x = [a + b for a, b in zip(x, cell, strict=True)]
        if cell[1]:
            sc.misses.append(f"GROUPED {g1['id']} {g1['text']!r} with {g2['id']} {g2['text']!r}")
        if cell[2]:
            sc.misses.append(f"SPLIT   {g1['id']} {g1['text']!r} from {g2['id']} {g2['text']!r} ({g1['group']})")
    res["group_p"], res["group_r"], res["group_f1"] = (round(v, 3) for v in _prf(*t))
    res["group_cross_f1"] = round(_prf(*x)[2], 3)
    right = 0
    for r in rels:
        sa, sb = rpairs.get(r["a"]), rpairs.get(r["b"])
        label = labels.get(frozenset((str(sa["id"]), str(sb["id"])))) if sa and sb else None
        right += int(label in r["relation"])
        if label not in r["relation"]:
            sc.misses.append(f"RELATION {r['a']} ~ {r['b']}: got {label!r} want {r['relation']}")
    res["relation_acc"] = round(right / len(rels), 3) if rels else 0.0
    res["relations"] = len(rels)
    return sc
