"""Lazy reading, bounded read-ahead, and parallel extraction that gives the serial result in input order."""

from __future__ import annotations

import io
import json
import os
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from reconcile import Article, ArticleError, parallel, read_articles
from reconcile.cli import main
from reconcile.output import jsonl_row
from reconcile.parallel import extract_stream

from .conftest import SEEDS


def _seed_articles() -> list[Article]:
    return [a for a in read_articles(SEEDS) if isinstance(a, Article)]


def _many(n: int) -> list[Article | ArticleError]:
    """``n`` articles from the seeds under new ids, with an unreadable item every 7th place."""
    seeds = _seed_articles()
    out: list[Article | ArticleError] = []
    for i in range(n):
        if i % 7 == 3:
            out.append(ArticleError("corpus.jsonl", i + 1, "text", "missing"))
        else:
            out.append(seeds[i % len(seeds)].model_copy(update={"id": f"a{i}"}))
    return out


def _outcomes(items: list[Article | ArticleError], jobs: int) -> list[tuple[str, list[str] | None, str | None]]:
    return [(o.item.id if isinstance(o.item, Article) else f"bad:{o.item.line}", o.rows, o.error)
            for o in extract_stream(items, jsonl_row, jobs=jobs, min_parallel_chars=0)]


def test_parallel_output_is_the_serial_output_in_input_order(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 3)  # many small chunks: order across chunks is tested
    items = _many(40)
    serial = _outcomes(items, jobs=1)
    assert [s[0] for s in serial][:5] == ["a0", "a1", "a2", "bad:4", "a4"]
    assert sum(len(rows or []) for _, rows, _ in serial) > 100
    assert _outcomes(items, jobs=2) == serial


def test_a_failing_article_under_jobs_is_named_and_the_rest_go_on(monkeypatch: pytest.MonkeyPatch) -> None:
    real = parallel.extract

    def flaky(article: Article) -> list[object]:
        if article.id == "a5":
            raise RuntimeError("boom")
        return list(real(article))

    monkeypatch.setattr(parallel, "extract", flaky)  # the workers are forked after this: they see it
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    outcomes = list(extract_stream(_many(12), jsonl_row, jobs=2, min_parallel_chars=0))
    assert len(outcomes) == 12
    failed = [(o.item.id, o.error) for o in outcomes if o.error]
    assert failed == [("a5", "article a5: RuntimeError: boom")]
    assert all(o.rows for o in outcomes if isinstance(o.item, Article) and o.item.id != "a5")


