"""Run an evaluation and render it as a table."""

from __future__ import annotations

import tempfile
from pathlib import Path

from toolkit.evaluate.loading import pair_up, read_gold, read_records
from toolkit.evaluate.metrics import PRF, Ratio, Scores, score


def _holds_records(path: Path) -> bool:
    if path.is_file():
        return not path.name.endswith(".txt")
    return any(
        (path / n).is_file() for n in ("articles.parquet", "articles.jsonl", "articles.jsonl.gz")
    )


def evaluate(pred: Path, gold: Path) -> Scores:
    """Score records (a convert output, or its records file) against gold. A folder or file
    of raw dumps is converted first, so `eval DUMPS GOLD` works in one step."""
    gold_articles = read_gold(gold)
    if _holds_records(pred):
        return score(pair_up(read_records(pred), gold_articles))
    from toolkit.pipeline.run import convert

    with tempfile.TemporaryDirectory(prefix="newsdump-eval-") as tmp:
        convert([str(pred)], Path(tmp))
        return score(pair_up(read_records(Path(tmp)), gold_articles))


def _prf(name: str, m: PRF) -> str:
    return (
        f"{name:<28} {m.precision:>9.3f} {m.recall:>9.3f} {m.f1:>9.3f}   "
        f"{m.tp}/{m.pred} predicted, {m.tp}/{m.gold} gold"
    )


def _ratio(name: str, r: Ratio) -> str:
    return f"{name:<28} {r.value:>9.3f}   {r.ok}/{r.n}"


def render(scores: Scores, errors: bool = False) -> str:
    lines = [
        f"articles: {scores.articles}"
        + (f" (no record for {', '.join(scores.missing)})" if scores.missing else ""),
        "",
        f"{'':<28} {'precision':>9} {'recall':>9} {'F1':>9}",
        _prf("body paragraphs", scores.paragraphs),
        _prf("headings", scores.headings),
        _prf("quotes, exact span", scores.quotes_exact),
        _prf("quotes, ≥80% overlap", scores.quotes_overlap),
        _prf("full quotes only, overlap", scores.full_quotes_overlap),
        "",
        f"{'':<28} {'accuracy':>9}",
        _ratio("speaker (full name)", scores.speaker),
        _ratio("speaker (surname counts)", scores.speaker_lenient),
    ]
    for kind, ratio in sorted(scores.speaker_by_mention.items()):
        lines.append(_ratio(f"  mention: {kind}", ratio))
    lines.append(
        _ratio(
            "fields (all)",
            Ratio(
                sum(r.ok for r in scores.fields.values()), sum(r.n for r in scores.fields.values())
            ),
        )
    )
    for name, ratio in sorted(scores.fields.items()):
        lines.append(_ratio(f"  {name}", ratio))
    if errors and scores.errors:
        lines += ["", "errors:"]
        for e in scores.errors:
            detail = ", ".join(f"{k}={v!r}" for k, v in e.items() if k not in ("article", "kind"))
            lines.append(f"  {e['article']}: {e['kind']}: {detail}")
    return "\n".join(lines)
