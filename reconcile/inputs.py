"""Reading articles: a .txt file, a JSONL file, a directory with index.jsonl, or stdin.

Bad input never disappears: every article that cannot be read becomes an
:class:`ArticleError` that names the file, the line and the field, in the
same stream as the good articles.

Reading is lazy: a JSONL file (or stdin, or a directory's index) is read one
line at a time and a directory's texts one file at a time, so memory does not
grow with the size of the corpus, only with its longest article.

>>> import tempfile, pathlib
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "a.jsonl").write_text('{"id": "a1", "text": "3 died."}\\n\\n{"id": 2}\\n', encoding="utf-8")
>>> [type(x).__name__ for x in read_articles(d / "a.jsonl")]
['Article', 'ArticleError']
"""

from __future__ import annotations

import codecs
import datetime as dt
import json
import os
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from pydantic import ValidationError

from .errors import DecodeError, InputError
from .records import Article

__all__ = ["ArticleError", "article_from_mapping", "count_articles", "read_articles"]

_FIELDS = ("id", "text", "published", "publisher", "title", "url")
_JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")
_CHUNK = 1 << 16


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


def _check_encoding(encoding: str) -> bool:
    """Whether ``encoding`` writes a newline as the byte 0x0A (so a file can be split into lines as bytes)."""
    try:
        codecs.lookup(encoding)
    except LookupError:
        raise InputError(f"unknown encoding {encoding!r}; pass --encoding with a name Python knows "
                         "(utf-8, latin-1, cp1252, utf-16 ...)") from None
    try:
        return '\n{}"'.encode(encoding) == b'\n{}"'
    except UnicodeError:  # pragma: no cover - an encoding that cannot write ASCII
        return False


