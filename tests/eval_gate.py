"""Evaluation gate: quote, speaker, section and field scores may only go up.

`python tests/eval_gate.py` prints the current scores next to the pinned baseline
(`tests/eval_baseline.json`); `--update` pins the current scores, and refuses to lower any.
The test suite runs the same comparison (tests/test_eval_gate.py).
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))

from toolkit.evaluate.report import evaluate  # noqa: E402

BASELINE = HERE / "eval_baseline.json"
SETS = {
    "fixtures": (HERE / "data" / "dumps", HERE / "data" / "gold"),
    "heldout": (HERE / "data" / "heldout" / "dumps", HERE / "data" / "heldout" / "gold"),
    "third": (HERE / "data" / "third" / "dumps", HERE / "data" / "third" / "gold"),
    "fourth": (HERE / "data" / "fourth" / "dumps", HERE / "data" / "fourth" / "gold"),
    "reference": (
        HERE.parent.parent / "shared" / "reference" / "dumps",
        HERE.parent.parent / "shared" / "reference" / "gold",
    ),
}


def metrics(scores: dict[str, Any]) -> dict[str, float]:
    """The gated numbers, flat."""
    return {
        "quote_f1_exact": scores["quotes"]["exact"]["f1"],
        "quote_f1_overlap": scores["quotes"]["overlap"]["f1"],
        "speaker_accuracy": scores["speakers"]["accuracy"]["accuracy"],
        "paragraph_f1": scores["sections"]["paragraphs"]["f1"],
        "heading_f1": scores["sections"]["headings"]["f1"],
        "field_accuracy": scores["field_accuracy"],
    }


def current(name: str) -> dict[str, float]:
    dumps, gold = SETS[name]
    return metrics(evaluate(dumps, gold).as_dict())


def available() -> list[str]:
    return [name for name, (dumps, _) in SETS.items() if dumps.is_dir()]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--update", action="store_true", help="pin the current scores")
    args = parser.parse_args()
    pinned = json.loads(BASELINE.read_text()) if BASELINE.exists() else {}
    fresh = {name: current(name) for name in available()}
    worse = [
        (n, k, v, pinned[n][k])
        for n, m in fresh.items()
        for k, v in m.items()
        if n in pinned and k in pinned[n] and v < pinned[n][k]
    ]
    for name, values in fresh.items():
        for key, value in values.items():
            print(f"{name:10} {key:18} {value:.4f}  (baseline {pinned.get(name, {}).get(key)})")
    if worse:
        print("below the baseline: " + ", ".join(f"{n}.{k} {v} < {b}" for n, k, v, b in worse))
        return 1
    if args.update:
        pinned.update(fresh)
        BASELINE.write_text(json.dumps(pinned, indent=2, sort_keys=True) + "\n")
        print(f"pinned {BASELINE}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
