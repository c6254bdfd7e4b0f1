"""Hypothesis entry-point plugin: makes ``st.from_type(Claim)`` and friends work.

Registered in pyproject.toml under ``[project.entry-points.hypothesis]``;
hypothesis calls :func:`_hypothesis_setup_hook` when it is imported.
"""

from __future__ import annotations


def _hypothesis_setup_hook() -> None:
    from .strategies import _register

    _register()
