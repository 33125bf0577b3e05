"""Find the units of work behind the paths a user gives.

A unit is one input file or one archive member: it is converted on its own into one output
shard, so it can run in any process (or, later, on any machine). Formats are recognised by
their bytes, not their names; directories are walked for dump-like names only.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import shutil
import tarfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

from toolkit.errors import InputError

DUMP_SUFFIXES = (".txt", ".txt.gz", ".tar", ".tar.gz", ".tgz")
_GZIP_MAGIC = b"\x1f\x8b"
_READ_BLOCK = 1 << 20


@dataclass(frozen=True)
class Unit:
    """One input file or archive member, converted independently into one shard."""

    path: str  # shown to the user and stored in records: `file` or `archive!member`
    fs_path: str  # the file to open (a plain file, or the archive holding the member)
    format: str  # txt | txt.gz | tar | tar.gz | tar+gz | tar.gz+gz
    member_offset: int = -1  # tar members: where the member's bytes start in fs_path
    member_size: int = -1

    @property
    def gzipped(self) -> bool:
        return self.format in ("txt.gz", "tar+gz", "tar.gz+gz")


@dataclass
class Skipped:
    path: str
    reason: str


@dataclass
class Plan:
    units: list[Unit] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)


def _sniff(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(512)
        if head[:2] == _GZIP_MAGIC:
            fh.seek(0)
            try:
                with gzip.GzipFile(fileobj=fh) as gz:
                    inner = gz.read(512)
            except (OSError, EOFError):
                return "txt.gz"  # corrupt: reading it reports the damage as a reject
            return "tar.gz" if _looks_like_tar(inner) else "txt.gz"
    return "tar" if _looks_like_tar(head) else "txt"


def _looks_like_tar(head: bytes) -> bool:
    return len(head) >= 262 and head[257:262] == b"ustar"


def _check_readable(path: Path) -> None:
    try:
        with path.open("rb") as fh:
            fh.read(1)
    except PermissionError as exc:
        raise InputError(
            f"cannot read {str(path)!r}: permission denied. Fix its permissions "
            "(chmod +r) or leave it out of the inputs."
        ) from exc
    except IsADirectoryError:  # pragma: no cover - directories are walked before this
        raise
    except OSError as exc:
        raise InputError(f"cannot read {str(path)!r}: {exc.strerror}.") from exc


def _walk(root: Path, exclude: Path | None) -> Iterator[Path]:
    for dirpath, dirnames, filenames in os.walk(root, onerror=_raise_walk_error):
        if exclude is not None:
            # an output folder inside an input folder is not read back as input
            dirnames[:] = [d for d in dirnames if (Path(dirpath) / d).resolve() != exclude]
        dirnames.sort()
        for name in sorted(filenames):
            yield Path(dirpath) / name


def _raise_walk_error(exc: OSError) -> None:
    raise InputError(
        f"cannot list directory {exc.filename!r}: {exc.strerror}. Fix its permissions or "
        "leave it out of the inputs."
    )


def plan(inputs: list[str], staging: Path, exclude: Path | None = None) -> Plan:
    """Expand paths into units. Raises InputError for a path that cannot be used at all.

    `staging` receives decompressed copies of `.tar.gz` archives so that their members can be
    read independently, with seeks, by any worker.
    """
    result = Plan()
    if not inputs:
        raise InputError("no input given. Pass dump files, directories or archives.")
    for raw in inputs:
        path = Path(raw)
        if not path.exists():
            raise InputError(f"input {raw!r} does not exist. Check the path.")
        if path.is_dir():
            for child in _walk(path, exclude.resolve() if exclude else None):
                if not child.name.lower().endswith(DUMP_SUFFIXES):
                    result.skipped.append(
                        Skipped(
                            str(child), "not a dump file name (.txt, .txt.gz, .tar, .tar.gz, .tgz)"
                        )
                    )
                    continue
                _add_file(child, str(child), result, staging)
        elif not path.is_file():
            raise InputError(
                f"input {raw!r} is not a regular file (a pipe or device?). Save it to a file first."
            )
        else:
            _add_file(path, raw, result, staging)
    return result


def _add_file(path: Path, shown: str, result: Plan, staging: Path) -> None:
    if not path.is_file():
        result.skipped.append(Skipped(shown, "not a regular file"))
        return
    _check_readable(path)
    kind = _sniff(path)
    if kind in ("txt", "txt.gz"):
        result.units.append(Unit(shown, str(path), kind))
        return
    tar_path = path
    if kind == "tar.gz":
        staging.mkdir(parents=True, exist_ok=True)
        tar_path = staging / f"archive-{len(list(staging.iterdir())):05d}.tar"
        try:
            with gzip.open(path, "rb") as src, tar_path.open("wb") as dst:
                shutil.copyfileobj(src, dst, _READ_BLOCK)
        except (OSError, EOFError) as exc:
            raise InputError(
                f"{shown!r} is a damaged .tar.gz ({exc}). Re-create the "
                "archive or pass its files instead."
            ) from exc
    _add_members(tar_path, shown, kind, result)


def _add_members(tar_path: Path, shown: str, kind: str, result: Plan) -> None:
    try:
        with tarfile.open(tar_path, "r:") as archive:
            for member in archive:
                name = f"{shown}!{member.name}"
                if member.isdir():
                    continue
                if not member.isfile():
                    result.skipped.append(
                        Skipped(
                            name,
                            "archive member is not a regular file (link or device); not followed",
                        )
                    )
                    continue
                with tar_path.open("rb") as fh:
                    fh.seek(member.offset_data)
                    gz = fh.read(2) == _GZIP_MAGIC
                fmt = kind + "+gz" if gz else kind
                result.units.append(Unit(name, str(tar_path), fmt, member.offset_data, member.size))
    except tarfile.TarError as exc:
        raise InputError(
            f"{shown!r} is a damaged tar archive ({exc}). Re-create the "
            "archive or pass its files instead."
        ) from exc


class _Window:
    """A read-only view of `size` bytes of a file starting at `offset` (one tar member)."""

    def __init__(self, fh: BinaryIO, offset: int, size: int) -> None:
        self._fh = fh
        self._left = size
        fh.seek(offset)

    def read(self, n: int = -1) -> bytes:
        if self._left <= 0:
            return b""
        n = self._left if n < 0 else min(n, self._left)
        data = self._fh.read(n)
        self._left -= len(data)
        return data

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> _Window:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_stored(unit: Unit) -> BinaryIO:
    """The unit's bytes as stored (compressed if it is compressed)."""
    fh = open(unit.fs_path, "rb")  # noqa: SIM115 - returned to the caller, who closes it
    if unit.member_offset < 0:
        return fh
    return _Window(fh, unit.member_offset, unit.member_size)  # type: ignore[return-value]


def open_text_bytes(unit: Unit) -> BinaryIO:
    """The unit's decompressed bytes."""
    stored = open_stored(unit)
    if unit.gzipped:
        return gzip.GzipFile(fileobj=stored, mode="rb")  # type: ignore[return-value]
    return stored


def sha256_of(unit: Unit) -> str:
    """SHA-256 of a unit's bytes as stored (an archive member's own bytes)."""
    with open_stored(unit) as fh:
        return _sha256_stream(fh)


def file_sha256(path: Path) -> str:
    with path.open("rb") as fh:
        return _sha256_stream(fh)


def _sha256_stream(fh: BinaryIO) -> str:
    digest = hashlib.sha256()
    while block := fh.read(_READ_BLOCK):
        digest.update(block)
    return digest.hexdigest()
