"""Load a published folder back with `datasets.load_dataset` and compare it, field by field,
with the records it was made from: the round trip a user relies on."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from toolkit.publish.build import INDEX
from toolkit.publish.configs import ARTICLES, CONFIGS, QUOTES, quote_rows
from toolkit.publish.manifest import read_manifest
from toolkit.publish.source import read_batches
from toolkit.publish.splits import SPLITS
from toolkit.records.files import RECORDS_JSONL, locate

_OFFLINE = {"HF_DATASETS_OFFLINE": "1", "HF_HUB_OFFLINE": "1"}


def go_offline() -> None:
    """A local release needs no network: say so before `datasets` is imported (it reads these
    variables once), so nothing is looked up on the Hub."""
    for name, value in _OFFLINE.items():
        os.environ.setdefault(name, value)


@dataclass
class LoadReport:
    folder: Path
    rows: dict[str, dict[str, int]] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    compared: int = 0

    def how_to_load(self) -> str:
        where = self.folder.resolve()
        lines = [f'{c} = load_dataset("{where}", "{c}")' for c in self.rows]
        return "\n".join(["from datasets import load_dataset", *lines])


def load_release(folder: Path, records: Path | None = None, max_problems: int = 20) -> LoadReport:
    """Load every config and split of the release with `datasets.load_dataset`; with
    `records`, compare each row with the record (or quote) it must equal."""
    read_manifest(folder)  # a clear error for a folder that is not a release
    go_offline()
    from datasets import disable_progress_bars, load_dataset

    disable_progress_bars()  # a few small splits: the bars would only clutter the report
    report = LoadReport(folder)
    expected = _expected(records, folder) if records is not None else None
    with tempfile.TemporaryDirectory(prefix="newsdump-load-") as cache:
        for config in _configs(folder):
            loaded = load_dataset(str(folder), config, cache_dir=cache)
            report.rows[config] = {split: loaded[split].num_rows for split in loaded}
            if expected is None:
                continue
            for split in SPLITS:
                # An empty split is not published: it must be empty in the records too.
                rows = list(loaded[split]) if split in loaded else []
                report.compared += len(rows)
                _compare(report, config, split, rows, expected[config][split], max_problems)
    return report


def _compare(
    report: LoadReport,
    config: str,
    split: str,
    rows: list[dict[str, Any]],
    wanted: list[dict[str, Any]],
    max_problems: int,
) -> None:
    if len(rows) != len(wanted):
        report.problems.append(f"{config}/{split}: {len(rows)} rows, expected {len(wanted)}")
        return
    for number, (row, want) in enumerate(zip(rows, wanted, strict=True)):
        if row != want and len(report.problems) < max_problems:
            fields = [name for name in want if row.get(name) != want[name]]
            report.problems.append(f"{config}/{split} row {number}: differs in {fields}")


def _configs(folder: Path) -> list[str]:
    rows: dict[str, dict[str, int]] = read_manifest(folder).get("rows", {})
    return [config for config in CONFIGS if sum(rows.get(config, {}).values())]


def _expected(records: Path, folder: Path) -> dict[str, dict[str, list[dict[str, Any]]]]:
    """Records and quote rows per config and split, in file order (the order of the shards)."""
    splits = dict(_index(folder))
    expected: dict[str, dict[str, list[dict[str, Any]]]] = {
        config: {split: [] for split in SPLITS} for config in CONFIGS
    }
    # The JSON Lines file is the reference when there is one: it never went through Arrow.
    if records.is_dir() and (records / RECORDS_JSONL).is_file():
        records = records / RECORDS_JSONL
    for batch in read_batches(locate(records)):
        for record in batch.records:
            split = splits.get(record["id"], "")
            if split not in SPLITS:
                continue  # not in the release: the row count check reports it
            expected[ARTICLES][split].append(record)
            expected[QUOTES][split].extend(quote_rows(record))
    return expected


def _index(folder: Path) -> Iterator[tuple[str, str]]:
    for line in (folder / INDEX).read_text("utf-8").splitlines()[1:]:
        article_id, split, _ = line.split("\t")
        yield article_id, split
