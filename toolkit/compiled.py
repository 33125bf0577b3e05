"""Compiled builds of hot packages (`scripts/build_accel.py` compiles them with mypyc).

A package such as `toolkit.quotes` names the modules it is made of; the build copies them into
`<package>/_accel/`, compiles the copies and records a hash of the sources they came from.
`load` hands out a compiled module only while that hash matches the sources on disk, so an
edit to the Python code never runs against a stale build: the pure-Python module is used
instead, with the same results, slower.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType


@dataclass(frozen=True)
class Accelerated:
    """A package whose `modules` (names of `.py` files beside its `__init__`) have a
    compiled build."""

    package: str
    modules: tuple[str, ...]

    @property
    def folder(self) -> Path:
        return Path(__file__).resolve().parent.joinpath(*self.package.split(".")[1:])

    def source_hash(self) -> str:
        """SHA-256 over the modules the compiled build is made from (read once per process:
        a package loads several of its modules)."""
        return _digest(self.folder, self.modules)

    def load(self, module: str) -> tuple[ModuleType, str]:
        """`module` of the compiled build when it is current, else the pure-Python one;
        and which of the two it is ("compiled", or "python" with the reason)."""
        try:
            build = importlib.import_module(f"{self.package}._accel")
        except ImportError:
            return self._pure(module), "python"
        if getattr(build, "SOURCE_HASH", None) != self.source_hash():
            return self._pure(module), "python (compiled build is stale: run `make setup`)"
        try:
            return importlib.import_module(f"{self.package}._accel.{module}"), "compiled"
        except ImportError:
            return self._pure(module), "python (compiled build does not load: run `make setup`)"

    def _pure(self, module: str) -> ModuleType:
        # Imported only when needed: the compiled build is a copy of it, not a user of it.
        return importlib.import_module(f"{self.package}.{module}")


@functools.cache
def _digest(folder: Path, modules: tuple[str, ...]) -> str:
    digest = hashlib.sha256()
    for name in modules:
        digest.update((folder / f"{name}.py").read_bytes())
    return digest.hexdigest()
