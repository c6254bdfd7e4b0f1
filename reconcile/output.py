"""Rendering claims and reports: the JSON contract, CSV, Markdown, and tables for people.

Five formats, the same names for ``extract`` and ``compare``:

=========  ==========================================  =============================================
format     extract                                     compare
=========  ==========================================  =============================================
jsonl      one claim a line (the contract)             one group a line, its claims inside
json       one array of claims                         one object ``{"claims": [...], "groups": [...]}``
csv        one row a claim                             one row a claim in a group, group columns first
markdown   one table of claims                         per group of 2+ reports: timeline and relations
table      the claims as a table (colour on a          the same as markdown, drawn for a terminal
           terminal)
=========  ==========================================  =============================================

Claims are written as they come (:class:`ClaimWriter`); only ``table`` holds
its rows until the end, to size its columns.

>>> from reconcile import extract
>>> row = flat_claim(extract("Fifteen people were killed.", id="a")[0])
>>> (row["id"], row["low"], row["metric"], row["source"])
('a:0', 15, 'killed', None)
"""

from __future__ import annotations

import csv
import io
import json
import os
import stat
import tempfile
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from .attribution import is_pronoun
from .records import Attribution, Claim, Group, Report

if TYPE_CHECKING:  # rich is imported when a table is drawn, not with the library
    from rich.console import Console, RenderableType
    from rich.table import Table

__all__ = [
    "CLAIM_COLUMNS",
    "FORMATS",
    "ClaimWriter",
    "atomic_output",
    "console_for",
    "flat_claim",
    "group_dict",
    "render_claims",
    "render_report",
    "report_dict",
    "write_atomic",
    "write_report",
]

FORMATS = ("jsonl", "json", "csv", "markdown", "table")

CLAIM_COLUMNS = ("id", "article_id", "start", "end", "text", "low", "high", "approximate", "vague",
                 "qualifier", "kind", "metric", "who", "source", "issuer", "relay", "event_date",
                 "reported_date", "publisher", "sentence")
GROUP_COLUMNS = ("group_id", "group_kind", "group_metric", "group_label", "group_size")
_PEOPLE_COLUMNS = ("article", "figure", "low", "high", "metric", "source", "event")
_RELATION_STYLE = {"consistent": "green", "update": "yellow", "conflict": "bold red"}


def _num(v: int | Decimal | None) -> int | float | None:
    if isinstance(v, Decimal):
        return float(v)
    return v


def spoken_by(source: Attribution | None) -> str | None:
    """The ``source`` of the flat contract: who the text says gave the figure, as it names them. A
    pronoun ("he said", "it added") names no one: the speaker it refers to stands in its place (the
    record keeps the words as written in ``Attribution.text`` and the sentence as evidence)."""
    if source is None:
        return None
    if is_pronoun(source.text) and source.issuer.lower() != source.text.strip().lower():
        return source.issuer
    return source.text


def flat_claim(c: Claim) -> dict[str, Any]:
    """One claim as the flat object of the command-line contract (GUIDELINES.md)."""
    f = c.figure
    return {
        "id": c.id,
        "article_id": c.article_id,
        "start": f.start,
        "end": f.end,
        "text": f.text,
        "low": _num(f.low),
        "high": _num(f.high),
        "approximate": f.approximate,
        "vague": f.vague,
        "qualifier": f.qualifier.value,
        "kind": f.kind.value,
        "metric": c.metric.value,
        "who": c.who,
        "source": spoken_by(c.source),
        "issuer": c.source.issuer if c.source else None,
        "relay": c.source.relay if c.source else None,
        "event_date": c.event_date.label if c.event_date else None,
        "reported_date": c.reported_date.label if c.reported_date else None,
        "publisher": c.publisher,
        "sentence": c.sentence,
    }


# One function per format that turns a claim into its text; module-level so that a worker
# process can render the claims it extracts (see reconcile.parallel).

def jsonl_row(c: Claim) -> str:
    """A claim as one JSON line."""
    return json.dumps(flat_claim(c), ensure_ascii=False) + "\n"


def _indented(obj: Any, indent: int) -> str:
    pad = " " * indent
    return "\n".join(pad + line for line in json.dumps(obj, ensure_ascii=False, indent=2).split("\n"))


