"""The worker processes of ``extract_stream``: a dead worker is named, an early stop ends them, full pipes do not block."""

from __future__ import annotations

import json
import multiprocessing
import os
from pathlib import Path

import pytest

from reconcile import Article, ArticleError, parallel, read_articles
from reconcile.cli import main
from reconcile.errors import ReconcileError
from reconcile.output import jsonl_row
from reconcile.parallel import extract_stream

from .conftest import SEEDS


def _many(n: int) -> list[Article | ArticleError]:
    seeds = [a for a in read_articles(SEEDS) if isinstance(a, Article)]
    return [seeds[i % len(seeds)].model_copy(update={"id": f"a{i}"}) for i in range(n)]


def _rows(jobs: int, n: int = 24) -> list[tuple[str, list[str] | None]]:
    return [(o.item.id if isinstance(o.item, Article) else "bad", o.rows)
            for o in extract_stream(_many(n), jsonl_row, jobs=jobs, min_parallel_chars=0)]


def test_a_dead_worker_names_the_articles_it_held(monkeypatch: pytest.MonkeyPatch) -> None:
    real = parallel.extract

    def dies(article: Article) -> list[object]:
        if article.id == "a5":
            os._exit(3)
        return list(real(article))

    monkeypatch.setattr(parallel, "extract", dies)  # the workers are forked after this: they see it
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    with pytest.raises(ReconcileError, match=r"exit code 3\) while extracting articles a4, a5;"):
        list(extract_stream(_many(12), jsonl_row, jobs=2, min_parallel_chars=0))
    assert multiprocessing.active_children() == []


def test_stopping_early_ends_the_workers(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 1)
    stream = extract_stream(_many(30), jsonl_row, jobs=2, min_parallel_chars=0)
    assert [next(stream).item for _ in range(3)]
    stream.close()
    assert multiprocessing.active_children() == []


def test_pipes_smaller_than_a_chunk_give_the_same_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks and answers larger than the pipes: the parent waits for a worker instead of blocking on a send."""
    serial = _rows(jobs=1)
    monkeypatch.setattr(parallel, "_PIPE_BYTES", 4096)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 3)
    assert _rows(jobs=3) == serial


def test_a_bad_line_under_jobs_is_named_and_ends_the_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.setattr(parallel, "MIN_PARALLEL_CHARS", 0)
    monkeypatch.setattr(parallel, "CHUNK_ARTICLES", 2)
    corpus = tmp_path / "corpus.jsonl"
    lines = [json.dumps({"id": a.id, "text": a.text}) for a in _many(9) if isinstance(a, Article)]
    lines.insert(6, json.dumps({"id": "x", "text": "Three died.", "published": "yesterday"}))
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    assert main(["extract", str(corpus), "--jobs", "2"]) == 2
    out, err = capsys.readouterr()
    assert f"{corpus}:7" in err and "published" in err and "not a date" in err
    assert [json.loads(line)["article_id"] for line in out.splitlines()][-1] in {"a0", "a1", "a2", "a3", "a4", "a5"}
    assert multiprocessing.active_children() == []
