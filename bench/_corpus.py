"""News text for the benchmarks: the seed and development articles, repeated."""

from __future__ import annotations

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DEV = ROOT.parent / "shared" / "corpus" / "dev"


def news_texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "seeds").glob("*.txt"))]
    if DEV.exists():
        texts += [p.read_text(encoding="utf-8") for p in sorted(DEV.glob("*.txt"))]
    return texts


def news_of_size(n_bytes: int) -> str:
    texts = news_texts()
    out: list[str] = []
    size = 0
    i = 0
    while size < n_bytes:
        t = texts[i % len(texts)]
        out.append(t)
        size += len(t.encode("utf-8")) + 2
        i += 1
    return "\n\n".join(out)
