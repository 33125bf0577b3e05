"""Compile the hot code with mypyc: the quote extractor (about 1.6x faster), the page parser
(about 1.7x faster) and the record checker generated from the schema (about 1.5x faster),
each into `<package>/_accel/`.

The pure-Python modules stay the source of truth. For each package this script copies them
into a build folder as the package `<package>._accel`, compiles the copies, and installs the
extension modules next to the sources together with a hash of those sources. The package uses
the compiled modules only while that hash matches (`toolkit.compiled`), so an edit to the
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
sys.path.insert(0, str(ROOT))

from toolkit.compiled import Accelerated  # noqa: E402
from toolkit.parse import ACCELERATED as PARSE  # noqa: E402
from toolkit.quotes import ACCELERATED as QUOTES  # noqa: E402
from toolkit.records.validate import CHECKER  # noqa: E402

PACKAGES = (QUOTES, PARSE, CHECKER)

SETUP = """
from setuptools import setup
from mypyc.build import mypycify

modules = [f"{folder}/_accel/{{name}}.py" for name in {modules!r}]
setup(name="newsdump-accel", packages=[],
      ext_modules=mypycify(modules, group_name="{package}._accel", opt_level="3"))
"""


def clean(pkg: Accelerated) -> None:
    shutil.rmtree(pkg.folder / "_accel", ignore_errors=True)
    for lib in pkg.folder.glob("_accel__mypyc*"):
        lib.unlink()


def build(pkg: Accelerated) -> None:
    relative = Path(*pkg.package.split("."))
    with tempfile.TemporaryDirectory(prefix="newsdump-accel-") as tmp:
        work = Path(tmp)
        package = work / relative / "_accel"
        package.mkdir(parents=True)
        # Empty parents: mypyc type-checks the copies alone, not the whole toolkit.
        for parent in (work / relative.parts[0], work / relative, package):
            (parent / "__init__.py").write_text("")
        prefix = re.escape(pkg.package)
        local = re.compile(rf"{prefix}\.({'|'.join(pkg.modules)})\b")
        for name in pkg.modules:
            text = (pkg.folder / f"{name}.py").read_text("utf-8")
            (package / f"{name}.py").write_text(local.sub(rf"{pkg.package}._accel.\1", text))
        (work / "mypy.ini").write_text("[mypy]\nignore_missing_imports = True\n")
        setup = SETUP.format(
            folder=relative.as_posix(), modules=list(pkg.modules), package=pkg.package
        )
        (work / "setup.py").write_text(setup)
        env = {**os.environ, "PYTHONPATH": ""}
        subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=work,
            check=True,
            stdout=subprocess.DEVNULL,
            env=env,
        )
        clean(pkg)
        target = pkg.folder / "_accel"
        target.mkdir()
        for built in package.glob("*.so"):
            shutil.copy2(built, target / built.name)
        for lib in (work / relative).glob("_accel__mypyc*"):
            shutil.copy2(lib, pkg.folder / lib.name)
    (target / "__init__.py").write_text(
        f'"""Compiled copies of {pkg.package} (scripts/build_accel.py); not edited by hand."""\n'
        f'SOURCE_HASH = "{pkg.source_hash()}"\n'
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clean", action="store_true", help="remove the compiled modules")
    args = parser.parse_args()
    failed = 0
    for pkg in PACKAGES:
        if args.clean:
            clean(pkg)
            continue
        try:
            build(pkg)
        except (subprocess.CalledProcessError, OSError) as exc:
            clean(pkg)
            print(
                f"build_accel: compiling {pkg.package} failed ({exc}); its pure-Python "
                "modules are used",
                file=sys.stderr,
            )
            failed = 1
            continue
        where = (pkg.folder / "_accel").relative_to(ROOT)
        print(f"build_accel: compiled {len(pkg.modules)} modules into {where}")
    return failed


if __name__ == "__main__":
    sys.exit(main())
