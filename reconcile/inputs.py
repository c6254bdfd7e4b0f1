"""Reading articles: a .txt file, a JSONL file, a directory with index.jsonl, or stdin.

Bad input never disappears: every article that cannot be read becomes an
:class:`ArticleError` that names the file, the line and the field, in the
same stream as the good articles.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pydantic import ValidationError

from .errors import DecodeError, InputError
from .records import Article

__all__ = ["ArticleError", "article_from_mapping", "read_articles"]

_FIELDS = ("id", "text", "published", "publisher", "title", "url")


@dataclass(frozen=True)
class ArticleError:
    """An article that could not be read, and why."""

    path: str
    line: int | None
    field: str | None
    message: str

    def as_error(self) -> InputError:
        return InputError(self.message, path=self.path, line=self.line, field=self.field)

    def as_dict(self) -> dict[str, Any]:
        return {"type": "error", "path": self.path, "line": self.line, "field": self.field,
                "message": str(self.as_error())}


def _decode(raw: bytes, path: str, encoding: str) -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(
            f"not valid {encoding} at byte offset {e.start}; pass --encoding to read another encoding",
            path=path,
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


def read_text(path: Path, encoding: str = "utf-8") -> str:
    """A file's text, without a byte-order mark; CR LF is kept so offsets index the text as read."""
    return _decode(path.read_bytes(), str(path), encoding)


def article_from_mapping(obj: Any, *, path: str = "<input>", line: int | None = None,
                         defaults: dict[str, Any] | None = None) -> Article:
    """An :class:`Article` from a JSON object, with errors that name the place and the field."""
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", path=path, line=line)
    extra = sorted(set(obj) - set(_FIELDS) - {"date_evidence"})
    if extra:
        raise InputError(f"unknown field(s) {', '.join(extra)}", path=path, line=line, field=extra[0])
    for key in ("id", "text"):
        if key not in obj:
            raise InputError("missing", path=path, line=line, field=key)
    data = {**(defaults or {}), **{k: obj[k] for k in _FIELDS if k in obj}}
    pub = data.get("published")
    if isinstance(pub, str):
        try:
            data["published"] = dt.date.fromisoformat(pub)
        except ValueError:
            raise InputError(f"not a date (YYYY-MM-DD): {pub!r}", path=path, line=line,
                             field="published") from None
    try:
        return Article(**data)
    except ValidationError as e:
        err = e.errors()[0]
        field = ".".join(str(x) for x in err["loc"]) or None
        raise InputError(err["msg"], path=path, line=line, field=field) from None


def _jsonl(text: str, path: str) -> Iterator[Article | ArticleError]:
    for n, raw in enumerate(text.splitlines(), 1):
        if not raw.strip():
            continue
        try:
            obj = json.loads(raw)
        except json.JSONDecodeError as e:
            yield ArticleError(path, n, None, f"not JSON: {e.msg} at column {e.colno}")
            continue
        try:
            yield article_from_mapping(obj, path=path, line=n)
        except InputError as e:
            yield ArticleError(path, n, e.field, e.message)


def read_articles(source: str | Path, *, encoding: str = "utf-8", **meta: Any) -> Iterator[Article | ArticleError]:
    """Every article in ``source`` ("-" for stdin), each good one as an Article, each bad one as an ArticleError.

    ``meta`` (``id``, ``published``, ``publisher``, ``title``, ``url``) applies to a single
    ``.txt`` file or to text on stdin.
    """
    if str(source) == "-":
        raw = sys.stdin.buffer.read()
        text = _decode(raw, "<stdin>", encoding)
        if text.lstrip().startswith("{"):
            yield from _jsonl(text, "<stdin>")
        else:
            yield _single(text, "<stdin>", meta)
        return
    path = Path(source)
    if not path.exists():
        raise InputError("no such file or directory", path=str(path))
    if path.is_dir():
        yield from _directory(path, encoding)
        return
    try:
        text = read_text(path, encoding)
    except DecodeError as e:
        yield ArticleError(str(path), None, None, e.message)
        return
    if path.suffix in (".jsonl", ".ndjson", ".json"):
        yield from _jsonl(text, str(path))
    else:
        meta.setdefault("id", path.stem)
        yield _single(text, str(path), meta)


def _single(text: str, path: str, meta: dict[str, Any]) -> Article | ArticleError:
    obj = {"id": meta.get("id") or "stdin", "text": text,
           **{k: v for k, v in meta.items() if k in _FIELDS and k not in ("id", "text") and v is not None}}
    if isinstance(obj.get("published"), dt.date):
        obj["published"] = obj["published"].isoformat()
    try:
        return article_from_mapping(obj, path=path)
    except InputError as e:
        return ArticleError(path, None, e.field, e.message)


def _directory(path: Path, encoding: str) -> Iterator[Article | ArticleError]:
    index = path / "index.jsonl"
    if index.exists():
        ipath = str(index)
        for n, raw in enumerate(read_text(index, encoding).splitlines(), 1):
            if not raw.strip():
                continue
            try:
                meta = json.loads(raw)
            except json.JSONDecodeError as e:
                yield ArticleError(ipath, n, None, f"not JSON: {e.msg} at column {e.colno}")
                continue
            if not isinstance(meta, dict) or "id" not in meta:
                yield ArticleError(ipath, n, "id", "missing")
                continue
            txt = path / f"{meta['id']}.txt"
            try:
                text = read_text(txt, encoding)
            except FileNotFoundError:
                yield ArticleError(str(txt), None, None, f"listed in {ipath}:{n} but missing")
                continue
            except DecodeError as e:
                yield ArticleError(str(txt), None, None, e.message)
                continue
            obj = {k: v for k, v in meta.items() if k in _FIELDS}
            obj["text"] = text
            try:
                yield article_from_mapping(obj, path=ipath, line=n)
            except InputError as e:
                yield ArticleError(ipath, n, e.field, e.message)
        return
    for txt in sorted(path.glob("*.txt")):
        try:
            yield _single(read_text(txt, encoding), str(txt), {"id": txt.stem})
        except DecodeError as e:
            yield ArticleError(str(txt), None, None, e.message)
