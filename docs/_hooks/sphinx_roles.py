"""A griffe extension: reconcile's reST-flavoured docstrings, rendered as the Markdown of the API reference.

Doctest examples (a ``>>>`` line up to the next blank line) become ``pycon`` code blocks, as
Sphinx shows them; Markdown would read their output (``[('Medics', 1)]``) as a link.

The docstrings say ``:class:`Figure``` and ``:data:`INCIDENT_DAYS``` (they read well in the
source and in ``help()``); Markdown would show the role verbatim. Each role becomes an
autorefs link (``[`Figure`][reconcile.records.Figure]``) when its target is a public, documented
object of the package, which is what the API pages render; any other target (a private helper, a
builtin) becomes plain code, so a link never points at a missing anchor.
"""

from __future__ import annotations

from typing import Any

import griffe
import regex

ROLE = regex.compile(
    r""":(?:class|func|meth|data|attr|mod|exc|obj):   # the role
        `(?P<tilde>~?)(?P<target>[\w.]+)`            # its target; ~ shows the last component only""",
    regex.VERBOSE,
)


def doctest_blocks(doc: str) -> str:
    """Fence every doctest example of a docstring: from a ``>>>`` line to the next blank line.

    (Its tests are in tests/test_docs.py: an example of it here would itself be a doctest.)
    """
    out: list[str] = []
    fence: str | None = None  # the indentation of the open fence, None outside an example
    for line in doc.split("\n"):
        indent = line[: len(line) - len(line.lstrip())]
        if fence is None and line.lstrip().startswith(">>>"):
            fence = indent
            out.append(fence + "```pycon")
        elif fence is not None and not line.strip():
            out.append(fence + "```")
            fence = None
        out.append(line)
    if fence is not None:
        out.append(fence + "```")
    return "\n".join(out)


def _lookup(scope: griffe.Object, path: str) -> griffe.Object | griffe.Alias | None:
    try:
        return scope[path] if path else scope
    except (KeyError, ValueError, griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None


def _resolve(obj: griffe.Object, target: str) -> str | None:
    """The path of the object a role names, seen from ``obj``, if the API reference renders it."""
    package = obj.package
    found: griffe.Object | griffe.Alias | None = None
    if target == package.name or target.startswith(package.name + "."):
        found = _lookup(package, target[len(package.name) + 1:])
    else:
        scope: griffe.Object | None = obj
        while found is None and scope is not None:
            found = _lookup(scope, target)
            scope = scope.parent
    if found is None:
        return None
    try:
        real = found.final_target if isinstance(found, griffe.Alias) else found
        path = real.path
        rendered = all(not part.startswith("_") for part in path.split(".")) and real.is_public \
            and (real.is_module or real.has_docstrings)
    except (griffe.AliasResolutionError, griffe.CyclicAliasError):
        return None
    return path if rendered else None


def _rewrite(obj: griffe.Object) -> None:
    if obj.docstring is not None:

        def link(m: regex.Match[str]) -> str:
            target = m.group("target")
            shown = target.rsplit(".", 1)[-1] if m.group("tilde") else target
            path = _resolve(obj, target)
            return f"[`{shown}`][{path}]" if path else f"`{shown}`"

        obj.docstring.value = ROLE.sub(link, doctest_blocks(obj.docstring.value))
    for member in obj.members.values():
        if not isinstance(member, griffe.Alias):
            _rewrite(member)


class SphinxRoles(griffe.Extension):
    """Rewrite the roles of every docstring once the whole package is loaded (so that links across modules resolve)."""

    def on_package(self, *, pkg: griffe.Module, **kwargs: Any) -> None:
        _rewrite(pkg)
