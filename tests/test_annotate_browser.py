"""End to end in the real labeling page: headless Debian Chromium driven by Playwright (no
browser download). The predicted regions render with their labels, an annotator submits, and
`annotate pull` sees the annotation."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from playwright.sync_api import Page, sync_playwright
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from tests.conftest import StudioServer, read_jsonl
from tests.test_annotate_studio import _project, _record_with_quotes, _run, _tasks, client, records
from toolkit.annotate import labels as L
from toolkit.annotate.client import Client
from toolkit.annotate.tasks import prediction_result

__all__ = ["client", "records"]  # fixtures shared with the API tests

CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def _wait_for_regions(page: Page, tmp_path: Path) -> None:
    """Wait for the labeling page to draw the predicted regions; if it never does, fail with
    what the page showed instead of a bare timeout."""
    try:
        page.wait_for_selector(".htx-highlight", timeout=120_000)
    except PlaywrightTimeout:
        shot = tmp_path / "no-regions.png"
        page.screenshot(path=str(shot))
        body = " ".join(page.inner_text("body").split())[:600]
        pytest.fail(f"no region drawn at {page.url} (screenshot {shot}); page text: {body!r}")


def test_labeling_page_shows_predictions_and_submit_reaches_pull(
    studio: StudioServer, client: Client, records: Path, tmp_path: Path
) -> None:
    chromium = shutil.which("chromium")
    if chromium is None:
        pytest.fail("Debian's chromium is not installed: run `make browser-env`")
    title = _project("browser")
    assert _run(studio, "annotate", "push", str(records), "--project", title) == 0
    record = _record_with_quotes(records)
    task = _tasks(client, title)[record["id"]]
    predicted = [r for r in prediction_result(record) if r["type"] == "labels"]
    with sync_playwright() as driver:
        browser = driver.chromium.launch(executable_path=chromium, args=CHROMIUM_FLAGS)
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        page.goto(f"{studio.url}/user/login/")
        page.fill('input[name="email"]', studio.username)
        page.fill('input[name="password"]', studio.password)
        # The form's POST navigates away from the login page. Waiting for that (rather than
        # for "networkidle", which the login page itself may already be at) keeps the next
        # goto from cancelling the login and landing on the login page again.
        page.click('button[type="submit"]')
        page.wait_for_url(lambda url: "/user/login" not in url, timeout=60_000)
        page.goto(f"{studio.url}/projects/{task.project}/data?task={task.id}")
        _wait_for_regions(page, tmp_path)
        rendered = page.locator(".htx-highlight").count()
        shown = page.inner_text("body")
        page.screenshot(path=str(tmp_path / "labeling-page.png"), full_page=False)
        page.get_by_role("button", name="Submit").click()
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline and not list(client.sdk.annotations.list(id=task.id)):
            time.sleep(0.5)
        browser.close()
    assert (tmp_path / "labeling-page.png").stat().st_size > 10_000
    assert rendered >= len(predicted)  # a region over several lines renders as several pieces
    assert all(label in shown for label in (L.TITLE, L.BODY, L.QUOTE, L.SPEAKER, L.SAID_BY))
    pulled = tmp_path / "pulled"
    assert _run(studio, "annotate", "pull", "--project", title, "-o", str(pulled)) == 0
    [annotation] = read_jsonl(pulled / "annotations.jsonl")
    assert annotation["annotator"] == studio.username and annotation["article_id"] == record["id"]
    regions = {(s["label"], s["start"], s["end"]) for s in annotation["spans"]}
    expected = {
        (r["value"]["labels"][0], r["value"]["start"], r["value"]["end"]) for r in predicted
    }
    assert regions == expected  # submitted as predicted: offsets survived the page
