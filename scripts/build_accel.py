"""Compile the quote extractor with mypyc into `toolkit/quotes/_accel/` (about 1.6x faster).

The pure-Python modules in `toolkit/quotes/` stay the source of truth. This script copies
them into a build folder as the package `toolkit.quotes._accel`, compiles the copies, and
installs the extension modules next to the sources together with a hash of those sources.
`toolkit.quotes` uses the compiled modules only while that hash matches, so an edit to the
Python code can never run against a stale build.

Usage: python scripts/build_accel.py [--clean]
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
QUOTES = ROOT / "toolkit" / "quotes"
TARGET = QUOTES / "_accel"
sys.path.insert(0, str(ROOT))

from toolkit.quotes import MODULES, source_hash  # noqa: E402

SETUP = """
from setuptools import setup
from mypyc.build import mypycify

modules = [f"toolkit/quotes/_accel/{{name}}.py" for name in {modules!r}]
setup(name="newsdump-accel", packages=[],
      ext_modules=mypycify(modules, group_name="toolkit.quotes._accel", opt_level="3"))
"""


def clean() -> None:
    shutil.rmtree(TARGET, ignore_errors=True)
    for lib in QUOTES.glob("_accel__mypyc*"):
        lib.unlink()


def build() -> None:
    with tempfile.TemporaryDirectory(prefix="newsdump-accel-") as tmp:
        work = Path(tmp)
        package = work / "toolkit" / "quotes" / "_accel"
        package.mkdir(parents=True)
        # Empty parents: mypyc type-checks the copies alone, not the whole toolkit.
        (work / "toolkit" / "__init__.py").write_text("")
        (work / "toolkit" / "quotes" / "__init__.py").write_text("")
        (package / "__init__.py").write_text("")
        local = re.compile(rf"toolkit\.quotes\.({'|'.join(MODULES)})\b")
        for name in MODULES:
            text = (QUOTES / f"{name}.py").read_text("utf-8")
            (package / f"{name}.py").write_text(local.sub(r"toolkit.quotes._accel.\1", text))
        (work / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n")
        (work / "setup.py").write_text(SETUP.format(modules=list(MODULES)))
        env = {**os.environ, "PYTHONPATH": ""}
        subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=work,
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        clean()
        TARGET.mkdir()
        for built in package.glob("*.so"):
            shutil.copy2(built, TARGET / built.name)
        for lib in (work / "toolkit" / "quotes").glob("_accel__mypyc*"):
            shutil.copy2(lib, QUOTES / lib.name)
    (TARGET / "__init__.py").write_text(
        '"""Compiled copies of toolkit.quotes (scripts/build_accel.py); not edited by hand."""\n'
        f'SOURCE_HASH = "{source_hash()}"\n'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    if args.clean:
        clean()
        return 0
    try:
        build()
    except (subprocess.CalledProcessError, OSError) as exc:
        clean()
        print(
            f"build_accel: compiling failed ({exc}); the pure-Python extractor is used",
            file=sys.stderr,
        )
        return 1
    print(f"build_accel: compiled {len(MODULES)} modules into {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
