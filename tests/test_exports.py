"""Output formats of extract and compare, tables for people, DataFrames, the HTML report command, -o files."""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import sys
import types
from pathlib import Path
from typing import Any

import pytest
import regex

from reconcile import Article, Claim, Report, extract, read_articles, reconcile
from reconcile.cli import main
from reconcile.output import CLAIM_COLUMNS, FORMATS, GROUP_COLUMNS, render_claims, render_report, report_dict

from .conftest import SEEDS

ANSI = "\x1b["
COLOUR = regex.compile(r"\x1b\[(?:[0-9]+;)*(?:3[0-8]|9[0-7])(?:;[0-9]+)*m")  # a foreground colour (NO_COLOR keeps bold)


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err



@pytest.fixture(scope="module")
def seed_report(seed_claims: list[Claim]) -> Report:
    return reconcile(seed_claims)


# --- extract: each format read back by its own parser -------------------------------------------

def _extract_rows(fmt: str, out: str) -> list[dict[str, Any]]:
    if fmt == "jsonl":
        return [json.loads(line) for line in out.splitlines()]
    if fmt == "json":
        rows: list[dict[str, Any]] = json.loads(out)
        return rows
    if fmt == "csv":
        return list(csv.DictReader(io.StringIO(out)))
    lines = [line for line in out.splitlines() if line.startswith("| ")]
    return [{"line": line} for line in lines[1:]]  # markdown: the header row, then one row a claim


@pytest.mark.parametrize("fmt", ["jsonl", "json", "csv", "markdown"])
def test_extract_formats_hold_every_claim(fmt: str, seed_claims: list[Claim],
                                          capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEEDS), "--format", fmt], capsys)
    rows = _extract_rows(fmt, out)
    assert code == 0 and len(rows) == len(seed_claims)
    if fmt == "csv":
        assert tuple(rows[0]) == CLAIM_COLUMNS and rows[0]["id"] == seed_claims[0].id


def test_streamed_json_is_the_json_of_the_whole(seed_claims: list[Claim], seed_report: Report) -> None:
    """The streaming writers give byte for byte what one json.dumps of the whole gives."""
    flat = json.loads(render_claims(seed_claims, "jsonl").replace("\n", ",").join("[]").replace(",]", "]"))
    assert render_claims(seed_claims, "json") == json.dumps(flat, ensure_ascii=False, indent=2) + "\n"
    assert render_report(seed_report, "json") == json.dumps(report_dict(seed_report), ensure_ascii=False,
                                                            indent=2) + "\n"
    assert render_claims([], "json") == "[]\n"
    assert json.loads(render_report(Report(claims=[], groups=[]), "json")) == {"claims": [], "groups": []}


# --- compare -------------------------------------------------------------------------------------

def test_compare_jsonl_is_one_group_a_line_with_its_claims(seed_report: Report,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEEDS), "--format", "jsonl"], capsys)
    groups = [json.loads(line) for line in out.splitlines()]
    assert code == 0 and [g["id"] for g in groups] == [g.id for g in seed_report.groups]
    for g in groups:
        assert [c["id"] for c in g["claims"]] == g["claim_ids"]
    assert sorted(c["id"] for g in groups for c in g["claims"]) == sorted(c.id for c in seed_report.claims)


def test_compare_csv_is_one_row_a_claim_in_a_group(seed_report: Report, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEEDS), "--format", "csv"], capsys)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and tuple(rows[0]) == (*GROUP_COLUMNS, *CLAIM_COLUMNS)
    assert len(rows) == sum(len(g.claim_ids) for g in seed_report.groups)
    sizes = {g.id: len(g.claim_ids) for g in seed_report.groups}
    assert all(int(r["group_size"]) == sizes[r["group_id"]] for r in rows)


@pytest.mark.parametrize("fmt", ["markdown", "table"])
def test_compare_for_people_shows_each_group_of_two(fmt: str, seed_report: Report,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEEDS), "--format", fmt], capsys)
    shown = [g for g in seed_report.groups if len(g.claim_ids) >= 2]
    assert code == 0 and shown
    for g in shown:
        assert g.label in out
    assert ANSI not in out  # captured output is not a terminal: no colour


