"""Where scenes come from: a folder on this computer, or an http(s) URL, which is either a STAC API
(its landing page has a search link: docs/stac.md) or a web server with the scene folder layouts
(core/http_store.py). Every place that takes a scene folder (`lbe run --scenes`, `lbe scenes
--scenes`, the plugin's scene sources, Processing's SCENES) opens it here.

A URL is not asked anything until the first find or search, which run on a task's thread (or the
command line's): building a source never waits on the network.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import threading
from collections.abc import Sequence
from typing import TYPE_CHECKING, Protocol

from .errors import DataError
from .feedback import FeedbackLike
from .http_credentials import Credentials, with_credentials
from .http_raster import RemoteReading, is_url
from .i18n import tr
from .remote.transport import TransportFactory
from .scenes import Scene, SceneStore

if TYPE_CHECKING:
    from .stac.sources import StacSource


class SceneSource(Protocol):
    """What the local processor, the scene picker and `lbe scenes` ask of a source of scenes."""

    @property
    def root(self) -> str: ...

    def refresh(self) -> None: ...

    def scenes(self) -> list[Scene]: ...  # every scene it can list without a search ([] for a URL)

    def find(self, view_id: str) -> Scene: ...

    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,
               problems: list[str] | None = None, feedback: FeedbackLike | None = None) -> list[Scene]: ...


def open_scene_source(root: str, transport: TransportFactory | None = None,
                      reading: RemoteReading | None = None, credentials: Credentials | None = None) -> SceneSource:
    """The source of `root`: a folder (SceneStore) or a URL (UrlSceneSource). `transport` carries a
    catalog's searches and a web server's probes (None: `requests`, the command line's; QGIS passes
    its network's, with the source's authentication configuration); `reading` how band files are read
    over HTTP (its timeout and retries are also the catalog's); `credentials` the headers the band
    files of a private source are read with (core/http_credentials.py)."""
    if is_url(root):
        return UrlSceneSource(root, transport, reading, credentials)
    return SceneStore(root)


class UrlSceneSource:
    """The scenes at an http(s) URL: a STAC API when its landing page says so, else a scene store
    over plain HTTP (found by view_id only, nothing to search). Decided at the first use, once."""

    def __init__(self, url: str, transport: TransportFactory | None = None, reading: RemoteReading | None = None,
                 credentials: Credentials | None = None) -> None:
        self.url = url.strip()
        self.transport = transport
        self.reading = reading or RemoteReading()
        self.credentials = credentials
        self._lock = threading.Lock()
        self._source: SceneSource | None = None

    @property
    def root(self) -> str:
        from .gdal_support import shown_url

        return shown_url(self.url)

    def __repr__(self) -> str:
        return f"UrlSceneSource({self.root!r})"

    def refresh(self) -> None:
        """A catalog keeps nothing between searches but its landing page and tokens."""

    def scenes(self) -> list[Scene]:
        return []

    def _resolved(self, feedback: FeedbackLike | None = None) -> SceneSource:
        with self._lock:
            if self._source is None:
                self._source = self._decide(feedback)
            return self._source

    def _decide(self, feedback: FeedbackLike | None) -> SceneSource:
        from .http_store import HttpSceneStore
        from .remote.client import RemoteError
        from .stac.catalog import NotAStacApi
        from .stac.sources import source_for_url

        reading = self.reading  # one wait and one retry rule for any HTTP answer, catalog or file
        stac = source_for_url(self.url, self.transport, reading.timeout, reading.retries, reading.retry_delay)
        try:
            stac.catalog.open(feedback)
        except NotAStacApi as error:
            if error.status == 401:  # neither a catalog nor a store answers so without credentials
                message = tr("the scene source {url} refused access (HTTP 401): it needs credentials")
                raise DataError(message.format(url=self.root)) from None
            return HttpSceneStore(self.url, self.reading, self.transport)
        except RemoteError as error:
            if error.status is None or error.status >= 500:  # no answer at all: neither kind
                message = tr("the scene source {url} does not answer: {reason}")
                raise DataError(message.format(url=self.root, reason=error)) from None
            return HttpSceneStore(self.url, self.reading, self.transport)  # an answer, but not a catalog's
        return _StacAsStore(stac)

    def find(self, view_id: str) -> Scene:
        return self.credentialed(self._resolved().find(view_id))

    def credentialed(self, scene: Scene) -> Scene:
        """`scene`, its band files (and a catalog item's thumbnail) fetched with this source's
        credentials (none: as it is)."""
        if not self.credentials:
            return scene
        changes: dict = {"band_files": {band: with_credentials(url, self.credentials)
                                        for band, url in scene.band_files.items()}}
        if getattr(scene, "thumbnail", None):
            changes["thumbnail"] = with_credentials(scene.thumbnail, self.credentials)  # type: ignore[attr-defined]
        return dataclasses.replace(scene, **changes)

    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,
               problems: list[str] | None = None, feedback: FeedbackLike | None = None) -> list[Scene]:
        from .http_store import HttpSceneStore

        source = self._resolved(feedback)
        if isinstance(source, HttpSceneStore):
            message = tr("{url} is no STAC API (its landing page has no search link), and a web server of scene "
                         "folders cannot be searched: it serves scenes by view_id only")
            raise DataError(message.format(url=self.root))
        found = source.search(aoi=aoi, start=start, end=end, max_cloud=max_cloud, sensors=sensors,
                              problems=problems, feedback=feedback)
        return [self.credentialed(scene) for scene in found]

    def stac(self, feedback: FeedbackLike | None = None) -> StacSource | None:
        """The catalog at this URL (its landing page read at the first use), None for a web server
        of scene folders."""
        source = self._resolved(feedback)
        return source.stac if isinstance(source, _StacAsStore) else None


class _StacAsStore:
    """A StacSource answering as a scene store does (problems added to a list, not returned)."""

    def __init__(self, stac: StacSource) -> None:
        self.stac = stac

    @property
    def root(self) -> str:
        return self.stac.root

    def refresh(self) -> None:
        self.stac.refresh()

    def scenes(self) -> list[Scene]:
        return []

    def find(self, view_id: str) -> Scene:
        return self.stac.find(view_id)

    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,
               problems: list[str] | None = None, feedback: FeedbackLike | None = None) -> list[Scene]:
        found, stac_problems = self.stac.search(aoi, start, end, max_cloud, sensors, feedback=feedback)
        if problems is not None:
            problems.extend(stac_problems)
        return list(found)

