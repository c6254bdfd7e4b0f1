"""Shared test settings: a bounded hypothesis budget so the suite stays fast on 2 cores."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from reconcile import Article, Claim, extract, read_articles

settings.register_profile(
    "ci", max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.register_profile(
    "dev", max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def seed_claims() -> list[Claim]:
    """Every claim of the bundled seed articles (records are frozen: tests share them, copying the list)."""
    return [c for a in read_articles(SEEDS) if isinstance(a, Article) for c in extract(a)]