def test_compare_with_no_shared_figure_says_so(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "one.txt"
    p.write_text("Fifteen people were killed on Thursday.", encoding="utf-8")
    for fmt in ("table", "markdown"):
        code, out, _ = run(["compare", str(p), "--format", fmt, "--published", "2014-07-24"], capsys)
        assert code == 0 and out == "No figure is reported by more than one article.\n"


# --- tables for people: rich, colour only on a terminal ------------------------------------------

class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize(
    "env, out_is_terminal, coloured",
    [
        ({}, True, True),                 # a terminal: colour
        ({"NO_COLOR": "1"}, True, False),  # NO_COLOR: https://no-color.org
        ({}, False, False),               # a pipe or a file: plain text
    ],
)
def test_colour_only_on_a_terminal(env: dict[str, str], out_is_terminal: bool, coloured: bool,
                                   seed_report: Report, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile.output import write_report

    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)
    monkeypatch.setenv("TERM", "xterm-256color")
    for k, v in env.items():
        monkeypatch.setenv(k, v)
    out = _Terminal() if out_is_terminal else io.StringIO()
    write_report(seed_report, "table", out)
    assert bool(COLOUR.search(out.getvalue())) is coloured
    if not out_is_terminal:
        assert ANSI not in out.getvalue()  # not even bold
    assert "consistent" in out.getvalue()


def test_table_cells_are_not_markup() -> None:
    """Text with [brackets] is text, not rich markup: nothing vanishes from the cell."""
    claims = extract("Fifteen people were killed.", id="[bold]a1[/bold]")
    out = render_claims(claims, "table")
    assert "[bold]a1[/bold]" in out and ANSI not in out


def test_markdown_escapes_pipes() -> None:
    claims = extract("Fifteen people were killed, the a|b ministry said.", id="p|q")
    out = render_claims(claims, "markdown")
    assert "p\\|q" in out and out.splitlines()[2].count(" | ") == 6


def test_unknown_format_is_named() -> None:
    with pytest.raises(ValueError, match="unknown format 'xml'; one of jsonl, json, csv, markdown, table"):
        render_claims([], "xml")
    assert FORMATS == ("jsonl", "json", "csv", "markdown", "table")


# --- -o files: normal permissions, never a device replaced ---------------------------------------

@pytest.mark.parametrize("umask, mode", [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_output_file_respects_the_umask(umask: int, mode: int, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "claims.jsonl"
    old = os.umask(umask)
    try:
        code, _, _ = run(["extract", str(SEEDS), "-o", str(target)], capsys)
    finally:
        os.umask(old)
    assert code == 0 and stat.S_IMODE(target.stat().st_mode) == mode


def test_output_file_keeps_the_mode_of_the_file_it_replaces(tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "claims.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    code, _, _ = run(["extract", str(SEEDS), "--format", "csv", "-o", str(target)], capsys)
    assert code == 0 and stat.S_IMODE(target.stat().st_mode) == 0o640
    assert target.read_text(encoding="utf-8").startswith("id,article_id,")


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="no /dev/null")
def test_output_to_a_device_writes_through_it(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = run(["extract", str(SEEDS), "-o", "/dev/null"], capsys)
    assert code == 0 and stat.S_ISCHR(os.stat("/dev/null").st_mode)


def test_output_into_a_missing_directory_says_where(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["extract", str(SEEDS), "-o", str(tmp_path / "no" / "such.jsonl")], capsys)
    assert code == 2 and err.startswith("reconcile: ") and "No such file or directory" in err


# --- DataFrames -----------------------------------------------------------------------------------

def test_claims_to_pandas_has_one_flat_row_per_claim(seed_claims: list[Claim]) -> None:
    pytest.importorskip("pandas")
    from reconcile.frames import claims_to_pandas

    df = claims_to_pandas(seed_claims)
    assert len(df) == len(seed_claims) and set(CLAIM_COLUMNS) <= set(df.columns)
    assert list(df["id"]) == [c.id for c in seed_claims]
    assert str(df["low"].dtype) == "Int64"  # counts stay whole, a missing bound is <NA>, not NaN
    assert df["high"].isna().sum() == sum(c.figure.high is None for c in seed_claims)
    assert claims_to_pandas([]).empty


def test_report_to_pandas_claims_and_relations(seed_report: Report) -> None:
    pytest.importorskip("pandas")
    from reconcile.frames import report_to_pandas

    claims = report_to_pandas(seed_report)
    relations = report_to_pandas(seed_report, what="relations")
    assert len(claims) == sum(len(g.claim_ids) for g in seed_report.groups)
    assert len(relations) == sum(len(g.relations) for g in seed_report.groups)
    assert set(relations["relation"]) <= {"consistent", "update", "conflict"}
    first = seed_report.groups[0]
    assert list(claims.loc[claims["group_id"] == first.id, "id"]) == first.claim_ids
    with pytest.raises(ValueError, match="relations"):
        report_to_pandas(seed_report, what="groups")  # type: ignore[arg-type]


def test_frames_without_pandas_say_what_to_install(seed_claims: list[Claim], monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile.frames import MissingExtraError, claims_to_pandas

    monkeypatch.setitem(sys.modules, "pandas", None)  # as if it were not installed
    with pytest.raises(ImportError, match=r'pip install "reconcile\[pandas\]"') as e:
        claims_to_pandas(seed_claims)
    assert isinstance(e.value, MissingExtraError)


# --- reconcile report ----------------------------------------------------------------------------

def test_report_calls_the_renderer_with_the_report_and_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                 capsys: pytest.CaptureFixture[str]) -> None:
    seen: dict[str, Any] = {}

    def render_html(report: Report, articles: list[Article], *, progress: Any = None) -> str:
        seen.update(report=report, articles=articles)
        progress(1, 2)  # the CLI passes a callback for its progress bar
        return f"<html>groups: {len(report.groups)}</html>"

    monkeypatch.setitem(sys.modules, "reconcile.html_report", types.SimpleNamespace(render_html=render_html))
    target = tmp_path / "report.html"
    code, _, err = run(["report", str(SEEDS), "-o", str(target)], capsys)
    assert code == 0 and target.read_text(encoding="utf-8") == f"<html>groups: {len(seen['report'].groups)}</html>"
    assert [a.id for a in seen["articles"]] == [a.id for a in read_articles(SEEDS) if isinstance(a, Article)]
    assert f"wrote {target}" in err


@pytest.mark.parametrize("missing", ["jinja2", "matplotlib"])
def test_report_without_the_extra_says_what_to_install(missing: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setitem(sys.modules, missing, None)

    def render_html(report: Report, articles: list[Article], *, progress: Any = None) -> str:
        __import__(missing)  # the renderer imports its libraries when it runs
        return ""

    # whether the module imports the library at the top or inside render_html, the message is the same
    monkeypatch.setitem(sys.modules, "reconcile.html_report", types.SimpleNamespace(render_html=render_html))
    target = tmp_path / "report.html"
    code, _, err = run(["report", str(SEEDS), "-o", str(target)], capsys)
    assert code == 2 and not target.exists()
    assert err == 'reconcile report needs the report extra: pip install "reconcile[report]"\n'


def test_report_module_importing_a_missing_library(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.delitem(sys.modules, "reconcile.html_report", raising=False)
    monkeypatch.setitem(sys.modules, "jinja2", None)
    monkeypatch.setitem(sys.modules, "matplotlib", None)
    code, _, err = run(["report", str(SEEDS), "-o", str(tmp_path / "r.html")], capsys)
    assert code == 2 and err == 'reconcile report needs the report extra: pip install "reconcile[report]"\n'


def test_report_to_a_terminal_asks_for_a_file(monkeypatch: pytest.MonkeyPatch,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)  # HTML on a terminal helps nobody
    code, out, err = run(["report", str(SEEDS)], capsys)
    assert code == 2 and out == "" and "-o report.html" in err


def test_report_keep_going_renders_the_good_articles(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     capsys: pytest.CaptureFixture[str]) -> None:
    def render_html(report: Report, articles: list[Article], *, progress: Any = None) -> str:
        return " ".join(a.id for a in articles)

    monkeypatch.setitem(sys.modules, "reconcile.html_report", types.SimpleNamespace(render_html=render_html))
    corpus = tmp_path / "c.jsonl"
    corpus.write_text('{"id": "a1", "text": "Nine died."}\n{"id": 5}\n{"id": "a3", "text": "Ten died."}\n',
                      encoding="utf-8")
    code, out, err = run(["report", str(corpus), "--keep-going"], capsys)
    assert code == 1 and out == "a1 a3" and json.loads(err.splitlines()[0])["line"] == 2


def test_report_progress_shows_the_charts(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from reconcile import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    def render_html(report: Report, articles: list[Article], *, progress: Any = None) -> str:
        for k in range(3):
            progress(k + 1, 3)
        return "<html></html>"

    monkeypatch.setitem(sys.modules, "reconcile.html_report", types.SimpleNamespace(render_html=render_html))
    monkeypatch.setattr(cli._Progress, "DELAY", 0.0)
    monkeypatch.setattr(cli._Progress, "EVERY", 0.0)
    err = Terminal()
    monkeypatch.setattr(sys, "stderr", err)
    assert main(["report", str(SEEDS), "-o", str(tmp_path / "r.html"), "--jobs", "1"]) == 0
    assert "drawing charts" in err.getvalue() and "3/3" in err.getvalue()
