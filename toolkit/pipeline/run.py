"""`convert`: plan units, run them, merge the shards, write the manifest, publish atomically.

Everything is built in a private folder inside OUT and moved under its final name only once
it is complete, so an interrupted or crashed run never leaves a half-written file behind.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

import orjson

from toolkit._version import __version__
from toolkit.errors import OutputError
from toolkit.pipeline.execute import run_units
from toolkit.pipeline.merge import merge_shards
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.progress import ProgressLine
from toolkit.pipeline.unit import STAGES
from toolkit.records.files import (
    MANIFEST,
    RECORDS_JSONL,
    RECORDS_JSONL_GZ,
    RECORDS_PARQUET,
    REJECTS,
)
from toolkit.schema import schema_version
from toolkit.sources.inputs import file_sha256, plan


@dataclass
class ConvertReport:
    """What a run did. `status` is `ok`, `rejects` or `strict_failed`."""

    out: Path
    documents: int = 0
    records: int = 0
    rejects: int = 0
    duplicates: int = 0
    reject_codes: dict[str, int] = field(default_factory=dict)
    warning_codes: dict[str, int] = field(default_factory=dict)
    skipped: list[dict[str, str]] = field(default_factory=list)
    files: list[str] = field(default_factory=list)
    seconds: float = 0.0
    status: str = "ok"

    def to_dict(self) -> dict[str, Any]:
        return {
            "out": str(self.out),
            "status": self.status,
            "documents": self.documents,
            "records": self.records,
            "rejects": self.rejects,
            "duplicates": self.duplicates,
            "reject_codes": self.reject_codes,
            "warning_codes": self.warning_codes,
            "skipped": self.skipped,
            "files": self.files,
            "seconds": round(self.seconds, 3),
        }

    def summary(self) -> str:
        rate = self.documents / self.seconds if self.seconds else 0.0
        line = (
            f"{self.documents:,} documents → {self.records:,} records, "
            f"{self.rejects:,} rejected, {self.duplicates:,} duplicates in "
            f"{self.seconds:.1f}s ({rate:,.0f}/s) → {self.out}"
        )
        if self.rejects:
            codes = ", ".join(f"{c} {n}" for c, n in sorted(self.reject_codes.items()))
            line += f" (rejects: {codes}; see {self.out / REJECTS})"
        if self.status == "strict_failed":
            line += " — --strict: records were not written"
        return line


def _prepare_out(out: Path) -> Path:
    try:
        out.mkdir(parents=True, exist_ok=True)
        _remove_abandoned(out)
        return Path(tempfile.mkdtemp(prefix=f".newsdump-{os.getpid()}-", dir=out))
    except OSError as exc:
        raise OutputError(
            f"cannot write to output folder {str(out)!r}: {exc.strerror}. Choose another -o folder."
        ) from exc


def _remove_abandoned(out: Path) -> None:
    """Work folders of killed runs (their process is gone) are removed; live ones are kept."""
    for folder in out.glob(".newsdump-*-*"):
        pid = folder.name.split("-")[1]
        if not pid.isdigit():
            continue
        try:
            os.kill(int(pid), 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except PermissionError:
            pass


def convert(
    inputs: list[str],
    out: Path,
    options: ConvertOptions | None = None,
    progress: ProgressLine | None = None,
) -> ConvertReport:
    """Convert dumps under `inputs` into OUT/articles.{jsonl,parquet}, rejects and manifest."""
    options = options or ConvertOptions()
    started = time.perf_counter()
    work = _prepare_out(out)
    try:
        the_plan = plan(inputs, work / "staging", exclude=out)
        shards = work / "shards"
        shards.mkdir()
        final = work / "final"
        final.mkdir()
        progress = progress or ProgressLine(len(the_plan.units), enabled=False)
        progress.units = len(the_plan.units)
        t_plan = time.perf_counter()
        partials = run_units(the_plan.units, shards, options, progress)
        progress.close()
        t_convert = time.perf_counter()
        merged = merge_shards(partials, shards, final, options.compress_jsonl)
        t_merge = time.perf_counter()
        report = _report(out, partials, merged.records, merged.duplicates, the_plan.skipped)
        publish = list(merged.files)
        if options.strict and report.rejects:
            report.status = "strict_failed"
            publish = [REJECTS]
        elif report.rejects:
            report.status = "rejects"
        report.files = [*publish, MANIFEST]
        report.seconds = time.perf_counter() - started
        timings = {
            "plan": t_plan - started,
            "convert": t_convert - t_plan,
            "merge": t_merge - t_convert,
            "total": report.seconds,
        }
        manifest = _manifest(report, partials, final, publish, options, timings)
        (final / MANIFEST).write_bytes(orjson.dumps(manifest, option=orjson.OPT_INDENT_2))
        _publish(final, out, [*publish, MANIFEST])
        return report
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _report(
    out: Path, partials: list[dict[str, Any]], records: int, cross_dupes: int, skipped: list[Any]
) -> ConvertReport:
    report = ConvertReport(out)
    rejects: Counter[str] = Counter()
    warnings: Counter[str] = Counter()
    for p in partials:
        report.documents += p["documents"]
        report.rejects += p["rejects"]
        report.duplicates += p["duplicates"]
        rejects.update(p["reject_codes"])
        warnings.update(p["warning_codes"])
    report.records = records
    report.duplicates += cross_dupes
    report.reject_codes = dict(sorted(rejects.items()))
    report.warning_codes = dict(sorted(warnings.items()))
    report.skipped = [{"path": s.path, "reason": s.reason} for s in skipped]
    return report


def _manifest(
    report: ConvertReport,
    partials: list[dict[str, Any]],
    final: Path,
    publish: list[str],
    options: ConvertOptions,
    timings: dict[str, float],
) -> dict[str, Any]:
    return {
        "toolkit_version": __version__,
        "schema_version": schema_version(),
        "created": datetime.now(timezone.utc).isoformat(timespec="seconds"),
        "command": ["newsdump", *sys.argv[1:]] if sys.argv else [],
        "status": report.status,
        "counts": {
            "documents": report.documents,
            "records": report.records,
            "rejects": report.rejects,
            "duplicates": report.duplicates,
        },
        "balanced": report.documents == report.records + report.rejects + report.duplicates,
        "reject_codes": report.reject_codes,
        "warning_codes": report.warning_codes,
        "options": {
            "workers": options.workers,
            "compress_jsonl": options.compress_jsonl,
            "strict": options.strict,
            "max_document_bytes": options.max_document_bytes,
            "quotes": options.quotes,
        },
        "inputs": [
            {
                "path": p["unit"]["path"],
                "format": p["unit"]["format"],
                "sha256": p["sha256"],
                "documents": p["documents"],
                "records": p["records"],
                "rejects": p["rejects"],
                "duplicates": p["duplicates"],
                "seconds": p["seconds"],
            }
            for p in sorted(partials, key=lambda p: p["index"])
        ],
        "skipped": report.skipped,
        "outputs": {
            name: {"bytes": (final / name).stat().st_size, "sha256": file_sha256(final / name)}
            for name in publish
        },
        "timings": {k: round(v, 3) for k, v in timings.items()},
        # Seconds per stage summed over the units (over workers, so they may add up to more
        # than `convert`): where conversion time goes, e.g. the cost of quote extraction.
        "stage_seconds": {
            stage: round(sum(p["stages"][stage] for p in partials), 6) for stage in STAGES
        },
    }


def _publish(final: Path, out: Path, names: list[str]) -> None:
    """Move finished files under their final names; the manifest goes last."""
    # Record files of an earlier run that this run does not replace would contradict the new
    # manifest, so they go.
    for stale in (RECORDS_JSONL, RECORDS_JSONL_GZ, RECORDS_PARQUET):
        if stale not in names and (out / stale).exists():
            (out / stale).unlink()
    for name in names:
        os.replace(final / name, out / name)
