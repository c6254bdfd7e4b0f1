"""Which reported figures grew or disagree? Usage: python fact_check.py ARTICLES"""
import sys

from reconcile import Article, extract, read_articles, reconcile

items = list(read_articles(sys.argv[1]))
for bad in (i for i in items if not isinstance(i, Article)):
    print("unreadable:", bad.as_error(), file=sys.stderr)  # nothing is dropped silently
report = reconcile(c for a in items if isinstance(a, Article) for c in extract(a))
said = {c.id: c.sentence for c in report.claims}
for group in report.groups:
    for r in group.relations:
        if r.relation != "consistent":
            print(f"{r.relation.upper()} ({group.label}): {r.explanation}")
            print(f"    before: {said[r.a]}\n    after:  {said[r.b]}")
