"""The documentation: its examples run, and the pages generated from the code are complete.

The site itself is built by CI (`mkdocs build --strict`); these tests keep what the pages
promise true between builds: the fact-check script of the quickstart runs on the seeds, every
``>>>`` example of a page gives what the page says, and the build hooks (docs/_hooks/) cover
every public module and render docstrings as Markdown.
"""

from __future__ import annotations

import doctest
import importlib.util
import json
import runpy
import sys
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
FACT_CHECK = DOCS / "examples" / "fact_check.py"


def _load(name: str) -> ModuleType:
    """A build hook module of docs/_hooks, imported by path (it is not part of the package)."""
    spec = importlib.util.spec_from_file_location(f"docs_hooks_{name}", DOCS / "_hooks" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _run_fact_check(path: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> tuple[str, str]:
    monkeypatch.chdir(ROOT)
    monkeypatch.setattr(sys, "argv", [str(FACT_CHECK), path])
    runpy.run_path(str(FACT_CHECK), run_name="__main__")
    got = capsys.readouterr()
    return got.out, got.err


# ---- the ten-line fact-check script of the quickstart ----------------------------------------

def test_fact_check_script_is_ten_lines_of_code() -> None:
    # the quickstart promises a ten-line script: count the statements, not the docstring and imports
    lines = [line for line in FACT_CHECK.read_text(encoding="utf-8").splitlines()[1:]
             if line.strip() and not line.startswith(("import ", "from "))]
    assert len(lines) <= 10, lines


def test_fact_check_finds_the_revised_toll_of_the_seeds(monkeypatch: pytest.MonkeyPatch,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    # the quickstart quotes this output: "more than 1,400" killed on 7 October (FT, November 2023)
    # then "about 1,200" (Reuters, May 2024) is the GUIDELINES' own example of a conflict, and the
    # seeds' gold labels it so; only updates and conflicts are printed, each with both sentences
    out, err = _run_fact_check("seeds", monkeypatch, capsys)
    assert err == ""
    heads = [line for line in out.splitlines() if not line.startswith("    ")]
    assert heads and all(line.startswith(("UPDATE (", "CONFLICT (")) for line in heads), heads
    assert any(line.startswith("CONFLICT") and "more than 1,400" in line and "about 1,200" in line
               for line in heads), out
    assert out.count("\n    before: ") == out.count("\n    after:  ") == len(heads)


def test_fact_check_reports_an_unreadable_article_and_goes_on(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    # a batch never drops an article silently: the bad line is named on stderr (file and line),
    # and the two good reports are still compared (three soldiers, then four: the toll grew; the
    # shared names, Israeli and Rafah, make them one story)
    three = "Three Israeli soldiers were killed near Rafah on Sunday, the Israeli army said."
    four = three.replace("Three", "Four")
    rows = [
        {"id": "a", "text": three, "published": "2024-05-05"},
        {"id": "b", "text": four, "published": "8 May 2024"},
        {"id": "c", "text": four, "published": "2024-05-08"},
    ]
    path = tmp_path / "articles.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out, err = _run_fact_check(str(path), monkeypatch, capsys)
    assert err.startswith("unreadable: ") and f"{path}:2:" in err and "published" in err, err
    assert out.startswith("UPDATE ("), out


# ---- the >>> examples of the pages -------------------------------------------------------------

PAGES_WITH_EXAMPLES = sorted(p for p in DOCS.rglob("*.md") if ">>> " in p.read_text(encoding="utf-8"))


def test_some_pages_have_examples() -> None:
    # guards the parametrisation below: an empty list would test nothing
    assert {"index.md", "quickstart.md"} <= {p.name for p in PAGES_WITH_EXAMPLES}


@pytest.mark.parametrize("page", PAGES_WITH_EXAMPLES, ids=lambda p: str(p.relative_to(DOCS)))
def test_page_examples_run(page: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)  # the examples read "seeds" as a reader in a clone would
    result = doctest.testfile(str(page), module_relative=False, verbose=False, report=True,
                              optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert result.attempted > 0
    assert result.failed == 0, f"{page.name}: {result.failed} example(s) failed (see the output above)"


# ---- the build hooks ------------------------------------------------------------------------------

needs_mkdocs = pytest.mark.skipif(importlib.util.find_spec("mkdocs") is None or importlib.util.find_spec("griffe") is None,
                                  reason='the docs hooks need the docs extra: pip install -e ".[docs]"')


def _nav_files(entries: object) -> list[str]:
    if isinstance(entries, str):
        return [entries]
    if isinstance(entries, list):
        return [f for e in entries for f in _nav_files(e)]
    if isinstance(entries, dict):
        return [f for v in entries.values() for f in _nav_files(v)]
    return []


@needs_mkdocs
def test_every_page_is_in_the_nav_and_every_nav_entry_is_a_page() -> None:
    # `mkdocs build --strict` (CI) fails on both; this says so in the test suite, before CI:
    # a new page needs its line in the nav of mkdocs.yml (the API pages are added by the hook)
    import yaml

    config = yaml.safe_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))
    listed = _nav_files(config["nav"])
    pages = sorted(str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md") if "_hooks" not in p.parts)
    assert sorted(listed) == pages


@needs_mkdocs
def test_every_public_module_gets_an_api_page() -> None:
    # the API reference is generated: a module added to the package appears without editing the docs
    pages = _load("pages")
    on_disk = {p.stem for p in (ROOT / "reconcile").glob("*.py") if not p.stem.startswith("_")}
    on_disk |= {p.parent.name for p in (ROOT / "reconcile").glob("*/__init__.py") if not p.parent.name.startswith("_")}
    assert set(pages.public_modules()) == on_disk
    nav = pages.api_nav()
    assert [next(iter(e.values())) for e in nav] == ["api/index.md"] + [f"api/{m}.md" for m in sorted(on_disk)]
    assert pages.module_page("records").startswith("::: reconcile.records\n")


@needs_mkdocs
def test_api_index_links_every_exported_function_and_class() -> None:
    import reconcile

    page = _load("pages").index_page()
    for name in reconcile.__all__:
        obj = getattr(reconcile, name)
        if isinstance(obj, type) or callable(obj):
            assert f"[`{name}`][{obj.__module__}.{name}]" in page, name
    assert "`__version__`" not in page  # a plain value, documented by the package docstring


@needs_mkdocs
@pytest.mark.parametrize(("marker", "language", "check"), [
    # the JSON Schema of data-model.md is what `reconcile schema claim` prints: the model's own schema
    ("schema claim", "json", lambda out: json.loads(out)["title"] == "Claim"),
    # standard input after "<", and one JSON object a line is still JSON
    ("extract - --id a --published 2024-05-08 --format jsonl < 'Medics said one Palestinian was killed on Tuesday.'",
     "json", lambda out: json.loads(out)["source"] == "Medics"),
    # --help exits through SystemExit(0): a success, shown as text
    ("figures --help", "text", lambda out: out.startswith("usage: reconcile figures")),
])
def test_cli_marker_becomes_the_commands_output(marker: str, language: str, check: object) -> None:
    pages = _load("pages")
    block = pages.cli_block(marker, ROOT, "test.md")
    head, *body, tail = block.split("\n")
    assert head.startswith(f"```{language} title=\"reconcile ") and tail == "```"
    assert callable(check) and check("\n".join(body))


@needs_mkdocs
def test_cli_marker_meant_to_fail_shows_the_error_the_reader_sees() -> None:
    # quickstart.md: "<!-- cli exit 2: ... -->" shows the message naming file, line and field
    pages = _load("pages")
    block = pages.cli_block("extract docs/examples/bad_date.jsonl", ROOT, "test.md", expect=2)
    assert "docs/examples/bad_date.jsonl:2: field published: not a date" in block
    with pytest.raises(pages.PluginError, match=r"status 0, not 2"):  # a command that no longer fails
        pages.cli_block("figures one", ROOT, "test.md", expect=2)


@needs_mkdocs
def test_schema_block_equals_the_models_schema() -> None:
    from reconcile import Claim

    block = _load("pages").cli_block("schema claim", ROOT, "data-model.md")
    assert json.loads(block.split("\n", 1)[1].rsplit("\n", 1)[0]) == Claim.model_json_schema()


@needs_mkdocs
@pytest.mark.parametrize(("marker", "reason"), [
    ("schema nonsense", "an unknown record name: argparse exits with status 2"),
    ("extract no/such/file.jsonl", "a missing input: the command fails with status 2"),
    ("figures 'one' < 'two' 'three'", "'<' takes exactly one text"),
])
def test_cli_marker_that_fails_stops_the_build(marker: str, reason: str) -> None:
    from mkdocs.exceptions import PluginError

    with pytest.raises(PluginError, match=r"test\.md"):
        _load("pages").cli_block(marker, ROOT, "test.md")


@needs_mkdocs
def test_nav_without_an_api_section_stops_the_build() -> None:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.exceptions import PluginError

    config = MkDocsConfig()
    config["nav"] = [{"Home": "index.md"}]
    with pytest.raises(PluginError, match="API reference"):
        _load("pages").on_config(config)


@needs_mkdocs
@pytest.mark.parametrize(("docstring", "expected", "reason"), [
    ("Text.\n\n>>> 1 + 1\n2\n\nMore.", "Text.\n\n```pycon\n>>> 1 + 1\n2\n```\n\nMore.",
     "an example up to the blank line after it"),
    ("Text.\n>>> f(\n...   1)\n1", "Text.\n```pycon\n>>> f(\n...   1)\n1\n```",
     "an example at the end, with a continuation line"),
    ("Intro:\n\n    >>> x\n    1\n\nEnd.", "Intro:\n\n    ```pycon\n    >>> x\n    1\n    ```\n\nEnd.",
     "an indented example keeps its indentation, fences included"),
    ("No example: 3 >> 1 is a shift.", "No example: 3 >> 1 is a shift.", "no >>> at the start of a line"),
])
def test_doctest_blocks_are_fenced(docstring: str, expected: str, reason: str) -> None:
    assert _load("sphinx_roles").doctest_blocks(docstring) == expected, reason


@needs_mkdocs
def test_sphinx_roles_become_links_only_to_rendered_objects() -> None:
    import griffe

    roles = _load("sphinx_roles")
    modules = {
        "__init__.py": '"""Package."""\n',
        "records.py": '"""Records."""\n\nclass Figure:\n    """A figure."""\n\nclass _Hidden:\n    """Private."""\n',
        "stage.py": (
            '"""Uses :class:`~pkg.records.Figure`, :class:`Undocumented`, :func:`_helper`,\n'
            ':class:`TypeError` and :data:`LIMIT`."""\n\n'
            "LIMIT = 3\n\"\"\"A documented constant.\"\"\"\n\n"
            "class Undocumented:\n    pass\n\n"
            "def _helper() -> None:\n    \"\"\"Private.\"\"\"\n"
        ),
    }
    with griffe.temporary_visited_package("pkg", modules, extensions=griffe.load_extensions(roles.SphinxRoles)) as pkg:
        doc = pkg["stage"].docstring.value
    assert "[`Figure`][pkg.records.Figure]" in doc  # ~ shows the last component; across modules
    assert "[`LIMIT`][pkg.stage.LIMIT]" in doc  # a documented constant of the same module
    assert "`Undocumented`" in doc and "][pkg.stage.Undocumented]" not in doc  # not rendered: no anchor
    assert "`_helper`" in doc and "][pkg.stage._helper]" not in doc  # private
    assert "`TypeError`" in doc and ":class:" not in doc  # a builtin: plain code


@needs_mkdocs
def test_the_report_page_links_the_seeds_report_made_at_build_time() -> None:
    # report.md links examples/seeds-report.html, made at build time: the whole report of the seeds
    pytest.importorskip("jinja2", reason='the report needs the report extra: pip install -e ".[report]"')
    pytest.importorskip("matplotlib", reason='the report needs the report extra: pip install -e ".[report]"')
    page = _load("pages").seeds_report(ROOT)
    assert page.startswith("<!DOCTYPE html>") and "<svg" in page  # a chart: the seeds have groups of 2+
    assert "(examples/seeds-report.html)" in (DOCS / "report.md").read_text(encoding="utf-8")
