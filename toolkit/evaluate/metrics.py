"""Scores: converter fields, body sections, quotes and speakers (shared/reference/RULES.md §9).

Quotes are matched one-to-one within the same gold paragraph (checked by text containment in
that paragraph, not by trusting the predicted paragraph number). `exact` needs equal text
after normalisation; `overlap` accepts containment either way or a token F1 of at least 0.8.
Speaker accuracy is measured on overlap-matched quotes.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from toolkit.evaluate.loading import Pair, Record

_FOLD = str.maketrans(
    {
        "“": '"',
        "”": '"',
        "„": '"',
        "‘": "'",
        "’": "'",
        "‚": "'",
        "–": "-",
        "—": "-",
        "‑": "-",
        "\u00a0": " ",
    }
)
_EDGE = re.compile(r"^[\W_]+|[\W_]+$")
_SPACE = re.compile(r"\s+")
_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "it", "you"})

# gold name -> record name, for the exact-match fields
FIELDS = {
    "date": "crawl_date",
    "category": "category",
    "title": "title",
    "publisher": "publisher",
    "published_relative": "published_raw",
    "comments_count": "comments_count",
    "tags": "tags",
    "related_people": "entities",
    "publisher_profile": "publisher_profile",
    "images": "images",
    "authors": "authors",
    "related_articles": "related_articles",
    "also_like_chips": "topics",
}


def norm(text: str | None) -> str:
    """RULES §6.3: NFKC, fold quote marks and dashes, collapse spaces, strip edge
    punctuation, casefold."""
    if text is None:
        return ""
    text = unicodedata.normalize("NFKC", text).translate(_FOLD)
    return _EDGE.sub("", _SPACE.sub(" ", text)).strip().casefold()


def token_f1(a: str, b: str) -> float:
    ta, tb = Counter(a.split()), Counter(b.split())
    common = sum((ta & tb).values())
    if not common:
        return 0.0
    p, r = common / sum(ta.values()), common / sum(tb.values())
    return 2 * p * r / (p + r)


@dataclass
class PRF:
    tp: int = 0
    pred: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.pred if self.pred else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def add(self, other: PRF) -> None:
        self.tp += other.tp
        self.pred += other.pred
        self.gold += other.gold

    def as_dict(self) -> dict[str, float | int]:
        return {
            "precision": round(self.precision, 4),
            "recall": round(self.recall, 4),
            "f1": round(self.f1, 4),
            "tp": self.tp,
            "pred": self.pred,
            "gold": self.gold,
        }


@dataclass
class Ratio:
    ok: int = 0
    n: int = 0

    @property
    def value(self) -> float:
        return self.ok / self.n if self.n else 1.0

    def add(self, good: bool) -> None:
        self.ok += int(good)
        self.n += 1

    def as_dict(self) -> dict[str, float | int]:
        return {"accuracy": round(self.value, 4), "correct": self.ok, "total": self.n}


@dataclass
class Scores:
    articles: int = 0
    missing: list[str] = field(default_factory=list)
    fields: dict[str, Ratio] = field(default_factory=dict)
    paragraphs: PRF = field(default_factory=PRF)
    headings: PRF = field(default_factory=PRF)
    quotes_exact: PRF = field(default_factory=PRF)
    quotes_overlap: PRF = field(default_factory=PRF)
    full_quotes_overlap: PRF = field(default_factory=PRF)
    speaker: Ratio = field(default_factory=Ratio)
    speaker_lenient: Ratio = field(default_factory=Ratio)
    speaker_by_mention: dict[str, Ratio] = field(default_factory=dict)
    errors: list[dict[str, Any]] = field(default_factory=list)

    @property
    def field_accuracy(self) -> float:
        ok = sum(r.ok for r in self.fields.values())
        n = sum(r.n for r in self.fields.values())
        return ok / n if n else 1.0

    def as_dict(self) -> dict[str, Any]:
        return {
            "articles": self.articles,
            "missing_articles": self.missing,
            "field_accuracy": round(self.field_accuracy, 4),
            "fields": {k: v.as_dict() for k, v in sorted(self.fields.items())},
            "sections": {
                "paragraphs": self.paragraphs.as_dict(),
                "headings": self.headings.as_dict(),
            },
            "quotes": {
                "exact": self.quotes_exact.as_dict(),
                "overlap": self.quotes_overlap.as_dict(),
                "overlap_full_only": self.full_quotes_overlap.as_dict(),
            },
            "speakers": {
                "accuracy": self.speaker.as_dict(),
                "lenient_accuracy": self.speaker_lenient.as_dict(),
                "by_mention": {k: v.as_dict() for k, v in sorted(self.speaker_by_mention.items())},
            },
            "errors": self.errors,
        }


def _paragraphs(record: Record) -> list[str]:
    return [p for s in record["sections"] for p in s["paragraphs"]]


def _aligned(pred: list[str], gold: list[str]) -> PRF:
    matcher = difflib.SequenceMatcher(
        a=[norm(x) for x in pred], b=[norm(x) for x in gold], autojunk=False
    )
    tp = sum(block.size for block in matcher.get_matching_blocks())
    return PRF(tp, len(pred), len(gold))


def _score_fields(scores: Scores, record: Record, gold: Record) -> None:
    for gold_name, name in FIELDS.items():
        if gold_name not in gold:
            continue
        expected, got = gold[gold_name], record.get(name)
        if gold_name in ("tags", "authors"):
            good = {norm(x) for x in expected} == {norm(x) for x in got or []}
        elif gold_name in ("related_people", "also_like_chips"):
            good = {(norm(x["type"]), norm(x["name"])) for x in expected} == {
                (norm(x["type"]), norm(x["name"])) for x in got or []
            }
        else:
            good = expected == got
        scores.fields.setdefault(name, Ratio()).add(good)


def mention_kind(quote: Record) -> str:
    mention = quote.get("speaker_mention")
    if not mention:
        return "context"
    text = mention["text"].strip()
    if text.casefold() in _PRONOUNS:
        return "pronoun"
    if text[:1].islower() or text.split()[0].casefold() in ("the", "a", "an", "another", "one"):
        return "description"
    return "name"


def _match_quotes(
    pred: list[Record], gold: list[Record], paragraphs: list[str]
) -> tuple[list[tuple[Record, Record, bool]], int]:
    """One-to-one matches (pred, gold, exact?) and how many were exact."""
    gold_norm = [norm(q["text"]) for q in gold]
    para_norm = [norm(p) for p in paragraphs]
    used: set[int] = set()
    matches: list[tuple[Record, Record, bool]] = []
    for exact_pass in (True, False):
        for q in pred:
            if any(q is m[0] for m in matches):
                continue
            text = norm(q["text"])
            for g, gq in enumerate(gold):
                if g in used or not text:
                    continue
                gi = gq["paragraph_index"]
                if gi >= len(para_norm) or text not in para_norm[gi]:
                    continue
                if exact_pass:
                    good = text == gold_norm[g]
                else:
                    good = (
                        text in gold_norm[g]
                        or gold_norm[g] in text
                        or token_f1(text, gold_norm[g]) >= 0.8
                    )
                if good:
                    used.add(g)
                    matches.append((q, gq, exact_pass))
                    break
    return matches, sum(1 for m in matches if m[2])


def _same_speaker(pred: str | None, gold: str | None, lenient: bool) -> bool:
    p, g = norm(pred), norm(gold)
    if p == g:
        return True
    if not lenient or not p or not g:
        return False
    # RULES §6.6: a surname-only match is an acceptable fallback for named speakers.
    return p.split()[-1] == g.split()[-1]


def _score_quotes(scores: Scores, name: str, record: Record, gold: Record) -> None:
    pred = record.get("quotes") or []
    expected = gold.get("quotes") or []
    matches, exact = _match_quotes(pred, expected, _paragraphs(gold))
    scores.quotes_exact.add(PRF(exact, len(pred), len(expected)))
    scores.quotes_overlap.add(PRF(len(matches), len(pred), len(expected)))
    full_pred = [q for q in pred if not q.get("partial")]
    full_gold = [q for q in expected if not q.get("partial")]
    full_matches, _ = _match_quotes(full_pred, full_gold, _paragraphs(gold))
    scores.full_quotes_overlap.add(PRF(len(full_matches), len(full_pred), len(full_gold)))
    matched_pred = {id(m[0]) for m in matches}
    matched_gold = {id(m[1]) for m in matches}
    for q, gq, _ in matches:
        good = _same_speaker(q.get("speaker"), gq.get("speaker"), lenient=False)
        scores.speaker.add(good)
        scores.speaker_lenient.add(_same_speaker(q.get("speaker"), gq.get("speaker"), True))
        scores.speaker_by_mention.setdefault(mention_kind(q), Ratio()).add(good)
        if not good:
            _error(
                scores, name, "speaker", gq["text"], gold=gq.get("speaker"), pred=q.get("speaker")
            )
    for q in pred:
        if id(q) not in matched_pred:
            _error(scores, name, "extra_quote", q["text"], pred=q.get("speaker"))
    for gq in expected:
        if id(gq) not in matched_gold:
            _error(scores, name, "missed_quote", gq["text"], gold=gq.get("speaker"))


def _error(scores: Scores, article: str, kind: str, text: str, **speakers: Any) -> None:
    scores.errors.append({"article": article, "kind": kind, "text": text[:80], **speakers})


def score(pairs: Iterable[Pair]) -> Scores:
    scores = Scores()
    for pair in pairs:
        scores.articles += 1
        gold = pair.gold
        record = pair.record
        if record is None:
            scores.missing.append(pair.name)
            for gold_name, name in FIELDS.items():
                if gold_name in gold:
                    scores.fields.setdefault(name, Ratio()).add(False)
            record = {"sections": [], "quotes": []}
        else:
            _score_fields(scores, record, gold)
        pred_sections = record["sections"]
        scores.paragraphs.add(_aligned(_paragraphs(record), _paragraphs(gold)))
        scores.headings.add(
            _aligned(
                [s["heading"] for s in pred_sections if s["heading"]],
                [s["heading"] for s in gold["sections"] if s["heading"]],
            )
        )
        _score_quotes(scores, pair.name, record, gold)
    return scores
