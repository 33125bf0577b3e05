"""Write `toolkit/records/checker.py`, the article schema's validity check as plain Python
(`toolkit.records.validate.checker_source`), so that `scripts/build_accel.py` can compile it.

Usage: python scripts/gen_checker.py [--check]   (--check: exit 1 if the file is stale)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from toolkit.records.validate import checker_source  # noqa: E402
from toolkit.schema import load_schema  # noqa: E402

TARGET = ROOT / "toolkit" / "records" / "checker.py"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="only check the file is current")
    args = parser.parse_args()
    source = checker_source(load_schema(), "schema/article.schema.json")
    current = TARGET.read_text("utf-8") if TARGET.exists() else ""
    if args.check:
        if current != source:
            print(f"{TARGET.relative_to(ROOT)} is stale: run `make docs`", file=sys.stderr)
            return 1
        return 0
    if current != source:
        TARGET.write_text(source, "utf-8")
        print(f"gen_checker: wrote {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
