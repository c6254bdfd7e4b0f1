"""Errors raised by reconcile.

Every error derives from :class:`ReconcileError`; concrete errors also subclass
the builtin they replace, so ``except ValueError`` keeps working for callers
that do not know this library.
"""

from __future__ import annotations


class ReconcileError(Exception):
    """Base class of every error this library raises on purpose."""


class InputError(ReconcileError, ValueError):
    """Bad input: names the file, the line and the field where it can.

    >>> str(InputError("missing field", path="a.jsonl", line=3, field="text"))
    'a.jsonl:3: field text: missing field'
    """

    def __init__(
        self,
        message: str,
        *,
        path: str | None = None,
        line: int | None = None,
        field: str | None = None,
    ) -> None:
        self.message = message
        self.path = path
        self.line = line
        self.field = field
        where = ""
        if path is not None:
            where = f"{path}:{line}: " if line is not None else f"{path}: "
        elif line is not None:
            where = f"line {line}: "
        what = f"field {field}: " if field else ""
        super().__init__(f"{where}{what}{message}")


class InputTypeError(ReconcileError, TypeError):
    """A value of the wrong Python type was passed to a public function."""


class DecodeError(InputError, UnicodeError):
    """A file is not valid text in the expected encoding."""
