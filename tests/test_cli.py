"""The command line, and every bad input a user can hand it, with the message they see."""

from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest

from reconcile.cli import main

from .conftest import SEEDS


def run(args: list[str], capsys: pytest.CaptureFixture[str], stdin: bytes | None = None,
        monkeypatch: pytest.MonkeyPatch | None = None) -> tuple[int, str, str]:
    if stdin is not None and monkeypatch is not None:
        monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin), encoding="utf-8"))
    code = main(args)
    out, err = capsys.readouterr()
    return code, out, err


def _jsonl(tmp_path: Path, lines: list[str]) -> Path:
    p = tmp_path / "articles.jsonl"
    p.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return p


GOOD = json.dumps({"id": "a1", "text": "Fifteen people were killed on Thursday.", "published": "2014-07-24",
                   "publisher": None, "title": None, "url": None})


def test_extract_contract_keys(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEEDS), "--format", "jsonl"], capsys)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert rows
    for key in ("id", "article_id", "start", "end", "text", "low", "high", "approximate", "metric", "source",
                "event_date"):
        assert key in rows[0]
    assert len({r["id"] for r in rows}) == len(rows)


@pytest.mark.parametrize("fmt", ["json", "csv", "table"])
def test_extract_formats(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["extract", str(SEEDS), "--format", fmt], capsys)
    assert code == 0 and "34,789" in out


def test_compare_contract(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEEDS), "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 0 and report["claims"] and report["groups"]
    assert {"id", "claim_ids", "relations"} <= set(report["groups"][0])


@pytest.mark.parametrize("fmt", ["table", "markdown"])
def test_compare_for_people(fmt: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["compare", str(SEEDS), "--format", fmt], capsys)
    assert code == 0 and "consistent" in out


def test_schema(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["schema", "claim"], capsys)
    assert code == 0 and json.loads(out)["title"] == "Claim"


