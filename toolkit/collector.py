"""Python's cyclic garbage collector, paused while bulk work builds objects without cycles."""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def collector_paused(*, freeze: bool = False) -> Iterator[None]:
    """The collector off inside the block (and back on after it, if it was on). Its full
    collections walk every live object, so while millions are made it costs time for no
    cycles found. `freeze` first moves the objects alive so far (modules, schema) out of its
    reach for good, so collections run on purpose inside the block skip them too."""
    if freeze:
        gc.freeze()
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