def _decode(raw: bytes, path: str, encoding: str, where: str = "") -> str:
    try:
        text = raw.decode(encoding)
    except UnicodeDecodeError as e:
        raise DecodeError(
            f"not valid {encoding} at byte offset {e.start}{where}; pass --encoding to read another encoding",
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


def _lines(raw_lines: Iterable[bytes], path: str, encoding: str) -> Iterator[tuple[int, str | ArticleError]]:
    """Each non-blank line, decoded, with its number; a line that does not decode is an error of that line."""
    for n, raw in enumerate(raw_lines, 1):
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError as e:
            yield n, ArticleError(path, n, None, f"not valid {encoding} at byte offset {e.start} of the line; "
                                                 "pass --encoding to read another encoding")
            continue
        if n == 1 and text.startswith("\ufeff"):
            text = text[1:]
        if text.strip():
            yield n, text


def _text_lines(text: str) -> Iterator[bytes]:
    """Lines of an already decoded text, for encodings that cannot be split as bytes (UTF-16, UTF-32)."""
    for line in text.split("\n"):
        yield line.encode("utf-8")


def _jsonl(raw_lines: Iterable[bytes], path: str, encoding: str) -> Iterator[Article | ArticleError]:
    for n, line in _lines(raw_lines, path, encoding):
        if isinstance(line, ArticleError):
            yield line
            continue
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as e:
            yield ArticleError(path, n, None, f"not JSON: {e.msg} at column {e.colno}")
            continue
        try:
            yield article_from_mapping(obj, path=path, line=n)
        except InputError as e:
            yield ArticleError(path, n, e.field, e.message)


def _jsonl_file(path: Path, encoding: str, bytewise: bool) -> Iterator[Article | ArticleError]:
    if not bytewise:
        try:
            text = read_text(path, encoding)
        except DecodeError as e:
            yield ArticleError(str(path), None, None, e.message)
            return
        yield from _jsonl(_text_lines(text), str(path), "utf-8")
        return
    with path.open("rb") as fh:
        yield from _jsonl(fh, str(path), encoding)


def _chain_lines(head: bytes, rest: IO[bytes]) -> Iterator[bytes]:
    """The lines of ``head`` followed by the rest of a stream, the split line joined."""
    parts = head.split(b"\n")
    for p in parts[:-1]:
        yield p + b"\n"
    partial = parts[-1]
    for line in rest:
        if partial:
            line = partial + line
            partial = b""
        yield line
    if partial:
        yield partial


def _stdin(encoding: str, bytewise: bool, meta: dict[str, Any]) -> Iterator[Article | ArticleError]:
    buf: IO[bytes] = sys.stdin.buffer
    read = getattr(buf, "read1", buf.read)
    head = b""
    while not head.strip():  # enough to see the first character: JSONL or a text
        chunk = read(_CHUNK)
        if not chunk:
            break
        head += chunk
    first = head.decode(encoding, errors="ignore").lstrip("\ufeff \t\r\n")[:1] if bytewise else ""
    if bytewise and first == "{":
        yield from _jsonl(_chain_lines(head, buf), "<stdin>", encoding)
        return
    try:
        text = _decode(head + buf.read(), "<stdin>", encoding)
    except DecodeError as e:
        yield ArticleError("<stdin>", None, None, e.message)
        return
    if text.lstrip().startswith("{"):
        yield from _jsonl(_text_lines(text), "<stdin>", "utf-8")
    else:
        yield _single(text, "<stdin>", meta)


def read_articles(source: str | Path, *, encoding: str = "utf-8", **meta: Any) -> Iterator[Article | ArticleError]:
    """Every article in ``source`` ("-" for stdin), each good one as an Article, each bad one as an ArticleError.

    ``meta`` (``id``, ``published``, ``publisher``, ``title``, ``url``) applies to a single
    ``.txt`` file or to text on stdin. Articles are read one at a time, as they are asked for.
    """
    bytewise = _check_encoding(encoding)
    if str(source) == "-":
        yield from _stdin(encoding, bytewise, meta)
        return
    path = Path(source)
    if not path.exists():
        raise InputError("no such file or directory; give a JSONL file of articles, a directory of .txt "
                         "files (with an index.jsonl of their metadata), a .txt file, or - for stdin",
                         path=str(path))
    if path.is_dir():
        yield from _directory(path, encoding, bytewise)
        return
    if path.suffix in _JSONL_SUFFIXES:
        yield from _jsonl_file(path, encoding, bytewise)
        return
    try:
        text = read_text(path, encoding)
    except DecodeError as e:
        yield ArticleError(str(path), None, None, e.message)
        return
    meta.setdefault("id", path.stem)
    yield _single(text, str(path), meta)


def count_articles(source: str | Path) -> int | None:
    """About how many articles ``source`` holds (its non-empty lines, or its .txt files), or None for stdin.

    Cheap next to extraction (a byte count of newlines), for a progress bar's total.
    """
    if str(source) == "-":
        return None
    path = Path(source)
    if path.is_dir():
        index = path / "index.jsonl"
        if not index.exists():
            return sum(1 for e in os.scandir(path) if e.name.endswith(".txt"))
        path = index
    elif path.suffix not in _JSONL_SUFFIXES:
        return 1
    try:
        n = 0
        last = b"\n"
        with path.open("rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                n += chunk.count(b"\n")
                last = chunk[-1:]
        return n + (last != b"\n")
    except OSError:
        return None


def _single(text: str, path: str, meta: dict[str, Any]) -> Article | ArticleError:
    obj = {"id": meta.get("id") or "stdin", "text": text,
           **{k: v for k, v in meta.items() if k in _FIELDS and k not in ("id", "text") and v is not None}}
    if isinstance(obj.get("published"), dt.date):
        obj["published"] = obj["published"].isoformat()
    try:
        return article_from_mapping(obj, path=path)
    except InputError as e:
        return ArticleError(path, None, e.field, e.message)


def _index_lines(index: Path, encoding: str, bytewise: bool) -> Iterator[tuple[int, str | ArticleError]]:
    ipath = str(index)
    if bytewise:
        with index.open("rb") as fh:
            yield from _lines(fh, ipath, encoding)
        return
    try:
        text = read_text(index, encoding)
    except DecodeError as e:
        yield 1, ArticleError(ipath, None, None, e.message)
        return
    yield from _lines(_text_lines(text), ipath, "utf-8")


def _directory(path: Path, encoding: str, bytewise: bool) -> Iterator[Article | ArticleError]:
    index = path / "index.jsonl"
    if index.exists():
        ipath = str(index)
        for n, line in _index_lines(index, encoding, bytewise):
            if isinstance(line, ArticleError):
                yield line
                continue
            try:
                meta = json.loads(line)
            except json.JSONDecodeError as e:
                yield ArticleError(ipath, n, None, f"not JSON: {e.msg} at column {e.colno}")
                continue
            if not isinstance(meta, dict) or "id" not in meta:
                yield ArticleError(ipath, n, "id", "missing")
                continue
            txt = path / f"{meta['id']}.txt"
            try:
                text = read_text(txt, encoding)
            except (FileNotFoundError, IsADirectoryError):
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
    names = sorted(e.name for e in os.scandir(path) if e.name.endswith(".txt") and e.is_file())
    if not names:
        raise InputError("nothing to read: the directory has neither an index.jsonl nor .txt files",
                         path=str(path))
    for name in names:
        txt = path / name
        try:
            yield _single(read_text(txt, encoding), str(txt), {"id": txt.stem})
        except DecodeError as e:
            yield ArticleError(str(txt), None, None, e.message)
