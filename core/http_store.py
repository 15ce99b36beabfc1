"""A scene store over plain HTTP: the folder layouts of core/scenes.py served by a web server or a
bucket that lists nothing, a scene found from its view_id by asking for the band files its sensor has.

    https://host/base/tiles/33/U/UU/2017/2/16/0/B04.tif       Sentinel-2 tile layout
    https://host/base/L8/LC80200392015216LGN00/B4.TIF         Landsat scene folders (also {scene id}_B4.TIF)
    https://host/base/MODIS/12/04/2017204/2017213034223/B01.tif   any folder named by its view_id

Each band the sensor has is asked for with a HEAD request (a one-byte range where HEAD is refused),
through the source's transport (inside QGIS, QGIS's network with its proxy and the source's
authentication configuration, one after the other in the task's thread; on the command line,
`requests`, all bands at once); a band the server answers 404 (or 403, as a bucket says of a key it will not
list) is left out; none found is SceneNotFoundError naming the scene's folder URL. Only GeoTIFF
bands (`.tif`): JPEG 2000 is not read over HTTP (core/http_raster.py). Metadata files are not
looked for. A query string of the base URL (a container's signature) is added to every file's URL.
Without a listing there is nothing to search: `search` says so.
"""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from urllib.parse import quote, urlsplit, urlunsplit

from .errors import DataError, SceneNotFoundError
from .feedback import FeedbackLike
from .gdal_support import shown_url
from .http_raster import RemoteReading, explain_failure
from .i18n import tr
from .remote.transport import RequestsTransport, TransportError, TransportFactory, thread_bound
from .scenes import LAYOUT_VIEW_ID_FOLDER, Scene
from .sensors import SENTINEL2, SceneId, parse_view_id

# Band files asked for at once.
CHECK_THREADS = 8
# Answers that say "no such file": what a bucket answers for a key it does not have (403 when it
# does not let the caller list, and so will not say whether the key exists).
_MISSING = (403, 404, 410)


class HttpSceneStore:
    """The scenes under `base_url` (http or https), found by view_id; `transport` carries the
    probes (None: `requests`)."""

    def __init__(self, base_url: str, reading: RemoteReading | None = None,
                 transport: TransportFactory | None = None) -> None:
        parts = urlsplit(base_url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise DataError(tr("{url} is not an http(s) URL").format(url=shown_url(base_url)))
        self._base = urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), "", ""))
        self._query = parts.query
        self.reading = reading or RemoteReading()
        self.transport = transport or RequestsTransport

    @property
    def root(self) -> str:
        return self._base + "/"

    def __repr__(self) -> str:
        return f"HttpSceneStore({self.root!r})"

    def refresh(self) -> None:
        """Nothing is remembered between finds."""

    def find(self, view_id: str) -> Scene:
        scene_id = parse_view_id(view_id)
        folder = scene_folder(scene_id)
        candidates = {band: [self._url(f"{folder}/{name}") for name in file_names(scene_id, band)]
                      for band in scene_id.sensor.band_names}
        if thread_bound(self.transport):  # QGIS's network: from this thread (a task's), one after the other
            found = {band: self._first_present(urls) for band, urls in candidates.items()}
        else:
            with ThreadPoolExecutor(max_workers=CHECK_THREADS, thread_name_prefix="lbe-http-store") as pool:
                found = dict(zip(candidates, pool.map(self._first_present, candidates.values())))
        band_files = {band: url for band, url in found.items() if url is not None}
        if not band_files:
            raise SceneNotFoundError(view_id, shown_url(self._url(folder + "/")))
        product_level = None
        if scene_id.sensor is SENTINEL2:
            product_level = "L2A" if "SCL" in band_files else "L1C"
        return Scene(scene_id=scene_id, band_files=band_files, product_level=product_level,
                     layout=LAYOUT_VIEW_ID_FOLDER)

    def scenes(self) -> list[Scene]:
        return []  # nothing is listed over HTTP

    def search(self, aoi: dict | None = None, start: dt.date | None = None, end: dt.date | None = None,  # noqa: ARG002
               max_cloud: float | None = None, sensors: Sequence[str] | None = None,  # noqa: ARG002
               problems: list[str] | None = None, feedback: FeedbackLike | None = None) -> list[Scene]:  # noqa: ARG002
        message = tr("the scene store {store} lists no scenes over HTTP: it serves scenes by view_id only")
        raise DataError(message.format(store=self.root))

    def _url(self, relative: str) -> str:
        url = f"{self._base}/{quote(relative)}"
        return f"{url}?{self._query}" if self._query else url

    def _first_present(self, urls: Sequence[str]) -> str | None:
        for url in urls:
            if self._present(url):
                return url
        return None

    def _present(self, url: str) -> bool:
        """Whether the server has the file; DataError naming it when the server cannot say (after
        the retries of `reading`: 429, 5xx, no answer)."""
        reading = self.reading
        for attempt in range(reading.retries + 1):
            status = self._status(url)
            if status is not None and status < 300:
                return True
            if status in _MISSING:
                return False
            if status is not None and status != 429 and status < 500:
                break  # an answer that asking again will not change
            if attempt < reading.retries:
                time.sleep(reading.retry_delay * 2 ** attempt)
        reason = explain_failure(url, reading) or tr("the server does not say whether it has the file")
        raise DataError(tr("cannot read {path}: {reason}").format(path=shown_url(url), reason=reason))

    def _status(self, url: str) -> int | None:
        """The status of a HEAD of `url` (of a one-byte GET where HEAD is refused); None without an
        answer."""
        transport = self.transport(time.monotonic, None)
        try:
            for method in ("HEAD", "GET"):
                headers = dict(self.reading.headers)
                if method == "GET":
                    headers["Range"] = "bytes=0-0"
                try:
                    answer = transport.send(method, url, headers=headers, params=None, json_body=None,
                                            timeout=self.reading.timeout,
                                            deadline=time.monotonic() + self.reading.timeout, authenticate=True)
                except TransportError:  # no answer, cut, refused
                    return None
                answer.close()  # the status is all a probe wants
                if method == "HEAD" and answer.status in (405, 501):
                    continue
                return int(answer.status)
        finally:
            transport.close()
        return None


def scene_folder(scene_id: SceneId) -> str:
    """The scene's folder under a store's base, as the local layouts name it."""
    if scene_id.sensor is SENTINEL2:
        return "tiles/" + scene_id.view_id.split("/", 1)[1]
    return scene_id.view_id


def file_names(scene_id: SceneId, band: str) -> list[str]:
    """The names a band's file may have in its folder, in the order they are asked for."""
    names = [f"{band}.tif", f"{band}.TIF"]
    if scene_id.sensor.code.startswith("L"):
        names.append(f"{scene_id.scene_name}_{band}.TIF")
    return names
