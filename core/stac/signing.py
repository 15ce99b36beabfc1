"""Signing asset URLs with Planetary Computer's tokens (docs/stac.md#signing).

``GET {token service}/{collection}`` answers ``{"token": "st=...&se=...&sig=...", "msft:expiry":
"2023-07-10T12:00:00Z"}``; a signed URL is the asset's URL with the token as its query string. A
token serves every asset of its collection until it expires: it is cached per collection and
renewed a margin before its expiry, so that signing many URLs, from many threads at once, costs one
call per collection per token lifetime (signing each URL would flood the token service into 429s).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from urllib.parse import urlsplit, urlunsplit

from ..feedback import FeedbackLike
from ..i18n import tr
from ..remote.client import RemoteClient, RemoteConfig, RemoteError
from ..remote.transport import TransportFactory, snippet
from .items import parse_datetime

PLANETARY_COMPUTER_TOKENS = "https://planetarycomputer.microsoft.com/api/sas/v1/token"
RENEW_MARGIN = 300.0  # seconds before expiry a token is renewed (at most a quarter of its life)
UNSAID_LIFETIME = 300.0  # seconds a token whose expiry the service does not say is used for


def without_query(url: str) -> str:
    """`url` without its query string: how a signed URL is named in messages (never its token)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, parts.netloc, parts.path, "", ""))


def _expiry(value: object, now: float) -> float | None:
    """The expiry of a token as a time.time() value: from an ISO date, or seconds since 1970."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    moment = parse_datetime(value)
    return moment.timestamp() if moment is not None else None


class TokenSigner:
    """Signs asset URLs with a token per collection from a token service (Planetary Computer's by
    default). Thread-safe; one token call per collection at a time, the others waiting for it."""

    def __init__(self, token_url: str = PLANETARY_COMPUTER_TOKENS, transport: TransportFactory | None = None,
                 timeout: float = 60.0, clock: Callable[[], float] = time.time, max_retries: int = 6,
                 backoff_base: float = 1.0) -> None:
        self.token_url = token_url.rstrip("/")
        self.config = RemoteConfig(api_url=self.token_url, api_key=None, transport=transport, timeout=timeout,
                                   max_retries=max_retries, backoff_base=backoff_base)
        self.clock = clock
        self._tokens: dict[str, tuple[str, float]] = {}  # collection -> (token, renew at)
        self._locks: dict[str, threading.Lock] = {}
        self._guard = threading.Lock()

    def __repr__(self) -> str:
        return f"TokenSigner({self.token_url!r})"

    def sign(self, href: str, collection: str, feedback: FeedbackLike | None = None) -> str:
        """`href` with the collection's token as its query string."""
        token = self.token(collection, feedback)
        parts = urlsplit(href)
        query = f"{parts.query}&{token}" if parts.query else token
        return urlunsplit((parts.scheme, parts.netloc, parts.path, query, parts.fragment))

    def token(self, collection: str, feedback: FeedbackLike | None = None) -> str:
        with self._guard:
            lock = self._locks.setdefault(collection, threading.Lock())
        with lock:
            known = self._tokens.get(collection)
            if known is not None and self.clock() < known[1]:
                return known[0]
            token, renew_at = self._fetch(collection, feedback)
            self._tokens[collection] = (token, renew_at)
            return token

    def forget(self, collection: str | None = None) -> None:
        """Drop the cached token(s): the next sign fetches a new one (after a 403 on an asset)."""
        with self._guard:
            if collection is None:
                self._tokens.clear()
            else:
                self._tokens.pop(collection, None)

    def _fetch(self, collection: str, feedback: FeedbackLike | None) -> tuple[str, float]:
        url = f"{self.token_url}/{collection}"
        now = self.clock()
        with RemoteClient(self.config, feedback, keeps_tasks=False) as client:
            _answer, data = client.service_json("GET", url, tr("asking for a token to read {collection}").format(
                collection=collection))
        token = data.get("token") if isinstance(data, dict) else None
        if not isinstance(token, str) or not token.strip():
            message = tr("the token service {url} gave no token for {collection}: {answer}")
            # the answer may hold a token after all, in another shape: quoted by its keys only
            answer = snippet(sorted(data)) if isinstance(data, dict) else snippet(type(data).__name__)
            raise RemoteError(message.format(url=self.token_url, collection=collection, answer=answer))
        expiry = _expiry(data.get("msft:expiry"), now)
        if expiry is None or expiry <= now:
            renew_at = now + UNSAID_LIFETIME  # no usable expiry: kept a while all the same, not fetched per URL
        else:
            renew_at = expiry - min(RENEW_MARGIN, (expiry - now) / 4)
        return token.strip().lstrip("?"), renew_at
