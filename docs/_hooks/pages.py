"""MkDocs hooks: the pages that come from the code, generated at build time so they cannot fall behind it.

- ``api/<module>.md``, one page per public module of ``reconcile`` (every module whose name does
  not start with an underscore), holding ``::: reconcile.<module>``; they fill the empty
  "API reference" section of the ``nav`` in mkdocs.yml, in alphabetical order;
- ``api/index.md``: the names ``reconcile`` exports (its ``__all__``), each linked to the page
  of the module that defines it, with the first line of its docstring;
- ``examples/seeds-report.html``: the HTML report of the seed articles, linked from report.md
  (needs the report extra: the build stops and says so without it);
- a line ``<!-- cli: ARGS -->`` in a page becomes a code block of what ``reconcile ARGS`` prints
  now (``<!-- cli: schema claim -->`` is the JSON Schema of a claim); ``< TEXT`` at the end gives
  the command ``TEXT`` as standard input; ``<!-- cli exit 2: ARGS -->`` is a command meant to
  fail with that status, shown with its standard error. The command runs in-process from the directory of
  mkdocs.yml, with 100 columns; a command that fails stops the build, so a page never shows an
  option that is gone.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import os
import pkgutil
import shlex
import sys
from pathlib import Path
from typing import Any

import regex
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

import reconcile
from reconcile.cli import main as cli_main

API_SECTION = "API reference"
CLI_MARK = regex.compile(
    r"""^(?P<indent>[ ]*+)<!--[ ]cli                # a whole line: <!-- cli: ARGS -->
        (?:[ ]exit[ ](?P<status>[0-9]++))?:          # or <!-- cli exit 2: ARGS --> for a command meant to fail
        [ ](?P<args>[^\n]*?)[ ]-->[ ]*+$""",
    regex.MULTILINE | regex.VERBOSE,
)
COLUMNS = "100"


def public_modules() -> list[str]:
    """The public modules of the package: ``["attribution", "cli", ...]``."""
    return sorted(m.name for m in pkgutil.iter_modules(reconcile.__path__) if not m.name.startswith("_"))


def api_nav() -> list[dict[str, str]]:
    """The entries of the "API reference" section of the navigation."""
    return [{"Overview: the reconcile package": "api/index.md"}] + [
        {f"reconcile.{m}": f"api/{m}.md"} for m in public_modules()
    ]


def module_page(module: str) -> str:
    """The Markdown of one module's page: its docstring and its public members, by mkdocstrings."""
    return f"::: reconcile.{module}\n    options:\n      heading_level: 1\n"


def _summary(obj: object) -> str:
    doc = inspect.getdoc(obj) or ""
    return doc.strip().split("\n", 1)[0].replace("|", "\\|") if doc else ""


def index_page() -> str:
    """The package's own docstring and a table of every exported name, linked to its module page."""
    modules = set(public_modules())
    rows = []
    for name in reconcile.__all__:
        obj = getattr(reconcile, name)
        home = getattr(obj, "__module__", None)
        if not (inspect.isclass(obj) or inspect.isfunction(obj)) or not isinstance(home, str):
            continue  # __version__ and other plain values
        module = home.removeprefix("reconcile.")
        link = f"[`{name}`][{home}.{name}]" if module in modules else f"`{name}`"
        rows.append(f"| {link} | [`{home}`](./{module}.md) | {_summary(obj)} |")
    return "\n".join([
        "# The reconcile package",
        "",
        "Everything below is importable from `reconcile` itself (`from reconcile import extract`);",
        "the modules also document the helpers they keep to themselves. Generated from `reconcile.__all__`.",
        "",
        "::: reconcile",
        "    options:",
        "      heading_level: 2",
        "      show_root_heading: false",
        "      members: false",
        "",
        "| name | defined in | what it is |",
        "|---|---|---|",
        *rows,
        "",
    ])


