"""The word lists of reconcile/data: each states its format and keeps to it."""

from __future__ import annotations

from pathlib import Path

import pytest

from reconcile.lexicon import LEXICON

DATA = Path(__file__).resolve().parent.parent / "reconcile" / "data"
FILES = sorted(p for p in DATA.iterdir() if p.suffix in (".tsv", ".txt"))


@pytest.mark.parametrize("path", FILES, ids=[p.name for p in FILES])
def test_header_states_the_format_and_rows_keep_it(path: Path) -> None:
    lines = path.read_text(encoding="utf-8").splitlines()
    header = []
    for line in lines:
        if not line.startswith("#"):
            break
        header.append(line)
    assert header and any("Format" in h for h in header), f"{path.name}: no '# ... Format:' header"
    rows = [line.split("\t") for line in lines[len(header):] if line.strip() and not line.startswith("#")]
    assert rows, f"{path.name}: no rows"
    widths = {len(r) for r in rows}
    optional = any("[<TAB>" in h for h in header)  # "PHRASE<TAB>LOW<TAB>HIGH[<TAB>of]"
    assert len(widths) == 1 or (optional and len(widths) == 2), f"{path.name}: rows of {sorted(widths)} columns"
    if path.suffix == ".txt":
        assert widths == {1}, f"{path.name}: a .txt list has one column"
    assert all(c == c.strip() and c for r in rows for c in r), f"{path.name}: empty or padded cell"
    assert len({tuple(r) for r in rows}) == len(rows), f"{path.name}: a row is repeated"


def test_currency_codes_are_iso_4217() -> None:
    import pycountry

    for form, (iso, position) in LEXICON.currencies.items():
        assert position in ("symbol", "word"), form
        if iso == "-":  # a name several currencies share ("pesos"): only as a word
            assert position == "word", form
            continue
        assert pycountry.currencies.get(alpha_3=iso) is not None, form


def test_event_kinds_and_speaker_roles_are_known() -> None:
    assert {k for k, _ in LEXICON.events.values()} <= {"disaster", "violence", "campaign", "occasion"}
    assert {r for _, r in LEXICON.speakers} <= {"group", "title", "outlet", "data", "possessive"}
    assert set(LEXICON.function_words.values()) <= {"article", "preposition", "conjunction", "auxiliary",
                                                    "determiner"}


def test_a_copied_package_reads_its_own_word_lists(tmp_path: Path) -> None:
    """bench/ab_*.py copy two checkouts under other names: each must read its own data/, not the
    installed package's (else the base runs on the new word lists)."""
    import importlib
    import shutil
    import sys

    import reconcile

    copy = tmp_path / "reconcile_copy"
    shutil.copytree(Path(reconcile.__file__).parent, copy, ignore=shutil.ignore_patterns("__pycache__"))
    verbs = copy / "data" / "incident_verbs.txt"
    verbs.write_text(verbs.read_text(encoding="utf-8") + "zzzcopied\n", encoding="utf-8")
    sys.path.insert(0, str(tmp_path))
    try:
        lexicon = importlib.import_module("reconcile_copy.lexicon")
        assert "zzzcopied" in lexicon.LEXICON.incident_verbs
    finally:
        sys.path.remove(str(tmp_path))
        for name in [m for m in sys.modules if m == "reconcile_copy" or m.startswith("reconcile_copy.")]:
            del sys.modules[name]
    from reconcile.lexicon import LEXICON

    assert "zzzcopied" not in LEXICON.incident_verbs  # the installed package still reads its own
