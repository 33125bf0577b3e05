"""Run units in this process or in a pool of worker processes."""

from __future__ import annotations

import multiprocessing as mp
import time
from multiprocessing.sharedctypes import Synchronized
from pathlib import Path
from typing import Any

from toolkit.errors import NewsdumpError
from toolkit.pipeline.options import ConvertOptions
from toolkit.pipeline.progress import ProgressLine
from toolkit.pipeline.unit import convert_unit
from toolkit.sources.inputs import Unit

_counters: tuple[Synchronized[int], Synchronized[int]] | None = None


def _init_worker(docs: Synchronized[int], rejects: Synchronized[int]) -> None:
    global _counters
    _counters = (docs, rejects)


def _report(documents: int, rejects: int) -> None:
    assert _counters is not None
    docs, rej = _counters
    with docs.get_lock():
        docs.value += documents
    with rej.get_lock():
        rej.value += rejects


def _run(unit: Unit, index: int, folder: Path, options: ConvertOptions) -> dict[str, Any]:
    return convert_unit(unit, index, folder, options, _report)


def run_units(
    units: list[Unit], folder: Path, options: ConvertOptions, progress: ProgressLine
) -> list[dict[str, Any]]:
    if options.workers == 1 or len(units) == 1:
        partials = []
        for index, unit in enumerate(units):
            partials.append(convert_unit(unit, index, folder, options, progress.add))
            progress.unit_done()
        return partials
    ctx = mp.get_context("spawn")  # no inherited locks or file handles from the parent
    docs = ctx.Value("q", 0)
    rejects = ctx.Value("q", 0)
    workers = min(options.workers, len(units))
    with ctx.Pool(workers, initializer=_init_worker, initargs=(docs, rejects)) as pool:
        pending = [
            pool.apply_async(_run, (unit, index, folder, options))
            for index, unit in enumerate(units)
        ]
        done = 0
        while done < len(pending):
            time.sleep(0.1)
            progress.set(docs.value, rejects.value)
            finished = sum(1 for job in pending if job.ready())
            for _ in range(finished - done):
                progress.unit_done()
            done = finished
        try:
            return [job.get() for job in pending]
        except Exception as exc:  # a worker crashed: a bug, but say which way it went
            raise NewsdumpError(
                f"a worker process failed: {type(exc).__name__}: {exc}. "
                "Re-run with --workers 1 to see the full error."
            ) from exc