def json_row(c: Claim) -> str:
    """A claim as an element of an indented JSON array (no separator)."""
    return _indented(flat_claim(c), 2)


def _csv_line(values: Iterable[Any]) -> str:
    buf = io.StringIO()
    csv.writer(buf, lineterminator="\n").writerow(values)
    return buf.getvalue()


def csv_row(c: Claim) -> str:
    """A claim as one CSV record (CLAIM_COLUMNS)."""
    row = flat_claim(c)
    return _csv_line(row[k] for k in CLAIM_COLUMNS)


def _md(s: str) -> str:
    return s.replace("\\", "\\\\").replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def _people_cells(row: dict[str, Any]) -> list[str]:
    return [row["article_id"], row["text"], _s(row["low"]), _s(row["high"]), row["metric"],
            row["source"] or "-", row["event_date"] or "-"]


def markdown_row(c: Claim) -> str:
    """A claim as one row of a Markdown table."""
    return "| " + " | ".join(_md(x) for x in _people_cells(flat_claim(c))) + " |\n"


def _md_head(head: Iterable[str]) -> str:
    head = list(head)
    return "| " + " | ".join(head) + " |\n" + "|" + "---|" * len(head) + "\n"


_RENDER: dict[str, Callable[[Claim], Any]] = {
    "jsonl": jsonl_row, "json": json_row, "csv": csv_row, "markdown": markdown_row, "table": flat_claim,
}


def _check(fmt: str) -> None:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; one of {', '.join(FORMATS)}")


def console_for(out: TextIO) -> Console:
    """A rich console on ``out``: colour and the terminal's width on a terminal (unless NO_COLOR is set),
    plain text elsewhere, 120 columns wide unless COLUMNS says otherwise."""
    isatty = getattr(out, "isatty", None)
    terminal = bool(isatty and isatty())
    width = None if terminal or os.environ.get("COLUMNS") else 120
    from rich.console import Console

    return Console(file=out, width=width, highlight=False, emoji=False, markup=False,
                   no_color=True if not terminal else None)


class ClaimWriter:
    """Writes claims in one of :data:`FORMATS` as they come.

    ``render`` is what to make of each claim (it may run in a worker process); pass its
    results to :meth:`write`, then call :meth:`close` once.
    """

    def __init__(self, out: TextIO, fmt: str) -> None:
        _check(fmt)
        self.out = out
        self.fmt = fmt
        self.render: Callable[[Claim], Any] = _RENDER[fmt]
        self._first = True
        self._held: list[dict[str, Any]] = []
        if fmt == "csv":
            out.write(_csv_line(CLAIM_COLUMNS))
        elif fmt == "markdown":
            out.write(_md_head(_PEOPLE_COLUMNS))
        elif fmt == "json":
            out.write("[")

    def write(self, rows: Iterable[Any]) -> None:
        """Write rendered claims (what :attr:`render` returned)."""
        if self.fmt == "table":
            self._held.extend(rows)
        elif self.fmt == "json":
            for r in rows:
                self.out.write(("\n" if self._first else ",\n") + r)
                self._first = False
        else:
            self.out.write("".join(rows))

    def close(self) -> None:
        if self.fmt == "json":
            self.out.write("]\n" if self._first else "\n]\n")
        elif self.fmt == "table":
            _print(self.out, [_claims_table(self._held)])
            self._held = []


def _print(out: TextIO, renderables: Iterable[RenderableType]) -> None:
    """Draw with rich: straight to a terminal; elsewhere as plain text without the padding at line ends."""
    console = console_for(out)
    if console.is_terminal:
        for r in renderables:
            console.print(r)
        return
    buf = io.StringIO()
    console.file = buf
    for r in renderables:
        console.print(r)
    out.write("".join(line.rstrip() + "\n" for line in buf.getvalue().splitlines()))