def run_cli(args: list[str], stdin: str, cwd: Path) -> tuple[int, str, str]:
    """Run ``reconcile ARGS`` in-process: its exit status, standard output and standard error."""
    out = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    err = io.TextIOWrapper(io.BytesIO(), encoding="utf-8", newline="")
    saved = sys.stdin, os.environ.get("COLUMNS"), Path.cwd()
    sys.stdin = io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8")
    os.environ["COLUMNS"] = COLUMNS
    os.chdir(cwd)
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
            try:
                status = cli_main(args)
            except SystemExit as e:  # argparse: --help, or bad usage
                status = e.code if isinstance(e.code, int) else (0 if e.code is None else 2)
    finally:
        sys.stdin, columns, cwd_before = saved
        if columns is None:
            os.environ.pop("COLUMNS", None)
        else:
            os.environ["COLUMNS"] = columns
        os.chdir(cwd_before)
    texts = []
    for stream in (out, err):
        stream.flush()
        raw = stream.buffer
        assert isinstance(raw, io.BytesIO)
        texts.append(raw.getvalue().decode("utf-8"))
    return status, texts[0], texts[1]


def _language(output: str) -> str:
    """json when the output is JSON (one document, or one per line), else text."""
    lines = [line for line in output.splitlines() if line.strip()]
    for candidate in ([output], lines):
        try:
            for doc in candidate:
                json.loads(doc)
        except ValueError:
            continue
        return "json" if lines else "text"
    return "text"


def cli_block(marker: str, cwd: Path, where: str, expect: int = 0) -> str:
    """The fenced block that replaces ``<!-- cli: ARGS [< TEXT] -->``.

    ``expect`` is the exit status the page says the command has (``<!-- cli exit 2: ... -->``);
    a command meant to fail shows its standard error, which is what the reader sees.
    """
    words = shlex.split(marker)
    stdin = ""
    if "<" in words:
        at = words.index("<")
        if at != len(words) - 2:
            raise PluginError(f"{where}: '<' must be followed by exactly one quoted text in <!-- cli: {marker} -->")
        stdin, words = words[at + 1], words[:at]
    status, out, err = run_cli(words, stdin, cwd)
    if status != expect:
        raise PluginError(f"{where}: `reconcile {shlex.join(words)}` exited with status {status}, "
                          f"not {expect}: {err.strip()}")
    if expect:
        out = out + err
    title = "reconcile " + shlex.join(words) + (" < " + shlex.quote(stdin) if stdin else "")
    fence = "````" if "```" in out else "```"
    return f'{fence}{_language(out)} title="{title.replace(chr(34), chr(39))}"\n{out.rstrip()}\n{fence}'


def seeds_report(root: Path) -> str:
    """The HTML report of the bundled seed articles, as ``reconcile report seeds`` writes it."""
    try:
        from reconcile.html_report import render_html
    except ImportError as e:
        raise PluginError(f'docs/report.md shows the report of the seeds, which needs the report extra: '
                          f'pip install -e ".[docs,report]" ({e})') from e
    from reconcile import Article, extract, read_articles
    from reconcile import reconcile as reconcile_claims

    articles = []
    for item in read_articles(root / "seeds"):
        if not isinstance(item, Article):
            raise PluginError(f"seeds: {item.as_error()}")
        articles.append(item)
    return render_html(reconcile_claims(c for a in articles for c in extract(a)), articles)


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    nav: list[Any] = config.nav or []
    for entry in nav:
        if isinstance(entry, dict) and API_SECTION in entry:
            entry[API_SECTION] = api_nav()
            return config
    raise PluginError(f"mkdocs.yml: the nav has no '{API_SECTION}' section for the generated API pages")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    files.append(File.generated(config, "api/index.md", content=index_page()))
    for m in public_modules():
        files.append(File.generated(config, f"api/{m}.md", content=module_page(m)))
    root = Path(config.config_file_path).parent
    files.append(File.generated(config, "examples/seeds-report.html", content=seeds_report(root)))
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    cwd = Path(config.config_file_path).parent

    def block(m: regex.Match[str]) -> str:
        expect = int(m.group("status") or 0)
        lines = cli_block(m.group("args"), cwd, page.file.src_uri, expect).split("\n")
        return "\n".join(m.group("indent") + line if line else line for line in lines)

    return CLI_MARK.sub(block, markdown)