def test_txt_file_with_flags(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "story.txt"
    p.write_text("Medics said one Palestinian was killed on Tuesday.", encoding="utf-8")
    code, out, _ = run(["extract", str(p), "--published", "2024-05-08", "--publisher", "Reuters"], capsys)
    row = json.loads(out)
    assert code == 0 and row["article_id"] == "story" and row["event_date"] == "2024-05-07"
    assert row["publisher"] == "Reuters"


def test_stdin_text(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> None:
    code, out, _ = run(["extract", "-", "--published", "2014-07-24"], capsys,
                       stdin=b"Fifteen people were killed.", monkeypatch=monkeypatch)
    assert code == 0 and json.loads(out)["low"] == 15


def test_malformed_line_names_file_line_and_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _jsonl(tmp_path, [GOOD, json.dumps({"id": "a2", "txt": "oops"})])
    code, out, err = run(["extract", str(p)], capsys)
    # claims stream out as they come: those read before the bad line are out, then the run stops
    assert code == 2 and [json.loads(line)["article_id"] for line in out.splitlines()] == ["a1"]
    assert f"{p}:2:" in err and "txt" in err and "--keep-going" in err


def test_a_stopped_run_leaves_no_output_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _jsonl(tmp_path, [GOOD, "{not json"])
    target = tmp_path / "claims.jsonl"
    code, _, err = run(["extract", str(p), "-o", str(target)], capsys)
    assert code == 2 and ":2:" in err and not target.exists()
    assert not list(tmp_path.glob(".claims.jsonl.*"))


def test_keep_going_reports_and_continues(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _jsonl(tmp_path, [GOOD, "{not json", json.dumps({"id": "a3", "text": "x", "published": "2024-02-30"})])
    code, out, err = run(["extract", str(p), "--keep-going"], capsys)
    assert code == 1
    assert [json.loads(line)["article_id"] for line in out.splitlines()] == ["a1"]
    errors = [json.loads(line) for line in err.splitlines()]
    assert [(e["line"], e["field"]) for e in errors] == [(2, None), (3, "published")]


def test_missing_text_field(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _jsonl(tmp_path, [json.dumps({"id": "a"})])
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2 and ":1: field text: missing" in err


def test_not_utf8_names_the_byte(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "bad.txt"
    p.write_bytes(b"12 people died \xff here")
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2 and "byte offset 15" in err and "--encoding" in err
    code, out, _ = run(["extract", str(p), "--encoding", "latin-1"], capsys)
    assert code == 0 and json.loads(out)["low"] == 12


def test_bom_and_crlf_offsets_index_the_text_as_read(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "crlf.txt"
    text = "Headline\r\n\r\nFifteen people were killed.\r\n"
    p.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    code, out, _ = run(["extract", str(p)], capsys)
    row = json.loads(out)
    assert code == 0 and text[row["start"]:row["end"]] == "Fifteen"


def test_empty_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "empty.txt"
    p.write_text("", encoding="utf-8")
    code, out, _ = run(["extract", str(p)], capsys)
    assert code == 0 and out == ""


def test_nul_bytes_and_other_languages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = tmp_path / "odd.txt"
    p.write_text("Quince personas murieron\x00 el jueves. 十五人死亡。", encoding="utf-8")
    code, _, _ = run(["extract", str(p)], capsys)
    assert code == 0


def test_missing_path(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(["extract", "/nonexistent/file.jsonl"], capsys)
    assert code == 2 and "no such file" in err


def test_output_file_is_written_whole(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "claims.jsonl"
    code, _, _ = run(["extract", str(SEEDS), "-o", str(out)], capsys)
    assert code == 0 and out.read_text().count("\n") > 10
    assert not list(tmp_path.glob(".claims.jsonl.*"))


def test_evaluate_on_seeds(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(["evaluate", str(SEEDS), str(SEEDS / "gold.jsonl")], capsys)
    measures = dict(line.split() for line in out.splitlines() if line.strip())
    assert code == 0
    assert float(measures["detect_f1"]) >= 0.95
    assert float(measures["claim_f1"]) >= 0.90
    assert float(measures["source_acc"]) >= 0.90
    assert float(measures["event_date_acc"]) >= 0.90
    assert float(measures["group_f1"]) >= 0.90
    assert float(measures["relation_acc"]) >= 0.90


def test_extra_field_is_named(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    p = _jsonl(tmp_path, [json.dumps({"id": "a", "text": "3 died.", "colour": "red"})])
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2 and ":1: field colour: unknown field(s) colour" in err


def test_future_publication_date_warns(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                       caplog: pytest.LogCaptureFixture) -> None:
    p = _jsonl(tmp_path, [json.dumps({"id": "a", "text": "Fifteen people were killed on Monday.",
                                      "published": "2999-01-01"})])
    code, out, _ = run(["extract", str(p)], capsys)
    assert code == 0 and json.loads(out)["low"] == 15
    assert "in the future" in caplog.text


def test_compare_keep_going_keeps_the_good_articles(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    good2 = json.dumps({"id": "a2", "text": "Sixteen people were killed on Thursday.", "published": "2014-07-25"})
    p = _jsonl(tmp_path, [GOOD, "[1, 2]", good2])
    code, out, err = run(["compare", str(p), "--keep-going", "--format", "json"], capsys)
    report = json.loads(out)
    assert code == 1
    assert {c["article_id"] for c in report["claims"]} == {"a1", "a2"}
    assert json.loads(err.splitlines()[0])["line"] == 2


def test_an_internal_error_names_its_article(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    import reconcile.parallel as parallel

    def broken(article: object) -> list[object]:
        raise RuntimeError("boom")

    monkeypatch.setattr(parallel, "extract", broken)
    p = _jsonl(tmp_path, [GOOD])
    code, _, err = run(["extract", str(p)], capsys)
    assert code == 2 and "article a1: RuntimeError: boom" in err and "--keep-going" in err
    code, out, err = run(["extract", str(p), "--keep-going"], capsys)
    assert code == 1 and out == "" and json.loads(err)["article_id"] == "a1"
