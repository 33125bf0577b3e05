"""The quickstart notebook runs, top to bottom, on a dataset this suite published."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import nbformat
import pytest
from nbclient import NotebookClient

from tests.conftest import QUICKSTART


@pytest.fixture(scope="module")
def executed(release: Path) -> Any:
    notebook = _read()
    os.environ["NEWSDUMP_DATASET"] = str(release)  # the kernel inherits this environment
    try:
        client = NotebookClient(
            notebook,
            timeout=120,
            kernel_name="python3",
            resources={"metadata": {"path": str(QUICKSTART.parent)}},
        )
        client.execute()
    finally:
        os.environ.pop("NEWSDUMP_DATASET", None)
    return notebook


def _read() -> Any:
    return nbformat.read(QUICKSTART, as_version=4)  # type: ignore[no-untyped-call]


def _outputs(notebook: Any) -> str:
    parts = []
    for cell in notebook.cells:
        for output in cell.get("outputs", []):
            parts.append(output.get("text", ""))
            parts.append(str(output.get("data", {}).get("text/plain", "")))
    return "\n".join(parts)


def test_notebook_counts_the_published_articles(executed: Any) -> None:
    assert "22 articles" in _outputs(executed)


def test_notebook_lists_speakers(executed: Any) -> None:
    assert "speaker" in _outputs(executed)


def test_notebook_is_committed_without_outputs() -> None:
    notebook = _read()
    assert all(not cell.get("outputs") for cell in notebook.cells if cell.cell_type == "code")


def test_notebook_draws_a_plot(executed: Any) -> None:
    images = [
        output
        for cell in executed.cells
        for output in cell.get("outputs", [])
        if "image/png" in output.get("data", {})
    ]
    assert len(images) == 1
