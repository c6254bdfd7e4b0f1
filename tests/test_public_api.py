"""The public surface is small and pinned: a change to it is a deliberate act."""

import reconcile

EXPECTED = [
    "Article",
    "ArticleError",
    "Attribution",
    "Claim",
    "DatePeriod",
    "DecodeError",
    "Figure",
    "FigureKind",
    "Group",
    "InputError",
    "InputTypeError",
    "Metric",
    "Precision",
    "Qualifier",
    "ReconcileError",
    "Relation",
    "Report",
    "Summary",
    "TimelineEntry",
    "__version__",
    "claims_to_pandas",
    "extract",
    "find_figures",
    "parse_number",
    "read_articles",
    "reconcile",
    "relate",
]


def test_all_is_pinned() -> None:
    assert sorted(reconcile.__all__) == sorted(EXPECTED)


def test_every_name_exists() -> None:
    for name in reconcile.__all__:
        assert hasattr(reconcile, name), name


def test_py_typed_ships() -> None:
    from importlib import resources

    assert resources.files("reconcile").joinpath("py.typed").is_file()


def test_errors_subclass_the_builtins_they_replace() -> None:
    assert issubclass(reconcile.InputError, ValueError)
    assert issubclass(reconcile.InputError, reconcile.ReconcileError)
    assert issubclass(reconcile.InputTypeError, TypeError)
    assert issubclass(reconcile.DecodeError, UnicodeError)
