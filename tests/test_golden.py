"""Golden files for the seeds: any change to what the library says about them shows up in review.

Regenerate after a deliberate change with ``RECONCILE_UPDATE_GOLDEN=1 pytest tests/test_golden.py``.
"""

from __future__ import annotations

import json
import os

import pytest

from reconcile import extract, read_articles, reconcile
from reconcile.output import flat_claim, report_dict
from reconcile.records import Article

from .conftest import ROOT, SEEDS

GOLDEN = ROOT / "tests" / "golden"
UPDATE = os.environ.get("RECONCILE_UPDATE_GOLDEN") == "1"


def _current() -> tuple[str, str]:
    claims = []
    for a in read_articles(SEEDS):
        assert isinstance(a, Article)
        claims.extend(extract(a))
    lines = "".join(json.dumps(flat_claim(c), ensure_ascii=False, sort_keys=True) + "\n" for c in claims)
    report = json.dumps(report_dict(reconcile(claims)), ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    return lines, report


@pytest.mark.parametrize("name,index", [("seeds.claims.jsonl", 0), ("seeds.report.json", 1)])
def test_golden(name: str, index: int) -> None:
    got = _current()[index]
    path = GOLDEN / name
    if UPDATE or not path.exists():
        path.write_text(got, encoding="utf-8")
    assert got == path.read_text(encoding="utf-8"), f"{name} changed; regenerate if intended"
