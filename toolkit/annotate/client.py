"""A connection to a Label Studio server through `label-studio-sdk`, with the retries and the
one-line errors the annotate commands need.

The SDK already retries 5xx and 429 answers with backoff; a server that is down never answers,
so connection failures get the same treatment here. Whatever still fails becomes a
`StudioError` whose message names the fix.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

import orjson

from toolkit.errors import StudioError

if TYPE_CHECKING:
    import httpx
    from label_studio_sdk import LabelStudio

T = TypeVar("T")
TOKEN_ENV = "LABEL_STUDIO_API_KEY"
_SDK_RETRIES = 3


@dataclass(frozen=True)
class Connection:
    url: str
    token: str = ""  # never printed: see masked()

    def masked(self) -> str:
        return f"{self.token[:4]}…" if self.token else "(none)"


def resolve(url: str | None, home: str | None = None) -> Connection:
    """The server to talk to: `url` (token from LABEL_STUDIO_API_KEY), else the one
    `newsdump studio start` runs."""
    from toolkit.annotate.studio import Studio

    env_token = os.environ.get(TOKEN_ENV, "")
    if url:
        studio = Studio.locate(home)
        saved = studio.read_config()
        token = env_token or (saved.get("token", "") if saved.get("url") == url.rstrip("/") else "")
        if not token:
            raise StudioError(
                f"no API token for {url}: set {TOKEN_ENV} to your Label Studio access token "
                "(Account & Settings > Access Token)"
            )
        return Connection(url.rstrip("/"), token)
    saved = Studio.locate(home).read_config()
    if not saved.get("url"):
        raise StudioError(
            "no Label Studio server: run `newsdump studio start`, or pass --url and set "
            f"{TOKEN_ENV}"
        )
    return Connection(str(saved["url"]), env_token or str(saved.get("token", "")))


class Client:
    """The SDK client plus `call()`, which retries and translates failures."""

    def __init__(self, connection: Connection, *, retries: int = 4, timeout: float = 300.0):
        import httpx
        from label_studio_sdk import LabelStudio

        self.connection = connection
        self.retries = retries
        self.timeout = timeout
        # One pooled client for every raw request: connections stay open between the pieces
        # of an export, and an httpx client may be shared between threads.
        self._raw: httpx.Client = httpx.Client(
            base_url=connection.url,
            headers={"Authorization": f"Token {connection.token}"},
            timeout=timeout,
        )
        self.sdk: LabelStudio = LabelStudio(
            base_url=connection.url,
            api_key=connection.token,
            timeout=timeout,
            max_retries=_SDK_RETRIES if retries else 0,
        )

    def call(self, what: str, fn: Callable[[], T], *, retry_5xx: bool = False) -> T:
        """Run one SDK call; `what` names it in the error message. The SDK retries 5xx
        answers itself, so only calls made without it ask for `retry_5xx`."""
        import httpx
        from label_studio_sdk.core.api_error import ApiError

        delay = 0.5
        for attempt in range(self.retries + 1):
            last = attempt == self.retries
            try:
                return fn()
            except httpx.TransportError as exc:
                if last:
                    raise StudioError(
                        f"Label Studio at {self.connection.url} is not answering ({what}: "
                        f"{type(exc).__name__}); start it with `newsdump studio start` or "
                        "check --url"
                    ) from None
            except ApiError as exc:
                if last or not retry_5xx or (exc.status_code or 0) < 500:
                    raise _api_error(self.connection, what, exc) from None
            time.sleep(delay)
            delay *= 2
        raise AssertionError("unreachable")  # pragma: no cover

    def get_json(self, what: str, path: str, params: dict[str, Any]) -> Any:
        """GET a large JSON answer without the SDK's per-object models, which cost more
        than the download itself for thousands of tasks. Same retries and errors."""
        return orjson.loads(self.get_bytes(what, path, params))

    def get_bytes(self, what: str, path: str, params: dict[str, Any] | None = None) -> bytes:
        """GET `path` (which may carry its own query string) as raw bytes, with the same
        retries and errors as `call`. Safe to use from several threads at once."""
        from label_studio_sdk.core.api_error import ApiError

        def fetch() -> bytes:
            response = self._raw.get(path, params=params)
            if response.status_code >= 400:
                raise ApiError(status_code=response.status_code, body=response.text[:500])
            return response.content

        return self.call(what, fetch, retry_5xx=True)


def _api_error(connection: Connection, what: str, exc: Any) -> StudioError:
    status = getattr(exc, "status_code", None)
    if status in (401, 403):
        return StudioError(
            f"Label Studio at {connection.url} refused the API token {connection.masked()} "
            f"({status}); set {TOKEN_ENV} to a valid token, or run `newsdump studio start` to "
            "use the embedded server"
        )
    if status is not None and status >= 500:
        return StudioError(
            f"Label Studio at {connection.url} failed ({what}: HTTP {status}) after retries; "
            "see its log (`newsdump studio status` shows where) and try again"
        )
    body = str(getattr(exc, "body", ""))[:200].replace("\n", " ")
    return StudioError(f"Label Studio rejected {what} (HTTP {status}): {body}")