def test_read_ahead_is_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The pool never holds more than a few chunks per worker: memory does not grow with the input."""
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 4)
    produced = 0

    def source() -> Iterator[Article | ArticleError]:
        nonlocal produced
        for a in _many(120):
            produced += 1
            yield a

    bound = 2 * parallel.IN_FLIGHT_PER_JOB * parallel.CHUNK_ARTICLES + parallel.CHUNK_ARTICLES
    worst = 0
    for done, _ in enumerate(extract_stream(source(), jsonl_row, jobs=2, min_parallel_chars=0), 1):
        worst = max(worst, produced - done)
    assert produced == 120 and 0 < worst <= bound


def test_small_input_never_starts_a_pool(monkeypatch: pytest.MonkeyPatch) -> None:
    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a pool was started for a small input")

    monkeypatch.setattr(parallel, "_Worker", no_pool)
    assert len(list(extract_stream(_many(5), jobs=2))) == 5


def test_jobs_must_be_positive(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["extract", str(SEEDS), "--jobs", "0"])
    assert "must be 1 or more" in capsys.readouterr().err


def test_cli_jobs_2_equals_jobs_1(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                  capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": f"a{i}", "text": a.text, "published": a.published.isoformat() if a.published else None})
             for i, a in enumerate(_seed_articles() * 3)]
    lines.insert(4, "{not json")
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    results = []
    for jobs in ("1", "2"):
        for command in (["extract", "--format", "jsonl"], ["compare", "--format", "json"]):
            code = main([command[0], str(corpus), *command[1:], "--jobs", jobs, "--keep-going"])
            out, err = capsys.readouterr()
            results.append((code, out, [json.loads(line)["line"] for line in err.splitlines()]))
    assert results[:2] == results[2:]
    assert results[0][0] == 1 and results[0][2] == [5] and results[0][1].count("\n") > 50


# --- lazy reading ---------------------------------------------------------------------------------

ONE = json.dumps({"id": "a1", "text": "Fifteen people were killed."})
TWO = json.dumps({"id": "a2", "text": "Three people were injured."})


def _writer(path_or_fd: str | int, got_first: threading.Event, waited: list[bool]) -> None:
    with open(path_or_fd, "w", encoding="utf-8") as fh:
        fh.write(ONE + "\n")
        fh.flush()
        waited.append(got_first.wait(timeout=10))  # False if the reader wanted the whole input first
        fh.write(TWO + "\n")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no named pipes")
def test_a_jsonl_file_is_read_as_it_comes(tmp_path: Path) -> None:
    fifo = tmp_path / "live.jsonl"
    os.mkfifo(fifo)
    got_first = threading.Event()
    waited: list[bool] = []
    _assert_read_as_it_comes(fifo, str(fifo), got_first, waited)


def test_stdin_jsonl_is_read_as_it_comes(monkeypatch: pytest.MonkeyPatch) -> None:
    r, w = os.pipe()
    got_first = threading.Event()
    waited: list[bool] = []
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(os.fdopen(r, "rb"), encoding="utf-8"))
    _assert_read_as_it_comes("-", w, got_first, waited)


def _assert_read_as_it_comes(source: Path | str, sink: str | int, got_first: threading.Event,
                             waited: list[bool]) -> None:
    """The first article is yielded while the writer still holds the second back."""
    t = threading.Thread(target=_writer, args=(sink, got_first, waited))
    t.start()
    it = read_articles(source)
    first = next(it)
    got_first.set()
    rest = list(it)
    t.join()
    assert isinstance(first, Article) and first.id == "a1"
    assert [a.id for a in rest if isinstance(a, Article)] == ["a2"] and waited == [True]


@pytest.mark.parametrize(
    "data, expected, why",
    [
        (b"\xef\xbb\xbf" + ONE.encode() + b"\n", ["a1"], "a byte-order mark before the first line"),
        (ONE.encode() + b"\r\n\r\n" + TWO.encode(), ["a1", "a2"], "CR LF, a blank line, no final newline"),
        (b"\n \n" + ONE.encode(), ["a1"], "blank lines first: line numbers still count them"),
        (json.dumps({"id": "a1", "text": "x\u2028y"}, ensure_ascii=False).encode(), ["a1"],
         "a raw U+2028 inside a JSON string is not a line break"),
    ],
)
def test_jsonl_line_shapes(data: bytes, expected: list[str], why: str, tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_bytes(data)
    items = list(read_articles(p))
    assert [a.id for a in items if isinstance(a, Article)] == expected, why
    assert not [e for e in items if isinstance(e, ArticleError)], why


def test_a_line_that_does_not_decode_is_an_error_of_that_line_only(tmp_path: Path) -> None:
    p = tmp_path / "a.jsonl"
    p.write_bytes(ONE.encode() + b'\n{"id": "a2", "text": "caf\xe9"}\n' + TWO.encode() + b"\n")
    items = list(read_articles(p))
    assert [(type(x).__name__, getattr(x, "line", None)) for x in items] == [
        ("Article", None), ("ArticleError", 2), ("Article", None)]
    err = items[1]
    assert isinstance(err, ArticleError) and "byte offset 25" in err.message and "--encoding" in err.message


def test_utf16_jsonl_still_reads(tmp_path: Path) -> None:
    """An encoding that does not write a newline as one byte is read whole, then split."""
    p = tmp_path / "a.jsonl"
    p.write_bytes((ONE + "\n" + TWO + "\n").encode("utf-16"))
    assert [a.id for a in read_articles(p, encoding="utf-16") if isinstance(a, Article)] == ["a1", "a2"]


def test_unknown_encoding_says_what_to_pass(capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(SEEDS), "--encoding", "klingon"])
    err = capsys.readouterr().err
    assert code == 2 and "unknown encoding 'klingon'" in err and "--encoding" in err


def test_an_empty_directory_is_an_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["extract", str(tmp_path)])
    assert code == 2 and "neither an index.jsonl nor .txt files" in capsys.readouterr().err


def test_progress_bar_only_on_a_terminal_and_not_with_quiet(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    from reconcile import cli

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr(cli._Progress, "DELAY", 0.0)  # show it at once rather than after a second
    monkeypatch.setattr(cli._Progress, "EVERY", 0.0)
    target = tmp_path / "claims.jsonl"
    shown = []
    for quiet in ([], ["--quiet"]):
        err = Terminal()
        monkeypatch.setattr(sys, "stderr", err)
        assert main(["extract", str(SEEDS), "-o", str(target), "--jobs", "1", *quiet]) == 0
        shown.append("extracting" in err.getvalue())
    monkeypatch.undo()
    code = main(["extract", str(SEEDS), "-o", str(target), "--jobs", "1"])  # stderr captured: not a terminal
    assert code == 0 and "extracting" not in capsys.readouterr().err
    assert shown == [True, False]