def _claims_table(rows: list[dict[str, Any]]) -> Table:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    table = Table(*_PEOPLE_COLUMNS, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
    for col in ("low", "high"):
        table.columns[_PEOPLE_COLUMNS.index(col)].justify = "right"
    for col in ("article", "low", "high", "metric", "event"):  # keys and numbers are never cut or wrapped
        table.columns[_PEOPLE_COLUMNS.index(col)].no_wrap = True
        table.columns[_PEOPLE_COLUMNS.index(col)].min_width = max(
            [len(col), *(len(x) for x in (_people_cells(r)[_PEOPLE_COLUMNS.index(col)] for r in rows))])
    for r in rows:
        table.add_row(*(Text(x) for x in _people_cells(r)))
    if not rows:
        table.caption = "no claims"
    return table


def render_claims(claims: Iterable[Claim], fmt: str) -> str:
    """Claims in one of :data:`FORMATS`, as a string (plain text for ``table``)."""
    buf = io.StringIO()
    w = ClaimWriter(buf, fmt)
    w.write(w.render(c) for c in claims)
    w.close()
    return buf.getvalue()


def _s(v: object) -> str:
    if v is None:
        return "-"
    if isinstance(v, int):
        return f"{v:,}"
    return str(v)


def interval(low: int | Decimal | None, high: int | Decimal | None) -> str:
    """An interval as a reader would say it (also the HTML report's words).

    >>> interval(1000000, None), interval(None, 300), interval(10, 15), interval(7, 7)
    ('1,000,000 or more', 'up to 300', '10 to 15', '7')
    """
    if low is None and high is None:
        return "no figure"
    if high is None:
        return f"{_s(low)} or more"
    if low is None:
        return f"up to {_s(high)}"
    return _s(low) if low == high else f"{_s(low)} to {_s(high)}"


def group_dict(g: Group) -> dict[str, Any]:
    """A group as in the JSON contract (relations flattened)."""
    d = g.model_dump(mode="json")
    d["relations"] = [
        {"a": r.a, "b": r.b, "relation": r.relation, "order_known": r.order_known,
         "explanation": r.explanation} for r in g.relations
    ]
    return d


def report_dict(report: Report) -> dict[str, Any]:
    """The report as the JSON contract: ``{"claims": [...], "groups": [...]}``."""
    return {"claims": [flat_claim(c) for c in report.claims], "groups": [group_dict(g) for g in report.groups]}


def json_array(out: TextIO, items: Iterable[str]) -> None:
    """Items already indented (:func:`claim_text`, :func:`group_text`) as a JSON array in the report object."""
    first = True
    for item in items:
        out.write(("[\n" if first else ",\n") + item)
        first = False
    out.write("[]" if first else "\n  ]")


def _title(g: Group) -> str:
    s = g.summary
    return (f"{g.label} [{g.kind}]: latest reports say {interval(s.low, s.high)}, "
            f"{s.independent_reports} independent report(s)")


def _notes(g: Group) -> list[str]:
    """What a reader needs to audit a group: why its claims are one quantity, what it is a part of,
    and what its parts say against it."""
    notes = [f"why: {g.why}"] if g.why else []
    if g.part_of:
        notes.append(f"part of: {g.part_of}")
    notes.extend(f"check: {c}" for c in g.checks)
    return notes


def _timeline_cells(g: Group) -> list[list[str]]:
    return [[t.date or "?", t.figure, t.issuer or "-", t.outlet or "-", t.article_id] for t in g.summary.timeline]


_TIMELINE_COLUMNS = ("date", "figure", "issuer", "outlet", "article")
_NO_GROUP = "No figure is reported by more than one article.\n"


def claim_text(c: Claim) -> str:
    """A claim as an element of the "claims" array of the ``json`` report."""
    return _indented(flat_claim(c), 4)


def group_text(g: Group, fmt: str, by_id: dict[str, Claim]) -> str | None:
    """One group of a report in ``fmt`` (its claims found in ``by_id``), or None when the format
    shows no such group (``markdown`` and ``table`` show groups of two claims or more); ``table``
    as plain text: a terminal's is drawn by :func:`write_report` at once."""
    if fmt == "json":
        return _indented(group_dict(g), 4)
    if fmt in ("jsonl", "csv"):
        claims = [flat_claim(by_id[i]) for i in g.claim_ids if i in by_id]
        if fmt == "jsonl":
            return json.dumps({**group_dict(g), "claims": claims}, ensure_ascii=False) + "\n"
        group = (g.id, g.kind, g.metric.value, g.label, len(g.claim_ids))
        return "".join(_csv_line((*group, *(row[k] for k in CLAIM_COLUMNS))) for row in claims)
    if len(g.claim_ids) < 2:
        return None
    if fmt == "markdown":
        return ("### " + _md(_title(g)) + "\n\n" + "".join(f"*{_md(n)}*\n\n" for n in _notes(g))
                + _md_head(_TIMELINE_COLUMNS)
                + "".join("| " + " | ".join(_md(x) for x in row) + " |\n" for row in _timeline_cells(g))
                + "\n" + "".join(f"- {r.relation}: {_md(r.explanation)}\n" for r in g.relations) + "\n")
    buf = io.StringIO()
    _print(buf, _group_renderables([g]))
    return buf.getvalue()


def report_head(fmt: str) -> str:
    """What a report in ``fmt`` starts with before its groups (the ``csv`` header)."""
    return _csv_line((*GROUP_COLUMNS, *CLAIM_COLUMNS)) if fmt == "csv" else ""


def write_report(report: Report, fmt: str, out: TextIO) -> None:
    """Write a report in one of :data:`FORMATS` (see the module's table), group by group."""
    _check(fmt)
    if fmt == "json":
        out.write('{\n  "claims": ')
        json_array(out, (claim_text(c) for c in report.claims))
        out.write(',\n  "groups": ')
        json_array(out, (_indented(group_dict(g), 4) for g in report.groups))
        out.write("\n}\n")
        return
    if fmt == "table" and console_for(out).is_terminal:
        shown = [g for g in report.groups if len(g.claim_ids) >= 2]
        if not shown:
            out.write(_NO_GROUP)
            return
        _print(out, _group_renderables(shown))
        return
    by_id = {c.id: c for c in report.claims} if fmt in ("jsonl", "csv") else {}
    out.write(report_head(fmt))
    written = False
    for g in report.groups:
        text = group_text(g, fmt, by_id)
        if text is not None:
            out.write(text)
            written = True
    if not written and fmt in ("markdown", "table"):
        out.write(_NO_GROUP)


def _group_renderables(groups: list[Group]) -> Iterator[RenderableType]:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    for g in groups:
        yield Text(_title(g), style="bold")
        for note in _notes(g):
            yield Text("  " + note, style="dim")
        table = Table(*_TIMELINE_COLUMNS, box=box.SIMPLE_HEAD, header_style="bold", pad_edge=False, show_edge=False)
        table.columns[_TIMELINE_COLUMNS.index("article")].no_wrap = True
        table.columns[_TIMELINE_COLUMNS.index("date")].no_wrap = True
        for row in _timeline_cells(g):
            table.add_row(*(Text(x) for x in row))
        yield table
        for r in g.relations:
            yield Text.assemble("  * ", (r.relation, _RELATION_STYLE.get(r.relation, "")), ": ", r.explanation)
        yield Text("")


def render_report(report: Report, fmt: str) -> str:
    """A report in one of :data:`FORMATS`, as a string (plain text for ``table``)."""
    buf = io.StringIO()
    write_report(report, fmt, buf)
    return buf.getvalue()


def _umask() -> int:
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # no way to read it without setting it elsewhere
    os.umask(mask)
    return mask


@contextmanager
def atomic_output(path: str | Path) -> Iterator[TextIO]:
    """A text file to write ``path`` through, so that an interrupted run never leaves half of it.

    The file gets the permissions a plain ``open(path, "w")`` would give: those of the file it
    replaces, or 0666 less the umask. A path that is not a regular file (``/dev/null``, a FIFO)
    is written directly, never replaced.
    """
    target = Path(path)
    try:
        st = target.stat()
    except FileNotFoundError:
        mode = 0o666 & ~_umask()
    else:
        if not stat.S_ISREG(st.st_mode):
            with target.open("w", encoding="utf-8", newline="") as fh:
                yield fh
            return
        mode = stat.S_IMODE(st.st_mode)
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as fh:
            yield fh
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def write_atomic(path: str | Path, data: str) -> None:
    """Write a whole file at once through :func:`atomic_output`."""
    with atomic_output(path) as fh:
        fh.write(data)
