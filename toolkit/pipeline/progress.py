"""A one-line progress display on stderr (documents, rate, rejects), only on a terminal."""

from __future__ import annotations

import sys
import time
from typing import TextIO

_EVERY = 0.2  # seconds between redraws


class ProgressLine:
    def __init__(self, units: int, stream: TextIO | None = None, enabled: bool | None = None):
        self.stream = stream or sys.stderr
        self.enabled = self.stream.isatty() if enabled is None else enabled
        self.units = units
        self.units_done = 0
        self.documents = 0
        self.rejects = 0
        self.started = time.perf_counter()
        self._drawn = 0.0

    def add(self, documents: int, rejects: int) -> None:
        self.documents += documents
        self.rejects += rejects
        self.draw()

    def set(self, documents: int, rejects: int) -> None:
        self.documents, self.rejects = documents, rejects
        self.draw()

    def unit_done(self) -> None:
        self.units_done += 1
        self.draw(force=True)

    def draw(self, force: bool = False) -> None:
        if not self.enabled:
            return
        now = time.perf_counter()
        if not force and now - self._drawn < _EVERY:
            return
        self._drawn = now
        rate = self.documents / max(now - self.started, 1e-9)
        self.stream.write(
            f"\r\x1b[K{self.documents:,} documents  {rate:,.0f}/s  "
            f"{self.rejects:,} rejects  {self.units_done}/{self.units} inputs"
        )
        self.stream.flush()

    def close(self) -> None:
        if self.enabled:
            self.stream.write("\r\x1b[K")
            self.stream.flush()
